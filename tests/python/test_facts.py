"""Typed product facts from Python (docs/python.md, "Product facts"): the
facts of mechanisms, components, the support period and the public
statement are fields of their records; the primitives of an update chain
are "crypto" records under their mechanism; the supplier's own results are
"self-result" records; a finding names the claim and the fact that
contradicts it; the results list the open questions.

Every test that writes works on a copy of examples/dossiers/smart-camera-v3.xml
and sets the facts it reads, so it holds whatever facts the example states."""
import datetime
import unittest

from support import CAMERA, EXAMPLES_AS_OF, RULES, RULES_AS_OF, TempDirTestCase, \
    example_paths, etsi

D = "{urn:libetsi:dossier:1}"


class MechanismFactsTest(TempDirTestCase):
    def setUp(self):
        super().setUp()
        self.path = self.copy(CAMERA)
        self.d = etsi.load(self.path)
        self.ota = self.d.find("mechanism", "mech-ota")

    def test_write_save_and_read_back(self):
        ota = self.ota
        ota["verified-where"] = "device-before-install"
        ota["verified-by"] = "comp-se"
        ota["key-location"] = "secure-element"
        ota["server-authenticated"] = True          # a tri-state: true, false, unknown
        ota["tls"] = "1.3"
        ota["source"] = "vendor-service"
        ota["anti-rollback"] = "hardware-counter"
        ota["recovery"] = "dual-bank"
        ota["automatic-default"] = "on"
        ota["automatic-user-can-disable"] = "unknown"
        ota["postpone"] = False
        ota["check-periodic"] = True
        ota["check-period"] = "P1D"
        ota["check-by"] = "device"
        ota["notice-security-updates"] = True
        ota["notice-disruption"] = "announced"
        self.assertEqual(ota["verified-where"], "device-before-install")
        self.assertEqual(ota["server-authenticated"], "true")
        self.assertEqual(ota["postpone"], "false")
        self.d.save()

        with etsi.load(self.path) as again:
            ota = again.find("mechanism", "mech-ota")
            self.assertEqual(ota["verified-where"], "device-before-install")
            self.assertEqual(ota["verified-by"], "comp-se")
            self.assertEqual(ota["key-location"], "secure-element")
            self.assertEqual(ota["server-authenticated"], "true")
            self.assertEqual(ota["tls"], "1.3")
            self.assertEqual(ota["source"], "vendor-service")
            self.assertEqual(ota["anti-rollback"], "hardware-counter")
            self.assertEqual(ota["recovery"], "dual-bank")
            self.assertEqual(ota["automatic-default"], "on")
            self.assertEqual(ota["automatic-user-can-disable"], "unknown")
            self.assertEqual(ota["postpone"], "false")
            self.assertEqual(ota["check-period"], "P1D")
            self.assertEqual(ota["notice-disruption"], "announced")
            facts = ota.to_dict()
            self.assertEqual(facts["check-by"], "device")
            self.assertEqual(again.validate(), [])

    def test_unknown_is_a_value_and_absent_is_not_stated(self):
        self.ota["anti-rollback"] = "unknown"
        self.assertEqual(self.ota["anti-rollback"], "unknown")
        self.assertIn("anti-rollback", self.ota)
        del self.ota["anti-rollback"]
        self.assertIsNone(self.ota["anti-rollback"])
        self.assertNotIn("anti-rollback", self.ota)

    def test_verified_by_must_name_a_component(self):
        with self.assertRaises(etsi.NotFoundError):
            self.ota["verified-by"] = "comp-nowhere"
        with self.assertRaises(etsi.NotFoundError):
            self.ota["verified-by"] = "mech-app"   # a mechanism, not a component


