/*
 * Typed product facts from Java (docs/java.md, "Product facts"): fields of
 * mechanisms, components, the support period and the public statement;
 * "crypto" records under a mechanism; the supplier's own "self-result"
 * records; a finding's claim and fact; the results' open questions.
 *
 * Every test that writes works on a copy of smart-camera-v3.xml and sets the
 * facts it reads, so it holds whatever facts the example states.
 */
package org.libetsi.test;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.Test;
import org.libetsi.Catalog;
import org.libetsi.Diagnostic;
import org.libetsi.Dossier;
import org.libetsi.Etsi;
import org.libetsi.EtsiException;
import org.libetsi.LoadOption;
import org.libetsi.Record;
import org.libetsi.Results;

public class FactsTest {
    /** The date the rule fixtures are checked as of (tests/data/rules/README.md). */
    private static final LocalDate RULES_AS_OF = LocalDate.of(2026, 6, 1);

    private static Path copyOfCamera() throws IOException {
        Path file = Fixtures.tempDir().resolve("smart-camera-v3.xml");
        Files.copy(Fixtures.camera(), file);
        file.toFile().deleteOnExit();
        return file;
    }

    @Test
    public void mechanismFacts() throws IOException {
        Path file = copyOfCamera();
        try (Dossier d = Dossier.load(file)) {
            Record ota = d.find("mechanism", "mech-ota").orElseThrow();
            ota.set("verified-where", "device-before-install");
            ota.set("verified-by", "comp-se");
            ota.set("key-location", "secure-element");
            ota.set("server-authenticated", "true");
            ota.set("tls", "1.3");
            ota.set("source", "vendor-service");
            ota.set("anti-rollback", "hardware-counter");
            ota.set("recovery", "dual-bank");
            ota.set("automatic-default", "opt-in-at-setup");
            ota.set("postpone", "unknown");
            ota.set("check-periodic", "true");
            ota.set("check-period", "PT12H");
            ota.set("notice-disruption", "announced");
            assertThrows(EtsiException.NotFound.class, () -> ota.set("verified-by", "mech-app"));
            d.save();
        }
        try (Dossier d = Dossier.load(file)) {
            Record ota = d.find("mechanism", "mech-ota").orElseThrow();
            assertEquals("device-before-install", ota.get("verified-where"));
            assertEquals("comp-se", ota.get("verified-by"));
            assertEquals("secure-element", ota.get("key-location"));
            assertEquals("true", ota.get("server-authenticated"));
            assertEquals("1.3", ota.get("tls"));
            assertEquals("vendor-service", ota.get("source"));
            assertEquals("hardware-counter", ota.get("anti-rollback"));
            assertEquals("dual-bank", ota.get("recovery"));
            assertEquals("opt-in-at-setup", ota.get("automatic-default"));
            assertEquals("unknown", ota.get("postpone"));
            assertEquals("PT12H", ota.toMap().get("check-period"));
            assertEquals("announced", ota.get("notice-disruption"));
            ota.set("postpone", null);                       // absent: not stated
            assertFalse(ota.has("postpone"));
            assertTrue(d.validate().isEmpty());
        }
    }

    @Test
    public void cryptoRecordsOfAMechanism() throws IOException {
        Path file = copyOfCamera();
        try (Dossier d = Dossier.load(file)) {
            Record app = d.find("mechanism", "mech-app").orElseThrow();
            int before = d.count("crypto");
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("use", "signature");
            fields.put("alg", "RSA-PSS");
            fields.put("key-bits", 3072);
            fields.put("hash", "SHA-256");
            Record sig = d.add(app, "crypto", fields);
            assertEquals("crypto", sig.kind());
            assertNull(sig.key());
            assertEquals(app, sig.parent());
            assertTrue(app.children().contains(sig));
            assertEquals(before + 1, d.count("crypto"));
            // a crypto record belongs to a mechanism
            assertThrows(EtsiException.Invalid.class,
                         () -> d.add("crypto", "use", "digest", "alg", "SHA-256"));
            d.save();
        }
        try (Dossier d = Dossier.load(file)) {
            Record app = d.find("mechanism", "mech-app").orElseThrow();
            List<Record> chain = app.children().stream().filter(c -> c.kind().equals("crypto"))
                                    .collect(Collectors.toList());
            Record sig = chain.get(chain.size() - 1);
            assertEquals(Map.of("use", "signature", "alg", "RSA-PSS", "key-bits", "3072",
                                "hash", "SHA-256"), sig.toMap());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> listed = (List<Map<String, Object>>) app.toMap().get("crypto");
            assertEquals(sig.toMap(), listed.get(listed.size() - 1));
        }
    }

