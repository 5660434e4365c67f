/*
 * libetsi Java binding: paths handed to C.
 */
package org.libetsi;

import java.nio.file.FileSystems;
import java.nio.file.Path;

/** Paths as the C library takes them. */
final class Paths2 {
    private Paths2() {
    }

    /** The path as a file name C can open; it must be on the default file system. */
    static String file(Path path, String what) {
        if (path == null)
            throw new NullPointerException(what);
        if (path.getFileSystem() != FileSystems.getDefault())
            throw EtsiException.invalid(what + " " + path.toUri()
                                        + " is not on the default file system; libetsi opens files itself");
        return path.toString();
    }

    /** Dates as C takes them: YYYY-MM-DD, or null. */
    static String date(java.time.LocalDate date) {
        return date == null ? null : date.toString();
    }
}
