"""Tests of the lifecycle commands: etsi evidence hash/verify (digests,
tampering, references escaping the root, progress on a terminal only, a
large artifact hashed in bounded memory), etsi release (carry-forward marks,
the old file untouched, etsi check until reviewed) and etsi diff (exit
statuses as diff(1), text and JSON, stale evidence, pairs of examples).

Run through ctest, which sets ETSI_CLI and ETSI_SOURCE_DIR, or by hand:

    cd tests/cli && ETSI_CLI=/tmp/l7a/tools/etsi/etsi ETSI_SOURCE_DIR=/work/main \\
        python3 -m unittest -v test_lifecycle
"""
import hashlib
import json
import os
import pathlib
import pty
import re
import select
import shutil
import subprocess
import sys
import tempfile
import unittest

CLI = os.environ["ETSI_CLI"]
SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])
DATA = SOURCE / "tests" / "data" / "lifecycle"
EXAMPLES = SOURCE / "examples" / "dossiers"
AS_OF = "2026-06-01"


def etsi(*args, cwd=None, timeout=120):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          timeout=timeout)


def statuses(stdout):
    """{artifact id: status} from the lines etsi evidence prints."""
    out = {}
    for m in re.finditer(r"^\S+:\d+: \w+\[artifact-([a-z-]+)\] [^:]+: artifact '([^']+)'",
                         stdout, re.M):
        out[m.group(2)] = m.group(1)
    return out


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="etsi-lifecycle-"))
        self.root = self.tmp / "package"
        shutil.copytree(DATA / "package", self.root)
        self.dossier = self.tmp / "evidence.xml"
        shutil.copyfile(DATA / "evidence.xml", self.dossier)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def dossier_with(self, *replacements, name="changed.xml"):
        text = (DATA / "evidence.xml").read_text()
        for old, new in replacements:
            self.assertEqual(text.count(old), 1, old)
            text = text.replace(old, new)
        path = self.tmp / name
        path.write_text(text)
        return path


