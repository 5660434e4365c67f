/*
 * GrcImport: the path a GRC platform takes to import a libetsi dossier.
 *
 * Loads a dossier, rejects it with every problem and its line when it is
 * not valid, reads the device, the ICS (the EN 303 645 Annex B support
 * position of every provision) and the outcomes the verdicts aggregate to,
 * and exports the whole evaluation as JSON for the platform to store.
 *
 *   java -cp libetsi.jar:grc-import.jar GrcImport DOSSIER.xml OUT.json [AS-OF]
 *   java -cp /usr/share/java/libetsi.jar GrcImport.java DOSSIER.xml OUT.json
 *
 * AS-OF (YYYY-MM-DD) is the date expiry checks use; today by default.
 * Exit status: 0 when imported, 1 when the dossier was rejected, 2 on usage.
 */
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;

import org.libetsi.Diagnostic;
import org.libetsi.Dossier;
import org.libetsi.EtsiException;
import org.libetsi.LoadOption;
import org.libetsi.Record;
import org.libetsi.Results;

public final class GrcImport {
    private GrcImport() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: GrcImport DOSSIER.xml OUT.json [AS-OF]");
            System.exit(2);
        }
        Path file = Paths.get(args[0]);
        Path out = Paths.get(args[1]);
        LocalDate asOf = args.length > 2 ? LocalDate.parse(args[2]) : null;

        // Loading without validation, then validating, lists every problem
        // (a plain load stops at the first).  Hostile constructs (DOCTYPE,
        // entities) are refused either way.
        try (Dossier dossier = Dossier.load(file, LoadOption.noValidation())) {
            List<Diagnostic> problems = dossier.validate();
            if (!problems.isEmpty()) {
                for (Diagnostic d : problems)
                    System.err.println(d);
                System.err.println(file + ": rejected, " + problems.size() + " problem(s)");
                System.exit(1);
            }

            Record dut = dossier.dut(), header = dossier.header();
            System.out.println(dut.get("manufacturer") + " " + dut.get("model-designation")
                               + ", release " + header.get("release"));
            System.out.println("EN 303 645 V" + header.get("en303645") + ", TS 103 701 V"
                               + header.get("ts103701"));

            // The requirement layer: one ICS entry per provision.
            System.out.println("\nICS");
            for (Record entry : dossier.ics())
                System.out.printf("  %-8s %s%n", entry.get("provision"),
                                  entry.getOrDefault("support", "(not stated)"));

            // The assessment: verdicts aggregated per provision and for clause 5.3.
            try (Results results = dossier.evaluate(asOf)) {
                System.out.println("\nOutcomes (" + dossier.verdicts().size() + " verdicts recorded)");
                for (Record outcome : results.outcomes()) {
                    System.out.printf("  %-8s %-15s %s%n", outcome.key(), outcome.get("outcome"),
                                      outcome.get("basis"));
                    for (Record c : outcome.children())
                        if (c.has("result"))
                            System.out.printf("    %-10s %-13s by %s on %s%n", c.get("id"),
                                              c.get("result"), c.get("by"), c.get("date"));
                }
                System.out.println("\nclause 5.3: " + results.overall());
                System.out.println("release gate: " + (results.isReady() ? "READY" : "BLOCKED"));
                for (Diagnostic finding : results.findings())
                    System.out.println("  " + finding);

                // The export the platform stores: findings, plan, outcomes and gate.
                results.write(out, "all", "json");
                System.out.println("wrote " + out);
            }
        } catch (EtsiException e) {
            System.err.println(file + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
