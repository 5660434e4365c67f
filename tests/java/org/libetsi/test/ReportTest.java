/*
 * Reports: formats, dates, stylesheets, files.
 */
package org.libetsi.test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.Assume;
import org.junit.Test;
import org.libetsi.Dossier;
import org.libetsi.Etsi;
import org.libetsi.EtsiException;
import org.libetsi.ReportOption;
import org.libetsi.Results;

public class ReportTest {
    private static final ReportOption DATE = ReportOption.date(Fixtures.AS_OF);

    /**
     * Whether a format's stylesheet is built into this libetsi: the formats
     * are listed before every stylesheet has landed, and a format that is
     * not there yet says so with NotFound.
     */
    private static boolean available(Dossier d, String format) {
        try {
            d.report(format, DATE);
            return true;
        } catch (EtsiException.NotFound e) {
            if (!e.getReason().startsWith("no stylesheet named"))
                throw e;
            System.out.println("skipped: " + format + ": " + e.getReason());
            return false;
        }
    }

    @Test
    public void everyFormat() {
        try (Dossier d = Dossier.load(Fixtures.sensor())) {
            for (String format : Etsi.reportFormats()) {
                if (!available(d, format))
                    continue;
                String text = d.report(format, DATE);
                assertFalse(format, text.isEmpty());
                assertEquals(format + " is deterministic", text, d.report(format, DATE));
            }
            assertTrue(d.report("html", DATE).contains("<html"));
            assertTrue(d.report(null, DATE).contains("<html"));
            assertTrue(d.report("html", DATE).contains("VCS-200"));
            assertTrue(d.report("input", DATE).contains("urn:libetsi:report:1"));
            assertTrue(d.report("input", DATE).contains("2026-11-26"));
            if (available(d, "ics-csv"))
                assertTrue(d.report("ics-csv", DATE).contains("5.3-13"));
            if (available(d, "md"))
                assertTrue(d.report("md", DATE).contains("VCS-200"));
        }
    }

    @Test
    public void publicSummaryRefusesUnsupportedClaims() {
        try (Dossier d = Dossier.load(Fixtures.sensor())) {
            Assume.assumeTrue(available(d, "public"));
            assertTrue(d.report("public", DATE).contains("VCS-200"));
        }
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            d.header().set("public-conformance", "true");
            assertThrows(EtsiException.Validation.class, () -> d.report("public", DATE));
        }
    }

    @Test
    public void ownStylesheet() throws Exception {
        Path xsl = Fixtures.tempDir().resolve("brand.xsl");
        Files.writeString(xsl,
            "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
            + "<xsl:output method=\"text\"/>"
            + "<xsl:template match=\"/\">branded report</xsl:template></xsl:stylesheet>");
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            assertEquals("branded report", d.report("html", ReportOption.stylesheet(xsl)));
        }
    }

    @Test
    public void csvRaw() throws Exception {
        Path xsl = Fixtures.tempDir().resolve("raw.xsl");
        Files.writeString(xsl,
            "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
            + "<xsl:param name=\"csv-raw\"/><xsl:output method=\"text\"/>"
            + "<xsl:template match=\"/\">[<xsl:value-of select=\"$csv-raw\"/>]</xsl:template>"
            + "</xsl:stylesheet>");
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            assertEquals("[]", d.report("html", ReportOption.stylesheet(xsl)));
            assertEquals("[yes]", d.report("html", ReportOption.stylesheet(xsl),
                                           ReportOption.csvRaw()));
        }
    }

    @Test
    public void writeReport() {
        Path out = Fixtures.tempDir().resolve("kic-300.html");
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            d.writeReport(out, "html", DATE, ReportOption.asOf(LocalDate.of(2026, 11, 20)));
            assertEquals(d.report("html", DATE, ReportOption.asOf(LocalDate.of(2026, 11, 20))),
                         Fixtures.read(out));
        }
    }

    @Test
    public void resultsGiven() {
        try (Dossier d = Dossier.load(Fixtures.camera());
             Dossier other = Dossier.load(Fixtures.sensor());
             Results early = d.evaluate(LocalDate.of(2026, 3, 1));
             Results now = d.evaluate(Fixtures.AS_OF);
             Results others = other.evaluate(Fixtures.AS_OF)) {
            assertEquals(d.report("html", DATE), d.report("html", DATE, ReportOption.results(now)));
            // the results' date: not evaluated again
            assertTrue(d.report("input", DATE, ReportOption.asOf(Fixtures.AS_OF),
                                ReportOption.results(early)).contains("as-of=\"2026-03-01\""));
            assertThrows(EtsiException.Invalid.class,
                         () -> d.report("md", DATE, ReportOption.results(others)));
        }
    }

    @Test
    public void unknownFormat() {
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            EtsiException.Invalid e = assertThrows(EtsiException.Invalid.class,
                                                   () -> d.report("pdf"));
            assertTrue(e.getMessage(), e.getMessage().contains("pdf"));
        }
    }
}
