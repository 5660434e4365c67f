#!/usr/bin/env python3
"""Writes the rule fixtures under tests/data/rules/ from the two baselines.

Every fixture is baseline-v3.xml (or baseline-v2.xml) with a few exact text
replacements, each of which must match the base exactly once.  The comment
at the top of each fixture says what changed and which rules fire:

    expect: rule-a, rule-b (waived)      the set of rules with findings
    expect: none                         no finding at all
    bug: ...                             the engine does not do this yet

tests/cli/test_rules.py reads the expect line.  Edit this script and run it
again rather than editing the fixtures by hand:

    python3 tests/data/rules/make_fixtures.py
"""
import pathlib
import re
import sys
import textwrap

HERE = pathlib.Path(__file__).resolve().parent
BASES = {
    "v3": ("baseline-v3.xml", "EN 303 645 V3.1.3 / TS 103 701 V2.1.1"),
    "v2": ("baseline-v2.xml", "EN 303 645 V2.1.1 / TS 103 701 V1.1.1"),
}
FIXTURES = []


def fixture(rule, name, change, expect, edits=(), base="v3", bug=None):
    FIXTURES.append((rule, name, change, expect, list(edits), base, bug))


def entry(provision, support, detail):
    """An ICS entry exactly as the baselines write it."""
    return (f'    <entry provision="{provision}" support="{support}">\n'
            f'      <detail>{detail}</detail>\n'
            f'    </entry>')


# ---- snippets of the baselines ---------------------------------------------

BASE_V3 = (HERE / "baseline-v3.xml").read_text()


def element(pattern):
    """The text of one element of baseline-v3.xml, with its indentation."""
    return re.search(r"\n(    " + pattern + r".*?\n)", BASE_V3, re.S).group(1)


SC_ROM_ROW = element(r'<soft-comp id="sc-rom".*?</soft-comp>')
UM_OTA_ROW = element(r'<upd-mech id="um-ota".*?</upd-mech>')
USER_INFO = element(r"<user-info>.*?</user-info>")
EV_RESTART_WARNING = element(r'<evidence id="ev-restart-warning".*?</evidence>')

E_12 = entry("5.3-12", "Y", "Before installing, the display and the app warn that heating "
             "pauses for about 2 minutes.")
E_13 = entry("5.3-13", "Y", "Support period (until 31 March 2032) published by model "
             "designation on the support site and in the installation guide.")
E_14 = entry("5.3-14", "N/A", "Condition 3 does not hold: every component can be updated "
             "except the mask-ROM loader, which is immutable for security.")
E_15A = entry("5.3-15A", "N/A", "Condition 3 does not hold (see 5.3-14), so isolation as a "
              "substitute for updates is not needed.")
E_15B = entry("5.3-15B", "N/A", "Condition 3 does not hold (see 5.3-14), so hardware "
              "replacement as a substitute for updates is not needed.")
E_6A = entry("5.3-6A", "Y", "Automatic updates can be switched on and off in the app, and a "
             "pending update can be postponed by up to 7 days.")
E_10 = entry("5.3-10", "Y", "Updates arrive over Wi-Fi; their verification rests on a "
             "signature trust relationship with the Halden firmware-signing key.")
E_7_OPEN = '<entry provision="5.3-7" support="Y">'
V2_E_1 = entry("5.3-1", "Y", "The main firmware and the Wi-Fi module firmware are updateable "
               "over the air. The mask-ROM loader is the root of trust of secure boot and is "
               "not updateable on purpose; a compromised boot key is revoked through a spare "
               "OTP key-hash slot.")
V2_E_2 = entry("5.3-2", "Y", "Signed bundles (ECDSA P-256), per-image SHA-256 digests, "
               "anti-rollback security version, A/B slots with fallback.")
V2_E_6 = entry("5.3-6", "Y", "Automatic updates and update notifications are on after setup; "
               "the user can switch each on and off in the app and postpone a pending update "
               "by up to 7 days.")
V2_E_14 = entry("5.3-14", "N/A", "Condition 4 does not hold: the HST-400 is not a constrained "
                "device, and its software can be updated.")
V2_E_15 = entry("5.3-15", "N/A", "Condition 4 does not hold (see 5.3-14): isolation and "
                "hardware replacement as a substitute for updates are not needed.")

SOFTWARE_VERSION = "    <software-version>2.6.0</software-version>\n"
MANUFACTURER = "    <manufacturer>Halden Climate Controls GmbH</manufacturer>\n"
CONSTRAINT = '    <resource-constraint constrained="false" prevents-update-mechanism="false"/>\n'
RATIONALE = ("      <rationale>The thermostat is powered from the heating controller's 24 V AC "
             "terminals, which may supply at most 40 mA, so its radio and processor are "
             "duty-cycled; it is declared a constrained device for that reason. The limit does "
             "not prevent an update mechanism: the signed A/B update fits the power budget "
             "because slots are written at night in 4 KB blocks.</rationale>\n")
NO_UPDATE_ROM = ('      <no-update reason="immutable-for-security">The first-stage loader is the '
                 'root of trust of secure boot and is held in mask ROM on purpose, so that no '
                 'attacker and no faulty update can change it.</no-update>\n')
WIFI_COVERED = ('      <supplier>Tarn Wireless Ltd.</supplier>\n'
                '      <covered-by mechanism="mech-ota"/>\n')
WIFI_UNCOVERED = '      <supplier>Tarn Wireless Ltd.</supplier>\n'
FW_COVERED = ('      <supplier>Halden Climate Controls GmbH</supplier>\n'
              '      <covered-by mechanism="mech-ota"/>\n')
SC_WIFI_DESCRIPTION = ('      <description>Wi-Fi module firmware, supplier binary loaded by the '
                       'main firmware at start-up.</description>\n')
SC_WIFI_JUSTIFICATION = ('      <update-mechanism-justification>Carried inside the main '
                         'firmware bundle and written into the module by the main firmware at '
                         'the first start after an update; the module has no update mechanism '
                         'of its own.</update-mechanism-justification>\n')
MECH_OTA = ('<mechanism id="mech-ota" path="device-download" network="true" automatic="true" '
            'notification="true">')
TRUST = ('      <trust-relationship kind="signature">Every bundle carries a manifest signed with '
         'ECDSA P-256 by the Halden firmware-signing key, held in an HSM. The thermostat '
         'verifies the signature against the public key in its second-stage loader and the '
         'SHA-256 digest of each image before writing the inactive slot; TLS is defence in '
         'depth only.</trust-relationship>\n')
END_BOUNDARY = "  </update-boundary>"
END_UPD_MECH = "    </upd-mech>\n"
END_UPD_PROC = "    </upd-proc>\n"
END_EVIDENCE_MAP = "  </evidence-map>"
END_VERDICTS = "  </verdicts>"
WORKFLOW = "\n  <workflow>"
CRYPTO_DETAILS = ("      <cryptographic-details>Manifest signature ECDSA P-256 over SHA-256, "
                  "signing key in an HSM; per-image SHA-256 digests; anti-rollback security "
                  "version in OTP; TLS 1.3 with a pinned Halden CA.</cryptographic-details>\n")
CONFIRMATION = '<confirmation name="update-procedures" confirmed="true"'
TIME_FRAME = ("      <time-frame>Critical vulnerabilities within 30 days of confirmation, others "
              "within 90 days.</time-frame>\n")
PUBLICATION = ('      <publication-of-support-period url="https://support.halden-climate.example/'
               'support-periods#hst-400">Listed by model designation on the support site, '
               'reachable without an account, and printed in the installation guide.'
               '</publication-of-support-period>\n')
AUTO_LOG_DIGEST = ' sha256="bc8b1883a16f6373277937339572cbc52d73dc0fd67f67e393e3c5e04dd52d65"'
SUPPORT_PAGE_DATES = 'collected="2026-05-04" expires="2026-11-04"'
SUPPORT_PAGE_EXPIRED = 'collected="2025-11-04" expires="2026-05-04"'
RATING_LABEL = ('<evidence id="ev-rating-label" provision="5.3-16" kind="functional" '
                'category="label-photo" owner="own-comp" review="accepted" release="2.6.0">')
RATING_LABEL_ARTIFACT_END = ('visibility="public"/>\n    </evidence>\n'
                             '  </evidence-map>')
EXTERNAL_SCOPE = ("        <scope>The signing HSM's key generation, key storage and ECDSA P-256 "
                  "signing. Does not cover the manifest format or the thermostat's "
                  "verification.</scope>\n")
EXTERNAL_COVERS = '        <covers test-case="5.3-7-1" coverage="partial"/>\n'
EXTERNAL = ('      <external assurance="substantial">\n'
            '        <issuer>Cryptographic Module Validation Program</issuer>\n'
            + EXTERNAL_SCOPE + EXTERNAL_COVERS +
            '      </external>\n')
STATEMENT_OPEN = ('<public-statement conformance="false" '
                  'url="https://www.halden-climate.example/security/hst-400" '
                  'support-end="2032-03-31">The HST-400 firmware '
                  '2.6.0 is being assessed against ETSI EN 303 645 V3.1.3 clause 5.3; no '
                  'conformance claim is made yet.')
STATEMENT_CLAIM = ('<public-statement conformance="true" '
                   'url="https://www.halden-climate.example/security/hst-400" date="2026-05-29">'
                   'The HST-400 with firmware 2.6.0 conforms to the provisions of ETSI EN 303 645 '
                   'V3.1.3 clause 5.3 that apply to it, as assessed by Aurora Prüflabor GmbH '
                   'following ETSI TS 103 701 V2.1.1 (report APL-26-0214).')

# ---- composite changes -------------------------------------------------------

USB_MECHANISM = (
    '    <mechanism id="mech-usb" path="physical-interface" network="false" automatic="false" '
    'notification="false"{implemented}>\n'
    '      <name>USB-C service update (installer tool)</name>\n'
    '      <interface>USB-C service port behind the front cover (mass-storage update '
    'mode)</interface>\n'
    '      <description>An installer holds the service button while connecting a laptop; the '
    'thermostat mounts as a drive, accepts one bundle file and applies the same signature and '
    'digest checks as the over-the-air path before installing.</description>\n'
    '    </mechanism>\n')
