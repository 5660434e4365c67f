/*
 * Every function of libetsi's C API (libetsi/symbols.txt) is reachable from
 * Java, or is deliberately left out with a reason; so is every record kind
 * (etsi/record.h), every member of a diagnostic (etsi/diagnostic.h) and
 * every typed product fact.  When a function is added to symbols.txt, a kind
 * to enum etsi_kind or a member to struct etsi_diagnostic, this test fails
 * until it is mapped to the Java method that reaches it (or ignored, with a
 * reason).
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.libetsi.Etsi;

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
        MAPPED.put("etsi_diagnostics_format", "Results.formatFindings");
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
        IGNORED.put("etsi_file_remove_temporaries", "for C signal handlers (async-signal-safe); "
                    + "the JVM's own handlers run no C code of libetsi");
        IGNORED.put("etsi_diagnostics_free", "diagnostic lists are copied into Diagnostic objects "
                    + "and freed at once");
        IGNORED.put("etsi_diagnostics_count_severity", "a stream over the List<Diagnostic> counts "
                    + "them: filter(d -> d.getSeverity() == ERROR && !d.isWaived())");
        IGNORED.put("etsi_catalog_options_init", "options are arguments of Catalog.open");
        IGNORED.put("etsi_catalog_export", "the OSCAL catalogs and profiles are generated files, "
                    + "installed under share/libetsi/oscal and written by etsi catalog");
        IGNORED.put("etsi_catalog_export_format_at", "lists the formats of etsi_catalog_export, "
                    + "which the binding does not reach");
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

    /** Record kind (etsi/record.h): the public Java method that reaches its records. */
    private static final Map<String, String> KINDS = new TreeMap<>();
    /** Member of struct etsi_diagnostic (etsi/diagnostic.h): its Diagnostic getter. */
    private static final Map<String, String> DIAGNOSTIC = new LinkedHashMap<>();
    /** The typed product facts and the results fields that come with them, by kind. */
    private static final Map<String, List<String>> TYPED_FACTS = new TreeMap<>();

    static {
        // every kind is also reached by name through records, count and find of
        // its owner, and its fields through Etsi.kinds
        KINDS.put("source", "Catalog.sources");
        KINDS.put("condition", "Catalog.conditions");
        KINDS.put("feature", "Catalog.features");
        KINDS.put("provision", "Catalog.provisions");
        KINDS.put("ixit-table", "Catalog.ixitTables");
        KINDS.put("ixit-field", "Record.children");       // of an ixit-table
        KINDS.put("test-group", "Catalog.testGroups");
        KINDS.put("test-case", "Catalog.testCases");
        KINDS.put("test-input", "Record.children");       // of a test-case
        KINDS.put("algorithm", "Catalog.algorithms");
        KINDS.put("header", "Dossier.header");
        KINDS.put("party", "Dossier.parties");
        KINDS.put("owner", "Dossier.owners");
        KINDS.put("dut", "Dossier.dut");
        KINDS.put("service", "Dossier.services");
        KINDS.put("component", "Dossier.components");
        KINDS.put("mechanism", "Dossier.mechanisms");
        KINDS.put("crypto", "Record.children");           // of a mechanism; Dossier.add(parent, ...)
        KINDS.put("install-path", "Record.children");     // of a component; Dossier.add(parent, ...)
        KINDS.put("user-info", "Dossier.userInfo");
        KINDS.put("confirmation", "Dossier.records");     // IXIT rows: by kind name
        KINDS.put("soft-comp", "Dossier.records");
        KINDS.put("upd-mech", "Dossier.records");
        KINDS.put("upd-proc", "Dossier.records");
        KINDS.put("repl-sup", "Dossier.records");
        KINDS.put("ics-entry", "Dossier.ics");
        KINDS.put("evidence", "Dossier.evidence");
        KINDS.put("artifact", "Record.children");         // of an evidence item
        KINDS.put("covers", "Record.children");           // of an evidence item
        KINDS.put("plan-case", "Dossier.records");        // the stored plan: by kind name
        KINDS.put("plan-input", "Record.children");       // of a plan-case
        KINDS.put("verdict", "Dossier.verdicts");
        KINDS.put("self-result", "Dossier.selfAssessment");
        KINDS.put("waiver", "Dossier.waivers");
        KINDS.put("step", "Dossier.workflow");
        KINDS.put("summary", "Results.summary");
        KINDS.put("finding", "Results.findings");         // as Diagnostic; records by kind name
        KINDS.put("planned-case", "Results.plan");
        KINDS.put("planned-input", "Record.children");    // of a planned-case
        KINDS.put("outcome", "Results.outcomes");
        KINDS.put("case-outcome", "Record.children");     // of an outcome
        KINDS.put("gate-step", "Results.gate");
        KINDS.put("blocker", "Record.children");          // of a gate-step
        KINDS.put("open-question", "Results.openQuestions");

        DIAGNOSTIC.put("severity", "getSeverity");
        DIAGNOSTIC.put("file", "getFile");
        DIAGNOSTIC.put("line", "getLine");
        DIAGNOSTIC.put("column", "getColumn");
        DIAGNOSTIC.put("rule", "getRule");
        DIAGNOSTIC.put("element", "getElement");
        DIAGNOSTIC.put("reference", "getReference");
        DIAGNOSTIC.put("message", "getMessage");
        DIAGNOSTIC.put("hint", "getHint");
        DIAGNOSTIC.put("waived", "isWaived");
        DIAGNOSTIC.put("waiver", "getWaiver");
        DIAGNOSTIC.put("claim", "getClaim");
        DIAGNOSTIC.put("fact", "getFact");
        DIAGNOSTIC.put("fact_line", "getFactLine");
        DIAGNOSTIC.put("id", "getId");
        DIAGNOSTIC.put("caused_by", "getCausedBy");
        DIAGNOSTIC.put("count", "getCount");
        DIAGNOSTIC.put("occurrences", "getOccurrences");

        TYPED_FACTS.put("header", List.of("public-support-end"));
        TYPED_FACTS.put("component", List.of("boot-verified", "boot-verified-by",
            "carries-network-stack", "carries-operating-system", "carries-applications"));
        TYPED_FACTS.put("install-path", List.of("kind", "verifies", "description"));
        TYPED_FACTS.put("mechanism", List.of("verified-where", "verified-by", "key-location",
            "server-authenticated", "tls", "source", "anti-rollback", "recovery",
            "automatic-default", "automatic-user-can-disable", "postpone", "check-at-boot",
            "check-after-initialization", "check-periodic", "check-period", "check-by",
            "notice-security-updates", "notice-risks", "notice-disruption", "notice-channel",
            "notice-default", "notice-user-can-disable"));
        TYPED_FACTS.put("crypto", List.of("use", "alg", "key-bits", "hash", "authenticated"));
        TYPED_FACTS.put("user-info", List.of("support-period-end", "support-period-duration",
                                             "support-period-stated"));
        TYPED_FACTS.put("artifact", List.of("sha256", "git-oid"));
        TYPED_FACTS.put("self-result", List.of("ref", "outcome", "by", "date", "note"));
        TYPED_FACTS.put("algorithm", List.of("id", "use", "names", "status", "min-bits", "summary"));
        TYPED_FACTS.put("finding", List.of("claim", "fact", "fact-line"));
        TYPED_FACTS.put("planned-case", List.of("at-risk", "unknown"));
        TYPED_FACTS.put("open-question", List.of("step", "fact", "element", "file", "line",
                                                 "provisions", "message"));
    }

    private static Path header(String name) {
        String src = System.getenv("ETSI_SOURCE_DIR");
        return Paths.get(src != null ? src : ".", "libetsi", "include", "etsi", name);
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start);
        assertTrue(from + " ... " + to, start >= 0 && end > start);
        return text.substring(start, end);
    }

    /** The kind names of enum etsi_kind, in order, from their doc comments. */
    private static List<String> headerKinds() throws IOException {
        String body = between(Files.readString(header("record.h")), "typedef enum etsi_kind",
                              "} etsi_kind;");
        Matcher m = Pattern.compile("ETSI_KIND_\\w+\\s*(?:=\\s*\\d+\\s*)?,\\s*/\\*\\*<\\s*\"([a-z0-9-]+)\"")
                           .matcher(body);
        List<String> out = new ArrayList<>();
        while (m.find())
            out.add(m.group(1));
        return out;
    }

    /** The members of struct etsi_diagnostic, in order. */
    private static List<String> diagnosticMembers() throws IOException {
        return structMembers("diagnostic.h", "etsi_diagnostic");
    }

    private static boolean hasPublicMethod(String classAndMethod) throws ClassNotFoundException {
        String[] parts = classAndMethod.split("\\.");
        Class<?> c = Class.forName("org.libetsi." + parts[0]);
        if (!Modifier.isPublic(c.getModifiers()))
            return false;
        for (Method m : c.getMethods())
            if (m.getName().equals(parts[1]) && Modifier.isPublic(m.getModifiers()))
                return true;
        return false;
    }

    /**
     * The members of a struct of a public header (etsi_diagnostic in
     * diagnostic.h, etsi_load_options in dossier.h, ...), in order.
     */
    private static List<String> structMembers(String file, String struct) throws IOException {
        String body = between(Files.readString(header(file)), "typedef struct " + struct + " {",
                              "} " + struct + ";");
        body = body.substring(body.indexOf('{') + 1).replaceAll("(?s)/\\*.*?\\*/", "");
        Matcher m = Pattern.compile("(?m)^\\s*(?:const\\s+)?[\\w ]+?\\s*\\*?\\s*(\\w+)\\s*;")
                           .matcher(body);
        List<String> out = new ArrayList<>();
        while (m.find())
            out.add(m.group(1));
        return out;
    }

    /**
     * Every member of the load and import options is reached from Java: the
     * method that sets it (LoadOption.maxElements, ...), or why none does.
     * A member appended to either C struct fails this test until it is.
     */
    @Test
    public void everyOptionMemberIsReached() throws IOException, ClassNotFoundException {
        Map<String, String> load = new LinkedHashMap<>();
        load.put("version", "-set by the binding to the version it was built with");
        load.put("flags", "LoadOption.noValidation");   // and lockForUpdate
        load.put("max_size", "LoadOption.maxSize");
        load.put("max_depth", "LoadOption.maxDepth");
        load.put("data_dir", "LoadOption.dataDir");
        load.put("max_elements", "LoadOption.maxElements");
        Map<String, String> imports = new LinkedHashMap<>();
        imports.put("version", "-set by the binding to the version it was built with");
        imports.put("format", "Dossier.importSbom");
        imports.put("name", "Dossier.importSbom");
        imports.put("edition", "Dossier.importIcsCsv");
        imports.put("max_size", "LoadOption.maxSize");
        imports.put("max_depth", "LoadOption.maxDepth");
        imports.put("max_elements", "LoadOption.maxElements");
        imports.put("max_records", "LoadOption.maxRecords");
        assertEquals("map the members of etsi_load_options",
                     structMembers("dossier.h", "etsi_load_options"), new ArrayList<>(load.keySet()));
        assertEquals("map the members of etsi_import_options",
                     structMembers("interchange.h", "etsi_import_options"),
                     new ArrayList<>(imports.keySet()));
        for (Map<String, String> members : List.of(load, imports))
            for (Map.Entry<String, String> e : members.entrySet())
                assertTrue(e.getKey() + " -> " + e.getValue() + " does not exist",
                           e.getValue().startsWith("-") || hasPublicMethod(e.getValue()));
    }

    @Test
    public void headerKindsAreTheBindingKinds() throws IOException {
        List<String> kinds = headerKinds();
        assertTrue(kinds.toString(), kinds.size() > 40);
        assertEquals("enum etsi_kind and Etsi.kinds() differ", kinds,
                     new ArrayList<>(Etsi.kinds().keySet()));
        assertEquals(List.of("crypto", "self-result", "algorithm", "open-question",
                             "install-path"),
                     kinds.subList(kinds.size() - 5, kinds.size()));
    }

    @Test
    public void everyKindHasAnAccessor() throws IOException, ClassNotFoundException {
        TreeSet<String> missing = new TreeSet<>(headerKinds());
        missing.removeAll(KINDS.keySet());
        assertEquals("say which method reaches these kinds in KINDS", new TreeSet<String>(), missing);
        TreeSet<String> stale = new TreeSet<>(KINDS.keySet());
        stale.removeAll(headerKinds());
        assertEquals("no such kind", new TreeSet<String>(), stale);
        for (Map.Entry<String, String> e : KINDS.entrySet())
            assertTrue(e.getKey() + " -> " + e.getValue() + " does not exist",
                       hasPublicMethod(e.getValue()));
    }

    @Test
    public void typedFactsAreFields() {
        Map<String, List<String>> kinds = Etsi.kinds();
        for (Map.Entry<String, List<String>> e : TYPED_FACTS.entrySet()) {
            List<String> missing = new ArrayList<>(e.getValue());
            missing.removeAll(kinds.get(e.getKey()));
            assertEquals("not fields of " + e.getKey(), List.of(), missing);
        }
    }

    @Test
    public void everyDiagnosticMemberHasAGetter() throws IOException, ClassNotFoundException {
        List<String> members = diagnosticMembers();
        assertEquals(List.of("severity", "file"), members.subList(0, 2));
        assertEquals("map the members of struct etsi_diagnostic to Diagnostic getters in "
                     + "DIAGNOSTIC", members, new ArrayList<>(DIAGNOSTIC.keySet()));
        for (String getter : DIAGNOSTIC.values())
            assertTrue("Diagnostic." + getter + " does not exist",
                       hasPublicMethod("Diagnostic." + getter));
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