class Evidence(TempDirTest):
    def test_verify_the_fixture(self):
        r = etsi("evidence", "verify", self.dossier, "--root", self.root)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)  # art-settings has no digest
        self.assertEqual(statuses(r.stdout), {
            "art-report": "ok", "art-log": "ok", "art-spec": "ok",
            "art-settings": "no-digest", "art-support-page": "external"})
        self.assertIn(f"{self.dossier}: 5 artifacts: 3 ok, 1 external, 1 no-digest\n", r.stdout)
        self.assertIn("    hint: record its digest with `etsi evidence hash FILE --root DIR`",
                      r.stdout)
        # stderr is not a terminal: no progress
        self.assertEqual(r.stderr, "")

    def test_hash_records_and_saves(self):
        before = self.dossier.read_text()
        r = etsi("evidence", "hash", self.dossier, "--root", self.root)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertEqual(statuses(r.stdout)["art-settings"], "hashed")
        self.assertEqual(r.stderr, f"etsi: recorded 1 digest in {self.dossier}\n")
        after = self.dossier.read_text()
        self.assertNotEqual(before, after)
        self.assertIn('sha256="eddbdbe70f62b369276d5cb3dfb5b6aec0891ce735422fc617538c4d490059e6" '
                      'size="144"', after)
        # the saved dossier is valid and verifies
        self.assertEqual(etsi("validate", self.dossier).returncode, 0)
        r = etsi("evidence", "verify", self.dossier, "--root", self.root)
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertIn("4 ok, 1 external", r.stdout)
        # nothing new to record: the file is not written again
        mtime = self.dossier.stat().st_mtime_ns
        r = etsi("evidence", "hash", self.dossier, "-r", self.root)
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        self.assertEqual(self.dossier.stat().st_mtime_ns, mtime)

    def test_a_flipped_byte_is_a_change(self):
        log = self.root / "logs" / "device.log"
        data = bytearray(log.read_bytes())
        data[100] ^= 0x20
        log.write_bytes(bytes(data))
        r = etsi("evidence", "verify", self.dossier, "--root", self.root)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(statuses(r.stdout)["art-log"], "changed")
        self.assertRegex(r.stdout, r"evidence\.xml:63: error\[artifact-changed\] 5\.3-9: artifact "
                         r"'art-log' \(logs/device\.log\) has changed: its SHA-256 is [0-9a-f]{64}, "
                         r"the dossier records ab85072a")
        # hash keeps the reviewed digest (and says so) unless told to update it; the
        # other artifacts are recorded all the same
        r = etsi("evidence", "hash", self.dossier, "--root", self.root, "--quiet")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(statuses(r.stdout)["art-log"], "changed")
        self.assertEqual(statuses(r.stdout)["art-settings"], "hashed")
        self.assertIn("ab85072a552e02c35e65f9c3385be8c3854bcf1906c2e9ca926bcec6421ac41e",
                      self.dossier.read_text())
        r = etsi("evidence", "hash", self.dossier, "--root", self.root, "--update")
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertEqual(statuses(r.stdout)["art-log"], "updated")
        self.assertIn("warning[artifact-updated]", r.stdout)
        self.assertNotIn("ab85072a552e02c35e65f9c3385be8c3854bcf1906c2e9ca926bcec6421ac41e",
                         self.dossier.read_text())

    def test_size_change_and_missing(self):
        (self.root / "reports" / "update-verification.txt").write_text("short\n")
        (self.root / "reports" / "crypto-spec.txt").unlink()
        r = etsi("evidence", "verify", self.dossier, "--root", self.root)
        self.assertEqual(r.returncode, 1)
        self.assertIn("has changed: it is 6 bytes, the dossier records 404", r.stdout)
        self.assertEqual(statuses(r.stdout)["art-spec"], "missing")
        self.assertIn(f"is not under {self.root}: '{self.root}/reports/crypto-spec.txt' does "
                      "not exist",
                      r.stdout)
        shutil.rmtree(self.root / "logs")
        r = etsi("evidence", "verify", self.dossier, "--root", self.root)
        self.assertIn(f"'{self.root}/logs' does not exist", r.stdout)

    def test_escapes_are_refused(self):
        outside = self.tmp / "outside"
        outside.mkdir()
        (outside / "secret.txt").write_text("secret\n")
        # a file link and a directory link leading out, relative and absolute
        os.symlink("../../outside/secret.txt", self.root / "reports" / "rel-file.txt")
        os.symlink(outside / "secret.txt", self.root / "reports" / "abs-file.txt")
        os.symlink("../outside", self.root / "rel-dir")
        os.symlink(outside, self.root / "abs-dir")
        # and one that stays inside: followed
        os.symlink("update-verification.txt", self.root / "reports" / "inside.txt")
        cases = {
            "art-report": ("reports/inside.txt", None),
            "art-log": ("../outside/secret.txt", "it has a '..' component"),
            "art-spec": (str(outside / "secret.txt"), "it is an absolute path"),
            "art-settings": ("reports/rel-file.txt",
                             "symbolic link 'reports/rel-file.txt' leads out of the root"),
        }
        path = self.dossier_with(
            ('ref="reports/update-verification.txt"', 'ref="reports/inside.txt"'),
            ('ref="logs/device.log"', 'ref="../outside/secret.txt"'),
            ('ref="reports/crypto-spec.txt"', f'ref="{outside / "secret.txt"}"'),
            ('ref="captures/settings-screen.txt" media-type="text/plain"',
             'ref="reports/rel-file.txt" media-type="text/plain" '
             'sha256="0000000000000000000000000000000000000000000000000000000000000000"'))
        r = etsi("evidence", "verify", path, "--root", self.root)
        self.assertEqual(r.returncode, 1)
        got = statuses(r.stdout)
        for artifact, (ref, why) in cases.items():
            with self.subTest(artifact=artifact, ref=ref):
                if why is None:
                    self.assertEqual(got[artifact], "ok")
                else:
                    self.assertEqual(got[artifact], "refused")
                    self.assertIn(f"artifact '{artifact}' ({ref}) is refused: {why}; references "
                                  f"resolve only inside {self.root}", r.stdout)
        # through intermediate directories
        for link, why in (("rel-dir", "symbolic link 'rel-dir' leads out of the root"),
                          ("abs-dir", "symbolic link 'abs-dir' points to an absolute path")):
            with self.subTest(link=link):
                path = self.dossier_with(('ref="logs/device.log"',
                                          f'ref="{link}/secret.txt"'), name=f"{link}.xml")
                r = etsi("evidence", "verify", path, "--root", self.root)
                self.assertEqual(r.returncode, 1)
                self.assertEqual(statuses(r.stdout)["art-log"], "refused")
                self.assertIn(why, r.stdout)
                # and hash records nothing for it
                r = etsi("evidence", "hash", path, "--root", self.root)
                self.assertEqual(r.returncode, 1)
                self.assertEqual(statuses(r.stdout)["art-log"], "refused")
                self.assertNotIn('size="7"', path.read_text())

    def test_usage_and_io_errors(self):
        for args, message in (
                (("evidence",), "say hash or verify"),
                (("evidence", "check", self.dossier, "--root", self.root), "'check' is not"),
                (("evidence", "verify", self.dossier), "--root is required"),
                (("evidence", "verify", "--root", self.root), "give exactly one dossier"),
                (("evidence", "verify", self.dossier, self.dossier, "--root", self.root),
                 "give exactly one dossier"),
                (("evidence", "verify", self.dossier, "--root", self.root, "--update"),
                 "--update is for hash only"),
                (("evidence", "verify", self.dossier, "--root", self.tmp / "nothing"),
                 f"{self.tmp / 'nothing'} does not exist"),
                (("evidence", "verify", self.tmp / "nothing.xml", "--root", self.root),
                 "cannot open"),
                (("evidence", "hash", self.dossier, "--root", self.dossier),
                 f"{self.dossier} is not a directory")):
            with self.subTest(args=args[:3]):
                r = etsi(*args)
                self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
                self.assertIn(message, r.stderr)
        # hash needs a valid dossier (it saves it)
        bad = self.dossier_with(('support="Y"><detail>Signed bundles', 'support="yes"><detail>'
                                 'Signed bundles'))
        r = etsi("evidence", "hash", bad, "--root", self.root)
        self.assertEqual(r.returncode, 1)
        self.assertIn("error:", r.stderr)

    def run_on_terminal(self, *args):
        """Runs etsi with stderr on a pseudo-terminal; (status, stdout, terminal output)."""
        master, slave = pty.openpty()
        proc = subprocess.Popen([CLI, *map(str, args)], stdout=subprocess.PIPE, stderr=slave)
        os.close(slave)
        seen = b""
        while True:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                seen += chunk
            elif proc.poll() is not None:
                break
        out = proc.stdout.read().decode()
        proc.wait(timeout=60)
        os.close(master)
        return proc.returncode, out, seen.decode(errors="replace")

    def test_progress_only_on_a_terminal(self):
        status, out, terminal = self.run_on_terminal("evidence", "hash", self.dossier,
                                                     "--root", self.root)
        self.assertEqual(status, 0, out + terminal)
        self.assertIn("[1/5] art-report", terminal)
        self.assertIn("(100%)", terminal)
        self.assertIn("\r\x1b[K", terminal)  # the line is cleared at the end
        self.assertNotIn("\r", out)
        # --quiet: nothing but the closing note
        status, out, terminal = self.run_on_terminal("evidence", "verify", self.dossier,
                                                     "--root", self.root, "--quiet")
        self.assertEqual(status, 0, out + terminal)
        self.assertEqual(terminal, "")


