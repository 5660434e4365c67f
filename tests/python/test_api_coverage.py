"""Every function of libetsi's C API (libetsi/symbols.txt) is reachable from
Python, or is deliberately left out with a reason; so is every record kind
(etsi/record.h), every member of a diagnostic (etsi/diagnostic.h) and every
typed product fact; and the type stubs (etsi/__init__.pyi) describe exactly
the public API of the package.

When a function is added to symbols.txt, this test fails until it is mapped
to the Python attribute that reaches it (or ignored, with a reason); the
same holds for a kind added to enum etsi_kind and a member appended to
struct etsi_diagnostic."""
import ast
import importlib.util
import inspect
import pathlib
import re
import unittest

from support import SOURCE, etsi

SYMBOLS = SOURCE / "libetsi" / "symbols.txt"
RECORD_H = SOURCE / "libetsi" / "include" / "etsi" / "record.h"
DIAGNOSTIC_H = SOURCE / "libetsi" / "include" / "etsi" / "diagnostic.h"
STUB = pathlib.Path(etsi.__file__).with_name("__init__.pyi")
STUB_SOURCE = SOURCE / "bindings" / "python" / "etsi" / "__init__.pyi"

# C symbol -> the Python attribute that reaches it
MAPPED = {
    "etsi_signature_verify": "etsi.verify",
    "etsi_dossier_signed": "etsi.Dossier.signed",
    "etsi_dossier_sign": "etsi.Dossier.sign",
    "etsi_dossier_migrate": "etsi.Dossier.migrate",
    "etsi_dossier_digest": "etsi.Dossier.digest",
    "etsi_catalog_diff": "etsi.Catalog.diff",
    "etsi_catalog_at": "etsi.Catalog.records",
    "etsi_catalog_builtin_edition": "etsi.editions",
    "etsi_catalog_count": "etsi.Catalog.count",
    "etsi_catalog_edition": "etsi.Catalog.edition",
    "etsi_catalog_find": "etsi.Catalog.find",
    "etsi_catalog_free": "etsi.Catalog.close",
    "etsi_catalog_open": "etsi.Catalog.open",
    "etsi_catalog_ts_edition": "etsi.Catalog.ts_edition",
    "etsi_catalog_write": "etsi.Catalog.to_xml",
    "etsi_diagnostics_at": "etsi.Diagnostics.__getitem__",
    "etsi_diagnostics_count": "etsi.Diagnostics.__len__",
    "etsi_diagnostics_count_severity": "etsi.Diagnostics.count_severity",
    "etsi_diagnostics_format": "etsi.Results.format_findings",
    "etsi_dossier_add": "etsi.Dossier.add",
    "etsi_dossier_at": "etsi.Dossier.records",
    "etsi_dossier_catalog": "etsi.Dossier.catalog",
    "etsi_dossier_check": "etsi.Dossier.check",
    "etsi_dossier_count": "etsi.Dossier.count",
    "etsi_dossier_evaluate": "etsi.Dossier.evaluate",
    "etsi_dossier_find": "etsi.Dossier.find",
    "etsi_dossier_free": "etsi.Dossier.close",
    "etsi_dossier_load": "etsi.Dossier.load",
    "etsi_dossier_load_memory": "etsi.Dossier.loads",
    "etsi_dossier_new": "etsi.Dossier.new",
    "etsi_dossier_path": "etsi.Dossier.path",
    "etsi_dossier_remove": "etsi.Dossier.remove",
    "etsi_dossier_report": "etsi.Dossier.report",
    "etsi_dossier_save": "etsi.Dossier.save",
    "etsi_dossier_set_ics": "etsi.Dossier.set_ics",
    "etsi_dossier_set_verdict": "etsi.Dossier.set_verdict",
    "etsi_dossier_store_plan": "etsi.Dossier.store_plan",
    "etsi_dossier_validate": "etsi.Dossier.validate",
    "etsi_dossier_write": "etsi.Dossier.to_xml",
    "etsi_error_last": "etsi.Error.line",
    "etsi_error_name": "etsi.Error.name",
    "etsi_file_write": "etsi.write_file",
    "etsi_kind_field": "etsi.kind_fields",
    "etsi_kind_from_name": "etsi.kinds",
    "etsi_kind_name": "etsi.Record.kind",
    "etsi_outcome_name": "etsi.Results.overall",
    "etsi_record_add_value": "etsi.Record.add_value",
    "etsi_record_child_at": "etsi.Record.children",
    "etsi_record_child_count": "etsi.Record.children",
    "etsi_record_get": "etsi.Record.__getitem__",
    "etsi_record_key": "etsi.Record.key",
    "etsi_record_kind": "etsi.Record.kind",
    "etsi_record_line": "etsi.Record.line",
    "etsi_record_parent": "etsi.Record.parent",
    "etsi_record_remove_value": "etsi.Record.remove_value",
    "etsi_record_set": "etsi.Record.__setitem__",
    "etsi_record_value_at": "etsi.Record.values",
    "etsi_record_value_count": "etsi.Record.values",
    "etsi_report_format_at": "etsi.report_formats",
    "etsi_results_at": "etsi.Results.records",
    "etsi_results_count": "etsi.Results.count",
    "etsi_results_find": "etsi.Results.find",
    "etsi_results_findings": "etsi.Results.findings",
    "etsi_results_free": "etsi.Results.close",
    "etsi_results_overall": "etsi.Results.overall",
    "etsi_results_ready": "etsi.Results.ready",
    "etsi_results_write": "etsi.Results.write",
    "etsi_rule_at": "etsi.rules",
    "etsi_rule_find": "etsi.rule",
    "etsi_severity_name": "etsi.Diagnostic.severity",
    "etsi_strerror": "etsi.Error.message",
    "etsi_version": "etsi.version_info",
    "etsi_version_string": "etsi.version",
    # GRC interchange (etsi/interchange.h)
    "etsi_dossier_export": "etsi.Dossier.export",
    "etsi_dossier_import": "etsi.Dossier.import_sbom",
    "etsi_dossier_load_json": "etsi.Dossier.loads_json",
    "etsi_export_format_at": "etsi.export_formats",
    "etsi_import_format_at": "etsi.import_formats",
    # lifecycle: artifact digests, release carry-forward, diff (etsi/evidence.h,
    # etsi/lifecycle.h)
    "etsi_evidence_hash": "etsi.Dossier.hash_artifacts",
    "etsi_evidence_verify": "etsi.Dossier.verify_artifacts",
    "etsi_dossier_release": "etsi.Dossier.release",
    "etsi_dossier_diff": "etsi.Dossier.diff",
    "etsi_diff_count": "etsi.Diff.__len__",
    "etsi_diff_at": "etsi.Diff.changes",
    "etsi_diff_stale_count": "etsi.Diff.stale",
    "etsi_diff_stale_at": "etsi.Diff.stale",
    "etsi_diff_write": "etsi.Diff.write",
    "etsi_change_type_name": "etsi.Change.change",
}

