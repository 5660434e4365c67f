"""Tests of the etsi command-line tool: output, files written and exit
statuses (0 success, 1 invalid input, 2 usage or I/O error).

Run through ctest, which sets ETSI_CLI to the built binary and
ETSI_SOURCE_DIR to the source tree.
"""
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import unittest

CLI = os.environ["ETSI_CLI"]
SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])
EXAMPLES = sorted((SOURCE / "examples" / "dossiers").glob("*.xml"))
SCHEMA_INVALID = sorted((SOURCE / "tests" / "data" / "schema-invalid").glob("*.xml"))
XMLLINT = shutil.which("xmllint")


def etsi(*args, cwd=None):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          timeout=60)


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="etsi-cli-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)


class General(unittest.TestCase):
    def test_version(self):
        r = etsi("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout, r"^etsi \d+\.\d+\.\d+ \(libetsi \d+\.\d+\.\d+\)\n$")

    def test_help_lists_commands(self):
        r = etsi("--help")
        self.assertEqual(r.returncode, 0)
        for command in ("validate", "catalog", "init", "help"):
            self.assertRegex(r.stdout, rf"\n  {command} ")

    def test_no_arguments_is_a_usage_error(self):
        r = etsi()
        self.assertEqual(r.returncode, 2)
        self.assertIn("usage: etsi", r.stderr)

    def test_unknown_command(self):
        r = etsi("frobnicate")
        self.assertEqual(r.returncode, 2)
        self.assertIn("'frobnicate' is not a command", r.stderr)

    def test_every_command_has_help(self):
        for command in ("validate", "catalog", "init"):
            with self.subTest(command=command):
                a, b = etsi(command, "--help"), etsi("help", command)
                self.assertEqual(a.returncode, 0)
                self.assertEqual(a.stdout, b.stdout)
                self.assertIn(f"usage: etsi {command}", a.stdout)
                self.assertIn("Exit status", a.stdout)

    def test_unknown_option(self):
        r = etsi("validate", "--bogus", EXAMPLES[0])
        self.assertEqual(r.returncode, 2)
        self.assertIn("Try 'etsi validate --help'", r.stderr)


class Validate(TempDirTest):
    def test_examples_are_valid(self):
        self.assertGreaterEqual(len(EXAMPLES), 3)
        r = etsi("validate", *EXAMPLES)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        for path in EXAMPLES:
            self.assertRegex(r.stdout, re.escape(str(path)) +
                             r": valid \(EN 303 645 V\d\.\d\.\d, TS 103 701 V\d\.\d\.\d\)")

    def test_quiet_prints_nothing_for_valid_files(self):
        r = etsi("validate", "-q", *EXAMPLES)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))

    def test_schema_invalid_files_fail_with_located_errors(self):
        self.assertGreaterEqual(len(SCHEMA_INVALID), 8)
        for path in SCHEMA_INVALID:
            with self.subTest(file=path.name):
                r = etsi("validate", path)
                self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
                self.assertRegex(r.stdout + r.stderr,
                                 re.escape(str(path)) + r":\d+: error: \S")

    def test_dangling_reference_names_the_value(self):
        r = etsi("validate", SOURCE / "tests/data/schema-invalid/dangling-keyref.xml")
        self.assertEqual(r.returncode, 1)
        self.assertIn("'usb'", r.stdout)
        self.assertIn("hint:", r.stdout)

    def test_missing_file_is_an_io_error(self):
        r = etsi("validate", self.tmp / "nope.xml")
        self.assertEqual(r.returncode, 2)
        self.assertIn("cannot open", r.stderr)

    def test_io_error_outranks_invalid_and_every_file_is_reported(self):
        r = etsi("validate", SCHEMA_INVALID[0], self.tmp / "nope.xml", EXAMPLES[0])
        self.assertEqual(r.returncode, 2)
        self.assertIn(f"{EXAMPLES[0]}: valid", r.stdout)
        self.assertIn(str(SCHEMA_INVALID[0]), r.stdout + r.stderr)

    def test_invalid_plus_valid_is_invalid(self):
        r = etsi("validate", EXAMPLES[0], SCHEMA_INVALID[0])
        self.assertEqual(r.returncode, 1)

    def test_external_entity_is_refused_and_not_read(self):
        secret = self.tmp / "secret.txt"
        secret.write_text("TOP-SECRET-MARKER-4711\n")
        hostile = self.tmp / "xxe.xml"
        hostile.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE dossier [ <!ENTITY x SYSTEM "file://{secret}"> ]>
