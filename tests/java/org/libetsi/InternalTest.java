/*
 * What only the package sees: the cleaner frees what was not closed, the one
 * table from codes to exception classes, a diagnostic as the native code
 * makes it, and where the JNI library is looked for.
 */
package org.libetsi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.Test;

public class InternalTest {
    private static void collectUntil(long live) throws InterruptedException {
        for (int i = 0; i < 200 && RecordOwner.liveNativeObjects() > live; i++) {
            byte[][] garbage = new byte[32][];
            for (int j = 0; j < garbage.length; j++)
                garbage[j] = new byte[64 * 1024];
            System.gc();
            Thread.sleep(20);
        }
    }

    private static String examples() {
        String dir = System.getenv("ETSI_EXAMPLES");
        return dir != null ? dir : "examples/dossiers";
    }

    @Test
    public void aCopiedJarLooksWhereTheJniLibraryWasInstalled() {
        // a copy of the jar in a Maven or Gradle cache has nothing beside it:
        // the directory cmake --install puts libetsijni into is recorded
        String installed = NativeLibrary.property("jni.install.dir");
        assertTrue("jni.install.dir is recorded", installed != null);
        assertTrue(installed, Paths.get(installed).isAbsolute());
        assertTrue(installed, installed.endsWith("/jni"));
        List<Path> candidates = NativeLibrary.besideJar();
        Path expected = Paths.get(installed).resolve(System.mapLibraryName(NativeLibrary.NAME));
        assertTrue(candidates.toString(), candidates.contains(expected));
        assertEquals("after the places beside the jar", expected,
                     candidates.get(candidates.size() - 1));
    }

    @Test
    public void closeFreesAtOnce() {
        long before = RecordOwner.liveNativeObjects();
        Dossier d = Dossier.load(Paths.get(examples(), "smart-camera-v3.xml"));
        Results r = d.evaluate();
        Catalog c = Catalog.open();
        Catalog borrowed = d.catalog();
        assertEquals("a dossier's catalog is not owned", before + 3, RecordOwner.liveNativeObjects());
        borrowed.close();
        assertEquals(before + 3, RecordOwner.liveNativeObjects());
        r.close();
        c.close();
        d.close();
        d.close();
        assertEquals(before, RecordOwner.liveNativeObjects());
    }

    @Test
    public void cleanerFreesWhatWasNotClosed() throws InterruptedException {
        collectUntil(0);
        long before = RecordOwner.liveNativeObjects();
        for (int i = 0; i < 100; i++) {
            Dossier d = Dossier.load(Paths.get(examples(), "constrained-sensor-v2.xml"));
            d.evaluate().overall();
            Catalog.open("2.1.1");
        }
        assertTrue(RecordOwner.liveNativeObjects() > before);
        collectUntil(before);
        assertEquals("every dossier, results and catalog was freed", before,
                     RecordOwner.liveNativeObjects());
    }

    @Test
    public void aRecordKeepsItsDossierFromTheCleaner() throws InterruptedException {
        collectUntil(0);
        long before = RecordOwner.liveNativeObjects();
        Record header = Dossier.load(Paths.get(examples(), "smart-plug-usb-v3.xml")).header();
        collectUntil(before);
        assertEquals(before + 1, RecordOwner.liveNativeObjects());
        assertEquals("2.4.0", header.get("release"));
        header = null;
        collectUntil(before);
        assertEquals(before, RecordOwner.liveNativeObjects());
    }

