"""Dossiers from Python: load, loads, new, validate (with the lines `etsi
validate` prints), atomic save, the XML round trip with extension elements,
and every way of changing a dossier with every error it can raise."""
import datetime
import os
import pathlib
import re
import stat
import unittest

from support import (CAMERA, DATA, MINIMAL_V3, PLUG, SENSOR, TempDirTestCase, etsi,
                     example_paths, run_cli)

SCHEMA_INVALID = sorted((DATA / "schema-invalid").glob("*.xml"))
INVALID = sorted((DATA / "invalid").glob("*.xml"))
CLI_PROBLEM = re.compile(r"^(?P<file>.+?):(?:(?P<line>\d+):)? error: (?P<message>.*)$")


def cli_problems(path):
    """(line, message, hint) of every problem `etsi validate` prints."""
    proc = run_cli("validate", path)
    problems = []
    for text in (proc.stdout + proc.stderr).splitlines():
        if text.startswith("    hint: "):
            line, message, _ = problems[-1]
            problems[-1] = (line, message, text[len("    hint: "):])
            continue
        m = CLI_PROBLEM.match(text)
        if m:
            problems.append((int(m["line"] or 0), m["message"], None))
    return proc.returncode, problems


class LoadTest(TempDirTestCase):
    def test_load_examples(self):
        for path in example_paths():
            with self.subTest(path.name):
                with etsi.load(path) as d:
                    self.assertEqual(d.path, str(path))
                    self.assertEqual(d.validate(), [])
                    self.assertIsNotNone(d.catalog)
                    self.assertEqual(d.catalog.edition, d.header["en303645"])
                    self.assertEqual(d.catalog.ts_edition, d.header["ts103701"])

    def test_load_path_like_and_str(self):
        d1 = etsi.load(CAMERA)
        d2 = etsi.load(str(CAMERA))
        d3 = etsi.Dossier.load(pathlib.PurePath(CAMERA))
        self.assertEqual(d1.to_xml(), d2.to_xml())
        self.assertEqual(d1.to_xml(), d3.to_xml())

    def test_what_it_is(self):
        d = etsi.load(CAMERA)
        self.assertEqual(repr(d), "<etsi.Dossier KIC-300 release 3.4.0, EN 303 645 V3.1.3>")
        self.assertEqual(d.header["release"], "3.4.0")
        self.assertEqual(d.dut["model-designation"], "KIC-300")
        self.assertEqual(d.user_info.kind, "user-info")
        self.assertEqual([p.key for p in d.parties], ["so-kestrel", "tl-meridian"])
        self.assertIn("own-psl", [o.key for o in d.owners])
        self.assertEqual(len(d.components), 6)
        self.assertEqual([m.key for m in d.mechanisms], ["mech-ota", "mech-app", "mech-store"])
        self.assertEqual(len(d.ics), d.count("ics-entry"))
        self.assertEqual(len(d.verdicts), 10)
        self.assertTrue(d.services)
        self.assertEqual([s["name"] for s in d.workflow],
                         ["scope", "ics", "mechanisms", "procedures", "user-info", "handoff"])
        self.assertEqual(d.waivers, d.records("waiver"))
        # count includes child records (artifacts of every evidence item)
        self.assertEqual(d.count("artifact"),
                         sum(len([c for c in e.children if c.kind == "artifact"])
                             for e in d.evidence))

    def test_find(self):
        d = etsi.load(CAMERA)
        self.assertEqual(d.find("component", "comp-fw")["name"], d.components[2]["name"])
        self.assertEqual(d.find("component", "comp-fw"), d.components[2])
        self.assertEqual(d.find("ics-entry", "5.3-2")["support"], "Y")
        self.assertIsNotNone(d.find("verdict", d.verdicts[0].key))
        self.assertIsNone(d.find("component", "nope"))
        self.assertEqual(d.find("dut"), d.dut)          # singletons need no key
        self.assertEqual(d.find("dut", "ignored"), d.dut)

    def test_loads(self):
        text = CAMERA.read_text(encoding="utf-8")
        d = etsi.loads(text)
        self.assertEqual(d.path, "<memory>")
        self.assertEqual(etsi.loads(text.encode("utf-8"), name="cam.xml").path, "cam.xml")
        self.assertEqual(d.to_xml(), etsi.load(CAMERA).to_xml())
        with self.assertRaises(TypeError):
            etsi.loads(42)

    def test_loads_error_names_the_document(self):
        bad = MINIMAL_V3.read_text(encoding="utf-8").replace("<dut>", "<dut><bogus/>", 1)
        with self.assertRaises(etsi.ValidationError) as cm:
            etsi.loads(bad, name="upload.xml")
        self.assertEqual(cm.exception.file, "upload.xml")
        self.assertGreater(cm.exception.line, 0)

    def test_load_without_validation(self):
        path = DATA / "schema-invalid" / "bad-enum.xml"
        with self.assertRaises(etsi.ValidationError):
            etsi.load(path)
        d = etsi.load(path, validate=False)
        self.assertEqual([p.line for p in d.validate()], [30])

    def test_missing_singletons_without_validation(self):
        d = etsi.load(DATA / "schema-invalid" / "missing-header.xml", validate=False)
        with self.assertRaises(etsi.NotFoundError):
            d.header
        self.assertEqual(d.dut["model-designation"], d.find("dut")["model-designation"])
        self.assertTrue(repr(d).startswith("<etsi.Dossier "))

    def test_unknown_editions_without_validation(self):
        d = etsi.load(DATA / "invalid" / "unknown-edition.xml", validate=False)
        self.assertIsNone(d.catalog)
        self.assertEqual(len(d.validate().errors), 1)

    def test_missing_file(self):
        with self.assertRaises(etsi.FileError) as cm:
            etsi.load(self.tmp / "missing.xml")
        self.assertIsInstance(cm.exception, OSError)
        self.assertEqual(cm.exception.file, str(self.tmp / "missing.xml"))

    def test_limits(self):
        with self.assertRaises(etsi.LimitError):
            etsi.load(CAMERA, max_size=1024)
        self.assertIsNotNone(etsi.load(CAMERA, max_size=10 * 1024 * 1024))
        with self.assertRaises(etsi.LimitError):
            etsi.load(CAMERA, max_depth=3)
        with self.assertRaises(etsi.InvalidError):
            etsi.load(CAMERA, max_size=-1)


