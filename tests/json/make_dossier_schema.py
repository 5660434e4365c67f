#!/usr/bin/env python3
"""Writes xsd/dossier.schema.json, the JSON Schema (draft-07) of the JSON form
of a dossier (docs/interchange.md), from xsd/dossier.xsd, so that the two
never drift apart.

    tests/json/make_dossier_schema.py            rewrite xsd/dossier.schema.json
    tests/json/make_dossier_schema.py --check    exit 1 when it is out of date

The JSON form maps each element of the XSD one to one: attributes and child
elements by name (repeating elements as arrays), text as the string itself or
under "#text", and the "#" keys of the form (#xmlns, #prefix, #extensions,
#misc, #content).  Values carry the XSD's patterns, enumerations and lengths;
they are checked as libetsi writes them (the XSD, applied when the JSON is
imported, also accepts surrounding white space in token values).
"""
import argparse
import json
import pathlib
import sys
import xml.etree.ElementTree as ET

XS = "{http://www.w3.org/2001/XMLSchema}"
ROOT = pathlib.Path(__file__).resolve().parents[2]
XSD = ROOT / "xsd" / "dossier.xsd"
OUT = ROOT / "xsd" / "dossier.schema.json"
FORMAT = "urn:libetsi:dossier-json:1"
QNAME = "^[A-Za-z_][A-Za-z0-9._\\-]*:[A-Za-z_][A-Za-z0-9._\\-]*$"
NCNAME = "^[A-Za-z_][A-Za-z0-9._\\-]*$"


def local(name):
    return name.split(":", 1)[1] if name and ":" in name else name


# xs:duration as the schema's validator takes it: PnYnMnDTnHnMnS, at least
# one part, T only before a time part
DURATION = (r"^-?P(?=[0-9]|T[0-9])([0-9]+Y)?([0-9]+M)?([0-9]+D)?"
            r"(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]+)?S)?)?$")


def range_regex(lo, hi):
    """A regular expression (no anchors) for the decimal integers lo..hi."""
    if lo > hi:
        return "(?!)"
    slo, shi = str(lo), str(hi)
    if len(slo) < len(shi):
        # split at the powers of ten: lo..99..9, then the longer numbers
        nines = 10 ** len(slo) - 1
        return range_regex(lo, nines) + "|" + range_regex(nines + 1, hi)
    if slo == shi:
        return slo
    # same length: a common prefix, then the first digit that differs
    i = 0
    while slo[i] == shi[i]:
        i += 1
    prefix, rest = slo[:i], len(slo) - i - 1
    a, b = int(slo[i]), int(shi[i])
    parts = []
    low_tail, high_tail = slo[i + 1:], shi[i + 1:]
    if rest == 0:
        return prefix + (f"[{a}-{b}]" if a != b else str(a))
    parts.append(prefix + str(a) + "(?:" + range_regex_fixed(low_tail, "9" * rest) + ")")
    if b - a > 1:
        parts.append(prefix + f"[{a + 1}-{b - 1}]" + "[0-9]" * rest)
    parts.append(prefix + str(b) + "(?:" + range_regex_fixed("0" * rest, high_tail) + ")")
    return "|".join(parts)


def range_regex_fixed(lo, hi):
    """Like range_regex for digit strings of one length, leading zeros kept."""
    if lo == hi:
        return lo
    if not lo:
        return ""
    if lo[0] == hi[0]:
        return lo[0] + "(?:" + range_regex_fixed(lo[1:], hi[1:]) + ")"
    a, b, rest = int(lo[0]), int(hi[0]), len(lo) - 1
    parts = [lo[0] + "(?:" + range_regex_fixed(lo[1:], "9" * rest) + ")" if rest else lo[0]]
    if b - a > 1:
        parts.append(f"[{a + 1}-{b - 1}]" + "[0-9]" * rest)
    parts.append(hi[0] + "(?:" + range_regex_fixed("0" * rest, hi[1:]) + ")" if rest else hi[0])
    return "|".join(parts)