USB_ROW = (
    '    <upd-mech id="um-usb" mechanism="mech-usb">\n'
    '      <description>Installer-initiated installation of a signed bundle from a laptop over '
    'USB-C, A/B slot installation with fallback.</description>\n'
    '      <security-guarantees>Same as um-ota: only bundles that pass the manifest signature, '
    'image digest and anti-rollback checks are installed.</security-guarantees>\n'
    '      <cryptographic-details>As um-ota: ECDSA P-256 manifest signature over SHA-256, '
    'per-image SHA-256 digests, anti-rollback security version in OTP.</cryptographic-details>\n'
    '      <initiation-and-interaction>The installer presses the service button, connects the '
    'laptop and copies the bundle; the display shows progress.</initiation-and-interaction>\n'
    '      <configuration>None; the service mode ends after one bundle or 10 minutes.'
    '</configuration>\n'
    '      <update-checking>None: the installer downloads the bundle from the installer portal.'
    '</update-checking>\n'
    '      <user-notification>The display shows "Service update: heating pauses for 2 minutes" '
    'before installing.</user-notification>\n'
    '    </upd-mech>\n')
USB_UNUSED = [(END_BOUNDARY, USB_MECHANISM.format(implemented="") + END_BOUNDARY),
              (END_UPD_MECH, END_UPD_MECH + USB_ROW)]
USB_USED = USB_UNUSED + [(FW_COVERED, FW_COVERED + '      <covered-by mechanism="mech-usb"/>\n')]
USB_PLANNED = [(END_BOUNDARY, USB_MECHANISM.format(implemented=' implemented="false"')
                + END_BOUNDARY),
               (FW_COVERED, FW_COVERED + '      <covered-by mechanism="mech-usb"/>\n')]

RECEIVER = (
    '    <component id="comp-receiver" kind="firmware" updateable="false">\n'
    '      <name>Boiler relay unit firmware (HSR-10)</name>\n'
    '      <version>1.4</version>\n'
    '      <supplier>Halden Climate Controls GmbH</supplier>\n'
    '      <description>Firmware of the wired boiler relay unit sold with the thermostat: an '
    '8-bit MCU that switches the boiler on commands from the thermostat over a 2-wire bus.'
    '</description>\n'
    '      <no-update reason="impracticable">The relay unit runs from one-time-programmable '
    'memory and has no boot loader, so its firmware cannot be changed after production. It has '
    'no network interface.</no-update>\n'
    '    </component>\n')
RECEIVER_ROW = (
    '    <soft-comp id="sc-receiver" component="comp-receiver">\n'
    '      <description>Boiler relay unit firmware in OTP memory.</description>\n'
    '      <update-mechanism-justification>No update mechanism: OTP memory (see the '
    "component's no-update reason).</update-mechanism-justification>\n"
    '      <cryptographic-usage>None; the 2-wire bus to the thermostat is not a network '
    'interface.</cryptographic-usage>\n'
    '    </soft-comp>\n')
RECEIVER_EDITS = [(MECH_OTA, RECEIVER.lstrip() + '    ' + MECH_OTA),
                  ('    <upd-mech id="um-ota"', RECEIVER_ROW + '    <upd-mech id="um-ota"')]
REPLACEMENT_INFO = (
    '      <publication-of-non-updatable url="https://support.halden-climate.example/hst-400/'
    'relay-unit">The HST-400 support page explains that the boiler relay unit\'s firmware cannot '
    'be updated, why, and what Halden does instead.</publication-of-non-updatable>\n'
    '      <documentation-of-replacement url="https://support.halden-climate.example/hst-400/'
    'relay-unit#replacement">Free replacement relay unit by post during the support period; '
    'swap instructions for installers.</documentation-of-replacement>\n')
REPL_SUP_ISOLATION = (
    '      <isolation>The relay unit has no network interface; disconnecting its 2-wire bus '
    'isolates it, and the boiler falls back to its own controls.</isolation>\n')
REPL_SUP = (
    '    <repl-sup id="rs-receiver">\n' + REPL_SUP_ISOLATION +
    '      <hardware-replacement>Free replacement relay unit by post within 10 working days '
    'during the support period; installers swap it in 15 minutes (two screw terminals) and the '
    'thermostat pairs with it automatically.</hardware-replacement>\n'
    '    </repl-sup>\n')
REPLACEMENT_EVIDENCE = (
    '    <evidence id="ev-relay-unit-page" provision="5.3-14" kind="functional" '
    'category="user-documentation" owner="own-doc" review="accepted" release="2.6.0">\n'
    '      <claim>The support page explains that the relay unit cannot be updated and how it is '
    'replaced.</claim>\n'
    '      <artifact id="art-relay-unit-page" ref="evidence/publication/relay-unit-2026-05-04.pdf" '
    'media-type="application/pdf" sha256="5d41f2a0c7e9b3d8a6f4e2c1b0a9d8e7f6c5b4a3928170615243f3e2d1c0b9a8" '
    'size="88120" visibility="public"/>\n'
    '    </evidence>\n'
    '    <evidence id="ev-relay-isolation" provision="5.3-15A" kind="conceptual" '
    'category="design-document" owner="own-fw" review="accepted" release="2.6.0">\n'
    '      <claim>Disconnecting the 2-wire bus isolates the relay unit; the boiler keeps its own '
    'controls.</claim>\n'
    '      <artifact id="art-relay-isolation" ref="evidence/architecture/HSR-10-wiring.pdf" '
    'media-type="application/pdf" sha256="0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0" '
    'size="45310" visibility="private"/>\n'
    '    </evidence>\n'
    '    <evidence id="ev-relay-replacement" provision="5.3-15B" kind="conceptual" '
    'category="replacement-policy" owner="own-comp" review="accepted" release="2.6.0">\n'
    '      <claim>The replacement policy offers a free relay unit during the support period.'
    '</claim>\n'
    '      <artifact id="art-relay-replacement" ref="evidence/process/HSR-10-replacement-policy.pdf" '
    'media-type="application/pdf" sha256="a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90" '
    'size="61204" visibility="private"/>\n'
    '    </evidence>\n')
REPLACEMENT_FULL = RECEIVER_EDITS + [
    (PUBLICATION, PUBLICATION + REPLACEMENT_INFO),
    (END_UPD_PROC, END_UPD_PROC + REPL_SUP),
    (E_14, entry("5.3-14", "Y", "The support page of the HST-400 explains why the boiler relay "
                 "unit's firmware cannot be updated and how the unit is replaced.")),
    (E_15A, entry("5.3-15A", "Y", "Disconnecting the relay unit's 2-wire bus isolates it; the "
                  "boiler keeps working on its own controls.")),
    (E_15B, entry("5.3-15B", "Y", "Free replacement relay unit by post during the support "
                  "period.")),
    (END_EVIDENCE_MAP, REPLACEMENT_EVIDENCE + END_EVIDENCE_MAP),
]


def waiver(wid, rule, target, expires, justification, date="2026-05-20"):
    return (WORKFLOW, f'\n  <waivers>\n'
            f'    <waiver id="{wid}" rule="{rule}" target="{target}" owner="own-comp" '
            f'date="{date}" expires="{expires}">\n'
            f'      <justification>{justification}</justification>\n'
            f'    </waiver>\n  </waivers>\n' + WORKFLOW)


CAPTURE_WAIVER_TEXT = ("The support site is relaunched on 2026-06-15 and the support-period page "
                       "is captured again afterwards; its text has not changed since the expired "
                       "capture.")
CONF_WAIVER_TEXT = ("The confirmation of update procedures is signed by the new PSIRT lead, who "
                    "starts on 2026-06-08; the procedure itself is unchanged.")


def verdict(case, result="PASS", by="tl-aurora", date="2026-05-28", body=None):
    if body is None:
        return f'    <verdict case="{case}" result="{result}" by="{by}" date="{date}"/>\n'
    return (f'    <verdict case="{case}" result="{result}" by="{by}" date="{date}">\n'
            f'{body}    </verdict>\n')


REMAINING_CASES = ["5.3-1-1", "5.3-1-2", "5.3-3-1", "5.3-4A-1", "5.3-4A-2", "5.3-4B-1",
                   "5.3-4B-2", "5.3-5-1", "5.3-6A-1", "5.3-6A-2", "5.3-6B-1", "5.3-6B-2",
                   "5.3-8-1", "5.3-9-1", "5.3-9-2", "5.3-10-1", "5.3-11-1", "5.3-12-1",
                   "5.3-13-1", "5.3-13-2", "5.0-1-1", "5.3-16-2"]


def all_verdicts(override=None, skip=()):
    override = override or {}
    text = "".join(override.get(c, verdict(c)) for c in REMAINING_CASES if c not in skip)
    return [(END_VERDICTS, text + END_VERDICTS), (STATEMENT_OPEN, STATEMENT_CLAIM)]


# ---- the fixtures, in rule-table order ---------------------------------------

fixture("schema", "fail.xml",
        "the ICS entry for 5.3-12 says support=\"yes\", which is not Y, N or N/A.",
        "schema",
        [('<entry provision="5.3-12" support="Y">', '<entry provision="5.3-12" support="yes">')])
fixture("schema", "fail-unknown-provision.xml",
        "an evidence item is filed under 5.3-17, which EN 303 645 V3.1.3 does not have "
        "(the schema accepts the form; the catalog check does not).",
        "schema, evidence-missing",
        [('<evidence id="ev-restart-warning" provision="5.3-12"',
          '<evidence id="ev-restart-warning" provision="5.3-17"')])
fixture("schema", "fail-void-provision.xml",
        "the ICS entry for 5.3-4A is written as 5.3-4, which is void in V3.1.3.",
        "schema, ics-entry-missing",
        [('<entry provision="5.3-4A" support="Y">', '<entry provision="5.3-4" support="Y">')])
fixture("schema", "pass.xml", "none: the baseline.", "none")

LAYER_BUG = ("layer-mixing does not replace the schema errors on its line; they are "
             "reported as well (rule schema).")
fixture("layer-mixing", "fail.xml",
        "the ICS entry for 5.3-7 names the IXIT table 7-UpdMech instead of the provision.",
        "layer-mixing, ics-entry-missing, verdict-not-planned",
        [(E_7_OPEN, '<entry provision="7-UpdMech" support="Y">')], bug=LAYER_BUG)
fixture("layer-mixing", "fail-ixit-row.xml",
        "the evidence item ev-psirt is filed under the 7-UpdMech row um-ota instead of "
        "the provision 5.3-8.",
        "layer-mixing, evidence-missing",
        [('<evidence id="ev-psirt" provision="5.3-8"', '<evidence id="ev-psirt" provision="um-ota"')],
        bug=LAYER_BUG)
fixture("layer-mixing", "fail-test-case.xml",
        "the evidence item ev-verification-tests is filed under the test case 5.3-9-2 "
        "instead of the provision 5.3-9.",
        "layer-mixing, evidence-missing",
        [('<evidence id="ev-verification-tests" provision="5.3-9"',
          '<evidence id="ev-verification-tests" provision="5.3-9-2"')], bug=LAYER_BUG)
fixture("layer-mixing", "fail-verdict-provision.xml",
        "a verdict is recorded for the provision 5.3-16 instead of the test case 5.3-16-1.",
        "layer-mixing, schema",
        [('<verdict case="5.3-16-1"', '<verdict case="5.3-16"')], bug=LAYER_BUG)