class CryptoRecordsTest(TempDirTestCase):
    """The primitives of an update chain: child records of a mechanism, added
    and read with the generic record API."""

    def setUp(self):
        super().setUp()
        self.path = self.copy(CAMERA)
        self.d = etsi.load(self.path)
        self.app = self.d.find("mechanism", "mech-app")

    def test_add_read_save(self):
        before = len(self.app.children)
        sig = self.d.add("crypto", use="signature", alg="ECDSA-P384", key_bits=384,
                         hash="SHA-384", parent=self.app)
        self.d.add("crypto", {"use": "encryption", "alg": "AES-256-CBC", "key-bits": 256,
                              "authenticated": False}, parent=self.app)
        self.assertEqual(sig.kind, "crypto")
        self.assertIsNone(sig.key)              # crypto records have no key
        self.assertEqual(sig.parent, self.app)
        self.assertEqual(sig["key-bits"], "384")
        self.assertIn(sig, self.d.records("crypto"))
        self.assertEqual(len(self.app.children), before + 2)
        self.d.save()

        with etsi.load(self.path) as again:
            app = again.find("mechanism", "mech-app")
            chain = [c.to_dict() for c in app.children if c.kind == "crypto"][-2:]
            self.assertEqual(chain, [
                {"use": "signature", "alg": "ECDSA-P384", "key-bits": "384", "hash": "SHA-384"},
                {"use": "encryption", "alg": "AES-256-CBC", "key-bits": "256",
                 "authenticated": "false"},
            ])
            self.assertEqual(app.to_dict()["crypto"][-2:], chain)
            for c in again.records("crypto"):
                self.assertEqual(c.parent.kind, "mechanism")

    def test_change_and_remove(self):
        digest = self.d.add("crypto", use="digest", alg="SHA-1", parent=self.app)
        digest["alg"] = "SHA-256"
        self.assertEqual(digest["alg"], "SHA-256")
        with self.assertRaises(etsi.InvalidError):
            del digest["alg"]                   # required
        count = self.d.count("crypto")
        self.d.remove(digest)
        self.assertEqual(self.d.count("crypto"), count - 1)

    def test_a_crypto_record_needs_its_mechanism(self):
        with self.assertRaises(etsi.InvalidError):
            self.d.add("crypto", use="digest", alg="SHA-256")
        with self.assertRaises(etsi.InvalidError):
            self.d.add("crypto", use="digest", alg="SHA-256",
                       parent=self.d.find("component", "comp-fw"))


