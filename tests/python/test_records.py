"""Records from Python: fields by name, list fields, children and parents,
to_dict, iteration, equality and hashing, and the errors of unknown fields
and read-only records."""
import unittest
import xml.etree.ElementTree as ET

from support import CAMERA, EXAMPLES_AS_OF, SENSOR, etsi

D = "{urn:libetsi:dossier:1}"


class FieldsTest(unittest.TestCase):
    def setUp(self):
        self.d = etsi.load(CAMERA)
        self.fw = self.d.find("component", "comp-fw")
        self.xml = ET.parse(CAMERA).getroot()

    def test_fields_match_the_xml(self):
        for element in self.xml.iter(D + "component"):
            with self.subTest(element.get("id")):
                c = self.d.find("component", element.get("id"))
                self.assertEqual(c["id"], element.get("id"))
                self.assertEqual(c["kind"], element.get("kind"))
                self.assertEqual(c["updateable"], element.get("updateable"))
                self.assertEqual(c["name"], element.find(D + "name").text)
                self.assertEqual(c.values("mechanism"),
                                 [e.get("mechanism") for e in element.iter(D + "covered-by")])

    def test_absent_and_unknown(self):
        self.assertIsNone(self.fw["cpe"])                 # a field of the kind, absent
        self.assertEqual(self.fw.get("cpe", "none"), "none")
        self.assertEqual(self.fw.get("name"), self.fw["name"])
        with self.assertRaises(KeyError) as cm:
            self.fw["colour"]
        self.assertIn("component has no field 'colour'", str(cm.exception))
        with self.assertRaises(KeyError):
            self.fw.get("colour")
        with self.assertRaises(KeyError):
            self.fw.values("colour")
        with self.assertRaises(TypeError):
            self.fw[0]
        self.assertNotIn("colour", self.fw)
        self.assertNotIn("cpe", self.fw)
        self.assertIn("name", self.fw)
        self.assertNotIn(0, self.fw)

    def test_list_fields(self):
        self.assertEqual(self.fw.values("mechanism"), ["mech-ota", "mech-app"])
        self.assertEqual(self.fw["mechanism"], "mech-ota")  # the first value
        self.assertEqual(self.fw.values("cpe"), [])
        self.assertEqual(self.fw.values("name"), [self.fw["name"]])

    def test_kind_and_field_names(self):
        self.assertEqual(self.fw.kind, "component")
        self.assertEqual(self.fw.fields, tuple(etsi.kind_fields("component")))
        self.assertEqual(etsi.kinds()["component"], list(self.fw.fields))
        self.assertEqual(self.fw.fields[:4], ("id", "kind", "updateable", "name"))
        self.assertEqual(len(etsi.kinds()), etsi.core.ETSI__KIND_LAST - 1)
        with self.assertRaises(etsi.InvalidError):
            etsi.kind_fields("colour")

    def test_iteration_and_to_dict(self):
        present = list(self.fw)
        self.assertEqual(present, [f for f in self.fw.fields if f in self.fw])
        d = self.fw.to_dict()
        self.assertEqual(list(d), present)
        self.assertEqual(d["mechanism"], ["mech-ota", "mech-app"])  # several values: a list
        self.assertEqual(d["id"], "comp-fw")
        self.assertEqual(dict((name, self.fw[name]) for name in self.fw if name != "mechanism"),
                         {k: v for k, v in d.items() if k != "mechanism"})

    def test_singletons(self):
        self.assertIsNone(self.d.header.key)
        self.assertIsNone(self.d.dut.key)
        self.assertEqual(self.d.header["en303645"], "3.1.3")
        self.assertEqual(self.d.header.parent, None)
        self.assertEqual(self.d.dut.children, [])

    def test_keys(self):
        self.assertEqual(self.d.find("ics-entry", "5.3-2").key, "5.3-2")
        verdict = self.d.verdicts[0]
        self.assertEqual(verdict.key, verdict["case"])
        self.assertEqual(self.d.workflow[0].key, "scope")

    def test_lines(self):
        text = CAMERA.read_text(encoding="utf-8").splitlines()
        for record, start in ((self.d.header, "  <header>"),
                              (self.fw, '    <component id="comp-fw"')):
            self.assertTrue(text[record.line - 1].startswith(start))
        lines = [c.line for c in self.d.components]
        self.assertEqual(lines, sorted(lines))

    def test_repr(self):
        self.assertEqual(repr(self.fw), f"<etsi.Record component 'comp-fw' line {self.fw.line}>")
        self.assertEqual(repr(self.d.dut).split(" line ")[0], "<etsi.Record dut")
        new = etsi.new("EX-100", "1.0")
        self.assertEqual(repr(new.dut), "<etsi.Record dut>")