fixture("layer-mixing", "pass.xml", "none: the baseline.", "none")

fixture("dut-identification-missing", "fail.xml",
        "the DUT has no software-version.", "dut-identification-missing",
        [(SOFTWARE_VERSION, "")])
fixture("dut-identification-missing", "fail-manufacturer.xml",
        "the DUT has no manufacturer.", "dut-identification-missing",
        [(MANUFACTURER, "")])
fixture("dut-identification-missing", "pass.xml", "none: the baseline.", "none")

fixture("dut-constraint-unstated", "fail.xml",
        "the DUT has no resource-constraint element.", "dut-constraint-unstated",
        [(CONSTRAINT, "")])
fixture("dut-constraint-unstated", "pass.xml", "none: the baseline.", "none")

fixture("constrained-rationale-missing", "fail.xml",
        "the DUT is declared constrained, without a rationale.",
        "constrained-rationale-missing",
        [(CONSTRAINT, CONSTRAINT.replace('constrained="false"', 'constrained="true"'))])
fixture("constrained-rationale-missing", "fail-prevents.xml",
        "the DUT is declared unable to host an update mechanism, without a rationale; "
        "condition 15 then fails, so 5.3-2 claimed Y no longer applies.",
        "constrained-rationale-missing, ics-claim-not-applicable",
        [(CONSTRAINT, CONSTRAINT.replace('prevents-update-mechanism="false"',
                                         'prevents-update-mechanism="true"'))])
fixture("constrained-rationale-missing", "pass.xml",
        "the DUT is declared constrained, with a rationale.", "none",
        [(CONSTRAINT, '    <resource-constraint constrained="true" '
          'prevents-update-mechanism="false">\n' + RATIONALE + '    </resource-constraint>\n')])

fixture("boundary-updateability-undecided", "fail.xml",
        "the updateability of the Wi-Fi module firmware is still undecided.",
        "boundary-updateability-undecided",
        [('<component id="comp-wifi" kind="radio-firmware" updateable="true">',
          '<component id="comp-wifi" kind="radio-firmware" updateable="undecided">')])
fixture("boundary-updateability-undecided", "pass.xml", "none: the baseline.", "none")

fixture("boundary-component-uncovered", "fail.xml",
        "the Wi-Fi module firmware (updateable) names no covered-by mechanism; its 6-SoftComp "
        "row explains that it travels in the main bundle, so the test cases still have their "
        "input.",
        "boundary-component-uncovered",
        [(WIFI_COVERED, WIFI_UNCOVERED),
         (SC_WIFI_DESCRIPTION, SC_WIFI_DESCRIPTION + SC_WIFI_JUSTIFICATION)])
fixture("boundary-component-uncovered", "pass.xml",
        "as fail.xml, with covered-by mech-ota restored.", "none",
        [(SC_WIFI_DESCRIPTION, SC_WIFI_DESCRIPTION + SC_WIFI_JUSTIFICATION)])

fixture("boundary-absence-unjustified", "fail.xml",
        "the mask-ROM loader's no-update element keeps its reason but gives no words.",
        "boundary-absence-unjustified",
        [(NO_UPDATE_ROM, '      <no-update reason="immutable-for-security"/>\n')])
fixture("boundary-absence-unjustified", "fail-no-element.xml",
        "the mask-ROM loader has no no-update element at all; without the reason "
        "immutable-for-security it counts as software that cannot be updated (condition 3), "
        "so 5.3-14, 5.3-15A and 5.3-15B apply and replacement support is missing.",
        "boundary-absence-unjustified, ics-na-contradicts-facts, constrained-replacement-missing",
        [(NO_UPDATE_ROM, "")])
fixture("boundary-absence-unjustified", "pass.xml", "none: the baseline.", "none")

fixture("boundary-contradiction", "fail.xml",
        "the mask-ROM loader (updateable=\"false\") names mech-ota in covered-by.",
        "boundary-contradiction",
        [(NO_UPDATE_ROM, '      <covered-by mechanism="mech-ota"/>\n' + NO_UPDATE_ROM)])
fixture("boundary-contradiction", "pass.xml", "none: the baseline.", "none")

fixture("boundary-mechanism-unused", "fail.xml",
        "a USB-C service update mechanism with a complete 7-UpdMech row, which no component "
        "names in covered-by.",
        "boundary-mechanism-unused", USB_UNUSED)
fixture("boundary-mechanism-unused", "pass.xml",
        "as fail.xml; the main firmware names mech-usb in covered-by.", "none", USB_USED)

fixture("boundary-mechanism-not-implemented", "fail.xml",
        "the main firmware names mech-usb in covered-by, a USB-C service mechanism marked "
        "implemented=\"false\" (it needs no 7-UpdMech row yet).",
        "boundary-mechanism-not-implemented", USB_PLANNED)
fixture("boundary-mechanism-not-implemented", "pass.xml",
        "mech-usb is implemented and has its 7-UpdMech row.", "none", USB_USED)

fixture("ics-entry-missing", "fail.xml",
        "the ICS has no entry for 5.3-12.", "ics-entry-missing", [(E_12 + "\n", "")])
fixture("ics-entry-missing", "pass.xml", "none: the baseline.", "none")

fixture("ics-support-missing", "fail.xml",
        "the ICS entry for 5.3-12 has no support attribute.", "ics-support-missing",
        [('<entry provision="5.3-12" support="Y">', '<entry provision="5.3-12">')])
fixture("ics-support-missing", "pass.xml", "none: the baseline.", "none")

fixture("ics-na-unconditional", "fail.xml",
        "5.3-13 (M, unconditional) is marked N/A; its evidence is then filed under an N/A "
        "provision.",
        "ics-na-unconditional, evidence-provision-not-claimed",
        [(E_13, entry("5.3-13", "N/A", "The HST-400 is sold only through installers, who get "
                      "the support period with the trade price list."))])
fixture("ics-na-unconditional", "fail-v2-recommendation.xml",
        "5.3-1, a recommendation without conditions in V2.1.1 (V3.1.3 adds feature f), is "
        "marked N/A; its evidence is then filed under an N/A provision.",
        "ics-na-unconditional, evidence-provision-not-claimed",
        [(V2_E_1, entry("5.3-1", "N/A", "Not applicable: the boot ROM cannot be updated by "
                        "design."))], base="v2")
fixture("ics-na-unconditional", "pass.xml", "none: the baseline.", "none")

fixture("ics-na-contradicts-facts", "fail.xml",
        "5.3-10 is marked N/A although mech-ota is delivered over a network (feature j); "
        "its evidence is then filed under an N/A provision.",
        "ics-na-contradicts-facts, evidence-provision-not-claimed",
        [(E_10, entry("5.3-10", "N/A", "Not applicable: updates are downloaded over TLS 1.3, so "
                      "the channel already protects them."))])
fixture("ics-na-contradicts-facts", "fail-5.3-6A.xml",
        "5.3-6A is marked N/A although mech-ota updates automatically (feature h).",
        "ics-na-contradicts-facts, evidence-provision-not-claimed",
        [(E_6A, entry("5.3-6A", "N/A", "Not applicable: automatic updates are installed at "
                      "night, when they do not disturb the user."))])
fixture("ics-na-contradicts-facts", "fail-v2-5.3-2.xml",
        "V2.1.1: 5.3-2 is marked N/A, but the DUT is declared not constrained (condition 5 "
        "holds); its evidence and verdicts no longer belong to the plan.",
        "ics-na-contradicts-facts, evidence-provision-not-claimed, verdict-not-planned",
        [(V2_E_2, entry("5.3-2", "N/A", "Not applicable: the HST-400 is a low-power device "
                        "powered from the heating controller."))], base="v2")
fixture("ics-na-contradicts-facts", "fail-v2-5.3-6.xml",
        "V2.1.1: 5.3-6 is marked N/A, but mech-ota updates automatically and notifies "
        "(condition 9) and is implemented (condition 12).",
        "ics-na-contradicts-facts, evidence-provision-not-claimed",
        [(V2_E_6, entry("5.3-6", "N/A", "Not applicable: the settings are in the app, not on "
                        "the device."))], base="v2")
fixture("ics-na-contradicts-facts", "fail-v2-5.3-10.xml",
        "V2.1.1: 5.3-10 is marked N/A, but mech-ota is delivered over a network (condition 11) "
        "and implemented (condition 12).",
        "ics-na-contradicts-facts, evidence-provision-not-claimed",
        [(E_10, entry("5.3-10", "N/A", "Not applicable: updates are downloaded over TLS 1.3, so "
                      "the channel already protects them."))], base="v2")
fixture("ics-na-contradicts-facts", "fail-v2-constrained.xml",
        "V2.1.1: the DUT is declared constrained (with a rationale) and the boiler relay "
        "unit's firmware cannot be updated, so conditions 3 and 4 hold; 5.3-14 and 5.3-15 are "
        "still marked N/A \"because the device is constrained\". Being constrained also makes "
        "5.3-2 (condition 5) inapplicable while it is claimed Y.",
        "ics-na-contradicts-facts, ics-claim-not-applicable, constrained-replacement-missing",
        [(CONSTRAINT, '    <resource-constraint constrained="true" '
          'prevents-update-mechanism="false">\n' + RATIONALE + '    </resource-constraint>\n'),
         *RECEIVER_EDITS,
         (V2_E_14, entry("5.3-14", "N/A", "Not applicable: the HST-400 is a constrained "
                         "device.")),
         (V2_E_15, entry("5.3-15", "N/A", "Not applicable: the HST-400 is a constrained "
                         "device."))], base="v2")
fixture("ics-na-contradicts-facts", "pass.xml", "none: the V3.1.3 baseline.", "none")
fixture("ics-na-contradicts-facts", "pass-v2.xml", "none: the V2.1.1 baseline.", "none",
        base="v2")

fixture("ics-mandatory-not-met", "fail.xml",
        "5.3-13 (M) is marked N, with a reason.", "ics-mandatory-not-met",
        [(E_13, entry("5.3-13", "N", "Not met yet: the support-period page goes live with the "
                      "support site relaunch on 2026-06-15."))])
fixture("ics-mandatory-not-met", "pass.xml", "none: the baseline.", "none")

fixture("ics-justification-missing", "fail.xml",
        "5.3-14 is marked N/A without a detail.", "ics-justification-missing",
        [(E_14, '    <entry provision="5.3-14" support="N/A"/>')])
fixture("ics-justification-missing", "fail-n.xml",
        "5.3-12 (R) is marked N with an empty detail.", "ics-justification-missing",
        [(E_12, '    <entry provision="5.3-12" support="N">\n      <detail></detail>\n'
          '    </entry>')])
