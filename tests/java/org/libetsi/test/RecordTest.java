/*
 * Records: reading and writing fields, adding and removing, maps, Unicode.
 */
package org.libetsi.test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.libetsi.Dossier;
import org.libetsi.Etsi;
import org.libetsi.EtsiException;
import org.libetsi.Record;

public class RecordTest {
    @Test
    public void reading() {
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            Record fw = d.find("component", "comp-fw").orElseThrow();
            assertEquals("component", fw.kind());
            assertEquals("comp-fw", fw.key());
            assertSame(d, fw.owner());
            assertTrue(fw.line() > 0);
            assertNull(fw.parent());
            assertEquals("firmware", fw.get("kind"));
            assertEquals(List.of("mech-ota", "mech-app"), fw.values("mechanism"));
            assertEquals("mech-ota", fw.get("mechanism"));
            assertTrue(fw.has("name"));
            assertFalse(fw.has("cpe"));
            assertFalse(fw.has("no-such-field"));
            assertNull(fw.get("cpe"));
            assertEquals("none", fw.getOrDefault("cpe", "none"));
            assertEquals(List.of(), fw.values("cpe"));
            assertEquals(Etsi.kinds().get("component"), fw.fieldNames());
            assertTrue(fw.toString(), fw.toString().startsWith("Record[component comp-fw, line "));
            EtsiException.Invalid e = assertThrows(EtsiException.Invalid.class, () -> fw.get("nmae"));
            assertTrue(e.getMessage(), e.getMessage().contains("component has no field 'nmae'"));
            assertThrows(NullPointerException.class, () -> fw.get(null));
        }
    }

    @Test
    public void singletonsAndKinds() {
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            assertNull(d.header().key());
            assertEquals(d.header(), d.find("header").orElseThrow());
            assertEquals(d.dut(), d.find("dut", "ignored").orElseThrow());
            assertEquals("2-UserInfo is there", "user-info", d.userInfo().kind());
            assertEquals(19, d.ics().size());
            assertEquals(3, d.mechanisms().size());
            assertEquals(d.components().size(), d.count("component"));
            assertFalse(d.evidence().isEmpty());
            assertEquals(10, d.verdicts().size());
            assertThrows(EtsiException.Invalid.class, () -> d.records("gizmo"));
            assertThrows(EtsiException.Invalid.class, () -> d.find("gizmo", "x"));
            assertThrows(NullPointerException.class, () -> d.records(null));
            assertThrows(UnsupportedOperationException.class, () -> d.ics().clear());
        }
    }

    @Test
    public void parentsAndChildren() {
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            for (Record ev : d.evidence())
                for (Record child : ev.children()) {
                    assertTrue(child.kind(), Set.of("artifact", "covers").contains(child.kind()));
                    assertEquals(ev, child.parent());
                }
            Record artifact = d.records("artifact").get(0);
            assertEquals("evidence", artifact.parent().kind());
        }
    }

    @Test
    public void equality() {
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            Record a = d.find("component", "comp-fw").orElseThrow();
            Record b = d.components().stream().filter(r -> "comp-fw".equals(r.key()))
                        .findFirst().orElseThrow();
            assertEquals(a, b);
            assertEquals(a.hashCode(), b.hashCode());
            assertNotEquals(a, d.components().get(0));
            Set<Record> set = new HashSet<>(d.components());
            set.addAll(d.components());
            assertEquals(d.components().size(), set.size());
        }
    }

    @Test
    public void writing() {
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            Record fw = d.find("component", "comp-fw").orElseThrow();
            fw.set("version", "3.4.1");
            assertEquals("3.4.1", fw.get("version"));
            fw.set("cpe", "cpe:2.3:o:kestrel:kic-300_firmware:3.4.1:*:*:*:*:*:*:*");
            assertTrue(fw.has("cpe"));
            fw.set("cpe", null);
            assertFalse(fw.has("cpe"));
            fw.removeValue("mechanism", "mech-app");
            assertEquals(List.of("mech-ota"), fw.values("mechanism"));
            fw.addValue("mechanism", "mech-app");
            fw.addValue("mechanism", "mech-app");
            assertEquals(List.of("mech-ota", "mech-app"), fw.values("mechanism"));
            assertThrows(EtsiException.NotFound.class, () -> fw.removeValue("mechanism", "mech-none"));
            assertThrows(EtsiException.NotFound.class, () -> fw.addValue("mechanism", "mech-none"));
            assertThrows(EtsiException.Invalid.class, () -> fw.set("updateable", "perhaps"));
            assertThrows(EtsiException.Invalid.class, () -> fw.set("name", null));
            assertThrows(EtsiException.Exists.class, () -> fw.set("id", "comp-se"));
            assertThrows(EtsiException.ReadOnly.class, () -> d.header().set("en303645", "2.1.1"));
            assertTrue(d.validate().isEmpty());
        }
    }

    @Test
    public void addingAndRemoving() {
        try (Dossier d = Dossier.loads(Fixtures.MINIMAL)) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("id", "ui");
            fields.put("kind", "application");
            fields.put("updateable", true);
            fields.put("name", "Web UI assets");
            fields.put("mechanism", List.of("ota"));
            Record ui = d.add("component", fields);
            assertEquals("ui", ui.key());
            assertEquals("true", ui.get("updateable"));
            assertEquals(0, ui.line());
            assertEquals(2, d.components().size());
            assertEquals(List.of("ota"), ui.values("mechanism"));

            Record ev = d.add("evidence", "id", "ev-sig", "provision", "5.3-2",
                              "kind", "functional", "category", "test-report",
                              "owner", "psirt", "review", "accepted", "release", "1.0.0",
                              "claim", "A modified image is rejected.");
            Map<String, Object> artifact = new LinkedHashMap<>();
            artifact.put("id", "art-sig");
            artifact.put("ref", "evidence/sig-test.pdf");
            artifact.put("media-type", "application/pdf");
            artifact.put("collected", "2026-11-01");
            artifact.put("visibility", "private");
            Record art = d.add(ev, "artifact", artifact);
            assertEquals(ev, art.parent());
            assertEquals(List.of(art), ev.children());

            assertThrows(EtsiException.Exists.class, () -> d.add("component", fields));
            assertThrows(EtsiException.Invalid.class, () -> d.add("component", "id", "x"));
            assertThrows(EtsiException.Invalid.class, () -> d.add("component", "id"));
            assertThrows("a singleton", EtsiException.Exists.class,
                         () -> d.add("header", new LinkedHashMap<>()));
            fields.put("id", "ui2");
            fields.put("mechanism", List.of("nowhere"));
            assertThrows(EtsiException.NotFound.class, () -> d.add("component", fields));
            assertEquals("nothing changed", 2, d.components().size());

            d.remove(ev);
            assertNull("a removed record reads as empty", ev.key());
            assertNull(art.key());
            assertEquals(0, d.count("evidence"));
            d.remove(ui);
            assertEquals(1, d.components().size());
            assertThrows(EtsiException.Invalid.class, () -> d.remove(d.header()));
            try (Dossier other = Dossier.loads(Fixtures.MINIMAL)) {
                Record foreign = other.find("component", "fw").orElseThrow();
                assertThrows(EtsiException.Invalid.class, () -> d.remove(foreign));
                assertThrows(EtsiException.Invalid.class, () -> d.add(foreign, "artifact", artifact));
            }
        }
    }

    @Test
    public void toMap() {
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            Map<String, Object> fw = d.find("component", "comp-fw").orElseThrow().toMap();
            assertEquals("comp-fw", fw.get("id"));
            assertEquals(List.of("mech-ota", "mech-app"), fw.get("mechanism"));
            assertFalse(fw.containsKey("cpe"));
            for (String kind : Etsi.kinds().keySet())
                for (Record r : d.records(kind))
                    assertFalse(kind, r.toMap().isEmpty() && r.key() != null);
            Map<String, Object> ev = d.evidence().stream().filter(r -> !r.children().isEmpty())
                                      .findFirst().orElseThrow().toMap();
            assertTrue(ev.toString(), ev.get("artifact") instanceof List || ev.get("covers") instanceof List);
        }
    }

    @Test
    public void unicodeOutsideTheBmp() {
        // modified UTF-8 (JNI's NewStringUTF) would mangle these
        String name = "Caf\u00e9 \u6771\u4eac \ud83d\udd12 \ud840\udc0b firmware";
        try (Dossier d = Dossier.loads(Fixtures.MINIMAL)) {
            Record fw = d.find("component", "fw").orElseThrow();
            fw.set("name", name);
            assertEquals(name, fw.get("name"));
            String xml = d.toXml();
            assertTrue(xml.contains(name));
            try (Dossier again = Dossier.loads(xml)) {
                assertEquals(name, again.find("component", "fw").orElseThrow().get("name"));
            }
            EtsiException.Invalid e = assertThrows(EtsiException.Invalid.class,
                                                   () -> fw.set("name", "nul\u0000inside"));
            assertTrue(e.getMessage(), e.getMessage().contains("NUL"));
            assertEquals("unchanged", name, fw.get("name"));
        }
    }
}
