/*
 * libetsi Java binding: one place a grouped finding was made.
 */
package org.libetsi;

import java.util.Objects;

/**
 * One place a grouped finding was made: a check merges the findings of one
 * rule that differ only in the element or reference they are about into
 * one {@link Diagnostic}, whose {@link Diagnostic#getOccurrences()} lists
 * them, its own place first.  A plain value.
 */
public final class Occurrence {
    private final int line;
    private final String element;
    private final String reference;
    private final String message;
    private final String claim;

    /** Made by the native code (see etsi.i). */
    Occurrence(int line, String element, String reference, String message, String claim) {
        this.line = line;
        this.element = element;
        this.reference = reference;
        this.message = message;
        this.claim = claim;
    }

    /** @return the line, or 0 when unknown */
    public int getLine() {
        return line;
    }

    /** @return the id or key of the element concerned, or null */
    public String getElement() {
        return element;
    }

    /** @return the provision, test case or IXIT entry concerned, or null */
    public String getReference() {
        return reference;
    }

    /** @return the message as it would read alone; never null */
    public String getMessage() {
        return message;
    }

    /** @return the claim a recorded fact contradicts there, such as "ICS 5.3-9: Y", or null */
    public String getClaim() {
        return claim;
    }

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ": " : "") + message;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o)
            return true;
        if (!(o instanceof Occurrence))
            return false;
        Occurrence x = (Occurrence) o;
        return line == x.line && Objects.equals(element, x.element)
               && Objects.equals(reference, x.reference) && Objects.equals(message, x.message)
               && Objects.equals(claim, x.claim);
    }

    @Override
    public int hashCode() {
        return Objects.hash(line, element, reference, message, claim);
    }
}
