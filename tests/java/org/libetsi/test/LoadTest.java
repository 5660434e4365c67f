/*
 * Loading, creating, validating, saving.
 */
package org.libetsi.test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;
import org.libetsi.CreateOption;
import org.libetsi.Diagnostic;
import org.libetsi.Dossier;
import org.libetsi.EtsiException;
import org.libetsi.LoadOption;
import org.libetsi.Record;
import org.libetsi.Severity;

public class LoadTest {
    @Test
    public void loadsEveryExample() {
        for (Path file : List.of(Fixtures.camera(), Fixtures.sensor(), Fixtures.plug())) {
            try (Dossier d = Dossier.load(file)) {
                assertEquals(file.toString(), d.path());
                assertTrue(d.validate().isEmpty());
                assertNotNull(d.header().get("release"));
            }
        }
    }

    @Test
    public void loadByName() {
        try (Dossier d = Dossier.load(Fixtures.camera().toString())) {
            assertEquals("KIC-300", d.dut().get("model-designation"));
            assertEquals("Dossier[KIC-300 release 3.4.0, EN 303 645 V3.1.3]", d.toString());
        }
    }

    @Test
    public void loadsFromStringAndBytes() {
        try (Dossier d = Dossier.loads(Fixtures.MINIMAL, LoadOption.name("minimal.xml"))) {
            assertEquals("minimal.xml", d.path());
            assertEquals("AD-10", d.dut().get("model-designation"));
        }
        try (Dossier d = Dossier.loads(Fixtures.MINIMAL.getBytes(StandardCharsets.UTF_8))) {
            assertEquals("<memory>", d.path());
        }
        // bytes keep the encoding the XML declaration names
        String latin = Fixtures.MINIMAL.replace("UTF-8", "ISO-8859-1")
                                       .replace("Acme Devices Ltd</manufacturer>",
                                                "Acm\u00e9 Devices Ltd</manufacturer>");
        try (Dossier d = Dossier.loads(latin.getBytes(StandardCharsets.ISO_8859_1))) {
            assertEquals("Acm\u00e9 Devices Ltd", d.dut().get("manufacturer"));
        }
    }

    @Test
    public void create() {
        try (Dossier d = Dossier.create("AD-20", "2.0.0", CreateOption.edition("2.1.1"),
                                        CreateOption.manufacturer("Acme Devices Ltd"))) {
            assertNull(d.path());
            assertEquals("2.1.1", d.header().get("en303645"));
            assertEquals("1.1.1", d.header().get("ts103701"));
            assertEquals("AD-20", d.dut().get("model-designation"));
            assertEquals("Acme Devices Ltd", d.dut().get("manufacturer"));
            assertEquals(16, d.ics().size());
            for (Record entry : d.ics())
                assertNull(entry.get("support"));
            assertTrue(d.validate().isEmpty());
        }
        try (Dossier d = Dossier.create("AD-30", "1.0")) {
            assertEquals("the latest edition", "3.1.3", d.header().get("en303645"));
            assertEquals(19, d.ics().size());
        }
        assertThrows(NullPointerException.class, () -> Dossier.create(null, "1.0"));
    }

    @Test
    public void validateListsEveryProblem() {
        String broken = Fixtures.MINIMAL.replace("<covered-by mechanism=\"ota\"/>",
                                                 "<covered-by mechanism=\"nowhere\"/>")
                                        .replace("support=\"Y\"", "support=\"maybe\"");
        assertThrows(EtsiException.Validation.class,
                     () -> Dossier.loads(broken, LoadOption.name("broken.xml")));
        try (Dossier d = Dossier.loads(broken, LoadOption.name("broken.xml"),
                                       LoadOption.noValidation())) {
            List<Diagnostic> problems = d.validate();
            assertTrue(problems.toString(), problems.size() >= 2);
            for (Diagnostic p : problems) {
                assertEquals(Severity.ERROR, p.getSeverity());
                assertEquals("broken.xml", p.getFile());
                assertTrue(p.getLine() > 0);
                assertFalse(p.getMessage().isEmpty());
                assertTrue(p.toString().startsWith("broken.xml:" + p.getLine() + ": error"));
            }
            assertThrows(UnsupportedOperationException.class, () -> problems.clear());
        }
    }

