/*
 * ICS positions and verdicts, and how the outcomes follow them.
 */
package org.libetsi.test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.Test;
import org.libetsi.Dossier;
import org.libetsi.EtsiException;
import org.libetsi.Record;
import org.libetsi.Results;

public class VerdictTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    private static String outcome(Dossier d, String provision) {
        try (Results r = d.evaluate(Fixtures.AS_OF)) {
            return r.find("outcome", provision).orElseThrow().get("outcome");
        }
    }

    @Test
    public void repeatingTheInconclusiveCase() {
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            assertEquals("INCONCLUSIVE", outcome(d, "5.3-13"));
            int before = d.verdicts().size();
            Record v = d.setVerdict("5.3-13-2", "PASS", "tl-meridian", DAY,
                                    "Repeated after the redirect was removed.");
            assertEquals("verdict", v.kind());
            assertEquals("5.3-13-2", v.key());
            assertEquals("PASS", v.get("result"));
            assertEquals("2026-11-21", v.get("date"));
            assertEquals("replaces the earlier verdict", before, d.verdicts().size());
            assertEquals("PASS", outcome(d, "5.3-13"));
            v.addValue("evidence", "ev-update-coverage");
            v.addValue("indication", "The support page loads without a login.");
            assertEquals(List.of("The support page loads without a login."), v.values("indication"));
            assertTrue(d.validate().isEmpty());
        }
    }

    @Test
    public void failGivesFail() {
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            d.setVerdict("5.3-2-1", "FAIL", "tl-meridian", DAY);
            assertEquals("FAIL", outcome(d, "5.3-2"));
            try (Results r = d.evaluate(Fixtures.AS_OF)) {
                assertEquals("FAIL", r.overall());
            }
        }
    }

    @Test
    public void verdictTodayByDefault() {
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            Record v = d.setVerdict("5.3-1-1", "PASS", "tl-meridian");
            assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), v.get("date"));
            assertNull(v.get("note"));
        }
    }

    @Test
    public void badVerdicts() {
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            assertThrows(EtsiException.NotFound.class,
                         () -> d.setVerdict("9.9-9-9", "PASS", "tl-meridian", DAY));
            assertThrows(EtsiException.NotFound.class,
                         () -> d.setVerdict("5.3-2-1", "PASS", "nobody", DAY));
            assertThrows(EtsiException.Invalid.class,
                         () -> d.setVerdict("5.3-2-1", "GREAT", "tl-meridian", DAY));
            assertThrows(NullPointerException.class,
                         () -> d.setVerdict("5.3-2-1", "PASS", "tl-meridian", null));
        }
    }

    @Test
    public void ics() {
        try (Dossier d = Dossier.create("AD-50", "1.0", org.libetsi.CreateOption.edition("3.1.3"))) {
            d.setIcs("5.3-2", "Y", "Signed images.");
            Record entry = d.find("ics-entry", "5.3-2").orElseThrow();
            assertEquals("Y", entry.get("support"));
            assertEquals("Signed images.", entry.get("detail"));
            d.setIcs("5.3-2", "N/A");
            assertEquals("N/A", entry.get("support"));
            assertEquals("the detail is left as it was", "Signed images.", entry.get("detail"));
            assertThrows(EtsiException.NotFound.class, () -> d.setIcs("5.3-4", "Y"));
            assertThrows(EtsiException.Invalid.class, () -> d.setIcs("5.3-2", "yes"));
        }
    }
}
