/*
 * libetsi Java binding: options of Dossier.report.
 */
package org.libetsi;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An option of {@link Dossier#report(String, ReportOption...)}:
 *
 * <pre>{@code
 * String html = dossier.report("html", ReportOption.date(LocalDate.of(2026, 11, 26)));
 * }</pre>
 */
public final class ReportOption {
    enum Type { STYLESHEET, DATE, AS_OF, CSV_RAW, RESULTS }

    final Type type;
    final String value;
    final Results results;

    private ReportOption(Type type, String value) {
        this(type, value, null);
    }

    private ReportOption(Type type, String value, Results results) {
        this.type = type;
        this.value = value;
        this.results = results;
    }

    /**
     * An XSLT 1.0 stylesheet of your own, applied to the same input instead
     * of the format's (branding, custom layouts).  It may include the
     * built-in stylesheets by name ("common.xsl") and no other file; it runs
     * without access to files or the network.
     *
     * @param file the stylesheet
     * @return the option
     */
    public static ReportOption stylesheet(Path file) {
        return new ReportOption(Type.STYLESHEET, Paths2.file(file, "stylesheet"));
    }

    /**
     * The report's date, printed in it; without it none is printed and the
     * output depends on nothing but the dossier.
     *
     * @param date the date
     * @return the option
     */
    public static ReportOption date(LocalDate date) {
        return new ReportOption(Type.DATE, Objects.requireNonNull(date, "date").toString());
    }

    /**
     * The date expiry checks use; the default is the report date, else today.
     *
     * @param date the date
     * @return the option
     */
    public static ReportOption asOf(LocalDate date) {
        return new ReportOption(Type.AS_OF, Objects.requireNonNull(date, "date").toString());
    }

    /**
     * The CSV formats write every value as it is, for programs that read
     * them.  By default a cell that begins with =, +, -, @, a tab or a
     * carriage return is quoted and prefixed with a single quote, so that
     * a spreadsheet does not take it for a formula (CSV injection).
     *
     * @return the option
     */
    public static ReportOption csvRaw() {
        return new ReportOption(Type.CSV_RAW, null);
    }

    /**
     * Results already computed by {@link Dossier#evaluate} of the same
     * dossier: the report uses them instead of evaluating again (an as-of
     * date is then not used; the results carry theirs).  Results of another
     * dossier are refused ({@link EtsiException.Invalid}).
     *
     * @param results this dossier's results, open until the report returns
     * @return the option
     */
    public static ReportOption results(Results results) {
        return new ReportOption(Type.RESULTS, null, Objects.requireNonNull(results, "results"));
    }

    @Override
    public String toString() {
        return "ReportOption." + type + "(" + value + ")";
    }
}
