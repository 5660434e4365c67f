"""One CLI convention across every etsi command:

- every -o refuses an existing file without --force, and the command's own
  input even with --force (commands that edit in place by design excepted);
- one wording for an invalid value, listing the valid ones; "did you mean"
  for misspelt commands, options and values; correct plurals;
- colour only on a terminal, honouring NO_COLOR and --color=never|always|auto
  (checked through a pseudo-terminal);
- evidence hash|verify --root as README shows it, on the examples as they
  are; "does not exist" names the resolved path;
- reports are dated (today, or --as-of) and say so; a provision met by
  justification reads "PASS (justified)".
Run through ctest (ETSI_CLI, ETSI_SOURCE_DIR set) or by hand:
    cd tests/cli && ETSI_CLI=.../etsi ETSI_SOURCE_DIR=/work/main \\
        python3 -m unittest -v test_conventions
"""
import datetime
import os
import pathlib
import pty
import re
import select
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET

CLI = os.environ["ETSI_CLI"]
SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])
EXAMPLES = SOURCE / "examples" / "dossiers"
CAMERA = EXAMPLES / "smart-camera-v3.xml"
HUB = EXAMPLES / "home-hub-v3.xml"
SENSOR = EXAMPLES / "constrained-sensor-v2.xml"
AS_OF = "2026-11-26"
ESC = "\x1b["


def etsi(*args, cwd=None, env=None):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=120)


def commands():
    """The commands `etsi --help` lists."""
    out = etsi("--help").stdout
    body = out.split("Commands:\n", 1)[1]
    return [m.group(1) for m in re.finditer(r"^  ([a-z]+) ", body, re.M) if m.group(1) != "help"]


def on_pty(*args, env=None):
    """Runs etsi with standard output on a pseudo-terminal; its output."""
    master, slave = pty.openpty()
    p = subprocess.Popen([CLI, *map(str, args)], stdout=slave, stderr=subprocess.DEVNULL,
                         env=env)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    p.wait(timeout=60)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


