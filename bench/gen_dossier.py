#!/usr/bin/env python3
"""Generates a synthetic but realistic dossier N times the size of a real
one, for benchmarks.

It takes an example dossier and repeats its update boundary (components
and mechanisms), their IXIT rows, its evidence items with their artifacts,
owners and waivers N times, with ids suffixed -2, -3, ... and every
reference inside a copy pointing at the same copy.  ICS entries and
verdicts stay as they are (one per provision, one per test case): a
product with many components still has one ICS.  The result is valid
against xsd/dossier.xsd.

    gen_dossier.py --scale 100 examples/dossiers/smart-camera-v3.xml -o big.xml
    gen_dossier.py --scale 10 --paragraphs 1500 examples/dossiers/smart-camera-v3.xml -o long.xml
"""
import argparse
import copy
import sys
import xml.etree.ElementTree as ET

NS = "urn:libetsi:dossier:1"
Q = "{%s}" % NS

# elements repeated per copy: (container path, element)
REPEATED = [
    ("update-boundary", "component"),
    ("update-boundary", "mechanism"),
    ("ixit", "soft-comp"),
    ("ixit", "upd-mech"),
    ("evidence-map", "evidence"),
]
# attributes that hold ids of records that are copied
REF_ATTRS = {"id", "mechanism", "component", "ref", "evidence"}


def find(root, path):
    node = root
    for part in path.split("/"):
        node = node.find(Q + part)
        if node is None:
            return None
    return node


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base")
    ap.add_argument("--scale", type=int, required=True)
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--paragraphs", type=int, default=0,
                    help="make the DUT's description this many paragraphs "
                         "(blank-line separated), to scale the text too")
    args = ap.parse_args()
    if args.scale < 1:
        sys.exit("--scale must be at least 1")

    for prefix, uri in (("", NS), ("acme", "urn:example:acme:plm")):
        ET.register_namespace(prefix, uri)
    tree = ET.parse(args.base)
    root = tree.getroot()

    # ids of the records that get copied
    copied = set()
    for container, element in REPEATED:
        parent = find(root, container)
        if parent is None:
            continue
        for e in parent.findall(Q + element):
            copied.add(e.get("id"))
            for a in e.iter(Q + "artifact"):
                copied.add(a.get("id"))

    def rename(e, n):
        for node in e.iter():
            for name in REF_ATTRS:
                value = node.get(name)
                if value in copied:
                    node.set(name, f"{value}-{n}")

    for container, element in REPEATED:
        parent = find(root, container)
        if parent is None:
            continue
        originals = parent.findall(Q + element)
        if not originals:
            continue
        # insert the copies right after the last original, keeping schema order
        position = list(parent).index(originals[-1]) + 1
        for n in range(2, args.scale + 1):
            for original in originals:
                dup = copy.deepcopy(original)
                rename(dup, n)
                parent.insert(position, dup)
                position += 1
    description = find(root, "dut/description")
    if args.paragraphs and description is not None:
        first = " ".join((description.text or "").split())
        description.text = "\n\n".join(
            f"{n}. {first}" for n in range(1, args.paragraphs + 1))
    tree.write(args.output, encoding="UTF-8", xml_declaration=True)


if __name__ == "__main__":
    main()
