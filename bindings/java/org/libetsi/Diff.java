/*
 * libetsi Java binding: the differences between two dossiers.
 */
package org.libetsi;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What changed between two dossiers and which evidence that makes stale,
 * from {@link Dossier#diff(Dossier)} ({@code etsi diff}).  A plain value,
 * copied out of libetsi: it does not refer to the dossiers.
 */
public final class Diff {
    private final List<Change> changes;
    private final List<Stale> stale;
    private final String text;
    private final String json;

    /** Made by the native code (see etsi.i). */
    Diff(Change[] changes, Stale[] stale, String text, String json) {
        this.changes = Collections.unmodifiableList(Arrays.asList(changes));
        this.stale = Collections.unmodifiableList(Arrays.asList(stale));
        this.text = text;
        this.json = json;
    }

    /**
     * @return the changes: kinds in the order of the dossier format, then
     *         the new dossier's document order, removed records last
     */
    public List<Change> changes() {
        return changes;
    }

    /** @return the stale evidence items, in the new dossier's order */
    public List<Stale> stale() {
        return stale;
    }

    /** @return the number of changes */
    public int size() {
        return changes.size();
    }

    /** @return true when the dossiers do not differ */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * The diff as {@code etsi diff} prints it.
     *
     * @param format "text" or "json" (docs/lifecycle.md describes both)
     * @return the text
     * @throws EtsiException.Invalid for another format
     */
    public String write(String format) {
        Objects.requireNonNull(format, "format");
        if (format.equals("text"))
            return text;
        if (format.equals("json"))
            return json;
        throw EtsiException.invalid("diff format '" + format + "' is unknown; use text or json");
    }

    /** @return the text form */
    @Override
    public String toString() {
        return text;
    }
}