fixture("ics-justification-missing", "pass.xml", "none: the baseline.", "none")
fixture("ics-justification-missing", "pass-n.xml",
        "5.3-12 (R) is marked N, with the reason in its detail.", "none",
        [(E_12, entry("5.3-12", "N", "Not met: the display shows no warning before the night-time "
                      "restart (heating pauses for about 2 minutes); a warning is planned for "
                      "firmware 2.7."))])

fixture("ics-detail-missing", "fail.xml",
        "the ICS entry for 5.3-12 (Y) has no detail.", "ics-detail-missing",
        [(E_12, '    <entry provision="5.3-12" support="Y"/>')])
fixture("ics-detail-missing", "pass.xml", "none: the baseline.", "none")

fixture("ics-claim-not-applicable", "fail.xml",
        "mech-ota no longer notifies the user (notification=\"false\"), so feature i is "
        "absent while 5.3-6B is claimed Y.",
        "ics-claim-not-applicable",
        [(MECH_OTA, MECH_OTA.replace('notification="true"', 'notification="false"'))])
fixture("ics-claim-not-applicable", "fail-v2-constrained.xml",
        "V2.1.1: the DUT is declared constrained (with a rationale), so condition 5 fails "
        "while 5.3-2 is claimed Y.",
        "ics-claim-not-applicable",
        [(CONSTRAINT, '    <resource-constraint constrained="true" '
          'prevents-update-mechanism="false">\n' + RATIONALE + '    </resource-constraint>\n')],
        base="v2")
fixture("ics-claim-not-applicable", "pass.xml", "none: the baseline.", "none")

# etsi release marks a carried ICS entry with <carried-from release="OLD"/>
E_10_CARRIED = E_10.replace("    </entry>", '      <carried-from release="2.5.3"/>\n    </entry>')
fixture("ics-needs-review", "fail.xml",
        "the ICS entry for 5.3-10 was carried from release 2.5.3 (etsi release) and nobody has "
        "reviewed it for 2.6.0 yet.",
        "ics-needs-review", [(E_10, E_10_CARRIED)])
fixture("ics-needs-review", "fail-half-reviewed.xml",
        "as fail.xml, with reviewed-by but no reviewed-on: a review needs both.",
        "ics-needs-review",
        [(E_10, E_10_CARRIED.replace('release="2.5.3"', 'release="2.5.3" reviewed-by="own-comp"'))])
fixture("ics-needs-review", "pass.xml",
        "as fail.xml, reviewed by the compliance owner (reviewed-by, reviewed-on).", "none",
        [(E_10, E_10_CARRIED.replace('release="2.5.3"', 'release="2.5.3" reviewed-by="own-comp" '
                                     'reviewed-on="2026-05-06"'))])

fixture("ixit-row-missing", "fail.xml",
        "the mask-ROM loader has no 6-SoftComp row.", "ixit-row-missing", [(SC_ROM_ROW, "")])
fixture("ixit-row-missing", "fail-mechanism.xml",
        "mech-ota has no 7-UpdMech row, so every 7-UpdMech field the claimed provisions "
        "read is missing too.",
        "ixit-row-missing, ixit-mechanism-input-missing", [(UM_OTA_ROW, "")])
fixture("ixit-row-missing", "pass.xml", "none: the baseline.", "none")

fixture("ixit-mechanism-input-missing", "fail.xml",
        "the 7-UpdMech row um-ota has no cryptographic-details.",
        "ixit-mechanism-input-missing", [(CRYPTO_DETAILS, "")])
fixture("ixit-mechanism-input-missing", "fail-soft-comp.xml",
        "the Wi-Fi module firmware names no mechanism and its 6-SoftComp row gives no "
        "justification, so the 6-SoftComp update-mechanism input is missing.",
        "ixit-mechanism-input-missing, boundary-component-uncovered",
        [(WIFI_COVERED, WIFI_UNCOVERED)])
fixture("ixit-mechanism-input-missing", "pass.xml", "none: the baseline.", "none")

fixture("mechanism-trust-missing", "fail.xml",
        "mech-ota (network=\"true\") has no trust-relationship.", "mechanism-trust-missing",
        [(TRUST, "")])
fixture("mechanism-trust-missing", "pass.xml", "none: the baseline.", "none")

fixture("ixit-procedure-input-missing", "fail.xml",
        "the 4-Conf confirmation of update procedures is not confirmed (confirmed=\"false\").",
        "ixit-procedure-input-missing",
        [(CONFIRMATION, CONFIRMATION.replace('confirmed="true"', 'confirmed="false"'))])
fixture("ixit-procedure-input-missing", "fail-time-frame.xml",
        "the 8-UpdProc row up-security has no time-frame.", "ixit-procedure-input-missing",
        [(TIME_FRAME, "")])
fixture("ixit-procedure-input-missing", "fail-repl-sup.xml",
        "constrained-replacement-missing/pass.xml (a boiler relay unit whose firmware cannot "
        "be updated, 5.3-14, 5.3-15A and 5.3-15B claimed Y) with the 9-ReplSup row's isolation "
        "left out.",
        "ixit-procedure-input-missing",
        REPLACEMENT_FULL + [(REPL_SUP_ISOLATION, "")])
fixture("ixit-procedure-input-missing", "pass.xml", "none: the baseline.", "none")

fixture("constrained-replacement-missing", "fail.xml",
        "a boiler relay unit whose firmware cannot be updated (reason impracticable), with its "
        "6-SoftComp row; no 9-ReplSup row, and 5.3-14, 5.3-15A and 5.3-15B still N/A, which "
        "condition 3 now contradicts.",
        "constrained-replacement-missing, ics-na-contradicts-facts", RECEIVER_EDITS)
fixture("constrained-replacement-missing", "pass.xml",
        "as fail.xml, with a 9-ReplSup row, the 2-UserInfo publication fields, and 5.3-14, "
        "5.3-15A and 5.3-15B claimed Y with evidence.",
        "none", REPLACEMENT_FULL)
fixture("constrained-replacement-missing", "pass-declined.xml",
        "as fail.xml, with 5.3-14, 5.3-15A and 5.3-15B marked N with a justification (the "
        "other way the hint offers).",
        "none",
        RECEIVER_EDITS + [
            (E_14, entry("5.3-14", "N", "Not met yet: the relay unit page is published with the "
                         "support site relaunch on 2026-06-15.")),
            (E_15A, entry("5.3-15A", "N", "Not met: isolation of the relay unit is not "
                          "documented for users yet.")),
            (E_15B, entry("5.3-15B", "N", "Not met: no replacement procedure for the relay unit "
                          "is defined yet."))])
fixture("constrained-replacement-missing", "pass-v2-not-constrained.xml",
        "V2.1.1: the same boiler relay unit on a DUT declared not constrained. Condition 4 "
        "does not hold, so 5.3-14 and 5.3-15 do not apply and are rightly N/A; the rule "
        "should not ask for replacement support.",
        "none",
        RECEIVER_EDITS + [
            (V2_E_14, entry("5.3-14", "N/A", "Condition 4 does not hold: the HST-400 is not a "
                            "constrained device.")),
            (V2_E_15, entry("5.3-15", "N/A", "Condition 4 does not hold: the HST-400 is not a "
                            "constrained device."))],
        base="v2",
        bug="constrained-replacement-missing fires: it ignores that 5.3-15 does not apply "
            "(V2.1.1 conditions 3 and 4).")

fixture("ixit-user-info-missing", "fail.xml",
        "2-UserInfo has no publication-of-support-period.", "ixit-user-info-missing",
        [(PUBLICATION, "")])
fixture("ixit-user-info-missing", "fail-no-user-info.xml",
        "the ixit section has no user-info at all.", "ixit-user-info-missing",
        [(USER_INFO, "")])
fixture("ixit-user-info-missing", "pass.xml", "none: the baseline.", "none")

fixture("evidence-missing", "fail.xml",
        "the evidence item for 5.3-12 (claimed Y) is left out.", "evidence-missing",
        [(EV_RESTART_WARNING, "")])
fixture("evidence-missing", "pass.xml", "none: the baseline.", "none")
EVIDENCE_POLICY = ('</public-statement>\n    <evidence-policy owner="own-comp" date="2026-05-01" '
                   'items="1">One item per provision; 5.3-12 is shown by its verdicts alone.'
                   '</evidence-policy>')
E_12_OPEN = '<entry provision="5.3-12" support="Y">'
fixture("evidence-missing", "fail-policy.xml",
        "the dossier's evidence policy (owned by own-comp) asks for two items for 5.3-12, "
        "which has one.", "evidence-missing",
        [('</public-statement>', EVIDENCE_POLICY),
         (E_12_OPEN, '<entry provision="5.3-12" support="Y" evidence-items="2">')])
fixture("evidence-missing", "fail-unowned-policy.xml",
        "the ICS entry for 5.3-12 sets evidence-items=\"0\" and its evidence item is left "
        "out, but no owned evidence-policy records that policy.", "evidence-missing",
        [(EV_RESTART_WARNING, ""),
         (E_12_OPEN, '<entry provision="5.3-12" support="Y" evidence-items="0">')])
fixture("evidence-missing", "pass-policy.xml",
        "the evidence item for 5.3-12 is left out, and the dossier's evidence policy (owned "
        "by own-comp) asks for none for 5.3-12.", "none",
        [(EV_RESTART_WARNING, ""), ('</public-statement>', EVIDENCE_POLICY),
         (E_12_OPEN, '<entry provision="5.3-12" support="Y" evidence-items="0">')])

fixture("evidence-category-unfit", "fail.xml",
        "the evidence for 5.3-10 is filed as user-documentation, which cannot show trusted "
        "checking of updates.",
        "evidence-category-unfit",
        [('<evidence id="ev-trust" provision="5.3-10" kind="conceptual" category="design-document"',
          '<evidence id="ev-trust" provision="5.3-10" kind="conceptual" '
          'category="user-documentation"')])
fixture("evidence-category-unfit", "pass.xml", "none: the baseline.", "none")
fixture("evidence-category-unfit", "pass-functional.xml",
        "a test report for 5.3-13, a test report for 5.3-8 and a device log for 5.3-16: "
        "5.3-13 and 5.3-16 have functional test cases, and test reports fit 5.3-8 "
        "(the catalogs' evidence-fit lists, libetsi's judgement).", "none",
        [('<evidence id="ev-support-page" provision="5.3-13" kind="functional" '
          'category="support-period-publication"',
          '<evidence id="ev-support-page" provision="5.3-13" kind="functional" '
          'category="test-report"'),
         ('<evidence id="ev-psirt" provision="5.3-8" kind="conceptual" category="process-document"',
          '<evidence id="ev-psirt" provision="5.3-8" kind="conceptual" category="test-report"'),
         ('<evidence id="ev-rating-label" provision="5.3-16" kind="functional" category="label-photo"',
          '<evidence id="ev-rating-label" provision="5.3-16" kind="functional" '
          'category="device-log"')])
