"""libetsi for Python: ETSI EN 303 645 clause 5.3 secure-update evidence,
carried through the ETSI TS 103 701 assessment.

    import etsi

    with etsi.load("kic-300.xml") as dossier:
        for finding in dossier.check():
            print(finding)
        dossier.write_report("kic-300.html")

Everything in a dossier or a catalog is a :class:`Record` of a kind
("component", "mechanism", "ics-entry", "evidence", "verdict", "provision",
"test-case", ...) whose fields are read and written by name, the same names
as the XML format (docs/dossier-format.md).  Errors raise :class:`Error`
subclasses that carry the file and line of the problem.
"""

from __future__ import annotations

import datetime as _datetime
from typing import Any, Dict, Iterable, Iterator, List, NamedTuple, Optional, Sequence, Union

from . import core as _core
# the exception classes are made by the compiled module when it loads
from ._core import (  # noqa: F401  (re-exported)
    Error,
    ExistsError,
    FileError,
    InvalidError,
    LimitError,
    NoMemoryError,
    NotFoundError,
    ParseError,
    ReadOnlyError,
    TransformError,
    UnsupportedError,
    ValidationError,
)

__all__ = [
    "Catalog", "Diagnostic", "Dossier", "Error", "ExistsError", "FileError", "InvalidError",
    "LimitError", "NoMemoryError", "NotFoundError", "ParseError", "ReadOnlyError", "Record",
    "Results", "Rule", "TransformError", "UnsupportedError", "ValidationError", "catalog",
    "editions", "kinds", "load", "loads", "new", "report_formats", "rules", "version",
]

#: The version of the loaded libetsi.
version: str = _core.version()


# ---------------------------------------------------------------------------
# plain values

class Diagnostic(NamedTuple):
    """A located problem: a schema error or a check finding."""

    severity: str          #: "error", "warning" or "info"
    file: str
    line: int              #: 0 when unknown
    column: int
    rule: Optional[str]    #: rule id; None for schema and parse errors
    element: Optional[str]  #: id of the element concerned
    reference: Optional[str]  #: provision, test case or IXIT entry concerned
    message: str
    hint: Optional[str]
    waived: bool           #: True when a waiver in the dossier covers it
    waiver: Optional[str]  #: id of that waiver

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        rule = f"[{self.rule}]" if self.rule else ""
        ref = f" {self.reference}" if self.reference else ""
        waived = f" (waived by {self.waiver})" if self.waived else ""
        return f"{where}: {self.severity}{rule}{ref}: {self.message}{waived}"


class Rule(NamedTuple):
    """A rule of the check engine (``etsi rules``)."""

    id: str
    severity: str
    layer: str   #: "requirement", "assessment", "evidence" or "format"
    step: str    #: the release-gate step it blocks
    summary: str
    hint: str


def _diagnostics(raw: Sequence[tuple]) -> List[Diagnostic]:
    return [Diagnostic(*t) for t in raw]


def rules() -> List[Rule]:
    """The rules of :meth:`Dossier.check`, in table order."""
    return [Rule(*t) for t in _core.rules()]


def editions() -> List[str]:
    """The built-in EN 303 645 editions, oldest first."""
    return list(_core.builtin_editions())


def report_formats() -> List[str]:
    """The built-in report formats of :meth:`Dossier.report`."""
    return list(_core.report_formats())


def _kind_id(kind: Union[str, int]) -> int:
    if isinstance(kind, int):
        if _core.kind_name(kind) is None:
            raise InvalidError(f"{kind} is not a record kind")
        return kind
    k = _core.kind_from_name(kind)
    if k < 0:
        raise InvalidError(f"'{kind}' is not a record kind; etsi.kinds() lists them")
    return k


def kinds() -> Dict[str, List[str]]:
    """Every record kind with its field names, in document order."""
    out = {}
    k = 1
    while _core.kind_name(k) is not None:
        out[_core.kind_name(k)] = list(_core.kind_fields(k))
        k += 1
    return out


