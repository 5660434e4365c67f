/**
 * libetsi for Java: ETSI EN 303 645 clause 5.3 secure-update evidence,
 * carried through the ETSI TS 103 701 assessment, as XML dossiers.
 *
 * <p>The object model follows the C library's: a {@link org.libetsi.Dossier}
 * (one device at one release), a {@link org.libetsi.Catalog} (the two
 * standards of an edition) and {@link org.libetsi.Results} (an evaluation)
 * own native memory and are {@link java.lang.AutoCloseable}; their entries
 * are {@link org.libetsi.Record}s, read and written by the field names of
 * the XML format; {@link org.libetsi.Diagnostic} and
 * {@link org.libetsi.Rule} are plain values; failures are
 * {@link org.libetsi.EtsiException}s, one subclass per error code.
 *
 * <pre>{@code
 * try (Dossier dossier = Dossier.load(Paths.get("kic-300.xml"));
 *      Results results = dossier.evaluate()) {
 *     System.out.println(results.overall());
 * }
 * }</pre>
 *
 * <p>The JNI library, libetsijni, is found beside the jar, where
 * {@code cmake --install} put it, on {@code java.library.path}, or where
 * the system property {@code org.libetsi.library} says.  See docs/java.md.
 */
package org.libetsi;
