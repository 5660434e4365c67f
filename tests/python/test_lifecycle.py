"""The lifecycle from Python: artifact digests (hash_artifacts,
verify_artifacts, tampering, references escaping the root, the progress
callable, exceptions it raises, the GIL released meanwhile), the next
release's dossier (Dossier.release) and diffs (Dossier.diff, etsi.diff,
Diff, Change, Stale)."""
import json
import os
import shutil
import threading
import time
import unittest

from support import EXAMPLES, TempDirTestCase, etsi, DATA

LIFECYCLE = DATA / "lifecycle"
AS_OF = "2026-06-01"


def statuses(report):
    return {d.element: d.rule for d in report}


class Artifacts(TempDirTestCase):
    def setUp(self):
        super().setUp()
        self.root = self.tmp / "package"
        shutil.copytree(LIFECYCLE / "package", self.root)
        self.path = self.copy(LIFECYCLE / "evidence.xml")

    def test_verify_and_hash(self):
        with etsi.load(self.path) as d:
            report = d.verify_artifacts(self.root)
            self.assertIsInstance(report, etsi.Diagnostics)
            self.assertEqual(statuses(report), {
                "art-report": "artifact-ok", "art-log": "artifact-ok",
                "art-spec": "artifact-ok", "art-settings": "artifact-no-digest",
                "art-support-page": "artifact-external"})
            self.assertEqual(len(report.errors), 1)
            self.assertEqual(report.errors[0].reference, "5.3-6A")
            report = d.hash_artifacts(str(self.root))
            self.assertEqual(statuses(report)["art-settings"], "artifact-hashed")
            self.assertEqual(report.errors, [])
            settings = d.find("artifact", "art-settings")
            self.assertEqual(settings["sha256"],
                             "eddbdbe70f62b369276d5cb3dfb5b6aec0891ce735422fc617538c4d490059e6")
            self.assertEqual(settings["size"], "144")
            d.save()
        with etsi.load(self.path) as d:
            self.assertEqual(d.verify_artifacts(self.root).errors, [])

    def test_tampering(self):
        log = self.root / "logs" / "device.log"
        data = bytearray(log.read_bytes())
        data[0] ^= 1
        log.write_bytes(bytes(data))
        with etsi.load(self.path) as d:
            report = d.verify_artifacts(self.root)
            changed = [x for x in report if x.element == "art-log"][0]
            self.assertEqual(changed.rule, "artifact-changed")
            self.assertEqual(changed.severity, "error")
            self.assertIn("has changed: its SHA-256 is", changed.message)
            self.assertTrue(str(changed).endswith(changed.message))
            # kept unless update
            report = d.hash_artifacts(self.root)
            self.assertEqual(statuses(report)["art-log"], "artifact-changed")
            self.assertTrue(d.find("artifact", "art-log")["sha256"].startswith("ab85072a"))
            report = d.hash_artifacts(self.root, update=True)
            self.assertEqual(statuses(report)["art-log"], "artifact-updated")
            self.assertEqual(report.warnings[0].element, "art-log")
            self.assertFalse(d.find("artifact", "art-log")["sha256"].startswith("ab85072a"))

    def test_escapes(self):
        outside = self.tmp / "outside.txt"
        outside.write_text("secret\n")
        os.symlink("../../outside.txt", self.root / "logs" / "escape.log")
        os.symlink(str(self.tmp), self.root / "up")
        text = (LIFECYCLE / "evidence.xml").read_text()
        text = text.replace('ref="logs/device.log"', 'ref="logs/escape.log"')
        text = text.replace('ref="reports/crypto-spec.txt"', 'ref="up/outside.txt"')
        text = text.replace('ref="reports/update-verification.txt"', 'ref="../outside.txt"')
        with etsi.loads(text, name="escapes.xml") as d:
            report = d.verify_artifacts(self.root)
            got = statuses(report)
            for artifact in ("art-log", "art-spec", "art-report"):
                self.assertEqual(got[artifact], "artifact-refused", artifact)
            messages = {x.element: x.message for x in report}
            self.assertIn("symbolic link 'logs/escape.log' leads out of the root",
                          messages["art-log"])
            self.assertIn("symbolic link 'up' points to an absolute path", messages["art-spec"])
            self.assertIn("it has a '..' component", messages["art-report"])

    def test_bad_roots_and_arguments(self):
        with etsi.load(self.path) as d:
            with self.assertRaises(etsi.FileError) as cm:
                d.verify_artifacts(self.tmp / "nothing")
            self.assertEqual(cm.exception.file, str(self.tmp / "nothing"))
            with self.assertRaises(etsi.InvalidError):
                d.hash_artifacts("")
            with self.assertRaises(TypeError):
                d.verify_artifacts(self.root, progress=42)
            with self.assertRaises(TypeError):
                d.verify_artifacts(self.root, True)  # keywords only

    def test_progress(self):
        seen = []
        with etsi.load(self.path) as d:
            d.hash_artifacts(self.root, progress=seen.append)
        self.assertTrue(all(isinstance(p, etsi.Progress) for p in seen))
        self.assertEqual(seen[0], etsi.Progress("art-report", "reports/update-verification.txt",
                                                0, 5, 0, 404))
        self.assertEqual(seen[-1].artifact, "art-settings")
        self.assertEqual((seen[-1].done, seen[-1].total), (144, 144))
        self.assertEqual({p.artifact_index for p in seen}, {0, 1, 2, 3})
        self.assertEqual({p.artifact_count for p in seen}, {5})
        self.assertEqual(seen[0].count(0), 2)  # still a tuple: index 0 and done 0

    def test_false_from_progress_stops(self):
        seen = []

        def until_log(p):
            seen.append(p.artifact)
            return p.artifact != "art-log"  # False stops; True and None go on

        with etsi.load(self.path) as d:
            with self.assertRaises(etsi.StoppedError) as cm:
                d.hash_artifacts(self.root, progress=until_log)
            self.assertIn("art-log", str(cm.exception))
            self.assertEqual(seen[-1], "art-log")

    def test_an_exception_in_progress_stops_and_is_raised(self):
        class Stop(Exception):
            pass

        def stop(p):
            if p.artifact == "art-log":
                raise Stop(p.ref)

        with etsi.load(self.path) as d:
            with self.assertRaises(Stop) as cm:
                d.verify_artifacts(self.root, progress=stop)
            self.assertEqual(str(cm.exception), "logs/device.log")
            # the dossier goes on working
            self.assertEqual(len(d.verify_artifacts(self.root)), 5)

    def test_the_gil_is_released_while_hashing(self):
        big = self.root / "big.bin"
        with open(big, "wb") as f:
            f.truncate(256 * 1024 * 1024)
        text = (LIFECYCLE / "evidence.xml").read_text().replace(
            'ref="captures/settings-screen.txt"', 'ref="big.bin"')
        ticks = []
        done = threading.Event()

        def ticker():
            while not done.is_set():
                ticks.append(time.monotonic())
                time.sleep(0.005)

        with etsi.loads(text) as d:
            thread = threading.Thread(target=ticker)
            thread.start()
            start = time.monotonic()
            d.hash_artifacts(self.root)
            elapsed = time.monotonic() - start
            done.set()
            thread.join()
        # another thread ran while the big file was hashed
        if elapsed > 0.05:
            self.assertGreater(len([t for t in ticks if start < t < start + elapsed]), 2)