class TreeTest(unittest.TestCase):
    def setUp(self):
        self.d = etsi.load(CAMERA)

    def test_evidence_and_artifacts(self):
        xml = ET.parse(CAMERA).getroot()
        for element in xml.iter(D + "evidence"):
            with self.subTest(element.get("id")):
                ev = self.d.find("evidence", element.get("id"))
                children = ev.children
                expected = [a.get("id") for a in element.findall(D + "artifact")]
                self.assertEqual([c.key for c in children if c.kind == "artifact"], expected)
                for child in children:
                    self.assertEqual(child.parent, ev)
                    self.assertIs(child.owner, self.d)
                self.assertEqual(self.d.find("artifact", expected[0]).parent, ev)

    def test_covers(self):
        ev = self.d.find("evidence", "ev-se-certificate")
        covers = [c for c in ev.children if c.kind == "covers"]
        self.assertEqual([(c.key, c["coverage"]) for c in covers], [("5.3-7-1", "partial")])
        self.assertEqual(ev["external-assurance"], "substantial")
        self.assertEqual(ev.to_dict()["covers"], [{"test-case": "5.3-7-1", "coverage": "partial"}])

    def test_to_dict_nests_children(self):
        ev = self.d.find("evidence", "ev-se-certificate")
        d = ev.to_dict()
        self.assertEqual(d["id"], "ev-se-certificate")
        self.assertEqual([a["id"] for a in d["artifact"]], ["art-se-certificate"])
        self.assertEqual(d["artifact"][0]["expires"], "2028-06-30")

    def test_results_records(self):
        r = self.d.evaluate(as_of=EXAMPLES_AS_OF)
        outcome = r.find("outcome", "5.3-2")
        cases = outcome.children
        self.assertTrue(cases)
        self.assertEqual({c.kind for c in cases}, {"case-outcome"})
        self.assertTrue(all(c.parent == outcome for c in cases))
        self.assertIs(cases[0].owner, r)
        self.assertEqual(outcome.to_dict()["case-outcome"], [c.to_dict() for c in cases])
        step = r.find("gate-step", "scope")
        self.assertIsInstance(step.values("output"), list)

    def test_catalog_tree(self):
        cat = self.d.catalog
        group = cat.find("test-group", "5.3-13")
        self.assertEqual([c.parent for c in group.children], [group] * len(group.children))
        self.assertIs(group.owner, cat)


class EqualityTest(unittest.TestCase):
    def test_same_entry_is_equal(self):
        d = etsi.load(CAMERA)
        a = d.find("component", "comp-fw")
        b = d.components[2]
        self.assertIsNot(a, b)
        self.assertEqual(a, b)
        self.assertFalse(a != b)
        self.assertEqual(hash(a), hash(b))
        self.assertEqual(len({*d.components, *d.components}), 6)
        by_record = {c: c["name"] for c in d.components}
        self.assertEqual(by_record[a], a["name"])

    def test_other_entries_differ(self):
        d = etsi.load(CAMERA)
        self.assertNotEqual(d.components[0], d.components[1])
        self.assertNotEqual(d.components[0], "comp-bootrom")
        # the same element of another dossier is another record
        self.assertNotEqual(d.components[0], etsi.load(CAMERA).components[0])

    def test_closed_owner(self):
        d = etsi.load(SENSOR)
        a, b = d.components[0], d.components[0]
        h = hash(a)
        d.close()
        self.assertEqual(a, a)
        self.assertNotEqual(a, b)       # its memory may be reused: only identity counts
        self.assertEqual(hash(a), h)    # the hash never changes
        self.assertEqual(repr(a), "<etsi.Record component (closed)>")


class ReadOnlyTest(unittest.TestCase):
    def test_catalog_records(self):
        cat = etsi.catalog("3.1.3")
        for record in (cat.find("provision", "5.3-2"), cat.find("test-case", "5.3-2-1"),
                       cat.find("ixit-table", "7-UpdMech"), cat.find("condition", "3")):
            with self.subTest(record.kind):
                field = record.fields[-1]
                with self.assertRaises(etsi.ReadOnlyError) as cm:
                    record[field] = "x"
                self.assertEqual((cm.exception.code, cm.exception.name), (-11, "EREADONLY"))
                with self.assertRaises(etsi.ReadOnlyError):
                    del record[field]

    def test_dossier_catalog_records(self):
        d = etsi.load(CAMERA)
        with self.assertRaises(etsi.ReadOnlyError):
            d.catalog.find("provision", "5.3-2")["title"] = "x"

    def test_results_records(self):
        r = etsi.load(CAMERA).evaluate(as_of=EXAMPLES_AS_OF)
        with self.assertRaises(etsi.ReadOnlyError):
            r.summary["overall"] = "PASS"
        with self.assertRaises(etsi.ReadOnlyError):
            r.plan[0]["ready"] = "false"

    def test_fixed_header_fields(self):
        d = etsi.load(CAMERA)
        for field in ("en303645", "ts103701"):
            with self.assertRaises(etsi.ReadOnlyError):
                d.header[field] = "2.1.1"


if __name__ == "__main__":
    unittest.main()
