"""Every catalog fact carries a provenance tag.

Each element of the shipped catalogs that states a fact (a provision,
condition, feature, note, change, evidence-fit list, fact-check entry, IXIT
table or field, test group or case, algorithm) has its own confidence and
provenance; a part of an entry (a title, summary, objective, purpose, pass
rule, IXIT input, applies-if, replaced-by) either has both or inherits its
parent's (xsd/catalog.xsd, own-provenance).  Every provenance token names a
source of the same file.

Run through ctest, which sets ETSI_SOURCE_DIR.
"""
import os
import pathlib
import unittest
import xml.etree.ElementTree as ET

SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])
CATALOGS = sorted((SOURCE / "catalogs").glob("en303645-*.xml")) + \
    sorted((SOURCE / "catalogs").glob("ts103701-*.xml")) + \
    [SOURCE / "catalogs" / "crypto-policy-1.xml"]
NS = "{urn:libetsi:catalog:1}"

# facts: the tag is the element's own, always
OWN = {"provision", "condition", "feature", "note", "change", "evidence-fit",
       "fact-check", "table", "field", "group", "case", "algorithm"}
# parts of an entry: their own tag, or their parent's
PARTS = {"title", "summary", "objective", "purpose", "pass", "uses", "applies-if",
         "replaced-by"}
# structure and the file's own description: no fact of the standards
STRUCTURE = {"catalog", "policy", "about", "sources", "source", "conditions", "features",
             "provisions", "ixit-tables", "test-groups", "algorithms"}


def local(tag):
    return tag[len(NS):] if tag.startswith(NS) else tag


def walk(node, parent_tag=None):
    """Yields (element, the tag it rests on: (confidence, provenance) or None)."""
    own = (node.get("confidence"), node.get("provenance"))
    tag = own if own != (None, None) else parent_tag
    yield node, own, tag
    for child in node:
        yield from walk(child, tag if local(node.tag) not in STRUCTURE else None)


class Provenance(unittest.TestCase):
    def test_catalogs_are_there(self):
        self.assertEqual(len(CATALOGS), 5, CATALOGS)
        for path in CATALOGS:
            self.assertTrue(path.is_file(), path)

    def test_every_fact_is_tagged(self):
        for path in CATALOGS:
            root = ET.parse(path).getroot()
            sources = {s.get("id") for s in root.iter(NS + "source")}
            self.assertTrue(sources, path.name)
            for node, own, tag in walk(root):
                name = local(node.tag)
                where = f"{path.name}: <{name}> {dict(node.attrib)}"
                with self.subTest(element=where):
                    self.assertTrue(node.tag.startswith(NS), where)
                    self.assertIn(name, OWN | PARTS | STRUCTURE,
                                  "an element this test does not know: say whether it "
                                  "states a fact")
                    # both or neither
                    self.assertEqual(own[0] is None, own[1] is None,
                                     "confidence and provenance go together")
                    if name in OWN:
                        self.assertIsNotNone(own[0], "a fact needs its own tag")
                    elif name in PARTS:
                        self.assertIsNotNone(tag, "a part needs its own tag or its parent's")
                    else:
                        self.assertIsNone(own[0], "structure carries no tag")
                    if own[1] is not None:
                        self.assertIn(own[0], ("P", "P2", "S", "U"))
                        unknown = set(own[1].split()) - sources
                        self.assertFalse(unknown, f"provenance names no source of "
                                                  f"{path.name}: {sorted(unknown)}")

    def test_judgement_is_never_more_than_unverified(self):
        # libetsi's own judgement is not a secondary source
        for path in CATALOGS:
            root = ET.parse(path).getroot()
            for node in root.iter():
                if "LIBETSI" in (node.get("provenance") or "").split():
                    with self.subTest(file=path.name, element=local(node.tag)):
                        self.assertEqual(node.get("confidence"), "U")

    def test_evidence_fit_lists_are_judgement(self):
        for path in SOURCE.glob("catalogs/en303645-*.xml"):
            fits = list(ET.parse(path).getroot().iter(NS + "evidence-fit"))
            self.assertTrue(fits, path.name)
            for fit in fits:
                self.assertEqual(fit.get("provenance"), "LIBETSI", path.name)


if __name__ == "__main__":
    unittest.main()
