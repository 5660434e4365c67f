#!/usr/bin/env python3
"""Writes libetsi's dossier tables from xsd/dossier.xsd, at build time.

    gen-tables.py XSD --kinds KINDS_H --json JSON_H

KINDS_H (included by libetsi/src/kinds.c) holds the record kinds of the
dossier namespace and their field tables (etsi__kind_def, etsi__field), and
the schema order of every element's children (etsi__element_order).  JSON_H
(included by libetsi/src/json.c) holds the element table of the JSON form:
each element's content, its attributes and children in schema order, and
the elements that repeat.  Both are written into the build directory and
never committed; the same schema gives the same bytes.

What comes from the schema itself:
  - elements, attributes, children and their order; minOccurs/maxOccurs
    (required and list fields); simple content (text fields);
  - value types: the schema's simple types (TYPES below), enumerations;
  - references: an attribute a xs:keyref points at another kind's key is a
    reference to that kind;
  - keys: the xs:key/xs:unique of a kind (a selector that lists several
    kinds is the dossier's shared id space; a constraint declared below the
    root makes a key unique among siblings only);
  - a kind's container (the path from its parent record, or the root) and
    parent kind; a kind that cannot repeat is a singleton, and the records
    below a singleton are found from the root, not from it.

What the schema cannot say is written as xs:appinfo annotations in the
schema, namespace urn:libetsi:tables:1 (prefix lt), on the declaration of a
record's element:

  <lt:kind name="NAME" [child-text="first"]>   the element is a record of
      kind NAME (ETSI_KIND_NAME in etsi/record.h); child-text="first" puts
      the text field of a child element before its attribute fields
    <lt:field path="P" [name="N"] [prefix="X"] [type="T"] [fixed="true"]/>
      P is "@a" (an attribute of the record's element), "c" (the text of
      child c), "c/@a" (an attribute of child c), "c/g" (the text of
      grandchild g) or "text()" (the element's own text, which needs a
      name).  name renames the field; prefix sets the prefix of the field
      names made from c's attributes and children (default "c"; "" for
      none); type overrides the value type (a name of ETSI__T_*, in lower
      case with '-': test-group, keyref, hash); fixed marks a field set
      when the dossier is created and never changed.

Default field names: an attribute of the record is its name; a child's text
is the child's name; an attribute or grandchild of child c is "c-NAME".

The generator refuses, with the schema's path in the message, what it cannot
map: a construct it does not read (xs:choice, complexContent, mixed content,
an attribute by reference), a simple type without a libetsi type, fields more
than two levels below a record, an annotation that names no field, two
elements of one name with different content.
"""
import argparse
import os
import sys
import xml.etree.ElementTree as ET

XS = "{http://www.w3.org/2001/XMLSchema}"
LT_NS = "urn:libetsi:tables:1"
LT = "{" + LT_NS + "}"

# The schema's simple types and the libetsi value check each one gets
# (etsi__type in libetsi/src/kinds.h).  An enumerated simple type needs no
# entry: it is ETSI__T_ENUM with its values.
TYPES = {
    "d:line": "LINE",
    "d:text": "TEXT",
    "d:boolean": "BOOL",
    "d:date": "DATE",
    "d:id": "ID",
    "d:provision-id": "PROVISION",
    "d:test-case-id": "TEST_CASE",
    "d:ixit-table-id": "IXIT_TABLE",
    "d:field-name": "FIELD_NAME",
    "d:sha256": "SHA256",
    "d:edition": "EDITION",
    "d:media-type": "MEDIA_TYPE",
    "d:git-oid": "GIT_OID",
    "d:key-bits": "UINT",
    "d:evidence-items": "UINT",
    "xs:unsignedLong": "UINT",
    "xs:anyURI": "URI",
    "xs:duration": "DURATION",
}

# the value types an annotation may name
OVERRIDE_TYPES = {"text", "line", "bool", "date", "enum", "id", "provision", "test-case",
                  "test-group", "ixit-table", "field-name", "sha256", "uint", "uri",
                  "media-type", "hash", "edition", "keyref", "duration", "git-oid"}

