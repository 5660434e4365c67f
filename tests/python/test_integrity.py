"""Edition migration, signatures and digests from Python: Dossier.migrate,
Catalog.diff, Dossier.sign / signed / digest and etsi.verify, with the
exceptions each failure raises.  Keys are made with openssl for each run."""
import shutil
import subprocess
import unittest

from support import CAMERA, DATA, SENSOR, TempDirTestCase, etsi

OPENSSL = shutil.which("openssl")


class MigrateTest(unittest.TestCase):
    def test_sensor(self):
        with etsi.load(SENSOR) as old:
            new, report = old.migrate("3.1.3")
            with new:
                self.assertIsNone(new.path)
                self.assertEqual(new.header["en303645"], "3.1.3")
                self.assertEqual(new.header["ts103701"], "2.1.1")
                self.assertEqual(new.validate().errors, [])
                self.assertIsNone(new.find("ics-entry", "5.3-15"))
                entry = new.find("ics-entry", "5.3-15A")
                self.assertEqual(entry["support"], "Y")
                self.assertEqual(entry["carried-from"], "1.2.7")
                self.assertEqual(new.find("evidence", "ev-isolation-test-15B")["review"],
                                 "needs-review")
                self.assertIsNone(new.find("verdict", "5.3-15-1"))
                self.assertTrue(any(f.rule == "evidence-needs-review" for f in new.check()))
            # the old dossier is untouched
            self.assertEqual(old.header["en303645"], "2.1.1")
            self.assertIsNotNone(old.find("ics-entry", "5.3-15"))
        actions = {d.rule for d in report}
        self.assertTrue({"carried", "split", "re-decide", "review", "dropped", "cleared"}
                        <= actions, actions)
        self.assertTrue(all(d.severity in ("info", "warning") for d in report))
        split = [d for d in report.warnings if d.rule == "split" and d.element == "5.3-4A"]
        self.assertEqual(len(split), 1)
        self.assertEqual(split[0].reference, "5.3-4")

    def test_every_split_saves(self):
        with etsi.load(DATA / "migrate" / "every-split-v2.xml") as old:
            new, report = old.migrate("3.1.3")
        self.assertEqual(new.find("ics-entry", "5.0-1")["support"], "Y")
        self.assertEqual(new.dut["prevents-update-mechanism"], "false")
        self.assertTrue(any(d.rule == "proposed" for d in report))
        xml = new.to_xml()
        self.assertIn('xmlns:migration="urn:libetsi:migration:1"', xml)
        new.close()

    def test_errors(self):
        with etsi.load(CAMERA) as v3:
            with self.assertRaises(etsi.InvalidError):
                v3.migrate("3.1.3")
        with etsi.load(SENSOR) as v2:
            with self.assertRaises(etsi.UnsupportedError):
                v2.migrate("9.9.9")
            with self.assertRaises(etsi.InvalidError):
                v2.migrate(None)

    def test_catalog_diff(self):
        diff = etsi.catalog("2.1.1").diff(etsi.catalog("3.1.3"))
        by = {(d.rule, d.reference): d for d in diff}
        self.assertEqual(by[("split", "5.3-6")].element, "5.3-6A 5.3-6B")
        self.assertEqual(by[("renumbered", "4-1")].element, "5.0-1")
        self.assertEqual(by[("wording", "5.3-16")].severity, "warning")
        self.assertIn("test-case-removed", {d.rule for d in diff})
        with self.assertRaises(TypeError):
            etsi.catalog("2.1.1").diff("3.1.3")


class SignatureTest(TempDirTestCase):
    def setUp(self):
        super().setUp()
        # a dependency (scripts/install-deps.sh), not an option: never skipped
        self.assertIsNotNone(OPENSSL, "the openssl tool is needed to make the test keys")
        for name, spec in (("rsa", ["-newkey", "rsa:2048"]),
                           ("ec", ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"])):
            subprocess.run([OPENSSL, "req", "-x509", *spec, "-nodes",
                            "-keyout", self.tmp / f"{name}.key",
                            "-out", self.tmp / f"{name}.crt", "-days", "2",
                            "-subj", f"/CN=python {name}"], check=True, capture_output=True)

    def test_sign_save_verify(self):
        with etsi.load(CAMERA) as d:
            self.assertFalse(d.signed)
            digest = d.digest()
            d.sign(self.tmp / "ec.key", self.tmp / "ec.crt")
            self.assertTrue(d.signed)
            self.assertEqual(d.digest(), digest)
            d.save(self.tmp / "signed.xml")
        info = etsi.verify(self.tmp / "signed.xml", self.tmp / "ec.crt")
        self.assertIn("ECDSA-SHA256", info)
        # bytes work as well as paths, for the document and the certificate
        data = (self.tmp / "signed.xml").read_bytes()
        self.assertEqual(etsi.verify(data, (self.tmp / "ec.crt").read_bytes()), info)
        # a reload and save keeps it valid
        with etsi.load(self.tmp / "signed.xml") as d:
            d.save(self.tmp / "resaved.xml")
        self.assertEqual((self.tmp / "resaved.xml").read_bytes(), data)

    def test_sign_with_pem_bytes(self):
        with etsi.load(CAMERA) as d:
            d.sign((self.tmp / "rsa.key").read_bytes(), (self.tmp / "rsa.crt").read_text())
            xml = d.to_xml()
        self.assertIn("RSA-SHA256", etsi.verify(xml.encode(), self.tmp / "rsa.crt"))

    def test_failures(self):
        with etsi.load(CAMERA) as d:
            plain = d.to_xml().encode()
            with self.assertRaises(etsi.InvalidError):
                d.sign(self.tmp / "rsa.key", self.tmp / "ec.crt")
            with self.assertRaises(etsi.FileError):
                d.sign(self.tmp / "missing.key", self.tmp / "ec.crt")
            with self.assertRaises(TypeError):
                d.sign(42, self.tmp / "ec.crt")
            d.sign(self.tmp / "rsa.key", self.tmp / "rsa.crt")
            signed = d.to_xml()
        with self.assertRaises(etsi.NotFoundError):
            etsi.verify(plain, self.tmp / "rsa.crt")
        with self.assertRaises(etsi.IntegrityError) as cm:
            etsi.verify(signed.replace('version="3.4.0"', 'version="3.4.1"', 1).encode(),
                        self.tmp / "rsa.crt", name="tampered.xml")
        self.assertEqual(cm.exception.code, -13)
        self.assertEqual(cm.exception.name, "EINTEGRITY")
        self.assertEqual(cm.exception.file, "tampered.xml")
        # a byte of the signature value flipped (still valid base64)
        start = signed.index("<ds:SignatureValue>") + len("<ds:SignatureValue>") + 5
        flipped = signed[:start] + ("B" if signed[start] == "A" else "A") + signed[start + 1:]
        with self.assertRaises(etsi.IntegrityError) as cm:
            etsi.verify(flipped.encode(), self.tmp / "rsa.crt")
        self.assertIn("signature value does not verify", str(cm.exception))
        with self.assertRaises(etsi.IntegrityError):
            etsi.verify(signed.encode(), self.tmp / "ec.crt")
        with self.assertRaises(etsi.UnsupportedError):
            etsi.verify(signed.replace('URI=""', 'URI="http://127.0.0.1:9/"', 1).encode(),
                        self.tmp / "rsa.crt")
        with self.assertRaises(etsi.InvalidError):
            etsi.verify(signed.encode(), b"not a certificate")
        with self.assertRaises(etsi.FileError):
            etsi.verify(self.tmp / "missing.xml", self.tmp / "rsa.crt")


if __name__ == "__main__":
    unittest.main()
