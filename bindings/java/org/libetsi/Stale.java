/*
 * libetsi Java binding: an evidence item a change makes stale.
 */
package org.libetsi;

/**
 * An evidence item the changes between two dossiers make stale, from
 * {@link Dossier#diff(Dossier)}: its own content did not change, but a fact
 * its provision rests on did (docs/lifecycle.md states the rules).  A
 * plain value, copied out of libetsi.
 */
public final class Stale {
    private final String evidence;
    private final String provision;
    private final int line;
    private final String causeKind;
    private final String causeKey;
    private final String causeField;
    private final long causes;
    private final String message;

    /** Made by the native code (see etsi.i). */
    Stale(String evidence, String provision, int line, String causeKind, String causeKey,
          String causeField, long causes, String message) {
        this.evidence = evidence;
        this.provision = provision;
        this.line = line;
        this.causeKind = causeKind;
        this.causeKey = causeKey;
        this.causeField = causeField;
        this.causes = causes;
        this.message = message;
    }

    /** @return the evidence item's id */
    public String getEvidence() {
        return evidence;
    }

    /** @return the provision it is filed under */
    public String getProvision() {
        return provision;
    }

    /** @return its line in the new dossier */
    public int getLine() {
        return line;
    }

    /** @return the kind of the first change that makes it stale */
    public String getCauseKind() {
        return causeKind;
    }

    /** @return that record's key, or null for a singleton */
    public String getCauseKey() {
        return causeKey;
    }

    /** @return that change's field, or null when the record was added or removed */
    public String getCauseField() {
        return causeField;
    }

    /** @return how many changes make it stale */
    public long getCauses() {
        return causes;
    }

    /** @return one line saying why */
    public String getMessage() {
        return message;
    }

    /** @return the message */
    @Override
    public String toString() {
        return message;
    }
}
