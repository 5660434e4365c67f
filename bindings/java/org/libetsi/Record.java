/*
 * libetsi Java binding: a record, read and written by field name.
 */
package org.libetsi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalog, dossier or results entry, read and written by field name.
 *
 * <p>Every entry libetsi models is a record of a kind ("component",
 * "ics-entry", "verdict", "provision", "test-case", "outcome", ...) with a
 * key, a line in its document and named fields.  Field names are the XML
 * names of the dossier format (docs/dossier-format.md), so one vocabulary
 * serves the XML, the C API, the CLI and the bindings; {@link #fieldNames()}
 * lists a kind's.
 *
 * <pre>{@code
 * Record fw = dossier.find("component", "comp-fw").orElseThrow();
 * String name = fw.get("name");
 * List<String> paths = fw.values("mechanism");
 * fw.set("version", "3.4.1");
 * }</pre>
 *
 * <p>A record belongs to its {@link #owner()} and keeps it reachable: a
 * record may outlive every other reference to its dossier.  It is not a
 * copy: reading it reads the document, and once the owner is closed every
 * method but {@link #kind()}, {@link #owner()}, {@code equals},
 * {@code hashCode} and {@code toString} throws {@link IllegalStateException}.
 * Only dossier records can be changed; catalog and results records throw
 * {@link EtsiException.ReadOnly}.  A record removed from its dossier reads
 * as empty.
 */
public final class Record {
    private final NativeRecord raw;
    private final RecordOwner owner;
    private final int kind;
    private final long address;

    Record(NativeRecord raw, RecordOwner owner) {
        this.raw = raw;
        this.owner = owner;
        this.kind = raw.kind_id();
        this.address = raw.address();
    }

    private NativeRecord raw() {
        owner.checkOpen();
        return raw;
    }

    NativeRecord nativeRecord() {
        return raw();
    }

    private String field(String name) {
        if (name == null)
            throw new NullPointerException("field");
        if (!Kinds.hasField(kind, name))
            throw EtsiException.invalid(kind() + " has no field '" + name + "'; its fields are "
                                        + String.join(", ", Kinds.fields(kind)));
        return name;
    }

    /**
     * @return the kind's name, such as "component"
     */
    public String kind() {
        return Kinds.name(kind);
    }

    /**
     * @return the dossier, catalog or results this record belongs to
     */
    public RecordOwner owner() {
        return owner;
    }

    /**
     * The key: the record's id, or for kinds keyed by reference the provision
     * (ics-entry, outcome), test case (verdict, covers, planned-case), either
     * (self-result) or name (confirmation, step, gate-step).
     *
     * @return the key, or null for singletons (header, dut, user-info,
     *         summary) and removed records
     */
    public String key() {
        return raw().key();
    }

    /**
     * @return the line of the record's element in its document, or 0 for a
     *         record added in memory
     */
    public int line() {
        return raw().line();
    }

    /**
     * @return the record this one belongs to (the evidence item of an
     *         artifact, the mechanism of a crypto record, the test case of a
     *         test input), or null
     */
    public Record parent() {
        return owner.wrap(raw().parent());
    }

    /**
     * @return the records that belong to this one, in document order; an
     *         unmodifiable list
     */
    public List<Record> children() {
        NativeRecord r = raw();
        long n = r.child_count();
        List<Record> out = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++)
            out.add(owner.wrap(r.child_at(i)));
        return Collections.unmodifiableList(out);
    }

    /**
     * @return the fields a record of this kind can have, in document order
     */
    public List<String> fieldNames() {
        return Kinds.fields(kind);
    }

    /**
     * A field's value; for a field with several values, the first.
     *
     * @param field a field name of the kind
     * @return the value ("" for a present but empty field), or null when absent
     * @throws EtsiException.Invalid when the kind has no such field
     */
    public String get(String field) {
        return raw().get(field(field));
    }

    /**
     * A field's value, or a default when it is absent.
     *
     * @param field a field name of the kind
     * @param defaultValue what to return when the field is absent
     * @return the value or the default
     * @throws EtsiException.Invalid when the kind has no such field
     */
    public String getOrDefault(String field, String defaultValue) {
        String value = get(field);
        return value != null ? value : defaultValue;
    }

    /**
     * Every value of a field: several for a list field such as a
     * component's "mechanism" or a verdict's "evidence", one or none for
     * the others.
     *
     * @param field a field name of the kind
     * @return the values; an unmodifiable list
     * @throws EtsiException.Invalid when the kind has no such field
     */
    public List<String> values(String field) {
        return Collections.unmodifiableList(Arrays.asList(raw().values(field(field))));
    }

    /**
     * @param field a field name
     * @return true when the kind has the field and the record has a value for it
     */
    public boolean has(String field) {
        return field != null && Kinds.hasField(kind, field) && raw().get(field) != null;
    }

    /**
     * Sets a field, or removes it.  The value is checked against the field's
     * type and references are checked against the dossier and its catalog;
     * on failure nothing changes.  For a list field this replaces every
     * value with one.
     *
     * @param field a field name of the kind
     * @param value the new value, or null to remove an optional field
     * @throws EtsiException.Invalid for a bad value, or removing a required field
     * @throws EtsiException.NotFound for a dangling reference
     * @throws EtsiException.Exists when a new key is taken
     * @throws EtsiException.ReadOnly for a catalog or results record, a
     *         computed field, or the dossier's editions
     */
    public void set(String field, String value) {
        raw().set(field(field), value);
    }

    /**
     * Appends a value to a list field; a value already there is not added
     * twice.
     *
     * @param field a list field, such as "mechanism", "evidence" or "indication"
     * @param value the value
     * @throws EtsiException.Invalid when the field is not a list, or as {@link #set}
     */
    public void addValue(String field, String value) {
        if (value == null)
            throw new NullPointerException("value");
        raw().add_value(field(field), value);
    }

    /**
     * Removes one value from a list field.
     *
     * @param field a list field
     * @param value the value
     * @throws EtsiException.NotFound when the value is not there
     */
    public void removeValue(String field, String value) {
        if (value == null)
            throw new NullPointerException("value");
        raw().remove_value(field(field), value);
    }

    /**
     * The record as a map, for serializers and GRC imports: each field
     * present, in document order, as a {@code String} (one value) or a
     * {@code List<String>} (several); then the children, as a
     * {@code List<Map<String, Object>>} under their kind's name.
     *
     * @return a new, modifiable map
     */
    public Map<String, Object> toMap() {
        NativeRecord r = raw();
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : Kinds.fields(kind)) {
            String[] values = r.values(name);
            if (values.length > 1)
                out.put(name, new ArrayList<>(Arrays.asList(values)));
            else if (values.length == 1)
                out.put(name, values[0]);
        }
        for (Record child : children()) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) out.computeIfAbsent(
                child.kind(), k -> new ArrayList<Map<String, Object>>());
            list.add(child.toMap());
        }
        return out;
    }

    /**
     * Two records are equal when they are the same entry of the same owner
     * object, however they were reached.
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Record))
            return false;
        Record r = (Record) o;
        return r.address == address && r.owner == owner;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(address);
    }

    /** Such as {@code Record[component comp-fw, line 52]}; never throws. */
    @Override
    public String toString() {
        if (owner.isClosed())
            return "Record[" + kind() + " (closed)]";
        String key = raw.key();
        int line = raw.line();
        return "Record[" + kind() + (key != null ? " " + key : "")
               + (line > 0 ? ", line " + line : "") + "]";
    }
}