class Generator:
    def __init__(self, xsd):
        self.root = ET.parse(xsd).getroot()
        self.complex = {t.get("name"): t for t in self.root.findall(XS + "complexType")}
        self.simple = {t.get("name"): t for t in self.root.findall(XS + "simpleType")}
        self.defs = {}

    # ---- values ---------------------------------------------------------

    def value(self, type_name=None, simple=None):
        """The JSON Schema of a value of an XSD simple type."""
        if simple is None:
            if type_name is None:
                return {"type": "string"}
            if type_name.startswith("xs:"):
                return {"xs:anyURI": {"type": "string"},
                        "xs:unsignedLong": {"type": "string", "pattern": "^[0-9]+$"},
                        "xs:duration": {"type": "string", "pattern": DURATION},
                        "xs:string": {"type": "string"},
                        "xs:token": {"type": "string"}}.get(type_name, {"type": "string"})
            key = "value." + local(type_name)
            if key not in self.defs:
                self.defs[key] = None  # reserve the slot (and its place in the order)
                self.defs[key] = self.value(simple=self.simple[local(type_name)])
            return {"$ref": "#/definitions/" + key}
        out = {"type": "string"}
        restriction = simple.find(XS + "restriction")
        enums = [e.get("value") for e in restriction.findall(XS + "enumeration")]
        if enums:
            return {"type": "string", "enum": enums}
        for facet in restriction:
            tag = facet.tag[len(XS):]
            if tag == "pattern":
                out["pattern"] = "^(?:" + facet.get("value") + ")$"
            elif tag == "maxLength":
                out["maxLength"] = int(facet.get("value"))
            elif tag == "minLength":
                out["minLength"] = int(facet.get("value"))
        base = restriction.get("base")
        if base == "xs:boolean":
            return {"type": "string", "enum": ["true", "false"]}
        bounds = {f.tag[len(XS):]: int(f.get("value")) for f in restriction
                  if f.tag[len(XS):] in ("minInclusive", "maxInclusive")}
        if base in ("xs:unsignedInt", "xs:unsignedLong") and len(bounds) == 2:
            out["pattern"] = "^(?:" + range_regex(bounds["minInclusive"],
                                                  bounds["maxInclusive"]) + ")$"
        return out

    # ---- elements -------------------------------------------------------

    def attributes(self, node):
        """The attributes a complex type declares itself (or in its simple
        content's extension), whether it allows those of other namespaces."""
        holders = [node]
        simple_content = node.find(XS + "simpleContent")
        if simple_content is not None:
            holders.append(simple_content.find(XS + "extension"))
        out, required, extensible = {}, [], False
        for holder in holders:
            for child in holder:
                if child.tag == XS + "attribute":
                    out[child.get("name")] = self.value(child.get("type"),
                                                        child.find(XS + "simpleType"))
                    if child.get("use") == "required":
                        required.append(child.get("name"))
                elif child.tag == XS + "anyAttribute":
                    extensible = True
        return out, required, extensible

    def common(self, props, extensible):
        props["#prefix"] = {"$ref": "#/definitions/prefix"}
        props["#xmlns"] = {"$ref": "#/definitions/xmlns"}
        schema = {"type": "object", "properties": props, "additionalProperties": False}
        if extensible:
            schema["patternProperties"] = {QNAME: {"type": "string"}}
        return schema

    def element(self, decl):
        """The JSON Schema of an element declaration (its definition's $ref)."""
        type_name = decl.get("type")
        anonymous = decl.find(XS + "complexType")
        if anonymous is not None:
            key = "element." + decl.get("name")
            node = anonymous
        elif type_name and local(type_name) in self.complex:
            key = "element." + local(type_name)
            node = self.complex[local(type_name)]
        else:
            # a simple type: text, without attributes
            value = self.value(type_name, decl.find(XS + "simpleType"))
            key = "text." + (local(type_name) if type_name else decl.get("name"))
            if key not in self.defs:
                self.defs[key] = {"oneOf": [value, self.common({
                    "#text": value, "#content": {"$ref": "#/definitions/text-content"}}, False)]}
            return {"$ref": "#/definitions/" + key}
        if key in self.defs:
            return {"$ref": "#/definitions/" + key}
        self.defs[key] = None
        attrs, required, extensible = self.attributes(node)
        simple_content = node.find(XS + "simpleContent")
        if simple_content is not None:
            base = simple_content.find(XS + "extension").get("base")
            value = self.value(base)
            props = dict(attrs)
            props["#text"] = value
            props["#content"] = {"$ref": "#/definitions/text-content"}
            obj = self.common(props, extensible)
            if required:
                obj["required"] = required
            obj["not"] = {"required": ["#text", "#content"]}
            self.defs[key] = {"oneOf": [value, obj]} if not required else obj
            return {"$ref": "#/definitions/" + key}
        props = dict(attrs)
        sequence = node.find(XS + "sequence")
        children_extensible = False
        for child in (sequence if sequence is not None else []):
            if child.tag == XS + "group" and local(child.get("ref")) == "extension":
                children_extensible = True
                continue
            if child.tag != XS + "element":
                continue
            schema = self.element(child)
            low = int(child.get("minOccurs", "1"))
            high = child.get("maxOccurs", "1")
            if high != "1":
                schema = {"type": "array", "items": schema}
                if low > 0:
                    schema["minItems"] = low
                if high != "unbounded":
                    schema["maxItems"] = int(high)
            if low > 0:
                required.append(child.get("name"))
            props[child.get("name")] = schema
        if children_extensible:
            props["#extensions"] = {"$ref": "#/definitions/extensions"}
        props["#misc"] = {"$ref": "#/definitions/misc"}
        obj = self.common(props, extensible)
        if required:
            obj["required"] = required
        self.defs[key] = obj
        return {"$ref": "#/definitions/" + key}

    def schema(self):
        root = next(e for e in self.root.findall(XS + "element") if e.get("name") == "dossier")
        dossier = self.element(root)
        definitions = {
            "comment": {"type": "object", "required": ["comment"], "additionalProperties": False,
                        "properties": {"comment": {"type": "string"}},
                        "description": "An XML comment: its text."},
            "comments": {"type": "array", "items": {"$ref": "#/definitions/comment"}},
            "prefix": {"type": "string", "pattern": "^([A-Za-z_][A-Za-z0-9._\\-]*)?$",
                       "description": "The element's namespace prefix where it differs from "
                                      "its parent's; \"\" for the default namespace."},
            "xmlns": {"type": "object", "description": "Namespace declarations: prefix (\"\" "
                      "for the default namespace) to namespace URI.",
                      "propertyNames": {"pattern": "^([A-Za-z_][A-Za-z0-9._\\-]*)?$"},
                      "additionalProperties": {"type": "string"}},
            "misc": {"type": "array", "description": "Comments and white space between child "
                     "elements, after the number of child elements given by \"at\".",
                     "items": {"type": "object", "required": ["at"],
                               "additionalProperties": False,
                               "properties": {"at": {"type": "integer", "minimum": 0},
                                              "comment": {"type": "string"},
                                              "text": {"type": "string"}},
                               "oneOf": [{"required": ["comment"]}, {"required": ["text"]}]}},
            "text-content": {"type": "array", "description": "Text split by comments, in order.",
                             "items": {"oneOf": [{"type": "string"},
                                                 {"$ref": "#/definitions/comment"}]}},
            "extensions": {"type": "array", "description": "Elements of other namespaces, in "
                           "order.", "items": {"$ref": "#/definitions/foreign"}},
            "foreign": {"type": "object", "description": "An element of another namespace: its "
                        "qualified name, namespace declarations, attributes by qualified name "
                        "and its content in order.", "required": ["#name"],
                        "properties": {"#name": {"type": "string",
                                                 "pattern": "^([A-Za-z_][A-Za-z0-9._\\-]*:)?"
                                                            "[A-Za-z_][A-Za-z0-9._\\-]*$"},
                                       "#xmlns": {"$ref": "#/definitions/xmlns"},
                                       "#content": {"type": "array", "items": {"oneOf": [
                                           {"type": "string"},
                                           {"$ref": "#/definitions/comment"},
                                           {"$ref": "#/definitions/foreign"}]}}},
                        "patternProperties": {"^([A-Za-z_][A-Za-z0-9._\\-]*:)?"
                                              "[A-Za-z_][A-Za-z0-9._\\-]*$": {"type": "string"}},
                        "additionalProperties": False},
        }
        definitions.update(self.defs)
        return {
            "$schema": "http://json-schema.org/draft-07/schema#",
            "$id": FORMAT,
            "title": "libetsi dossier, JSON form",
            "description": "The JSON form of a libetsi dossier (namespace urn:libetsi:dossier:1, "
                           "xsd/dossier.xsd), as etsi export --format json writes it and etsi "
                           "import --from json reads it; docs/interchange.md describes it. "
                           "Generated from xsd/dossier.xsd by tests/json/make_dossier_schema.py.",
            "type": "object",
            "required": ["format", "dossier"],
            "additionalProperties": False,
            "properties": {
                "$schema": {"type": "string"},
                "format": {"const": FORMAT},
                "prolog": {"$ref": "#/definitions/comments"},
                "dossier": dossier,
                "epilog": {"$ref": "#/definitions/comments"},
            },
            "definitions": definitions,
        }


def render():
    return json.dumps(Generator(XSD).schema(), indent=2, ensure_ascii=False) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when xsd/dossier.schema.json is out of date")
    args = parser.parse_args()
    text = render()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is out of date with {XSD}; run {pathlib.Path(__file__).name}",
                  file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