# ---------------------------------------------------------------------------
# records

_NO_DEFAULT = object()


class Record:
    """A catalog, dossier or results entry, read and written by field name.

    A record belongs to its owner (a :class:`Dossier`, :class:`Catalog` or
    :class:`Results`) and keeps it alive.  ``record["name"]`` reads a field
    (the first value of a list field), ``record.values("mechanism")`` all
    values, ``record["name"] = "..."`` writes it (dossier records only; the
    value is checked), ``del record["version"]`` removes it.
    """

    __slots__ = ("_r", "_owner", "_kind")

    def __init__(self, raw: Any, owner: Any):
        self._r = raw
        self._owner = owner
        self._kind = raw.kind_id()

    def _raw(self) -> Any:
        self._owner._check_open()
        return self._r

    @property
    def kind(self) -> str:
        """The kind's name, such as "component"."""
        return _core.kind_name(self._kind)

    @property
    def key(self) -> Optional[str]:
        """The record's id, or the provision, test case or name it is keyed by."""
        return self._raw().key()

    @property
    def line(self) -> int:
        """The line of the record in its document (0 when added in memory)."""
        return self._raw().line()

    @property
    def parent(self) -> Optional["Record"]:
        """The record this one belongs to (an artifact's evidence), or None."""
        p = self._raw().parent()
        return Record(p, self._owner) if p is not None else None

    @property
    def children(self) -> List["Record"]:
        """The records that belong to this one, in document order."""
        raw = self._raw()
        return [Record(raw.child_at(i), self._owner) for i in range(raw.child_count())]

    def field_names(self) -> List[str]:
        """The fields a record of this kind can have."""
        return list(_core.kind_fields(self._kind))

    def _field(self, name: str) -> str:
        if name not in _core.kind_fields(self._kind):
            raise KeyError(f"{self.kind} has no field '{name}'")
        return name

    def __getitem__(self, name: str) -> Optional[str]:
        return self._raw().get(self._field(name))

    def get(self, name: str, default: Any = None) -> Any:
        """A field's value, or ``default`` when it is absent."""
        value = self._raw().get(self._field(name))
        return default if value is None else value

    def values(self, name: str) -> List[str]:
        """Every value of a field (a list field such as a component's mechanisms)."""
        raw = self._raw()
        name = self._field(name)
        return [raw.value_at(name, i) for i in range(raw.value_count(name))]

    def __contains__(self, name: str) -> bool:
        return name in _core.kind_fields(self._kind) and self._raw().get(name) is not None

    def __setitem__(self, name: str, value: Optional[str]) -> None:
        self._raw().set(self._field(name), None if value is None else str(value))

    def __delitem__(self, name: str) -> None:
        self._raw().set(self._field(name), None)

    def add(self, name: str, value: str) -> None:
        """Adds a value to a list field (nothing happens if it is there)."""
        self._raw().add_value(self._field(name), str(value))

    def discard(self, name: str, value: str) -> None:
        """Removes a value from a list field; NotFoundError if absent."""
        self._raw().remove_value(self._field(name), str(value))

    def to_dict(self) -> Dict[str, Union[str, List[str]]]:
        """The fields present, list fields as lists, children under their kind."""
        raw = self._raw()
        out: Dict[str, Any] = {}
        for name in _core.kind_fields(self._kind):
            n = raw.value_count(name)
            if n > 1 or (n == 1 and raw.value_at(name, 1) is not None):
                out[name] = [raw.value_at(name, i) for i in range(n)]
            elif n == 1:
                out[name] = raw.get(name)
        for child in self.children:
            out.setdefault(child.kind, []).append(child.to_dict())
        return out

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and self._r.address() == other._r.address()

    def __hash__(self) -> int:
        return hash(self._r.address())

    def __repr__(self) -> str:
        try:
            key = self.key
            line = self.line
        except ValueError:
            return f"<etsi.Record {self.kind} (closed)>"
        where = f" line {line}" if line else ""
        return f"<etsi.Record {self.kind}{'' if key is None else ' ' + repr(key)}{where}>"


