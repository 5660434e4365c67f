#!/usr/bin/env python3
"""Writes private-markers.xml and claim-unsupported.xml from the example
dossiers, for tests/cli/test_reports.py.

private-markers.xml is examples/dossiers/smart-plug-usb-v3.xml with
PRIVATE-MARKER-n put into every kind of content the public summary must
never show (owners, artifact references and titles, local paths, IXIT
rows, ICS details, notes, indications, claims, extension elements and
attributes, comments, waivers, workflow notes ...), and a draft evidence
item and a waived finding, so the HTML report shows findings too.  Every
marker is numbered; MARKERS lists them with where they are.

claim-unsupported.xml is examples/dossiers/smart-camera-v3.xml stating
conformance publicly although its verdicts do not support it.

    python3 tests/data/reports/make_private.py
"""
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
EXAMPLES = HERE.parent.parent.parent / "examples" / "dossiers"

# marker number -> (where, shown in the HTML report)
MARKERS = {
    1: ("owner name", True),
    2: ("owner email", True),
    3: ("artifact reference with a local path", True),
    4: ("artifact title", True),
    5: ("7-UpdMech description", True),
    6: ("6-SoftComp cryptographic usage", True),
    7: ("8-UpdProc time frame", True),
    8: ("4-Conf statement", True),
    9: ("ICS detail", True),
    10: ("verdict note", True),
    11: ("verdict indication", True),
    12: ("extension element", False),
    13: ("extension attribute", False),
    14: ("evidence claim", True),
    15: ("evidence product condition", True),
    16: ("party contact", True),
    17: ("release scope", True),
    18: ("DUT description", True),
    19: ("resource-constraint rationale", True),
    20: ("component name", True),
    21: ("service name", True),
    22: ("waiver justification", True),
    23: ("workflow step note", True),
    24: ("XML comment", False),
    25: ("mechanism description", True),
    26: ("2-UserInfo documentation of change mechanisms", True),
    27: ("external evidence issuer", True),
    28: ("owner role", True),
    29: ("private artifact reference URL", True),
    30: ("9-ReplSup isolation", True),
}


def sub(text, pattern, replacement, count=1):
    new, n = re.subn(pattern, replacement, text, count=count, flags=re.S)
    if n != count:
        raise SystemExit(f"pattern {pattern!r} matched {n} times, expected {count}")
    return new


