/*
 * The GRC interchange through the Java binding (docs/interchange.md): the
 * JSON form and back, OSCAL exports, the ICS spreadsheet and SBOM imports.
 */
package org.libetsi.test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;
import org.libetsi.Diagnostic;
import org.libetsi.Dossier;
import org.libetsi.EtsiException;
import org.libetsi.LoadOption;

public class InterchangeTest {
    private static final String CYCLONEDX =
        "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": ["
        + "{\"type\": \"library\", \"name\": \"zlib\", \"version\": \"1.3.1\", "
        + "\"purl\": \"pkg:generic/zlib@1.3.1\"}]}";

    @Test
    public void jsonRoundTrip() {
        try (Dossier dossier = Dossier.load(Fixtures.camera())) {
            String json = dossier.export("json");
            assertTrue(json.contains("\"format\": \"urn:libetsi:dossier-json:1\""));
            try (Dossier back = Dossier.loadJson(json.getBytes(StandardCharsets.UTF_8),
                                                 LoadOption.name("camera.json"))) {
                assertNull(back.path());
                assertEquals(json, back.export(null));
                assertEquals(dossier.components().size(), back.components().size());
            }
            Path file = Fixtures.tempDir().resolve("camera.json");
            dossier.writeExport(file, "json");
            try (Dossier back = Dossier.loadJson(file)) {
                assertEquals("3.4.0", back.header().get("release"));
            }
        }
    }

    @Test
    public void refusedJsonNamesThePath() {
        try {
            Dossier.loadJson("{\"format\": \"urn:libetsi:dossier-json:1\", \"dossier\": {}}"
                             .getBytes(StandardCharsets.UTF_8));
            fail("accepted");
        } catch (EtsiException.Validation e) {
            assertTrue(e.getMessage(), e.getMessage().contains("/dossier"));
        }
        try {
            Dossier.loadJson("{".getBytes(StandardCharsets.UTF_8));
            fail("accepted");
        } catch (EtsiException.Parse e) {
            assertEquals(1, e.getLine());
        }
    }

    @Test
    public void oscal() {
        try (Dossier dossier = Dossier.load(Fixtures.sensor())) {
            String json = dossier.export("oscal-json");
            assertTrue(json.contains("\"oscal-version\": \"1.1.2\""));
            assertEquals(json, dossier.export("oscal-json"));
            String xml = dossier.export("oscal-xml", Fixtures.AS_OF, "2027-01-02");
            assertTrue(xml.contains("<last-modified>2027-01-02T00:00:00Z</last-modified>"));
        }
        assertEquals(List.of("json", "oscal-json", "oscal-xml", "oscal-ap", "oscal-ap-xml"),
                     Dossier.exportFormats());
        assertEquals(List.of("ics-csv", "cyclonedx", "spdx"), Dossier.importFormats());
    }

    @Test
    public void icsCsv() {
        try (Dossier dossier = Dossier.loads(Fixtures.MINIMAL)) {
            List<Diagnostic> report = dossier.importIcsCsv(
                "Reference;Status;Support;Detail\r\nProvision 5.3-13;M;y;Published.\r\n"
                .getBytes(StandardCharsets.UTF_8), null, "sheet.csv");
            assertEquals(1, report.size());
            assertEquals("Y", dossier.find("ics-entry", "5.3-13").get().get("support"));
            try {
                dossier.importIcsCsv("Reference,Support\n5.3-99,Y\n5.3-2,maybe\n"
                                     .getBytes(StandardCharsets.UTF_8), null, "bad.csv");
                fail("accepted");
            } catch (EtsiException.Validation e) {
                assertEquals("bad.csv", e.getFile());
                assertEquals(2, e.getLine());
                assertTrue(e.getMessage(), e.getMessage().contains("(and 1 more problem)"));
            }
        }
    }

    @Test
    public void sbom() {
        try (Dossier dossier = Dossier.loads(Fixtures.MINIMAL)) {
            int before = dossier.components().size();
            List<Diagnostic> report = dossier.importSbom(CYCLONEDX.getBytes(StandardCharsets.UTF_8),
                                                         "cyclonedx", "bom.json");
            assertEquals("added", report.get(0).getRule());
            dossier.importSbom(CYCLONEDX.getBytes(StandardCharsets.UTF_8), "cyclonedx", "bom.json");
            assertEquals(before + 1, dossier.components().size());
            try {
                dossier.importSbom("{\"spdxVersion\": \"SPDX-2.1\"}".getBytes(StandardCharsets.UTF_8),
                                   "spdx", "old.json");
                fail("accepted");
            } catch (EtsiException.Unsupported e) {
                assertTrue(e.getMessage(), e.getMessage().contains("SPDX-2.1"));
            }
        }
    }

    @Test
    public void importLimits() {
        // etsi_import_options.max_records and max_elements: a limit below the
        // input refuses it, changing nothing; at its size the input passes
        byte[] sbom = CYCLONEDX.getBytes(StandardCharsets.UTF_8);   // 1 component
        byte[] two = CYCLONEDX.replace("}]}", "}, {\"type\": \"library\", \"name\": "
                                       + "\"xz\", \"version\": \"5.6.2\"}]}")
                              .getBytes(StandardCharsets.UTF_8);
        byte[] csv = "Reference,Support\n5.3-2,Y\n5.3-3,Y\n".getBytes(StandardCharsets.UTF_8);
        try (Dossier dossier = Dossier.loads(Fixtures.MINIMAL)) {
            String before = dossier.toXml();
            EtsiException.Limit records = assertThrows(EtsiException.Limit.class,
                () -> dossier.importSbom(two, "cyclonedx", "bom.json", LoadOption.maxRecords(1)));
            assertTrue(records.getReason(), records.getReason().contains("more than 1 components"));
            EtsiException.Limit values = assertThrows(EtsiException.Limit.class,
                () -> dossier.importSbom(sbom, "cyclonedx", "bom.json", LoadOption.maxElements(5)));
            assertTrue(values.getReason(), values.getReason().contains("max_elements"));
            assertThrows(EtsiException.Limit.class,
                () -> dossier.importIcsCsv(csv, null, "ics.csv", LoadOption.maxRecords(1)));
            assertThrows(EtsiException.Limit.class,
                () -> dossier.importIcsCsv(csv, null, "ics.csv", LoadOption.maxElements(3)));
            assertEquals(before, dossier.toXml());
            assertEquals(2, dossier.importSbom(two, "cyclonedx", "bom.json",
                                               LoadOption.maxRecords(2)).size());
            assertEquals(2, dossier.importIcsCsv(csv, null, "ics.csv", LoadOption.maxRecords(2),
                                                 LoadOption.maxElements(6)).size());
        }
    }
}
