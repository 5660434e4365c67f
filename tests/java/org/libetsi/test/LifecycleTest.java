/*
 * Lifetimes: try-with-resources, use after close, records outliving their
 * dossier's handle, many cycles, one dossier per thread.
 */
package org.libetsi.test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;
import org.junit.function.ThrowingRunnable;
import org.libetsi.Catalog;
import org.libetsi.Dossier;
import org.libetsi.LoadOption;
import org.libetsi.Record;
import org.libetsi.RecordOwner;
import org.libetsi.Results;

public class LifecycleTest {
    private static void closed(ThrowingRunnable run) {
        IllegalStateException e = assertThrows(IllegalStateException.class, run);
        assertTrue(e.getMessage(), e.getMessage().endsWith(" was closed"));
    }

    /** Makes garbage and asks for collections, so that cleaners get their chance. */
    private static void collect() {
        for (int i = 0; i < 5; i++) {
            List<byte[]> garbage = new ArrayList<>();
            for (int j = 0; j < 64; j++)
                garbage.add(new byte[64 * 1024]);
            garbage.clear();
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    public void tryWithResources() {
        Dossier kept;
        Results results;
        Catalog catalog;
        try (Dossier d = Dossier.load(Fixtures.camera());
             Results r = d.evaluate(Fixtures.AS_OF);
             Catalog c = Catalog.open("3.1.3")) {
            kept = d;
            results = r;
            catalog = c;
            assertFalse(d.isClosed());
            assertFalse(r.isClosed());
        }
        assertTrue(kept.isClosed());
        assertTrue(results.isClosed());
        assertTrue(catalog.isClosed());
        assertEquals("Dossier[closed]", kept.toString());
        assertEquals("Results[closed]", results.toString());
        assertEquals("Catalog[closed]", catalog.toString());
        kept.close();   // twice is fine
    }

    @Test
    public void useAfterCloseThrows() {
        Dossier d = Dossier.load(Fixtures.camera());
        Record fw = d.find("component", "comp-fw").orElseThrow();
        Record header = d.header();
        Results r = d.evaluate(Fixtures.AS_OF);
        Record outcome = r.outcomes().get(0);
        d.close();
        closed(d::toXml);
        closed(d::validate);
        closed(d::check);
        closed(d::evaluate);
        closed(() -> d.report("html"));
        closed(d::save);
        closed(d::path);
        closed(d::catalog);
        closed(d::components);
        closed(() -> d.records("component"));
        closed(() -> d.count("component"));
        closed(() -> d.find("component", "comp-fw"));
        closed(() -> d.setIcs("5.3-2", "Y"));
        closed(() -> d.setVerdict("5.3-2-1", "PASS", "tl-meridian"));
        closed(() -> d.add("component", "id", "x"));
        closed(() -> d.storePlan(r));
        closed(() -> d.remove(fw));
        // its records too, but for what needs no native memory
        closed(fw::key);
        closed(() -> fw.get("name"));
        closed(() -> fw.values("mechanism"));
        closed(() -> fw.set("name", "x"));
        closed(fw::children);
        closed(fw::toMap);
        closed(header::line);
        assertEquals("component", fw.kind());
        assertEquals("Record[component (closed)]", fw.toString());
        assertEquals(fw, fw);
        // results live on: they are independent of their dossier
        assertEquals("INCONCLUSIVE", r.overall());
        assertNotNull(outcome.get("outcome"));
        r.close();
        closed(r::overall);
        closed(r::isReady);
        closed(r::findings);
        closed(() -> r.write("all", "json"));
        closed(() -> outcome.get("outcome"));
        Catalog c = Catalog.open();
        Record p = c.provisions().get(0);
        c.close();
        closed(c::provisions);
        closed(p::key);
    }

    private static Record componentOfAnUnclosedDossier() {
        return Dossier.load(Fixtures.camera()).find("component", "comp-fw").orElseThrow();
    }

    @Test
    public void recordOutlivesItsDossierHandle() {
        Record fw = componentOfAnUnclosedDossier();
        // nothing but the record reaches the dossier now
        collect();
        assertEquals("comp-fw", fw.key());
        assertEquals(List.of("mech-ota", "mech-app"), fw.values("mechanism"));
        assertFalse(fw.owner().isClosed());
        // and the same with the call chained on a temporary
        String name = Dossier.load(Fixtures.sensor()).dut().get("model-designation");
        assertEquals("VCS-200", name);
        Record outcome = Dossier.load(Fixtures.sensor()).evaluate(Fixtures.AS_OF)
                                .find("outcome", "5.3-13").orElseThrow();
        Record provision = Catalog.open("2.1.1").find("provision", "5.3-1").orElseThrow();
        Record borrowed = Dossier.load(Fixtures.plug()).catalog().find("provision", "5.3-2")
                                 .orElseThrow();
        collect();
        assertEquals("PASS", outcome.get("outcome"));
        assertEquals("5.3-1", provision.key());
        assertEquals("M", borrowed.get("status"));
        for (Record r : outcome.children())
            assertNotNull(r.get("outcome"));
    }

    @Test
    public void ownersAreCollectedOnceTheirRecordsAre() {
        Record fw = componentOfAnUnclosedDossier();
        WeakReference<RecordOwner> owner = new WeakReference<>(fw.owner());
        assertEquals("comp-fw", fw.key());
        fw = null;
        for (int i = 0; i < 50 && owner.get() != null; i++)
            collect();
        assertEquals("the dossier was collected", null, owner.get());
    }

    @Test
    public void manyCycles() {
        for (int i = 0; i < 1000; i++) {
            try (Dossier d = Dossier.loads(Fixtures.MINIMAL)) {
                assertEquals("fw", d.components().get(0).key());
            }
        }
        for (int i = 0; i < 100; i++) {
            try (Dossier d = Dossier.load(Fixtures.camera()); Results r = d.evaluate(Fixtures.AS_OF)) {
                assertEquals("INCONCLUSIVE", r.overall());
            }
        }
        // and left to the cleaner
        for (int i = 0; i < 500; i++) {
            Dossier d = Dossier.loads(Fixtures.MINIMAL, LoadOption.noValidation());
            d.evaluate(Fixtures.AS_OF).summary().get("overall");
            Catalog.open("2.1.1").provisions();
            if (i % 100 == 0)
                collect();
        }
        collect();
    }

    @Test
    public void oneDossierPerThread() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int n = t;
                futures.add(pool.submit(() -> {
                    String last = null;
                    for (int i = 0; i < 10; i++) {
                        try (Dossier d = Dossier.load(n % 2 == 0 ? Fixtures.plug() : Fixtures.sensor());
                             Results r = d.evaluate(Fixtures.AS_OF)) {
                            d.check(Fixtures.AS_OF);
                            d.report("input");
                            last = r.overall();
                        }
                    }
                    return last;
                }));
            }
            for (int t = 0; t < futures.size(); t++)
                assertEquals(t % 2 == 0 ? "FAIL" : "PASS", futures.get(t).get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    public void aCatalogIsSharedByThreads() throws Exception {
        try (Catalog c = Catalog.open("3.1.3")) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++)
                    futures.add(pool.submit(() -> {
                        int n = 0;
                        for (int i = 0; i < 50; i++)
                            for (Record tc : c.testCases())
                                n += tc.children().size() > 0 ? 1 : 0;
                        return n;
                    }));
                int first = futures.get(0).get();
                for (Future<Integer> f : futures)
                    assertEquals(first, (int) f.get());
            } finally {
                pool.shutdown();
            }
        }
    }
}
