"""Commands that change a dossier in place (etsi verdict, etsi evidence hash,
etsi import --into, etsi plan --store) run side by side on one file: they
hold the file's lock from load to save, so they queue and no change is
lost; and a save interrupted by a signal, or stopped by the file size
limit, leaves no temporary file behind and the dossier unchanged.

Run through ctest, which sets ETSI_CLI and ETSI_SOURCE_DIR, or by hand:

    cd tests/cli && ETSI_CLI=build/h3/tools/etsi/etsi ETSI_SOURCE_DIR=$PWD/../.. \\
        python3 -m unittest -v test_concurrent_writers
"""
import hashlib
import json
import os
import pathlib
import resource
import shutil
import signal
import subprocess
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET

CLI = os.environ["ETSI_CLI"]
SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])
DATA = SOURCE / "tests" / "data" / "lifecycle"
D = "{urn:libetsi:dossier:1}"
AS_OF = "2026-06-01"

# the planned test cases of tests/data/lifecycle/evidence.xml
CASES = ["5.3-2-1", "5.3-2-2", "5.3-6A-1", "5.3-7-1", "5.3-9-1"]


def etsi(*args, **kw):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True,
                          timeout=kw.pop("timeout", 120), **kw)


class Base(unittest.TestCase):
    def setUp(self):
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="etsi-writers-"))
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.root = self.tmp / "package"
        shutil.copytree(DATA / "package", self.root)
        self.dossier = self.tmp / "evidence.xml"
        shutil.copyfile(DATA / "evidence.xml", self.dossier)

    def temporaries(self):
        return sorted(p.name for p in self.tmp.iterdir() if ".etsi-tmp." in p.name)


