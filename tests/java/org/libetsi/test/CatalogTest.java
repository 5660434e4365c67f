/*
 * Catalogs: editions, provisions, test cases, IXIT tables.
 */
package org.libetsi.test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.libetsi.Catalog;
import org.libetsi.Dossier;
import org.libetsi.EtsiException;
import org.libetsi.Record;

public class CatalogTest {
    @Test
    public void editions() {
        try (Catalog v3 = Catalog.open("3.1.3"); Catalog v2 = Catalog.open("2.1.1");
             Catalog latest = Catalog.open()) {
            assertEquals("3.1.3", v3.edition());
            assertEquals("2.1.1", v3.tsEdition());
            assertEquals("1.1.1", v2.tsEdition());
            assertEquals("3.1.3", latest.edition());
            assertEquals("Catalog[EN 303 645 V3.1.3 / TS 103 701 V2.1.1]", v3.toString());
            // void provisions included: 16 active in V2.1.1, 19 in V3.1.3
            assertTrue(v2.provisions().size() >= 16);
            assertTrue(v3.provisions().size() > 19);
        }
    }

    @Test
    public void provisionsAndTestCases() {
        try (Catalog c = Catalog.open("3.1.3")) {
            Record p = c.find("provision", "5.3-2").orElseThrow();
            assertEquals("5.3-2", p.key());
            assertEquals("M", p.get("status"));
            assertTrue(p.line() > 0);
            assertNotNull(p.get("title"));
            Record vd = c.find("provision", "5.3-4").orElseThrow();
            assertEquals("true", vd.get("void"));
            assertNull(vd.get("status"));

            Record tc = c.find("test-case", "5.3-2-1").orElseThrow();
            assertEquals("test-group", tc.parent().kind());
            assertEquals("5.3-2", tc.parent().get("provision"));
            assertFalse(tc.children().isEmpty());
            Record input = tc.children().get(0);
            assertEquals("test-input", input.kind());
            assertNotNull(input.get("table"));
            assertTrue(c.testCases().contains(tc));

            Record table = c.find("ixit-table", "7-UpdMech").orElseThrow();
            assertEquals("ixit-field", table.children().get(0).kind());
            assertTrue(c.ixitTables().contains(table));
            assertTrue(c.records("condition").size() > 0);
            assertFalse(c.find("provision", "9.9-9").isPresent());

            Map<String, Object> map = tc.toMap();
            assertEquals("5.3-2-1", map.get("id"));
            assertTrue(map.get("test-input") instanceof List);
        }
    }

    @Test
    public void recordsAreReadOnly() {
        try (Catalog c = Catalog.open("3.1.3")) {
            Record p = c.provisions().get(0);
            EtsiException.ReadOnly e = assertThrows(EtsiException.ReadOnly.class,
                                                    () -> p.set("title", "changed"));
            assertEquals(EtsiException.EREADONLY, e.getCode());
            assertEquals("EREADONLY", e.getName());
        }
    }

    @Test
    public void toXml() {
        try (Catalog c = Catalog.open("2.1.1")) {
            String xml = c.toXml();
            assertTrue(xml.contains("urn:libetsi:catalog:1"));
            assertTrue(xml.contains("5.3-16"));
        }
    }

    @Test
    public void aDossiersCatalog() {
        Dossier d = Dossier.load(Fixtures.sensor());
        Catalog c = d.catalog();
        assertSame(c, d.catalog());
        assertEquals("2.1.1", c.edition());
        Record p = c.find("provision", "5.3-13").orElseThrow();
        assertSame(c, p.owner());
        // closing the borrowed catalog frees nothing: the dossier goes on
        c.close();
        assertThrows(IllegalStateException.class, c::edition);
        assertThrows(IllegalStateException.class, p::key);
        assertEquals("2.1.1", d.catalog().edition());
        Catalog again = d.catalog();
        d.close();
        assertTrue(again.isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class, again::edition);
        assertEquals("the dossier was closed", e.getMessage());
    }

    @Test
    public void unknownEdition() {
        EtsiException.Unsupported e = assertThrows(EtsiException.Unsupported.class,
                                                   () -> Catalog.open("9.9.9"));
        assertTrue(e.getReason(), e.getReason().contains("9.9.9"));
    }
}
