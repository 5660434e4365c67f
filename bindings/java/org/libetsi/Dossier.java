/*
 * libetsi Java binding: a dossier.
 */
package org.libetsi;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One device under test at one release: its ICS, IXIT, evidence, test plan
 * and verdicts, as an XML dossier (docs/dossier-format.md).
 *
 * <pre>{@code
 * try (Dossier dossier = Dossier.load(Paths.get("kic-300.xml"))) {
 *     for (Diagnostic finding : dossier.check())
 *         System.out.println(finding);
 *     try (Results results = dossier.evaluate()) {
 *         System.out.println(results.overall());
 *     }
 * }
 * }</pre>
 *
 * <p>Everything in a dossier is a {@link Record}, read with
 * {@link #records(String)} and {@link #find(String, String)} and changed
 * with {@link Record#set(String, String)}, {@link #add(String, Map)} and
 * {@link #remove(Record)}.  libetsi keeps the parsed document as the single
 * store: {@link #save()} writes it back atomically, and elements of other
 * namespaces survive unchanged.
 *
 * <p>Every input is treated as hostile: DOCTYPE declarations (and so
 * external entities), processing instructions and network access are
 * refused ({@link EtsiException.Parse}), and size and nesting are bounded
 * ({@link EtsiException.Limit}).
 *
 * <p>A dossier owns its C object: {@link #close()} frees it (use
 * try-with-resources), or a cleaner does once nothing reaches the dossier or
 * its records.  A dossier is for one thread at a time; two threads may work
 * on two dossiers at once.
 */
public final class Dossier extends RecordOwner {
    private final NativeDossier h;
    private Catalog catalog;

    private Dossier(NativeDossier h) {
        super("dossier", h, NativeDossier.getCPtr(h), coreJNI::delete_NativeDossier);
        this.h = h;
    }

    private static Dossier own(NativeDossier h) {
        if (h == null)
            throw new EtsiException.Other(EtsiException.ERROR, "ERROR",
                                          "libetsi returned no dossier", null, 0, 0);
        return new Dossier(h);
    }

    private NativeDossier handle() {
        checkOpen();
        return h;
    }

    @Override
    Object proxy() {
        return h;
    }

    @Override
    long nativeCount(int kind) {
        return h.count(kind);
    }

    @Override
    NativeRecord nativeAt(int kind, long i) {
        return h.at(kind, i);
    }

    @Override
    NativeRecord nativeFind(int kind, String key) {
        return h.find(kind, key);
    }

    // ---- making one ------------------------------------------------------

    /**
     * Loads a dossier file and, unless {@link LoadOption#noValidation()} is
     * given, validates it.
     *
     * @param path the file
     * @param options load options
     * @return the dossier; close it when done
     * @throws EtsiException.IO when the file cannot be read
     * @throws EtsiException.Parse when it is not well-formed or uses a
     *         refused construct (a DOCTYPE, an entity, a processing instruction)
     * @throws EtsiException.Validation when it is not a valid dossier (the
     *         exception names the first problem's line)
     * @throws EtsiException.Limit when it is too large or too deep
     * @throws EtsiException.Unsupported for an unknown schema version or edition
     */
    public static Dossier load(Path path, LoadOption... options) {
        String file = Paths2.file(path, "path");
        LoadOption.Resolved o = new LoadOption.Resolved(options);
        return own(NativeDossier.load(file, o.validate, o.maxSize, o.maxDepth, o.dataDir, o.lock,
                                      o.maxElements));
    }

    /**
     * Loads a dossier file; see {@link #load(Path, LoadOption...)}.
     *
     * @param path the file's name
     * @param options load options
     * @return the dossier; close it when done
     */
    public static Dossier load(String path, LoadOption... options) {
        return load(Paths.get(Objects.requireNonNull(path, "path")), options);
    }

    /**
     * Loads a dossier from a string.  The text is handed to the parser as
     * UTF-8, so an XML declaration in it should name UTF-8 or no encoding;
     * use {@link #loads(byte[], LoadOption...)} for a document in another
     * encoding.
     *
     * @param xml the document
     * @param options load options; {@link LoadOption#name(String)} names it
     *        in diagnostics
     * @return the dossier; close it when done
     * @throws EtsiException as {@link #load(Path, LoadOption...)}
     */
    public static Dossier loads(String xml, LoadOption... options) {
        return loads(Objects.requireNonNull(xml, "xml").getBytes(StandardCharsets.UTF_8), options);
    }

    /**
     * Loads a dossier from bytes, in the encoding its XML declaration names.
     *
     * @param xml the document
     * @param options load options
     * @return the dossier; close it when done
     * @throws EtsiException as {@link #load(Path, LoadOption...)}
     */
    public static Dossier loads(byte[] xml, LoadOption... options) {
        Objects.requireNonNull(xml, "xml");
        LoadOption.Resolved o = new LoadOption.Resolved(options);
        return own(NativeDossier.load_memory(xml, o.name, o.validate, o.dataDir, o.maxSize,
                                             o.maxDepth, o.maxElements));
    }

    /**
     * A new skeleton dossier for a model and a release: the header, the DUT's
     * model designation (and manufacturer), and one ICS entry per clause 5.3
     * provision of the edition with no support stated yet.
     *
     * @param model the model designation
     * @param release the release (product version)
     * @param options the edition, the manufacturer, ...
     * @return the dossier; close it when done
     * @throws EtsiException.Unsupported for an unknown edition
     */
    public static Dossier create(String model, String release, CreateOption... options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(release, "release");
        String edition = null, tsEdition = null, manufacturer = null, dataDir = null;
        for (CreateOption o : options) {
            switch (Objects.requireNonNull(o, "option").type) {
            case EDITION: edition = o.value; break;
            case TS_EDITION: tsEdition = o.value; break;
            case MANUFACTURER: manufacturer = o.value; break;
            case DATA_DIR: dataDir = o.value; break;
            default: throw new AssertionError(o.type);
            }
        }
        return own(NativeDossier.create(model, release, edition, manufacturer, tsEdition, dataDir));
    }

    // ---- what it is ------------------------------------------------------

    /**
     * @return the file the dossier was loaded from or last saved to, the
     *         name it was loaded under, or null for a new dossier not saved yet
     */
    public String path() {
        return handle().path();
    }

    /**
     * The catalog of the dossier's editions.  It belongs to the dossier:
     * closing it does not free anything, and it is closed with the dossier.
     *
     * @return the catalog, or null when the editions named in the dossier
     *         are unknown (a dossier loaded without validation)
     */
    public Catalog catalog() {
        NativeDossier d = handle();
        if (catalog == null || catalog.isClosed()) {
            NativeCatalog c = d._catalog();
            if (c == null)
                return null;
            c.swigOwner = d;
            catalog = new Catalog(c, this);
        }
        return catalog;
    }

    /** @return the header: editions, release, public statement */
    public Record header() {
        return find("header").orElse(null);
    }

    /** @return the identification of the device under test */
    public Record dut() {
        return find("dut").orElse(null);
    }

    /** @return the 2-UserInfo IXIT record, or null */
    public Record userInfo() {
        return find("user-info").orElse(null);
    }

    /** @return the parties: the supplier organization (SO), the test laboratory (TL) */
    public List<Record> parties() {
        return records("party");
    }

    /** @return the named owners of the release-gate steps and evidence */
    public List<Record> owners() {
        return records("owner");
    }

    /** @return the associated services and apps */
    public List<Record> services() {
        return records("service");
    }

    /** @return the software components (the update boundary) */
    public List<Record> components() {
        return records("component");
    }

    /** @return the update mechanisms */
    public List<Record> mechanisms() {
        return records("mechanism");
    }

    /** @return the ICS: one "ics-entry" per provision (EN 303 645 Annex B) */
    public List<Record> ics() {
        return records("ics-entry");
    }

    /** @return the evidence items */
    public List<Record> evidence() {
        return records("evidence");
    }

    /** @return the recorded verdicts */
    public List<Record> verdicts() {
        return records("verdict");
    }

    /**
     * @return the supplier's own results: "self-result" records keyed by the
     *         provision or test case in "ref" (outcome, by, date, note), kept
     *         apart from the laboratory's {@link #verdicts()}
     */
    public List<Record> selfAssessment() {
        return records("self-result");
    }

    /** @return the justified waivers of check rules */
    public List<Record> waivers() {
        return records("waiver");
    }

    /** @return the release-gate workflow: one "step" per step, with owner and sign-off */
    public List<Record> workflow() {
        return records("step");
    }

    // ---- changing it -----------------------------------------------------

    /**
     * Adds a record.  Values are strings; a {@link Collection} or an array
     * gives a list field several values; anything else is converted with
     * {@code String.valueOf}.  Every field the schema requires must be
     * there, values must have the right type and references must resolve;
     * on failure nothing changes.
     *
     * <pre>{@code
     * Map<String, Object> fields = new LinkedHashMap<>();
     * fields.put("id", "comp-ui");
     * fields.put("kind", "application");
     * fields.put("updateable", "true");
     * fields.put("name", "Web UI assets");
     * fields.put("mechanism", List.of("mech-ota"));
     * dossier.add("component", fields);
     * }</pre>
     *
     * @param kind the kind, such as "component", "evidence", "waiver"
     * @param fields field names and values
     * @return the new record
     * @throws EtsiException.Invalid for a kind that cannot be added (a
     *         singleton), a missing field or a bad value
     * @throws EtsiException.Exists when the key is taken
     * @throws EtsiException.NotFound for a dangling reference
     */
    public Record add(String kind, Map<String, ?> fields) {
        return add(null, kind, fields);
    }

    /**
     * Adds a record that belongs to another: an "artifact" or "covers" of an
     * evidence item, a "plan-input" of a plan case, a "crypto" record (a
     * primitive of the update chain) of a mechanism.
     *
     * @param parent the record it belongs to, or null
     * @param kind the kind
     * @param fields field names and values, as {@link #add(String, Map)}
     * @return the new record
     * @throws EtsiException as {@link #add(String, Map)}
     */
    public Record add(Record parent, String kind, Map<String, ?> fields) {
        Objects.requireNonNull(fields, "fields");
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "field name");
            Object value = e.getValue();
            if (value == null)
                throw EtsiException.invalid("field '" + name + "' has no value (null)");
            Collection<?> many = value instanceof Collection ? (Collection<?>) value
                                 : value instanceof Object[] ? Arrays.asList((Object[]) value) : null;
            if (many == null) {
                pairs.add(name);
                pairs.add(String.valueOf(value));
                continue;
            }
            for (Object v : many) {
                if (v == null)
                    throw EtsiException.invalid("field '" + name + "' has a null value");
                pairs.add(name);
                pairs.add(String.valueOf(v));
            }
        }
        return addPairs(parent, kind, pairs.toArray(new String[0]));
    }

    /**
     * Adds a record from names and values:
     * {@code add("waiver", "id", "w-1", "rule", "evidence-draft", ...)}.
     * A name given twice gives a list field two values.
     *
     * @param kind the kind
     * @param namesAndValues name, value, name, value, ...
     * @return the new record
     * @throws EtsiException as {@link #add(String, Map)}
     */
    public Record add(String kind, String... namesAndValues) {
        Objects.requireNonNull(namesAndValues, "namesAndValues");
        if (namesAndValues.length % 2 != 0)
            throw EtsiException.invalid("fields come in pairs: name, value, name, value, ...");
        for (String s : namesAndValues)
            if (s == null)
                throw EtsiException.invalid("a field name or value is null");
        return addPairs(null, kind, namesAndValues.clone());
    }

    private Record addPairs(Record parent, String kind, String[] pairs) {
        int k = Kinds.id(kind);
        NativeDossier d = handle();
        NativeRecord p = null;
        if (parent != null) {
            if (parent.owner() != this)
                throw EtsiException.invalid("the parent record belongs to another "
                                            + (parent.owner() instanceof Dossier ? "dossier"
                                               : "owner"));
            p = parent.nativeRecord();
        }
        return wrap(core._dossier_add(d, p, k, pairs));
    }

    /**
     * Removes a record and its children.  The record then reads as empty;
     * references to it elsewhere are left for validation to report.
     *
     * @param record a record of this dossier
     * @throws EtsiException.Invalid for a singleton or a record of another
     *         dossier
     */
    public void remove(Record record) {
        Objects.requireNonNull(record, "record");
        NativeDossier d = handle();
        if (record.owner() != this)
            throw EtsiException.invalid("the record belongs to another dossier, catalog or results");
        d.remove(record.nativeRecord());
    }

    /**
     * Sets the ICS support of a provision, creating its entry when needed,
     * and leaves its detail as it is.
     *
     * @param provision a provision of the dossier's edition, such as "5.3-2"
     * @param support "Y", "N" or "N/A"
     * @return the provision's "ics-entry" record
     * @throws EtsiException.NotFound for a provision not in the edition, or void
     * @throws EtsiException.Invalid for a bad support value
     */
    public Record setIcs(String provision, String support) {
        return setIcs(provision, support, null);
    }

    /**
     * Sets the ICS support and detail of a provision.
     *
     * @param provision a provision, such as "5.3-2"
     * @param support "Y", "N" or "N/A"
     * @param detail the measure, or why it is not met or not applicable;
     *        null leaves the detail as it is
     * @return the provision's "ics-entry" record
     * @throws EtsiException.NotFound for a provision not in the edition, or void
     * @throws EtsiException.Invalid for a bad support value
     */
    public Record setIcs(String provision, String support, String detail) {
        Objects.requireNonNull(provision, "provision");
        Objects.requireNonNull(support, "support");
        NativeDossier d = handle();
        d.set_ics(provision, support, detail);
        return wrap(d.find(Kinds.id("ics-entry"), provision));
    }

    /**
     * Records the verdict of a test case today (UTC), replacing an earlier one.
     *
     * @param testCase a test case, such as "5.3-2-1"
     * @param result "PASS", "FAIL" or "INCONCLUSIVE"
     * @param by the id of the party that assessed it
     * @return the verdict record; add "indication" and "evidence" values to it
     * @throws EtsiException.NotFound for an unknown test case or party
     * @throws EtsiException.Invalid for a bad result
     */
    public Record setVerdict(String testCase, String result, String by) {
        return setVerdict(testCase, result, by, LocalDate.now(ZoneOffset.UTC), null);
    }

    /**
     * Records the verdict of a test case, replacing an earlier one.
     *
     * @param testCase a test case, such as "5.3-2-1"
     * @param result "PASS", "FAIL" or "INCONCLUSIVE"
     * @param by the id of the party that assessed it
     * @param date the date of the verdict
     * @return the verdict record
     * @throws EtsiException as {@link #setVerdict(String, String, String)}
     */
    public Record setVerdict(String testCase, String result, String by, LocalDate date) {
        return setVerdict(testCase, result, by, date, null);
    }

    /**
     * Records the verdict of a test case, with a note, replacing an earlier one.
     *
     * @param testCase a test case, such as "5.3-2-1"
     * @param result "PASS", "FAIL" or "INCONCLUSIVE"
     * @param by the id of the party that assessed it
     * @param date the date of the verdict
     * @param note a note, or null
     * @return the verdict record
     * @throws EtsiException as {@link #setVerdict(String, String, String)}
     */
    public Record setVerdict(String testCase, String result, String by, LocalDate date,
                             String note) {
        Objects.requireNonNull(testCase, "testCase");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(date, "date");
        return wrap(handle().set_verdict(testCase, result, by, Paths2.date(date), note));
    }

    // ---- checking it -----------------------------------------------------

    /**
     * Validates the dossier against the schema and its catalogs.
     *
     * @return every problem, schema errors first; empty when the dossier is valid
     */
    public List<Diagnostic> validate() {
        return Collections.unmodifiableList(Arrays.asList(handle()._validate()));
    }

    /**
     * Runs the rule engine ({@link Etsi#rules()}) as of today: schema and
     * reference errors first, then the rules' findings.
     *
     * @return the findings; empty for a clean dossier
     */
    public List<Diagnostic> check() {
        return check(null);
    }

    /**
     * Runs the rule engine as of a date: artifacts and waivers that expire
     * before it count as expired.
     *
     * @param asOf the date, or null for today
     * @return the findings
     */
    public List<Diagnostic> check(LocalDate asOf) {
        return check(asOf, true);
    }

    /**
     * Runs the rule engine as of a date, with or without grouping: grouped,
     * the findings of one rule that differ only in the element or reference
     * they are about come as one {@link Diagnostic} with a count and its
     * {@link Diagnostic#getOccurrences()} ({@code etsi check}); ungrouped,
     * one for each place ({@code etsi check --ungrouped}).
     *
     * @param asOf the date, or null for today
     * @param grouped whether repeated findings are grouped
     * @return the findings
     */
    public List<Diagnostic> check(LocalDate asOf, boolean grouped) {
        return Collections.unmodifiableList(
            Arrays.asList(handle()._check(Paths2.date(asOf), !grouped)));
    }

    /**
     * Evaluates the dossier as of today: findings, test plan, outcomes and gate.
     *
     * @return the results; close them when done
     */
    public Results evaluate() {
        return evaluate(null);
    }

    /**
     * Evaluates the dossier as of a date.  An invalid dossier is evaluated
     * too: its schema errors are the findings.
     *
     * @param asOf the date, or null for today
     * @return the results; close them when done
     */
    public Results evaluate(LocalDate asOf) {
        return Results.own(handle().evaluate(Paths2.date(asOf)));
    }

    /**
     * Renders a report.
     *
     * @param format "html" (the evidence report), "public" (the redacted
     *        summary), "ics-csv", "plan-csv", "evidence-csv", "md" or "input"
     *        ({@link Etsi#reportFormats()}); null for html
     * @param options a stylesheet, a date, an as-of date, CSV values raw,
     *        results already computed
     * @return the report
     * @throws EtsiException.Invalid for an unknown format
     * @throws EtsiException.Validation when the dossier is invalid, or the
     *         public summary would claim conformance the verdicts do not support
     * @throws EtsiException.Transform when a stylesheet fails
     */
    public String report(String format, ReportOption... options) {
        String stylesheet = null, date = null, asOf = null;
        Results results = null;
        int csvRaw = 0;
        for (ReportOption o : options) {
            switch (Objects.requireNonNull(o, "option").type) {
            case STYLESHEET: stylesheet = o.value; break;
            case DATE: date = o.value; break;
            case AS_OF: asOf = o.value; break;
            case CSV_RAW: csvRaw = 1; break;
            case RESULTS: results = o.results; break;
            default: throw new AssertionError(o.type);
            }
        }
        return handle().report(format, stylesheet, date, asOf, csvRaw,
                               results == null ? null : results.handle());
    }

    /**
     * Renders a report into a file, atomically (see {@link Etsi#writeFile(Path, String)}).
     *
     * @param file the file to write
     * @param format the format, as {@link #report(String, ReportOption...)}
     * @param options report options
     * @throws EtsiException.IO when the file cannot be written
     */
    public void writeReport(Path file, String format, ReportOption... options) {
        Paths2.file(file, "file");
        Etsi.writeFile(file, report(format, options));
    }

    /**
     * Stores the evaluated test plan in the dossier's test-plan element,
     * replacing an earlier one.
     *
     * @param results this dossier's results
     */
    public void storePlan(Results results) {
        storePlan(results, null);
    }

    /**
     * Stores the evaluated test plan, dated.
     *
     * @param results this dossier's results
     * @param date the date the plan was fixed, or null
     */
    public void storePlan(Results results, LocalDate date) {
        Objects.requireNonNull(results, "results");
        NativeDossier d = handle();
        d.store_plan(results.handle(), Paths2.date(date));
    }

    // ---- writing it ------------------------------------------------------

    /**
     * Validates and saves the dossier back to the file it came from,
     * atomically: the file is either the old or the new complete document.
     *
     * @throws EtsiException.Validation for an invalid dossier (nothing is written)
     * @throws EtsiException.Invalid for a dossier that has no file yet
     * @throws EtsiException.IO when it cannot be written
     */
    public void save() {
        handle().save(null);
    }

    /**
     * Validates and saves the dossier to a file, atomically; the dossier's
     * {@link #path()} becomes that file.
     *
     * @param path the file
     * @throws EtsiException as {@link #save()}
     */
    public void save(Path path) {
        String file = Paths2.file(path, "path");
        handle().save(file);
    }

    /**
     * @return the dossier as indented UTF-8 XML; the same dossier gives the
     *         same text
     */
    public String toXml() {
        return handle().to_xml();
    }

    // ---- integrity: edition migration, signatures, digests ----------------
    // (etsi/migrate.h, etsi/signature.h; docs/integrity.md)

    /**
     * Moves the dossier to a later EN 303 645 edition ({@code etsi migrate}):
     * the new dossier (no file yet; save it with a path) and the migration
     * report, whose rule is the action (carried, renumbered, split,
     * re-decide, review, proposed, dropped, cleared) and whose warnings are
     * what a person must decide or redo.  This dossier is not changed.
     *
     * @param edition the target edition, such as "3.1.3"
     * @return the new dossier and the report; close the dossier when done
     * @throws EtsiException.Invalid when the edition is not later than the dossier's
     * @throws EtsiException.Unsupported for an unknown edition
     */
    public Migration migrate(String edition) {
        Objects.requireNonNull(edition, "edition");
        Object[] report = new Object[1];
        Dossier migrated = own(handle().java_migrate(edition, report));
        return new Migration(migrated, Arrays.asList((Diagnostic[]) report[0]));
    }

    /**
     * Adds an enveloped XML-DSig signature ({@code etsi sign} without the
     * save), replacing one the dossier carries: RSA-SHA256 or ECDSA-SHA256
     * from the key, exclusive canonicalization, the whole document, the
     * certificate in KeyInfo.  Save the dossier afterwards; any later change
     * breaks the signature.
     *
     * @param key the private key, PEM
     * @param cert its certificate, PEM
     * @param password the key's passphrase, or null
     * @throws EtsiException.Invalid for a key or certificate that cannot be
     *         read, a wrong passphrase, or a certificate of another key
     * @throws EtsiException.Unsupported for a key that is neither RSA (2048
     *         bits or more) nor EC
     */
    public void sign(byte[] key, byte[] cert, String password) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(cert, "cert");
        core._dossier_sign(handle(), key, cert, password);
    }

    /**
     * Signs with a key and a certificate read from PEM files.
     *
     * @param key the private key's file
     * @param cert the certificate's file
     * @throws EtsiException.IO when a file cannot be read
     * @throws EtsiException as {@link #sign(byte[], byte[], String)}
     */
    public void sign(Path key, Path cert) {
        sign(Signatures.read(key, "key"), Signatures.read(cert, "cert"), null);
    }

    /**
     * @return true when the dossier carries an XML-DSig signature (valid or
     *         not: {@link Signatures#verify(Path, Path)} says)
     */
    public boolean isSigned() {
        return handle()._signed();
    }

    /**
     * The SHA-256 of the dossier's canonical form ({@code etsi digest}):
     * exclusive canonicalization without comments, without the signature and
     * without whitespace between elements, so formatting and signing do not
     * change it.
     *
     * @return 64 lowercase hexadecimal digits
     */
    public String digest() {
        return handle()._digest();
    }

    // ---- end of integrity --------------------------------------------------

    // ---- GRC interchange: the JSON form, OSCAL, ICS CSV and SBOM imports ---
    // (etsi/interchange.h; docs/interchange.md)

    /**
     * The formats {@link #export(String)} writes.
     *
     * @return "json", "oscal-json", "oscal-xml"
     */
    public static List<String> exportFormats() {
        return Collections.unmodifiableList(Arrays.asList(core.export_formats()));
    }

    /**
     * The formats {@link #importIcsCsv(byte[], String, String, LoadOption...)} and
     * {@link #importSbom(byte[], String, String, LoadOption...)} read.
     *
     * @return "ics-csv", "cyclonedx", "spdx"
     */
    public static List<String> importFormats() {
        return Collections.unmodifiableList(Arrays.asList(core.import_formats()));
    }

    /**
     * A dossier from its JSON form ({@code etsi import --from json}), as
     * {@link #export(String)} writes it, validated as
     * {@link #load(Path, LoadOption...)} validates XML.  Problems name the
     * JSON path of the value concerned, syntax errors their line and
     * column.  The dossier has no {@link #path()}: save it with one.
     *
     * @param json the JSON text, UTF-8
     * @param options load options; {@link LoadOption#name(String)} names it
     *        in diagnostics
     * @return the dossier; close it when done
     * @throws EtsiException.Parse when the text is not JSON
     * @throws EtsiException.Validation when it is not a valid dossier
     * @throws EtsiException.Unsupported for another format or schema version
     * @throws EtsiException.Limit when it is too large or too deep
     */
    public static Dossier loadJson(byte[] json, LoadOption... options) {
        Objects.requireNonNull(json, "json");
        LoadOption.Resolved o = new LoadOption.Resolved(options);
        return own(NativeDossier.load_json(json, o.name, o.validate, o.dataDir, o.maxSize,
                                           o.maxDepth, o.maxElements));
    }

    /**
     * A dossier from a file of its JSON form; see {@link #loadJson(byte[], LoadOption...)}.
     *
     * @param path the file
     * @param options load options
     * @return the dossier; close it when done
     * @throws EtsiException.IO when the file cannot be read
     */
    public static Dossier loadJson(Path path, LoadOption... options) {
        String file = Paths2.file(path, "path");
        byte[] data;
        try {
            data = java.nio.file.Files.readAllBytes(path);
        } catch (java.io.IOException e) {
            throw new EtsiException.IO(file + ": " + e.getMessage(), file, 0, 0);
        }
        LoadOption[] named = Arrays.copyOf(options, options.length + 1);
        named[options.length] = LoadOption.name(file);
        return loadJson(data, named);
    }

    /**
     * Exports the dossier ({@code etsi export}): "json" (the whole dossier,
     * lossless), "oscal-json" or "oscal-xml" (OSCAL 1.1.2 assessment
     * results).  The same dossier gives the same text.
     *
     * @param format one of {@link #exportFormats()}; null for json
     * @return the document
     * @throws EtsiException.Invalid for an unknown format
     * @throws EtsiException.Validation when the dossier is invalid
     */
    public String export(String format) {
        return export(format, null, null);
    }

    /**
     * Exports the dossier with OSCAL's dates given.
     *
     * @param format one of {@link #exportFormats()}; null for json
     * @param asOf OSCAL: the date the evaluation is made for (expiry); null:
     *        the timestamp's date
     * @param timestamp OSCAL: the document's last-modified time, YYYY-MM-DD
     *        or YYYY-MM-DDTHH:MM:SSZ; null: the latest date the dossier states
     * @return the document
     * @throws EtsiException as {@link #export(String)}
     */
    public String export(String format, LocalDate asOf, String timestamp) {
        return handle().export_as(format, Paths2.date(asOf), timestamp);
    }

    /**
     * Exports the dossier into a file, atomically (see {@link Etsi#writeFile(Path, String)}).
     *
     * @param file the file to write
     * @param format one of {@link #exportFormats()}; null for json
     * @throws EtsiException.IO when the file cannot be written
     */
    public void writeExport(Path file, String format) {
        Paths2.file(file, "file");
        Etsi.writeFile(file, export(format));
    }

    /**
     * Sets the ICS from the EN 303 645 Annex B table as a spreadsheet saves
     * it ({@code etsi import --from ics-csv}): columns Reference, Status,
     * Support, Detail, comma, semicolon or tab separated, UTF-8.  Nothing changes
     * unless every row is right.
     *
     * @param csv the table
     * @param edition the EN 303 645 edition the table was made for (it must
     *        be the dossier's), or null
     * @param name the table's name in messages, or null
     * @param limits {@link LoadOption#maxSize(long)} (bytes of the table),
     *        {@link LoadOption#maxElements(long)} (its cells) and
     *        {@link LoadOption#maxRecords(long)} (its rows); other options
     *        are ignored
     * @return what each row did: info diagnostics whose rule is added,
     *         updated, unchanged or skipped
     * @throws EtsiException.Validation for unknown provisions, status codes
     *         that contradict the catalog, duplicate rows (the message names
     *         the first problem and its row, and counts the others)
     * @throws EtsiException.Parse for malformed quoting or text that is not UTF-8
     * @throws EtsiException.Invalid for an edition that is not the dossier's
     * @throws EtsiException.Limit when it exceeds a limit
     */
    public List<Diagnostic> importIcsCsv(byte[] csv, String edition, String name,
                                         LoadOption... limits) {
        Objects.requireNonNull(csv, "csv");
        LoadOption.Resolved o = new LoadOption.Resolved(limits);
        return Collections.unmodifiableList(Arrays.asList(
            handle().java_import(csv, "ics-csv", name, edition, o.maxSize, 0, o.maxElements,
                                 o.maxRecords)));
    }

    /**
     * Merges the software components of an SBOM into the update boundary
     * ({@code etsi import --from cyclonedx|spdx}), matched by package URL,
     * else CPE, else name and version: importing again updates and never
     * duplicates.  New components get a 6-SoftComp row and updateability
     * "undecided".  Nothing changes unless the whole SBOM is right.
     *
     * @param sbom the SBOM
     * @param format "cyclonedx" (1.2 to 1.7, JSON or XML) or "spdx" (2.2 or 2.3 JSON or
     *        tag-value, 3.0 JSON-LD)
     * @param name the SBOM's name in messages, or null
     * @param limits {@link LoadOption#maxSize(long)},
     *        {@link LoadOption#maxDepth(int)}, {@link LoadOption#maxElements(long)}
     *        (XML elements, JSON values or SPDX lines) and
     *        {@link LoadOption#maxRecords(long)} (components); other options
     *        are ignored
     * @return what each component did
     * @throws EtsiException.Validation for missing or ill-typed fields
     * @throws EtsiException.Parse when it is not JSON or XML
     * @throws EtsiException.Unsupported for another CycloneDX or SPDX version
     * @throws EtsiException.Limit when it is too large, too deep, or has
     *         too many items or components
     */
    public List<Diagnostic> importSbom(byte[] sbom, String format, String name,
                                       LoadOption... limits) {
        Objects.requireNonNull(sbom, "sbom");
        Objects.requireNonNull(format, "format");
        LoadOption.Resolved o = new LoadOption.Resolved(limits);
        return Collections.unmodifiableList(Arrays.asList(
            handle().java_import(sbom, format, name, null, o.maxSize, o.maxDepth, o.maxElements,
                                 o.maxRecords)));
    }

    // ---- end of GRC interchange ----------------------------------------------

    // ---- lifecycle: artifact digests, release carry-forward, diff ----------
    // (etsi/evidence.h, etsi/lifecycle.h; docs/lifecycle.md)

    /**
     * Records the SHA-256 and size of every artifact whose ref is a file
     * under a root ({@code etsi evidence hash}), in this dossier; save it
     * afterwards.  A recorded digest that no longer matches is kept and the
     * artifact reported changed.
     *
     * @param root the directory artifact refs are relative to
     * @return one diagnostic per artifact; its rule is the status
     *         ("artifact-hashed", "artifact-ok", "artifact-changed", ...)
     * @throws EtsiException.IO when the root cannot be opened
     */
    public List<Diagnostic> hashArtifacts(Path root) {
        return hashArtifacts(root, false, null);
    }

    /**
     * Records the SHA-256 and size of the artifacts under a root.
     * References resolve only inside the root: absolute paths, '..' and
     * symbolic links leading out of it are refused ("artifact-refused").
     *
     * @param root the directory artifact refs are relative to
     * @param update replace recorded digests that no longer match
     *        ("artifact-updated") instead of reporting them changed
     * @param progress told about every chunk read, or null
     * @return one diagnostic per artifact; its rule is the status
     * @throws EtsiException.IO when the root cannot be opened
     */
    public List<Diagnostic> hashArtifacts(Path root, boolean update, ArtifactProgress progress) {
        String dir = Paths2.file(root, "root");
        return Collections.unmodifiableList(Arrays.asList(
            core.java_dossier_hash_artifacts(handle(), dir, update, progress)));
    }

    /**
     * Checks every artifact against its recorded SHA-256 and size
     * ({@code etsi evidence verify}).
     *
     * @param root the directory artifact refs are relative to
     * @return one diagnostic per artifact: "artifact-ok" and
     *         "artifact-external" are infos, the others ("artifact-changed",
     *         "artifact-missing", "artifact-unreadable", "artifact-refused",
     *         "artifact-no-digest") errors
     * @throws EtsiException.IO when the root cannot be opened
     */
    public List<Diagnostic> verifyArtifacts(Path root) {
        return verifyArtifacts(root, null);
    }

    /**
     * Checks every artifact against its recorded SHA-256 and size.
     *
     * @param root the directory artifact refs are relative to
     * @param progress told about every chunk read, or null
     * @return one diagnostic per artifact
     * @throws EtsiException.IO when the root cannot be opened
     */
    public List<Diagnostic> verifyArtifacts(Path root, ArtifactProgress progress) {
        String dir = Paths2.file(root, "root");
        return Collections.unmodifiableList(Arrays.asList(
            core.java_dossier_verify_artifacts(handle(), dir, progress)));
    }

    /**
     * Starts the next release's dossier from this one ({@code etsi
     * release}): every evidence item, ICS entry and verdict is carried with
     * a link to this release and marked as needing review.  This dossier is
     * not changed.
     *
     * @param version the new release
     * @return the new dossier (no file yet); close it when done
     * @throws EtsiException.Invalid for this dossier's own release or a bad version
     */
    public Dossier release(String version) {
        return release(version, null);
    }

    /**
     * Starts the next release's dossier from this one, dated.
     *
     * @param version the new release
     * @param date the new release's date, or null
     * @return the new dossier (no file yet); close it when done
     * @throws EtsiException.Invalid for this dossier's own release or a bad version
     */
    public Dossier release(String version, LocalDate date) {
        Objects.requireNonNull(version, "version");
        return own(core._dossier_release(handle(), version, Paths2.date(date)));
    }

    /**
     * What changed from this dossier to a later one ({@code etsi diff}),
     * and which evidence that makes stale.
     *
     * @param newer the later dossier
     * @return the differences; empty when the dossiers do not differ
     */
    public Diff diff(Dossier newer) {
        Objects.requireNonNull(newer, "newer");
        return core.java_dossier_diff(handle(), newer.handle());
    }

    // ---- end of lifecycle ------------------------------------------------------

    /** Such as {@code Dossier[KIC-300 release 3.4.0, EN 303 645 V3.1.3]}; never throws. */
    @Override
    public String toString() {
        if (isClosed())
            return "Dossier[closed]";
        try {
            Record header = header(), dut = dut();
            return "Dossier[" + (dut != null ? dut.get("model-designation") : "?") + " release "
                   + (header != null ? header.get("release") : "?") + ", EN 303 645 V"
                   + (header != null ? header.get("en303645") : "?") + "]";
        } catch (RuntimeException e) {
            return "Dossier[" + h.path() + "]";
        }
    }
}