    @Test
    public void componentSupportPeriodAndArtifactFacts() throws IOException {
        Path file = copyOfCamera();
        String oid = "3f786850e387550fdab836ed7e6dc881de23001b";
        String artifact;
        try (Dossier d = Dossier.load(file)) {
            Record fw = d.find("component", "comp-fw").orElseThrow();
            fw.set("boot-verified", "true");
            fw.set("boot-verified-by", "comp-bootrom");
            fw.set("carries-network-stack", "true");
            d.userInfo().set("support-period-duration", "P5Y");
            d.userInfo().set("support-period-stated", "stated");
            d.header().set("public-support-end", "2031-12-31");
            Record a = d.records("artifact").get(0);
            artifact = a.key();
            a.set("git-oid", oid);
            d.save();
        }
        try (Dossier d = Dossier.load(file)) {
            Record fw = d.find("component", "comp-fw").orElseThrow();
            assertEquals("true", fw.get("boot-verified"));
            assertEquals("comp-bootrom", fw.get("boot-verified-by"));
            assertEquals("true", fw.get("carries-network-stack"));
            assertEquals("P5Y", d.userInfo().get("support-period-duration"));
            assertEquals("stated", d.userInfo().get("support-period-stated"));
            assertEquals("2031-12-31", d.header().get("public-support-end"));
            assertEquals(oid, d.find("artifact", artifact).orElseThrow().get("git-oid"));
        }
    }

    @Test
    public void selfAssessment() throws IOException {
        Path file = copyOfCamera();
        String so;
        try (Dossier d = Dossier.load(file)) {
            so = d.parties().stream().filter(p -> "SO".equals(p.get("role"))).findFirst()
                  .orElseThrow().key();
            int before = d.selfAssessment().size();
            Record mine = d.add("self-result", "ref", "5.3-2", "outcome", "FAIL", "by", so,
                                "date", "2026-11-02", "note", "No rollback protection on the app path.");
            assertEquals("5.3-2", mine.key());
            assertEquals(before + 1, d.selfAssessment().size());
            assertEquals(d.records("self-result"), d.selfAssessment());
            assertThrows(EtsiException.Exists.class,
                         () -> d.add("self-result", "ref", "5.3-2", "outcome", "PASS"));
            d.save();
        }
        try (Dossier d = Dossier.load(file)) {
            Record mine = d.find("self-result", "5.3-2").orElseThrow();
            assertEquals("FAIL", mine.get("outcome"));
            assertEquals(so, mine.get("by"));
            assertEquals("2026-11-02", mine.get("date"));
            assertFalse("kept apart from the verdicts", d.verdicts().contains(mine));
        }
    }

    @Test
    public void refusedFactsChangeNothing() throws IOException {
        Path file = copyOfCamera();
        byte[] original = Files.readAllBytes(file);
        try (Dossier d = Dossier.load(file)) {
            String xml = d.toXml();
            Record ota = d.find("mechanism", "mech-ota").orElseThrow();
            String where = ota.get("verified-where");
            EtsiException.Invalid e = assertThrows(EtsiException.Invalid.class,
                () -> ota.set("verified-where", "sometimes"));
            assertEquals(EtsiException.EINVALID, e.getCode());
            assertTrue(e.getMessage(), e.getMessage().contains("verified-where"));
            assertTrue(e.getMessage(), e.getMessage().contains("device-before-install"));
            assertEquals(where, ota.get("verified-where"));

            Record info = d.userInfo();
            String duration = info.get("support-period-duration");
            e = assertThrows(EtsiException.Invalid.class,
                () -> info.set("support-period-duration", "5 years"));
            assertTrue(e.getMessage(), e.getMessage().contains("P5Y"));
            assertEquals(duration, info.get("support-period-duration"));

            assertThrows(EtsiException.Invalid.class, () -> ota.set("tls", "1.4"));
            assertThrows(EtsiException.Invalid.class, () -> ota.set("check-period", "daily"));
            assertThrows(EtsiException.Invalid.class,
                () -> d.records("artifact").get(0).set("git-oid", "not-an-oid"));
            int crypto = d.count("crypto");
            assertThrows(EtsiException.Invalid.class,
                () -> d.add(ota, "crypto", Map.of("use", "magic", "alg", "ROT13")));
            assertThrows(EtsiException.Invalid.class,
                () -> d.add("self-result", "ref", "5.3-2", "outcome", "MOSTLY"));
            assertEquals(crypto, d.count("crypto"));
            assertThrows(EtsiException.Invalid.class,
                () -> d.add("open-question", "step", "ics", "fact", "x"));

            assertEquals(xml, d.toXml());
            assertArrayEquals(original, Files.readAllBytes(file));
        }
    }