class Base(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="etsi-conv-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def copy(self, path, name=None):
        target = self.tmp / (name or path.name)
        shutil.copyfile(path, target)
        return target


class OutputTest(Base):
    """-o FILE: --force to replace, never the command's own input."""

    # command -> arguments before -o, given the copied inputs; the first
    # input named is the one -o may never overwrite
    def cases(self):
        camera = self.copy(CAMERA)
        sensor = self.copy(SENSOR)
        json_form = self.tmp / "camera.json"
        r = etsi("export", camera, "-o", json_form)
        self.assertEqual(r.returncode, 0, r.stderr)
        csv = self.tmp / "annex-b.csv"
        r = etsi("report", camera, "--format", "ics-csv", "-o", csv)
        self.assertEqual(r.returncode, 0, r.stderr)
        return {
            "init": (None, ["init", "--edition", "3.1.3", "--model", "M", "--release", "1"]),
            "report": (camera, ["report", camera, "--date", AS_OF]),
            "export": (camera, ["export", camera]),
            "import": (json_form, ["import", "--from", "json", json_form]),
            "import-csv": (csv, ["import", "--from", "ics-csv", csv, "--edition", "3.1.3",
                                 "--model", "M", "--release", "1"]),
            "migrate": (sensor, ["migrate", sensor, "--to", "3.1.3"]),
            "release": (camera, ["release", camera, "--version", "9.9.9"]),
            "sign": (camera, ["sign", camera, "--key", self.tmp / "k.pem", "--cert",
                              self.tmp / "c.pem"]),
        }

    def test_every_output_option_is_in_the_sweep(self):
        # a command whose --help offers -o must be covered below, and offer --force
        with_output = []
        for name in commands():
            help_text = etsi(name, "--help").stdout
            if re.search(r"^\s+-o, --output ", help_text, re.M):
                with_output.append(name)
                self.assertIn("--force", help_text, name)
        self.assertEqual(sorted(with_output),
                         ["export", "import", "init", "migrate", "release", "report", "sign"])
        self.assertEqual(len(commands()), 20)

    def test_existing_output_needs_force(self):
        for name, (source, args) in self.cases().items():
            with self.subTest(command=name):
                out = self.tmp / f"{name}.out"
                out.write_text("keep me")
                r = etsi(*args, "-o", out)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn(f"{out} exists; pass --force to replace it", r.stderr)
                self.assertEqual(out.read_text(), "keep me")
                if name == "sign":
                    continue  # no key here: the refusal is what counts
                r = etsi(*args, "-o", out, "--force")
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertNotEqual(out.read_text(), "keep me")

    def test_never_over_its_own_input(self):
        for name, (source, args) in self.cases().items():
            if source is None:
                continue
            with self.subTest(command=name):
                before = source.read_bytes()
                for extra in ([], ["--force"]):
                    r = etsi(*args, "-o", source, *extra)
                    self.assertEqual(r.returncode, 2, r.stderr)
                    self.assertIn("is the input itself", r.stderr)
                    self.assertIn("write the output to another file", r.stderr)
                    self.assertEqual(source.read_bytes(), before)

    def test_report_over_itself_through_another_name(self):
        camera = self.copy(CAMERA)
        alias = self.tmp / "alias.xml"
        os.link(camera, alias)
        r = etsi("report", camera, "-o", alias, "--force")
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("is the input itself", r.stderr)

    def test_import_into_edits_in_place_by_design(self):
        camera = self.copy(CAMERA)
        csv = self.tmp / "annex-b.csv"
        self.assertEqual(etsi("report", camera, "--format", "ics-csv", "-o", csv).returncode, 0)
        r = etsi("import", "--from", "ics-csv", csv, "--into", camera, "-o", camera)
        self.assertEqual(r.returncode, 0, r.stderr)
        # but another existing file still needs --force
        other = self.tmp / "other.xml"
        other.write_text("keep me")
        r = etsi("import", "--from", "ics-csv", csv, "--into", camera, "-o", other)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertEqual(other.read_text(), "keep me")


class WordingTest(Base):
    def test_one_wording_for_invalid_values(self):
        cases = [
            (("check", "--format", "jsn", CAMERA), "--format", "jsn", "text, json", "json"),
            (("gate", "--format", "jsno", CAMERA), "--format", "jsno", "text, json", "json"),
            (("plan", "--format", "cvs", CAMERA), "--format", "cvs", "text, csv, xml", "csv"),
            (("outcomes", "-f", "xml", CAMERA), "--format", "xml", "text, csv", None),
            (("evaluate", "-f", "yaml", CAMERA), "--format", "yaml", "xml, json", None),
            (("diff", "-f", "txt", CAMERA, CAMERA), "--format", "txt", "text, json", "text"),
            (("rules", "--format", "mdd"), "--format", "mdd", "text, md", "md"),
            (("report", CAMERA, "--format", "htm"), "--format", "htm", "html, public", "html"),
            (("export", CAMERA, "--format", "oscal-jsn"), "--format", "oscal-jsn",
             "json, oscal-json, oscal-xml", "oscal-json"),
            (("import", "--from", "spdxx", "x"), "--from", "spdxx",
             "json, ics-csv, cyclonedx, spdx", "spdx"),
            (("evidence", "verfy", CAMERA, "--root", "."), "action", "verfy", "hash, verify",
             "verify"),
            (("catalog", "--format", "oscal-profil"), "--format", "oscal-profil",
             "text, xml, oscal-catalog, oscal-catalog-xml, oscal-profile", "oscal-profile"),
            (("--color=sometimes", "check", CAMERA), "--color", "sometimes",
             "auto, never, always", None),
        ]
        cases.append((("verdict", CAMERA, "--case", "5.3-2-1", "--result", "pass", "--by", "x"),
                      "--result", "pass", "PASS, FAIL, INCONCLUSIVE", "PASS"))
        for args, option, value, valid, near in cases:
            with self.subTest(args=args):
                r = etsi(*args)
                # a bad verdict is a refused verdict (1), as before
                self.assertEqual(r.returncode, 1 if args[0] == "verdict" else 2, r.stderr)
                self.assertIn(f"etsi: {option}: '{value}' is not valid; valid values: {valid}",
                              r.stderr)
                if near:
                    self.assertIn(f"did you mean '{near}'?", r.stderr)
                else:
                    self.assertNotIn("did you mean", r.stderr)

    def test_did_you_mean_a_command(self):
        for typo, meant in (("chek", "check"), ("vaildate", "validate"), ("exprot", "export"),
                            ("evidnce", "evidence")):
            with self.subTest(typo=typo):
                r = etsi(typo, CAMERA)
                self.assertEqual(r.returncode, 2)
                self.assertIn(f"'{typo}' is not a command; did you mean '{meant}'?", r.stderr)
        r = etsi("frobnicate")
        self.assertNotIn("did you mean", r.stderr)
        r = etsi("help", "gaet")
        self.assertIn("did you mean 'gate'?", r.stderr)

    def test_did_you_mean_an_option(self):
        for args, meant in ((("check", "--strcit", CAMERA), "--strict"),
                            (("report", CAMERA, "--fromat", "md"), "--format"),
                            (("release", CAMERA, "--verison", "2"), "--version"),
                            (("evidence", "hash", CAMERA, "--rot", "."), "--root"),
                            (("export", CAMERA, "--froce"), "--force"),
                            (("check", "--colr=never", CAMERA), "--color"),
                            (("gate", "--colro", "never", CAMERA), "--color")):
            with self.subTest(args=args):
                r = etsi(*args)
                self.assertEqual(r.returncode, 2)
                self.assertIn(f"did you mean '{meant}'?", r.stderr)
        r = etsi("check", "--zzzzzzzz", CAMERA)
        self.assertNotIn("did you mean", r.stderr)

    def test_plurals_in_the_batch_summary(self):
        # a dossier with exactly one error and one without: "1 error", never "1 errors"
        one = None
        for path in sorted((SOURCE / "tests" / "data" / "rules").rglob("*.xml")):
            r = etsi("check", "--as-of", AS_OF, path)
            if r.stdout.endswith(": 1 error, 0 warnings, 0 info, 0 waived\n"):
                one = path
                break
        self.assertIsNotNone(one, "no rule test dossier with exactly one error")
        r = etsi("check", "--as-of", AS_OF, one, CAMERA)
        self.assertIn("(1 error, 0 warnings)", r.stderr)
        self.assertIn("with 1 thread:", r.stderr)

    def test_wrote_line_plural(self):
        out = self.tmp / "x.md"
        r = etsi("report", CAMERA, "-f", "md", "--date", AS_OF, "-o", out)
        self.assertRegex(r.stderr, r"wrote .* \d+ bytes\)")


class ColorTest(Base):
    """Colour on a terminal only; NO_COLOR and --color decide otherwise."""

    def env(self, **extra):
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
        env["TERM"] = "xterm"
        env.update(extra)
        return env

    def test_check(self):
        args = ("check", "--as-of", AS_OF, HUB)
        auto_tty = on_pty(*args, env=self.env())
        self.assertIn(ESC + "1;31merror" + ESC + "0m[", auto_tty)
        self.assertNotIn(ESC, on_pty(*args, env=self.env(NO_COLOR="1")))
        self.assertNotIn(ESC, on_pty("--color=never", *args, env=self.env()))
        self.assertNotIn(ESC, on_pty(*args, "--color", "never", env=self.env()))
        self.assertIn(ESC, on_pty("--color=auto", *args, env=self.env()))
        # a pipe: plain unless always, which overrides NO_COLOR too
        self.assertNotIn(ESC, etsi(*args, env=self.env()).stdout)
        self.assertNotIn(ESC, etsi("--color=auto", *args, env=self.env()).stdout)
        always = etsi("--color=always", *args, env=self.env(NO_COLOR="1")).stdout
        self.assertIn(ESC + "1;31merror" + ESC + "0m[", always)
        # the colour is around the severity only: without it, the plain text
        self.assertEqual(re.sub(r"\x1b\[[0-9;]*m", "", always), etsi(*args).stdout)
        # JSON is never coloured
        self.assertNotIn(ESC, etsi("--color=always", "check", "-f", "json", HUB).stdout)

    def test_gate(self):
        ready = etsi("--color=always", "gate", "--as-of", AS_OF, CAMERA).stdout
        self.assertIn(ESC + "1;32mREADY" + ESC + "0m", ready.splitlines()[0])
        not_ready = on_pty("gate", "--as-of", AS_OF, HUB, env=self.env())
        self.assertIn(ESC + "1;31mNOT READY" + ESC + "0m", not_ready)
        self.assertNotIn(ESC, on_pty("gate", "--as-of", AS_OF, HUB, env=self.env(NO_COLOR="x")))
        self.assertNotIn(ESC, etsi("gate", "--as-of", AS_OF, HUB).stdout)
        self.assertNotIn(ESC, etsi("--color=always", "gate", "-f", "json", HUB).stdout)


class EvidenceRootTest(Base):
    """README's evidence commands, on the examples as they are."""

    def readme_commands(self):
        lines = [line for line in (SOURCE / "README.md").read_text().splitlines()
                 if re.match(r"etsi evidence (hash|verify) ", line)]
        self.assertEqual(len(lines), 2, lines)
        return [line.split("#")[0].split() for line in lines]

    def test_readme_example_on_the_examples(self):
        for name in ("smart-camera-v3.xml", "home-hub-v3.xml", "smart-plug-usb-v3.xml"):
            with self.subTest(example=name):
                work = self.tmp / name.replace(".xml", "")
                work.mkdir()
                dossier = work / "kic-300.xml"
                shutil.copyfile(EXAMPLES / name, dossier)
                # the artifacts, where the refs say they are
                refs = [a.get("ref") for a in ET.parse(dossier).getroot().iter()
                        if a.tag.endswith("}artifact") and a.get("ref")
                        and "://" not in a.get("ref")]
                self.assertTrue(refs)
                for ref in refs:
                    (work / ref).parent.mkdir(parents=True, exist_ok=True)
                    (work / ref).write_bytes(ref.encode())
                hash_cmd, verify_cmd = self.readme_commands()
                # the examples carry (fictional) digests: hash --update
                # records those of these files, then verify agrees
                r = etsi(*hash_cmd[1:], "--update", "-q", cwd=work)
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
                self.assertNotIn("missing", r.stdout)
                self.assertIn("recorded", r.stderr)
                r = etsi(*verify_cmd[1:], "-q", cwd=work)
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
                self.assertNotIn("missing", r.stdout)

    def test_root_repeating_the_refs_says_so(self):
        dossier = self.copy(CAMERA)
        (self.tmp / "evidence").mkdir()
        r = etsi("evidence", "verify", dossier, "--root", "evidence/", "-q", cwd=self.tmp)
        self.assertEqual(r.returncode, 1)
        # the resolved path, not the one relative to the root
        self.assertIn("is not under evidence/: 'evidence/evidence' does not exist", r.stdout)
        self.assertIn("did you mean --root . (the directory that contains it)?", r.stdout)
        r = etsi("evidence", "verify", dossier, "--root", self.tmp / "evidence", "-q")
        self.assertIn(f"did you mean --root {self.tmp} ", r.stdout)

    def test_missing_root_names_the_resolved_path(self):
        dossier = self.copy(CAMERA)
        r = etsi("evidence", "verify", dossier, "--root", "nowhere", cwd=self.tmp)
        self.assertEqual(r.returncode, 2)
        self.assertIn(f"--root nowhere: {self.tmp.resolve()}/nowhere does not exist", r.stderr)


class ReportTest(Base):
    def test_dated_today_without_date(self):
        today = datetime.date.today().isoformat()
        r = etsi("report", CAMERA, "--format", "md")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(f"etsi: report dated {today}", r.stderr)
        self.assertIn(today, r.stdout)
        out = self.tmp / "r.html"
        r = etsi("report", CAMERA, "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(f"(html, dated {today}, ", r.stderr)
        self.assertNotIn("Undated report", out.read_text())

    def test_dated_as_of(self):
        r = etsi("report", CAMERA, "--format", "md", "--as-of", "2026-12-03")
        self.assertIn("etsi: report dated 2026-12-03", r.stderr)
        self.assertIn("2026-12-03", r.stdout)
        r = etsi("report", CAMERA, "--format", "md", "--date", "2027-01-15")
        self.assertIn("etsi: report dated 2027-01-15", r.stderr)

    def test_pass_by_justification(self):
        # constrained-sensor-v2: 5.3-1 is a recommendation marked N whose
        # justification check passed (basis "justified")
        md = etsi("report", SENSOR, "--format", "md", "--date", AS_OF).stdout
        row = next(line for line in md.splitlines() if line.startswith("| 5.3-1 |"))
        self.assertIn("| N |", row)
        self.assertIn("PASS (justified)", row)
        for line in md.splitlines():
            if re.match(r"\| 5\.3-\S+ \|.*\| N( [^|]*)? \|", line):
                self.assertNotRegex(line, r"PASS \|", line)
        html = etsi("report", SENSOR, "--date", AS_OF).stdout
        self.assertIn("PASS (justified)</span>", html)
        self.assertIn("PASS (justified)</text>", html)
        plug = etsi("report", EXAMPLES / "smart-plug-usb-v3.xml", "--format", "md",
                    "--date", AS_OF).stdout
        self.assertRegex(plug, r"\| 5\.3-4B \|.*\| N \|.*PASS \(justified\)")


class FormatterTest(Base):
    def test_check_prints_what_the_formatter_gives(self):
        # etsi check's text is etsi_diagnostics_format()'s (the unit test
        # compares it with the results' findings text); here: its shape
        r = etsi("check", "--as-of", AS_OF, HUB)
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stdout, r"^\S+home-hub-v3\.xml:\d+: error\[[a-z-]+\] ")
        self.assertRegex(r.stdout, r"home-hub-v3\.xml: 8 errors, 0 warnings, 0 info, 0 waived\n$")
        self.assertNotRegex(r.stdout, r"\.xml:0:")


if __name__ == "__main__":
    unittest.main()
