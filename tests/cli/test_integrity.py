"""Tests of etsi migrate, sign, verify, digest and catalog --diff: output,
files written, exit statuses, and interoperability with the xmlsec1 tool in
both directions.  Keys are made with openssl for each run, never committed.

Run through ctest, which sets ETSI_CLI and ETSI_SOURCE_DIR.
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import unittest

CLI = os.environ["ETSI_CLI"]
SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])
EXAMPLES = SOURCE / "examples" / "dossiers"
SENSOR = EXAMPLES / "constrained-sensor-v2.xml"
CAMERA = EXAMPLES / "smart-camera-v3.xml"
EVERY_SPLIT = SOURCE / "tests" / "data" / "migrate" / "every-split-v2.xml"
XMLSEC1 = shutil.which("xmlsec1")
OPENSSL = shutil.which("openssl")


def etsi(*args, cwd=None):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="etsi-integrity-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)


class Keys(TempDirTest):
    """Makes an RSA and an EC key with self-signed certificates."""

    def setUp(self):
        super().setUp()
        # a dependency (scripts/install-deps.sh), not an option: never skipped
        self.assertIsNotNone(OPENSSL, "the openssl tool is needed to make the test keys")
        for name, spec in (("rsa", ["-newkey", "rsa:2048"]),
                           ("ec", ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"])):
            subprocess.run([OPENSSL, "req", "-x509", *spec, "-nodes", "-keyout",
                            self.tmp / f"{name}.key", "-out", self.tmp / f"{name}.crt",
                            "-days", "2", "-subj", f"/CN=cli {name} signer"],
                           check=True, capture_output=True)

    def sign(self, source=CAMERA, kind="rsa", name="signed.xml"):
        out = self.tmp / name
        r = etsi("sign", source, "--key", self.tmp / f"{kind}.key",
                 "--cert", self.tmp / f"{kind}.crt", "-o", out, "--force")
        self.assertEqual(r.returncode, 0, r.stderr)
        return out


class Migrate(TempDirTest):
    def test_product_facts_carry_over_and_stay_unknown_where_unstated(self):
        # the typed facts describe the product, not the edition: migrate
        # keeps each one as it was, invents none, and the V3.1.3 rules read
        # them (an unstated fact stays an open question)
        source = SOURCE / "tests" / "data" / "rules" / "baseline-v2.xml"
        text = source.read_text(encoding="utf-8")
        text = text.replace('<anti-rollback kind="hardware-counter"/>', "")
        (self.tmp / "v2.xml").write_text(text, encoding="utf-8")
        out = self.tmp / "v3.xml"
        r = etsi("migrate", self.tmp / "v2.xml", "--to", "3.1.3", "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        facts = re.compile(r"<(?:verification|crypto|verification-key|transport|update-source|"
                           r"recovery|automation|update-check|notice|boot-verification|carries|"
                           r"anti-rollback)\b[^>]*>|<result [^>]*>")
        self.assertEqual(facts.findall(out.read_text(encoding="utf-8")), facts.findall(text))
        self.assertNotIn("<anti-rollback", out.read_text(encoding="utf-8"))
        ev = etsi("evaluate", "--format", "json", "--as-of", "2026-06-01", out)
        self.assertEqual(ev.returncode, 0, ev.stderr)
        questions = json.loads(ev.stdout)["open_questions"]
        self.assertEqual([(q["fact"], q["provisions"]) for q in questions],
                         [("mechanism 'mech-ota' anti-rollback", "5.3-2")])

    def test_constrained_sensor(self):
        out = self.tmp / "sensor-v3.xml"
        before = SENSOR.read_bytes()
        r = etsi("migrate", SENSOR, "--to", "3.1.3", "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(SENSOR.read_bytes(), before)  # the input is untouched
        self.assertIn("EN 303 645 V2.1.1 (TS 103 701 V1.1.1) -> ", r.stdout)
        for section in ("Moved (", "To decide again or review (", "Dropped ("):
            self.assertIn(section, r.stdout)
        self.assertRegex(r.stdout, r"warning\[split\] 5\.3-15: ICS entry 5\.3-15 .* 5\.3-15A")
        self.assertRegex(r.stdout, r"warning\[dropped\] 5\.3-15-1: verdict PASS")
        self.assertRegex(r.stdout, r"hint: the laboratory tests 5\.0-1-1 instead")
        self.assertRegex(r.stdout, r"warning\[review\] 5\.3-16: ")
        v = etsi("validate", out)
        self.assertEqual(v.returncode, 0, v.stdout + v.stderr)
        self.assertIn("V3.1.3", v.stdout)
        c = etsi("check", "--as-of", "2026-11-26", out)
        self.assertEqual(c.returncode, 1)  # what a person must do is open
        self.assertIn("evidence-needs-review", c.stdout)
        self.assertIn("5.3-15A", c.stdout)

    def test_verdicts_of_another_ts_edition_wait_for_confirmation(self):
        # 5.3-13's provision is unchanged, but its verdicts were given under
        # TS 103 701 V1.1.1: the same test case id in V2.1.1 is not known to
        # be the same test, so none counts towards a claim until confirmed
        out = self.tmp / "sensor-v3.xml"
        r = etsi("migrate", SENSOR, "--to", "3.1.3", "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("kept: the test case is the same", r.stdout)
        for case in ("5.3-13-1", "5.3-13-2"):
            self.assertRegex(r.stdout, rf"warning\[review\] {re.escape(case)}: verdict PASS of "
                                       rf"{re.escape(case)} kept, given under TS 103 701 V1\.1\.1")
        text = out.read_text()
        self.assertRegex(text, r'<verdict case="5\.3-13-1"[^>]*migration:action="review"')
        c = etsi("check", "--as-of", "2026-11-26", out)
        self.assertIn("verdict-needs-review", c.stdout)
        o = etsi("outcomes", "--as-of", "2026-11-26", out)
        self.assertRegex(o.stdout, r"5\.3-13 .*NOT ASSESSED .*5\.3-13-1 NOT ASSESSED, "
                                   r"5\.3-13-2 NOT ASSESSED")

    def test_every_split_quiet(self):
        out = self.tmp / "every-v3.xml"
        r = etsi("migrate", EVERY_SPLIT, "--to", "3.1.3", "-o", out, "-q")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("Moved (", r.stdout)
        self.assertRegex(r.stdout, r"warning\[proposed\] 5\.3-2: prevents-update-mechanism="
                                   r"\"false\" proposed")
        for gone in ("4-1-1", "5.3-4-1", "5.3-6-1", "5.3-6-2", "5.3-15-1", "5.3-15-2"):
            self.assertRegex(r.stdout, rf"warning\[dropped\] {re.escape(gone)}: verdict")
        text = out.read_text()
        self.assertIn('<entry provision="5.0-1" support="Y"', text)
        self.assertIn('id="ev-consent-4B"', text)
        self.assertIn('migration:action="proposed"', text)
        self.assertEqual(etsi("validate", out).returncode, 0)

    def test_standard_output_and_report_on_stderr(self):
        r = etsi("migrate", SENSOR, "--to", "3.1.3", "-o", "-")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(r.stdout.startswith("<?xml"))
        self.assertIn("To decide again or review", r.stderr)

    def test_usage_errors(self):
        out = self.tmp / "x.xml"
        self.assertEqual(etsi("migrate", SENSOR, "-o", out).returncode, 2)
        self.assertEqual(etsi("migrate", SENSOR, "--to", "3.1.3").returncode, 2)
        r = etsi("migrate", CAMERA, "--to", "3.1.3", "-o", out)
        self.assertEqual(r.returncode, 2)
        self.assertIn("later edition", r.stderr)
        self.assertEqual(etsi("migrate", SENSOR, "--to", "9.9.9", "-o", out).returncode, 2)
        out.write_text("keep")
        r = etsi("migrate", SENSOR, "--to", "3.1.3", "-o", out)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(out.read_text(), "keep")
        bad = SOURCE / "tests" / "data" / "schema-invalid" / "bad-date.xml"
        self.assertEqual(etsi("migrate", bad, "--to", "3.1.3", "-o", self.tmp / "y.xml")
                         .returncode, 1)

    def test_catalog_diff(self):
        r = etsi("catalog", "--diff", "2.1.1", "3.1.3")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, r"warning split +5\.3-4 \(R C \(12\)\) is void in V3\.1\.3, "
                                   r"split into\s+5\.3-4A")
        self.assertRegex(r.stdout, r"info +renumbered +4-1 -> 5\.0-1")
        self.assertRegex(r.stdout, r"warning applicability +5\.3-2: M C \(5\) -> M C \(15\)")
        self.assertRegex(r.stdout, r"warning wording +5\.3-16: M -> M")
        self.assertRegex(r.stdout, r"test-case-removed +test case 5\.3-15-2")
        self.assertEqual(etsi("catalog", "--diff", "2.1.1").returncode, 2)
        self.assertEqual(etsi("catalog", "--diff", "2.1.1", "9.9.9").returncode, 2)


class Sign(Keys):
    def test_sign_verify_rsa_and_ec(self):
        for kind in ("rsa", "ec"):
            with self.subTest(kind):
                out = self.sign(kind=kind, name=f"{kind}.xml")
                r = etsi("verify", out, "--cert", self.tmp / f"{kind}.crt")
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertIn(("RSA" if kind == "rsa" else "ECDSA") + "-SHA256 signature", r.stdout)
                self.assertEqual(etsi("validate", out).returncode, 0)
                q = etsi("verify", "-q", out, "--cert", self.tmp / f"{kind}.crt")
                self.assertEqual((q.returncode, q.stdout), (0, ""))

    def test_tampering(self):
        out = self.sign()
        text = out.read_text()
        cert = self.tmp / "rsa.crt"
        cases = {
            "dossier": text.replace('version="3.4.0"', 'version="3.4.1"', 1),
            "byte": text.replace("Kestrel Indoor Cam 3", "Kestrel Indoor Cam 4", 1),
            "signature": re.sub(r"(<ds:SignatureValue>)(.)",
                                lambda m: m.group(1) + ("B" if m.group(2) == "A" else "A"),
                                text, count=1),
            "removed": re.sub(r"  <ds:Signature .*</ds:Signature>\n", "", text, flags=re.S),
        }
        for name, changed in cases.items():
            with self.subTest(name):
                self.assertNotEqual(changed, text)
                f = self.tmp / f"{name}.xml"
                f.write_text(changed)
                r = etsi("verify", f, "--cert", cert)
                self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
                self.assertIn(f"{f}:", r.stderr)
        r = etsi("verify", out, "--cert", self.tmp / "ec.crt")
        self.assertEqual(r.returncode, 1)
        self.assertIn("not made with the given certificate's key", r.stderr)

    def test_encrypted_key_and_password_file(self):
        enc = self.tmp / "enc.key"
        subprocess.run([OPENSSL, "pkey", "-in", self.tmp / "ec.key", "-aes256", "-passout",
                        "pass:s3cret", "-out", enc], check=True, capture_output=True)
        good, bad = self.tmp / "good.txt", self.tmp / "bad.txt"
        good.write_text("s3cret\nsecond line is ignored\n")
        bad.write_text("wrong\n")
        out = self.tmp / "enc-signed.xml"
        args = ("sign", CAMERA, "--key", enc, "--cert", self.tmp / "ec.crt", "-o", out)
        for extra, status in (((), 2), (("--password-file", bad), 2),
                              (("--password-file", good), 0)):
            with self.subTest(extra=extra):
                r = etsi(*args, *extra)
                self.assertEqual(r.returncode, status, r.stderr)
                self.assertEqual(out.exists(), status == 0)
        r = etsi("verify", out, "--cert", self.tmp / "ec.crt")
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_survives_load_and_save(self):
        out = self.sign()
        again = self.tmp / "again.xml"
        # verdict re-recorded identically is a change; a plain re-save is not
        r = etsi("migrate", out, "--to", "3.1.3", "-o", again)  # refused: same edition
        self.assertEqual(r.returncode, 2)
        signed = out.read_bytes()
        r = etsi("sign", out, "--key", self.tmp / "rsa.key", "--cert", self.tmp / "rsa.crt",
                 "-o", again)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(again.read_bytes(), signed)  # signing is deterministic for RSA
        self.assertEqual(etsi("verify", again, "--cert", self.tmp / "rsa.crt").returncode, 0)

    def test_digest(self):
        out = self.sign()
        r = etsi("digest", CAMERA, out)
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        self.assertEqual(len(lines), 2)
        self.assertRegex(lines[0], rf"^[0-9a-f]{{64}}  {re.escape(str(CAMERA))}$")
        self.assertEqual(lines[0].split()[0], lines[1].split()[0])  # the signature is excluded
        self.assertEqual(etsi("digest").returncode, 2)
        self.assertEqual(etsi("digest", self.tmp / "missing.xml").returncode, 2)

    def test_sign_usage_errors(self):
        key, crt = self.tmp / "rsa.key", self.tmp / "rsa.crt"
        self.assertEqual(etsi("sign", CAMERA, "--key", key, "-o", self.tmp / "o.xml")
                         .returncode, 2)
        r = etsi("sign", CAMERA, "--key", key, "--cert", self.tmp / "ec.crt",
                 "-o", self.tmp / "o.xml")
        self.assertEqual(r.returncode, 2)
        self.assertIn("not the private key's", r.stderr)
        self.assertFalse((self.tmp / "o.xml").exists())
        self.assertEqual(etsi("verify", CAMERA).returncode, 2)
        r = etsi("verify", CAMERA, "--cert", crt)
        self.assertEqual(r.returncode, 1)
        self.assertIn("not signed", r.stderr)


class Interoperability(Keys):
    TEMPLATE = """<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">
    <SignedInfo>
      <CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
      <SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#{method}"/>
      <Reference URI="">
        <Transforms>
          <Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>
          <Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
        </Transforms>
        <DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>
        <DigestValue></DigestValue>
      </Reference>
    </SignedInfo>
    <SignatureValue/>
    <KeyInfo>
      <X509Data/>
    </KeyInfo>
  </Signature>