class Release(TempDirTestCase):
    def test_release(self):
        with etsi.load(LIFECYCLE / "evidence.xml") as old:
            before = old.to_xml()
            new = old.release("1.1.0", date="2026-06-01")
            self.assertEqual(old.to_xml(), before)
        with new:
            self.assertIsNone(new.path)
            self.assertEqual(new.header["release"], "1.1.0")
            self.assertEqual(new.header["previous-release"], "1.0.0")
            self.assertEqual(new.header["release-date"], "2026-06-01")
            for e in new.evidence:
                self.assertEqual((e["review"], e["release"], e["carried-from"]),
                                 ("needs-review", "1.0.0", "1.0.0"))
                self.assertEqual(e["carried-from-evidence"], e.key)
            self.assertEqual(new.find("verdict", "5.3-9-1")["carried-from"], "1.0.0")
            self.assertEqual(new.validate(), [])
            rules = [f.rule for f in new.check(AS_OF, grouped=False)]
            self.assertEqual(rules.count("ics-needs-review"), 5)
            grouped = [f for f in new.check(AS_OF) if f.rule == "ics-needs-review"]
            self.assertEqual(sum(len(f.occurrences) for f in grouped), 5)
            self.assertLess(len(grouped), 5)
            self.assertEqual(rules.count("verdict-needs-review"), 1)
            self.assertEqual(rules.count("evidence-needs-review"), 4)
            with new.evaluate(AS_OF) as results:
                outcome = results.find("outcome", "5.3-9")
                self.assertEqual(outcome.children[0]["outcome"], "NOT ASSESSED")
            # confirmed by the laboratory, the verdict counts
            verdict = new.find("verdict", "5.3-9-1")
            verdict["reviewed-by"] = "lab"
            verdict["reviewed-on"] = "2026-06-02"
            self.assertNotIn("verdict-needs-review", [f.rule for f in new.check(AS_OF)])
            new.save(self.tmp / "next.xml")
            self.assertEqual(new.path, str(self.tmp / "next.xml"))

    def test_errors(self):
        with etsi.load(LIFECYCLE / "evidence.xml") as old:
            with self.assertRaises(etsi.InvalidError) as cm:
                old.release("1.0.0")
            self.assertIn("already for release 1.0.0", str(cm.exception))
            with self.assertRaises(etsi.InvalidError):
                old.release("1.1.0", date="2026-02-30")
            with self.assertRaises(TypeError):
                old.release("1.1.0", "2026-06-01")  # the date is a keyword
        closed = etsi.load(LIFECYCLE / "evidence.xml")
        closed.close()
        with self.assertRaises(ValueError):
            closed.release("2")