fixture("evidence-category-unfit", "pass-other.xml",
        "the evidence for 5.3-10 has category \"other\", which the rule never judges.", "none",
        [('<evidence id="ev-trust" provision="5.3-10" kind="conceptual" category="design-document"',
          '<evidence id="ev-trust" provision="5.3-10" kind="conceptual" category="other"')])

fixture("evidence-provision-not-claimed", "fail.xml",
        "an evidence item is filed under 5.3-14, which the ICS marks N/A.",
        "evidence-provision-not-claimed",
        [(END_EVIDENCE_MAP,
          '    <evidence id="ev-rom-statement" provision="5.3-14" kind="conceptual" '
          'category="user-documentation" owner="own-doc" review="accepted" release="2.6.0">\n'
          '      <claim>The installation guide says that the boot ROM cannot be changed.</claim>\n'
          '      <artifact id="art-rom-statement" ref="evidence/user-docs/installation-guide-p31.pdf" '
          'media-type="application/pdf" sha256="9a8b7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f30211203f4e5d6c7b8a9" '
          'size="51200" visibility="public"/>\n'
          '    </evidence>\n' + END_EVIDENCE_MAP)])
fixture("evidence-provision-not-claimed", "pass.xml", "none: the baseline.", "none")

fixture("evidence-release-mismatch", "fail.xml",
        "the rating-label evidence was produced for release 2.5.3 and not carried forward.",
        "evidence-release-mismatch",
        [(RATING_LABEL, RATING_LABEL.replace('release="2.6.0"', 'release="2.5.3"'))])
fixture("evidence-release-mismatch", "fail-unreviewed.xml",
        "as fail.xml, carried forward from 2.5.3 but with no reviewed-by and reviewed-on.",
        "evidence-release-mismatch",
        [(RATING_LABEL, RATING_LABEL.replace('release="2.6.0"', 'release="2.5.3"')),
         (RATING_LABEL_ARTIFACT_END, 'visibility="public"/>\n'
          '      <carried-from release="2.5.3" evidence="ev-rating-label"/>\n'
          '    </evidence>\n  </evidence-map>')])
fixture("evidence-release-mismatch", "pass.xml",
        "as fail.xml, carried forward with a review (reviewed-by, reviewed-on).", "none",
        [(RATING_LABEL, RATING_LABEL.replace('release="2.6.0"', 'release="2.5.3"')),
         (RATING_LABEL_ARTIFACT_END, 'visibility="public"/>\n'
          '      <carried-from release="2.5.3" evidence="ev-rating-label" reviewed-by="own-comp" '
          'reviewed-on="2026-04-30"/>\n'
          '    </evidence>\n  </evidence-map>')])

fixture("evidence-needs-review", "fail.xml",
        "the verification test report is marked needs-review.", "evidence-needs-review",
        [('<evidence id="ev-verification-tests" provision="5.3-9" kind="functional" '
          'category="test-report" owner="own-fw" review="accepted"',
          '<evidence id="ev-verification-tests" provision="5.3-9" kind="functional" '
          'category="test-report" owner="own-fw" review="needs-review"')])
fixture("evidence-needs-review", "fail-carried.xml",
        "the rating-label evidence was produced for 2.5.3 and carried forward by etsi release: "
        "review=\"needs-review\" and a carried-from without a review.  Only this rule fires; "
        "evidence-release-mismatch leaves an item marked needs-review to it.",
        "evidence-needs-review",
        [(RATING_LABEL, RATING_LABEL.replace('release="2.6.0"', 'release="2.5.3"')
          .replace('review="accepted"', 'review="needs-review"')),
         (RATING_LABEL_ARTIFACT_END, 'visibility="public"/>\n'
          '      <carried-from release="2.5.3" evidence="ev-rating-label"/>\n'
          '    </evidence>\n  </evidence-map>')])
fixture("evidence-needs-review", "pass.xml", "none: the baseline.", "none")

fixture("evidence-draft", "fail.xml",
        "the restart-warning screenshot evidence is still a draft.", "evidence-draft",
        [('<evidence id="ev-restart-warning" provision="5.3-12" kind="functional" '
          'category="screenshot" owner="own-doc" review="accepted"',
          '<evidence id="ev-restart-warning" provision="5.3-12" kind="functional" '
          'category="screenshot" owner="own-doc" review="draft"')])
fixture("evidence-draft", "pass.xml", "none: the baseline.", "none")

fixture("evidence-external-incomplete", "fail.xml",
        "the HSM certificate's external element has no scope.",
        "evidence-external-incomplete", [(EXTERNAL_SCOPE, "")])
fixture("evidence-external-incomplete", "fail-no-covers.xml",
        "the HSM certificate's external element names no covered test case.",
        "evidence-external-incomplete", [(EXTERNAL_COVERS, "")])
fixture("evidence-external-incomplete", "fail-no-assurance.xml",
        "the HSM certificate's external element has no assurance attribute.",
        "evidence-external-incomplete",
        [('<external assurance="substantial">', '<external>')])
fixture("evidence-external-incomplete", "fail-empty.xml",
        "the HSM certificate's external element is empty: no issuer, scope, covers or "
        "assurance.",
        "evidence-external-incomplete, certificate-incomplete",
        [(EXTERNAL, "      <external/>\n")],
        bug="an empty external element is not reported: the rule only looks at external "
            "evidence that states an issuer, a scope, an assurance or a covers element.")
fixture("evidence-external-incomplete", "pass.xml", "none: the baseline.", "none")

fixture("artifact-digest-missing", "fail.xml",
        "the device-log artifact art-auto-log has no sha256.", "artifact-digest-missing",
        [(AUTO_LOG_DIGEST, "")])
fixture("artifact-digest-missing", "pass.xml", "none: the baseline.", "none")

fixture("artifact-expired", "fail.xml",
        "the support-page capture art-support-page expired on 2026-05-04.", "artifact-expired",
        [(SUPPORT_PAGE_DATES, SUPPORT_PAGE_EXPIRED)])
fixture("artifact-expired", "pass.xml", "none: the baseline.", "none")
fixture("artifact-expired", "pass-same-day.xml",
        "the capture expires on 2026-06-01, the date of the check: it has not expired yet.",
        "none", [(SUPPORT_PAGE_DATES, 'collected="2025-12-01" expires="2026-06-01"')])

fixture("verdict-not-planned", "fail.xml",
        "a verdict is recorded for 5.3-14-1, whose provision the ICS marks N/A.",
        "verdict-not-planned", [(END_VERDICTS, verdict("5.3-14-1") + END_VERDICTS)])
fixture("verdict-not-planned", "pass.xml", "none: the baseline.", "none")

INCONCLUSIVE_NOTE = ("      <note>The support-period page could not be reached from the "
                     "laboratory's network on 2026-05-27.</note>\n")
fixture("verdict-indication-missing", "fail.xml",
        "an INCONCLUSIVE verdict for 5.3-13-2 with a note but no indication.",
        "verdict-indication-missing",
        [(END_VERDICTS, verdict("5.3-13-2", "INCONCLUSIVE", body=INCONCLUSIVE_NOTE)
          + END_VERDICTS)])
fixture("verdict-indication-missing", "fail-fail.xml",
        "a FAIL verdict for 5.3-12-1 without an indication (and the ICS still claims 5.3-12 Y).",
        "verdict-indication-missing, claim-laboratory-fail",
        [(END_VERDICTS, verdict("5.3-12-1", "FAIL") + END_VERDICTS)])
fixture("verdict-indication-missing", "pass.xml",
        "as fail.xml, with the indication.", "none",
        [(END_VERDICTS, verdict("5.3-13-2", "INCONCLUSIVE", body=INCONCLUSIVE_NOTE +
                                "      <indication>Unrestricted access to the published support "
                                "period could not be confirmed.</indication>\n")
          + END_VERDICTS)])

fixture("verdict-not-by-laboratory", "fail.xml",
        "the manufacturer (party role SO) recorded a verdict for 5.3-8-1 itself.",
        "verdict-not-by-laboratory",
        [(END_VERDICTS, verdict("5.3-8-1", by="so-halden") + END_VERDICTS)])
fixture("verdict-not-by-laboratory", "pass.xml",
        "as fail.xml, recorded by the test laboratory.", "none",
        [(END_VERDICTS, verdict("5.3-8-1") + END_VERDICTS)])

# etsi release carries a verdict with <carried-from release="OLD"/>
fixture("verdict-needs-review", "fail.xml",
        "the PASS verdict for 5.3-8-1 was carried from release 2.5.3 (etsi release) and the "
        "laboratory has not confirmed it for 2.6.0; it counts as not assessed.",
        "verdict-needs-review",
        [(END_VERDICTS, verdict("5.3-8-1", date="2026-02-11",
                                body='      <carried-from release="2.5.3"/>\n') + END_VERDICTS)])
fixture("verdict-needs-review", "pass.xml",
        "as fail.xml, confirmed for 2.6.0 by the test laboratory (reviewed-by, reviewed-on).",
        "none",
        [(END_VERDICTS, verdict("5.3-8-1", date="2026-02-11",
                                body='      <carried-from release="2.5.3" reviewed-by="tl-aurora" '
                                     'reviewed-on="2026-05-28"/>\n') + END_VERDICTS)])

fixture("public-claim-unsupported", "fail.xml",
        "the public statement claims conformance while most planned test cases have no verdict.",
        "public-claim-unsupported", [(STATEMENT_OPEN, STATEMENT_CLAIM)])
fixture("public-claim-unsupported", "fail-one-fail.xml",
        "conformance is claimed and every planned test case has a verdict, but 5.3-12-1 FAILed "
        "while the ICS still claims 5.3-12 Y.",
        "public-claim-unsupported, claim-laboratory-fail",
        all_verdicts({"5.3-12-1": verdict("5.3-12-1", "FAIL", body=(
            "      <indication>No warning was shown before the night-time restart.</indication>\n"
        ))}))
fixture("public-claim-unsupported", "fail-justification.xml",
        "conformance is claimed and every planned test case PASSed except the justification "
        "check 5.0-1-1, which has no verdict: the N/A recommendations 5.3-14, 5.3-15A and "
        "5.3-15B are not yet accepted.",
        "public-claim-unsupported", all_verdicts(skip=("5.0-1-1",)))
fixture("public-claim-unsupported", "fail-non-conformity.xml",
        "conformance is claimed and every planned test case PASSed, but the ICS declares "
        "5.3-13 (M) not met: a provision that fails on its own account.",
        "public-claim-unsupported, ics-mandatory-not-met",
        all_verdicts() + [(E_13, entry("5.3-13", "N", "Not met yet: the support-period page "
                                       "goes live with the support site relaunch on "
                                       "2026-06-15."))])