class ValidateTest(unittest.TestCase):
    """Problems, lines and hints are the ones `etsi validate` prints."""

    def check_fixture(self, path):
        status, expected = cli_problems(path)
        self.assertEqual(status, 1, f"etsi validate {path.name} should fail")
        self.assertTrue(expected)
        try:
            d = etsi.load(path, validate=False)
        except etsi.Error as e:
            # refused before validation (root element, schema version, XInclude)
            self.assertEqual(len(expected), 1)
            self.assertEqual((e.line, e.message), expected[0][:2])
            return
        problems = d.validate()
        self.assertEqual([(p.line, p.message, p.hint) for p in problems], expected)
        self.assertTrue(all(p.severity == "error" and p.rule is None for p in problems))
        self.assertEqual(problems.count_severity("error"), len(expected))
        self.assertTrue(all(p.file == str(path) for p in problems))
        # load() raises the first one with its file and line
        with self.assertRaises(etsi.Error) as cm:
            etsi.load(path)
        self.assertEqual(cm.exception.file, str(path))
        first_line = expected[0][0]
        self.assertEqual(cm.exception.line, first_line)
        self.assertTrue(str(cm.exception).startswith(
            f"{path}:{first_line}: " if first_line else f"{path}: "))

    def test_schema_invalid_fixtures(self):
        self.assertGreaterEqual(len(SCHEMA_INVALID), 10)
        for path in SCHEMA_INVALID:
            with self.subTest(path.name):
                self.check_fixture(path)

    def test_invalid_fixtures(self):
        for path in INVALID:
            with self.subTest(path.name):
                self.check_fixture(path)

    def test_line_numbers(self):
        lines = {"bad-date.xml": 5, "bad-enum.xml": 30, "bad-sha256.xml": 35,
                 "dangling-keyref.xml": 22, "duplicate-ics.xml": 31, "duplicate-id.xml": 24,
                 "id-starts-with-digit.xml": 20, "unknown-element.xml": 28,
                 "wrong-order.xml": 15}
        for name, line in lines.items():
            with self.subTest(name):
                problems = etsi.load(DATA / "schema-invalid" / name, validate=False).validate()
                self.assertEqual(problems[0].line, line)
                with self.assertRaises(etsi.ValidationError) as cm:
                    etsi.load(DATA / "schema-invalid" / name)
                self.assertEqual(cm.exception.line, line)

    def test_several_problems(self):
        problems = etsi.load(DATA / "invalid" / "several-problems.xml", validate=False).validate()
        self.assertEqual([p.line for p in problems], [23, 21, 37, 29, 37])
        self.assertEqual(str(problems[3]),
                         f"{DATA / 'invalid' / 'several-problems.xml'}:29: error: 5.3-99 is not a "
                         "provision of EN 303 645 V3.1.3; `etsi catalog --edition 3.1.3` "
                         "lists them")

    def test_valid(self):
        self.assertEqual(etsi.load(MINIMAL_V3).validate(), [])


