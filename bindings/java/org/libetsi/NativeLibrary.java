/*
 * libetsi Java binding: finds and loads the JNI library.
 */
package org.libetsi;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Loads libetsijni (the SWIG-generated JNI library), once, when the
 * generated coreJNI class is first used.  It is looked for, in order:
 *
 * <ol>
 * <li>in the file the system property {@code org.libetsi.library} names;</li>
 * <li>beside the jar (the build tree);</li>
 * <li>where {@code cmake --install} put it relative to the jar, as recorded
 *     in the jar's {@code org/libetsi/libetsi-java.properties} (so an install
 *     under any prefix works without {@code -Djava.library.path});</li>
 * <li>in the directory it was installed into, also recorded there (for a
 *     copy of the jar in a Maven or Gradle cache);</li>
 * <li>on {@code java.library.path} (Debian's includes
 *     /usr/lib/&lt;triplet&gt;/jni).</li>
 * </ol>
 */
final class NativeLibrary {
    static final String NAME = "etsijni";
    static final String PROPERTY = "org.libetsi.library";
    private static boolean loaded;

    private NativeLibrary() {
    }

    static synchronized void load() {
        if (loaded)
            return;
        String explicit = System.getProperty(PROPERTY);
        if (explicit != null && !explicit.isEmpty()) {
            System.load(Paths.get(explicit).toAbsolutePath().toString());
            loaded = true;
            return;
        }
        List<Path> tried = new ArrayList<>();
        for (Path candidate : besideJar()) {
            if (Files.isRegularFile(candidate)) {
                System.load(candidate.toAbsolutePath().toString());
                loaded = true;
                return;
            }
            tried.add(candidate);
        }
        try {
            System.loadLibrary(NAME);
            loaded = true;
        } catch (UnsatisfiedLinkError e) {
            String file = System.mapLibraryName(NAME);
            UnsatisfiedLinkError error = new UnsatisfiedLinkError(
                "libetsi's JNI library " + file + " was not found (looked at " + tried
                + " and on java.library.path=" + System.getProperty("java.library.path")
                + "); install it with cmake --install, or run java with -D" + PROPERTY
                + "=/path/to/" + file + " or -Djava.library.path=/its/directory");
            error.initCause(e);
            throw error;
        }
    }

    /** Where the library would be relative to the jar this class came from. */
    /** The files looked at before java.library.path, in order (for the tests too). */
    static List<Path> besideJar() {
        Set<Path> out = new LinkedHashSet<>();
        try {
            CodeSource source = NativeLibrary.class.getProtectionDomain().getCodeSource();
            URL location = source != null ? source.getLocation() : null;
            if (location == null || !"file".equals(location.getProtocol()))
                return new ArrayList<>(out);
            Path jar = Paths.get(location.toURI());
            if (!Files.isRegularFile(jar))
                return new ArrayList<>(out);
            String file = System.mapLibraryName(NAME);
            String relative = installedRelativeDir();
            List<Path> dirs = new ArrayList<>();
            dirs.add(jar.getParent());
            Path real = jar.toRealPath().getParent();
            if (!real.equals(jar.getParent()))
                dirs.add(real);
            for (Path dir : dirs) {
                out.add(dir.resolve(file));
                if (relative != null)
                    out.add(dir.resolve(relative).resolve(file).normalize());
            }
            // a copy of the jar elsewhere (a Maven or Gradle cache): the
            // directory the JNI library was installed into
            String installed = property("jni.install.dir");
            if (installed != null)
                out.add(Paths.get(installed).resolve(file));
        } catch (Exception | LinkageError e) {
            // a security manager, an unusual class loader: java.library.path only
        }
        return new ArrayList<>(out);
    }

    /** The JNI directory relative to the jar's, recorded at build time. */
    private static String installedRelativeDir() {
        return property("jni.relative.dir");
    }

    /** A value of the jar's libetsi-java.properties, or null. */
    static String property(String name) {
        try (InputStream in = NativeLibrary.class.getResourceAsStream("libetsi-java.properties")) {
            if (in == null)
                return null;
            Properties p = new Properties();
            p.load(in);
            String value = p.getProperty(name);
            return value == null || value.isEmpty() ? null : value;
        } catch (Exception e) {
            return null;
        }
    }
}