# C symbol -> why Python does not need it
IGNORED = {
    "etsi_file_remove_temporaries": "for C signal handlers (async-signal-safe); a Python "
                                     "handler runs between bytecodes, never inside a save",
    "etsi_sign_options_init": "options are arguments of Dossier.sign()",
    "etsi_verify_options_init": "options are arguments of etsi.verify()",
    "etsi_free": "Python frees the strings libetsi hands over itself, after copying them",
    "etsi_diagnostics_free": "diagnostic lists are copied into Diagnostics and freed at once",
    "etsi_catalog_options_init": "options are keyword arguments of etsi.catalog()",
    "etsi_check_options_init": "options are keyword arguments of check() and evaluate()",
    "etsi_load_options_init": "options are keyword arguments of etsi.load() and loads()",
    "etsi_new_options_init": "options are keyword arguments of etsi.new()",
    "etsi_report_options_init": "options are keyword arguments of Dossier.report()",
    "etsi_export_options_init": "options are keyword arguments of Dossier.export()",
    "etsi_import_options_init": "options are keyword arguments of Dossier.import_ics_csv() "
                                "and Dossier.import_sbom()",
    "etsi_evidence_options_init": "options are keyword arguments of Dossier.hash_artifacts() "
                                  "and Dossier.verify_artifacts()",
    "etsi_diff_free": "a diff is copied into Diff, Change and Stale values and freed at once",
    "etsi_catalog_export": "the OSCAL catalogs and profiles are generated files, installed "
                           "under share/libetsi/oscal and written by etsi catalog; read them "
                           "as files",
    "etsi_catalog_export_format_at": "lists the formats of etsi_catalog_export, which the "
                                     "binding does not reach",
    "etsi_error_clear": "every failure becomes an exception at once; nothing is left to clear",
    "etsi_init": "called once when the etsi.core module is imported",
    "etsi_shutdown": "the module keeps libetsi initialized while the process lives, since "
                     "objects may outlive any point where it could be called",
}