class NewTest(TempDirTestCase):
    def test_skeleton(self):
        for edition in etsi.editions():
            with self.subTest(edition=edition):
                d = etsi.new("EX-100", "1.0.0", edition=edition, manufacturer="Example Ltd.")
                self.assertIsNone(d.path)
                self.assertEqual(d.header["en303645"], edition)
                self.assertEqual(d.header["release"], "1.0.0")
                self.assertEqual(d.dut["model-designation"], "EX-100")
                self.assertEqual(d.dut["manufacturer"], "Example Ltd.")
                self.assertEqual(d.dut["software-version"], "1.0.0")
                provisions = [p.key for p in d.catalog.provisions
                              if p.key.startswith("5.3-") and p["void"] != "true"]
                self.assertEqual([e.key for e in d.ics], provisions)
                self.assertTrue(all(e["support"] is None for e in d.ics))
                self.assertEqual(d.validate(), [])

    def test_same_as_etsi_init(self):
        out = self.tmp / "cli.xml"
        run_cli("init", "--model", "EX-100", "--release", "1.0.0", "--edition", "3.1.3",
                "--manufacturer", "Example Ltd.", "-o", out, check=True)
        d = etsi.new("EX-100", "1.0.0", edition="3.1.3", manufacturer="Example Ltd.")
        self.assertEqual(d.to_xml(), out.read_text(encoding="utf-8"))

    def test_latest_edition_by_default(self):
        self.assertEqual(etsi.new("EX-100", "1.0").header["en303645"], etsi.editions()[-1])
        self.assertEqual(etsi.Dossier.new("EX-100", "1.0", edition="2.1.1")
                         .header["ts103701"], "1.1.1")

    def test_errors(self):
        with self.assertRaises(etsi.InvalidError):
            etsi.new("", "1.0")
        with self.assertRaises(etsi.UnsupportedError):
            etsi.new("EX-100", "1.0", edition="9.9.9")
        with self.assertRaises(etsi.InvalidError):
            etsi.new("EX-100", "1.0").save()  # no file yet