FLAG_NAMES = [(0x01, "ETSI__F_REQUIRED"), (0x02, "ETSI__F_LIST"), (0x04, "ETSI__F_KEY"),
              (0x08, "ETSI__F_ANCHOR"), (0x10, "ETSI__F_COMPUTED"), (0x20, "ETSI__F_FIXED")]
REQ, LIST, KEY, ANCHOR, FIXED = 0x01, 0x02, 0x04, 0x08, 0x20
SINGLETON, IDSPACE, LOCALKEY = 0x01, 0x02, 0x04
KIND_FLAG_NAMES = [(SINGLETON, "ETSI__K_SINGLETON"), (IDSPACE, "ETSI__K_IDSPACE"),
                   (LOCALKEY, "ETSI__K_LOCALKEY")]

J_EMPTY, J_SIMPLE, J_COMPLEX = "J_EMPTY", "J_SIMPLE", "J_COMPLEX"


class MapError(Exception):
    """The schema uses something the generator cannot map to the tables."""


def occurs(decl, which, default=1):
    v = decl.get(which)
    if v is None:
        return default
    return 1 << 30 if v == "unbounded" else int(v)


def c_str(s):
    return "NULL" if s is None else '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def c_list(items):
    if not items:
        return "NULL"
    return "(const char *const[]){ " + ", ".join(c_str(i) for i in items) + ", NULL }"


def c_ident(name):
    return name.replace("-", "_").replace(".", "_")


def kind_enum(name):
    return "ETSI_KIND_" + c_ident(name).upper()


def flags_expr(flags, names):
    parts = [n for bit, n in names if flags & bit]
    return " | ".join(parts) if parts else "0"


class Parts:
    """What a complex type holds: attributes, text, child elements."""

    def __init__(self):
        self.attrs = []        # xs:attribute declarations, schema order
        self.text = None       # the simple content's base type, or None
        self.children = []     # xs:element declarations, schema order
        self.sequence = False  # has a content model (child elements)


class Schema:
    def __init__(self, path):
        self.path = path
        try:
            self.root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as e:
            raise MapError(f"{path}: {e}")
        self.simple, self.complex, self.groups, self.elements = {}, {}, {}, {}
        for n in self.root:
            name = n.get("name")
            if n.tag == XS + "simpleType":
                self.simple[name] = n
            elif n.tag == XS + "complexType":
                self.complex[name] = n
            elif n.tag == XS + "group":
                self.groups[name] = n
            elif n.tag == XS + "element":
                self.elements[name] = n

    def fail(self, where, msg):
        raise MapError(f"{self.path}: {where}: {msg}")

    # ---- types ------------------------------------------------------------

    def element_type(self, decl, where):
        """("simple", typeref or inline node) or ("complex", complexType)."""
        t = decl.get("type")
        if t is not None:
            local = t.split(":", 1)[1] if ":" in t else t
            if t.startswith("d:") and local in self.complex:
                return "complex", self.complex[local]
            if (t.startswith("d:") and local in self.simple) or t.startswith("xs:"):
                return "simple", t
            self.fail(where, f"type {t} is not declared in the schema")
        ct = decl.find(XS + "complexType")
        if ct is not None:
            return "complex", ct
        st = decl.find(XS + "simpleType")
        if st is not None:
            return "simple", st
        if decl.get("ref") is not None:
            self.fail(where, "an element by reference (ref=) is not mapped; declare it locally")
        return "simple", "xs:string"

    def parts(self, ct, where):
        p = Parts()
        if ct.get("mixed") == "true":
            self.fail(where, "mixed content is not mapped")
        for n in ct:
            if n.tag == XS + "annotation":
                continue
            if n.tag == XS + "simpleContent":
                ext = n.find(XS + "extension")
                if ext is None:
                    self.fail(where, "simpleContent without xs:extension is not mapped")
                p.text = ext.get("base")
                self._attributes(ext, p, where)
            elif n.tag == XS + "sequence":
                p.sequence = True
                self._sequence(n, p, where)
            elif n.tag in (XS + "attribute", XS + "anyAttribute", XS + "attributeGroup"):
                self._attribute(n, p, where)
            else:
                self.fail(where, f"xs:{n.tag[len(XS):]} is not mapped")
        return p

    def _attributes(self, parent, p, where):
        for n in parent:
            if n.tag != XS + "annotation":
                self._attribute(n, p, where)

    def _attribute(self, n, p, where):
        if n.tag == XS + "anyAttribute":
            return
        if n.tag != XS + "attribute" or n.get("name") is None:
            self.fail(where, f"xs:{n.tag[len(XS):]} {n.get('ref') or ''} is not mapped "
                      "(declare attributes by name)")
        p.attrs.append(n)

    def _sequence(self, seq, p, where):
        for n in seq:
            if n.tag == XS + "element":
                if n.get("name") is None:
                    self.fail(where, "an element by reference (ref=) is not mapped")
                p.children.append(n)
            elif n.tag == XS + "group":
                ref = n.get("ref", "")
                g = self.groups.get(ref.split(":", 1)[-1])
                if g is None:
                    self.fail(where, f"group {ref} is not declared")
                for s in g:
                    if s.tag == XS + "sequence":
                        self._sequence(s, p, where)
            elif n.tag in (XS + "any", XS + "annotation"):
                continue
            else:
                self.fail(where, f"xs:{n.tag[len(XS):]} is not mapped (only xs:sequence is)")

    def value_type(self, t, where):
        """(libetsi type, enumeration values or None) of a simple type."""
        if isinstance(t, str):
            if t in TYPES:
                return TYPES[t], None
            node = self.simple.get(t.split(":", 1)[1]) if t.startswith("d:") else None
        else:
            node = t
        if node is not None:
            r = node.find(XS + "restriction")
            values = [e.get("value") for e in r.findall(XS + "enumeration")] if r is not None else []
            if values:
                return "ENUM", values
        self.fail(where, f"simple type {t if isinstance(t, str) else '(inline)'} has no libetsi "
                  "value type: add it to TYPES in scripts/gen-tables.py, or make it an "
                  "enumeration")