# record kind (etsi/record.h) -> the Python attribute that reaches its
# records; every kind is also reached by name through records(), count() and
# find() of its owner, and its fields through etsi.kinds()
KIND_ACCESSORS = {
    # catalog
    "source": "etsi.Catalog.sources",
    "condition": "etsi.Catalog.conditions",
    "feature": "etsi.Catalog.features",
    "provision": "etsi.Catalog.provisions",
    "ixit-table": "etsi.Catalog.ixit_tables",
    "ixit-field": "etsi.Record.children",        # of an ixit-table
    "test-group": "etsi.Catalog.test_groups",
    "test-case": "etsi.Catalog.test_cases",
    "test-input": "etsi.Record.children",        # of a test-case
    "algorithm": "etsi.Catalog.algorithms",
    # dossier
    "header": "etsi.Dossier.header",
    "party": "etsi.Dossier.parties",
    "owner": "etsi.Dossier.owners",
    "dut": "etsi.Dossier.dut",
    "service": "etsi.Dossier.services",
    "component": "etsi.Dossier.components",
    "mechanism": "etsi.Dossier.mechanisms",
    "crypto": "etsi.Record.children",            # of a mechanism; added with parent=
    "install-path": "etsi.Record.children",      # of a component; added with parent=
    "user-info": "etsi.Dossier.user_info",
    "confirmation": "etsi.Dossier.records",      # IXIT rows: by kind name
    "soft-comp": "etsi.Dossier.records",
    "upd-mech": "etsi.Dossier.records",
    "upd-proc": "etsi.Dossier.records",
    "repl-sup": "etsi.Dossier.records",
    "ics-entry": "etsi.Dossier.ics",
    "evidence": "etsi.Dossier.evidence",
    "artifact": "etsi.Record.children",          # of an evidence item
    "covers": "etsi.Record.children",            # of an evidence item
    "plan-case": "etsi.Dossier.records",         # the stored plan: by kind name
    "plan-input": "etsi.Record.children",        # of a plan-case
    "verdict": "etsi.Dossier.verdicts",
    "self-result": "etsi.Dossier.self_assessment",
    "waiver": "etsi.Dossier.waivers",
    "step": "etsi.Dossier.workflow",
    # results
    "summary": "etsi.Results.summary",
    "finding": "etsi.Results.findings",          # as Diagnostics; records by kind name
    "planned-case": "etsi.Results.plan",
    "planned-input": "etsi.Record.children",     # of a planned-case
    "outcome": "etsi.Results.outcomes",
    "case-outcome": "etsi.Record.children",      # of an outcome
    "gate-step": "etsi.Results.gate",
    "blocker": "etsi.Record.children",           # of a gate-step
    "open-question": "etsi.Results.open_questions",
}