class SaveTest(TempDirTestCase):
    def test_save_back_and_to_a_path(self):
        path = self.copy(CAMERA)
        d = etsi.load(path)
        d.find("component", "comp-fw")["version"] = "3.4.1"
        d.save()
        self.assertEqual(etsi.load(path).find("component", "comp-fw")["version"], "3.4.1")
        other = self.tmp / "other.xml"
        d.save(other)
        self.assertEqual(d.path, str(other))
        self.assertEqual(other.read_text(encoding="utf-8"), d.to_xml())

    def test_new_dossier_saved(self):
        d = etsi.new("EX-100", "1.0.0")
        d.save(self.tmp / "ex.xml")
        self.assertEqual(d.path, str(self.tmp / "ex.xml"))
        self.assertEqual(etsi.load(self.tmp / "ex.xml").dut["model-designation"], "EX-100")

    def test_atomic_leaves_no_temporary_files(self):
        path = self.copy(CAMERA)
        d = etsi.load(path)
        for i in range(5):
            d.dut["hardware-version"] = f"Rev. {i}"
            d.save()
        self.assertEqual(sorted(os.listdir(self.tmp)), [path.name])

    def test_permissions_kept(self):
        path = self.copy(CAMERA)
        os.chmod(path, 0o640)
        etsi.load(path).save()
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o640)

    def test_invalid_dossier_not_written(self):
        path = self.copy(CAMERA)
        before = path.read_bytes()
        d = etsi.load(path)
        d.remove(d.find("mechanism", "mech-ota"))  # components still refer to it
        with self.assertRaises(etsi.ValidationError) as cm:
            d.save()
        self.assertIn("mech-ota", str(cm.exception))
        self.assertEqual(path.read_bytes(), before)
        self.assertEqual(sorted(os.listdir(self.tmp)), [path.name])

    def test_unwritable_directory(self):
        d = etsi.load(CAMERA)
        target = self.tmp / "missing-dir" / "x.xml"
        with self.assertRaises(etsi.FileError) as cm:
            d.save(target)
        self.assertIsInstance(cm.exception, OSError)
        self.assertFalse(target.parent.exists())

    def test_write_file(self):
        target = self.tmp / "report.txt"
        etsi.write_file(target, "first\n")
        os.chmod(target, 0o600)
        etsi.write_file(str(target), "sécond\n".encode("utf-8"))
        self.assertEqual(target.read_text(encoding="utf-8"), "sécond\n")
        self.assertEqual(stat.S_IMODE(os.stat(target).st_mode), 0o600)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["report.txt"])
        with self.assertRaises(etsi.FileError):
            etsi.write_file(self.tmp / "no" / "such" / "dir.txt", "x")
        with self.assertRaises(TypeError):
            etsi.write_file(target, 42)


class XmlRoundTripTest(TempDirTestCase):
    def test_extension_elements_kept(self):
        d = etsi.load(CAMERA)
        xml = d.to_xml()
        for ext in ('xmlns:acme="urn:example:acme:plm"', 'acme:workspace="KIC-300/release-3.4"',
                    "<acme:ticket>PLM-4411</acme:ticket>", 'acme:part-number="FW-KIC300-0340"'):
            self.assertIn(ext, xml)
        # a change elsewhere keeps them too
        d.find("component", "comp-fw")["version"] = "3.4.1"
        changed = d.to_xml()
        self.assertIn("<acme:ticket>PLM-4411</acme:ticket>", changed)
        self.assertIn('acme:part-number="FW-KIC300-0340"', changed)
        self.assertIn("<version>3.4.1</version>", changed)

    def test_round_trip_is_stable(self):
        for path in example_paths():
            with self.subTest(path.name):
                xml = etsi.load(path).to_xml()
                again = etsi.loads(xml)
                self.assertEqual(again.to_xml(), xml)
                self.assertEqual(again.validate(), [])

    def test_save_writes_to_xml(self):
        d = etsi.load(PLUG)
        d.save(self.tmp / "plug.xml")
        self.assertEqual((self.tmp / "plug.xml").read_text(encoding="utf-8"), d.to_xml())


COMPONENT = dict(id="comp-new", kind="firmware", updateable="true", name="New firmware")