    /** Every example and every rule fixture, evaluated. */
    private static List<Path> dossiers() throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(Fixtures.examples(), "*.xml")) {
            s.forEach(out::add);
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Fixtures.rules(),
                                                                   Files::isDirectory)) {
            for (Path dir : dirs)
                try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.xml")) {
                    s.forEach(out::add);
                }
        }
        out.sort(null);
        return out;
    }

    private static Results evaluate(Path file) {
        boolean rule = file.startsWith(Fixtures.rules());
        try (Dossier d = Dossier.load(file, LoadOption.noValidation())) {
            return d.evaluate(rule ? RULES_AS_OF : Fixtures.AS_OF);
        }
    }

    @Test
    public void findingsNameTheirClaimAndFact() throws IOException {
        List<Path> files = dossiers();
        assertTrue(files.toString(), files.size() > 40);
        int claims = 0;
        for (Path file : files)
            try (Results r = evaluate(file)) {
                List<Diagnostic> findings = r.findings();
                List<Record> records = r.records("finding");
                assertEquals(file.toString(), records.size(), findings.size());
                for (int i = 0; i < findings.size(); i++) {
                    Diagnostic f = findings.get(i);
                    Record rec = records.get(i);
                    assertEquals(rec.get("rule"), f.getRule());
                    assertEquals(file + ": " + f, rec.get("claim"), f.getClaim());
                    assertEquals(file + ": " + f, rec.get("fact"), f.getFact());
                    assertEquals(Integer.parseInt(rec.getOrDefault("fact-line", "0")), f.getFactLine());
                    if (f.getClaim() != null) {
                        claims++;
                        assertNotNull(f + " names its claim but not the fact", f.getFact());
                    }
                    if (f.getFact() == null)
                        assertEquals(0, f.getFactLine());
                }
            }
        assertTrue("no finding of the examples and fixtures names a claim", claims > 0);
    }

    @Test
    public void aContradictedClaimNamesWhereTheFactIs() throws IOException {
        Path hub = Fixtures.examples().resolve("home-hub-v3.xml");
        if (!Files.isRegularFile(hub))
            return;
        List<String> lines = Files.readAllLines(hub);
        try (Dossier d = Dossier.load(hub)) {
            List<Diagnostic> findings = d.check(Fixtures.AS_OF).stream()
                                         .filter(f -> f.getClaim() != null)
                                         .collect(Collectors.toList());
            assertFalse(findings.isEmpty());
            for (Diagnostic f : findings) {
                assertEquals(hub.toString(), f.getFile());
                assertTrue(f.getClaim(), f.getClaim().matches("ICS 5\\.3-\\d+[A-D]?: (Y|N|N/A)"));
                // the fact's line: an element of the same file
                assertTrue(f.toString(), f.getFactLine() > 0 && f.getFactLine() <= lines.size());
                assertTrue(f.getFact(), lines.get(f.getFactLine() - 1).trim().startsWith("<"));
            }
            try (Results r = d.evaluate(Fixtures.AS_OF)) {
                assertEquals(r.findings(), d.check(Fixtures.AS_OF));
            }
        }
    }

    @Test
    public void openQuestionsAndAtRiskCases() throws IOException {
        int asked = 0;
        for (Path file : dossiers())
            try (Results r = evaluate(file)) {
                List<Record> questions = r.openQuestions();
                asked += questions.size();
                assertEquals(r.records("open-question"), questions);
                for (Record q : questions) {
                    assertEquals("open-question", q.kind());
                    assertNotNull(file + ": " + q.toMap(), q.get("fact"));
                    assertNotNull(file + ": " + q.toMap(), q.get("step"));
                    assertThrows(EtsiException.ReadOnly.class, () -> q.set("fact", "known"));
                }
                for (Record c : r.plan()) {
                    String atRisk = c.getOrDefault("at-risk", "false");
                    assertTrue(atRisk, atRisk.equals("true") || atRisk.equals("false"));
                    if (!c.values("unknown").isEmpty())
                        assertEquals("true", atRisk);
                }
            }
        assertTrue("no example or fixture leaves a fact unknown", asked > 0);
    }

    @Test
    public void algorithmsOfTheCatalog() {
        for (String edition : Etsi.editions())
            try (Catalog c = Catalog.open(edition)) {
                assertEquals(c.records("algorithm"), c.algorithms());
                for (Record a : c.algorithms()) {
                    assertNotNull(a.toMap().toString(), a.get("status"));
                    assertThrows(EtsiException.ReadOnly.class, () -> a.set("status", "fine"));
                }
            }
    }
}