# member of struct etsi_diagnostic (etsi/diagnostic.h) -> etsi.Diagnostic field
DIAGNOSTIC_FIELDS = {
    "severity": "severity", "file": "file", "line": "line", "column": "column",
    "rule": "rule", "element": "element", "reference": "reference", "message": "message",
    "hint": "hint", "waived": "waived", "waiver": "waiver",
    "claim": "claim", "fact": "fact", "fact_line": "fact_line",
    "id": "id", "caused_by": "caused_by",
    # a tuple's count() keeps its meaning: len(occurrences) is the count
    "count": None, "occurrences": "occurrences",
}

# the typed product facts (docs/dossier-format.md, "Product facts") and the
# results fields that come with them, by kind: read and written by name
TYPED_FACTS = {
    "header": ["public-support-end"],
    "component": ["boot-verified", "boot-verified-by", "carries-network-stack",
                  "carries-operating-system", "carries-applications"],
    "install-path": ["kind", "verifies", "description"],
    "mechanism": ["verified-where", "verified-by", "key-location", "server-authenticated",
                  "tls", "source", "anti-rollback", "recovery", "automatic-default",
                  "automatic-user-can-disable", "postpone", "check-at-boot",
                  "check-after-initialization", "check-periodic", "check-period", "check-by",
                  "notice-security-updates", "notice-risks", "notice-disruption",
                  "notice-channel", "notice-default", "notice-user-can-disable"],
    "crypto": ["use", "alg", "key-bits", "hash", "authenticated"],
    "user-info": ["support-period-end", "support-period-duration", "support-period-stated"],
    "artifact": ["sha256", "git-oid"],
    "self-result": ["ref", "outcome", "by", "date", "note"],
    "algorithm": ["id", "use", "names", "status", "min-bits", "summary"],
    "finding": ["claim", "fact", "fact-line"],
    "planned-case": ["at-risk", "unknown"],
    "open-question": ["step", "fact", "element", "file", "line", "provisions", "message"],
}


# options struct -> {member: (keyword argument, [the callables that take it])},
# or a reason string when no keyword carries it; every member of the struct
# (etsi/dossier.h, etsi/interchange.h) is listed, so a member appended to the
# C struct fails this test until Python exposes it (or says why not)
_LOADS = ["etsi.load", "etsi.loads", "etsi.load_json", "etsi.loads_json", "etsi.Dossier.load",
          "etsi.Dossier.loads", "etsi.Dossier.load_json", "etsi.Dossier.loads_json"]
_IMPORTS = ["etsi.Dossier.import_sbom", "etsi.Dossier.import_ics_csv"]
OPTION_MEMBERS = {
    ("dossier.h", "etsi_load_options"): {
        "version": "set by the binding to the version it was built with",
        "flags": ("validate", _LOADS),  # ETSI_LOAD_NO_VALIDATE; ETSI_LOAD_LOCK is lock=
        "max_size": ("max_size", _LOADS),
        "max_depth": ("max_depth", _LOADS),
        "data_dir": ("data_dir", _LOADS),
        "max_elements": ("max_elements", _LOADS),
    },
    ("interchange.h", "etsi_import_options"): {
        "version": "set by the binding to the version it was built with",
        "format": "the method names it: import_sbom(format=...), import_ics_csv",
        "name": ("name", _IMPORTS),
        "edition": ("edition", ["etsi.Dossier.import_ics_csv"]),
        "max_size": ("max_size", _IMPORTS),
        "max_depth": ("max_depth", ["etsi.Dossier.import_sbom"]),
        "max_elements": ("max_elements", _IMPORTS),
        "max_records": ("max_records", _IMPORTS),
    },
}


def struct_members(header, struct):
    """The members of a struct of a public header, in order."""
    text = (SOURCE / "libetsi" / "include" / "etsi" / header).read_text(encoding="utf-8")
    body = text[text.index(f"typedef struct {struct} {{"):text.index(f"}} {struct};")]
    body = re.sub(r"/\*.*?\*/", "", body, flags=re.S)
    return re.findall(r"^\s*(?:const\s+)?[\w ]+?\s*\*?\s*(\w+)\s*;", body, flags=re.M)


