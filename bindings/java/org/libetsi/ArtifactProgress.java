/*
 * libetsi Java binding: progress of artifact hashing.
 */
package org.libetsi;

/**
 * Told how hashing goes, by {@link Dossier#hashArtifacts(java.nio.file.Path,
 * boolean, ArtifactProgress)} and {@link Dossier#verifyArtifacts(
 * java.nio.file.Path, ArtifactProgress)}: when an artifact's file is opened,
 * after every chunk read, and when it is finished.  It is called in the
 * thread that hashes.  Throwing an unchecked exception stops the operation,
 * which then throws that exception.
 */
@FunctionalInterface
public interface ArtifactProgress {
    /**
     * Where hashing stands.
     *
     * @param artifact the artifact's id
     * @param ref its reference, relative to the root
     * @param index its index among the artifacts, from 0
     * @param count how many artifacts the dossier has
     * @param done bytes of this artifact digested so far
     * @param total its size in bytes
     */
    void onProgress(String artifact, String ref, long index, long count, long done, long total);
}
