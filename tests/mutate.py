#!/usr/bin/env python3
"""Systematic mutations of dossiers, for the crash sweep
(tests/cli/test_mutations.py, tests/python/test_mutations.py) and the fuzz
seeds (tests/fuzz/make_corpus.sh).

Every mutant is the source document with one change:

  element   drop        the element is removed (not the root)
            dup         a deep copy follows it (not the root)
            empty       its children and text are removed
            retype      its text, when it has only text, gets a value of
                        another type (see retyped())
  attribute drop        removed (namespace declarations are kept)
            empty       set to ""
            retype      a value of another type: a number becomes "x", a
                        date "2026-13-45", a boolean "maybe", anything else
                        (an id, a provision, a version) a 1,024-character
                        string

The mutants of one source are listed in document order, deterministically.
Three sizes (select()):

  exhaustive  every mutation at every position;
  per-source  each mutation once per *site* and source: a site is the
              element path without positions plus the attribute name
              (/dossier/ics/entry@provision), so the 50 ICS entries of a
              dossier give one "drop @provision" mutant, not 50;
  per-site    each mutation of each site once over all the sources (the
              first source that has the site gives it); with a budget,
              every k-th of them.

A rule fixture (tests/data/rules/<rule>/*.xml) is one of the two baselines
with a small change: only the elements that differ from its baseline (by
tag, attributes, text and child tags) are mutated.

Run as a script it writes the mutants of the named files into a directory,
one file each, named SOURCE.N.MUTATION.xml:

    python3 tests/mutate.py --out DIR [--size exhaustive|per-source|per-site]
                            [--budget N] FILE...
"""
import argparse
import functools
import hashlib
import pathlib
import re
import sys
import xml.dom.minidom

ELEMENT = xml.dom.Node.ELEMENT_NODE
TEXT_NODES = (xml.dom.Node.TEXT_NODE, xml.dom.Node.CDATA_SECTION_NODE)

LONG = "L" * 1020 + "%s%n"


def retyped(value):
    """A value of another type than value."""
    v = value.strip()
    if re.fullmatch(r"[+-]?\d+(\.\d+)?", v):
        return "x"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", v):
        return "2026-13-45"
    if v in ("true", "false", "yes", "no"):
        return "maybe"
    return LONG


class Mutant:
    __slots__ = ("source", "index", "site", "op", "data")

    def __init__(self, source, index, site, op, data):
        self.source = source  # the source file's name
        self.index = index    # position in the source's list
        self.site = site      # /dossier/ics/entry@provision
        self.op = op          # drop, dup, empty, retype
        self.data = data      # the mutant document, bytes

    @property
    def label(self):
        return f"{self.source}#{self.index} {self.op} {self.site}"

    @property
    def name(self):
        op = re.sub(r"[^A-Za-z0-9-]", "_", self.op)
        return f"{pathlib.Path(self.source).stem}.{self.index}.{op}.xml"


def _elements(node, path, out):
    """(element, path) in document order."""
    for child in node.childNodes:
        if child.nodeType == ELEMENT:
            p = f"{path}/{child.localName or child.tagName}"
            out.append((child, p))
            _elements(child, p, out)
    return out


def _only_text(el):
    kids = el.childNodes
    return bool(kids) and all(k.nodeType in TEXT_NODES for k in kids) and \
        any(k.data.strip() for k in kids)


def _signature(el):
    """What an element says itself: tag, attributes, text and the tags of
    its children."""
    attrs = tuple(sorted((a.name, a.value) for a in el.attributes.values()))
    text = "".join(k.data for k in el.childNodes if k.nodeType in TEXT_NODES).strip()
    kids = tuple(k.tagName for k in el.childNodes if k.nodeType == ELEMENT)
    return (el.tagName, attrs, text, kids)


def _serialize(doc):
    return doc.toxml(encoding="UTF-8")