def header_kinds():
    """The kind names of enum etsi_kind, in order, from their doc comments."""
    text = RECORD_H.read_text(encoding="utf-8")
    body = text[text.index("typedef enum etsi_kind"):text.index("} etsi_kind;")]
    return re.findall(r'ETSI_KIND_\w+\s*(?:=\s*\d+\s*)?,\s*/\*\*<\s*"([a-z0-9-]+)"', body)


def diagnostic_members():
    """The members of struct etsi_diagnostic, in order."""
    return struct_members(DIAGNOSTIC_H.name, "etsi_diagnostic")


def c_symbols():
    names = []
    for line in SYMBOLS.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            names.append(line.split()[0])
    return names


def resolve(path):
    parts = path.split(".")
    assert parts[0] == "etsi", path
    obj = etsi
    for part in parts[1:]:
        obj = getattr(obj, part)
    return obj


class SymbolsTest(unittest.TestCase):
    def test_every_symbol_is_mapped_or_ignored(self):
        symbols = c_symbols()
        self.assertGreater(len(symbols), 60)
        missing = [s for s in symbols if s not in MAPPED and s not in IGNORED]
        self.assertEqual(missing, [], "map these C functions to Python, or ignore them "
                                      "with a reason, in test_api_coverage.py")

    def test_no_stale_entries(self):
        symbols = set(c_symbols())
        self.assertEqual(sorted(set(MAPPED) - symbols), [], "mapped but not in symbols.txt")
        self.assertEqual(sorted(set(IGNORED) - symbols), [], "ignored but not in symbols.txt")
        self.assertEqual(sorted(set(MAPPED) & set(IGNORED)), [], "both mapped and ignored")

    def test_mapped_attributes_exist(self):
        for symbol, path in sorted(MAPPED.items()):
            with self.subTest(symbol=symbol, path=path):
                try:
                    resolve(path)
                except AttributeError as e:
                    self.fail(f"{symbol} maps to {path}, which does not exist: {e}")

    def test_ignored_have_reasons(self):
        for symbol, reason in IGNORED.items():
            self.assertTrue(reason and "\n" not in reason and len(reason) > 20, symbol)

    def test_mapped_public_and_documented(self):
        for symbol, path in sorted(MAPPED.items()):
            with self.subTest(path=path):
                name = path.split(".")[1]
                self.assertIn(name, etsi.__all__)
                obj = resolve(path)
                if callable(obj) or isinstance(obj, property):
                    owner = resolve(".".join(path.split(".")[:2]))
                    self.assertTrue(inspect.getdoc(owner), path)


class OptionsTest(unittest.TestCase):
    """Every member of the load and import options is a keyword argument
    (the limits max_size, max_depth, max_elements, max_records included)."""

    def test_every_option_member_is_reached(self):
        for (header, struct), members in OPTION_MEMBERS.items():
            with self.subTest(struct=struct):
                found = struct_members(header, struct)
                self.assertIn("max_elements", found)
                self.assertEqual(sorted(found), sorted(members),
                                 f"map the members of {struct} in OPTION_MEMBERS")
                for member, how in members.items():
                    if isinstance(how, str):
                        self.assertGreater(len(how), 20, member)
                        continue
                    keyword, paths = how
                    for path in paths:
                        self.assertIn(keyword, inspect.signature(resolve(path)).parameters,
                                      f"{path} has no {keyword}= ({struct}.{member})")