class OtherFactsTest(TempDirTestCase):
    def setUp(self):
        super().setUp()
        self.path = self.copy(CAMERA)
        self.d = etsi.load(self.path)

    def test_component_boot_verification_and_what_it_carries(self):
        fw = self.d.find("component", "comp-fw")
        fw["boot-verified"] = True
        fw["boot-verified-by"] = "comp-bootrom"
        fw["carries-network-stack"] = True
        fw["carries-operating-system"] = "true"
        fw["carries-applications"] = "unknown"
        self.d.save()
        with etsi.load(self.path) as again:
            fw = again.find("component", "comp-fw")
            self.assertEqual([fw[f] for f in ("boot-verified", "boot-verified-by",
                                              "carries-network-stack",
                                              "carries-operating-system",
                                              "carries-applications")],
                             ["true", "comp-bootrom", "true", "true", "unknown"])

    def test_other_install_paths(self):
        # each <other-install-path> is an install-path record under its
        # component: read, written with parent=, and saved valid
        fw = self.d.find("component", "comp-fw")
        before = [c for c in fw.children if c.kind == "install-path"]
        port = self.d.add("install-path", kind="service-port", verifies="false",
                          description="Factory test pads on the main board.", parent=fw)
        self.d.add("install-path", {"kind": "recovery-mode", "verifies": "true"}, parent=fw)
        self.assertEqual(port.kind, "install-path")
        self.assertIsNone(port.key)
        self.d.save()
        with etsi.load(self.path) as again:
            paths = [c for c in again.find("component", "comp-fw").children
                     if c.kind == "install-path"][len(before):]
            self.assertEqual([(p["kind"], p["verifies"], p["description"]) for p in paths],
                             [("service-port", "false", "Factory test pads on the main board."),
                              ("recovery-mode", "true", "")])
        # messages use the right article before a kind name
        with self.assertRaisesRegex(etsi.InvalidError, "an install-path belongs to a component"):
            self.d.add("install-path", kind="service-port", verifies="false")
        with self.assertRaisesRegex(etsi.InvalidError, "an evidence needs the field 'claim'"):
            self.d.add("evidence", id="ev-x", provision="5.3-9", kind="conceptual",
                       category="design-document", owner=self.d.records("owner")[0].key,
                       review="draft", release="3.4.0")
        with self.assertRaises(etsi.InvalidError):
            self.d.add("install-path", kind="jtag", verifies="false", parent=fw)
        with self.assertRaises(etsi.InvalidError):
            self.d.add("install-path", kind="service-port", verifies="maybe", parent=fw)

    def test_support_period_and_public_support_end(self):
        info = self.d.user_info
        info["support-period-duration"] = "P5Y"
        info["support-period-stated"] = "stated"
        self.d.header["public-support-end"] = datetime.date(2031, 12, 31)
        self.d.save()
        with etsi.load(self.path) as again:
            self.assertEqual(again.user_info["support-period-duration"], "P5Y")
            self.assertEqual(again.user_info["support-period-stated"], "stated")
            self.assertEqual(again.header["public-support-end"], "2031-12-31")

    def test_artifact_pinned_by_git(self):
        artifact = self.d.records("artifact")[0]
        oid = "3f786850e387550fdab836ed7e6dc881de23001b"
        artifact["git-oid"] = oid
        self.d.save()
        with etsi.load(self.path) as again:
            self.assertEqual(again.find("artifact", artifact.key)["git-oid"], oid)

    def test_self_assessment(self):
        so = next(p["id"] for p in self.d.parties if p["role"] == "SO")
        before = len(self.d.self_assessment)
        result = self.d.add("self-result", ref="5.3-2", outcome="FAIL", by=so,
                            date=datetime.date(2026, 11, 2),
                            note="Rollback protection missing on the app path.")
        self.d.add("self-result", ref="5.3-2-1", outcome="PASS")
        self.assertEqual(result.key, "5.3-2")
        self.assertEqual(len(self.d.self_assessment), before + 2)
        with self.assertRaises(etsi.ExistsError):
            self.d.add("self-result", ref="5.3-2", outcome="PASS")
        with self.assertRaises(etsi.NotFoundError):
            self.d.add("self-result", ref="5.3-3", outcome="PASS", by="nobody")
        self.d.save()
        with etsi.load(self.path) as again:
            mine = again.find("self-result", "5.3-2")
            self.assertEqual(mine.to_dict(), {
                "ref": "5.3-2", "outcome": "FAIL", "by": so, "date": "2026-11-02",
                "note": "Rollback protection missing on the app path."})
            # apart from the laboratory's verdicts
            self.assertNotIn(mine, again.verdicts)
            self.assertIn(mine, again.self_assessment)