    @Test
    public void codesMapToClasses() {
        Object[][] table = {
            { -1, EtsiException.Other.class }, { -2, EtsiException.NoMemory.class },
            { -3, EtsiException.Invalid.class }, { -4, EtsiException.NotFound.class },
            { -5, EtsiException.Exists.class }, { -6, EtsiException.IO.class },
            { -7, EtsiException.Parse.class }, { -8, EtsiException.Validation.class },
            { -9, EtsiException.Limit.class }, { -10, EtsiException.Unsupported.class },
            { -11, EtsiException.ReadOnly.class }, { -12, EtsiException.Transform.class },
            { -13, EtsiException.Integrity.class }, { -14, EtsiException.Conflict.class },
            { -15, EtsiException.Stopped.class }, { -16, EtsiException.Other.class },
        };
        String[] names = { "ERROR", "ENOMEM", "EINVALID", "ENOTFOUND", "EEXISTS", "EIO", "EPARSE",
                           "EVALIDATION", "ELIMIT", "EUNSUPPORTED", "EREADONLY", "ETRANSFORM",
                           "EINTEGRITY", "ECONFLICT", "ESTOPPED", "EFUTURE" };
        for (int i = 0; i < table.length; i++) {
            int code = (Integer) table[i][0];
            EtsiException e = EtsiException.fromNative(code, names[i], "message", "f.xml", 7, 3);
            assertSame(names[i], table[i][1], e.getClass());
            assertEquals(code, e.getCode());
            assertEquals(names[i], e.getName());
            assertEquals("f.xml", e.getFile());
            assertEquals(7, e.getLine());
            assertEquals(3, e.getColumn());
            assertEquals("f.xml:7: message", e.getMessage());
        }
        assertEquals("ERROR", EtsiException.fromNative(-1, null, null, null, 0, 0).getName());
    }

    @Test
    public void aDiagnosticNamesTheClaimAndTheFact() {
        Diagnostic d = new Diagnostic("error", "kic.xml", 12, 0, "some-rule", "mech-ota", "5.3-9",
                                      "5.3-9 is claimed Y, but the mechanism says otherwise",
                                      null, false, null, "ICS 5.3-9: Y",
                                      "mechanism 'mech-ota' verification where=server-or-transport",
                                      160);
        assertEquals("ICS 5.3-9: Y", d.getClaim());
        assertEquals("mechanism 'mech-ota' verification where=server-or-transport", d.getFact());
        assertEquals(160, d.getFactLine());
        // toString stays the line the etsi command prints
        assertEquals("kic.xml:12: error[some-rule] 5.3-9: "
                     + "5.3-9 is claimed Y, but the mechanism says otherwise", d.toString());
        Diagnostic same = new Diagnostic("error", "kic.xml", 12, 0, "some-rule", "mech-ota",
                                         "5.3-9", d.getMessage(), null, false, null,
                                         d.getClaim(), d.getFact(), 160);
        assertEquals(d, same);
        assertEquals(d.hashCode(), same.hashCode());
        Diagnostic otherLine = new Diagnostic("error", "kic.xml", 12, 0, "some-rule", "mech-ota",
                                              "5.3-9", d.getMessage(), null, false, null,
                                              d.getClaim(), d.getFact(), 161);
        assertNotEquals(d, otherLine);
        Diagnostic plain = new Diagnostic("info", "x.xml", 0, 0, null, null, null, "m", null,
                                          false, null, null, null, 0);
        assertNull(plain.getClaim());
        assertNull(plain.getFact());
        assertEquals(0, plain.getFactLine());
        assertNotEquals(d, plain);
    }

    @Test
    public void aGroupedDiagnosticListsItsOccurrences() {
        Occurrence first = new Occurrence(28, null, "5.3-1", "provision 5.3-1 has no ICS entry",
                                          null);
        Occurrence second = new Occurrence(28, null, "5.3-2", "provision 5.3-2 has no ICS entry",
                                           null);
        Diagnostic d = new Diagnostic("error", "d.xml", 28, 0, "ics-entry-missing", null, "5.3-1",
                                      first.getMessage(), null, false, null, null, null, 0,
                                      "F3", "F1", 2, new Occurrence[] { first, second });
        assertEquals("F3", d.getId());
        assertEquals("F1", d.getCausedBy());
        assertEquals(2, d.getCount());
        assertEquals(2, d.getOccurrences().size());
        assertEquals("5.3-2", d.getOccurrences().get(1).getReference());
        assertEquals("line 28: provision 5.3-2 has no ICS entry",
                     d.getOccurrences().get(1).toString());
        Diagnostic alone = new Diagnostic("error", "d.xml", 28, 0, "ics-entry-missing", null,
                                          "5.3-1", first.getMessage(), null, false, null, null,
                                          null, 0);
        assertEquals(1, alone.getCount());
        assertEquals(first, alone.getOccurrences().get(0));
        assertNotEquals(d, alone);
    }
}