class KindsTest(unittest.TestCase):
    """Every record kind of the C API, the product-fact kinds included, is
    reached from Python."""

    def test_header_kinds_are_the_binding_kinds(self):
        kinds = header_kinds()
        self.assertGreater(len(kinds), 40)
        self.assertEqual(kinds, list(etsi.kinds()), "enum etsi_kind and etsi.kinds() differ")
        for k, name in enumerate(kinds, start=1):
            self.assertEqual(etsi.core.kind_name(k), name)

    def test_every_kind_has_an_accessor(self):
        kinds = header_kinds()
        self.assertEqual(sorted(set(kinds) - set(KIND_ACCESSORS)), [],
                         "say which attribute reaches these kinds in KIND_ACCESSORS")
        self.assertEqual(sorted(set(KIND_ACCESSORS) - set(kinds)), [], "no such kind")
        for kind, path in KIND_ACCESSORS.items():
            with self.subTest(kind=kind, path=path):
                try:
                    resolve(path)
                except AttributeError as e:
                    self.fail(f"{kind} is reached by {path}, which does not exist: {e}")

    def test_product_fact_kinds(self):
        self.assertEqual(header_kinds()[-5:], ["crypto", "self-result", "algorithm",
                                               "open-question", "install-path"])
        with etsi.load(SOURCE / "examples" / "dossiers" / "smart-camera-v3.xml") as d:
            for crypto in d.records("crypto"):
                self.assertIn(crypto, d.find("mechanism", crypto.parent.key).children)
            self.assertEqual(d.self_assessment, d.records("self-result"))
            self.assertEqual(d.count("crypto"),
                             sum(len([c for c in m.children if c.kind == "crypto"])
                                 for m in d.mechanisms))
            with d.evaluate() as results:
                self.assertEqual(results.open_questions, results.records("open-question"))
        with etsi.catalog() as catalog:
            self.assertEqual(catalog.algorithms, catalog.records("algorithm"))

    def test_typed_facts_are_fields(self):
        kinds = etsi.kinds()
        for kind, fields in TYPED_FACTS.items():
            with self.subTest(kind=kind):
                self.assertEqual([f for f in fields if f not in kinds[kind]], [],
                                 f"not fields of {kind}")

    def test_every_diagnostic_member_is_a_field(self):
        members = diagnostic_members()
        self.assertEqual(members[:2], ["severity", "file"])
        self.assertEqual(sorted(set(members) - set(DIAGNOSTIC_FIELDS)), [],
                         "map these members of struct etsi_diagnostic to etsi.Diagnostic "
                         "in DIAGNOSTIC_FIELDS")
        self.assertEqual(sorted(set(DIAGNOSTIC_FIELDS) - set(members)), [], "no such member")
        # the same order, so that the tuples of etsi.i fill them in order
        self.assertEqual([DIAGNOSTIC_FIELDS[m] for m in members if DIAGNOSTIC_FIELDS[m]],
                         list(etsi.Diagnostic._fields))


def stub_tree():
    return ast.parse(STUB.read_text(encoding="utf-8"))


def stub_classes(tree):
    return {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}


def stub_members(classes, name):
    """Public names a stub class declares, with those of its stub bases."""
    node = classes[name]
    names = {}
    for item in node.body:
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
            is_property = any(isinstance(d, ast.Name) and d.id == "property"
                              for d in item.decorator_list)
            previous = names.get(item.name)
            # of @overload variants, the widest stands for the function
            if previous is None or len(stub_parameters(item)) > len(stub_parameters(previous[1])):
                names[item.name] = ("property" if is_property else "function", item)
        elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            names.setdefault(item.target.id, ("attribute", item))
    for base in node.bases:
        if isinstance(base, ast.Name) and base.id in classes:
            for key, value in stub_members(classes, base.id).items():
                names.setdefault(key, value)
    return names


BUILTIN_BASES = (list, tuple, Exception, object)


def runtime_public(cls):
    builtin = set()
    for base in cls.__mro__:
        if base in BUILTIN_BASES or base.__module__ == "builtins":
            builtin |= set(dir(base))
    return {n for n in dir(cls) if not n.startswith("_") and
            (n not in builtin or n in cls.__dict__ or
             any(n in b.__dict__ for b in cls.__mro__ if b.__module__ == "etsi"))}


def parameters(func):
    return [(p.name, p.kind) for p in inspect.signature(func).parameters.values()
            if p.name not in ("self", "cls")]


