#!/usr/bin/env python3
"""Build a complete EN 303 645 V3.1.3 clause 5.3 dossier from scratch.

The device is a small, fictional Wi-Fi smart plug (Example Devices EP-100,
firmware 1.0.0) with a mask-ROM boot loader that is immutable for security
and a main firmware updated over the air.  The script writes:

- OUT.xml: the dossier: DUT, components, an update mechanism with its trust
  relationship, IXIT rows, the ICS for every provision, evidence with
  artifacts and their SHA-256 digests, owners and the release-gate workflow;
- evidence/ beside it: one small file per artifact, whose digest and size
  the dossier records (as you would record your real evidence files).

The result is valid and clean under `etsi check`:

    python3 build_dossier.py ep-100.xml && etsi check ep-100.xml
"""
import argparse
import datetime
import hashlib
import pathlib
import sys
from typing import Tuple

import etsi

RELEASE = "1.0.0"
TODAY = datetime.date(2026, 6, 1)

# ICS: (provision, support, detail); every clause 5.3 provision of V3.1.3
ICS = [
    ("5.3-1", "Y", "Every component that is not immutable for security, the main firmware, "
                   "is updateable over the air; only the mask-ROM loader is not."),
    ("5.3-2", "Y", "Signed images (ECDSA P-256), verified before installation, A/B slots "
                   "with fallback and an anti-rollback counter."),
    ("5.3-3", "Y", "Updates install automatically; a manual update is one tap in the app."),
    ("5.3-4A", "Y", "The plug checks, downloads and installs updates without user "
                    "interaction when automatic updates are on."),
    ("5.3-4B", "Y", "During setup the app asks for consent to automatic security updates "
                    "and switches them on when the user agrees."),
    ("5.3-5", "Y", "The plug checks for updates after setup, after every restart and daily."),
    ("5.3-6A", "Y", "Automatic updates can be switched on and off, and postponed, in the app."),
    ("5.3-6B", "Y", "Update notifications can be switched on and off in the app."),
    ("5.3-7", "Y", "ECDSA P-256 with SHA-256 and TLS 1.3, all on the SOG-IS agreed list."),
    ("5.3-8", "Y", "PSIRT procedure EX-PSIRT-1: critical fixes within 30 days, others 90."),
    ("5.3-9", "Y", "The plug verifies the signature and digest of every image itself."),
    ("5.3-10", "Y", "Updates arrive over Wi-Fi and rest on a signature trust relationship."),
    ("5.3-11", "Y", "An app notification says a security update is available and why."),
    ("5.3-12", "Y", "The app warns that the plug switches off for a minute to update."),
    ("5.3-13", "Y", "Support period until 31 May 2031, published by model designation."),
    ("5.3-14", "N/A", "Condition 3 does not hold: only the mask-ROM loader cannot be "
                      "updated, and it is immutable for security."),
    ("5.3-15A", "N/A", "Condition 3 does not hold (see 5.3-14): isolation is not needed."),
    ("5.3-15B", "N/A", "Condition 3 does not hold (see 5.3-14): replacement is not needed."),
    ("5.3-16", "Y", "Model designation EP-100 on the rating label and in the app."),
]

