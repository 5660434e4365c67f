/*
 * libetsi Java binding: what the library offers as a whole.
 */
package org.libetsi;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * libetsi for Java: ETSI EN 303 645 clause 5.3 secure-update evidence,
 * carried through the ETSI TS 103 701 assessment.
 *
 * <p>Start from {@link Dossier#load(java.nio.file.Path, LoadOption...)},
 * {@link Dossier#create(String, String, CreateOption...)} or
 * {@link Catalog#open(String)}; this class tells what the library knows:
 * its version, editions, rules, record kinds and report formats.  Errors
 * are {@link EtsiException}s.
 */
public final class Etsi {
    private Etsi() {
    }

    /** @return the version of the loaded libetsi, such as "0.1.0" */
    public static String version() {
        return core.version();
    }

    /** @return the built-in EN 303 645 editions, oldest first */
    public static List<String> editions() {
        return Collections.unmodifiableList(Arrays.asList(core.builtin_editions()));
    }

    /** @return the built-in report formats of {@link Dossier#report(String, ReportOption...)} */
    public static List<String> reportFormats() {
        return Collections.unmodifiableList(Arrays.asList(core.report_formats()));
    }

    /** @return the rules of {@link Dossier#check()}, in the order docs/rules.md gives them */
    public static List<Rule> rules() {
        return Collections.unmodifiableList(Arrays.asList(core.java_rules()));
    }

    /**
     * The rule with an id.
     *
     * @param id a rule id, such as "evidence-missing"
     * @return the rule, or empty for an unknown id
     */
    public static Optional<Rule> rule(String id) {
        Objects.requireNonNull(id, "id");
        for (Rule r : core.java_rules())
            if (r.getId().equals(id))
                return Optional.of(r);
        return Optional.empty();
    }

    /**
     * @return every record kind ("component", "ics-entry", "provision",
     *         "outcome", ...) with its field names in document order; an
     *         unmodifiable map in kind order
     */
    public static Map<String, List<String>> kinds() {
        return Kinds.all();
    }

    /**
     * Writes text as UTF-8 into a file, atomically: it goes to a temporary
     * file in the same directory, is flushed to disk and renamed over the
     * target, so readers see the old or the new complete file.  An existing
     * file keeps its permissions.  libetsi saves dossiers this way.
     *
     * @param file the file
     * @param text the text
     * @throws EtsiException.IO when it cannot be written (the old file is unchanged)
     */
    public static void writeFile(Path file, String text) {
        writeFile(file, Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes bytes into a file, atomically (see {@link #writeFile(Path, String)}).
     *
     * @param file the file
     * @param data the bytes
     * @throws EtsiException.IO when it cannot be written (the old file is unchanged)
     */
    public static void writeFile(Path file, byte[] data) {
        String name = Paths2.file(file, "file");
        core.write_file(name, Objects.requireNonNull(data, "data"));
    }
}
