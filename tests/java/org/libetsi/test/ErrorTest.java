/*
 * Every error code becomes its EtsiException subclass, with the details.
 */
package org.libetsi.test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.Test;
import org.junit.function.ThrowingRunnable;
import org.libetsi.Catalog;
import org.libetsi.Dossier;
import org.libetsi.EtsiException;
import org.libetsi.LoadOption;
import org.libetsi.ReportOption;

public class ErrorTest {
    private static <T extends EtsiException> T expect(Class<T> type, int code, String name,
                                                      ThrowingRunnable run) {
        T e = assertThrows(type, run);
        assertEquals(code, e.getCode());
        assertEquals(name, e.getName());
        assertTrue(e instanceof RuntimeException);
        assertTrue(e.getMessage(), e.getMessage().endsWith(e.getReason()));
        return e;
    }

    @Test
    public void io() {
        EtsiException.IO e = expect(EtsiException.IO.class, EtsiException.EIO, "EIO",
                                    () -> Dossier.load(Paths.get("/nonexistent/dossier.xml")));
        assertEquals("/nonexistent/dossier.xml", e.getFile());
        assertTrue(e.getMessage().startsWith("/nonexistent/dossier.xml: "));
    }

    @Test
    public void conflict() throws Exception {
        Path dir = Fixtures.tempDir();
        Path file = dir.resolve("camera.xml");
        Files.copy(Fixtures.camera(), file);
        try (Dossier d = Dossier.load(file)) {
            d.setIcs("5.3-2", "Y", "changed in Java");
            Files.write(file, "<!-- another program -->\n".getBytes(),
                        java.nio.file.StandardOpenOption.APPEND);
            byte[] theirs = Files.readAllBytes(file);
            EtsiException.Conflict e = expect(EtsiException.Conflict.class,
                EtsiException.ECONFLICT, "ECONFLICT", d::save);
            assertEquals(file.toString(), e.getFile());
            assertTrue(e.getReason(), e.getReason().contains("since it was loaded"));
            assertTrue(java.util.Arrays.equals(theirs, Files.readAllBytes(file)));
        }
        /* a second lock of one file in one process: refused, not a hang */
        try (Dossier held = Dossier.load(file, LoadOption.lockForUpdate())) {
            expect(EtsiException.Conflict.class, EtsiException.ECONFLICT, "ECONFLICT",
                   () -> Dossier.load(file, LoadOption.lockForUpdate()));
            held.setIcs("5.3-2", "Y", "held");
            held.save();
        }
        try (Dossier again = Dossier.load(file, LoadOption.lockForUpdate())) {
            assertTrue(again.ics().stream().anyMatch(r -> "5.3-2".equals(r.get("provision"))
                                                    && "held".equals(r.get("detail"))));
        }
    }

    @Test
    public void parseWithLine() {
        EtsiException.Parse e = expect(EtsiException.Parse.class, EtsiException.EPARSE, "EPARSE",
            () -> Dossier.loads("<dossier>\n<header>\n</dossier>", LoadOption.name("broken.xml")));
        assertEquals("broken.xml", e.getFile());
        assertEquals(3, e.getLine());
        assertTrue(e.getMessage(), e.getMessage().startsWith("broken.xml:3: "));
    }