def lt_appinfo(decl, tag):
    ann = decl.find(XS + "annotation")
    if ann is None:
        return None
    for info in ann.findall(XS + "appinfo"):
        found = info.find(LT + tag)
        if found is not None:
            return found
    return None


def selector_paths(constraint):
    sel = constraint.find(XS + "selector")
    paths = []
    for alt in sel.get("xpath").split("|"):
        steps = alt.strip().split("/")
        if any(not s or s in (".", "..") or "*" in s for s in steps):
            return None
        paths.append(tuple(s.split(":", 1)[-1] for s in steps))
    return paths


class Kind:
    def __init__(self, name, decl, path, parent, container, ann):
        self.name, self.decl, self.path, self.parent = name, decl, path, parent
        self.container, self.ann = container, ann
        self.flags = SINGLETON if occurs(decl, "maxOccurs") == 1 else 0
        self.key = None
        self.fields = []


class Generator:
    def __init__(self, schema):
        self.s = schema
        self.kinds = []            # document order
        self.kind_at = {}          # element path -> Kind
        self.json = {}             # element name -> dict
        self.json_order = []
        self.keys = {}             # element path -> [(attr, shared, local)]
        self.key_names = {}        # constraint name -> element paths
        self.refs = {}             # (element path, attr) -> key name
        self.enums = {}            # C name -> values

    # ---- the walk ---------------------------------------------------------

    def run(self):
        root = self.s.elements.get("dossier")
        if root is None:
            raise MapError(f"{self.s.path}: no global element 'dossier'")
        self.walk(root, (), None, ())
        for k in self.kinds:
            self.key_of(k)
        for k in self.kinds:
            self.fields_of(k)

    def walk(self, decl, path, parent_kind, container):
        name = decl.get("name")
        path = path + (name,)
        where = "/".join(path)
        if len(path) > 12:
            self.s.fail(where, "elements nest too deep (a recursive type?)")
        self.constraints(decl, path)
        ann = lt_appinfo(decl, "kind")
        kind = None
        if ann is not None:
            if not ann.get("name"):
                self.s.fail(where, "lt:kind needs a name")
            kind = Kind(ann.get("name"), decl, path, parent_kind, "/".join(container), ann)
            self.kinds.append(kind)
            self.kind_at[path] = kind
            if kind.flags & SINGLETON:
                # one of its kind: the records below it are found from the
                # root (header/parties), it is not their parent
                container = container + (name,)
            else:
                parent_kind, container = kind, ()
        elif path != ("dossier",):
            container = container + (name,)
        kind_of_type, t = self.s.element_type(decl, where)
        info = {"content": J_SIMPLE, "attrs": [], "children": [],
                "repeated": occurs(decl, "maxOccurs") > 1, "where": where}
        p = self.s.parts(t, where) if kind_of_type == "complex" else Parts()
        if kind_of_type == "complex":
            info["attrs"] = [a.get("name") for a in p.attrs]
            info["children"] = [c.get("name") for c in p.children]
            info["content"] = (J_COMPLEX if p.sequence else
                               J_SIMPLE if p.text is not None else J_EMPTY)
        self.merge_json(name, info)
        for c in p.children:
            self.walk(c, path, parent_kind, container)

    def merge_json(self, name, info):
        have = self.json.get(name)
        if have is None:
            self.json[name] = info
            self.json_order.append(name)
            return
        if have["content"] != info["content"]:
            self.s.fail(info["where"], f"<{name}> has other content than at {have['where']}; "
                        "the JSON form keys elements by name, so one name needs one content")
        if have["children"] != info["children"] and have["children"] and info["children"]:
            self.s.fail(info["where"], f"<{name}> has other children than at {have['where']}")
        have["children"] = have["children"] or info["children"]
        have["attrs"] = merge_order(have["attrs"], info["attrs"])
        have["repeated"] = have["repeated"] or info["repeated"]

    def constraints(self, decl, path):
        for c in decl:
            if c.tag not in (XS + "key", XS + "unique", XS + "keyref"):
                continue
            where = "/".join(path) + f" {c.tag[len(XS):]} {c.get('name')}"
            fields = c.findall(XS + "field")
            paths = selector_paths(c)
            if paths is None or len(fields) != 1 or not fields[0].get("xpath", "").startswith("@"):
                self.s.fail(where, "only selectors of child paths and one @attribute field are "
                            "mapped")
            attr = fields[0].get("xpath")[1:]
            full = [path + p for p in paths]
            if c.tag == XS + "keyref":
                refer = c.get("refer", "").split(":", 1)[-1]
                for f in full:
                    self.refs[(f, attr)] = refer
                continue
            self.key_names[c.get("name")] = full
            for f in full:
                self.keys.setdefault(f, []).append((attr, len(full) > 1, len(path) > 1,
                                                    c.get("name")))

    # ---- kinds ------------------------------------------------------------

    def key_of(self, k):
        cands = self.keys.get(k.path, [])
        shared = [c for c in cands if c[1]]
        if shared:
            k.key, k.flags = shared[0][0], k.flags | IDSPACE
        elif len(cands) == 1:
            k.key = cands[0][0]
            if cands[0][2]:
                k.flags |= LOCALKEY
        elif cands:
            self.s.fail("/".join(k.path), "several keys (" +
                        ", ".join(c[3] for c in cands) + "): which one is the record's?")

    def ref_kind(self, path, attr):
        key = self.refs.get((path, attr))
        if key is None:
            return None
        targets = self.key_names.get(key)
        if not targets or len(targets) != 1 or targets[0] not in self.kind_at:
            self.s.fail("/".join(path) + "/@" + attr,
                        f"keyref to {key}, which is not the key of one record kind")
        return self.kind_at[targets[0]]

    def fields_of(self, k):
        s, where = self.s, "/".join(k.path)
        overrides = {}
        for f in k.ann.findall(LT + "field"):
            p = f.get("path")
            if not p or p in overrides:
                s.fail(where, f"lt:field path '{p}' missing or given twice")
            overrides[p] = f
        used = set()

        def ov(p, a):
            o = overrides.get(p)
            if o is None:
                return None
            used.add(p)
            return o.get(a)

        def add(p, name, elem, elem2, attr, vtype, values, ref, flags):
            t = ov(p, "type")
            if t is not None:
                if t not in OVERRIDE_TYPES:
                    s.fail(where, f"lt:field {p}: unknown type '{t}'")
                vtype, values, ref = t.upper().replace("-", "_"), None, None
            if ov(p, "fixed") == "true":
                flags |= FIXED
            name = ov(p, "name") or name
            if vtype == "ENUM":
                values = self.enum_name(values)
            k.fields.append((name, elem, elem2, attr, vtype, flags, values, ref))

        def attr_field(a, elem, prefix, flags_of, apath, epath):
            an = a.get("name")
            w = where + "/" + apath
            ref = self.ref_kind(epath, an)
            if ref is not None:
                vtype, values = "REF", None
            else:
                t = a.get("type")
                vtype, values = s.value_type(t if t is not None else a.find(XS + "simpleType"), w)
            flags = flags_of(a.get("use") == "required")
            if elem is None and an == k.key:
                flags |= KEY
            add(apath, (prefix + "-" + an) if prefix else an, elem, None, an, vtype, values,
                ref, flags)

        kt, ct = s.element_type(k.decl, where)
        if kt != "complex":
            s.fail(where, "a record's element needs a complex type")
        p = s.parts(ct, where)
        if k.key is not None and k.key not in [a.get("name") for a in p.attrs]:
            s.fail(where, f"the key @{k.key} is not an attribute of the element")
        for a in p.attrs:
            attr_field(a, None, "", lambda req: REQ if req else 0, "@" + a.get("name"), k.path)
        if p.text is not None:
            name = ov("text()", "name")
            if not name:
                s.fail(where, "the element has text: name its field with "
                       "<lt:field path=\"text()\" name=\"...\"/>")
            vt, vals = s.value_type(p.text, where)
            add("text()", name, None, None, None, vt, vals, None, 0)
        text_first = k.ann.get("child-text") == "first"
        for c in p.children:
            cn = c.get("name")
            cpath = k.path + (cn,)
            if cpath in self.kind_at:
                continue
            w = where + "/" + cn
            req_c = occurs(c, "minOccurs") >= 1
            rep_c = occurs(c, "maxOccurs") > 1
            ckind, ctype = s.element_type(c, w)
            prefix = ov(cn, "prefix")
            prefix = cn if prefix is None else prefix
            if ckind == "simple":
                vt, vals = s.value_type(ctype, w)
                add(cn, cn, cn, None, None, vt, vals, None,
                    (REQ if req_c else 0) | (LIST if rep_c else 0))
                continue
            cp = s.parts(ctype, w)
            if rep_c:
                def flags_of(req):
                    return LIST
            elif req_c:
                def flags_of(req):
                    return REQ if req else 0
            else:
                def flags_of(req):
                    return ANCHOR if req else 0
            text = None
            if cp.text is not None:
                vt, vals = s.value_type(cp.text, w)
                if not cp.attrs:
                    text = (cn, cn, cn, None, None, vt, vals, None,
                            (REQ if req_c else 0) | (LIST if rep_c else 0))
                else:
                    text = (cn, cn, cn, None, None, vt, vals, None, LIST if rep_c else 0)
            if text is not None and (text_first or not cp.attrs or ov(cn, "type") is not None):
                add(*text)
                if ov(cn, "type") is not None:
                    continue    # one field for the whole element (type hash)
                text = None
            for a in cp.attrs:
                attr_field(a, cn, prefix, flags_of, cn + "/@" + a.get("name"), cpath)
            if text is not None:
                add(*text)
            for g in cp.children:
                gn = g.get("name")
                if cpath + (gn,) in self.kind_at:
                    continue
                gw = w + "/" + gn
                gkind, gtype = s.element_type(g, gw)
                if gkind == "complex":
                    gp = s.parts(gtype, gw)
                    if gp.attrs or gp.sequence or gp.text is None:
                        s.fail(gw, "fields more than two levels below a record are not mapped; "
                               "make the element a record kind (lt:kind)")
                    gtype = gp.text
                if occurs(g, "maxOccurs") > 1:
                    s.fail(gw, "a repeating grandchild is not mapped; make it a record kind")
                vt, vals = s.value_type(gtype, gw)
                gflags = REQ if req_c and occurs(g, "minOccurs") >= 1 else 0
                add(cn + "/" + gn, (prefix + "-" + gn) if prefix else gn, cn, gn, None, vt, vals,
                    None, gflags)
        unused = sorted(set(overrides) - used)
        if unused:
            s.fail(where, "lt:field path(s) " + ", ".join(unused) + " name no field")
        names = [f[0] for f in k.fields]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            s.fail(where, "two fields named " + ", ".join(dup) + ": rename one with lt:field")

    def enum_name(self, values):
        for name, have in self.enums.items():
            if have == values:
                return name
        name = "gen_values_%d" % len(self.enums)
        self.enums[name] = values
        return name

    # ---- output -----------------------------------------------------------

    def kinds_h(self):
        out = [HEADER.format(what="the dossier's record kinds, their fields, and the schema "
                             "order of\n * every element's children (libetsi/src/kinds.c)")]
        for name, values in self.enums.items():
            out.append(f"static const char *const {name}[] = {{ " +
                       ", ".join(c_str(v) for v in values) + ", NULL };")
        out.append("")
        for k in self.kinds:
            out.append(f"static const etsi__field gen_{c_ident(k.name)}_fields[] = {{")
            for (name, elem, elem2, attr, vtype, flags, values, ref) in k.fields:
                out.append(f"\t{{ {c_str(name)}, {c_str(elem)}, {c_str(elem2)}, {c_str(attr)}, "
                           f"ETSI__T_{vtype}, {flags_expr(flags, FLAG_NAMES)}, "
                           f"{values or 'NULL'}, {kind_enum(ref.name) if ref else '0'} }},")
            out.append("};")
        out.append("")
        out.append("#define ETSI__GEN_DOSSIER_KINDS \\")
        for k in self.kinds:
            e, f = kind_enum(k.name), f"gen_{c_ident(k.name)}_fields"
            out.append(f"\t[{e}] = {{ {e}, {c_str(k.name)}, ETSI__NS_DOSSIER, "
                       f"{c_str(k.container)}, {c_str(k.path[-1])}, "
                       f"{kind_enum(k.parent.name) if k.parent else '0'}, {f}, "
                       f"ETSI__ARRAY_SIZE({f}), {flags_expr(k.flags, KIND_FLAG_NAMES)} }}, \\")
        out.append("\t/* end */")
        out.append("")
        out.append("static const struct gen_order {\n\tconst char *parent;\n"
                   "\tconst char *const *children;\n} gen_orders[] = {")
        for name in self.json_order:
            info = self.json[name]
            if info["children"]:
                out.append(f"\t{{ {c_str(name)}, {c_list(info['children'])} }},")
        out.append("};")
        return "\n".join(out) + "\n"

    def json_h(self):
        out = [HEADER.format(what="the element table of the JSON form (libetsi/src/json.c): "
                             "every element\n * of the dossier namespace, its content, its "
                             "attributes and children in schema\n * order, and the elements "
                             "that repeat")]
        out.append("static const jelem elements[] = {")
        for name in self.json_order:
            i = self.json[name]
            out.append(f"\t{{ {c_str(name)}, {i['content']}, {c_list(i['attrs'])}, "
                       f"{c_list(i['children'])} }},")
        out.append("};")
        out.append("")
        out.append("static const char *const repeated[] = {")
        for name in self.json_order:
            if self.json[name]["repeated"]:
                out.append(f"\t{c_str(name)},")
        out.append("};")
        return "\n".join(out) + "\n"


HEADER = """/*
 * Generated by scripts/gen-tables.py from xsd/dossier.xsd: do not edit.
 * {what}.
 */
"""


def merge_order(a, b):
    """The names of a and b in one order that keeps the order of each."""
    out = list(a)
    for i, name in enumerate(b):
        if name in out:
            continue
        before = [n for n in b[:i] if n in out]
        out.insert(out.index(before[-1]) + 1 if before else 0, name)
    return out


def write(path, text):
    # written each time, even unchanged, so that the build sees the output
    # newer than the schema and does not run the generator again
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("xsd")
    ap.add_argument("--kinds", required=True, help="the kind tables to write")
    ap.add_argument("--json", required=True, help="the JSON element table to write")
    args = ap.parse_args(argv)
    try:
        g = Generator(Schema(args.xsd))
        g.run()
        kinds, json = g.kinds_h(), g.json_h()
    except MapError as e:
        print(f"gen-tables.py: {e}", file=sys.stderr)
        return 1
    write(args.kinds, kinds)
    write(args.json, json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
