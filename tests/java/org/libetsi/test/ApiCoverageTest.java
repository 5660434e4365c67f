/*
 * Every function of libetsi's C API (libetsi/symbols.txt) is reachable from
 * Java, or is deliberately left out with a reason.  When a function is added
 * to symbols.txt, this test fails until it is mapped to the Java method that
 * reaches it (or ignored, with a reason).
 */
package org.libetsi.test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.Test;

public class ApiCoverageTest {
    /** C symbol: the public Java method that reaches it, as Class.method. */
    private static final Map<String, String> MAPPED = new TreeMap<>();
    /** C symbol: why Java does not need it. */
    private static final Map<String, String> IGNORED = new TreeMap<>();

    static {
        // integrity: migration, catalog differences, signatures, digests
        MAPPED.put("etsi_catalog_diff", "Catalog.diff");
        MAPPED.put("etsi_dossier_digest", "Dossier.digest");
        MAPPED.put("etsi_dossier_migrate", "Dossier.migrate");
        MAPPED.put("etsi_dossier_sign", "Dossier.sign");
        MAPPED.put("etsi_dossier_signed", "Dossier.isSigned");
        MAPPED.put("etsi_signature_verify", "Signatures.verify");
        IGNORED.put("etsi_sign_options_init", "options are arguments of Dossier.sign");
        IGNORED.put("etsi_verify_options_init", "options are arguments of Signatures.verify");
        MAPPED.put("etsi_catalog_at", "Catalog.records");
        MAPPED.put("etsi_catalog_builtin_edition", "Etsi.editions");
        MAPPED.put("etsi_catalog_count", "Catalog.count");
        MAPPED.put("etsi_catalog_edition", "Catalog.edition");
        MAPPED.put("etsi_catalog_find", "Catalog.find");
        MAPPED.put("etsi_catalog_free", "Catalog.close");
        MAPPED.put("etsi_catalog_open", "Catalog.open");
        MAPPED.put("etsi_catalog_ts_edition", "Catalog.tsEdition");
        MAPPED.put("etsi_catalog_write", "Catalog.toXml");
        MAPPED.put("etsi_diagnostics_at", "Dossier.validate");
        MAPPED.put("etsi_diagnostics_count", "Dossier.validate");
        MAPPED.put("etsi_dossier_add", "Dossier.add");
        MAPPED.put("etsi_dossier_at", "Dossier.records");
        MAPPED.put("etsi_dossier_catalog", "Dossier.catalog");
        MAPPED.put("etsi_dossier_check", "Dossier.check");
        MAPPED.put("etsi_dossier_count", "Dossier.count");
        MAPPED.put("etsi_dossier_evaluate", "Dossier.evaluate");
        MAPPED.put("etsi_dossier_find", "Dossier.find");
        MAPPED.put("etsi_dossier_free", "Dossier.close");
        MAPPED.put("etsi_dossier_load", "Dossier.load");
        MAPPED.put("etsi_dossier_load_memory", "Dossier.loads");
        MAPPED.put("etsi_dossier_new", "Dossier.create");
        MAPPED.put("etsi_dossier_path", "Dossier.path");
        MAPPED.put("etsi_dossier_remove", "Dossier.remove");
        MAPPED.put("etsi_dossier_report", "Dossier.report");
        MAPPED.put("etsi_dossier_save", "Dossier.save");
        MAPPED.put("etsi_dossier_set_ics", "Dossier.setIcs");
        MAPPED.put("etsi_dossier_set_verdict", "Dossier.setVerdict");
        MAPPED.put("etsi_dossier_store_plan", "Dossier.storePlan");
        MAPPED.put("etsi_dossier_validate", "Dossier.validate");
        MAPPED.put("etsi_dossier_write", "Dossier.toXml");
        MAPPED.put("etsi_error_last", "EtsiException.getLine");
        MAPPED.put("etsi_error_name", "EtsiException.getName");
        MAPPED.put("etsi_file_write", "Etsi.writeFile");
        MAPPED.put("etsi_kind_field", "Etsi.kinds");
        MAPPED.put("etsi_kind_from_name", "Dossier.records");
        MAPPED.put("etsi_kind_name", "Record.kind");
        MAPPED.put("etsi_outcome_name", "Results.overall");
        MAPPED.put("etsi_record_add_value", "Record.addValue");
        MAPPED.put("etsi_record_child_at", "Record.children");
        MAPPED.put("etsi_record_child_count", "Record.children");
        MAPPED.put("etsi_record_get", "Record.get");
        MAPPED.put("etsi_record_key", "Record.key");
        MAPPED.put("etsi_record_kind", "Record.kind");
        MAPPED.put("etsi_record_line", "Record.line");
        MAPPED.put("etsi_record_parent", "Record.parent");
        MAPPED.put("etsi_record_remove_value", "Record.removeValue");
        MAPPED.put("etsi_record_set", "Record.set");
        MAPPED.put("etsi_record_value_at", "Record.values");
        MAPPED.put("etsi_record_value_count", "Record.toMap");
        MAPPED.put("etsi_report_format_at", "Etsi.reportFormats");
        MAPPED.put("etsi_results_at", "Results.records");
        MAPPED.put("etsi_results_count", "Results.count");
        MAPPED.put("etsi_results_find", "Results.find");
        MAPPED.put("etsi_results_findings", "Results.findings");
        MAPPED.put("etsi_results_free", "Results.close");
        MAPPED.put("etsi_results_overall", "Results.overall");
        MAPPED.put("etsi_results_ready", "Results.isReady");
        MAPPED.put("etsi_results_write", "Results.write");
        MAPPED.put("etsi_rule_at", "Etsi.rules");
        MAPPED.put("etsi_rule_find", "Etsi.rule");
        MAPPED.put("etsi_severity_name", "Diagnostic.getSeverity");
        MAPPED.put("etsi_strerror", "EtsiException.getReason");
        MAPPED.put("etsi_version_string", "Etsi.version");
        // GRC interchange (etsi/interchange.h)
        MAPPED.put("etsi_dossier_export", "Dossier.export");
        MAPPED.put("etsi_dossier_import", "Dossier.importSbom");
        MAPPED.put("etsi_dossier_load_json", "Dossier.loadJson");
        MAPPED.put("etsi_export_format_at", "Dossier.exportFormats");
        MAPPED.put("etsi_import_format_at", "Dossier.importFormats");

        IGNORED.put("etsi_free", "the JNI code frees what libetsi hands over, after copying it");
        IGNORED.put("etsi_diagnostics_free", "diagnostic lists are copied into Diagnostic objects "
                    + "and freed at once");
        IGNORED.put("etsi_diagnostics_count_severity", "a stream over the List<Diagnostic> counts "
                    + "them: filter(d -> d.getSeverity() == ERROR && !d.isWaived())");
        IGNORED.put("etsi_catalog_options_init", "options are arguments of Catalog.open");
        IGNORED.put("etsi_check_options_init", "the as-of date is an argument of check and evaluate");
        IGNORED.put("etsi_load_options_init", "options are LoadOption values");
        IGNORED.put("etsi_new_options_init", "options are CreateOption values");
        IGNORED.put("etsi_report_options_init", "options are ReportOption values");
        IGNORED.put("etsi_error_clear", "every failure becomes an exception at once");
        IGNORED.put("etsi_init", "called once when the JNI library is loaded");
        IGNORED.put("etsi_shutdown", "libetsi stays initialized while the JVM lives, since objects "
                    + "may be freed by the cleaner at any time");
        IGNORED.put("etsi_version", "Etsi.version() gives the same numbers as a string");
        IGNORED.put("etsi_export_options_init", "options are arguments of Dossier.export");
        IGNORED.put("etsi_import_options_init", "options are arguments of Dossier.importIcsCsv "
                    + "and Dossier.importSbom");
        // lifecycle: artifact digests, release carry-forward, diff
        // (etsi/evidence.h, etsi/lifecycle.h)
        MAPPED.put("etsi_evidence_hash", "Dossier.hashArtifacts");
        MAPPED.put("etsi_evidence_verify", "Dossier.verifyArtifacts");
        MAPPED.put("etsi_dossier_release", "Dossier.release");
        MAPPED.put("etsi_dossier_diff", "Dossier.diff");
        MAPPED.put("etsi_diff_count", "Diff.size");
        MAPPED.put("etsi_diff_at", "Diff.changes");
        MAPPED.put("etsi_diff_stale_count", "Diff.stale");
        MAPPED.put("etsi_diff_stale_at", "Diff.stale");
        MAPPED.put("etsi_diff_write", "Diff.write");
        MAPPED.put("etsi_change_type_name", "Change.getChange");
        IGNORED.put("etsi_evidence_options_init", "options are arguments of "
                    + "Dossier.hashArtifacts and Dossier.verifyArtifacts");
        IGNORED.put("etsi_diff_free", "a diff is copied into Diff, Change and Stale objects "
                    + "and freed at once");
    }