def mutants(data, source="dossier.xml", only=None, keep=None):
    """Every mutant of the document data (bytes), in document order.
    only: a function of an element saying whether to mutate it (None:
    every element); keep: a function of (site, op) saying whether to make
    that mutant (None: all; the index counts the others too)."""
    doc = xml.dom.minidom.parseString(data)
    root = doc.documentElement
    index = 0
    for el, path in _elements(doc, "", []):
        if only is not None and not only(el):
            continue
        parent = el.parentNode
        if el is not root:
            # drop
            following = el.nextSibling
            parent.removeChild(el)
            if keep is None or keep(path, "drop"):
                yield Mutant(source, index, path, "drop", _serialize(doc))
            index += 1
            parent.insertBefore(el, following)
            # duplicate
            copy = el.cloneNode(True)
            parent.insertBefore(copy, el.nextSibling)
            if keep is None or keep(path, "dup"):
                yield Mutant(source, index, path, "dup", _serialize(doc))
            index += 1
            parent.removeChild(copy)
        if el.childNodes:
            kids = list(el.childNodes)
            for k in kids:
                el.removeChild(k)
            if keep is None or keep(path, "empty"):
                yield Mutant(source, index, path, "empty", _serialize(doc))
            index += 1
            for k in kids:
                el.appendChild(k)
        if _only_text(el):
            kids = list(el.childNodes)
            text = "".join(k.data for k in kids)
            for k in kids:
                el.removeChild(k)
            el.appendChild(doc.createTextNode(retyped(text)))
            if keep is None or keep(path + "/text()", "retype"):
                yield Mutant(source, index, path + "/text()", "retype", _serialize(doc))
            index += 1
            el.removeChild(el.firstChild)
            for k in kids:
                el.appendChild(k)
        for name in list(el.attributes.keys()):
            if name == "xmlns" or name.startswith("xmlns:"):
                continue
            value = el.getAttribute(name)
            site = f"{path}@{name}"
            el.removeAttribute(name)
            if keep is None or keep(site, "drop"):
                yield Mutant(source, index, site, "drop", _serialize(doc))
            index += 1
            for op, new in (("empty", ""), ("retype", retyped(value))):
                if op == "empty" and value == "":
                    continue
                el.setAttribute(name, new)
                if keep is None or keep(site, op):
                    yield Mutant(source, index, site, op, _serialize(doc))
                index += 1
            el.setAttribute(name, value)


def baseline_of(path):
    """The baseline a rule fixture is made from, or None when path is not
    a rule fixture (or is a baseline)."""
    path = pathlib.Path(path)
    rules = path.parent.parent
    if rules.name != "rules":
        return None  # not in a rule's directory: a baseline, an example
    m = re.search(rb'en303645="([0-9.]+)"', path.read_bytes())
    edition = m.group(1).decode() if m else "3.1.3"
    base = rules / ("baseline-v2.xml" if edition.startswith("2.") else "baseline-v3.xml")
    return base if base.exists() else None


@functools.lru_cache(maxsize=None)
def _signatures(path):
    return frozenset(_signature(el) for el, _ in
                     _elements(xml.dom.minidom.parse(path), "", []))


def source_mutants(path, data=None, keep=None):
    """The mutants of one source file: every element of an example or
    baseline, the elements a rule fixture changes."""
    path = pathlib.Path(path)
    data = path.read_bytes() if data is None else data
    only = None
    base = baseline_of(path)
    if base is not None:
        known = _signatures(str(base))

        def only(el):
            return _signature(el) not in known
    return mutants(data, str(path), only, keep)


SIZES = ("exhaustive", "per-source", "per-site")


def select(sources, size="per-site", budget=None):
    """The mutants of the sources (paths, or (name, bytes) pairs) for a
    sweep size; budget: at most that many (every k-th, deterministically)."""
    if size not in SIZES:
        raise ValueError(f"size {size!r}: one of {', '.join(SIZES)}")
    seen = set()
    picked = []
    for source in sources:
        per_source = set()

        def keep(site, op):
            if size == "exhaustive":
                return True
            known = per_source if size == "per-source" else seen
            if (site, op) in known:
                return False
            known.add((site, op))
            return True
        if isinstance(source, tuple):
            name, data = source
            stream = mutants(data, name, None, keep)
        else:
            stream = source_mutants(source, None, keep)
        picked.extend(stream)
    if budget is not None and len(picked) > budget:
        step = len(picked) / budget
        picked = [picked[int(i * step)] for i in range(budget)]
    return picked


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, type=pathlib.Path)
    ap.add_argument("--size", choices=SIZES, default="per-site")
    ap.add_argument("--budget", type=int)
    ap.add_argument("--hash-names", action="store_true",
                    help="name files by their SHA-1, as libFuzzer does")
    ap.add_argument("files", nargs="+", type=pathlib.Path)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    picked = select(args.files, args.size, args.budget)
    for m in picked:
        name = hashlib.sha1(m.data).hexdigest() if args.hash_names else m.name
        (args.out / name).write_bytes(m.data)
    print(f"{len(picked)} mutants of {len(args.files)} files in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
