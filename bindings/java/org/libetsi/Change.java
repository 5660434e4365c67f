/*
 * libetsi Java binding: one difference between two dossiers.
 */
package org.libetsi;

/**
 * One difference between two dossiers, from {@link Dossier#diff(Dossier)}:
 * a record added or removed, or one field of a record changed (for a list
 * field, one value added or removed).  A plain value, copied out of
 * libetsi.
 */
public final class Change {
    private final String change;
    private final String kind;
    private final String key;
    private final String parent;
    private final String field;
    private final String oldValue;
    private final String newValue;
    private final int oldLine;
    private final int newLine;

    /** Made by the native code (see etsi.i). */
    Change(String change, String kind, String key, String parent, String field, String oldValue,
           String newValue, int oldLine, int newLine) {
        this.change = change;
        this.kind = kind;
        this.key = key;
        this.parent = parent;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.oldLine = oldLine;
        this.newLine = newLine;
    }

    /** @return "added", "removed" or "changed" */
    public String getChange() {
        return change;
    }

    /** @return the record kind, such as "component" or "ics-entry" */
    public String getKind() {
        return kind;
    }

    /** @return the record's key (id, provision, test case, name), or null for singletons */
    public String getKey() {
        return key;
    }

    /** @return the evidence item of an artifact or covers record, or null */
    public String getParent() {
        return parent;
    }

    /** @return the field that changed, or null when the record was added or removed */
    public String getField() {
        return field;
    }

    /** @return the old value, or null when it was absent */
    public String getOldValue() {
        return oldValue;
    }

    /** @return the new value, or null when it is absent */
    public String getNewValue() {
        return newValue;
    }

    /** @return the record's line in the old dossier, or 0 when it was added */
    public int getOldLine() {
        return oldLine;
    }

    /** @return the record's line in the new dossier, or 0 when it was removed */
    public int getNewLine() {
        return newLine;
    }

    /** @return "changed component fw: version", as {@code etsi diff} heads it */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(change).append(' ').append(kind);
        if (key != null)
            s.append(' ').append(key);
        if (parent != null)
            s.append(" of evidence ").append(parent);
        if (field != null)
            s.append(": ").append(field);
        return s.toString();
    }
}