class ChangeTest(TempDirTestCase):
    def setUp(self):
        super().setUp()
        self.d = etsi.load(CAMERA)

    def test_add(self):
        c = self.d.add("component", COMPONENT, mechanism=["mech-ota", "mech-app"],
                       version="1.0")
        self.assertEqual(c.kind, "component")
        self.assertEqual(c.key, "comp-new")
        self.assertEqual(c.line, 0)
        self.assertEqual(c.values("mechanism"), ["mech-ota", "mech-app"])
        self.assertEqual(self.d.find("component", "comp-new"), c)
        self.assertIn(c, self.d.components)
        self.assertEqual(self.d.validate(), [])

    def test_add_keywords_with_hyphens_and_values(self):
        ev = self.d.evidence[0]
        a = self.d.add("artifact", id="art-new", ref="evidence/new.pdf",
                       media_type="application/pdf", visibility="private",
                       size=1234, collected=datetime.date(2026, 11, 1), parent=ev)
        self.assertEqual(a["media-type"], "application/pdf")
        self.assertEqual(a["size"], "1234")
        self.assertEqual(a["collected"], "2026-11-01")
        self.assertEqual(a.parent, ev)
        self.assertEqual(ev.children[-1], a)
        m = self.d.add("mechanism", id="mech-usb", path="physical-interface", network=False,
                       automatic=False, notification=False, name="USB")
        self.assertEqual(m["network"], "false")
        self.assertEqual(self.d.validate(), [])

    def test_add_errors(self):
        before = self.d.to_xml()
        cases = [
            (etsi.ExistsError, dict(COMPONENT, id="comp-fw")),
            (etsi.NotFoundError, dict(COMPONENT, mechanism="mech-none")),
            (etsi.InvalidError, dict(COMPONENT, kind="bogus")),
            (etsi.InvalidError, {k: v for k, v in COMPONENT.items() if k != "name"}),
            (etsi.InvalidError, dict(COMPONENT, id="5starts-with-digit")),
            (etsi.InvalidError, dict(COMPONENT, colour="red")),
        ]
        for error, fields in cases:
            with self.subTest(error=error.__name__, fields=fields):
                with self.assertRaises(error) as cm:
                    self.d.add("component", fields)
                self.assertIsInstance(cm.exception, etsi.Error)
                self.assertTrue(cm.exception.message)
        self.assertEqual(self.d.to_xml(), before)  # nothing changed
        with self.assertRaises(etsi.ExistsError):
            self.d.add("header", title="x")                       # a singleton
        with self.assertRaises(etsi.InvalidError):
            self.d.add("provision", id="5.3-99")                  # not a dossier kind
        with self.assertRaises(etsi.InvalidError):
            self.d.add("no-such-kind", id="x")
        with self.assertRaises(etsi.NotFoundError):
            self.d.add("ics-entry", provision="5.3-99", support="Y")
        with self.assertRaises(etsi.InvalidError):
            self.d.add("artifact", id="art-x", ref="x", media_type="text/plain",
                       visibility="private")                    # needs its evidence item
        with self.assertRaises(etsi.InvalidError):
            self.d.add("artifact", id="art-x", ref="x", media_type="text/plain",
                       visibility="private", parent=etsi.load(CAMERA).evidence[0])
        with self.assertRaises(TypeError):
            self.d.add("component", COMPONENT, version=1.5)
        with self.assertRaises(TypeError):
            self.d.add("component", COMPONENT, version=None)
        self.assertEqual(self.d.to_xml(), before)

    def test_remove(self):
        c = self.d.find("component", "comp-isp")
        line = c.line
        self.assertGreater(line, 0)
        self.d.remove(c)
        self.assertIsNone(self.d.find("component", "comp-isp"))
        self.assertNotIn(c, self.d.components)
        # the handle reads as empty
        self.assertIsNone(c.key)
        self.assertEqual(c.to_dict(), {})
        self.assertEqual(list(c), [])
        ev = self.d.evidence[0]
        artifacts = ev.children
        self.d.remove(ev)
        self.assertTrue(all(a.key is None for a in artifacts))

    def test_remove_errors(self):
        with self.assertRaises(etsi.InvalidError):
            self.d.remove(self.d.header)
        with self.assertRaises(etsi.InvalidError):
            self.d.remove(etsi.load(CAMERA).components[0])
        with self.assertRaises(etsi.InvalidError):
            self.d.remove(etsi.catalog("3.1.3").provisions[0])
        with self.assertRaises(TypeError):
            self.d.remove("comp-fw")

    def test_set(self):
        c = self.d.find("component", "comp-isp")
        c["version"] = "2.0"
        self.assertEqual(c["version"], "2.0")
        c.set("updateable", True)
        self.assertEqual(c["updateable"], "true")
        del c["version"]
        self.assertIsNone(c["version"])
        c["supplier"] = None
        self.assertNotIn("supplier", c)
        c["mechanism"] = "mech-app"      # a list field: replaced by one value
        self.assertEqual(c.values("mechanism"), ["mech-app"])
        c.add_value("mechanism", "mech-ota")
        c.add_value("mechanism", "mech-ota")  # already there: nothing happens
        self.assertEqual(c.values("mechanism"), ["mech-app", "mech-ota"])
        c.remove_value("mechanism", "mech-app")
        self.assertEqual(c.values("mechanism"), ["mech-ota"])
        c["id"] = "comp-isp2"            # a new key
        self.assertEqual(c.key, "comp-isp2")
        self.assertEqual(self.d.find("component", "comp-isp2"), c)
        self.d.header["release-date"] = datetime.date(2026, 4, 20)
        self.assertEqual(self.d.header["release-date"], "2026-04-20")

    def test_set_errors(self):
        c = self.d.find("component", "comp-isp")
        h = self.d.header
        cases = [
            (etsi.InvalidError, lambda: c.__setitem__("kind", "bogus")),
            (etsi.InvalidError, lambda: c.__delitem__("name")),          # required
            (etsi.InvalidError, lambda: c.__setitem__("name", "two\nlines")),
            (etsi.InvalidError, lambda: c.add_value("name", "x")),       # not a list
            (etsi.NotFoundError, lambda: c.__setitem__("mechanism", "mech-none")),
            (etsi.NotFoundError, lambda: c.add_value("mechanism", "mech-none")),
            (etsi.NotFoundError, lambda: c.remove_value("mechanism", "mech-store")),
            (etsi.ExistsError, lambda: c.__setitem__("id", "comp-fw")),
            (etsi.ReadOnlyError, lambda: h.__setitem__("en303645", "2.1.1")),
            (etsi.ReadOnlyError, lambda: self.d.catalog.provisions[0].__setitem__("title", "x")),
            (etsi.InvalidError, lambda: self.d.header.__setitem__("release-date", "2026-02-30")),
        ]
        before = self.d.to_xml()
        for error, change in cases:
            with self.subTest(error=error.__name__):
                with self.assertRaises(error) as cm:
                    change()
                self.assertEqual(type(cm.exception), error)
        self.assertEqual(self.d.to_xml(), before)
        with self.assertRaises(KeyError):
            c["colour"] = "red"
        with self.assertRaises(KeyError):
            del c["colour"]
        with self.assertRaises(TypeError):
            c["version"] = ["1", "2"]
        with self.assertRaises(TypeError):
            c["version"] = 1.5

    def test_set_ics(self):
        entry = self.d.set_ics("5.3-12", "N/A", "Not applicable here.")
        self.assertEqual(entry.kind, "ics-entry")
        self.assertEqual((entry["support"], entry["detail"]), ("N/A", "Not applicable here."))
        entry = self.d.set_ics("5.3-12", "Y")  # detail left as it is
        self.assertEqual((entry["support"], entry["detail"]), ("Y", "Not applicable here."))
        self.assertEqual(self.d.find("ics-entry", "5.3-12"), entry)
        with self.assertRaises(etsi.NotFoundError):
            self.d.set_ics("5.3-99", "Y")
        with self.assertRaises(etsi.NotFoundError):
            self.d.set_ics("5.3-4", "Y")     # void in V3.1.3
        with self.assertRaises(etsi.InvalidError):
            self.d.set_ics("5.3-2", "yes")

    def test_set_ics_creates_the_entry(self):
        d = etsi.loads(MINIMAL_V3.read_text(encoding="utf-8"))
        self.assertIsNone(d.find("ics-entry", "5.3-13"))
        d.set_ics("5.3-13", "Y", "Published on the support page.")
        self.assertEqual(d.find("ics-entry", "5.3-13")["support"], "Y")
        self.assertEqual(d.validate(), [])

    def test_set_verdict(self):
        v = self.d.set_verdict("5.3-16-1", "FAIL", "tl-meridian", "2026-11-20",
                               "Label unreadable.", indications=["The label is smudged."],
                               evidence=["ev-rating-label"])
        self.assertEqual(v.kind, "verdict")
        self.assertEqual(v.key, "5.3-16-1")
        self.assertEqual((v["result"], v["by"], v["date"], v["note"]),
                         ("FAIL", "tl-meridian", "2026-11-20", "Label unreadable."))
        self.assertEqual(v.values("indication"), ["The label is smudged."])
        self.assertEqual(v.values("evidence"), ["ev-rating-label"])
        # replacing it
        again = self.d.set_verdict("5.3-16-1", "PASS", "tl-meridian",
                                   datetime.date(2026, 11, 21))
        self.assertEqual((again["result"], again["date"]), ("PASS", "2026-11-21"))
        self.assertEqual(self.d.find("verdict", "5.3-16-1"), again)
        self.assertIsNone(v.key)  # the replaced verdict reads as empty
        self.assertEqual(len([x for x in self.d.verdicts if x.key == "5.3-16-1"]), 1)
        self.assertEqual(self.d.validate(), [])

    def test_set_verdict_date_defaults_to_today(self):
        v = self.d.set_verdict("5.3-16-1", "PASS", "tl-meridian")
        today = datetime.datetime.now(datetime.timezone.utc).date()
        self.assertIn(v["date"], (today.isoformat(),
                                  (today - datetime.timedelta(days=1)).isoformat()))

    def test_set_verdict_errors(self):
        with self.assertRaises(etsi.NotFoundError):
            self.d.set_verdict("5.3-99-1", "PASS", "tl-meridian", "2026-11-20")
        with self.assertRaises(etsi.NotFoundError):
            self.d.set_verdict("5.3-16-1", "PASS", "tl-nobody", "2026-11-20")
        with self.assertRaises(etsi.InvalidError):
            self.d.set_verdict("5.3-16-1", "MAYBE", "tl-meridian", "2026-11-20")
        with self.assertRaises(etsi.InvalidError):
            self.d.set_verdict("5.3-16-1", "PASS", "tl-meridian", "20.11.2026")
        with self.assertRaises(TypeError):
            self.d.set_verdict("5.3-16-1", "PASS", "tl-meridian", 20261120)

    def test_same_as_etsi_verdict(self):
        path = self.copy(CAMERA)
        run_cli("verdict", path, "--case", "5.3-16-1", "--result", "PASS", "--by",
                "tl-meridian", "--date", "2026-11-20", "--note", "Seen.", "--indication",
                "Fine.", "--evidence", "ev-rating-label", check=True)
        self.d.set_verdict("5.3-16-1", "PASS", "tl-meridian", "2026-11-20", "Seen.",
                           indications=["Fine."], evidence=["ev-rating-label"])
        self.assertEqual(self.d.to_xml(), path.read_text(encoding="utf-8"))


class ClosingTest(unittest.TestCase):
    def test_context_manager(self):
        with etsi.load(SENSOR) as d:
            c = d.components[0]
            self.assertFalse(d.closed)
        self.assertTrue(d.closed)
        self.assertEqual(repr(d), "<etsi.Dossier (closed)>")
        for use in (lambda: d.components, lambda: d.to_xml(), lambda: d.check(),
                    lambda: d.path, lambda: c["id"], lambda: c.key, lambda: d.catalog):
            with self.assertRaises(ValueError):
                use()
        d.close()  # again: nothing happens
        with self.assertRaises(ValueError):
            with d:
                pass

    def test_not_constructed_directly(self):
        with self.assertRaises(TypeError):
            etsi.Dossier("file.xml")
        with self.assertRaises(TypeError):
            etsi.Record(None, None)


if __name__ == "__main__":
    unittest.main()
