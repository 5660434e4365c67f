/*
 * The lifecycle from Java: artifact digests (hash, verify, tampering, a
 * reference escaping the root, progress), the next release's dossier with
 * its carried items, and the diff between dossiers with stale evidence.
 */
package org.libetsi.test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;
import org.libetsi.Change;
import org.libetsi.Diagnostic;
import org.libetsi.Diff;
import org.libetsi.Dossier;
import org.libetsi.EtsiException;
import org.libetsi.Record;
import org.libetsi.Severity;
import org.libetsi.Stale;

public class ReleaseDiffTest {
    private static Path lifecycle() {
        String src = System.getenv("ETSI_SOURCE_DIR");
        return Paths.get(src != null ? src : ".", "tests", "data", "lifecycle");
    }

    private static String rule(List<Diagnostic> report, String artifact) {
        for (Diagnostic d : report)
            if (artifact.equals(d.getElement()))
                return d.getRule();
        throw new AssertionError("no diagnostic for " + artifact);
    }

    /** A copy of the evidence package in a temporary directory. */
    private static Path copyPackage() throws IOException {
        Path root = Fixtures.tempDir().resolve("package");
        Path from = lifecycle().resolve("package");
        List<Path> files;
        try (java.util.stream.Stream<Path> walk = Files.walk(from)) {
            files = walk.collect(Collectors.toList());
        }
        for (Path p : files) {
            Path to = root.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p))
                Files.createDirectories(to);
            else
                Files.copy(p, to);
        }
        return root;
    }

    @Test
    public void hashVerifyAndTamper() throws IOException {
        Path root = copyPackage();
        try (Dossier d = Dossier.load(lifecycle().resolve("evidence.xml"))) {
            List<Diagnostic> report = d.verifyArtifacts(root);
            assertEquals(5, report.size());
            assertEquals("artifact-ok", rule(report, "art-report"));
            assertEquals("artifact-no-digest", rule(report, "art-settings"));
            assertEquals("artifact-external", rule(report, "art-support-page"));

            List<Long> done = new ArrayList<>();
            report = d.hashArtifacts(root, false, (artifact, ref, index, count, bytes, total) -> {
                assertEquals(5, count);
                done.add(bytes);
            });
            assertEquals("artifact-hashed", rule(report, "art-settings"));
            assertFalse(done.isEmpty());
            Record settings = d.find("artifact", "art-settings").orElseThrow();
            assertEquals(64, settings.get("sha256").length());
            assertEquals("144", settings.get("size"));

            // one byte flipped
            Path log = root.resolve("logs/device.log");
            byte[] bytes = Files.readAllBytes(log);
            bytes[10] ^= 1;
            Files.write(log, bytes);
            report = d.verifyArtifacts(root);
            assertEquals("artifact-changed", rule(report, "art-log"));
            Diagnostic changed = report.stream().filter(x -> "art-log".equals(x.getElement()))
                                       .findFirst().orElseThrow();
            assertEquals(Severity.ERROR, changed.getSeverity());
            assertEquals("5.3-9", changed.getReference());
            report = d.hashArtifacts(root, true, null);
            assertEquals("artifact-updated", rule(report, "art-log"));
        }
    }

    @Test
    public void escapesAreRefused() throws IOException {
        Path root = copyPackage();
        Path outside = root.getParent().resolve("secret.txt");
        Files.write(outside, "secret".getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(root.resolve("reports/link.txt"), Paths.get("../../secret.txt"));
        String xml = Fixtures.read(lifecycle().resolve("evidence.xml"))
            .replace("ref=\"logs/device.log\"", "ref=\"reports/link.txt\"")
            .replace("ref=\"reports/crypto-spec.txt\"", "ref=\"../secret.txt\"");
        try (Dossier d = Dossier.loads(xml)) {
            List<Diagnostic> report = d.verifyArtifacts(root);
            assertEquals("artifact-refused", rule(report, "art-log"));
            assertEquals("artifact-refused", rule(report, "art-spec"));
        }
        try (Dossier d = Dossier.load(lifecycle().resolve("evidence.xml"))) {
            assertThrows(EtsiException.IO.class, () -> d.verifyArtifacts(root.resolve("nothing")));
        }
    }

    @Test
    public void progressCanStop() throws IOException {
        Path root = copyPackage();
        try (Dossier d = Dossier.load(lifecycle().resolve("evidence.xml"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> d.hashArtifacts(root, false, (a, r, i, c, done, total) -> {
                    throw new IllegalStateException("stop at " + a);
                }));
            assertEquals("stop at art-report", e.getMessage());
            // the dossier is usable afterwards
            assertEquals(5, d.verifyArtifacts(root).size());
        }
    }

    @Test
    public void releaseMarksAndChecks() {
        try (Dossier old = Dossier.load(lifecycle().resolve("evidence.xml"));
             Dossier next = old.release("1.1.0", LocalDate.of(2026, 6, 1))) {
            assertNull(next.path());
            assertEquals("1.1.0", next.header().get("release"));
            assertEquals("1.0.0", next.header().get("previous-release"));
            assertEquals("1.0.0", old.header().get("release"));
            Record e = next.find("evidence", "ev-crypto").orElseThrow();
            assertEquals("needs-review", e.get("review"));
            assertEquals("1.0.0", e.get("carried-from"));
            assertEquals("1.0.0", e.get("release"));
            assertEquals("1.0.0", next.find("verdict", "5.3-9-1").orElseThrow().get("carried-from"));
            assertTrue(next.validate().isEmpty());
            List<String> rules = next.check(LocalDate.of(2026, 6, 1)).stream()
                                     .map(Diagnostic::getRule).collect(Collectors.toList());
            assertTrue(rules.contains("ics-needs-review"));
            assertTrue(rules.contains("verdict-needs-review"));
            assertTrue(rules.contains("evidence-needs-review"));
            assertThrows(EtsiException.Invalid.class, () -> old.release("1.0.0"));
        }
    }

    @Test
    public void diffAndStale() {
        String xml = Fixtures.read(lifecycle().resolve("evidence.xml"))
            .replace("ECDSA P-256 over SHA-256 for the manifest",
                     "ECDSA P-384 over SHA-384 for the manifest");
        try (Dossier a = Dossier.load(lifecycle().resolve("evidence.xml"));
             Dossier b = Dossier.loads(xml)) {
            Diff same = a.diff(a);
            assertTrue(same.isEmpty());
            assertEquals(0, same.size());
            Diff diff = a.diff(b);
            assertEquals(1, diff.size());
            Change c = diff.changes().get(0);
            assertEquals("changed", c.getChange());
            assertEquals("upd-mech", c.getKind());
            assertEquals("um-ota", c.getKey());
            assertNull(c.getParent());
            assertEquals("cryptographic-details", c.getField());
            assertTrue(c.getOldValue().contains("P-256"));
            assertTrue(c.getNewValue().contains("P-384"));
            assertTrue(c.getOldLine() > 0);
            assertEquals("changed upd-mech um-ota: cryptographic-details", c.toString());
            List<String> stale = diff.stale().stream().map(Stale::getEvidence)
                                     .collect(Collectors.toList());
            assertEquals(List.of("ev-verification", "ev-crypto"), stale);
            Stale s = diff.stale().get(0);
            assertEquals("5.3-9", s.getProvision());
            assertEquals("cryptographic-details", s.getCauseField());
            assertEquals(1, s.getCauses());
            assertTrue(diff.write("text").contains("stale evidence"));
            assertTrue(diff.write("json").contains("\"stale\": 2"));
            assertThrows(EtsiException.Invalid.class, () -> diff.write("csv"));
            assertNotNull(diff.toString());
        }
    }
}