fixture("public-claim-unsupported", "pass.xml",
        "conformance is claimed and every planned test case has a PASS.", "none",
        all_verdicts())

# ---- claims against facts (claims.c) -------------------------------------------

VERIFY = '<verification where="device-before-install" by="comp-fw"/>'
SIGNATURE = '<crypto use="signature" alg="ECDSA" key-bits="256" hash="SHA-256"/>'
DIGEST = '<crypto use="digest" alg="SHA-256"/>'
KEY = '<verification-key location="protected-flash"/>'
TRANSPORT = '<transport server-authenticated="true" tls="1.3"/>'
ROLLBACK = '<anti-rollback kind="hardware-counter"/>'
AUTOMATION = '<automation default="opt-in-at-setup" user-can-disable="true" postpone="true"/>'
CHECK = ('<update-check at-boot="true" after-initialization="true" periodic="true" '
         'period="P1D" by="device"/>')
NOTICE = ('<notice security-updates="true" risks="true" disruption="announced" '
          'channel="companion-app" default="on" user-can-disable="true"/>')
TRUST_SIGNATURE = '<trust-relationship kind="signature">'
SUPPORT = '<support-period end="2032-03-31" stated="stated">'
PUBLIC_END = 'support-end="2032-03-31"'
SELF_PASS = '<result ref="5.3-9" outcome="PASS"'
BOOT = '<boot-verification verified="true" by="comp-rom"/>'
ROM_CARRIES = '<carries network-stack="false" operating-system="false" applications="false"/>'
VERDICT_7 = '<verdict case="5.3-7-1" result="PASS" by="tl-aurora" date="2026-05-19">'
E_13_DETAIL = "Support period (until 31 March 2032) published"
EDITIONS_V3 = '<editions en303645="3.1.3" ts103701="2.1.1"/>'


def facts(*pairs):
    """Replacements of the baselines' typed facts."""
    return list(pairs)


fixture("edition-pairing-unusual", "fail.xml",
        "the dossier pairs EN 303 645 V3.1.3 with TS 103 701 V1.1.1, as some published "
        "self-assessments do; the catalog opens with V1.1.1's test cases.",
        "edition-pairing-unusual",
        [(EDITIONS_V3, EDITIONS_V3.replace("2.1.1", "1.1.1"))])
fixture("edition-pairing-unusual", "pass.xml",
        "the baseline: EN 303 645 V3.1.3 with TS 103 701 V2.1.1.", "none")

fixture("claim-verification-absent", "fail.xml",
        "the mechanism records that its updates are not verified at all (where=none), while "
        "5.3-2, 5.3-9 and 5.3-10 are claimed Y.",
        "claim-verification-absent",
        facts((VERIFY, '<verification where="none"/>')))
fixture("claim-verification-absent", "pass.xml",
        "where the mechanism verifies updates is recorded as unknown: an open question that "
        "marks the test cases of 5.3-2, 5.3-9 and 5.3-10 at risk, never an error.",
        "none",
        facts((VERIFY, '<verification where="unknown"/>')))

fixture("claim-verification-off-device", "fail.xml",
        "only the server or the transport verifies updates (where=server-or-transport), while "
        "5.3-2, 5.3-9 and 5.3-10 are claimed Y.",
        "claim-verification-off-device",
        facts((VERIFY, '<verification where="server-or-transport"/>')))
fixture("claim-verification-off-device", "fail-update-client.xml",
        "V2.1.1: only the companion app verifies updates (where=update-client).",
        "claim-verification-off-device",
        facts((VERIFY, '<verification where="update-client"/>')), base="v2")
fixture("claim-verification-off-device", "pass.xml",
        "the baseline: the device verifies each update before installing it.", "none")

fixture("claim-verification-after-install", "fail.xml",
        "the device verifies updates only when it boots (where=device-at-boot), while 5.3-9 "
        "is claimed Y.",
        "claim-verification-after-install",
        facts((VERIFY, '<verification where="device-at-boot" by="comp-rom"/>')))
fixture("claim-verification-after-install", "pass.xml",
        "the baseline: verified before installation.", "none")

fixture("claim-channel-only", "fail.xml",
        "the trust relationship is an authenticated channel and the mechanism records no "
        "signature, while 5.3-9 is claimed Y.",
        "claim-channel-only",
        facts((TRUST_SIGNATURE, '<trust-relationship kind="authenticated-channel">'),
              ("      " + SIGNATURE + "\n", "")))
fixture("claim-channel-only", "pass.xml",
        "the same channel, with the signature recorded: 5.3-9 rests on the signature.",
        "none",
        facts((TRUST_SIGNATURE, '<trust-relationship kind="authenticated-channel">')))

BYPASS = ('\n      <other-install-path kind="debug-interface" verifies="{}">SWD port on the '
          'main board, reachable with the front cover off.</other-install-path>')
fixture("claim-verification-bypassed", "fail.xml",
        "the main firmware also takes software through an unlocked SWD port that skips the "
        "signature check, while 5.3-2 and 5.3-9 are claimed Y.",
        "claim-verification-bypassed",
        facts((BOOT, BOOT + BYPASS.format("false"))))
fixture("claim-verification-bypassed", "pass.xml",
        "the same port, recorded as verifying what it installs.",
        "none",
        facts((BOOT, BOOT + BYPASS.format("true"))))
fixture("claim-verification-bypassed", "pass-unknown.xml",
        "the same port, whether it verifies unknown: an open question, not an error.",
        "none",
        facts((BOOT, BOOT + BYPASS.format("unknown"))))

fixture("claim-transport-unauthenticated", "fail.xml",
        "the trust relationship is an authenticated channel, but the transport does not "
        "authenticate the server, while 5.3-10 is claimed Y.",
        "claim-transport-unauthenticated",
        facts((TRUST_SIGNATURE, '<trust-relationship kind="authenticated-channel">'),
              (TRANSPORT, '<transport server-authenticated="false" tls="1.3"/>')))
fixture("claim-transport-unauthenticated", "pass.xml",
        "the same channel with the server authenticated.",
        "none",
        facts((TRUST_SIGNATURE, '<trust-relationship kind="authenticated-channel">')))

fixture("claim-key-writable", "fail.xml",
        "the verification key lives in writable storage, while 5.3-9 is claimed Y.",
        "claim-key-writable",
        facts((KEY, '<verification-key location="writable-storage"/>')))
fixture("claim-key-writable", "pass.xml",
        "the key in a secure element.", "none",
        facts((KEY, '<verification-key location="secure-element"/>')))

fixture("claim-crypto-weak", "fail.xml",
        "the manifest is signed with RSA-1024, while 5.3-7 is claimed Y.",
        "claim-crypto-weak",
        facts((SIGNATURE, '<crypto use="signature" alg="RSA" key-bits="1024" hash="SHA-256"/>')))
fixture("claim-crypto-weak", "fail-md5.xml",
        "the images are digested with MD5.", "claim-crypto-weak",
        facts((DIGEST, '<crypto use="digest" alg="MD5"/>')))
fixture("claim-crypto-weak", "fail-sha1-signature.xml",
        "V2.1.1: the signature hashes with SHA-1.", "claim-crypto-weak",
        facts((SIGNATURE, SIGNATURE.replace("SHA-256", "SHA-1"))), base="v2")
fixture("claim-crypto-weak", "fail-tls.xml",
        "the transport is TLS 1.1.", "claim-crypto-weak",
        facts((TRANSPORT, '<transport server-authenticated="true" tls="1.1"/>')))
fixture("claim-crypto-weak", "pass.xml",
        "RSA with a 3072-bit key.", "none",
        facts((SIGNATURE, '<crypto use="signature" alg="RSA-PSS" key-bits="3072" '
                          'hash="SHA-256"/>')))
fixture("claim-crypto-weak", "pass-unlisted.xml",
        "a signature algorithm the crypto policy does not list: an open question for the "
        "laboratory, not an error.", "none",
        facts((SIGNATURE, '<crypto use="signature" alg="SM2" key-bits="256" hash="SM3"/>')))

ENCRYPTION = '\n      <crypto use="encryption" alg="AES-128-CBC" key-bits="128" authenticated="{}"/>'
fixture("claim-crypto-legacy", "fail.xml",
        "images are also encrypted with AES-128-CBC without authentication (integrity rests "
        "on the signature): a warning, libetsi's judgement.",
        "claim-crypto-legacy",
        facts((DIGEST, DIGEST + ENCRYPTION.format("false"))))
fixture("claim-crypto-legacy", "pass.xml",
        "the same encryption, authenticated.", "none",
        facts((DIGEST, DIGEST + ENCRYPTION.format("true"))))

fixture("claim-rollback-unprotected", "fail.xml",
        "the mechanism records no anti-rollback, while 5.3-2 is claimed Y.",
        "claim-rollback-unprotected",
        facts((ROLLBACK, '<anti-rollback kind="none"/>')))
fixture("claim-rollback-unprotected", "pass.xml",
        "a version check.", "none",
        facts((ROLLBACK, '<anti-rollback kind="version-check"/>')))

fixture("claim-automatic-contradicted", "fail.xml",
        "automatic updates are off after setup and the user is not asked, while 5.3-4B is "
        "claimed Y.",
        "claim-automatic-contradicted",
        facts((AUTOMATION, AUTOMATION.replace("opt-in-at-setup", "off"))))
fixture("claim-automatic-contradicted", "fail-v2.xml",
        "V2.1.1: automatic updates are off by default, while 5.3-4 and 5.3-6 are claimed Y.",
        "claim-automatic-contradicted, claim-default-off",
        facts((AUTOMATION, AUTOMATION.replace("opt-in-at-setup", "off"))), base="v2")
fixture("claim-automatic-contradicted", "pass.xml",
        "automatic updates preselected on during setup (opt-out).", "none",
        facts((AUTOMATION, AUTOMATION.replace("opt-in-at-setup", "opt-out-at-setup"))))

fixture("claim-default-off", "fail.xml",
        "V2.1.1: update notifications are off in the initialized state, while 5.3-6 is "
        "claimed Y.",
        "claim-default-off",
        facts((NOTICE, NOTICE.replace('default="on"', 'default="off"'))), base="v2")
fixture("claim-default-off", "pass.xml",
        "V3.1.3, the same default: 5.3-6B does not ask for notifications to be on by "
        "default.",
        "none",
        facts((NOTICE, NOTICE.replace('default="on"', 'default="off"'))))

fixture("claim-user-control-missing", "fail.xml",
        "the user cannot postpone automatic updates, while 5.3-6A is claimed Y.",
        "claim-user-control-missing",
        facts((AUTOMATION, AUTOMATION.replace('postpone="true"', 'postpone="false"'))))
