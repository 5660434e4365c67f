/*
 * libetsi Java binding: a located problem.
 */
package org.libetsi;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A located problem: a schema or reference error from
 * {@link Dossier#validate()}, or a rule engine finding from
 * {@link Dossier#check()} and {@link Results#findings()}.  A plain value,
 * copied out of libetsi: it stays valid after its dossier is closed.
 *
 * <p>A finding that a recorded product fact contradicts a claim names both:
 * {@link #getClaim()}, {@link #getFact()} and {@link #getFactLine()}.
 *
 * <p>A check groups the findings of one rule that differ only in the
 * element or reference they are about: {@link #getCount()} says how many
 * places such a finding stands for and {@link #getOccurrences()} lists
 * them.  A finding that follows from another names it in
 * {@link #getCausedBy()}, by its {@link #getId()}, and comes right after it.
 *
 * <pre>{@code
 * for (Diagnostic d : dossier.check())
 *     if (d.getClaim() != null)
 *         System.out.println(d.getClaim() + " is contradicted by " + d.getFact()
 *                            + " (" + d.getFile() + ":" + d.getFactLine() + ")");
 * }</pre>
 */
public final class Diagnostic {
    private final Severity severity;
    private final String file;
    private final int line;
    private final int column;
    private final String rule;
    private final String element;
    private final String reference;
    private final String message;
    private final String hint;
    private final boolean waived;
    private final String waiver;
    private final String claim;
    private final String fact;
    private final int factLine;
    private final String id;
    private final String causedBy;
    private final int count;
    private final List<Occurrence> occurrences;

    /** A diagnostic that stands alone: outside a check, or not grouped. */
    Diagnostic(String severity, String file, int line, int column, String rule, String element,
               String reference, String message, String hint, boolean waived, String waiver,
               String claim, String fact, int factLine) {
        this(severity, file, line, column, rule, element, reference, message, hint, waived,
             waiver, claim, fact, factLine, null, null, 1,
             new Occurrence[] { new Occurrence(line, element, reference, message, claim) });
    }

    /** Made by the native code (see etsi.i). */
    Diagnostic(String severity, String file, int line, int column, String rule, String element,
               String reference, String message, String hint, boolean waived, String waiver,
               String claim, String fact, int factLine, String id, String causedBy, int count,
               Occurrence[] occurrences) {
        this.severity = Severity.fromLabel(severity);
        this.file = file;
        this.line = line;
        this.column = column;
        this.rule = rule;
        this.element = element;
        this.reference = reference;
        this.message = message;
        this.hint = hint;
        this.waived = waived;
        this.waiver = waiver;
        this.claim = claim;
        this.fact = fact;
        this.factLine = factLine;
        this.id = id;
        this.causedBy = causedBy;
        this.count = count;
        this.occurrences = Collections.unmodifiableList(Arrays.asList(occurrences));
    }

    /** @return how serious the problem is */
    public Severity getSeverity() {
        return severity;
    }

    /** @return the document's path or name; never null */
    public String getFile() {
        return file;
    }

    /** @return the line, or 0 when unknown */
    public int getLine() {
        return line;
    }

    /** @return the column, or 0 when unknown */
    public int getColumn() {
        return column;
    }

    /**
     * @return the id of the rule that found it (see {@link Etsi#rules()}), or
     *         null for schema and parse errors
     */
    public String getRule() {
        return rule;
    }

    /** @return the id or key of the element concerned, or null */
    public String getElement() {
        return element;
    }

    /** @return the provision, test case or IXIT entry concerned, or null */
    public String getReference() {
        return reference;
    }

    /** @return what is wrong, one line; never null */
    public String getMessage() {
        return message;
    }

    /** @return how to fix it, or null */
    public String getHint() {
        return hint;
    }

    /** @return true when a waiver in the dossier covers it (it then counts as no error) */
    public boolean isWaived() {
        return waived;
    }

    /** @return the id of the waiver that covers it, or null */
    public String getWaiver() {
        return waiver;
    }

    /**
     * @return the claim a recorded product fact contradicts, such as
     *         {@code "ICS 5.3-9: Y"}, or null when the finding is not such a
     *         contradiction
     */
    public String getClaim() {
        return claim;
    }

    /**
     * @return the recorded fact that contradicts {@link #getClaim()}, such as
     *         {@code "mechanism 'ota' verification where=server-or-transport"},
     *         or null
     */
    public String getFact() {
        return fact;
    }

    /** @return the line of {@link #getFact()} in {@link #getFile()}, or 0 when unknown */
    public int getFactLine() {
        return factLine;
    }

    /** @return "F1", "F2"...: the finding's id within a check, or null */
    public String getId() {
        return id;
    }

    /** @return the id of the finding this one follows from, or null */
    public String getCausedBy() {
        return causedBy;
    }

    /** @return how many places this finding stands for: 1, or more when grouped */
    public int getCount() {
        return count;
    }

    /** @return those places, this finding's own first; unmodifiable */
    public List<Occurrence> getOccurrences() {
        return occurrences;
    }

    /**
     * As the CLI prints it:
     * {@code file:line: severity[rule] reference: message (waived by id)}.
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0)
            b.append(':').append(line);
        b.append(": ").append(severity.label());
        if (rule != null)
            b.append('[').append(rule).append(']');
        if (reference != null)
            b.append(' ').append(reference);
        b.append(": ").append(message);
        if (waived)
            b.append(" (waived by ").append(waiver).append(')');
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o)
            return true;
        if (!(o instanceof Diagnostic))
            return false;
        Diagnostic d = (Diagnostic) o;
        return severity == d.severity && line == d.line && column == d.column
               && waived == d.waived && Objects.equals(file, d.file)
               && Objects.equals(rule, d.rule) && Objects.equals(element, d.element)
               && Objects.equals(reference, d.reference) && Objects.equals(message, d.message)
               && Objects.equals(hint, d.hint) && Objects.equals(waiver, d.waiver)
               && factLine == d.factLine && Objects.equals(claim, d.claim)
               && Objects.equals(fact, d.fact) && Objects.equals(id, d.id)
               && Objects.equals(causedBy, d.causedBy) && count == d.count
               && occurrences.equals(d.occurrences);
    }

    @Override
    public int hashCode() {
        return Objects.hash(severity, file, line, column, rule, element, reference, message,
                            hint, waived, waiver, claim, fact, factLine, id, causedBy, count,
                            occurrences);
    }
}