    @Test
    public void xxeIsRefused() throws Exception {
        Path secret = Files.createTempFile("libetsi-secret", ".txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?>\n"
                     + "<!DOCTYPE dossier [\n"
                     + "  <!ENTITY secret SYSTEM \"file://" + secret + "\">\n"
                     + "]>\n"
                     + "<dossier xmlns=\"urn:libetsi:dossier:1\" schema-version=\"1.0\">&secret;</dossier>\n";
        EtsiException.Parse e = expect(EtsiException.Parse.class, EtsiException.EPARSE, "EPARSE",
                                       () -> Dossier.loads(xxe));
        assertTrue(e.getReason(), e.getReason().contains("DOCTYPE"));
        assertTrue(!e.getMessage().contains("TOP-SECRET"));
        // also without validation, and from a file
        expect(EtsiException.Parse.class, EtsiException.EPARSE, "EPARSE",
               () -> Dossier.loads(xxe, LoadOption.noValidation()));
        Path file = Files.createTempFile("libetsi-xxe", ".xml");
        Files.writeString(file, xxe);
        EtsiException.Parse f = expect(EtsiException.Parse.class, EtsiException.EPARSE, "EPARSE",
                                       () -> Dossier.load(file));
        assertEquals(file.toString(), f.getFile());
        String billion = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                         + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n"
                         + "<dossier xmlns=\"urn:libetsi:dossier:1\">&lol2;</dossier>";
        expect(EtsiException.Parse.class, EtsiException.EPARSE, "EPARSE", () -> Dossier.loads(billion));
        String pi = Fixtures.MINIMAL.replace("<ixit/>", "<ixit/><?evil instruction?>");
        expect(EtsiException.Parse.class, EtsiException.EPARSE, "EPARSE", () -> Dossier.loads(pi));
        Files.delete(secret);
        Files.delete(file);
    }

    @Test
    public void validation() {
        EtsiException.Validation e = expect(EtsiException.Validation.class,
            EtsiException.EVALIDATION, "EVALIDATION",
            () -> Dossier.loads("<dossier xmlns=\"urn:libetsi:dossier:1\" schema-version=\"1.0\"/>"));
        assertEquals("<memory>", e.getFile());
        assertEquals(1, e.getLine());
    }

    @Test
    public void limit() {
        expect(EtsiException.Limit.class, EtsiException.ELIMIT, "ELIMIT",
               () -> Dossier.load(Fixtures.camera(), LoadOption.maxDepth(2)));
    }

    @Test
    public void unsupported() {
        expect(EtsiException.Unsupported.class, EtsiException.EUNSUPPORTED, "EUNSUPPORTED",
               () -> Catalog.open("9.9.9"));
        expect(EtsiException.Unsupported.class, EtsiException.EUNSUPPORTED, "EUNSUPPORTED",
               () -> Dossier.loads("<dossier xmlns=\"urn:libetsi:dossier:1\" schema-version=\"2.0\"/>"));
    }

    @Test
    public void invalidNotFoundExistsReadOnly() {
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            EtsiException.Invalid i = expect(EtsiException.Invalid.class, EtsiException.EINVALID,
                                             "EINVALID", () -> d.setIcs("5.3-2", "maybe"));
            assertNull(i.getFile());
            assertEquals(0, i.getLine());
            assertEquals(i.getReason(), i.getMessage());
            expect(EtsiException.NotFound.class, EtsiException.ENOTFOUND, "ENOTFOUND",
                   () -> d.setIcs("9.9-9", "Y"));
            expect(EtsiException.Exists.class, EtsiException.EEXISTS, "EEXISTS",
                   () -> d.find("component", "comp-fw").orElseThrow().set("id", "comp-se"));
            expect(EtsiException.ReadOnly.class, EtsiException.EREADONLY, "EREADONLY",
                   () -> d.header().set("ts103701", "1.1.1"));
            // the Java layer's own checks report as the C API does
            expect(EtsiException.Invalid.class, EtsiException.EINVALID, "EINVALID",
                   () -> d.records("no-such-kind"));
        }
    }

    @Test
    public void transform() throws Exception {
        Path xsl = Files.createTempFile("libetsi-read", ".xsl");
        Files.writeString(xsl,
            "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
            + "<xsl:template match=\"/\"><x><xsl:copy-of select=\"document('file:///etc/hostname')\"/>"
            + "</x></xsl:template></xsl:stylesheet>");
        try (Dossier d = Dossier.load(Fixtures.camera())) {
            EtsiException.Transform e = expect(EtsiException.Transform.class,
                EtsiException.ETRANSFORM, "ETRANSFORM",
                () -> d.report("html", ReportOption.stylesheet(xsl)));
            assertEquals(xsl.toString(), e.getFile());
        }
        Files.delete(xsl);
    }

    @Test
    public void everyClassIsAnEtsiException() {
        Class<?>[] classes = { EtsiException.NoMemory.class, EtsiException.Invalid.class,
            EtsiException.NotFound.class, EtsiException.Exists.class, EtsiException.IO.class,
            EtsiException.Parse.class, EtsiException.Validation.class, EtsiException.Limit.class,
            EtsiException.Unsupported.class, EtsiException.ReadOnly.class,
            EtsiException.Transform.class, EtsiException.Integrity.class,
            EtsiException.Conflict.class, EtsiException.Other.class };
        for (Class<?> c : classes)
            assertTrue(c.getName(), EtsiException.class.isAssignableFrom(c));
        EtsiException e = new EtsiException.Parse("bad", "x.xml", 4, 2);
        assertEquals("x.xml:4: bad", e.getMessage());
        assertEquals(2, e.getColumn());
        assertEquals(EtsiException.EPARSE, e.getCode());
        EtsiException other = new EtsiException.Other(-99, "EFUTURE", "new", null, 0, 0);
        assertEquals(-99, other.getCode());
        assertEquals("new", other.getMessage());
    }
}