class _Owner:
    """What records belong to: a dossier, a catalog or results."""

    _kind_filter: Optional[str] = None

    def __init__(self, raw: Any):
        self._h = raw

    def _check_open(self) -> None:
        if self._h is None:
            raise ValueError(f"the {type(self).__name__.lower()} was closed")

    def _handle(self) -> Any:
        self._check_open()
        return self._h

    def records(self, kind: Union[str, int]) -> List[Record]:
        """Every record of a kind, in document order."""
        h, k = self._handle(), _kind_id(kind)
        return [Record(h.at(k, i), self) for i in range(h.count(k))]

    def count(self, kind: Union[str, int]) -> int:
        """How many records of a kind."""
        return self._handle().count(_kind_id(kind))

    def find(self, kind: Union[str, int], key: Optional[str] = None) -> Optional[Record]:
        """The record of a kind with a key (singletons: no key), or None."""
        raw = self._handle().find(_kind_id(kind), key)
        return Record(raw, self) if raw is not None else None

    def close(self) -> None:
        """Frees the C object now instead of at garbage collection."""
        self._h = None

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Catalog(_Owner):
    """The EN 303 645 catalog of an edition, paired with the TS 103 701 one.

    Kinds: "provision", "condition", "feature", "source", "ixit-table"
    (children "ixit-field"), "test-group" (children "test-case", whose
    children are "test-input").
    """

    def __init__(self, raw: Any, dossier: Optional["Dossier"] = None):
        super().__init__(raw)
        self._dossier = dossier  # a dossier's catalog lives as long as it

    @classmethod
    def open(cls, edition: Optional[str] = None, *, data_dir: Optional[str] = None,
             ts_edition: Optional[str] = None) -> "Catalog":
        """Opens an edition ("2.1.1", "3.1.3"; None for the latest)."""
        return cls(_core.Catalog.open(edition, data_dir, ts_edition))

    def _check_open(self) -> None:
        if self._dossier is not None:
            self._dossier._check_open()
        super()._check_open()

    @property
    def edition(self) -> str:
        return self._handle().edition()

    @property
    def ts_edition(self) -> str:
        return self._handle().ts_edition()

    @property
    def provisions(self) -> List[Record]:
        return self.records("provision")

    @property
    def test_cases(self) -> List[Record]:
        return self.records("test-case")

    @property
    def ixit_tables(self) -> List[Record]:
        return self.records("ixit-table")

    def to_xml(self) -> str:
        """Both catalogs as one XML document (valid against catalog.xsd)."""
        return self._handle().to_xml()

    def close(self) -> None:
        if self._dossier is None:
            super().close()

    def __repr__(self) -> str:
        if self._h is None:
            return "<etsi.Catalog (closed)>"
        return f"<etsi.Catalog EN 303 645 V{self.edition} / TS 103 701 V{self.ts_edition}>"