class LargeArtifact(TempDirTest):
    # past 2**31: no signed 32-bit size or offset survives it
    SIZE = 3 * 1024 ** 3
    SMALL = 300 * 1024 ** 2  # where the file system keeps no sparse files
    PROBE = ("import resource, subprocess, sys, time\n"
             "t = time.monotonic()\n"
             "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
             "t = time.monotonic() - t\n"
             "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, t)\n")

    def peak(self, *args):
        """(exit status, peak RSS in bytes, seconds) of etsi run in a fresh process."""
        r = subprocess.run([sys.executable, "-c", self.PROBE, CLI, *map(str, args)],
                           capture_output=True, text=True, timeout=600)
        status, maxrss_kib, seconds = r.stdout.split()
        return int(status), int(maxrss_kib) * 1024, float(seconds)

    def test_hashed_in_bounded_memory(self):
        big = self.root / "firmware.bin"
        with open(big, "wb") as f:
            f.truncate(self.SIZE)  # sparse: no disk space, still 3 GiB to read
        size = self.SIZE
        if big.stat().st_blocks * 512 >= 1 << 20:  # not sparse here: spare the disk
            size = self.SMALL
            os.truncate(big, size)
            print(f"\n    no sparse files on this file system: {size >> 20} MiB instead",
                  file=sys.stderr)
        path = self.dossier_with(
            ('ref="captures/settings-screen.txt" media-type="text/plain"',
             'ref="firmware.bin" media-type="application/octet-stream"'))
        # the same process on the same dossier with a 1-byte file: its peak
        # is what etsi needs whatever the artifacts' sizes
        small_root = self.tmp / "small"
        shutil.copytree(self.root, small_root, ignore=shutil.ignore_patterns("firmware.bin"))
        (small_root / "firmware.bin").write_bytes(b"\0")
        small = shutil.copyfile(path, self.tmp / "small.xml")
        status, baseline, _ = self.peak("evidence", "hash", small, "--root", small_root)
        self.assertEqual(status, 0)
        status, maxrss, seconds = self.peak("evidence", "hash", path, "--root", self.root)
        self.assertEqual(status, 0)
        print(f"\n    {size >> 20} MiB artifact: peak RSS {maxrss / 2**20:.1f} MiB "
              f"(1-byte artifact: {baseline / 2**20:.1f} MiB), {seconds:.1f} s, "
              f"{size / 2**20 / seconds:.0f} MiB/s", file=sys.stderr)
        # constant memory: the read buffer is 1 MiB; allow allocator noise
        self.assertLess(maxrss - baseline, 8 << 20)
        self.assertLess(maxrss, 64 << 20)
        text = path.read_text()
        self.assertIn(f'size="{size}"', text)
        # the digest is the one Python's hashlib gives for that many zero bytes
        h, zeros = hashlib.sha256(), bytes(1 << 20)
        for _ in range(size >> 20):
            h.update(zeros)
        self.assertIn(f'sha256="{h.hexdigest()}"', text)
        # and verify reads it all again, to the same verdict
        status, maxrss, _ = self.peak("evidence", "verify", path, "--root", self.root)
        self.assertEqual(status, 0)
        self.assertLess(maxrss - baseline, 8 << 20)