class Diffs(TempDirTestCase):
    def test_same(self):
        with etsi.load(LIFECYCLE / "evidence.xml") as a:
            diff = a.diff(a)
            self.assertIsInstance(diff, etsi.Diff)
            self.assertEqual(len(diff), 0)
            self.assertFalse(diff)
            self.assertEqual(list(diff), [])
            self.assertTrue(diff.write().endswith("no differences\n"))

    def test_crypto_change(self):
        text = (LIFECYCLE / "evidence.xml").read_text().replace(
            "ECDSA P-256 over SHA-256 for the manifest", "ECDSA P-384 over SHA-384 for the manifest")
        with etsi.load(LIFECYCLE / "evidence.xml") as a, etsi.loads(text, name="b.xml") as b:
            diff = a.diff(b)
        # the diff outlives its dossiers
        self.assertTrue(diff)
        self.assertEqual(len(diff), 1)
        change = diff.changes[0]
        self.assertIsInstance(change, etsi.Change)
        self.assertEqual((change.change, change.kind, change.key, change.field),
                         ("changed", "upd-mech", "um-ota", "cryptographic-details"))
        self.assertIn("P-256", change.old)
        self.assertIn("P-384", change.new)
        self.assertEqual(str(change), "changed upd-mech um-ota: cryptographic-details")
        self.assertEqual([s.evidence for s in diff.stale], ["ev-verification", "ev-crypto"])
        stale = diff.stale[0]
        self.assertIsInstance(stale, etsi.Stale)
        self.assertEqual((stale.provision, stale.cause_kind, stale.cause_key, stale.cause_field,
                          stale.causes), ("5.3-9", "upd-mech", "um-ota", "cryptographic-details", 1))
        self.assertEqual(str(stale), stale.message)
        doc = json.loads(diff.write("json"))
        self.assertEqual(doc["summary"]["stale"], 2)
        self.assertEqual(doc["new"]["file"], "b.xml")
        self.assertIn("stale evidence", str(diff))
        with self.assertRaises(etsi.InvalidError):
            diff.write("csv")
        self.assertRegex(repr(diff), r"<etsi.Diff 1 changes, 2 stale evidence>")

    def test_module_function_takes_paths(self):
        diff = etsi.diff(EXAMPLES / "smart-camera-v3.xml", EXAMPLES / "smart-plug-usb-v3.xml")
        kinds = {c.kind for c in diff}
        self.assertIn("component", kinds)
        self.assertIn("header", kinds)
        with etsi.load(EXAMPLES / "smart-camera-v3.xml") as camera:
            same = etsi.diff(camera, EXAMPLES / "smart-camera-v3.xml")
            self.assertEqual(len(same), 0)
        with self.assertRaises(TypeError):
            etsi.load(LIFECYCLE / "evidence.xml").diff("not a dossier")

    def test_release_then_diff_matches_the_cli(self):
        path = self.copy(LIFECYCLE / "evidence.xml")
        with etsi.load(path) as old, old.release("1.1.0") as new:
            new.save(self.tmp / "next.xml")
            diff = old.diff(new)
        from support import run_cli
        r = run_cli("diff", "--format", "json", path, self.tmp / "next.xml", check=True,
                    statuses=(1,))
        # the same changes; lines differ (the CLI reads the file as saved, with the
        # marks on lines of their own)
        fields = ("change", "kind", "key", "parent", "field", "old", "new")
        cli = [tuple(c[f] for f in fields) for c in json.loads(r.stdout)["changes"]]
        self.assertEqual(cli, [tuple(c[:7]) for c in diff.changes])


if __name__ == "__main__":
    unittest.main()