class Results(_Owner):
    """What a dossier implies: findings, test plan, outcomes and gate.

    Kinds: "summary", "finding", "planned-case" (children "planned-input"),
    "outcome" (children "case-outcome"), "gate-step" (children "blocker").
    """

    @property
    def findings(self) -> List[Diagnostic]:
        return _diagnostics(self._handle()._findings())

    @property
    def plan(self) -> List[Record]:
        """The test plan: one "planned-case" record per selected test case."""
        return self.records("planned-case")

    @property
    def outcomes(self) -> List[Record]:
        """One "outcome" record per provision, with its case outcomes."""
        return self.records("outcome")

    @property
    def gate(self) -> List[Record]:
        """The six release-gate steps ("gate-step" records)."""
        return self.records("gate-step")

    @property
    def summary(self) -> Record:
        return self.find("summary")

    @property
    def overall(self) -> str:
        """The clause 5.3 outcome: PASS, FAIL, INCONCLUSIVE, NOT ASSESSED, NOT APPLICABLE."""
        return self._handle().overall()

    @property
    def ready(self) -> bool:
        """True when every release-gate step is complete and no error remains."""
        return self._handle().ready()

    def write(self, part: str = "all", format: str = "json") -> str:
        """A part ("findings", "plan", "outcomes", "gate", "all") in a format."""
        return self._handle().write(part, format)

    def __repr__(self) -> str:
        if self._h is None:
            return "<etsi.Results (closed)>"
        return (f"<etsi.Results {self.overall}, {'ready' if self.ready else 'not ready'}, "
                f"{len(self.findings)} findings>")


def _today() -> str:
    return _datetime.datetime.now(_datetime.timezone.utc).date().isoformat()


