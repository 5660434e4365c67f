/*
 * Etsi: version, editions, rules, kinds, report formats, atomic writes.
 */
package org.libetsi.test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.libetsi.Etsi;
import org.libetsi.EtsiException;
import org.libetsi.Rule;
import org.libetsi.Severity;

public class EtsiTest {
    @Test
    public void version() {
        assertTrue(Etsi.version(), Etsi.version().matches("\\d+\\.\\d+\\.\\d+.*"));
    }

    @Test
    public void editions() {
        List<String> editions = Etsi.editions();
        assertEquals(List.of("2.1.1", "3.1.3"), editions);
        assertThrows(UnsupportedOperationException.class, () -> editions.add("9.9.9"));
    }

    @Test
    public void reportFormats() {
        List<String> formats = Etsi.reportFormats();
        assertTrue(formats.containsAll(List.of("html", "public", "ics-csv", "plan-csv",
                                               "evidence-csv", "md", "input")));
    }

    @Test
    public void rules() {
        List<Rule> rules = Etsi.rules();
        assertTrue(rules.size() >= 41);
        Set<String> ids = new HashSet<>();
        for (Rule r : rules) {
            assertTrue(r.getId(), ids.add(r.getId()));
            assertNotNull(r.getSeverity());
            assertTrue(r.getLayer(), Set.of("requirement", "assessment", "evidence", "format")
                                        .contains(r.getLayer()));
            assertFalse(r.getSummary().isEmpty());
            assertFalse(r.getHint().isEmpty());
            assertFalse(r.getStep().isEmpty());
        }
        Rule na = rules.stream().filter(r -> r.getId().equals("ics-na-contradicts-facts"))
                       .findFirst().orElseThrow();
        assertEquals("requirement", na.getLayer());
        assertEquals(Severity.ERROR, na.getSeverity());
        assertTrue(na.toString().startsWith("ics-na-contradicts-facts (error, requirement, "));
    }

    @Test
    public void kinds() {
        Map<String, List<String>> kinds = Etsi.kinds();
        // evidence-items: the dossier's own evidence policy for the provision;
        // carried-from, reviewed-by, reviewed-on: the release carry-forward marks
        assertEquals(List.of("provision", "support", "evidence-items", "detail", "carried-from",
                             "reviewed-by", "reviewed-on"), kinds.get("ics-entry"));
        assertEquals(List.of("case", "result", "by", "date", "note", "indication", "evidence",
                             "carried-from", "reviewed-by", "reviewed-on"),
                     kinds.get("verdict"));
        assertTrue(kinds.get("component").contains("mechanism"));
        assertEquals("source", kinds.keySet().iterator().next());
        for (String kind : List.of("provision", "test-case", "component", "mechanism", "evidence",
                                   "artifact", "outcome", "case-outcome", "gate-step", "summary"))
            assertTrue(kind, kinds.containsKey(kind));
        assertThrows(UnsupportedOperationException.class, () -> kinds.remove("provision"));
    }

    @Test
    public void severities() {
        assertEquals(Severity.WARNING, Severity.fromLabel("warning"));
        assertEquals("info", Severity.INFO.label());
        assertThrows(EtsiException.Invalid.class, () -> Severity.fromLabel("fatal"));
    }

    @Test
    public void writeFileIsAtomicAndUtf8() throws Exception {
        Path dir = Fixtures.tempDir();
        Path file = dir.resolve("out.txt");
        Etsi.writeFile(file, "first");
        Etsi.writeFile(file, "caf\u00e9 \ud83d\udd12");
        assertEquals("caf\u00e9 \ud83d\udd12", Fixtures.read(file));
        try (var list = Files.list(dir)) {
            assertEquals("no temporary file is left", 1, list.count());
        }
        Etsi.writeFile(file, new byte[] { 1, 2, 3 });
        assertEquals(3, Files.size(file));
        EtsiException.IO e = assertThrows(EtsiException.IO.class,
            () -> Etsi.writeFile(dir.resolve("missing/dir/out.txt"), "x"));
        assertEquals(EtsiException.EIO, e.getCode());
        Files.delete(file);
    }
}