fixture("claim-user-control-missing", "fail-notice.xml",
        "the user cannot switch notifications off, while 5.3-6B is claimed Y.",
        "claim-user-control-missing",
        facts((NOTICE, NOTICE.replace('user-can-disable="true"', 'user-can-disable="false"'))))
fixture("claim-user-control-missing", "pass.xml",
        "whether updates can be postponed is unknown: an open question.", "none",
        facts((AUTOMATION, AUTOMATION.replace('postpone="true"', 'postpone="unknown"'))))

fixture("claim-check-unscheduled", "fail.xml",
        "the mechanism never looks for updates by itself, while 5.3-5 is claimed Y.",
        "claim-check-unscheduled",
        facts((CHECK, '<update-check at-boot="false" after-initialization="false" '
                      'periodic="false"/>')))
fixture("claim-check-unscheduled", "fail-v2.xml",
        "V2.1.1: checks after setup, but not periodically.", "claim-check-unscheduled",
        facts((CHECK, '<update-check at-boot="true" after-initialization="true" '
                      'periodic="false" by="device"/>')), base="v2")
fixture("claim-check-unscheduled", "pass.xml",
        "V3.1.3 lets an associated service do the check after initialization.", "none",
        facts((CHECK, '<update-check after-initialization="true" periodic="true" '
                      'period="P1D" by="associated-service"/>')))
fixture("claim-check-unscheduled", "pass-unknown.xml",
        "no update-check recorded: an open question, not an error.", "none",
        facts(("      " + CHECK + "\n", "")))

fixture("claim-notice-missing", "fail.xml",
        "the app does not tell users which risks a security update mitigates, while 5.3-11 "
        "is claimed Y.",
        "claim-notice-missing",
        facts((NOTICE, NOTICE.replace('risks="true"', 'risks="false"'))))
fixture("claim-notice-missing", "pass.xml",
        "whether risks are named is unknown: an open question.", "none",
        facts((NOTICE, NOTICE.replace('risks="true"', 'risks="unknown"'))))

fixture("claim-disruption-unannounced", "fail.xml",
        "updates that pause heating are installed without notice, while 5.3-12 is claimed Y.",
        "claim-disruption-unannounced",
        facts((NOTICE, NOTICE.replace('disruption="announced"', 'disruption="not-announced"'))))
fixture("claim-disruption-unannounced", "pass.xml",
        "updates never disrupt basic functioning.", "none",
        facts((NOTICE, NOTICE.replace('disruption="announced"', 'disruption="never-disrupts"'))))

fixture("support-period-unstated", "fail.xml",
        "2-UserInfo records that no support period is stated, while 5.3-13 is claimed Y.",
        "support-period-unstated",
        facts((SUPPORT, '<support-period stated="not-stated">'),
              (" " + PUBLIC_END, "")))
fixture("support-period-unstated", "pass.xml", "the baseline: stated, ending 2032-03-31.",
        "none")

fixture("support-period-ended", "fail.xml",
        "the support period ended on 2026-03-31, before the check (2026-06-01).",
        "support-period-ended",
        facts((SUPPORT, SUPPORT.replace("2032", "2026")),
              (PUBLIC_END, PUBLIC_END.replace("2032", "2026")),
              (E_13_DETAIL, E_13_DETAIL.replace("2032", "2026"))))
fixture("support-period-ended", "pass.xml", "the baseline: it ends on 2032-03-31.", "none")

fixture("support-period-mismatch", "fail.xml",
        "the public statement says the support period ends on 2031-12-31, 2-UserInfo says "
        "2032-03-31.",
        "support-period-mismatch",
        facts((PUBLIC_END, 'support-end="2031-12-31"')))
fixture("support-period-mismatch", "pass.xml", "the baseline: both say 2032-03-31.", "none")

fixture("support-period-detail-differs", "fail.xml",
        "the ICS detail of 5.3-13 says 31 March 2031, 2-UserInfo 2032-03-31 (a warning: the "
        "date is read from prose).",
        "support-period-detail-differs",
        facts((E_13_DETAIL, E_13_DETAIL.replace("2032", "2031"))))
fixture("support-period-detail-differs", "pass.xml",
        "the same detail with an ISO date that matches.", "none",
        facts((E_13_DETAIL, "Support period (until 2032-03-31) published")))

fixture("no-update-reason-contradicted", "fail.xml",
        "the mask-ROM loader, declared immutable for security, is recorded as carrying a "
        "network stack (a warning: libetsi's judgement).",
        "no-update-reason-contradicted",
        facts((ROM_CARRIES, ROM_CARRIES.replace('network-stack="false"',
                                                'network-stack="true"'))))
fixture("no-update-reason-contradicted", "pass.xml", "the baseline: it carries nothing.",
        "none")

fixture("immutable-successor-unverified", "fail.xml",
        "the immutable boot ROM starts the main firmware without verifying it.",
        "immutable-successor-unverified",
        facts((BOOT, BOOT.replace('verified="true"', 'verified="false"'))))
fixture("immutable-successor-unverified", "pass.xml",
        "whether the boot ROM verifies it is unknown: no finding.", "none",
        facts((BOOT, BOOT.replace('verified="true"', 'verified="unknown"'))))

fixture("claim-self-assessed-fail", "fail.xml",
        "the supplier's own self-assessment records FAIL for 5.3-9, while the ICS claims Y.",
        "claim-self-assessed-fail",
        facts((SELF_PASS, SELF_PASS.replace("PASS", "FAIL"))))
fixture("claim-self-assessed-fail", "fail-case.xml",
        "the same, recorded against test case 5.3-9-1.", "claim-self-assessed-fail",
        facts((SELF_PASS, '<result ref="5.3-9-1" outcome="FAIL"')))
fixture("claim-self-assessed-fail", "pass.xml", "the baseline: the supplier records PASS.",
        "none")

fixture("claim-laboratory-fail", "fail.xml",
        "the laboratory recorded FAIL for 5.3-7-1, while the ICS claims 5.3-7 Y (a warning: "
        "the outcome already carries the FAIL).",
        "claim-laboratory-fail",
        facts((VERDICT_7, VERDICT_7.replace("PASS", "FAIL") +
               "\n      <indication>The manifest signature key is 1024-bit RSA on units "
               "from the first production lot.</indication>")))
fixture("claim-laboratory-fail", "pass.xml", "the baseline: PASS.", "none")


# ---- the evidence in depth (evidence_rules.c) ------------------------------------

SHA_COVERAGE = 'sha256="1dbc191592fac8548dd7d38aef875630abbe9bb7849d47a3adb9827ffba29239"'
SHA_DESIGN = 'sha256="c32fa9cd8caa08f449fbdc8bf679c45bb3f06c26d1354f668725b9bdc44183aa"'
SHA_TRUST = 'sha256="b6c33762da08171e0d077d695438a23987bb401558feb0d3ffbc3f8af1cc0016"'
CRYPTO_SPEC_SIZE = 'size="402877"'
DESIGN_ARTIFACT_END = 'size="1204417" visibility="private"/>\n'
DESIGN_EXTERNAL = ('      <external assurance="basic">\n'
                   '        <issuer>Aurora Prüflabor GmbH</issuer>\n'
                   '        <scope>Design review of HCC-ARCH-07 rev 2 for the HST-400 firmware '
                   '2.6.0.</scope>\n'
                   '        <covers test-case="5.3-2-2" coverage="{coverage}"/>\n'
                   '      </external>\n')

fixture("evidence-too-broad", "fail.xml",
        "the update-coverage document (5.3-1) and the trust section (5.3-10) are filed with "
        "the digest of HCC-ARCH-07 rev 2, the only evidence for 5.3-2 too: one document is "
        "the only evidence for three provisions.",
        "evidence-too-broad",
        [(SHA_COVERAGE, SHA_DESIGN), (SHA_TRUST, SHA_DESIGN)])
fixture("evidence-too-broad", "pass.xml",
        "the trust section alone shares the design document's digest: two provisions.",
        "none", [(SHA_TRUST, SHA_DESIGN)])

fixture("evidence-stale", "fail.xml",
        "the support-period page was captured on 2025-04-04, 403 days before release 2.6.0 "
        "(2026-05-12).",
        "evidence-stale",
        [(SUPPORT_PAGE_DATES, 'collected="2025-04-04" expires="2026-11-04"')])
fixture("evidence-stale", "pass.xml",
        "the baseline: captured on 2026-05-04, eight days before the release.", "none")

fixture("evidence-stale", "fail-verdict.xml",
        "the PASS on 5.3-16-1 is dated 2025-04-20, 387 days before release 2.6.0 "
        "(2026-05-12): of an earlier build.",
        "evidence-stale",
        [('<verdict case="5.3-16-1" result="PASS" by="tl-aurora" date="2026-05-20">',
          '<verdict case="5.3-16-1" result="PASS" by="tl-aurora" date="2025-04-20">')])

fixture("evidence-collected-after-verdict", "fail.xml",
        "the crypto specification cited by the verdict on 5.3-7-1 (2026-05-19) was "
        "collected on 2026-05-25.",
        "evidence-collected-after-verdict",
        [(CRYPTO_SPEC_SIZE, CRYPTO_SPEC_SIZE + ' collected="2026-05-25"')])
fixture("evidence-collected-after-verdict", "pass.xml",
        "as fail.xml, collected on 2026-05-18, the day before the verdict.", "none",
        [(CRYPTO_SPEC_SIZE, CRYPTO_SPEC_SIZE + ' collected="2026-05-18"')])

fixture("evidence-external-missing", "fail.xml",
        "the HSM's FIPS 140-3 certificate is filed without its external block.",
        "evidence-external-missing", [(EXTERNAL, "")])
fixture("evidence-external-missing", "pass.xml",
        "none: the baseline (the certificate states issuer, scope, assurance and covers).",
        "none")

fixture("external-covers-other-provision", "fail.xml",
        "the HSM certificate, filed under 5.3-7, covers test case 5.3-9-1 of 5.3-9.",
        "external-covers-other-provision",
        [(EXTERNAL_COVERS, EXTERNAL_COVERS.replace("5.3-7-1", "5.3-9-1"))])
fixture("external-covers-other-provision", "pass.xml",
        "none: the baseline (it covers 5.3-7-1).", "none")

fixture("external-full-by-document", "fail.xml",
        "the laboratory's review of the design document (5.3-2) is recorded as external "
        "evidence with full coverage of 5.3-2-2, a functional test case.",
        "external-full-by-document",
        [(DESIGN_ARTIFACT_END,
          DESIGN_ARTIFACT_END + DESIGN_EXTERNAL.format(coverage="full"))])
