"""The scripts in examples/python, run as a user runs them (a subprocess
with the built package on PYTHONPATH), their output checked against the
etsi command."""
import ast
import hashlib
import os
import pathlib
import subprocess
import unittest

from support import (CAMERA, DATA, RULES, RULES_AS_OF, SOURCE, TempDirTestCase, etsi, python,
                     run_cli)

SCRIPTS = SOURCE / "examples" / "python"
TESTED = {"check_dossier.py", "write_report.py", "record_verdict.py", "build_dossier.py"}


def run(script, *args, cwd=None):
    env = dict(os.environ)
    package = pathlib.Path(etsi.__file__).resolve().parent.parent
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(package), env.get("PYTHONPATH")]))
    proc = subprocess.run([python(), str(SCRIPTS / script), *map(str, args)],
                          capture_output=True, cwd=cwd, env=env, timeout=120)
    proc.stdout = proc.stdout.decode("utf-8")
    proc.stderr = proc.stderr.decode("utf-8")
    return proc


class AllScriptsTest(unittest.TestCase):
    def test_every_script_is_tested(self):
        scripts = {p.name for p in SCRIPTS.glob("*.py")}
        self.assertEqual(scripts, TESTED)

    def test_docstring_and_help(self):
        for script in sorted(TESTED):
            with self.subTest(script):
                tree = ast.parse((SCRIPTS / script).read_text(encoding="utf-8"))
                doc = ast.get_docstring(tree)
                self.assertTrue(doc and len(doc.splitlines()) > 2, "a docstring that explains")
                proc = run(script, "--help")
                self.assertEqual(proc.returncode, 0, proc.stderr)
                self.assertTrue(proc.stdout.startswith("usage: "))
                self.assertIn(doc.splitlines()[0], proc.stdout)
                self.assertEqual(run(script).returncode, 2)  # missing arguments


class CheckDossierTest(TempDirTestCase):
    def test_same_output_as_etsi_check(self):
        for path in (RULES / "ics-support-missing" / "fail.xml",
                     RULES / "waiver-unused" / "pass.xml",
                     RULES / "dut-constraint-unstated" / "fail.xml",
                     RULES / "baseline-v3.xml",
                     RULES / "ixit-row-missing" / "fail-mechanism.xml",
                     DATA / "invalid" / "several-problems.xml",
                     DATA / "schema-invalid" / "bad-enum.xml"):
            with self.subTest(path.relative_to(DATA).as_posix()):
                mine = run("check_dossier.py", "--as-of", RULES_AS_OF, path)
                cli = run_cli("check", "--as-of", RULES_AS_OF, path)
                self.assertEqual(mine.stdout, cli.stdout)
                self.assertEqual(mine.returncode, cli.returncode, mine.stderr)

    def test_exit_status(self):
        self.assertEqual(run("check_dossier.py", "--as-of", RULES_AS_OF,
                             RULES / "baseline-v3.xml").returncode, 0)
        self.assertEqual(run("check_dossier.py", "--as-of", RULES_AS_OF,
                             RULES / "ics-support-missing" / "fail.xml").returncode, 1)
        warning_only = RULES / "dut-constraint-unstated" / "fail.xml"
        self.assertEqual(run("check_dossier.py", "--as-of", RULES_AS_OF, warning_only)
                         .returncode, 0)
        self.assertEqual(run("check_dossier.py", "--strict", "--as-of", RULES_AS_OF,
                             warning_only).returncode, 1)
        self.assertEqual(run_cli("check", "--strict", "--as-of", RULES_AS_OF, warning_only)
                         .returncode, 1)

    def test_unreadable(self):
        proc = run("check_dossier.py", self.tmp / "missing.xml")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("missing.xml: cannot open", proc.stderr)
        proc = run("check_dossier.py", "--as-of", "tomorrow", CAMERA)
        self.assertEqual(proc.returncode, 2)


class WriteReportTest(TempDirTestCase):
    def test_html(self):
        cli = run_cli("report", "--date", "2026-11-26", CAMERA, check=True)
        out = self.tmp / "kic-300.html"
        proc = run("write_report.py", "--date", "2026-11-26", CAMERA, out)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout, f"wrote {out}\n")
        self.assertEqual(out.read_text(encoding="utf-8"), cli.stdout)
        self.assertIn("KIC-300", cli.stdout)

    def test_other_format_and_stylesheet(self):
        out = self.tmp / "input.xml"
        proc = run("write_report.py", "--format", "input", "--date", "2026-11-26", CAMERA, out)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        cli = run_cli("report", "--format", "input", "--date", "2026-11-26", CAMERA, check=True)
        self.assertEqual(out.read_text(encoding="utf-8"), cli.stdout)
        style = self.tmp / "model.xsl"
        style.write_text('<xsl:stylesheet version="1.0" '
                         'xmlns:xsl="http://www.w3.org/1999/XSL/Transform" '
                         'xmlns:d="urn:libetsi:dossier:1"><xsl:output method="text"/>'
                         '<xsl:template match="/"><xsl:value-of select="//d:model-designation"/>'
                         '</xsl:template></xsl:stylesheet>')
        proc = run("write_report.py", "--stylesheet", style, CAMERA, out)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(out.read_text(), "KIC-300")

    def test_refused_public_claim(self):
        out = self.tmp / "public.html"
        proc = run("write_report.py", "--format", "public",
                   RULES / "public-claim-unsupported" / "fail.xml", out)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("refusing to publish a conformance statement", proc.stderr)
        self.assertFalse(out.exists())

    def test_bad_input(self):
        proc = run("write_report.py", self.tmp / "missing.xml", self.tmp / "out.html")
        self.assertEqual(proc.returncode, 2)
        proc = run("write_report.py", "--format", "pdf", CAMERA, self.tmp / "out.html")
        self.assertEqual(proc.returncode, 2)  # argparse: not a format


