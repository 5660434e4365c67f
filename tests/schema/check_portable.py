#!/usr/bin/env python3
"""The dossier and catalog schemas are portable: xmllint (libxml2) and the
JDK's javax.xml.validation must accept the schemas and agree, file by file,
on which documents are valid.

Checked files: every example dossier (all must be valid), every catalog
(all valid), and every dossier under tests/data/valid (valid) and
tests/data/invalid (invalid for both validators: these are well-formed
documents that break a schema rule; hostile documents are tested elsewhere).
"""
import argparse
import os
import pathlib
import subprocess
import sys

SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])


def xmllint_valid(xmllint, schema, path):
    r = subprocess.run([xmllint, "--noout", "--nonet", "--schema", str(schema), str(path)],
                       capture_output=True, text=True)
    return r.returncode == 0, r.stderr.strip()


def java_results(java, classes, schema, paths):
    r = subprocess.run([java, "-cp", str(classes), "XsdValidate", str(schema)] +
                       [str(p) for p in paths], capture_output=True, text=True)
    if r.returncode == 2:
        sys.exit(f"the JDK validator rejected {schema}: {r.stderr.strip()}")
    results = {}
    for line in r.stdout.splitlines():
        for p in paths:
            if line == f"{p}: valid":
                results[str(p)] = True
            elif line.startswith(f"{p}:") and str(p) not in results:
                results[str(p)] = False
    return results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--xmllint", required=True)
    ap.add_argument("--javac", required=True)
    ap.add_argument("--java", required=True)
    ap.add_argument("--work", required=True)
    args = ap.parse_args()

    classes = pathlib.Path(args.work)
    classes.mkdir(parents=True, exist_ok=True)
    subprocess.run([args.javac, "-d", str(classes),
                    str(SOURCE / "tests/schema/XsdValidate.java")], check=True)

    data = SOURCE / "tests/data"
    groups = [
        (SOURCE / "xsd/catalog.xsd", sorted((SOURCE / "catalogs").glob("*.xml")), True),
        (SOURCE / "xsd/dossier.xsd", sorted((SOURCE / "examples/dossiers").glob("*.xml")), True),
        (SOURCE / "xsd/dossier.xsd", sorted((data / "valid").glob("*.xml")), True),
        (SOURCE / "xsd/dossier.xsd", sorted((data / "schema-invalid").glob("*.xml")), False),
    ]
    failures = checked = 0
    for schema, paths, expect in groups:
        if not paths:
            continue
        java = java_results(args.java, classes, schema, paths)
        for p in paths:
            lint, why = xmllint_valid(args.xmllint, schema, p)
            jv = java.get(str(p))
            checked += 1
            rel = p.relative_to(SOURCE)
            if lint != jv:
                failures += 1
                print(f"DISAGREE {rel}: xmllint {'valid' if lint else 'invalid'}, "
                      f"java {'valid' if jv else 'invalid'} ({why})")
            elif lint != expect:
                failures += 1
                print(f"UNEXPECTED {rel}: both say {'valid' if lint else 'invalid'}")
            else:
                print(f"ok {rel}: both {'valid' if lint else 'invalid'}")
    if checked < 7:
        print(f"only {checked} files checked; expected the examples and catalogs at least")
        return 1
    print(f"{checked} files, {failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
