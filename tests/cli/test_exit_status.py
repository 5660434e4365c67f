"""Exit statuses: every command against every class of input.

docs/cli.md has one table, "By class of input": for each command the
status for success, invalid input, not well-formed input, refused input,
a usage error and an I/O error.  This test reads that table, runs each
command against a file of each class, and checks that the status is the
one the table gives, and that the table names every command `etsi --help`
lists.  Run through ctest, which sets ETSI_CLI and ETSI_SOURCE_DIR.
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import unittest

CLI = os.environ["ETSI_CLI"]
SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])
EXAMPLES = SOURCE / "examples" / "dossiers"
CAMERA = EXAMPLES / "smart-camera-v3.xml"      # valid, gate ready
SENSOR_V2 = EXAMPLES / "constrained-sensor-v2.xml"  # valid, an edition to migrate from
DATA = SOURCE / "tests" / "data"
INTERCHANGE = DATA / "interchange"
LIFECYCLE = DATA / "lifecycle"
OPENSSL = shutil.which("openssl")
CLASSES = ("success", "invalid input", "not well-formed input", "refused input",
           "usage error", "I/O error")


def etsi(*args):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=120)


def documented():
    """{command: {class: set of statuses}} from docs/cli.md."""
    text = (SOURCE / "docs" / "cli.md").read_text(encoding="utf-8")
    section = text[text.index("\n## Exit status\n"):]
    section = section[:section.index("\n## ", 5)]
    rows = [l for l in section.splitlines() if l.startswith("| `")]
    header = next(l for l in section.splitlines() if l.startswith("| command | success"))
    columns = [c.strip() for c in header.strip("|").split("|")][1:]
    table = {}
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        if len(cells) != len(columns) + 1:
            continue  # the second table
        for command in re.findall(r"`([^`]+)`", cells[0]):
            table[command] = {col: {int(d) for d in re.findall(r"\d", cell)}
                              for col, cell in zip(columns, cells[1:])}
    return columns, table


class ExitStatus(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = pathlib.Path(tempfile.mkdtemp(prefix="etsi-exit-"))
        t = cls.tmp
        camera = CAMERA.read_text(encoding="utf-8")
        (t / "valid.xml").write_text(camera, encoding="utf-8")
        shutil.copy(DATA / "schema-invalid" / "bad-enum.xml", t / "invalid.xml")
        (t / "nwf.xml").write_text(camera[:-40], encoding="utf-8")
        decl_end = camera.index("?>") + 2
        (t / "refused.xml").write_text(camera[:decl_end] + '\n<!DOCTYPE dossier [<!ENTITY x "y">]>'
                                       + camera[decl_end:], encoding="utf-8")
        cls.missing = t / "no-such-dossier.xml"
        cls.unwritable = t / "no-such-dir" / "out"
        # the JSON form
        r = etsi("export", CAMERA, "-o", t / "valid.json")
        assert r.returncode == 0, r.stderr
        json_text = (t / "valid.json").read_text(encoding="utf-8")
        (t / "invalid.json").write_text(json_text.replace('"Y"', '"Yes"', 1), encoding="utf-8")
        (t / "nwf.json").write_text(json_text[:-30], encoding="utf-8")
        (t / "refused.json").write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
        # an ICS spreadsheet
        (t / "nwf.csv").write_text('Reference,Status,Support,Detail\r\n5.3-1,"R F (f),Y,ok\r\n')
        # evidence: the lifecycle fixture and its package
        shutil.copytree(LIFECYCLE / "package", t / "package")
        # keys for sign and verify
        cls.keys = OPENSSL is not None
        if cls.keys:
            subprocess.run([OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                            t / "key.pem", "-out", t / "cert.pem", "-days", "30", "-subj",
                            "/CN=etsi exit-status test"], check=True, capture_output=True)
            r = etsi("sign", CAMERA, "--key", t / "key.pem", "--cert", t / "cert.pem",
                     "-o", t / "signed.xml")
            assert r.returncode == 0, r.stderr
        cls.columns, cls.table = documented()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def dossier(self, cls):
        return {"success": self.tmp / "valid.xml", "invalid input": self.tmp / "invalid.xml",
                "not well-formed input": self.tmp / "nwf.xml",
                "refused input": self.tmp / "refused.xml", "I/O error": self.missing,
                "usage error": self.tmp / "valid.xml"}[cls]

    def copy(self, src, name):
        """A fresh copy for the commands that change their file."""
        path = self.tmp / name
        if src.exists():
            shutil.copy(src, path)
        elif path.exists():
            path.unlink()
        return path

    def args(self, command, cls):
        """The arguments that run @p command against input of class @p cls."""
        t = self.tmp
        f = self.dossier(cls)
        out = t / "out"
        usage = ["--no-such-option"] if cls == "usage error" else []
        name = command.replace(" ", "-")
        if command in ("validate", "check", "plan", "outcomes", "gate", "evaluate", "digest"):
            return [command, f, *usage]
        if command in ("report", "export"):
            return [command, f, "-o", out, "--force", *usage]
        if command == "verdict":
            return [command, self.copy(f, name + ".xml"), "--case", "5.3-2-1", "--result", "PASS",
                    "--by", "tl-meridian", "--date", "2026-11-12", *usage]
        if command == "migrate":
            src = SENSOR_V2 if cls in ("success", "usage error") else f
            return [command, src, "--to", "3.1.3", "-o", out, "--force", *usage]
        if command == "release":
            return [command, f, "--version", "9.9.9", "-o", out, "--force", *usage]
        if command == "sign":
            return [command, f, "--key", t / "key.pem", "--cert", t / "cert.pem", "-o", out,
                    "--force", *usage]
        if command == "verify":
            src = t / "signed.xml" if cls in ("success", "usage error") else f
            return [command, src, "--cert", t / "cert.pem", *usage]
        if command.startswith("evidence"):
            src = LIFECYCLE / "evidence.xml" if cls in ("success", "usage error") else f
            path = self.copy(src, name + ".xml")
            if command == "evidence verify" and cls in ("success", "usage error"):
                r = etsi("evidence", "hash", path, "--root", t / "package")
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            return [*command.split(), path, "--root", t / "package", *usage]
        if command == "diff":
            return [command, f, t / "valid.xml", *usage]
        if command == "import --from json":
            src = {"success": "valid.json", "invalid input": "invalid.json",
                   "not well-formed input": "nwf.json", "refused input": "refused.json",
                   "usage error": "valid.json", "I/O error": "missing.json"}[cls]
            return ["import", "--from", "json", t / src, "-o", out, "--force", *usage]
        if command.startswith("import --from "):
            fmt = command.split()[-1]
            src = {"ics-csv": {"success": INTERCHANGE / "ics-spreadsheet.csv",
                               "invalid input": INTERCHANGE / "ics-bad.csv",
                               "not well-formed input": t / "nwf.csv"},
                   "cyclonedx": {"success": INTERCHANGE / "sbom-small.cdx.json",
                                 "invalid input": INTERCHANGE / "bad-purl.cdx.json",
                                 "not well-formed input": INTERCHANGE / "bad-syntax.cdx.json",
                                 "refused input": INTERCHANGE / "bad-xxe.cdx.xml"},
                   "spdx": {"success": INTERCHANGE / "sbom-small.spdx.json",
                            "invalid input": INTERCHANGE / "bad-package.spdx3.json",
                            "not well-formed input": INTERCHANGE / "bad-line.spdx.tag"}}[fmt]
            limit = []
            if cls == "refused input" and cls not in src:
                limit = ["--max-size", "10"]  # a file above the limit is refused
            path = src.get(cls, src["success"])
            if cls == "I/O error":
                path = t / ("missing." + fmt)
            into = self.copy(CAMERA, name + "-into.xml")
            return ["import", "--from", fmt, "--into", into, "-o", out, "--force", *limit,
                    path, *usage]
        if command == "init":
            target = self.unwritable if cls == "I/O error" else out
            return [command, "-m", "Model", "-r", "1.0", "-o", target, "--force", *usage]
        if command in ("catalog", "rules"):
            return [command, *usage]
        if command == "help":
            return [command, "check", *usage] if not usage else [command, "no-such-command"]
        self.fail(f"no way to run {command}")

    def test_the_table_names_every_command(self):
        self.assertEqual(self.columns, list(CLASSES))
        listed = re.findall(r"^  ([a-z]+)  ", etsi("--help").stdout, re.M)
        self.assertTrue(listed)
        named = {c.split()[0] for c in self.table}
        self.assertEqual(sorted(set(listed) - named), [])
        self.assertIn("evidence hash", self.table)
        self.assertIn("evidence verify", self.table)
        for fmt in ("json", "ics-csv", "cyclonedx", "spdx"):
            self.assertIn("import --from " + fmt, self.table)

    def test_every_command_against_every_class(self):
        runs, wrong = 0, []
        for command, row in sorted(self.table.items()):
            if command in ("sign", "verify") and not self.keys:
                continue
            for cls in CLASSES:
                expected = row[cls]
                if not expected:  # "—": the command reads no such input
                    continue
                args = self.args(command, cls)
                r = etsi(*args)
                runs += 1
                if r.returncode not in expected:
                    wrong.append(f"{command} [{cls}]: exit {r.returncode}, docs say "
                                 f"{'/'.join(map(str, sorted(expected)))}: "
                                 f"{(r.stderr or r.stdout).strip()[:200]}")
        print(f"\nexit statuses: {runs} runs of {len(self.table)} commands")
        self.assertEqual(wrong, [])
        self.assertGreaterEqual(runs, 120)

    def test_load_failures_give_1_from_the_checks(self):
        # the docs once said 2 here; 2 is for usage and I/O only
        for command in ("check", "plan", "outcomes", "gate", "evaluate"):
            for cls in ("not well-formed input", "refused input"):
                with self.subTest(command=command, cls=cls):
                    r = etsi(command, self.dossier(cls))
                    self.assertEqual(r.returncode, 1, r.stderr)
                    self.assertRegex(r.stderr, r"error")

    def test_evidence_verify_refuses_an_invalid_dossier(self):
        r = etsi("evidence", "verify", self.tmp / "invalid.xml", "--root", self.tmp / "package")
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("invalid.xml", r.stderr)
        self.assertNotIn("0 artifacts", r.stdout + r.stderr)



class ImportErrorOutput(unittest.TestCase):
    """etsi import lists problems as etsi validate lists schema errors: the
    first thousand, then how many more; the JSON form (whose problems are
    schema errors of the dossier it makes) names the first and counts the
    rest."""

    N = 3000

    @classmethod
    def setUpClass(cls):
        cls.tmp = pathlib.Path(tempfile.mkdtemp(prefix="etsi-import-cap-"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def assert_capped(self, r):
        self.assertEqual(r.returncode, 1, r.stderr[-500:])
        listed = re.findall(r"^\S+: error: ", r.stderr, re.M)
        self.assertLessEqual(len(listed), 1002)
        self.assertGreaterEqual(len(listed), 1000)
        m = re.search(r"(\d+) more problems are not listed", r.stderr)
        self.assertIsNotNone(m, r.stderr[-500:])
        self.assertEqual(int(m.group(1)) + 1000, self.N)
        self.assertLess(len(r.stderr.splitlines()), 1010)

    def test_ics_csv(self):
        table = self.tmp / "bad.csv"
        table.write_text("Reference,Status,Support,Detail\r\n" + "".join(
            f"5.3-{100 + i},M,Y,x\r\n" for i in range(self.N)))
        into = self.tmp / "into.xml"
        shutil.copy(CAMERA, into)
        self.assert_capped(etsi("import", "--from", "ics-csv", "--into", into, table))

    def test_cyclonedx(self):
        bom = self.tmp / "bad.cdx.json"
        bom.write_text(json.dumps({"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
                                   "components": [{"type": "library", "name": f"c{i}",
                                                   "version": "1", "purl": f"not a purl {i}"}
                                                  for i in range(self.N)]}))
        into = self.tmp / "into.xml"
        shutil.copy(CAMERA, into)
        self.assert_capped(etsi("import", "--from", "cyclonedx", "--into", into, bom))

    def test_json_form(self):
        form = self.tmp / "camera.json"
        self.assertEqual(etsi("export", CAMERA, "-o", form, "--force").returncode, 0)
        doc = json.loads(form.read_text(encoding="utf-8"))
        doc["dossier"]["ics"]["entry"] = [{"provision": f"5.3-{i}", "support": "Maybe"}
                                          for i in range(self.N)]
        form.write_text(json.dumps(doc), encoding="utf-8")
        r = etsi("import", "--from", "json", form, "-o", self.tmp / "out.xml", "--force")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertLess(len(r.stderr.splitlines()), 5, r.stderr)
        m = re.search(r"/dossier/ics/entry/0: .*\(and (\d+) more problems\)", r.stderr)
        self.assertIsNotNone(m, r.stderr)
        self.assertGreaterEqual(int(m.group(1)), self.N - 1)


if __name__ == "__main__":
    unittest.main()
