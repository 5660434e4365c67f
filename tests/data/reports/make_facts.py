#!/usr/bin/env python3
"""Writes product-facts.xml from examples/dossiers/smart-camera-v3.xml, for
tests/cli/test_reports.py.

product-facts.xml is the camera dossier with the typed product facts filled
in as a realistic mix: every kind of mechanism fact (one mechanism states
nearly all of them, one states a few, one states almost none), stated
values beside "unknown" ones and left-out ("not stated") ones; secure boot,
carried software and other install paths per component; the support
period with an end, a duration and stated="stated"; the public
statement's support end; artifacts pinned by SHA-256, by a git object id,
by both and by neither; and a supplier self-assessment whose FAIL sits
beside a laboratory PASS.  The text of one other install path is marked
FACT-PRIVATE-TEXT: the public summary must never show it.

The over-the-air and app paths are verified by the device before
installation, the app-store path by the update client (the phone), so the
public summary may say "verified by the device before installation" of the
first two only, and of the product as a whole not at all.

    python3 tests/data/reports/make_facts.py
"""
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
EXAMPLES = HERE.parent.parent.parent / "examples" / "dossiers"


def sub(text, pattern, replacement, count=1):
    new, n = re.subn(pattern, replacement, text, count=count, flags=re.S)
    if n != count:
        raise SystemExit(f"pattern {pattern!r} matched {n} times, expected {count}")
    return new


def after_mechanism_description(x, mechanism, facts):
    return sub(x, rf'(<mechanism id="{mechanism}".*?</description>\n)', r"\1" + facts.replace("\\", "\\\\"))


def before_component_end(x, component, facts):
    return sub(x, rf'(<component id="{component}".*?)(    </component>)', r"\1" + facts + r"\2")


OTA = """\
      <verification where="device-before-install" by="comp-se"/>
      <crypto use="signature" alg="ECDSA" key-bits="256" hash="SHA-256"/>
      <crypto use="digest" alg="SHA-256"/>
      <crypto use="encryption" alg="AES-128-GCM" key-bits="128" authenticated="true"/>
      <verification-key location="secure-element"/>
      <transport server-authenticated="true" tls="1.3"/>
      <update-source kind="vendor-service"/>
      <anti-rollback kind="hardware-counter"/>
      <recovery kind="dual-bank"/>
      <automation default="opt-out-at-setup" user-can-disable="true" postpone="true"/>
      <update-check at-boot="true" after-initialization="unknown" periodic="true" period="P1D" by="device"/>
      <notice security-updates="true" risks="unknown" disruption="announced" channel="companion-app" default="on" user-can-disable="false"/>
"""

APP = """\
      <verification where="device-before-install" by="comp-se"/>
      <crypto use="signature" alg="ECDSA" key-bits="256" hash="SHA-256"/>
      <verification-key location="secure-element"/>
      <transport server-authenticated="unknown"/>
      <update-source kind="vendor-service"/>
      <anti-rollback kind="hardware-counter"/>
      <automation postpone="unknown"/>
      <notice security-updates="true"/>
"""

STORE = """\
      <verification where="update-client"/>
      <update-source kind="third-party-host"/>
      <automation default="on" user-can-disable="true"/>
"""


FACT_ELEMENTS = ("verification", "crypto", "verification-key", "transport", "update-source", "anti-rollback",
                 "recovery", "automation", "update-check", "notice", "boot-verification", "carries",
                 "other-install-path")


def strip_facts(x):
    """The example without any typed fact it may carry, so that this file
    states exactly the facts below whatever the example says."""
    for name in FACT_ELEMENTS:
        x = re.sub(rf"\n *<{name}\b[^>]*?(/>|>.*?</{name}>)", "", x, flags=re.S)
    x = re.sub(r"\n *<self-assessment>.*?</self-assessment>\n", "\n", x, flags=re.S)
    for attribute in ("duration", "stated", "support-end", "git-oid"):
        x = re.sub(rf' {attribute}="[^"]*"', "", x)
    return x


def product_facts():
    x = strip_facts((EXAMPLES / "smart-camera-v3.xml").read_text())
    x = sub(x, r"<!--.*?-->\n", "<!--\n  Test dossier for the report tests: the camera dossier with typed product\n"
            "  facts (stated, unknown and not stated).  Written by make_facts.py.\n-->\n")
    x = after_mechanism_description(x, "mech-ota", OTA)
    x = after_mechanism_description(x, "mech-app", APP)
    x = after_mechanism_description(x, "mech-store", STORE)
    x = before_component_end(x, "comp-bootrom",
                             '      <carries network-stack="false" operating-system="false" applications="false"/>\n')
    x = before_component_end(x, "comp-se",
                             '      <boot-verification verified="unknown"/>\n'
                             '      <carries network-stack="false" operating-system="true" applications="true"/>\n')
    x = before_component_end(x, "comp-fw",
                             '      <boot-verification verified="true" by="comp-bootrom"/>\n'
                             '      <carries network-stack="true" operating-system="true" applications="true"/>\n'
                             '      <other-install-path kind="recovery-mode" verifies="true">Recovery mode '
                             'reinstalls the last signed bundle from the recovery partition.</other-install-path>\n'
                             '      <other-install-path kind="bootloader-console" verifies="unknown">FACT-PRIVATE-TEXT '
                             'UART console on test pads TP7/TP8; not yet confirmed disabled in production units.'
                             '</other-install-path>\n')
    x = before_component_end(x, "comp-isp", '      <boot-verification verified="true" by="comp-fw"/>\n')
    x = before_component_end(x, "comp-wifi", '      <boot-verification verified="false"/>\n'
                                             '      <carries network-stack="true"/>\n')
    x = sub(x, r'<support-period end="2031-12-31">', '<support-period end="2031-12-31" duration="P5Y" stated="stated">')
    x = sub(x, r'(<public-statement conformance="false"[^>]*date="2026-11-10")', r'\1 support-end="2031-12-31"')
    # pins: a git object id instead of a SHA-256, both, neither
    x = sub(x, r'(<artifact id="art-scheduler-src" [^>]*?)sha256="[0-9a-f]{64}"',
            r'\1git-oid="3f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39"')
    x = sub(x, r'(<artifact id="art-release-record" [^>]*?sha256="[0-9a-f]{64}")',
            r'\1 git-oid="0d4b6e8f1a2c3e5d7f9b1d3f5a7c9e1b3d5f7a9c"')
    x = sub(x, r'(<artifact id="art-network-scan" [^>]*?) sha256="[0-9a-f]{64}"', r"\1")
    x = sub(x, r"(  </verdicts>\n)",
            r"""\1
  <self-assessment>
    <result ref="5.3-9" outcome="PASS" by="so-kestrel" date="2026-10-30">Manifest signature checked in the secure element before the inactive slot is written.</result>
    <result ref="5.3-13-2" outcome="FAIL" by="so-kestrel" date="2026-10-30">The support-period page asks for a sign-in from some EU regions.</result>
    <result ref="5.3-12" outcome="INCONCLUSIVE"/>
  </self-assessment>
""")
    (HERE / "product-facts.xml").write_text(x)


if __name__ == "__main__":
    product_facts()