    @Test
    public void limits() {
        EtsiException.Limit size = assertThrows(EtsiException.Limit.class,
            () -> Dossier.load(Fixtures.camera(), LoadOption.maxSize(1000)));
        assertEquals(Fixtures.camera().toString(), size.getFile());
        assertThrows(EtsiException.Limit.class,
                     () -> Dossier.load(Fixtures.camera(), LoadOption.maxDepth(3)));
        assertThrows(EtsiException.Limit.class,
                     () -> Dossier.loads(Fixtures.MINIMAL, LoadOption.maxSize(100)));
        // a later option overrides an earlier one
        try (Dossier d = Dossier.load(Fixtures.camera(), LoadOption.maxSize(1000),
                                      LoadOption.maxSize(0))) {
            assertNotNull(d.header());
        }
        assertThrows(EtsiException.Invalid.class, () -> LoadOption.maxSize(-1));
        assertThrows(EtsiException.Invalid.class, () -> LoadOption.maxDepth(-1));
    }

    @Test
    public void maxElements() throws Exception {
        // etsi_load_options.max_elements: counted before parsing, for XML and JSON
        EtsiException.Limit limit = assertThrows(EtsiException.Limit.class,
            () -> Dossier.load(Fixtures.camera(), LoadOption.maxElements(50)));
        assertTrue(limit.getReason(), limit.getReason().contains("more than 50 elements"));
        assertEquals(Fixtures.camera().toString(), limit.getFile());
        assertTrue(limit.getLine() > 0);
        byte[] xml = Files.readAllBytes(Fixtures.camera());
        assertThrows(EtsiException.Limit.class,
                     () -> Dossier.loads(xml, LoadOption.maxElements(50)));
        String json;
        try (Dossier d = Dossier.load(Fixtures.camera(), LoadOption.maxElements(1000000))) {
            json = d.export("json");
        }
        byte[] jsonBytes = json.getBytes(StandardCharsets.UTF_8);
        EtsiException.Limit values = assertThrows(EtsiException.Limit.class,
            () -> Dossier.loadJson(jsonBytes, LoadOption.maxElements(50)));
        assertTrue(values.getReason(), values.getReason().contains("max_elements"));
        try (Dossier d = Dossier.loadJson(jsonBytes, LoadOption.maxElements(1000000))) {
            assertNotNull(d.header());
        }
        assertThrows(EtsiException.Invalid.class, () -> LoadOption.maxElements(-1));
        assertThrows(EtsiException.Invalid.class, () -> LoadOption.maxRecords(-1));
    }

    @Test
    public void saveAndReload() throws Exception {
        Path dir = Fixtures.tempDir();
        Path file = dir.resolve("kic-300.xml");
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            d.dut().set("hardware-version", "Rev. C");
            d.save(file);
            assertEquals(file.toString(), d.path());
            d.dut().set("hardware-version", "Rev. D");
            d.save();
        }
        try (Dossier d = Dossier.load(file)) {
            assertEquals("Rev. D", d.dut().get("hardware-version"));
            // extension namespaces survive
            assertTrue(d.toXml().contains("urn:example:acme:plm"));
            assertEquals(Fixtures.read(file), d.toXml());
        }
        try (Dossier d = Dossier.create("AD-40", "1.0")) {
            EtsiException.Invalid e = assertThrows(EtsiException.Invalid.class, d::save);
            assertEquals(EtsiException.EINVALID, e.getCode());
        }
        Files.delete(file);
    }

    @Test
    public void savingAnInvalidDossierWritesNothing() throws Exception {
        Path file = Fixtures.tempDir().resolve("minimal.xml");
        try (Dossier d = Dossier.loads(Fixtures.MINIMAL)) {
            d.save(file);
            String before = Fixtures.read(file);
            // the component still names the mechanism: a dangling reference
            d.remove(d.find("mechanism", "ota").orElseThrow());
            assertThrows(EtsiException.Validation.class, d::save);
            assertEquals(before, Fixtures.read(file));
        }
        Files.delete(file);
    }

    @Test
    public void toXmlIsDeterministic() {
        try (Dossier a = Dossier.load(Fixtures.sensor()); Dossier b = Dossier.load(Fixtures.sensor())) {
            assertEquals(a.toXml(), b.toXml());
            assertTrue(a.toXml().startsWith("<?xml"));
        }
    }
}
