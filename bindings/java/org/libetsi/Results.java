/*
 * libetsi Java binding: the evaluation of a dossier.
 */
package org.libetsi;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What a dossier implies, from {@link Dossier#evaluate()}: its findings, the
 * TS 103 701 test plan, the verdicts aggregated per provision and for
 * clause 5.3 (docs/verdicts.md), and the release gate.  Every entry is a
 * read-only {@link Record}: "planned-case" (children "planned-input"),
 * "outcome" (children "case-outcome"), "gate-step" (children "blocker"),
 * "open-question", "finding" and the singleton "summary".
 *
 * <pre>{@code
 * try (Results results = dossier.evaluate()) {
 *     System.out.println(results.overall() + (results.isReady() ? ", ready" : ""));
 *     for (Record outcome : results.outcomes())
 *         System.out.println(outcome.key() + " " + outcome.get("outcome"));
 *     Etsi.writeFile(Paths.get("evaluation.json"), results.write("all", "json"));
 * }
 * }</pre>
 *
 * <p>Results are independent of their dossier once computed, and own their
 * C object: close them, or leave them to the cleaner.
 */
public final class Results extends RecordOwner {
    private final NativeResults h;

    private Results(NativeResults h) {
        super("results", h, NativeResults.getCPtr(h), coreJNI::delete_NativeResults);
        this.h = h;
    }

    static Results own(NativeResults h) {
        if (h == null)
            throw new EtsiException.Other(EtsiException.ERROR, "ERROR",
                                          "libetsi returned no results", null, 0, 0);
        return new Results(h);
    }

    NativeResults handle() {
        checkOpen();
        return h;
    }

    @Override
    Object proxy() {
        return h;
    }

    @Override
    long nativeCount(int kind) {
        return h.count(kind);
    }

    @Override
    NativeRecord nativeAt(int kind, long i) {
        return h.at(kind, i);
    }

    @Override
    NativeRecord nativeFind(int kind, String key) {
        return h.find(kind, key);
    }

    /**
     * @return the findings: schema errors for an invalid dossier, else the
     *         rule engine's, as {@link Dossier#check()} gives them
     */
    public List<Diagnostic> findings() {
        return Collections.unmodifiableList(Arrays.asList(handle()._findings()));
    }

    /**
     * @return the test plan: one "planned-case" record per selected test
     *         case, with fields id, group, provision, kind, disposition,
     *         ready, at-risk ("true" when a product fact the case reads is
     *         unknown, so an INCONCLUSIVE verdict is likely), unknown (the
     *         facts, a list field) and its "planned-input" children
     */
    public List<Record> plan() {
        return records("planned-case");
    }

    /**
     * @return one "outcome" record per provision (fields id, status,
     *         support, applicable, outcome, basis), with its "case-outcome"
     *         children (id, outcome, result, by, date)
     */
    public List<Record> outcomes() {
        return records("outcome");
    }

    /**
     * @return the six release-gate steps ("gate-step": name, title, role,
     *         owner, question, status, output), with their "blocker" children
     */
    public List<Record> gate() {
        return records("gate-step");
    }

    /**
     * The facts a claimed provision rests on that the dossier does not state,
     * or states as unknown.  An unknown fact is never an error: it lowers
     * readiness, and the release gate lists it.
     *
     * @return the "open-question" records (step, fact, element, file, line,
     *         provisions, message), in the order the gate lists them
     */
    public List<Record> openQuestions() {
        return records("open-question");
    }

    /**
     * @return the summary: release, en303645, ts103701, as-of, overall,
     *         ready, errors, warnings, infos, waived
     */
    public Record summary() {
        return find("summary").orElse(null);
    }

    /**
     * @return the clause 5.3 outcome: "PASS", "FAIL", "INCONCLUSIVE",
     *         "NOT ASSESSED" or "NOT APPLICABLE"
     */
    public String overall() {
        return handle().overall();
    }

    /**
     * @return true when every release-gate step is complete and no unwaived
     *         error remains (the gate asks whether the dossier is complete,
     *         not whether the product conforms: see {@link #overall()})
     */
    public boolean isReady() {
        return handle().ready();
    }

    /**
     * Writes a part of the results in a format.  The output is deterministic.
     *
     * <table>
     * <caption>parts and formats</caption>
     * <tr><th>part</th><th>formats</th></tr>
     * <tr><td>"findings"</td><td>"text", "json"</td></tr>
     * <tr><td>"plan"</td><td>"text", "csv", "csv-raw", "xml"</td></tr>
     * <tr><td>"outcomes"</td><td>"text", "csv", "csv-raw"</td></tr>
     * <tr><td>"gate"</td><td>"text", "json"</td></tr>
     * <tr><td>"all"</td><td>"xml", "json"</td></tr>
     * </table>
     *
     * @param part which part
     * @param format which format
     * @return the text
     * @throws EtsiException.Invalid for an unknown part or format
     */
    public String write(String part, String format) {
        if (part == null || format == null)
            throw new NullPointerException(part == null ? "part" : "format");
        return handle().write(part, format);
    }

    /**
     * The findings as {@code etsi check} prints them: one line each with its
     * hint and, when {@code name} is given (usually the dossier's path), the
     * closing count line.  An element added in memory is named
     * "FILE (unsaved)", never FILE:0.
     *
     * @param name the name of the count line, or null for none
     * @param color colour the severities with ANSI escapes, for a terminal
     * @return the text
     */
    public String formatFindings(String name, boolean color) {
        return handle().format_findings(name, color);
    }

    /**
     * Writes a part of the results into a file, atomically.
     *
     * @param file the file
     * @param part which part, as {@link #write(String, String)}
     * @param format which format
     * @throws EtsiException.IO when the file cannot be written
     */
    public void write(Path file, String part, String format) {
        Paths2.file(file, "file");
        Etsi.writeFile(file, write(part, format));
    }

    /** Such as {@code Results[INCONCLUSIVE, ready, 0 findings]}; never throws. */
    @Override
    public String toString() {
        if (isClosed())
            return "Results[closed]";
        return "Results[" + h.overall() + ", " + (h.ready() ? "ready" : "not ready") + ", "
               + h.finding_count() + " findings]";
    }
}