class ConcurrentWriters(Base):
    WORKERS = 8
    CHANGES = 25

    def worker(self, k):
        """A shell loop of CHANGES commands: workers 0-4 import an SBOM with
        a component of their own each time, 5-6 record verdicts, 7 changes
        an artifact and records its digest.  Returns the Popen."""
        lines = ["set -e"]
        for i in range(self.CHANGES):
            if k < 5:
                sbom = self.tmp / f"sbom-{k}-{i}.json"
                sbom.write_text(json.dumps({
                    "bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
                    "components": [{"type": "library", "name": f"lib-w{k}-c{i}",
                                    "version": "1.0.0"}]}))
                lines.append(f"'{CLI}' import --from cyclonedx --into '{self.dossier}' "
                             f"'{sbom}'")
            elif k < 7:
                case = CASES[(i + k) % len(CASES)]
                lines.append(f"'{CLI}' verdict '{self.dossier}' --case {case} --result PASS "
                             f"--by lab --date {AS_OF} --note 'w{k} c{i}'")
            else:
                capture = self.root / "captures" / "settings-screen.txt"
                lines.append(f"printf 'settings, change {i}\\n' > '{capture}'")
                lines.append(f"'{CLI}' evidence hash --update '{self.dossier}' --root '{self.root}' "
                             f"> /dev/null")
        return subprocess.Popen(["sh", "-c", "\n".join(lines)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)

    def test_no_change_is_lost(self):
        start = time.monotonic()
        procs = [self.worker(k) for k in range(self.WORKERS)]
        for k, p in enumerate(procs):
            _, err = p.communicate(timeout=600)
            self.assertEqual(p.returncode, 0, f"worker {k}: {err}")
        elapsed = time.monotonic() - start
        root = ET.parse(self.dossier).getroot()
        names = {c.findtext(D + "name") for c in root.iter(D + "component")}
        imported = {f"lib-w{k}-c{i}" for k in range(5) for i in range(self.CHANGES)}
        self.assertEqual(sorted(imported - names), [], "every imported component is there")
        # the verdicts: each case's last note is the last one written for it
        last = {}
        for k in (5, 6):
            for i in range(self.CHANGES):
                last.setdefault(CASES[(i + k) % len(CASES)], {})[k] = i
        notes = {v.get("case"): v.findtext(D + "note") for v in root.iter(D + "verdict")}
        for case, by_worker in last.items():
            self.assertIn(notes.get(case), {f"w{k} c{i}" for k, i in by_worker.items()},
                          f"verdict of {case}")
        # the digest recorded is that of the artifact's last content
        art = [a for a in root.iter(D + "artifact") if a.get("id") == "art-settings"][0]
        last_content = f"settings, change {self.CHANGES - 1}\n".encode()
        self.assertEqual(art.get("sha256"), hashlib.sha256(last_content).hexdigest())
        self.assertEqual(etsi("validate", self.dossier).returncode, 0)
        self.assertEqual(self.temporaries(), [])
        print(f"\n{self.WORKERS} writers x {self.CHANGES} commands: {len(imported)} imports, "
              f"{2 * self.CHANGES} verdicts, {self.CHANGES} digests, none lost, "
              f"{elapsed:.1f} s", end=" ")

    def test_plan_store_waits_for_the_lock(self):
        """etsi plan --store among verdicts: both kinds of change are kept."""
        verdicts = subprocess.Popen(
            ["sh", "-c", "set -e\n" + "\n".join(
                f"'{CLI}' verdict '{self.dossier}' --case {CASES[i % 5]} --result FAIL "
                f"--by lab --date {AS_OF} --note 'n{i}'" for i in range(10))],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(5):
            r = etsi("plan", "--store", "--as-of", AS_OF, self.dossier)
            self.assertEqual(r.returncode, 0, r.stderr)
        _, err = verdicts.communicate(timeout=300)
        self.assertEqual(verdicts.returncode, 0, err)
        root = ET.parse(self.dossier).getroot()
        self.assertIsNotNone(root.find(D + "test-plan"))
        notes = {v.get("case"): v.findtext(D + "note") for v in root.iter(D + "verdict")}
        for i in range(5, 10):
            self.assertEqual(notes[CASES[i % 5]], f"n{i}")


class Interrupted(Base):
    def test_file_size_limit(self):
        """A save beyond RLIMIT_FSIZE: SIGXFSZ does not kill etsi, the write
        fails, the temporary is removed and the dossier is unchanged."""
        before = self.dossier.read_bytes()
        limit = len(before) // 2

        def small_files():
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        r = subprocess.run([CLI, "verdict", str(self.dossier), "--case", CASES[0], "--result",
                            "PASS", "--by", "lab", "--date", AS_OF],
                           capture_output=True, text=True, timeout=60, preexec_fn=small_files)
        self.assertGreater(r.returncode, 0, r.stderr)  # an exit status, not a signal
        self.assertIn("cannot write: File too large; the original file is unchanged", r.stderr)
        self.assertEqual(self.dossier.read_bytes(), before)
        self.assertEqual(self.temporaries(), [])

    def test_signals_leave_no_temporary(self):
        """SIGTERM or SIGINT while etsi saves a large report: as soon as its
        temporary file appears the signal is sent; etsi dies of it and the
        temporary is gone.  Timing decides whether the signal lands during
        the save; the test retries until it does a few times and requires
        no temporary after every attempt."""
        camera = SOURCE / "examples" / "dossiers" / "smart-camera-v3.xml"
        out = self.tmp / "report.html"
        caught = {signal.SIGTERM: 0, signal.SIGINT: 0}
        attempts = 0
        while min(caught.values()) < 2 and attempts < 60:
            sig = signal.SIGTERM if attempts % 2 == 0 else signal.SIGINT
            attempts += 1
            p = subprocess.Popen([CLI, "report", "--format", "html", "--force", "-o", str(out),
                                  str(camera)], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 30
            while p.poll() is None and time.monotonic() < deadline:
                if any(".report.html.etsi-tmp." in n for n in os.listdir(self.tmp)):
                    p.send_signal(sig)
                    break
            p.wait(timeout=60)
            if p.returncode == -sig:
                caught[sig] += 1
            self.assertEqual(self.temporaries(), [], f"attempt {attempts}")
        print(f"\n{attempts} attempts, interrupted during the save: "
              f"{caught[signal.SIGTERM]} by SIGTERM, {caught[signal.SIGINT]} by SIGINT",
              end=" ")
        self.assertGreaterEqual(caught[signal.SIGTERM] + caught[signal.SIGINT], 1,
                                "no signal landed during a save")


if __name__ == "__main__":
    unittest.main()