class Release(TempDirTest):
    def test_release_marks_and_keeps_the_old_file(self):
        out = self.tmp / "evidence-1.1.0.xml"
        before = self.dossier.read_bytes()
        mtime = self.dossier.stat().st_mtime_ns
        r = etsi("release", self.dossier, "--version", "1.1.0", "-o", out, "--date", "2026-06-01")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, f"etsi: wrote {out}: release 1.1.0 carried from 1.0.0; to "
                                   "review: 4 evidence items, 5 ICS entries, 1 verdict\n")
        self.assertEqual(self.dossier.read_bytes(), before)
        self.assertEqual(self.dossier.stat().st_mtime_ns, mtime)
        text = out.read_text()
        self.assertIn('<release version="1.1.0" date="2026-06-01" previous="1.0.0">', text)
        self.assertIn('<carried-from release="1.0.0" evidence="ev-verification"/>', text)
        self.assertEqual(text.count('review="needs-review" release="1.0.0"'), 4)
        self.assertEqual(text.count('<carried-from release="1.0.0"/>'), 6)  # 5 ICS + 1 verdict
        self.assertNotIn("test-plan", text)
        self.assertNotIn("signed-off", text)
        self.assertEqual(etsi("validate", out).returncode, 0)
        # etsi check flags every carried item until it is reviewed
        r = etsi("check", "--as-of", AS_OF, "--format", "json", out)
        self.assertEqual(r.returncode, 1)
        # one finding a rule, each place it was made at a record
        rules = [f["rule"] for f in json.loads(r.stdout) for _ in f["records"]]
        self.assertEqual(rules.count("evidence-needs-review"), 4)
        self.assertEqual(rules.count("ics-needs-review"), 5)
        self.assertEqual(rules.count("verdict-needs-review"), 1)
        self.assertNotIn("evidence-release-mismatch", rules)
        r = etsi("outcomes", "--as-of", AS_OF, out)
        self.assertRegex(r.stdout, r"5\.3-9 .*NOT ASSESSED")

    def test_release_to_standard_output(self):
        r = etsi("release", self.dossier, "--version", "1.1.0", "-o", "-")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(r.stdout.startswith("<?xml"))
        self.assertIn('<release version="1.1.0" previous="1.0.0">', r.stdout)

    def test_refusals(self):
        out = self.tmp / "next.xml"
        out.write_text("keep me")
        r = etsi("release", self.dossier, "--version", "1.1.0", "-o", out)
        self.assertEqual(r.returncode, 2)
        self.assertIn("exists; pass --force", r.stderr)
        self.assertEqual(out.read_text(), "keep me")
        # never over the old file, not even with --force
        r = etsi("release", self.dossier, "--version", "1.1.0", "-o", self.dossier, "--force")
        self.assertEqual(r.returncode, 2)
        self.assertIn("is the input itself", r.stderr)
        self.assertEqual(self.dossier.read_text(), (DATA / "evidence.xml").read_text())
        # the same release again: the input is wrong, exit 1
        r = etsi("release", self.dossier, "--version", "1.0.0", "-o", self.tmp / "same.xml")
        self.assertEqual(r.returncode, 1)
        self.assertIn("already for release 1.0.0", r.stderr)
        self.assertFalse((self.tmp / "same.xml").exists())
        for args in (("release", self.dossier, "-o", self.tmp / "x.xml"),
                     ("release", self.dossier, "--version", "1.1.0"),
                     ("release", "--version", "1.1.0", "-o", self.tmp / "x.xml"),
                     ("release", self.dossier, "--version", "1.1.0", "-o", self.tmp / "x.xml",
                      "--date", "2026-13-01")):
            with self.subTest(args=args):
                self.assertEqual(etsi(*args).returncode, 2)
        r = etsi("release", self.tmp / "nothing.xml", "--version", "2", "-o", self.tmp / "x.xml")
        self.assertEqual(r.returncode, 2)
        r = etsi("release", self.dossier, "--version", "1.1.0", "-o", out, "--force")
        self.assertEqual(r.returncode, 0, r.stderr)