def stub_parameters(node):
    args = node.args
    out = []
    for a in args.posonlyargs:
        out.append((a.arg, inspect.Parameter.POSITIONAL_ONLY))
    for a in args.args:
        out.append((a.arg, inspect.Parameter.POSITIONAL_OR_KEYWORD))
    if args.vararg:
        out.append((args.vararg.arg, inspect.Parameter.VAR_POSITIONAL))
    for a in args.kwonlyargs:
        out.append((a.arg, inspect.Parameter.KEYWORD_ONLY))
    if args.kwarg:
        out.append((args.kwarg.arg, inspect.Parameter.VAR_KEYWORD))
    return [p for p in out if p[0] not in ("self", "cls")]


class StubTest(unittest.TestCase):
    def test_stub_and_marker_are_installed_with_the_package(self):
        self.assertTrue(STUB.is_file(), STUB)
        self.assertTrue(STUB.with_name("py.typed").is_file())
        # the source with one class a code of the C error table in place of
        # its @ERROR_CLASSES@ line (scripts/gen-binding-errors.py)
        spec = importlib.util.spec_from_file_location(
            "gen_binding_errors", SOURCE / "scripts" / "gen-binding-errors.py")
        gen = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(gen)
        rows = gen.read_table(SOURCE / "libetsi" / "include" / "etsi" / "errors.h")
        self.assertEqual(STUB.read_text(encoding="utf-8"),
                         gen.write_pyi(rows, STUB_SOURCE.read_text(encoding="utf-8")))
        for cls, code, name in etsi._ERROR_TABLE:
            self.assertIn(f"class {cls.__name__}(", STUB.read_text(encoding="utf-8"))

    def test_module_names(self):
        tree = stub_tree()
        names = set()
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
        public = {n for n in names if not n.startswith("_")}
        self.assertEqual(public, set(etsi.__all__))
        for name in etsi.__all__:
            self.assertTrue(hasattr(etsi, name), name)

    def test_kind_names(self):
        """The stub's Literal of kind names is etsi.kinds(), in order."""
        for node in stub_tree().body:
            if isinstance(node, ast.Assign) and \
                    any(isinstance(t, ast.Name) and t.id == "_KindName" for t in node.targets):
                names = [e.value for e in node.value.slice.elts]  # type: ignore[attr-defined]
                self.assertEqual(names, list(etsi.kinds()))
                return
        self.fail("the stub has no _KindName")

    def test_functions_match(self):
        for node in stub_tree().body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                with self.subTest(node.name):
                    self.assertEqual(stub_parameters(node), parameters(getattr(etsi, node.name)))

    def test_classes_match(self):
        classes = stub_classes(stub_tree())
        for name, node in classes.items():
            if name.startswith("_"):
                continue
            with self.subTest(name):
                cls = getattr(etsi, name)
                declared = stub_members(classes, name)
                public = {n for n in declared if not n.startswith("_")}
                self.assertEqual(public, runtime_public(cls))
                for member, (what, item) in declared.items():
                    missing = object()
                    runtime = inspect.getattr_static(cls, member, missing)
                    self.assertIsNot(runtime, missing, f"{name}.{member}")
                    if what == "property":
                        self.assertIsInstance(runtime, property, f"{name}.{member}")
                    elif what == "function" and not member.startswith("__"):
                        func = getattr(cls, member)
                        if not isinstance(runtime, property):
                            self.assertEqual(stub_parameters(item), parameters(func),
                                             f"{name}.{member}")

    def test_public_api_is_documented(self):
        self.assertTrue(etsi.__doc__)
        for name in etsi.__all__:
            obj = getattr(etsi, name)
            if inspect.isclass(obj) or inspect.isfunction(obj):
                self.assertTrue(inspect.getdoc(obj), name)
            if inspect.isclass(obj) and obj.__module__ == "etsi":
                for member, value in vars(obj).items():
                    if member.startswith("_"):
                        continue
                    if isinstance(value, (property, classmethod, staticmethod)) or \
                            inspect.isfunction(value):
                        self.assertTrue(inspect.getdoc(getattr(obj, member, value)) or
                                        isinstance(value, property) and value.__doc__,
                                        f"{name}.{member}")


if __name__ == "__main__":
    unittest.main()
