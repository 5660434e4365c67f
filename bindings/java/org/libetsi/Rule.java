/*
 * libetsi Java binding: a rule of the check engine.
 */
package org.libetsi;

import java.util.Objects;

/**
 * A rule of the check engine, as {@code etsi rules} lists it and
 * docs/rules.md documents it.  {@link Etsi#rules()} gives them all.
 */
public final class Rule {
    private final String id;
    private final Severity severity;
    private final String layer;
    private final String step;
    private final String summary;
    private final String hint;

    /** Made by the native code (see etsi.i). */
    Rule(String id, String severity, String layer, String step, String summary, String hint) {
        this.id = id;
        this.severity = Severity.fromLabel(severity);
        this.layer = layer;
        this.step = step;
        this.summary = summary;
        this.hint = hint;
    }

    /** @return the stable id, such as "ics-na-contradicts-facts" */
    public String getId() {
        return id;
    }

    /** @return the severity of its findings */
    public Severity getSeverity() {
        return severity;
    }

    /** @return "requirement", "assessment", "evidence" or "format" */
    public String getLayer() {
        return layer;
    }

    /**
     * @return the release-gate step it blocks: "scope", "ics", "mechanisms",
     *         "procedures", "user-info", "handoff", or "all"
     */
    public String getStep() {
        return step;
    }

    /** @return one line: what the rule looks for */
    public String getSummary() {
        return summary;
    }

    /** @return how to fix a finding */
    public String getHint() {
        return hint;
    }

    @Override
    public String toString() {
        return id + " (" + severity.label() + ", " + layer + ", " + step + "): " + summary;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rule && ((Rule) o).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
