/*
 * Checking and evaluating: findings, plan, outcomes, gate, the stored plan.
 */
package org.libetsi.test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;
import org.libetsi.Diagnostic;
import org.libetsi.Dossier;
import org.libetsi.EtsiException;
import org.libetsi.LoadOption;
import org.libetsi.Record;
import org.libetsi.Results;
import org.libetsi.Severity;

public class CheckTest {
    @Test
    public void examplesAreClean() {
        for (Path file : List.of(Fixtures.camera(), Fixtures.sensor(), Fixtures.plug()))
            try (Dossier d = Dossier.load(file)) {
                // the plug waives the laboratory's FAIL under its 5.3-12 Y
                assertEquals(file.toString(), List.of(),
                             d.check(Fixtures.AS_OF).stream().filter(x -> !x.isWaived())
                              .collect(java.util.stream.Collectors.toList()));
            }
    }

    @Test
    public void findingsCarryRuleAndLocation() {
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            // a mandatory provision marked N is a declared non-conformity
            d.setIcs("5.3-2", "N", "Not met yet.");
            List<Diagnostic> findings = d.check(Fixtures.AS_OF);
            assertFalse(findings.isEmpty());
            Diagnostic f = findings.stream().filter(x -> "5.3-2".equals(x.getReference()))
                                   .findFirst().orElseThrow(() -> new AssertionError(findings));
            assertNotNull(f.getRule());
            assertEquals(Fixtures.camera().toString(), f.getFile());
            assertTrue(f.getLine() > 0);
            assertNotNull(f.getHint());
            assertFalse(f.isWaived());
            assertNull(f.getWaiver());
            assertTrue(f.toString(), f.toString().contains("[" + f.getRule() + "] 5.3-2: "));
        }
    }

    @Test
    public void expiryDependsOnTheDate() {
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            List<Diagnostic> later = d.check(LocalDate.of(2040, 1, 1));
            assertTrue(later.stream().anyMatch(x -> "artifact-expired".equals(x.getRule())));
            assertTrue(d.check(Fixtures.AS_OF).isEmpty());
        }
    }

    private static void expect(Path file, String overall, int planned, int verdicts) {
        try (Dossier d = Dossier.load(file); Results r = d.evaluate(Fixtures.AS_OF)) {
            assertEquals(overall, r.overall());
            assertTrue(r.isReady());
            assertEquals(planned, r.plan().size());
            assertEquals(verdicts, d.verdicts().size());
            assertEquals(6, r.gate().size());
            assertTrue(r.findings().stream().allMatch(Diagnostic::isWaived));
            Record summary = r.summary();
            assertEquals(overall, summary.get("overall"));
            assertEquals("true", summary.get("ready"));
            assertEquals("2026-11-26", summary.get("as-of"));
            assertEquals(d.ics().size(), r.outcomes().size());
        }
    }

    @Test
    public void evaluatesTheExamples() {
        expect(Fixtures.camera(), "INCONCLUSIVE", 26, 10);
        expect(Fixtures.sensor(), "PASS", 9, 9);
        expect(Fixtures.plug(), "FAIL", 24, 11);
    }

    @Test
    public void outcomesAndGate() {
        try (Dossier d = Dossier.load(Fixtures.camera()); Results r = d.evaluate(Fixtures.AS_OF)) {
            Record o = r.find("outcome", "5.3-13").orElseThrow();
            assertEquals("INCONCLUSIVE", o.get("outcome"));
            assertEquals("tested", o.get("basis"));
            List<String> cases = o.children().stream().map(Record::key).collect(Collectors.toList());
            assertTrue(cases.toString(), cases.contains("5.3-13-2"));
            Record c = o.children().stream().filter(x -> "5.3-13-2".equals(x.key()))
                        .findFirst().orElseThrow();
            assertEquals("case-outcome", c.kind());
            assertEquals("INCONCLUSIVE", c.get("result"));
            assertEquals(o, c.parent());
            assertEquals("NOT APPLICABLE", r.find("outcome", "5.3-14").orElseThrow().get("outcome"));
            for (Record step : r.gate()) {
                assertEquals("complete", step.get("status"));
                assertTrue(step.children().isEmpty());
            }
            Record planned = r.find("planned-case", "5.3-2-1").orElseThrow();
            assertEquals("test", planned.get("disposition"));
            assertEquals("true", planned.get("ready"));
            assertFalse(planned.children().isEmpty());
            assertEquals("planned-input", planned.children().get(0).kind());
            assertEquals("Results[INCONCLUSIVE, ready, 0 findings]", r.toString());
        }
    }

    @Test
    public void blockedGateAndFindings() {
        try (Dossier d = Dossier.loads(Fixtures.MINIMAL); Results r = d.evaluate(Fixtures.AS_OF)) {
            assertFalse(r.isReady());
            List<Diagnostic> findings = r.findings();
            assertFalse(findings.isEmpty());
            assertTrue(findings.stream().anyMatch(f -> f.getSeverity() == Severity.ERROR));
            assertEquals(findings, d.check(Fixtures.AS_OF));
            assertEquals(findings.size(), r.count("finding"));
            assertTrue(r.gate().stream().anyMatch(s -> "blocked".equals(s.get("status"))));
            assertEquals("NOT ASSESSED", r.overall());
        }
    }

    @Test
    public void invalidDossierEvaluatesToItsSchemaErrors() {
        String broken = Fixtures.MINIMAL.replace("<covered-by mechanism=\"ota\"/>",
                                                 "<covered-by mechanism=\"nowhere\"/>");
        try (Dossier d = Dossier.loads(broken, LoadOption.noValidation());
             Results r = d.evaluate(Fixtures.AS_OF)) {
            assertFalse(r.findings().isEmpty());
            assertFalse(r.isReady());
        }
    }

    @Test
    public void writesEveryPart() {
        try (Dossier d = Dossier.load(Fixtures.sensor()); Results r = d.evaluate(Fixtures.AS_OF)) {
            assertTrue(r.write("all", "json").trim().startsWith("{"));
            assertTrue(r.write("all", "xml").contains("urn:libetsi:results:1"));
            assertTrue(r.write("plan", "csv").contains("4-1-1"));
            assertTrue(r.write("plan", "xml").contains("test-plan"));
            assertTrue(r.write("outcomes", "text").contains("PASS"));
            assertTrue(r.write("outcomes", "csv").contains("5.3-13"));
            assertTrue(r.write("gate", "json").contains("handoff"));
            assertFalse(r.write("findings", "text").isEmpty() && r.write("findings", "json").isEmpty());
            assertEquals(r.write("all", "json"), r.write("all", "json"));
            assertThrows(EtsiException.Invalid.class, () -> r.write("outcomes", "json"));
            assertThrows(EtsiException.Invalid.class, () -> r.write("everything", "json"));
            Path out = Fixtures.tempDir().resolve("evaluation.json");
            r.write(out, "all", "json");
            assertEquals(r.write("all", "json"), Fixtures.read(out));
        }
    }

    @Test
    public void storePlan() {
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            assertEquals(0, d.count("plan-case"));
            try (Results r = d.evaluate(Fixtures.AS_OF)) {
                d.storePlan(r, LocalDate.of(2026, 11, 9));
            }
            assertEquals(26, d.count("plan-case"));
            assertTrue(d.toXml().contains("2026-11-09"));
            assertTrue(d.validate().isEmpty());
            Record c = d.find("plan-case", "5.3-2-1").orElseThrow();
            assertFalse(c.children().isEmpty());
            assertEquals("plan-input", c.children().get(0).kind());
        }
    }
}
