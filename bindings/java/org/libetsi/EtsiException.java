/*
 * libetsi Java binding: the exceptions of the C API's error codes.
 */
package org.libetsi;

/**
 * A libetsi failure: one subclass per error code of the C API
 * ({@code etsi/errors.h}), carrying the code, its symbolic name and, when
 * the failure concerns a document, the file, line and column of the problem.
 *
 * <p>Catch {@code EtsiException} for any libetsi failure, or a nested
 * subclass for one kind: {@link Parse} for a document that is not
 * well-formed or uses a refused construct (a DOCTYPE, an external entity),
 * {@link Validation} for one that does not conform to the schema,
 * {@link IO} for a file that cannot be read or written, and so on.
 * {@link #getMessage()} starts with the location when there is one
 * ({@code "kic-300.xml:42: ..."}); {@link #getReason()} is the message alone.
 *
 * <pre>{@code
 * try (Dossier d = Dossier.load(path)) {
 *     ...
 * } catch (EtsiException.Validation e) {
 *     System.err.println(e.getFile() + ":" + e.getLine() + ": " + e.getReason());
 * }
 * }</pre>
 *
 * <p>Misuse of the Java API itself raises the usual Java exceptions:
 * {@link NullPointerException} for a required argument that is null,
 * {@link IllegalStateException} for a dossier, catalog or results used
 * after {@code close()}.
 */