# evidence: (id, provision, kind, category, claim, artifact file, media type, visibility)
EVIDENCE = [
    ("ev-coverage", "5.3-1", "conceptual", "design-document",
     "Every software component is mapped to the over-the-air mechanism or is immutable.",
     "architecture/update-coverage.txt", "text/plain", "private"),
    ("ev-design", "5.3-2", "conceptual", "design-document",
     "Signed manifests, A/B slots with fallback and an anti-rollback counter.",
     "architecture/update-design.txt", "text/plain", "private"),
    ("ev-help", "5.3-3", "conceptual", "user-documentation",
     "The help page explains automatic updates and the one-tap manual update.",
     "user-docs/updates.txt", "text/plain", "public"),
    ("ev-auto-log", "5.3-4A", "functional", "device-log",
     "With default settings the plug installed 1.0.0 over 0.9.4 without interaction.",
     "logs/auto-update.log", "text/plain", "private"),
    ("ev-consent", "5.3-4B", "functional", "screenshot",
     "The setup wizard asks for consent to automatic security updates.",
     "screenshots/setup-consent.txt", "text/plain", "private"),
    ("ev-scheduler", "5.3-5", "conceptual", "source-excerpt",
     "The update-check scheduler runs after setup, after restarts and daily.",
     "source/scheduler.txt", "text/plain", "private"),
    ("ev-auto-settings", "5.3-6A", "functional", "screenshot",
     "The Updates screen switches automatic updates on and off.",
     "screenshots/updates-settings.txt", "text/plain", "private"),
    ("ev-notify-settings", "5.3-6B", "functional", "screenshot",
     "Update notifications can be switched off and on again.",
     "screenshots/notification-settings.txt", "text/plain", "private"),
    ("ev-crypto", "5.3-7", "conceptual", "crypto-specification",
     "The update cryptography follows the SOG-IS agreed mechanisms.",
     "crypto/crypto-spec.txt", "text/plain", "private"),
    ("ev-psirt", "5.3-8", "conceptual", "process-document",
     "EX-PSIRT-1 defines the time frames and roles for security updates.",
     "process/psirt.txt", "text/plain", "private"),
    ("ev-verification", "5.3-9", "functional", "test-report",
     "The plug rejected a tampered image, a foreign signature and a downgrade.",
     "tests/verification.txt", "text/plain", "private"),
    ("ev-trust", "5.3-10", "conceptual", "design-document",
     "Network-delivered updates are accepted only with a valid signature.",
     "architecture/trust.txt", "text/plain", "private"),
    ("ev-security-notice", "5.3-11", "functional", "screenshot",
     "The app notification names the update as a security update.",
     "screenshots/security-notice.txt", "text/plain", "private"),
    ("ev-restart-warning", "5.3-12", "functional", "screenshot",
     "Before installing, the app warns that the plug switches off for a minute.",
     "screenshots/restart-warning.txt", "text/plain", "private"),
    ("ev-support-page", "5.3-13", "functional", "support-period-publication",
     "The support period of the EP-100 is published by model designation.",
     "publication/support-period.txt", "text/plain", "public"),
    ("ev-label", "5.3-16", "functional", "label-photo",
     'The rating label shows "Model: EP-100" in plain text.',
     "labels/rating-label.txt", "text/plain", "public"),
]


def write_evidence(root: pathlib.Path, name: str, claim: str) -> Tuple[str, int]:
    """Writes one artifact file and returns its SHA-256 digest and size."""
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    data = f"EP-100 firmware {RELEASE}: {claim}\n".encode("utf-8")
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest(), len(data)