class Dossier(_Owner):
    """One device under test at one release: ICS, IXIT, evidence, verdicts.

    Use :func:`load`, :func:`loads` or :func:`new`.  A dossier is a context
    manager; closing it frees its memory, and its records then refuse to be
    read.  Two threads may work on two dossiers at once; one dossier is not
    for two threads.
    """

    @classmethod
    def load(cls, path: str, *, validate: bool = True, max_size: int = 0, max_depth: int = 0,
             data_dir: Optional[str] = None) -> "Dossier":
        """Loads and (by default) validates a dossier file."""
        return cls(_core.Dossier.load(str(path), validate, max_size, max_depth, data_dir))

    @classmethod
    def loads(cls, text: Union[str, bytes], *, name: Optional[str] = None,
              validate: bool = True, data_dir: Optional[str] = None) -> "Dossier":
        """Loads a dossier from a string or bytes."""
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        return cls(_core.Dossier.load_memory(text, len(text.encode("utf-8")), name, validate,
                                             data_dir))

    @classmethod
    def new(cls, model: str, release: str, *, edition: Optional[str] = None,
            manufacturer: Optional[str] = None, ts_edition: Optional[str] = None,
            data_dir: Optional[str] = None) -> "Dossier":
        """A skeleton: one ICS entry per clause 5.3 provision, nothing decided yet."""
        return cls(_core.Dossier.create(model, release, edition, manufacturer, ts_edition,
                                        data_dir))

    # -- what it is

    @property
    def path(self) -> Optional[str]:
        return self._handle().path()

    @property
    def catalog(self) -> Catalog:
        """The catalog of the dossier's editions."""
        return Catalog(self._handle()._catalog(), self)

    @property
    def header(self) -> Record:
        return self.find("header")

    @property
    def dut(self) -> Record:
        return self.find("dut")

    @property
    def user_info(self) -> Optional[Record]:
        return self.find("user-info")

    components = property(lambda self: self.records("component"),
                          doc="The software components (update boundary).")
    mechanisms = property(lambda self: self.records("mechanism"),
                          doc="The update mechanisms.")
    ics = property(lambda self: self.records("ics-entry"),
                   doc="The ICS: one entry per provision (EN 303 645 Annex B).")
    evidence = property(lambda self: self.records("evidence"), doc="The evidence items.")
    verdicts = property(lambda self: self.records("verdict"), doc="The recorded verdicts.")

    # -- changing it

    def add(self, kind: Union[str, int], fields: Optional[Dict[str, Any]] = None, /, *,
            parent: Optional[Record] = None, **kwargs: Any) -> Record:
        """Adds a record; fields as a dict and/or keyword arguments
        (underscores stand for hyphens: ``media_type`` is "media-type").
        A value that is a list gives a list field several values.
        Nothing changes if a field is missing or wrong."""
        merged: Dict[str, Any] = dict(fields or {})
        merged.update({k.replace("_", "-"): v for k, v in kwargs.items()})
        pairs: List[str] = []
        for name, value in merged.items():
            for v in value if isinstance(value, (list, tuple)) else [value]:
                pairs += [name, str(v)]
        raw_parent = parent._raw() if parent is not None else None
        return Record(_core._dossier_add(self._handle(), raw_parent, _kind_id(kind), pairs),
                      self)

    def remove(self, record: Record) -> None:
        """Removes a record (and its children)."""
        self._handle().remove(record._raw())

    def set_ics(self, provision: str, support: str, detail: Optional[str] = None) -> None:
        """Sets the ICS support ("Y", "N", "N/A") and detail of a provision."""
        self._handle().set_ics(provision, support, detail)

    def set_verdict(self, test_case: str, result: str, by: str, date: Optional[str] = None,
                    note: Optional[str] = None, *, evidence: Iterable[str] = (),
                    indications: Iterable[str] = ()) -> Record:
        """Records the verdict of a test case (PASS, FAIL, INCONCLUSIVE)."""
        v = Record(self._handle().set_verdict(test_case, result, by, date or _today(), note),
                   self)
        for i in indications:
            v.add("indication", i)
        for e in evidence:
            v.add("evidence", e)
        return v

    # -- checking it

    def validate(self) -> List[Diagnostic]:
        """Schema and catalog problems; an empty list when valid."""
        return _diagnostics(self._handle()._validate())

    def check(self, as_of: Optional[str] = None) -> List[Diagnostic]:
        """The rule engine's findings (see :func:`rules`)."""
        return _diagnostics(self._handle()._check(as_of))

    def evaluate(self, as_of: Optional[str] = None) -> Results:
        """Findings, test plan, outcomes and gate in one pass."""
        return Results(self._handle().evaluate(as_of))

    def report(self, format: str = "html", *, stylesheet: Optional[str] = None,
               date: Optional[str] = None, as_of: Optional[str] = None) -> str:
        """Renders a report (see :func:`report_formats`)."""
        return self._handle().report(format, stylesheet, date, as_of)

    def write_report(self, path: str, format: str = "html", **options: Any) -> None:
        """Renders a report into a file, atomically."""
        text = self.report(format, **options)
        data = text.encode("utf-8")
        _core.write_file(str(path), data.decode("utf-8"), len(data))

    def store_plan(self, results: Results, date: Optional[str] = None) -> None:
        """Stores the evaluated test plan in the dossier's test-plan element."""
        self._handle().store_plan(results._handle(), date)

    # -- writing it

    def save(self, path: Optional[str] = None) -> None:
        """Validates and saves atomically (None: back where it came from)."""
        self._handle().save(None if path is None else str(path))

    def to_xml(self) -> str:
        """The dossier as indented UTF-8 XML."""
        return self._handle().to_xml()

    def __repr__(self) -> str:
        if self._h is None:
            return "<etsi.Dossier (closed)>"
        header, dut = self.header, self.dut
        return (f"<etsi.Dossier {dut.get('model-designation')!s} release "
                f"{header.get('release')!s}, EN 303 645 V{header.get('en303645')}>")


# ---------------------------------------------------------------------------
# short names

def load(path: str, **options: Any) -> Dossier:
    """Loads and validates a dossier file: ``etsi.load("kic-300.xml")``."""
    return Dossier.load(path, **options)


def loads(text: Union[str, bytes], **options: Any) -> Dossier:
    """Loads a dossier from a string."""
    return Dossier.loads(text, **options)


def new(model: str, release: str, **options: Any) -> Dossier:
    """A new skeleton dossier: ``etsi.new("KIC-300", "3.4.0", edition="3.1.3")``."""
    return Dossier.new(model, release, **options)


def catalog(edition: Optional[str] = None, **options: Any) -> Catalog:
    """Opens a catalog: ``etsi.catalog("3.1.3")``."""
    return Catalog.open(edition, **options)