fixture("external-full-by-document", "pass.xml",
        "as fail.xml, with partial coverage.", "none",
        [(DESIGN_ARTIFACT_END,
          DESIGN_ARTIFACT_END + DESIGN_EXTERNAL.format(coverage="partial"))])

HSM_DATES = 'collected="2025-09-30" expires="2028-09-30"'
HSM_ISSUER = "        <issuer>Cryptographic Module Validation Program</issuer>\n"

fixture("certificate-incomplete", "fail.xml",
        "the HSM's FIPS 140-3 certificate does not say when it was collected.",
        "certificate-incomplete", [(HSM_DATES, 'expires="2028-09-30"')])
fixture("certificate-incomplete", "fail-issuer-expiry.xml",
        "the certificate's external block names no issuer and its artifact no expiry.",
        "certificate-incomplete", [(HSM_ISSUER, ""), (HSM_DATES, 'collected="2025-09-30"')])
fixture("certificate-incomplete", "pass.xml",
        "the certificate states its issuer, collected 2024-09-30 and expires 2028-09-30: "
        "collected more than 365 days before the release, it is not stale either, as its "
        "expiry decides.", "none", [(HSM_DATES, 'collected="2024-09-30" expires="2028-09-30"')])

CLAIM_DATE = 'date="2026-05-29">'
OPEN_END = 'support-end="2032-03-31">'

fixture("public-claim-scope-exceeds", "fail.xml",
        "conformance is claimed, every planned test case has a PASS, but the statement's "
        "scope is EN 303 645 as a whole (scope=\"en-303-645\").",
        "public-claim-scope-exceeds",
        all_verdicts() + [(CLAIM_DATE, 'date="2026-05-29" scope="en-303-645">')])
fixture("public-claim-scope-exceeds", "pass.xml",
        "as fail.xml, with scope=\"clause-5.3\".", "none",
        all_verdicts() + [(CLAIM_DATE, 'date="2026-05-29" scope="clause-5.3">')])

fixture("public-claim-mismatch", "fail.xml",
        "the public statement names EN 303 645 V2.1.1, the dossier is assessed against "
        "V3.1.3.",
        "public-claim-mismatch",
        [(OPEN_END, 'support-end="2032-03-31" edition="2.1.1">')])
fixture("public-claim-mismatch", "fail-version.xml",
        "the public statement names software version 2.5.3, the DUT runs 2.6.0.",
        "public-claim-mismatch",
        [(OPEN_END, 'support-end="2032-03-31" software-version="2.5.3">')])
fixture("public-claim-mismatch", "fail-date.xml",
        "conformance is claimed on 2026-05-01, before the first verdict it rests on "
        "(2026-05-19).",
        "public-claim-mismatch",
        all_verdicts() + [(CLAIM_DATE, 'date="2026-05-01">')])
fixture("public-claim-mismatch", "pass.xml",
        "the statement names V3.1.3 and software version 2.6.0, as the dossier does.", "none",
        [(OPEN_END, 'support-end="2032-03-31" edition="3.1.3" software-version="2.6.0">')])

VERIFICATION_TESTS_REF = ('<evidence-ref ref="ev-verification-tests"/>\n    </verdict>\n'
                          '    <verdict case="5.3-7-1"')
VERIFICATION_TESTS_ARTIFACT = ('size="655210" visibility="private"/>\n    </evidence>\n'
                               '    <evidence id="ev-trust"')
VERIFICATION_TESTS_EXTERNAL = (
    'size="655210" visibility="private"/>\n'
    '      <external assurance="substantial">\n'
    '        <issuer>Aurora Test Laboratory</issuer>\n'
    '        <scope>{scope}</scope>\n'
    '        <covers test-case="5.3-9-2" coverage="partial"/>\n'
    '      </external>\n    </evidence>\n    <evidence id="ev-trust"')
VERIFICATION_TESTS_VERSION = 'TR-0611-update-verification.pdf" media-type="application/pdf"'

fixture("verdict-functional-conceptual-only", "fail.xml",
        "the PASS on 5.3-2-2, a functional test case, cites the update design document "
        "(conceptual) instead of the verification test report.",
        "verdict-functional-conceptual-only",
        [(VERIFICATION_TESTS_REF,
          VERIFICATION_TESTS_REF.replace("ev-verification-tests", "ev-update-design"))])
fixture("verdict-functional-conceptual-only", "pass.xml",
        "none: the baseline (the PASS on 5.3-2-2 cites the verification test report, "
        "functional evidence).", "none")

fixture("external-scope-unmatched", "fail.xml",
        "the verification test report is external evidence from the laboratory covering "
        "5.3-9-2 (functional), and its scope names neither the product nor a version.",
        "external-scope-unmatched",
        [(VERIFICATION_TESTS_ARTIFACT, VERIFICATION_TESTS_EXTERNAL.format(
            scope="Update verification tests of the thermostat."))])
fixture("external-scope-unmatched", "fail-no-version.xml",
        "as fail.xml, the scope names the product but no software version.",
        "external-scope-unmatched",
        [(VERIFICATION_TESTS_ARTIFACT, VERIFICATION_TESTS_EXTERNAL.format(
            scope="Update verification tests of the HST-400 thermostat."))])
fixture("external-scope-unmatched", "pass.xml",
        "as fail.xml, the scope names the HST-400 and firmware 2.6.0.", "none",
        [(VERIFICATION_TESTS_ARTIFACT, VERIFICATION_TESTS_EXTERNAL.format(
            scope="Update verification tests of the HST-400 thermostat, firmware 2.6.0."))])

fixture("evidence-version-mismatch", "fail.xml",
        "the verification test report records that it tested software version 2.5.3; the "
        "DUT runs 2.6.0.",
        "evidence-version-mismatch",
        [(VERIFICATION_TESTS_VERSION,
          VERIFICATION_TESTS_VERSION + ' software-version="2.5.3"')])
fixture("evidence-version-mismatch", "pass.xml",
        "the report records software version 2.6.0, the DUT's.", "none",
        [(VERIFICATION_TESTS_VERSION,
          VERIFICATION_TESTS_VERSION + ' software-version="2.6.0"')])

fixture("ixit-mechanism-input-missing", "fail-placeholder.xml",
        "the 7-UpdMech row um-ota gives \"n/a\" as its cryptographic-details: a "
        "placeholder is not a value.",
        "ixit-mechanism-input-missing",
        [(CRYPTO_DETAILS, "      <cryptographic-details>n/a</cryptographic-details>\n")])


fixture("waiver-unknown-rule", "fail.xml",
        "a waiver for the expired support-page capture names the rule \"artifact-expiry\" "
        "(a typo), so it waives nothing.",
        "waiver-unknown-rule, artifact-expired",
        [(SUPPORT_PAGE_DATES, SUPPORT_PAGE_EXPIRED),
         waiver("wv-support-capture", "artifact-expiry", "art-support-page", "2026-07-31",
                CAPTURE_WAIVER_TEXT)])
fixture("waiver-unknown-rule", "pass.xml",
        "as fail.xml, with the rule id corrected: the expired artifact is waived.",
        "artifact-expired (waived)",
        [(SUPPORT_PAGE_DATES, SUPPORT_PAGE_EXPIRED),
         waiver("wv-support-capture", "artifact-expired", "art-support-page", "2026-07-31",
                CAPTURE_WAIVER_TEXT)])

fixture("waiver-expired", "fail.xml",
        "the support-page capture has expired, and its waiver expired on 2026-05-31: the "
        "finding counts again.",
        "waiver-expired, artifact-expired",
        [(SUPPORT_PAGE_DATES, SUPPORT_PAGE_EXPIRED),
         waiver("wv-support-capture", "artifact-expired", "art-support-page", "2026-05-31",
                CAPTURE_WAIVER_TEXT)])
fixture("waiver-expired", "pass.xml",
        "as fail.xml, with the waiver renewed until 2026-07-31: the artifact-expired finding "
        "(an error) is waived by element id and the check exits 0.",
        "artifact-expired (waived)",
        [(SUPPORT_PAGE_DATES, SUPPORT_PAGE_EXPIRED),
         waiver("wv-support-capture", "artifact-expired", "art-support-page", "2026-07-31",
                CAPTURE_WAIVER_TEXT)])

fixture("waiver-unused", "fail.xml",
        "a waiver of ixit-procedure-input-missing for 5.3-8, while the confirmation of update "
        "procedures is given: it matches no finding.",
        "waiver-unused",
        [waiver("wv-conf-5.3-8", "ixit-procedure-input-missing", "5.3-8", "2026-06-30",
                CONF_WAIVER_TEXT)])
fixture("waiver-unused", "pass.xml",
        "as fail.xml, with the confirmation not yet given: the finding for 5.3-8 is waived by "
        "its provision (the finding has no element id).",
        "ixit-procedure-input-missing (waived)",
        [(CONFIRMATION, CONFIRMATION.replace('confirmed="true"', 'confirmed="false"')),
         waiver("wv-conf-5.3-8", "ixit-procedure-input-missing", "5.3-8", "2026-06-30",
                CONF_WAIVER_TEXT)])


# ---- writing -------------------------------------------------------------------

COMMENT = re.compile(r"<!--.*?-->", re.S)


def comment(rule, base, change, expect, bug):
    lines = [f"Fixture for the rule {rule} (docs/rules.md), run by",
             "tests/cli/test_rules.py with the date of the check 2026-06-01.",
             f"Based on {BASES[base][0]} ({BASES[base][1]}).", ""]
    body = []
    for label, text in (("Change:", change), ("expect:", expect), ("bug:", bug)):
        if text:
            body += textwrap.wrap(f"{label} {text}", 76, subsequent_indent="  ",
                                  break_on_hyphens=False, break_long_words=False)
    body += ["", "Generated by make_fixtures.py: edit that script, not this file."]
    text = "\n".join("  " + line if line else "" for line in lines + body)
    assert "--" not in text, text
    return "<!--\n" + text + "\n-->"


def build(rule, name, change, expect, edits, base, bug):
    text = (HERE / BASES[base][0]).read_text()
    text = COMMENT.sub(lambda m: comment(rule, base, change, expect, bug), text, count=1)
    for old, new in edits:
        count = text.count(old)
        if count != 1:
            sys.exit(f"{rule}/{name}: {count} matches for {old[:70]!r}")
        text = text.replace(old, new)
    return text


def main():
    rules = set()
    for rule, name, change, expect, edits, base, bug in FIXTURES:
        rules.add(rule)
        directory = HERE / rule
        directory.mkdir(exist_ok=True)
        (directory / name).write_text(build(rule, name, change, expect, edits, base, bug))
    print(f"wrote {len(FIXTURES)} fixtures for {len(rules)} rules")


if __name__ == "__main__":
    main()