class RefusedFactsTest(TempDirTestCase):
    """A value a fact cannot take is refused with libetsi's error, and
    nothing changes: not the record, not the file."""

    def setUp(self):
        super().setUp()
        self.path = self.copy(CAMERA)
        self.original = self.path.read_bytes()
        self.d = etsi.load(self.path)

    def assertNothingSaved(self):
        self.assertEqual(self.path.read_bytes(), self.original)
        self.d.save()                          # what is left is the valid dossier
        with etsi.load(self.path) as again:
            self.assertEqual(again.to_xml(), self.d.to_xml())

    def test_verified_where_sometimes(self):
        ota = self.d.find("mechanism", "mech-ota")
        before = ota["verified-where"]
        with self.assertRaises(etsi.InvalidError) as cm:
            ota["verified-where"] = "sometimes"
        e = cm.exception
        self.assertEqual((e.code, e.name), (-3, "EINVALID"))
        self.assertIn("verified-where", str(e))
        self.assertIn("device-before-install", str(e))   # the values it takes
        self.assertEqual(ota["verified-where"], before)
        self.assertNotIn("sometimes", self.d.to_xml())
        self.assertNothingSaved()

    def test_duration_in_words(self):
        info = self.d.user_info
        before = info["support-period-duration"]
        with self.assertRaises(etsi.InvalidError) as cm:
            info["support-period-duration"] = "5 years"
        self.assertIn("P5Y", str(cm.exception))          # the form it takes
        self.assertEqual(info["support-period-duration"], before)
        self.assertNotIn("5 years", self.d.to_xml())
        self.assertNothingSaved()

    def test_other_bad_values(self):
        ota = self.d.find("mechanism", "mech-ota")
        for record, field, value in [
                (ota, "check-period", "daily"),
                (ota, "tls", "1.4"),
                (ota, "server-authenticated", "maybe"),
                (self.d.user_info, "support-period-stated", "yes"),
                (self.d.find("component", "comp-fw"), "boot-verified", "sometimes"),
                (self.d.records("artifact")[0], "git-oid", "3F786850"),
        ]:
            with self.subTest(field=field, value=value):
                with self.assertRaises(etsi.InvalidError):
                    record[field] = value
        self.assertNothingSaved()

    def test_bad_records_are_not_added(self):
        ota = self.d.find("mechanism", "mech-ota")
        crypto, results = self.d.count("crypto"), len(self.d.self_assessment)
        with self.assertRaises(etsi.InvalidError):
            self.d.add("crypto", use="magic", alg="ROT13", parent=ota)
        with self.assertRaises(etsi.InvalidError):
            self.d.add("crypto", use="signature", alg="RSA", key_bits="2k", parent=ota)
        with self.assertRaises(etsi.InvalidError):
            self.d.add("self-result", ref="5.3-2", outcome="MOSTLY")
        self.assertEqual(self.d.count("crypto"), crypto)
        self.assertEqual(len(self.d.self_assessment), results)
        self.assertNothingSaved()

    def test_results_and_catalog_records_are_not_added(self):
        for kind in ("open-question", "algorithm"):
            with self.subTest(kind):
                with self.assertRaises(etsi.InvalidError):
                    self.d.add(kind, id="x", step="ics")
        self.assertNothingSaved()


def evaluated():
    """(name, results) of every example and every rule fixture."""
    for path in example_paths():
        with etsi.load(path) as d:
            yield path.name, d.evaluate(as_of=EXAMPLES_AS_OF)
    for path in sorted(RULES.glob("*/*.xml")):
        with etsi.load(path, validate=False) as d:
            yield f"{path.parent.name}/{path.name}", d.evaluate(as_of=RULES_AS_OF)