<dossier xmlns="urn:libetsi:dossier:1" schema-version="1.0">&x;</dossier>
""")
        r = etsi("validate", hostile)
        self.assertEqual(r.returncode, 1)
        self.assertIn("DOCTYPE declarations are refused", r.stdout)
        self.assertNotIn("TOP-SECRET-MARKER", r.stdout + r.stderr)

    def test_billion_laughs_fails_fast(self):
        hostile = self.tmp / "laughs.xml"
        entities = ['<!ENTITY a0 "ha">'] + [
            f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, 12)]
        hostile.write_text('<?xml version="1.0"?>\n<!DOCTYPE dossier [' + "".join(entities) +
                           ']>\n<dossier xmlns="urn:libetsi:dossier:1">&a11;</dossier>\n')
        r = etsi("validate", hostile)
        self.assertEqual(r.returncode, 1)
        self.assertIn("DOCTYPE", r.stdout)

    def test_too_large_is_refused_before_parsing(self):
        big = self.tmp / "big.xml"
        big.write_bytes(b"<dossier>" + b" " * 4096 + b"</dossier>")
        r = etsi("validate", "--max-size", "1024", big)
        self.assertEqual(r.returncode, 1)
        self.assertIn("above the 1.0 KiB limit", r.stdout)

    def test_standard_input(self):
        r = subprocess.run([CLI, "validate", "-"], input=EXAMPLES[0].read_text(),
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("-: valid", r.stdout)

    def test_depth_limit_option(self):
        deep = self.tmp / "deep.xml"
        deep.write_text('<dossier xmlns="urn:libetsi:dossier:1">' + "<x>" * 20 + "</x>" * 20 +
                        "</dossier>")
        r = etsi("validate", "--max-depth", "10", deep)
        self.assertEqual(r.returncode, 1)
        self.assertIn("deeper than 10 levels", r.stdout)
        self.assertEqual(etsi("validate", "--max-depth", "0", deep).returncode, 2)

    def test_missing_data_dir_is_an_error(self):
        r = etsi("validate", "--data-dir", self.tmp / "no-such-dir", EXAMPLES[0])
        self.assertEqual(r.returncode, 2)
        self.assertIn("no-such-dir", r.stderr)

    def test_data_dir_with_catalogs_is_used(self):
        # a copy of the shipped catalogs with one changed title must be read
        data = self.tmp / "data"
        data.mkdir()
        for f in (SOURCE / "catalogs").glob("*.xml"):
            text = f.read_text()
            if f.name == "en303645-3.1.3.xml":
                text = text.replace("<title>Secure update mechanism</title>",
                                    "<title>Overridden title for the test</title>", 1)
            (data / f.name).write_text(text)
        r = etsi("catalog", "--data-dir", data, "-e", "3.1.3")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Overridden title for the test", r.stdout)
        r = subprocess.run([CLI, "validate", EXAMPLES[0]], capture_output=True, text=True,
                           timeout=60, env={**os.environ, "ETSI_DATA_DIR": str(data)})
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_not_well_formed(self):
        bad = self.tmp / "bad.xml"
        bad.write_text('<dossier xmlns="urn:libetsi:dossier:1">\n<header>\n</dossier>\n')
        r = etsi("validate", bad)
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stdout, re.escape(str(bad)) + r":3: error: not well-formed XML")

    def test_unknown_provision_is_found_by_the_catalog_check(self):
        text = (SOURCE / "tests/data/valid/minimal-v3.xml").read_text()
        bad = self.tmp / "unknown-provision.xml"
        bad.write_text(text.replace('provision="5.3-2"', 'provision="5.3-99"'))
        r = etsi("validate", bad)
        self.assertEqual(r.returncode, 1)
        self.assertIn("5.3-99 is not a provision of EN 303 645 V3.1.3", r.stdout)


class Catalog(unittest.TestCase):
    def test_text_v3(self):
        r = etsi("catalog", "--edition", "3.1.3")
        self.assertEqual(r.returncode, 0)
        self.assertIn("EN 303 645 V3.1.3, assessed with TS 103 701 V2.1.1", r.stdout)
        self.assertRegex(r.stdout, r"\n  5\.3-2 +M C \(15\) ")
        self.assertRegex(r.stdout, r"\n  5\.3-10 +M F \(j\) ")
        self.assertRegex(r.stdout, r"\n  5\.3-4 +void ")
        self.assertIn("replaced by 5.3-4A, 5.3-4B", r.stdout)
        self.assertRegex(r.stdout, r"\n    5\.3-2-1 +conceptual ")
        for provision in ("5.3-4A", "5.3-4B", "5.3-6A", "5.3-6B", "5.3-15A", "5.3-15B"):
            self.assertRegex(r.stdout, rf"\n  {re.escape(provision)} +R ")

    def test_text_v2_is_default_free(self):
        r = etsi("catalog", "-e", "2.1.1")
        self.assertEqual(r.returncode, 0)
        self.assertIn("TS 103 701 V1.1.1", r.stdout)
        self.assertRegex(r.stdout, r"\n  5\.3-6 +R C \(9, 12\) ")
        self.assertRegex(r.stdout, r"\n    5\.3-10-1 +mixed ")
        self.assertEqual(len(re.findall(r"\n  5\.3-\d+ ", r.stdout)), 16)

    def test_default_edition_is_latest(self):
        self.assertEqual(etsi("catalog").stdout, etsi("catalog", "-e", "3.1.3").stdout)

    @unittest.skipUnless(XMLLINT, "xmllint not installed")
    def test_xml_is_valid_against_the_catalog_schema(self):
        for edition in ("2.1.1", "3.1.3"):
            with self.subTest(edition=edition), tempfile.NamedTemporaryFile(suffix=".xml") as f:
                r = etsi("catalog", "--format", "xml", "--edition", edition)
                self.assertEqual(r.returncode, 0)
                f.write(r.stdout.encode())
                f.flush()
                lint = subprocess.run([XMLLINT, "--noout", "--schema",
                                       str(SOURCE / "xsd/catalog.xsd"), f.name],
                                      capture_output=True, text=True)
                self.assertEqual(lint.returncode, 0, lint.stderr)
                self.assertEqual(r.stdout.count('<catalog '), 2)

    def test_unknown_edition_is_a_usage_error(self):
        r = etsi("catalog", "--edition", "9.9.9")
        self.assertEqual(r.returncode, 2)
        self.assertIn("V9.9.9 is not known", r.stderr)
        self.assertIn("2.1.1, 3.1.3", r.stderr)

    def test_unknown_ts_edition_lists_the_ts_editions(self):
        # the message names the standard whose edition is unknown and the
        # editions of that standard, not those of EN 303 645
        text = (SOURCE / "examples/dossiers/constrained-sensor-v2.xml").read_text()
        text = text.replace('ts103701="1.1.1"', 'ts103701="1.1.2"', 1)
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp, "d.xml")
            path.write_text(text)
            for command in ("validate", "check", "release"):
                args = (command, str(path)) + (("--version", "9.0.0", "-o",
                                                str(path) + ".next") if command == "release" else ())
                with self.subTest(command=command):
                    r = etsi(*args)
                    self.assertEqual(r.returncode, 1, r.stderr)
                    self.assertIn("TS 103 701 V1.1.2 is not known; built-in TS 103 701 "
                                  "editions are 1.1.1, 2.1.1", r.stdout + r.stderr)
                    self.assertNotIn("EN 303 645 editions", r.stdout + r.stderr)
            self.assertFalse(pathlib.Path(str(path) + ".next").exists())

    def test_bad_format(self):
        r = etsi("catalog", "--format", "pdf")
        self.assertEqual(r.returncode, 2)


class Init(TempDirTest):
    def init(self, *extra, edition="3.1.3"):
        out = self.tmp / f"dossier-{edition}.xml"
        r = etsi("init", "--edition", edition, "--model", "KIC-300", "--release", "3.4.0",
                 "--manufacturer", "Kestrel Home", "-o", out, *extra)
        return r, out

    def test_skeleton_is_valid_and_complete(self):
        for edition, entries in (("3.1.3", 19), ("2.1.1", 16)):
            with self.subTest(edition=edition):
                r, out = self.init(edition=edition)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertIn(f"{entries} ICS entries", r.stderr)
                text = out.read_text()
                self.assertEqual(text.count("<entry provision="), entries)
                self.assertIn("<model-designation>KIC-300</model-designation>", text)
                self.assertIn("<manufacturer>Kestrel Home</manufacturer>", text)
                self.assertEqual(etsi("validate", out).returncode, 0)
                if XMLLINT:
                    lint = subprocess.run([XMLLINT, "--noout", "--schema",
                                           str(SOURCE / "xsd/dossier.xsd"), str(out)],
                                          capture_output=True)
                    self.assertEqual(lint.returncode, 0)

    def test_void_provisions_are_left_out(self):
        r, out = self.init()
        text = out.read_text()
        for void in ("5.3-4", "5.3-6", "5.3-15"):
            self.assertNotIn(f'provision="{void}"', text)

    def test_refuses_to_overwrite_without_force(self):
        r, out = self.init()
        self.assertEqual(r.returncode, 0)
        out.write_text("keep me")
        r, _ = self.init()
        self.assertEqual(r.returncode, 2)
        self.assertIn("pass --force", r.stderr)
        self.assertEqual(out.read_text(), "keep me")
        r, _ = self.init("--force")
        self.assertEqual(r.returncode, 0)
        self.assertIn("<dossier", out.read_text())

    def test_standard_output(self):
        r = etsi("init", "-m", "X-1", "-r", "1.0", "-o", "-")
        self.assertEqual(r.returncode, 0)
        self.assertTrue(r.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<dossier'))

    def test_required_options(self):
        r = etsi("init", "--model", "X", "-o", self.tmp / "x.xml")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--release", r.stderr)
        self.assertFalse((self.tmp / "x.xml").exists())

    def test_unwritable_directory_writes_nothing(self):
        out = self.tmp / "missing-dir" / "d.xml"
        r = etsi("init", "-m", "X", "-r", "1", "-o", out)
        self.assertEqual(r.returncode, 2)
        self.assertIn("cannot create a temporary file", r.stderr)
        self.assertEqual(list(self.tmp.iterdir()), [])

    def test_unknown_edition(self):
        r = etsi("init", "-e", "4.0.0", "-m", "X", "-r", "1", "-o", self.tmp / "d.xml")
        self.assertEqual(r.returncode, 2)
        self.assertFalse((self.tmp / "d.xml").exists())


if __name__ == "__main__":
    unittest.main()