</dossier>"""

    def setUp(self):
        super().setUp()
        # installed with libxmlsec1 by scripts/install-deps.sh: never skipped
        self.assertIsNotNone(XMLSEC1, "the xmlsec1 tool is needed for the interoperability tests")

    def xmlsec1_verify(self, path, trust, cert):
        return subprocess.run([XMLSEC1, "--verify", trust, cert, "--enabled-reference-uris",
                               "empty", path], capture_output=True, text=True, timeout=60)

    def test_libetsi_signature_verifies_with_xmlsec1(self):
        for kind in ("rsa", "ec"):
            with self.subTest(kind):
                out = self.sign(kind=kind, name=f"{kind}.xml")
                cert = self.tmp / f"{kind}.crt"
                for trust in ("--pubkey-cert-pem", "--trusted-pem"):
                    r = self.xmlsec1_verify(out, trust, cert)
                    self.assertEqual(r.returncode, 0, r.stderr)
                    self.assertIn("OK", r.stdout + r.stderr)
                # xmlsec1 checks, too: a changed dossier or signature value fails
                text = out.read_text()
                changed = {
                    "dossier": text.replace("Kestrel Indoor Cam 3", "Kestrel Indoor Cam 4", 1),
                    "signature": re.sub(r"(<ds:SignatureValue>)(.)",
                                        lambda m: m.group(1) + ("B" if m.group(2) == "A"
                                                                else "A"), text, count=1),
                }
                for what, body in changed.items():
                    self.assertNotEqual(body, text, what)
                    f = self.tmp / f"{kind}-{what}.xml"
                    f.write_text(body)
                    r = self.xmlsec1_verify(f, "--pubkey-cert-pem", cert)
                    self.assertNotEqual(r.returncode, 0, f"{what}: {r.stdout}")
                    self.assertIn("FAIL", r.stdout + r.stderr)

    def test_xmlsec1_signature_verifies_with_libetsi(self):
        for kind, method in (("rsa", "rsa-sha256"), ("ec", "ecdsa-sha256")):
            with self.subTest(kind):
                tmpl = self.tmp / f"template-{kind}.xml"
                tmpl.write_text(CAMERA.read_text().replace(
                    "</dossier>", self.TEMPLATE.format(method=method)))
                out = self.tmp / f"xmlsec1-{kind}.xml"
                r = subprocess.run([XMLSEC1, "--sign", "--privkey-pem",
                                    f"{self.tmp / (kind + '.key')},{self.tmp / (kind + '.crt')}",
                                    "--output", out, tmpl],
                                   capture_output=True, text=True, timeout=60)
                self.assertEqual(r.returncode, 0, r.stderr)
                v = etsi("verify", out, "--cert", self.tmp / f"{kind}.crt")
                self.assertEqual(v.returncode, 0, v.stderr)
                self.assertIn("valid", v.stdout)
                # and a changed copy does not
                changed = self.tmp / f"xmlsec1-{kind}-changed.xml"
                changed.write_text(out.read_text().replace("KIC-300", "KIC-301", 1))
                self.assertEqual(etsi("verify", changed, "--cert", self.tmp / f"{kind}.crt")
                                 .returncode, 1)


if __name__ == "__main__":
    unittest.main()
