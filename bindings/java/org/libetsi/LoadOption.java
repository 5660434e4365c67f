/*
 * libetsi Java binding: options of Dossier.load and Dossier.loads.
 */
package org.libetsi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An option of {@link Dossier#load(Path, LoadOption...)} and
 * {@link Dossier#loads(String, LoadOption...)}:
 *
 * <pre>{@code
 * Dossier.load(path, LoadOption.maxSize(8 << 20), LoadOption.noValidation());
 * }</pre>
 *
 * Without options a dossier is parsed, validated and indexed, within the
 * default limits (64 MiB, 64 levels of nesting, a million elements).  A
 * later option of the same type overrides an earlier one.  The imports
 * ({@link Dossier#importSbom(byte[], String, String, LoadOption...)},
 * {@link Dossier#importIcsCsv(byte[], String, String, LoadOption...)}) take
 * the limits too, {@link #maxRecords(long)} among them.
 */
public final class LoadOption {
    enum Type { NO_VALIDATION, MAX_SIZE, MAX_DEPTH, MAX_ELEMENTS, MAX_RECORDS, DATA_DIR, NAME, LOCK }

    final Type type;
    final Object value;

    private LoadOption(Type type, Object value) {
        this.type = type;
        this.value = value;
    }

    /**
     * Skips validation, so that an invalid dossier can be loaded, inspected
     * and repaired; {@link Dossier#validate()} then lists its problems.
     *
     * @return the option
     */
    public static LoadOption noValidation() {
        return new LoadOption(Type.NO_VALIDATION, Boolean.TRUE);
    }

    /**
     * Locks the file for update (ETSI_LOAD_LOCK): the load waits until no
     * other writer holds the file, and the dossier holds it until it is
     * closed, so that other processes' load-change-save of the file wait
     * for this one's instead of failing with {@link EtsiException.Conflict}.
     * Files only: {@link Dossier#loads(byte[], LoadOption...)} ignores it.
     *
     * @return the option
     */
    public static LoadOption lockForUpdate() {
        return new LoadOption(Type.LOCK, Boolean.TRUE);
    }

    /**
     * The largest accepted document.
     *
     * @param bytes a size in bytes; 0 for the default, 64 MiB
     * @return the option
     * @throws EtsiException.Invalid for a negative size
     */
    public static LoadOption maxSize(long bytes) {
        if (bytes < 0)
            throw EtsiException.invalid("maxSize cannot be negative");
        return new LoadOption(Type.MAX_SIZE, bytes);
    }

    /**
     * The deepest accepted element nesting.
     *
     * @param depth a depth; 0 for the default, 64
     * @return the option
     * @throws EtsiException.Invalid for a negative depth
     */
    public static LoadOption maxDepth(int depth) {
        if (depth < 0)
            throw EtsiException.invalid("maxDepth cannot be negative");
        return new LoadOption(Type.MAX_DEPTH, (long) depth);
    }

    /**
     * The most elements and attributes accepted (values and member names of
     * a JSON dossier; of an import, its items: XML elements, JSON values,
     * CSV cells or SPDX lines).  Each costs memory however few bytes it
     * takes; with this bound a load's peak memory is a documented multiple
     * of the input's size (docs/hardening.md).
     *
     * @param count a count; 0 for the default, 1 000 000
     * @return the option
     * @throws EtsiException.Invalid for a negative count
     */
    public static LoadOption maxElements(long count) {
        if (count < 0)
            throw EtsiException.invalid("maxElements cannot be negative");
        return new LoadOption(Type.MAX_ELEMENTS, count);
    }

    /**
     * The most records an import adds or updates: components of an SBOM,
     * rows of an ICS table.  Loads ignore it.
     *
     * @param count a count; 0 for the default, 10 000
     * @return the option
     * @throws EtsiException.Invalid for a negative count
     */
    public static LoadOption maxRecords(long count) {
        if (count < 0)
            throw EtsiException.invalid("maxRecords cannot be negative");
        return new LoadOption(Type.MAX_RECORDS, count);
    }

    /**
     * A directory searched first for catalogs and the schema
     * (en303645-EDITION.xml, ts103701-EDITION.xml, dossier.xsd).  Without it
     * the ETSI_DATA_DIR environment variable is used if set, else only the
     * built-in data.
     *
     * @param dir the directory
     * @return the option
     */
    public static LoadOption dataDir(Path dir) {
        return new LoadOption(Type.DATA_DIR, Paths2.file(dir, "dataDir"));
    }

    /**
     * The name diagnostics and exceptions give a document loaded from memory
     * (a file name or URL); the default is "&lt;memory&gt;".  Ignored by
     * {@link Dossier#load(Path, LoadOption...)}, which names the file.
     *
     * @param name the name
     * @return the option
     */
    public static LoadOption name(String name) {
        return new LoadOption(Type.NAME, Objects.requireNonNull(name, "name"));
    }

    @Override
    public String toString() {
        return "LoadOption." + type + (value instanceof Boolean ? "" : "(" + value + ")");
    }

    /** The options resolved, later ones overriding earlier ones. */
    static final class Resolved {
        boolean validate = true;
        long maxSize;
        long maxDepth;
        long maxElements;
        long maxRecords;
        String dataDir;
        String name;
        boolean lock;

        Resolved(LoadOption... options) {
            for (LoadOption o : options) {
                Objects.requireNonNull(o, "option");
                switch (o.type) {
                case NO_VALIDATION: validate = false; break;
                case MAX_SIZE: maxSize = (Long) o.value; break;
                case MAX_DEPTH: maxDepth = (Long) o.value; break;
                case MAX_ELEMENTS: maxElements = (Long) o.value; break;
                case MAX_RECORDS: maxRecords = (Long) o.value; break;
                case DATA_DIR: dataDir = (String) o.value; break;
                case NAME: name = (String) o.value; break;
                case LOCK: lock = true; break;
                default: throw new AssertionError(o.type);
                }
            }
        }
    }
}
