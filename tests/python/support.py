"""Shared helpers of the Python binding's tests (tests/python/test_*.py).

The tests run through ctest (test "python"), which sets PYTHONPATH to the
built package and ETSI_SOURCE_DIR, ETSI_TEST_DATA and ETSI_CLI, or by hand:

    cd tests/python && PYTHONPATH=BUILD/bindings/python ETSI_SOURCE_DIR=$PWD/../.. \\
        ETSI_TEST_DATA=$PWD/../data ETSI_CLI=BUILD/tools/etsi/etsi \\
        python3 -m unittest discover -v -s . -p "test_*.py"

Nothing here writes into the source tree: every test that saves works on a
copy in a temporary directory.
"""
import importlib.util
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import unittest


def _sanitizer_runtime():
    """The soname of the AddressSanitizer runtime the extension module was
    linked with (a build with ETSI_SANITIZE=ON), or None."""
    spec = importlib.util.find_spec("etsi")
    for directory in (spec.submodule_search_locations or []) if spec else []:
        for module in pathlib.Path(directory).glob("_core*.so"):
            m = re.search(rb"libasan\.so(\.\d+)*", module.read_bytes())
            if m:
                return m.group(0).decode()
    return None


def _preload_sanitizer():
    """An ASan-instrumented extension cannot be loaded into an interpreter
    that was not started with the ASan runtime: run the tests again with it
    preloaded.  CPython frees little at exit, so leak detection is off for
    the interpreter; tests/python/test_ownership.py measures the binding's
    memory in ordinary builds instead."""
    runtime = _sanitizer_runtime()
    if not runtime or runtime in os.environ.get("LD_PRELOAD", ""):
        return runtime
    env = dict(os.environ)
    env["LD_PRELOAD"] = " ".join(filter(None, [runtime, env.get("LD_PRELOAD")]))
    env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "detect_leaks=0"]))
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, [sys.executable, *sys.orig_argv[1:]], env)


#: the ASan runtime when the binding was built with sanitizers, else None
SANITIZED = _preload_sanitizer()

import etsi  # noqa: E402  (after the sanitizer runtime is in place)

SOURCE = pathlib.Path(os.environ.get("ETSI_SOURCE_DIR",
                                     pathlib.Path(__file__).resolve().parents[2]))
DATA = pathlib.Path(os.environ.get("ETSI_TEST_DATA", SOURCE / "tests" / "data"))
CLI = os.environ.get("ETSI_CLI")
EXAMPLES = SOURCE / "examples" / "dossiers"
RULES = DATA / "rules"

#: the date the examples are kept current for (examples/dossiers/README.md)
EXAMPLES_AS_OF = "2026-11-26"
#: the date the rule fixtures are checked as of (tests/data/rules/README.md)
RULES_AS_OF = "2026-06-01"

CAMERA = EXAMPLES / "smart-camera-v3.xml"
SENSOR = EXAMPLES / "constrained-sensor-v2.xml"
PLUG = EXAMPLES / "smart-plug-usb-v3.xml"
BASELINE_V3 = RULES / "baseline-v3.xml"
MINIMAL_V3 = DATA / "valid" / "minimal-v3.xml"


def example_paths():
    return sorted(EXAMPLES.glob("*.xml"))


def run_cli(*args, cwd=None, check=False, statuses=(0,)):
    """Runs the etsi command; with check, fails unless it exits with one of
    `statuses`.  The test is skipped when ETSI_CLI is not set."""
    if not CLI:
        raise unittest.SkipTest("ETSI_CLI is not set")
    proc = subprocess.run([CLI, *map(str, args)], capture_output=True, cwd=cwd, timeout=120)
    # decoded by hand: the bytes as printed, CRLF of the CSV formats included
    proc.stdout = proc.stdout.decode("utf-8")
    proc.stderr = proc.stderr.decode("utf-8")
    if check and proc.returncode not in statuses:
        raise AssertionError(f"etsi {' '.join(map(str, args))} exited {proc.returncode}:\n"
                             f"{proc.stdout}{proc.stderr}")
    return proc


def cli_json(*args, statuses=(0,)):
    """The JSON the etsi command prints."""
    return json.loads(run_cli(*args, check=True, statuses=statuses).stdout)


class TempDirTestCase(unittest.TestCase):
    """A test case with a fresh temporary directory in self.tmp."""

    def setUp(self):
        super().setUp()
        self._tmp = tempfile.TemporaryDirectory(prefix="etsi-py-")
        self.tmp = pathlib.Path(self._tmp.name)
        self.addCleanup(self._tmp.cleanup)

    def copy(self, path, name=None):
        """A copy of a file in the temporary directory."""
        target = self.tmp / (name or pathlib.Path(path).name)
        shutil.copyfile(path, target)
        return target


def big_dossier_text(items):
    """baseline-v3.xml with `items` more evidence items, each with an
    artifact: a valid dossier that takes libetsi a while to evaluate."""
    item = ('<evidence id="ev-x{i}" provision="5.3-2" kind="conceptual" '
            'category="design-document" owner="own-psl" review="accepted" release="2.6.0">'
            '<claim>Extra evidence item {i}.</claim>'
            '<artifact id="art-x{i}" ref="evidence/x{i}.pdf" media-type="application/pdf" '
            'sha256="' + "ab" * 32 + '" size="1" visibility="private"/></evidence>\n')
    text = BASELINE_V3.read_text(encoding="utf-8")
    extra = "".join(item.format(i=i) for i in range(items))
    return text.replace("</evidence-map>", extra + "</evidence-map>")


def rss_bytes():
    """The resident set size of this process (Linux /proc/self/statm)."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE")


def python():
    return sys.executable


__all__ = ["etsi", "SANITIZED", "SOURCE", "DATA", "CLI", "EXAMPLES", "RULES", "EXAMPLES_AS_OF",
           "RULES_AS_OF", "CAMERA", "SENSOR", "PLUG", "BASELINE_V3", "MINIMAL_V3",
           "example_paths", "run_cli", "cli_json", "TempDirTestCase", "big_dossier_text",
           "rss_bytes", "python"]
