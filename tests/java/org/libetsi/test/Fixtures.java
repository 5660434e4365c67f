/*
 * Shared fixtures of the Java binding's tests.
 */
package org.libetsi.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;

final class Fixtures {
    private Fixtures() {
    }

    /** The date the examples are kept current for (examples/dossiers/README.md). */
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 26);

    static Path examples() {
        String dir = System.getenv("ETSI_EXAMPLES");
        if (dir == null) {
            String src = System.getenv("ETSI_SOURCE_DIR");
            dir = (src != null ? src : ".") + "/examples/dossiers";
        }
        return Paths.get(dir);
    }

    static Path source() {
        String src = System.getenv("ETSI_SOURCE_DIR");
        return Paths.get(src != null ? src : ".");
    }

    /** The rule fixtures: one directory per rule, with pass and fail dossiers. */
    static Path rules() {
        return source().resolve("tests").resolve("data").resolve("rules");
    }

    static Path camera() {
        return examples().resolve("smart-camera-v3.xml");
    }

    static Path sensor() {
        return examples().resolve("constrained-sensor-v2.xml");
    }

    static Path plug() {
        return examples().resolve("smart-plug-usb-v3.xml");
    }

    static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("libetsi-java-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A small valid V3.1.3 dossier: one component, one mechanism, one ICS entry. */
    static final String MINIMAL =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<dossier xmlns=\"urn:libetsi:dossier:1\" schema-version=\"1.0\">\n"
        + "  <header>\n"
        + "    <editions en303645=\"3.1.3\" ts103701=\"2.1.1\"/>\n"
        + "    <release version=\"1.0.0\"/>\n"
        + "    <parties>\n"
        + "      <party id=\"acme\" role=\"SO\"><name>Acme Devices Ltd</name></party>\n"
        + "    </parties>\n"
        + "    <owners>\n"
        + "      <owner id=\"psirt\" role=\"product security lead\" party=\"acme\"><name>R. Osei</name></owner>\n"
        + "    </owners>\n"
        + "  </header>\n"
        + "  <dut>\n"
        + "    <manufacturer>Acme Devices Ltd</manufacturer>\n"
        + "    <model-designation>AD-10</model-designation>\n"
        + "    <software-version>1.0.0</software-version>\n"
        + "    <resource-constraint constrained=\"false\"/>\n"
        + "  </dut>\n"
        + "  <update-boundary>\n"
        + "    <component id=\"fw\" kind=\"firmware\" updateable=\"true\">\n"
        + "      <name>Main firmware</name>\n"
        + "      <covered-by mechanism=\"ota\"/>\n"
        + "    </component>\n"
        + "    <mechanism id=\"ota\" path=\"device-download\" network=\"true\" automatic=\"true\" notification=\"true\">\n"
        + "      <name>Over-the-air download</name>\n"
        + "    </mechanism>\n"
        + "  </update-boundary>\n"
        + "  <ixit/>\n"
        + "  <ics>\n"
        + "    <entry provision=\"5.3-2\" support=\"Y\"><detail>Signed images, verified by the boot loader.</detail></entry>\n"
        + "  </ics>\n"
        + "</dossier>\n";
}
