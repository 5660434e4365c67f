/*
 * libetsi Java binding: the result of an edition migration.
 */
package org.libetsi;

import java.util.Collections;
import java.util.List;

/**
 * A dossier moved to a later edition by {@link Dossier#migrate(String)},
 * with the migration report.  Closing the migration closes the new
 * dossier.
 */
public final class Migration implements AutoCloseable {
    private final Dossier dossier;
    private final List<Diagnostic> report;

    Migration(Dossier dossier, List<Diagnostic> report) {
        this.dossier = dossier;
        this.report = Collections.unmodifiableList(report);
    }

    /**
     * @return the new dossier, valid, with no file yet
     */
    public Dossier dossier() {
        return dossier;
    }

    /**
     * What moved, what a person must decide again (warnings) and what was
     * dropped; the rule of each entry is the action.
     *
     * @return the report, in the order the migration met the items
     */
    public List<Diagnostic> report() {
        return report;
    }

    /** Closes the new dossier. */
    @Override
    public void close() {
        dossier.close();
    }
}