class Diff(TempDirTest):
    def test_no_differences(self):
        r = etsi("diff", self.dossier, DATA / "evidence.xml")
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        self.assertTrue(r.stdout.endswith("no differences\n"), r.stdout)
        r = etsi("diff", "--format", "json", self.dossier, DATA / "evidence.xml")
        self.assertEqual(r.returncode, 0)
        self.assertEqual(json.loads(r.stdout)["summary"],
                         {"changes": 0, "added": 0, "removed": 0, "changed": 0, "stale": 0})

    def test_crypto_change_makes_5_3_9_evidence_stale(self):
        new = self.dossier_with(("ECDSA P-256 over SHA-256 for the manifest",
                                 "ECDSA P-384 over SHA-384 for the manifest"))
        r = etsi("diff", self.dossier, new)
        self.assertEqual(r.returncode, 1, r.stderr)
        lines = new.read_text().splitlines()
        upd_mech = 1 + next(i for i, l in enumerate(lines) if '<upd-mech id="um-ota"' in l)
        evidence = 1 + next(i for i, l in enumerate(lines) if '<evidence id="ev-verif' in l)
        self.assertIn(f"changed upd-mech um-ota: cryptographic-details (line {upd_mech})\n"
                      "  - ECDSA P-256 over SHA-256 for the manifest; per-image SHA-256 digests; "
                      "TLS 1.3.\n"
                      "  + ECDSA P-384 over SHA-384 for the manifest; per-image SHA-256 digests; "
                      "TLS 1.3.\n", r.stdout)
        self.assertIn(f"  {new}:{evidence}: evidence 'ev-verification' (5.3-9) predates a change to "
                      "trust and cryptography: upd-mech 'um-ota' cryptographic-details changed\n",
                      r.stdout)
        self.assertIn("1 change: 0 added, 0 removed, 1 changed; 2 evidence items stale\n",
                      r.stdout)
        doc = json.loads(etsi("diff", "-f", "json", self.dossier, new).stdout)
        self.assertEqual([s["evidence"] for s in doc["stale"]], ["ev-verification", "ev-crypto"])
        self.assertEqual(doc["stale"][0]["cause"],
                         {"kind": "upd-mech", "key": "um-ota", "field": "cryptographic-details"})
        self.assertEqual(doc["old"], {"file": str(self.dossier), "release": "1.0.0"})

    def test_release_then_diff(self):
        out = self.tmp / "next.xml"
        self.assertEqual(etsi("release", self.dossier, "--version", "1.1.0", "-o", out)
                         .returncode, 0)
        r = etsi("diff", "-f", "json", self.dossier, out)
        self.assertEqual(r.returncode, 1)
        doc = json.loads(r.stdout)
        changes = {(c["kind"], c["key"], c["field"]): c for c in doc["changes"]}
        self.assertEqual(changes[("header", None, "release")]["new"], "1.1.0")
        self.assertEqual(changes[("evidence", "ev-crypto", "review")]["old"], "accepted")
        self.assertIsNone(changes[("step", "scope", "signed-off")]["new"])
        self.assertNotIn("test-plan", json.dumps(doc))  # the stored plan is not compared

    def test_pairs_of_examples(self):
        examples = sorted(EXAMPLES.glob("*.xml"))
        self.assertGreaterEqual(len(examples), 3)
        for a in examples:
            for b in examples:
                with self.subTest(old=a.name, new=b.name):
                    r = etsi("diff", "--format", "json", a, b)
                    self.assertEqual(r.returncode, 0 if a == b else 1, r.stderr)
                    doc = json.loads(r.stdout)
                    self.assertEqual(doc["summary"]["changes"], len(doc["changes"]))
                    if a != b:
                        self.assertTrue(any(c["kind"] == "dut" for c in doc["changes"]))
                    # text and JSON say the same
                    text = etsi("diff", a, b).stdout
                    self.assertEqual(len(re.findall(r"^(?:changed|added|removed) ", text,
                                                    re.M)), doc["summary"]["changes"])

    def test_an_invalid_dossier_is_compared_too(self):
        bad = self.dossier_with(('support="Y"><detail>Signed bundles',
                                 'support="yes"><detail>Signed bundles'))
        r = etsi("diff", self.dossier, bad)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("changed ics-entry 5.3-2: support", r.stdout)

    def test_usage_and_io_errors(self):
        not_xml = self.tmp / "not.xml"
        not_xml.write_text("<dossier")
        for args in (("diff", self.dossier), ("diff", self.dossier, self.dossier, self.dossier),
                     ("diff", "--format", "csv", self.dossier, self.dossier),
                     ("diff", self.dossier, self.tmp / "nothing.xml"),
                     ("diff", not_xml, self.dossier)):
            with self.subTest(args=args[1:]):
                r = etsi(*args)
                self.assertEqual(r.returncode, 2, r.stdout)
                self.assertEqual(r.stdout, "")


class Help(unittest.TestCase):
    def test_every_lifecycle_command_has_help(self):
        for command in ("evidence", "release", "diff"):
            with self.subTest(command=command):
                a, b = etsi(command, "--help"), etsi("help", command)
                self.assertEqual(a.returncode, 0)
                self.assertEqual(a.stdout, b.stdout)
                self.assertIn(f"usage: etsi {command}", a.stdout)
                self.assertIn("Exit status", a.stdout)
        self.assertRegex(etsi("--help").stdout, r"\n  evidence +record or verify")


if __name__ == "__main__":
    unittest.main()
