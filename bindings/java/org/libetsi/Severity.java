/*
 * libetsi Java binding: how serious a diagnostic is.
 */
package org.libetsi;

/** How serious a {@link Diagnostic} or the findings of a {@link Rule} are. */
public enum Severity {
    /** Worth knowing; nothing to fix. */
    INFO("info"),
    /** Should be fixed; does not fail validation or the gate. */
    WARNING("warning"),
    /** Must be fixed. */
    ERROR("error");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /**
     * The name libetsi's reports and the CLI print: "info", "warning" or
     * "error".
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * The severity of a label.
     *
     * @param label "info", "warning" or "error"
     * @return the severity
     * @throws EtsiException.Invalid for another label
     */
    public static Severity fromLabel(String label) {
        for (Severity s : values())
            if (s.label.equals(label))
                return s;
        throw EtsiException.invalid("'" + label + "' is not a severity; use info, warning or error");
    }
}
