"""The type stubs that ship with the etsi package (etsi/__init__.pyi, with
py.typed) pass `mypy --strict`, alone and with a typed program using them
(stubs_usage.py), which then also runs against the package."""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest

from support import CAMERA, etsi

HERE = pathlib.Path(__file__).resolve().parent


def mypy_command():
    """mypy, as Debian's package installs it (scripts/install-deps.sh)."""
    exe = shutil.which("mypy")
    if exe:
        return [exe]
    probe = subprocess.run([sys.executable, "-m", "mypy", "--version"], capture_output=True)
    if probe.returncode == 0:
        return [sys.executable, "-m", "mypy"]
    return None


class StubsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.mypy = mypy_command()
        if cls.mypy is None:
            raise AssertionError("mypy is not installed (apt-get install mypy, or "
                                 "scripts/install-deps.sh)")
        package = pathlib.Path(etsi.__file__).parent
        cls.tmp = tempfile.TemporaryDirectory()
        # the shipped stubs alone, as a stub package: mypy reads the .pyi
        # and nothing of the runtime module
        cls.root = pathlib.Path(cls.tmp.name)
        (cls.root / "etsi").mkdir()
        for name in ("__init__.pyi", "py.typed"):
            shutil.copy(package / name, cls.root / "etsi" / name)
        shutil.copy(HERE / "stubs_usage.py", cls.root / "stubs_usage.py")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def run_mypy(self, *files):
        env = dict(os.environ, MYPYPATH=str(self.root))
        env.pop("PYTHONPATH", None)
        result = subprocess.run(self.mypy + ["--strict", "--no-incremental",
                                             "--cache-dir", os.devnull, *files],
                                cwd=self.root, env=env, capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("Success", result.stdout)

    def test_stubs_pass_mypy_strict(self):
        self.run_mypy("etsi/__init__.pyi")

    def test_typed_usage_passes_mypy_strict(self):
        self.run_mypy("stubs_usage.py")

    def test_typed_usage_runs(self):
        result = subprocess.run([sys.executable, str(self.root / "stubs_usage.py"), str(CAMERA)],
                                capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("comp-fw:", result.stdout)
        self.assertIn("errno 2", result.stdout)


if __name__ == "__main__":
    unittest.main()