class ClaimAndFactTest(unittest.TestCase):
    def test_fields_of_a_diagnostic(self):
        self.assertEqual(etsi.Diagnostic._fields[11:14], ("claim", "fact", "fact_line"))
        d = etsi.Diagnostic("error", "kic.xml", 12, 0, "some-rule", "mech-ota", "5.3-9",
                            "5.3-9 is claimed Y, but the mechanism says otherwise", None,
                            False, None, "ICS 5.3-9: Y",
                            "mechanism 'mech-ota' verification where=server-or-transport", 160)
        self.assertEqual(d.claim, "ICS 5.3-9: Y")
        self.assertEqual(d.fact_line, 160)
        self.assertEqual(d._asdict()["fact"],
                         "mechanism 'mech-ota' verification where=server-or-transport")
        self.assertIn("claim='ICS 5.3-9: Y'", repr(d))
        self.assertIn("fact_line=160", repr(d))
        # str() stays the line etsi check prints
        self.assertEqual(str(d), "kic.xml:12: error[some-rule] 5.3-9: "
                                 "5.3-9 is claimed Y, but the mechanism says otherwise")
        # made without them (as before), a diagnostic names no claim
        plain = etsi.Diagnostic("info", "x.xml", 0, 0, None, None, None, "m", None, False, None)
        self.assertEqual((plain.claim, plain.fact, plain.fact_line), (None, None, 0))

    def test_findings_carry_what_the_results_record(self):
        """A Diagnostic's claim, fact and fact_line are the claim, fact and
        fact-line of the same finding in the results document."""
        claims = 0
        for name, results in evaluated():
            with self.subTest(name), results:
                records = results.records("finding")
                findings = results.findings
                self.assertEqual(len(findings), len(records))
                for diagnostic, record in zip(findings, records):
                    self.assertEqual(diagnostic.rule, record["rule"])
                    self.assertEqual(diagnostic.claim, record["claim"])
                    self.assertEqual(diagnostic.fact, record["fact"])
                    self.assertIsInstance(diagnostic.fact_line, int)
                    self.assertEqual(diagnostic.fact_line, int(record.get("fact-line", 0)))
                    if diagnostic.claim is not None:
                        claims += 1
                        self.assertTrue(diagnostic.fact, f"{diagnostic} names no fact")
                    if diagnostic.fact is None:
                        self.assertEqual(diagnostic.fact_line, 0)
        self.assertGreater(claims, 0, "no finding of the examples and fixtures names a claim")

    def test_a_contradicted_claim_names_where_the_fact_is(self):
        hub = CAMERA.with_name("home-hub-v3.xml")
        if not hub.is_file():
            self.skipTest("examples/dossiers/home-hub-v3.xml is not there")
        lines = hub.read_text(encoding="utf-8").splitlines()
        with etsi.load(hub) as d:
            findings = [f for f in d.check(as_of=EXAMPLES_AS_OF) if f.claim]
            self.assertTrue(findings)
            for f in findings:
                with self.subTest(str(f)):
                    self.assertEqual(f.file, str(hub))
                    self.assertRegex(f.claim, r"^ICS 5\.3-\d+[A-D]?: (Y|N|N/A)$")
                    # the fact's line: an element of the same file
                    self.assertTrue(0 < f.fact_line <= len(lines), f.fact_line)
                    self.assertTrue(lines[f.fact_line - 1].lstrip().startswith("<"),
                                    lines[f.fact_line - 1])
                    self.assertEqual(f._asdict()["claim"], f.claim)
                    self.assertIn(f"claim={f.claim!r}", repr(f))
            # check() gives the same diagnostics as evaluate()
            self.assertEqual(d.check(as_of=EXAMPLES_AS_OF),
                             d.evaluate(as_of=EXAMPLES_AS_OF).findings)


class ResultsFactsTest(unittest.TestCase):
    def test_open_questions_and_at_risk_cases(self):
        for name, results in evaluated():
            with self.subTest(name), results:
                questions = results.open_questions
                self.assertEqual(questions, results.records("open-question"))
                self.assertEqual(len(questions), results.count("open-question"))
                for q in questions:
                    self.assertEqual(q.kind, "open-question")
                    self.assertTrue(q["fact"])
                    self.assertTrue(q["step"])
                    with self.assertRaises(etsi.ReadOnlyError):
                        q["fact"] = "known"
                for case in results.plan:
                    self.assertIn(case.get("at-risk", "false"), ("true", "false"))
                    if case.values("unknown"):
                        self.assertEqual(case["at-risk"], "true")
        with etsi.load(CAMERA) as d:
            self.assertIn("<open-questions", d.evaluate(as_of=EXAMPLES_AS_OF).write("all", "xml"))
        asked = sum(len(r.open_questions) for _, r in evaluated())
        self.assertGreater(asked, 0, "no example or fixture leaves a fact unknown")

    def test_algorithms_of_the_catalog(self):
        for edition in etsi.editions():
            with self.subTest(edition), etsi.catalog(edition) as catalog:
                algorithms = catalog.algorithms
                self.assertEqual(algorithms, catalog.records("algorithm"))
                for a in algorithms:
                    self.assertTrue(a["id"] and a["use"] and a["status"], a.to_dict())
                    with self.assertRaises(etsi.ReadOnlyError):
                        a["status"] = "recommended"


if __name__ == "__main__":
    unittest.main()