    private static List<String> symbols() throws IOException {
        String src = System.getenv("ETSI_SOURCE_DIR");
        Path file = Paths.get(src != null ? src : ".", "libetsi", "symbols.txt");
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            line = line.trim();
            if (!line.isEmpty() && !line.startsWith("#"))
                out.add(line.split("\\s+")[0]);
        }
        return out;
    }

    @Test
    public void everySymbolIsMappedOrIgnored() throws IOException {
        List<String> symbols = symbols();
        assertTrue(symbols.size() > 60);
        List<String> missing = new ArrayList<>();
        for (String s : symbols)
            if (!MAPPED.containsKey(s) && !IGNORED.containsKey(s))
                missing.add(s);
        assertEquals("map these C functions to Java, or ignore them with a reason, in "
                     + "ApiCoverageTest.java", List.of(), missing);
    }

    @Test
    public void noStaleEntries() throws IOException {
        TreeSet<String> symbols = new TreeSet<>(symbols());
        TreeSet<String> stale = new TreeSet<>(MAPPED.keySet());
        stale.addAll(IGNORED.keySet());
        stale.removeAll(symbols);
        assertEquals("mapped or ignored but not in symbols.txt", new TreeSet<String>(), stale);
        TreeSet<String> both = new TreeSet<>(MAPPED.keySet());
        both.retainAll(IGNORED.keySet());
        assertEquals("both mapped and ignored", new TreeSet<String>(), both);
    }

    @Test
    public void mappedMethodsArePublic() throws ClassNotFoundException {
        for (Map.Entry<String, String> e : MAPPED.entrySet()) {
            String[] parts = e.getValue().split("\\.");
            Class<?> c = Class.forName("org.libetsi." + parts[0]);
            assertTrue(c.getName(), Modifier.isPublic(c.getModifiers()));
            boolean found = false;
            for (Method m : c.getMethods())
                found |= m.getName().equals(parts[1]) && Modifier.isPublic(m.getModifiers());
            assertTrue(e.getKey() + " -> " + e.getValue() + " does not exist", found);
        }
    }
}