def build(out: pathlib.Path) -> etsi.Dossier:
    d = etsi.new("EP-100", RELEASE, edition="3.1.3", manufacturer="Example Devices Ltd.")

    # header: the release, the parties, the owners, the public statement
    header = d.header
    header["title"] = "Example Smart Plug EP-100: clause 5.3 dossier, firmware 1.0.0"
    header["release-date"] = datetime.date(2026, 5, 20)
    header["scope"] = "Firmware 1.0.0 for EP-100 hardware revision A."
    header["public-conformance"] = False
    header["public-statement"] = ("The EP-100 firmware 1.0.0 is being assessed against "
                                  "EN 303 645 V3.1.3 clause 5.3; no claim is made yet.")
    d.add("party", id="so-example", role="SO", name="Example Devices Ltd.",
          contact="psirt@devices.example")
    d.add("party", id="tl-example", role="TL", name="Example Test Laboratory")
    d.add("owner", id="own-sec", role="Product security lead", party="so-example",
          name="Alex Doe", email="alex.doe@devices.example")
    d.add("owner", id="own-fw", role="Firmware lead", party="so-example", name="Sam Roe")

    # the device, its services, components and update mechanism
    dut = d.dut
    dut["hardware-version"] = "Rev. A"
    dut["description"] = "Wi-Fi smart plug with energy metering and a companion app."
    dut["constrained"] = False
    dut["prevents-update-mechanism"] = False
    d.add("service", id="svc-update", kind="update-server", name="Example update service")
    d.add("mechanism", id="mech-ota", path="device-download", network=True, automatic=True,
          notification=True, name="Over-the-air firmware update", service="svc-update",
          trust="signature",
          trust_detail="Each image carries an ECDSA P-256 signature by the firmware-signing "
                       "key, verified by the plug before installation.")
    d.add("component", id="comp-rom", kind="bootloader", updateable=False,
          name="Mask-ROM boot loader", no_update_reason="immutable-for-security",
          no_update_justification="The root of trust of secure boot is held in ROM so that "
                                  "no attacker and no faulty update can change it.")
    d.add("component", id="comp-fw", kind="firmware", updateable=True, name="Main firmware",
          version=RELEASE, mechanism="mech-ota")

    # IXIT: 2-UserInfo, 4-Conf, 6-SoftComp, 7-UpdMech, 8-UpdProc
    info = d.user_info
    assert info is not None  # etsi.new() writes one with the model designation
    info["model-designation"] = "EP-100, printed on the rating label and shown in the app."
    info["support-period"] = "Security updates are provided until 31 May 2031."
    info["support-period-end"] = datetime.date(2031, 5, 31)
    info["publication-of-support-period"] = "On the support site, by model designation."
    info["publication-of-support-period-url"] = "https://support.devices.example/ep-100"
    d.add("confirmation", name="update-procedures", confirmed=True, by="own-sec",
          date=datetime.date(2026, 5, 12),
          statement="Security updates follow PSIRT procedure EX-PSIRT-1.")
    d.add("soft-comp", id="sc-rom", component="comp-rom",
          description="Mask-ROM first-stage loader.",
          update_mechanism_justification="Immutable for security (the root of trust).",
          cryptographic_usage="ECDSA P-256 verification of the second stage.")
    d.add("soft-comp", id="sc-fw", component="comp-fw", description="RTOS and application.",
          cryptographic_usage="TLS 1.3 and ECDSA verification of update images.")
    d.add("upd-mech", id="um-ota", mechanism="mech-ota",
          description="Device-initiated download of signed images, A/B installation.",
          security_guarantees="Authenticity, integrity and no downgrade.",
          cryptographic_details="ECDSA P-256 over SHA-256; TLS 1.3 to the update service.",
          initiation_and_interaction="Automatic when enabled, else one tap in the app.",
          configuration="App > Plug > Updates: automatic updates on or off, postpone.",
          update_checking="After setup, after every restart and every 24 hours.",
          user_notification="App notification naming the risk a security update fixes.")
    d.add("upd-proc", id="up-security",
          description="PSIRT triage within 2 working days, staged rollout.",
          time_frame="Critical vulnerabilities within 30 days, others within 90 days.")

    # the ICS: every provision of the edition
    for provision, support, detail in ICS:
        d.set_ics(provision, support, detail)

    # evidence, each with one artifact whose digest is that of a real file
    evidence_root = out.parent / "evidence"
    for ev_id, provision, kind, category, claim, name, media, visibility in EVIDENCE:
        item = d.add("evidence", id=ev_id, provision=provision, kind=kind, category=category,
                     owner="own-fw" if kind == "functional" else "own-sec", review="accepted",
                     release=RELEASE, claim=claim)
        sha256, size = write_evidence(evidence_root, name, claim)
        d.add("artifact", parent=item, id="art-" + ev_id[3:], ref="evidence/" + name,
              media_type=media, sha256=sha256, size=size, collected=TODAY,
              visibility=visibility)

    # the release-gate workflow: six steps with their owners
    for step, owner in (("scope", "own-sec"), ("ics", "own-sec"), ("mechanisms", "own-fw"),
                        ("procedures", "own-sec"), ("user-info", "own-sec"),
                        ("handoff", "own-sec")):
        d.add("step", name=step, owner=owner, signed_off=TODAY)
    return d


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=pathlib.Path, metavar="OUT.xml",
                        help="where to write the dossier")
    args = parser.parse_args()
    try:
        with build(args.out) as dossier:
            dossier.save(args.out)          # validated, then written atomically
            findings = dossier.check(as_of=TODAY)
    except etsi.Error as e:
        print(f"build_dossier: {e}", file=sys.stderr)
        return 2
    for finding in findings:
        print(finding)
    print(f"wrote {args.out}: {len(findings.errors)} errors, {len(findings.warnings)} warnings")
    return 1 if findings.errors else 0


if __name__ == "__main__":
    sys.exit(main())