def private_markers():
    x = (EXAMPLES / "smart-plug-usb-v3.xml").read_text()
    x = sub(x, r"<!--.*?-->\n", "<!--\n  Test dossier for the report tests: PRIVATE-MARKER-n marks content the\n"
            "  public summary must never show.  Written by make_private.py.\n-->\n")
    x = sub(x, r'<dossier xmlns="urn:libetsi:dossier:1" schema-version="1.0">',
            '<dossier xmlns="urn:libetsi:dossier:1" xmlns:acme="urn:example:acme:plm" '
            'schema-version="1.0" acme:tag="PRIVATE-MARKER-13">')
    x = sub(x, r"(<header>\n)", r"\1    <!-- PRIVATE-MARKER-24: reviewer's comment -->\n")
    x = sub(x, r"(<scope>Firmware bundle 2\.4\.0)", r"\1 PRIVATE-MARKER-17")
    x = sub(x, r"(<contact>psirt@voltaris\.example)", r"\1 PRIVATE-MARKER-16")
    x = sub(x, r'(<owner id="own-psl" role="Product security lead)(" party="so-voltaris">\s*<name>Katharina Vogel)(</name>\s*<email>)([^<]*)',
            r"\1 PRIVATE-MARKER-28\2 PRIVATE-MARKER-1\3private-marker-2@voltaris.example PRIVATE-MARKER-2")
    x = sub(x, r"(<description>16 A Type F smart plug)", r"\1 PRIVATE-MARKER-18")
    x = sub(x, r"(<rationale>Mains powered)", r"\1 PRIVATE-MARKER-19")
    x = sub(x, r"(<name>Voltaris Update Service)", r"\1 PRIVATE-MARKER-21")
    x = sub(x, r'(<component id="comp-fw"[^>]*>\s*<name>VSP-20 main firmware)', r"\1 PRIVATE-MARKER-20")
    x = sub(x, r'(<component id="comp-fw" kind="firmware" updateable="true")', r'\1 acme:part="PRIVATE-MARKER-13"')
    x = sub(x, r'(<mechanism id="mech-ota".*?<description>)', r"\1PRIVATE-MARKER-25 ")
    x = sub(x, r'(<documentation-of-change-mechanisms[^>]*>)', r"\1PRIVATE-MARKER-26 ")
    x = sub(x, r'(<confirmation name="update-procedures"[^>]*>)', r"\1PRIVATE-MARKER-8 ")
    x = sub(x, r'(<soft-comp id="[^"]*" component="comp-fw">.*?<cryptographic-usage>)', r"\1PRIVATE-MARKER-6 ")
    x = sub(x, r'(<upd-mech id="um-ota".*?<description>)', r"\1PRIVATE-MARKER-5 ")
    x = sub(x, r'(<upd-proc id="up-critical">.*?<time-frame>)', r"\1PRIVATE-MARKER-7 ")
    x = sub(x, r'(<upd-proc id="up-standard">.*?</upd-proc>\n)',
            r'\1    <repl-sup id="rs-plug">\n      <isolation>PRIVATE-MARKER-30 Unplug it.</isolation>\n'
            r'      <hardware-replacement>Replacement through the dealer.</hardware-replacement>\n    </repl-sup>\n')
    x = sub(x, r'(<entry provision="5\.3-2" support="Y">\s*<detail>)', r"\1PRIVATE-MARKER-9 ")
    # evidence: claim, condition, artifact ref, title, a private URL, external evidence
    x = sub(x, r'(<evidence id="ev-update-coverage"[^>]*>\s*<claim>)', r"\1PRIVATE-MARKER-14 ")
    x = sub(x, r'(<evidence id="ev-ota-attack-tests".*?<condition>)', r"\1PRIVATE-MARKER-15 ")
    x = sub(x, r'(<artifact id="art-update-coverage" ref=")([^"]*)(".*?<title>)',
            r"\1/home/PRIVATE-MARKER-3/evidence/\2\3PRIVATE-MARKER-4 ")
    x = sub(x, r'(<artifact id="art-update-design" ref=")[^"]*(")',
            r"\1https://intranet.voltaris.example/dms/PRIVATE-MARKER-29/VH-SEC-UPD-001.pdf\2")
    x = sub(x, r'(<evidence id="ev-update-design".*?</artifact>\n)',
            r'\1      <external assurance="basic">\n        <issuer>PRIVATE-MARKER-27 Design Review Ltd.</issuer>\n'
            r'        <scope>Design review of the update mechanism.</scope>\n'
            r'        <covers test-case="5.3-2-1" coverage="partial"/>\n      </external>\n')
    # a draft evidence item (a warning) and an artifact without a digest, waived
    x = sub(x, r'(<evidence id="ev-manual-updates"[^>]*) review="accepted"', r'\1 review="draft"')
    x = sub(x, r'(<artifact id="art-manual" [^>]*?) sha256="[0-9a-f]{64}"', r"\1")
    x = sub(x, r'(<verdict case="5\.3-12-1".*?<note>)', r"\1PRIVATE-MARKER-10 ")
    x = sub(x, r'(<verdict case="5\.3-12-1".*?<indication>)', r"\1PRIVATE-MARKER-11 ")
    x = sub(x, r"(\n  <workflow>)",
            "\n  <waivers>\n    <waiver id=\"wv-manual-digest\" rule=\"artifact-digest-missing\" target=\"art-manual\" "
            "owner=\"own-comp\" date=\"2026-11-01\" expires=\"2027-06-30\">\n      <justification>PRIVATE-MARKER-22 "
            "The manual is published; its digest is taken from the web server at handoff.</justification>\n"
            "    </waiver>\n  </waivers>\n\\1")
    x = sub(x, r'(<step name="scope"[^>]*>\s*<note>)', r"\1PRIVATE-MARKER-23 ")
    x = sub(x, r"(\n</dossier>)", "\n  <acme:note>PRIVATE-MARKER-12 internal ticket PLM-9</acme:note>\\1")
    (HERE / "private-markers.xml").write_text(x)


def claim_unsupported():
    x = (EXAMPLES / "smart-camera-v3.xml").read_text()
    x = sub(x, r"<!--.*?-->\n", "<!--\n  Test dossier for the report tests: states conformance publicly although\n"
            "  the verdicts do not support it.  Written by make_private.py.\n-->\n")
    x = sub(x, r'<public-statement conformance="false"', '<public-statement conformance="true"')
    (HERE / "claim-unsupported.xml").write_text(x)


if __name__ == "__main__":
    private_markers()
    claim_unsupported()
