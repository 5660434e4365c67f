/*
 * libetsi Java binding: options of Dossier.create.
 */
package org.libetsi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An option of {@link Dossier#create(String, String, CreateOption...)}:
 *
 * <pre>{@code
 * Dossier.create("KIC-300", "3.4.0", CreateOption.edition("3.1.3"),
 *                CreateOption.manufacturer("Kestrel Home Devices Ltd."));
 * }</pre>
 */
public final class CreateOption {
    enum Type { EDITION, TS_EDITION, MANUFACTURER, DATA_DIR }

    final Type type;
    final String value;

    private CreateOption(Type type, String value) {
        this.type = type;
        this.value = value;
    }

    /**
     * The EN 303 645 edition, such as "3.1.3" or "2.1.1"
     * ({@link Etsi#editions()}); the default is the latest.
     *
     * @param edition the edition
     * @return the option
     */
    public static CreateOption edition(String edition) {
        return new CreateOption(Type.EDITION, Objects.requireNonNull(edition, "edition"));
    }

    /**
     * The TS 103 701 edition; the default is the one that tests the
     * EN 303 645 edition.
     *
     * @param edition the edition
     * @return the option
     */
    public static CreateOption tsEdition(String edition) {
        return new CreateOption(Type.TS_EDITION, Objects.requireNonNull(edition, "edition"));
    }

    /**
     * The DUT's manufacturer.
     *
     * @param manufacturer the name
     * @return the option
     */
    public static CreateOption manufacturer(String manufacturer) {
        return new CreateOption(Type.MANUFACTURER, Objects.requireNonNull(manufacturer, "manufacturer"));
    }

    /**
     * A catalog and schema directory, as {@link LoadOption#dataDir(Path)}.
     *
     * @param dir the directory
     * @return the option
     */
    public static CreateOption dataDir(Path dir) {
        return new CreateOption(Type.DATA_DIR, Paths2.file(dir, "dataDir"));
    }

    @Override
    public String toString() {
        return "CreateOption." + type + "(" + value + ")";
    }
}