public abstract class EtsiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Code of {@link Other}: an unclassified error. */
    public static final int ERROR = -1;
    /** Code of {@link NoMemory}. */
    public static final int ENOMEM = -2;
    /** Code of {@link Invalid}. */
    public static final int EINVALID = -3;
    /** Code of {@link NotFound}. */
    public static final int ENOTFOUND = -4;
    /** Code of {@link Exists}. */
    public static final int EEXISTS = -5;
    /** Code of {@link IO}. */
    public static final int EIO = -6;
    /** Code of {@link Parse}. */
    public static final int EPARSE = -7;
    /** Code of {@link Validation}. */
    public static final int EVALIDATION = -8;
    /** Code of {@link Limit}. */
    public static final int ELIMIT = -9;
    /** Code of {@link Unsupported}. */
    public static final int EUNSUPPORTED = -10;
    /** Code of {@link ReadOnly}. */
    public static final int EREADONLY = -11;
    /** Code of {@link Transform}. */
    public static final int ETRANSFORM = -12;
    /** Code of {@link Integrity}. */
    public static final int EINTEGRITY = -13;
    /** Code of {@link Conflict}. */
    public static final int ECONFLICT = -14;
    /** Code of {@link Stopped}. */
    public static final int ESTOPPED = -15;

    /** The error code. */
    private final int code;
    /** Its symbolic name. */
    private final String name;
    /** The message without the location. */
    private final String reason;
    /** The document concerned, or null. */
    private final String file;
    /** The line, or 0. */
    private final int line;
    /** The column, or 0. */
    private final int column;

    EtsiException(int code, String name, String reason, String file, int line, int column) {
        super(format(reason, file, line));
        this.code = code;
        this.name = name;
        this.reason = reason;
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String format(String reason, String file, int line) {
        if (file != null && line > 0)
            return file + ":" + line + ": " + reason;
        if (file != null)
            return file + ": " + reason;
        return reason;
    }

    /**
     * The C API's error code, a negative number such as {@link #EPARSE}.
     *
     * @return the code
     */
    public int getCode() {
        return code;
    }

    /**
     * The code's symbolic name without the {@code ETSI_} prefix, such as
     * {@code "EPARSE"}.
     *
     * @return the name
     */
    public String getName() {
        return name;
    }

    /**
     * The message without the location: what went wrong and how to fix it.
     *
     * @return the message
     */
    public String getReason() {
        return reason;
    }

    /**
     * The document concerned (a path, or the name given to
     * {@link Dossier#loads(String, LoadOption...)}), or null.
     *
     * @return the file, or null
     */
    public String getFile() {
        return file;
    }

    /**
     * The line of the problem in {@link #getFile()}, or 0 when unknown.
     *
     * @return the line, or 0
     */
    public int getLine() {
        return line;
    }

    /**
     * The column of the problem, or 0 when unknown.
     *
     * @return the column, or 0
     */
    public int getColumn() {
        return column;
    }

    /**
     * Makes the exception of a code; called from C with etsi_error_last()'s
     * details, and by the Java layer for its own argument checks.
     */
    static EtsiException fromNative(int code, String name, String message, String file,
                                    int line, int column) {
        String reason = message != null ? message : "libetsi error " + code;
        switch (code) {
        case ENOMEM: return new NoMemory(reason, file, line, column);
        case EINVALID: return new Invalid(reason, file, line, column);
        case ENOTFOUND: return new NotFound(reason, file, line, column);
        case EEXISTS: return new Exists(reason, file, line, column);
        case EIO: return new IO(reason, file, line, column);
        case EPARSE: return new Parse(reason, file, line, column);
        case EVALIDATION: return new Validation(reason, file, line, column);
        case ELIMIT: return new Limit(reason, file, line, column);
        case EUNSUPPORTED: return new Unsupported(reason, file, line, column);
        case EREADONLY: return new ReadOnly(reason, file, line, column);
        case ETRANSFORM: return new Transform(reason, file, line, column);
        case EINTEGRITY: return new Integrity(reason, file, line, column);
        case ECONFLICT: return new Conflict(reason, file, line, column);
        case ESTOPPED: return new Stopped(reason, file, line, column);
        default: return new Other(code, name != null ? name : "ERROR", reason, file, line, column);
        }
    }

    /** An argument check of the Java layer, reported as the C API would. */
    static Invalid invalid(String reason) {
        return new Invalid(reason, null, 0, 0);
    }

    /** libetsi ran out of memory (ENOMEM). */
    public static final class NoMemory extends EtsiException {
        private static final long serialVersionUID = 1L;

        /**
         * @param reason the message
         * @param file the document concerned, or null
         * @param line the line, or 0
         * @param column the column, or 0
         */
        public NoMemory(String reason, String file, int line, int column) {
            super(ENOMEM, "ENOMEM", reason, file, line, column);
        }
    }

    /** An argument or a value is invalid (EINVALID): a bad field value, an unknown kind or format. */
    public static final class Invalid extends EtsiException {
        private static final long serialVersionUID = 1L;

        /**
         * @param reason the message
         * @param file the document concerned, or null
         * @param line the line, or 0
         * @param column the column, or 0
         */
        public Invalid(String reason, String file, int line, int column) {
            super(EINVALID, "EINVALID", reason, file, line, column);
        }
    }

    /** Something named does not exist (ENOTFOUND): a provision, a test case, a referenced id. */
    public static final class NotFound extends EtsiException {
        private static final long serialVersionUID = 1L;

        /**
         * @param reason the message
         * @param file the document concerned, or null
         * @param line the line, or 0
         * @param column the column, or 0
         */
        public NotFound(String reason, String file, int line, int column) {
            super(ENOTFOUND, "ENOTFOUND", reason, file, line, column);
        }
    }

    /** A key is already taken (EEXISTS). */
    public static final class Exists extends EtsiException {
        private static final long serialVersionUID = 1L;

        /**
         * @param reason the message
         * @param file the document concerned, or null
         * @param line the line, or 0
         * @param column the column, or 0
         */
        public Exists(String reason, String file, int line, int column) {
            super(EEXISTS, "EEXISTS", reason, file, line, column);
        }
    }

    /** A file could not be read or written (EIO); nothing on disk changed. */
    public static final class IO extends EtsiException {
        private static final long serialVersionUID = 1L;

        /**
         * @param reason the message
         * @param file the document concerned, or null
         * @param line the line, or 0
         * @param column the column, or 0
         */
        public IO(String reason, String file, int line, int column) {
            super(EIO, "EIO", reason, file, line, column);
        }
    }

    /**
     * A document is not well-formed or uses a refused construct (EPARSE):
     * DOCTYPE declarations, external entities and processing instructions
     * are refused, so an XXE document raises this.
     */
    public static final class Parse extends EtsiException {
        private static final long serialVersionUID = 1L;

        /**
         * @param reason the message
         * @param file the document concerned, or null
         * @param line the line, or 0
         * @param column the column, or 0
         */
        public Parse(String reason, String file, int line, int column) {
            super(EPARSE, "EPARSE", reason, file, line, column);
        }
    }

    /** A document does not conform to its schema (EVALIDATION); the first problem is reported. */
    public static final class Validation extends EtsiException {
        private static final long serialVersionUID = 1L;

        /**
         * @param reason the message
         * @param file the document concerned, or null
         * @param line the line, or 0
         * @param column the column, or 0
         */
        public Validation(String reason, String file, int line, int column) {
            super(EVALIDATION, "EVALIDATION", reason, file, line, column);
        }
    }

    /** An input exceeds a safety limit (ELIMIT): its size or its nesting depth. */
    public static final class Limit extends EtsiException {
        private static final long serialVersionUID = 1L;

        /**
         * @param reason the message
         * @param file the document concerned, or null
         * @param line the line, or 0
         * @param column the column, or 0
         */
        public Limit(String reason, String file, int line, int column) {
            super(ELIMIT, "ELIMIT", reason, file, line, column);
        }
    }

    /** An edition or a format version is not supported (EUNSUPPORTED). */
    public static final class Unsupported extends EtsiException {
        private static final long serialVersionUID = 1L;

        /**
         * @param reason the message
         * @param file the document concerned, or null
         * @param line the line, or 0
         * @param column the column, or 0
         */
        public Unsupported(String reason, String file, int line, int column) {
            super(EUNSUPPORTED, "EUNSUPPORTED", reason, file, line, column);
        }
    }

    /** An object cannot be modified (EREADONLY): a catalog or results record, a fixed field. */
    public static final class ReadOnly extends EtsiException {
        private static final long serialVersionUID = 1L;

        /**
         * @param reason the message
         * @param file the document concerned, or null
         * @param line the line, or 0
         * @param column the column, or 0
         */
        public ReadOnly(String reason, String file, int line, int column) {
            super(EREADONLY, "EREADONLY", reason, file, line, column);
        }
    }

    /** A report transformation failed (ETRANSFORM), for example a stylesheet that read a file. */
    public static final class Transform extends EtsiException {
        private static final long serialVersionUID = 1L;

        /**
         * @param reason the message
         * @param file the document concerned, or null
         * @param line the line, or 0
         * @param column the column, or 0
         */
        public Transform(String reason, String file, int line, int column) {
            super(ETRANSFORM, "ETRANSFORM", reason, file, line, column);
        }
    }

    /**
     * A digest or signature does not match (EINTEGRITY): the document
     * changed after it was signed, the signature value was altered, or it
     * was made with another key.
     */
    public static final class Integrity extends EtsiException {
        private static final long serialVersionUID = 1L;

        /**
         * @param reason the message
         * @param file the document concerned, or null
         * @param line the line, or 0
         * @param column the column, or 0
         */
        public Integrity(String reason, String file, int line, int column) {
            super(EINTEGRITY, "EINTEGRITY", reason, file, line, column);
        }
    }

    /**
     * The file changed since it was loaded (ECONFLICT): another program
     * changed, replaced or removed it, and saving would lose that change;
     * nothing was written.  Load the file again and redo the change, or
     * load with {@link LoadOption#lockForUpdate()} so that writers wait for
     * each other.  Also raised when loading for update a file that another
     * dossier of this process holds for update.
     */
    public static final class Conflict extends EtsiException {
        private static final long serialVersionUID = 1L;

        /**
         * @param reason the message
         * @param file the document concerned, or null
         * @param line the line, or 0
         * @param column the column, or 0
         */
        public Conflict(String reason, String file, int line, int column) {
            super(ECONFLICT, "ECONFLICT", reason, file, line, column);
        }
    }

    /**
     * A callback of the caller's stopped the operation (ESTOPPED): an
     * {@link ArtifactProgress} that returned false.  Nothing was changed.
     */
    public static final class Stopped extends EtsiException {
        private static final long serialVersionUID = 1L;

        /**
         * @param reason the message
         * @param file the document concerned, or null
         * @param line the line, or 0
         * @param column the column, or 0
         */
        public Stopped(String reason, String file, int line, int column) {
            super(ESTOPPED, "ESTOPPED", reason, file, line, column);
        }
    }

    /**
     * An unclassified error (ERROR), or a code this binding does not know
     * yet (codes are appended to the C API's table, never renumbered).
     */
    public static final class Other extends EtsiException {
        private static final long serialVersionUID = 1L;

        /**
         * @param code the code
         * @param name its symbolic name, such as "ERROR"
         * @param reason the message
         * @param file the document concerned, or null
         * @param line the line, or 0
         * @param column the column, or 0
         */
        public Other(int code, String name, String reason, String file, int line, int column) {
            super(code, name, reason, file, line, column);
        }
    }
}