class RecordVerdictTest(TempDirTestCase):
    def test_same_as_etsi_verdict(self):
        mine, theirs = self.copy(CAMERA, "mine.xml"), self.copy(CAMERA, "theirs.xml")
        args = ["5.3-12-1", "FAIL", "tl-meridian", "--date", "2026-11-25", "--note",
                "Restarted without warning.", "--indication", "No warning was shown.",
                "--evidence", "ev-restart-warning"]
        proc = run("record_verdict.py", mine, *args)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout,
                         f"recorded 5.3-12-1 FAIL by tl-meridian on 2026-11-25 in {mine}\n")
        run_cli("verdict", theirs, "--case", "5.3-12-1", "--result", "FAIL", "--by",
                "tl-meridian", "--date", "2026-11-25", "--note", "Restarted without warning.",
                "--indication", "No warning was shown.", "--evidence", "ev-restart-warning",
                check=True)
        self.assertEqual(mine.read_text(encoding="utf-8"), theirs.read_text(encoding="utf-8"))
        v = etsi.load(mine).find("verdict", "5.3-12-1")
        self.assertEqual((v["result"], v.values("evidence")), ("FAIL", ["ev-restart-warning"]))

    def test_default_date(self):
        path = self.copy(CAMERA)
        proc = run("record_verdict.py", path, "5.3-16-2", "PASS", "tl-meridian")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertRegex(etsi.load(path).find("verdict", "5.3-16-2")["date"],
                         r"^\d{4}-\d{2}-\d{2}$")

    def test_refusals_leave_the_file(self):
        path = self.copy(CAMERA)
        before = path.read_bytes()
        for args, message in (
                (["5.3-99-1", "PASS", "tl-meridian"], "not in the test plan"),
                (["4-1-1", "PASS", "tl-meridian"], "not in the test plan"),
                (["5.3-16-1", "PASS", "tl-nobody"], "tl-nobody"),
                (["5.3-16-1", "PASS", "tl-meridian", "--evidence", "ev-nothing"], "ev-nothing"),
                (["5.3-16-1", "PASS", "tl-meridian", "--date", "26/11/2026"], "26/11/2026")):
            with self.subTest(args=args):
                proc = run("record_verdict.py", path, *args)
                self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
                self.assertIn(message, proc.stderr)
                self.assertEqual(path.read_bytes(), before)
        proc = run("record_verdict.py", path, "5.3-16-1", "MAYBE", "tl-meridian")
        self.assertEqual(proc.returncode, 2)  # argparse
        proc = run("record_verdict.py", self.tmp / "missing.xml", "5.3-16-1", "PASS", "tl")
        self.assertEqual(proc.returncode, 2)


class BuildDossierTest(TempDirTestCase):
    def test_builds_a_check_clean_dossier(self):
        out = self.tmp / "ep-100.xml"
        proc = run("build_dossier.py", out)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertEqual(proc.stdout, f"wrote {out}: 0 errors, 0 warnings\n")
        # the etsi command agrees: valid, no error (no finding at all), ready
        self.assertEqual(run_cli("validate", out).returncode, 0)
        check = run_cli("check", out)
        self.assertEqual(check.returncode, 0, check.stdout)
        self.assertIn(": 0 errors, 0 warnings, 0 info, 0 waived", check.stdout)
        self.assertEqual(run_cli("gate", out).returncode, 0)

    def test_what_it_contains(self):
        out = self.tmp / "ep-100.xml"
        self.assertEqual(run("build_dossier.py", out).returncode, 0)
        d = etsi.load(out)
        self.assertEqual((d.header["en303645"], d.header["ts103701"]), ("3.1.3", "2.1.1"))
        self.assertEqual(d.dut["model-designation"], "EP-100")
        self.assertTrue(d.components and d.mechanisms and d.owners and d.parties)
        self.assertEqual(d.find("mechanism", "mech-ota")["trust"], "signature")
        self.assertTrue(d.records("soft-comp") and d.records("upd-mech")
                        and d.records("upd-proc") and d.records("confirmation"))
        provisions = [p.key for p in d.catalog.provisions
                      if p.key.startswith("5.3-") and p["void"] != "true"]
        self.assertEqual(sorted(e.key for e in d.ics), sorted(provisions))
        self.assertTrue(all(e["support"] and e["detail"] for e in d.ics))
        self.assertEqual([s.key for s in d.workflow],
                         ["scope", "ics", "mechanisms", "procedures", "user-info", "handoff"])
        # every artifact's digest and size are those of the file it names
        artifacts = d.records("artifact")
        self.assertTrue(artifacts)
        for a in artifacts:
            data = (self.tmp / a["ref"]).read_bytes()
            self.assertEqual(a["sha256"], hashlib.sha256(data).hexdigest(), a.key)
            self.assertEqual(int(a["size"]), len(data))
        results = d.evaluate()
        self.assertTrue(results.ready)
        self.assertEqual(results.findings, [])


if __name__ == "__main__":
    unittest.main()
