"""libetsi for Python: ETSI EN 303 645 clause 5.3 secure-update evidence,
carried through the ETSI TS 103 701 assessment.

::

    import etsi

    with etsi.load("kic-300.xml") as dossier:
        for finding in dossier.check():
            print(finding)
        dossier.write_report("kic-300.html")

Everything in a dossier, a catalog or an evaluation is a :class:`Record` of a
kind ("component", "mechanism", "ics-entry", "evidence", "verdict",
"provision", "test-case", "outcome", ...) whose fields are read and written
by name, the same names as the XML format (docs/dossier-format.md)::

    for component in dossier.components:
        print(component["id"], component["name"], component.values("mechanism"))

Objects that own C memory (:class:`Dossier`, :class:`Catalog`,
:class:`Results`) are freed when they are garbage-collected or closed; a
record keeps its owner alive.  Failures raise :class:`Error` subclasses that
carry the code, name, file and line of the problem.  The long calls (load,
validate, check, evaluate, report, save) release the GIL.

The package is a thin layer over the SWIG module :mod:`etsi.core`; see
docs/python.md for the full guide.
"""

from __future__ import annotations

import collections.abc as _abc
import datetime as _datetime
import os as _os
from typing import (Any, Callable, Dict, Iterable, Iterator, List, NamedTuple, Optional,
                    Sequence, Tuple, Union)

from . import core as _swig
from . import _core

__all__ = [
    # classes
    "Catalog", "Diagnostic", "Diagnostics", "Dossier", "Occurrence", "Record", "Results",
    "Rule",
    # functions and constants
    "catalog", "editions", "kind_fields", "kinds", "load", "loads", "new", "report_formats",
    "rule", "rules", "verify", "version", "version_info", "write_file",
    # GRC interchange (docs/interchange.md)
    "export_formats", "import_formats", "load_json", "loads_json",
    # lifecycle: artifact digests, release carry-forward, diff (docs/lifecycle.md)
    "Change", "Diff", "Progress", "Stale", "diff",
]

#: The version of the loaded libetsi, such as "0.1.0".
version: str = _swig.version()

#: The same as a tuple of ints, such as (0, 1, 0).
version_info: Tuple[int, int, int] = tuple(int(p) for p in version.split(".")[:3])  # type: ignore[assignment]

_PathLike = Union[str, "_os.PathLike[str]"]
_DateLike = Union[str, _datetime.date]


# ---------------------------------------------------------------------------
# errors: the classes come from the C table; give them what Python expects

#: (exception class, ETSI_E* code, name): the classes the compiled module
#: made when it loaded, one a code of the C error table (etsi/errors.h;
#: scripts/gen-binding-errors.py), Error first, then MissingFileError: a
#: FileError for a file that does not exist, also FileNotFoundError, with
#: errno (ENOENT), strerror and filename set as open() sets them.  The C
#: layer raises them with code, name, file and line set on the instance.
_ERROR_TABLE: Tuple[Tuple[type, int, str], ...] = _core._ERRORS
globals().update((_cls.__name__, _cls) for _cls, _code, _name in _ERROR_TABLE)
__all__ += sorted(_cls.__name__ for _cls, _code, _name in _ERROR_TABLE)
# the classes this module raises itself, named for its readers
Error, InvalidError, FileError, MissingFileError = (
    _core.Error, _core.InvalidError, _core.FileError, _core.MissingFileError)


def _error_message(self: BaseException) -> str:
    """The message of libetsi (what happened and, often, how to fix it)."""
    return str(self.args[0]) if self.args else ""


def _error_str(self: BaseException) -> str:
    message = _error_message(self)
    file = getattr(self, "file", None)
    line = getattr(self, "line", 0)
    if file and line:
        return f"{file}:{line}: {message}"
    if file:
        return f"{file}: {message}"
    return message


for _cls, _code, _name in _ERROR_TABLE:
    # class-level defaults, so that an error raised from Python (and the
    # class itself) has every attribute; the C layer sets them per instance
    _cls.code = _code
    _cls.name = _name
    _cls.file = None
    _cls.line = 0
    _cls.column = 0
    # picklable and shown as etsi.ParseError (the C module names them
    # etsi.core.*, where they are not importable)
    _cls.__module__ = __name__
Error.message = property(_error_message, doc=_error_message.__doc__)
Error.__str__ = _error_str  # "file:line: message", as the etsi command prints it
del _cls, _code, _name


# ---------------------------------------------------------------------------
# plain values

class Occurrence(NamedTuple):
    """One place a grouped finding was made (see :attr:`Diagnostic.occurrences`)."""

    line: int                  #: 0 when unknown
    element: Optional[str]     #: id or key of the element concerned
    reference: Optional[str]   #: provision, test case or IXIT entry concerned
    message: str               #: the message as it would read alone
    claim: Optional[str] = None  #: the claim a recorded fact contradicts there


class Diagnostic(NamedTuple):
    """A located problem: a schema or reference error, or a check finding.

    ``str(diagnostic)`` is the line ``etsi check`` prints:
    ``FILE:LINE: error[RULE] 5.3-10: message``.

    A finding that a recorded product fact contradicts a claim names both:
    ``claim`` (such as "ICS 5.3-9: Y"), ``fact`` (such as "mechanism 'ota'
    verification where=server-or-transport") and ``fact_line``, the line of
    that fact in ``file``.  Other diagnostics have None, None and 0 there.

    A check groups the findings of one rule that differ only in the element
    or reference they are about into one: ``occurrences`` lists the places
    it stands for, the first being its own (``len(d.occurrences)`` is C's
    ``count``; a tuple's ``count()`` method keeps its meaning).  A
    finding that follows from another (the fields of an IXIT row that is
    missing altogether) names it in ``caused_by``, by its ``id`` ("F1",
    "F2"...), and comes right after it.
    """

    severity: str              #: "error", "warning" or "info"
    file: str                  #: document name or path
    line: int                  #: 0 when unknown
    column: int                #: 0 when unknown
    rule: Optional[str]        #: rule id; None for schema and parse errors of validate()
    element: Optional[str]     #: id or key of the element concerned
    reference: Optional[str]   #: provision, test case or IXIT entry concerned
    message: str               #: what is wrong, one line
    hint: Optional[str]        #: how to fix it
    waived: bool               #: True when a waiver in the dossier covers it
    waiver: Optional[str]      #: the id of that waiver
    claim: Optional[str] = None  #: the claim a recorded fact contradicts
    fact: Optional[str] = None   #: the recorded fact that contradicts it
    fact_line: int = 0           #: the line of that fact in file; 0 when unknown
    id: Optional[str] = None     #: "F1", "F2"...: the finding's id within a check
    caused_by: Optional[str] = None  #: the id of the finding this one follows from
    occurrences: Tuple[Occurrence, ...] = ()  #: those places, its own first

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        waived = f" (waived by {self.waiver})" if self.waived else ""
        if self.rule is None:  # as etsi validate prints it
            return f"{where}: {self.severity}: {self.message}{waived}"
        ref = f" {self.reference}" if self.reference else ""
        return f"{where}: {self.severity}[{self.rule}]{ref}: {self.message}{waived}"


class Diagnostics(List[Diagnostic]):
    """A list of :class:`Diagnostic` with counts by severity.

    Waived findings stay in the list (marked ``waived``) but are left out of
    :attr:`errors`, :attr:`warnings`, :attr:`infos` and
    :meth:`count_severity`, as ``etsi check`` leaves them out of its exit
    status.
    """

    __slots__ = ()

    def count_severity(self, severity: str) -> int:
        """How many unwaived diagnostics have exactly this severity
        ("error", "warning" or "info")."""
        if severity not in ("error", "warning", "info"):
            raise InvalidError(f"'{severity}' is not a severity; use error, warning or info")
        return sum(1 for d in self if d.severity == severity and not d.waived)

    def _of(self, severity: str) -> List[Diagnostic]:
        return [d for d in self if d.severity == severity and not d.waived]

    @property
    def errors(self) -> List[Diagnostic]:
        """The unwaived errors: what makes ``etsi check`` exit with 1."""
        return self._of("error")

    @property
    def warnings(self) -> List[Diagnostic]:
        """The unwaived warnings (``etsi check --strict`` fails on them too)."""
        return self._of("warning")

    @property
    def infos(self) -> List[Diagnostic]:
        """The unwaived informational findings."""
        return self._of("info")

    @property
    def waived(self) -> List[Diagnostic]:
        """The findings a waiver covers."""
        return [d for d in self if d.waived]

    def __repr__(self) -> str:
        return (f"<etsi.Diagnostics {len(self)}: {len(self.errors)} errors, "
                f"{len(self.warnings)} warnings, {len(self.infos)} infos, "
                f"{len(self.waived)} waived>")


class Rule(NamedTuple):
    """A rule of the check engine, as ``etsi rules`` lists it."""

    id: str        #: stable id, such as "ics-na-contradicts-facts"
    severity: str  #: severity of its findings: "error", "warning" or "info"
    layer: str     #: "requirement", "assessment", "evidence" or "format"
    step: str      #: the release-gate step it blocks ("all" for schema errors)
    summary: str   #: what the rule looks for
    hint: str      #: how to fix a finding


class Progress(NamedTuple):
    """Where artifact hashing stands, handed to the ``progress`` callable of
    :meth:`Dossier.hash_artifacts` and :meth:`Dossier.verify_artifacts`:
    when an artifact's file is opened (``done`` 0), after every chunk read,
    and when it is finished (``done == total``)."""

    artifact: str        #: the artifact's id
    ref: str             #: its reference, relative to the root
    artifact_index: int  #: its index among the artifacts, from 0
    artifact_count: int  #: how many artifacts the dossier has
    done: int            #: bytes of this artifact digested so far
    total: int           #: its size in bytes
    # (not "index" and "count": a tuple's methods of those names stay usable)


class Change(NamedTuple):
    """One difference between two dossiers (:meth:`Dossier.diff`): a record
    added or removed, or one field of a record changed (for a list field,
    one value added or removed, the other side None).

    ``str(change)`` heads it as ``etsi diff`` does:
    ``changed component fw: version``.
    """

    change: str                #: "added", "removed" or "changed"
    kind: str                  #: record kind: "component", "ics-entry", ...
    key: Optional[str]         #: its key; None for singletons (header, dut, user-info)
    parent: Optional[str]      #: the evidence item of an artifact or covers record
    field: Optional[str]       #: the field that changed; None when added or removed
    old: Optional[str]         #: the old value; None when absent
    new: Optional[str]         #: the new value; None when absent
    old_line: int              #: line in the old dossier; 0 when added
    new_line: int              #: line in the new dossier; 0 when removed

    def __str__(self) -> str:
        text = f"{self.change} {self.kind}"
        if self.key:
            text += f" {self.key}"
        if self.parent:
            text += f" of evidence {self.parent}"
        if self.field:
            text += f": {self.field}"
        return text


class Stale(NamedTuple):
    """An evidence item the changes make stale (:meth:`Dossier.diff`): its
    own content did not change, but a fact its provision rests on did
    (docs/lifecycle.md states the rules per provision)."""

    evidence: str              #: the evidence item's id
    provision: Optional[str]   #: the provision it is filed under
    line: int                  #: its line in the new dossier
    cause_kind: str            #: the first change that makes it stale: kind,
    cause_key: Optional[str]   #: key (None for singletons)
    cause_field: Optional[str] #: and field (None when added or removed)
    causes: int                #: how many changes make it stale
    message: str               #: one line saying why

    def __str__(self) -> str:
        return self.message


class Diff:
    """What changed between two dossiers and which evidence that makes
    stale (``etsi diff``), from :meth:`Dossier.diff` or :func:`diff`.  A
    plain value: it does not refer to the dossiers.  True when the dossiers
    differ; iterating gives the :class:`Change` records."""

    __slots__ = ("_changes", "_stale", "_text", "_json")

    def __init__(self, raw: Tuple[Sequence[tuple], Sequence[tuple], str, str]):
        changes, stale, text, json_text = raw
        self._changes = [Change(*t) for t in changes]
        self._stale = [Stale(*t) for t in stale]
        self._text = text
        self._json = json_text

    @property
    def changes(self) -> List[Change]:
        """The changes: kinds in the order of the dossier format, then the
        new dossier's document order, removed records last."""
        return list(self._changes)

    @property
    def stale(self) -> List[Stale]:
        """The stale evidence items, in the new dossier's order."""
        return list(self._stale)

    def write(self, format: str = "text") -> str:
        """The diff as ``etsi diff`` prints it: "text" or "json" (an object
        with "old", "new", "changes", "stale" and "summary").

        :raises InvalidError: another format
        """
        if format == "text":
            return self._text
        if format == "json":
            return self._json
        raise InvalidError(f"diff format '{format}' is unknown; use text or json")

    def __len__(self) -> int:
        return len(self._changes)

    def __iter__(self) -> Iterator[Change]:
        return iter(list(self._changes))

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"<etsi.Diff {len(self._changes)} changes, {len(self._stale)} stale evidence>"


def _diagnostics(raw: Sequence[tuple]) -> Diagnostics:
    return Diagnostics(Diagnostic(*t[:-1], tuple(Occurrence(*o) for o in t[-1]))  # type: ignore[misc]
                       if len(t) == 17 else Diagnostic(*t) for t in raw)


# ---------------------------------------------------------------------------
# module functions

def rules() -> List[Rule]:
    """Every rule of :meth:`Dossier.check`, in the order docs/rules.md
    documents them (``etsi rules``)."""
    return [Rule(*t) for t in _swig.rules()]


def rule(id: str) -> Optional[Rule]:
    """The rule with an id, or None when there is none."""
    for r in rules():
        if r.id == id:
            return r
    return None


def editions() -> List[str]:
    """The built-in EN 303 645 editions, oldest first: ["2.1.1", "3.1.3"]."""
    return list(_swig.builtin_editions())


def report_formats() -> List[str]:
    """The built-in report formats of :meth:`Dossier.report`:
    html, public, ics-csv, plan-csv, evidence-csv, md, input."""
    return list(_swig.report_formats())


_FIELDS: Dict[int, Tuple[str, ...]] = {}


def _fields_of(kind: int) -> Tuple[str, ...]:
    fields = _FIELDS.get(kind)
    if fields is None:
        fields = _FIELDS[kind] = tuple(_swig.kind_fields(kind))
    return fields


def _kind_id(kind: Union[str, int]) -> int:
    if isinstance(kind, bool) or not isinstance(kind, (str, int)):
        raise TypeError(f"a record kind is a name such as 'component', not {kind!r}")
    if isinstance(kind, int):
        if _swig.kind_name(kind) is None:
            raise InvalidError(f"{kind} is not a record kind; etsi.kinds() lists them")
        return kind
    k = _swig.kind_from_name(kind)
    if k < 0:
        raise InvalidError(f"'{kind}' is not a record kind; etsi.kinds() lists them")
    return k


def kinds() -> Dict[str, List[str]]:
    """Every record kind, by name, with its field names in document order."""
    out = {}
    k = 1
    while _swig.kind_name(k) is not None:
        out[_swig.kind_name(k)] = list(_fields_of(k))
        k += 1
    return out


def kind_fields(kind: str) -> List[str]:
    """The field names of a record kind, in document order."""
    return list(_fields_of(_kind_id(kind)))


def _path(path: _PathLike) -> str:
    return _os.fsdecode(_os.fspath(path))


def _limits(*limits: int) -> None:
    """Refuses a negative limit (max_size, max_depth, max_elements,
    max_records): each is 0 (the default) or positive."""
    if any(limit < 0 for limit in limits):
        raise InvalidError("max_size, max_depth, max_elements and max_records are 0 "
                           "(the default) or positive")


def _file_error(path: str, e: OSError) -> FileError:
    """The FileError (MissingFileError for a file that does not exist)
    for an OSError of reading ``path`` in Python, as the C layer raises it."""
    missing = isinstance(e, FileNotFoundError)
    err = (MissingFileError if missing else FileError)(f"cannot read: {e.strerror or e}")
    err.file = path
    err.errno, err.strerror, err.filename = e.errno, e.strerror, path
    return err


def _text(value: Any, what: str) -> Optional[str]:
    """A field value as libetsi reads it: str as is, True/False as
    "true"/"false", an int in decimal, a date as YYYY-MM-DD."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, _datetime.date) and not isinstance(value, _datetime.datetime):
        return value.isoformat()
    raise TypeError(f"{what} takes str, bool, int or datetime.date, not {type(value).__name__}")


def _date(value: Optional[_DateLike], what: str) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, _datetime.date) and not isinstance(value, _datetime.datetime):
        return value.isoformat()
    raise TypeError(f"{what} takes 'YYYY-MM-DD' or a datetime.date, not {type(value).__name__}")


def write_file(path: _PathLike, data: Union[str, bytes]) -> None:
    """Writes a file atomically, as libetsi saves dossiers: to a temporary
    file in the same directory, flushed, then renamed over ``path``.
    Readers see the old or the new complete file; an existing file keeps its
    permissions.  ``data`` is text (written as UTF-8) or bytes (as they are).

    :raises FileError: the file cannot be written (it is unchanged)
    """
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, (str, bytes)):
        raise TypeError(f"write_file() takes str or bytes, not {type(data).__name__}")
    _swig.write_file(_path(path), data)


# ---------------------------------------------------------------------------
# records

class Record(_abc.Mapping):  # type: ignore[type-arg]
    """A catalog, dossier or results entry, read and written by field name.

    A record belongs to its owner (a :class:`Dossier`, :class:`Catalog` or
    :class:`Results`) and keeps it alive: dropping every other reference to
    the owner leaves the record readable.  When the owner is closed the
    record raises :class:`ValueError`.

    - ``record["name"]``: a field's value (the first of a list field); None
      when the field is absent; :class:`KeyError` when the kind has no such
      field.
    - ``record.values("mechanism")``: every value of a list field.
    - ``record["name"] = "..."``: sets a field of a dossier record (checked
      against its type and references); ``del record["version"]`` removes
      it.  Catalog and results records raise :class:`ReadOnlyError`.
    - ``"version" in record``: the field is present; ``for name in record``
      iterates over the present fields; :meth:`to_dict` copies them.
    - ``kind``, ``key``, ``line``, ``parent``, ``children`` and ``owner``
      describe where the record is.

    A record is a :class:`collections.abc.Mapping` of its present fields
    to their (first) values: ``len(record)``, ``keys()``, ``items()``,
    ``values()``, ``dict(record)`` and ``**record`` see the fields that are
    there, in document order.  Two deliberate differences keep misspelt
    names from passing silently: a name the kind does not have is a
    :class:`KeyError` for ``record[name]`` and ``get()`` alike, and a field
    of the kind that is absent reads as None.

    Two record objects are equal when they stand for the same entry of the
    same open owner, so records work as dict keys and set members.  A record
    and another mapping (a dict) are equal when they have the same fields
    with the same values, as mappings compare.
    """

    __slots__ = ("_r", "_owner", "_kind", "_addr", "__weakref__")

    def __init__(self, raw: Any, owner: "_Owner"):
        if not isinstance(raw, _swig.Record) or not isinstance(owner, _Owner):
            raise TypeError("records come from a Dossier, Catalog or Results; "
                            "they are not created directly")
        self._r = raw
        self._owner = owner
        self._kind = raw.kind_id()
        self._addr = raw.address()

    def _pin(self) -> Any:
        """The owner's handles, held for the duration of a call."""
        return self._owner._pin()

    # -- where the record is

    @property
    def kind(self) -> str:
        """The kind's name, such as "component"."""
        return _swig.kind_name(self._kind)

    @property
    def owner(self) -> Union["Dossier", "Catalog", "Results"]:
        """The dossier, catalog or results the record belongs to."""
        return self._owner  # type: ignore[return-value]

    @property
    def key(self) -> Optional[str]:
        """The record's id, or the provision, test case or name it is keyed
        by; None for singletons (header, dut, user-info) and removed records."""
        pin = self._pin()  # noqa: F841  (keeps the owner alive during the call)
        return self._r.key()

    @property
    def line(self) -> int:
        """The line of the record's element in its document; 0 when unknown
        (records added in memory)."""
        pin = self._pin()  # noqa: F841
        return self._r.line()

    @property
    def parent(self) -> Optional["Record"]:
        """The record this one belongs to (an artifact's evidence item, a
        crypto record's mechanism, an outcome's provision), or None."""
        pin = self._pin()  # noqa: F841
        p = self._r.parent()
        return Record(p, self._owner) if p is not None else None

    @property
    def children(self) -> List["Record"]:
        """The records that belong to this one, in document order."""
        pin = self._pin()  # noqa: F841
        raw = self._r
        return [Record(raw.child_at(i), self._owner) for i in range(raw.child_count())]

    @property
    def fields(self) -> Tuple[str, ...]:
        """Every field a record of this kind can have, in document order."""
        return _fields_of(self._kind)

    # -- reading

    def _field(self, name: str) -> str:
        if not isinstance(name, str):
            raise TypeError(f"field names are str, not {type(name).__name__}")
        if name not in _fields_of(self._kind):
            raise KeyError(f"{self.kind} has no field '{name}'; "
                           f"its fields are {', '.join(_fields_of(self._kind))}")
        return name

    def __getitem__(self, name: str) -> Optional[str]:
        name = self._field(name)
        pin = self._pin()  # noqa: F841
        return self._r.get(name)

    def get(self, name: str, default: Any = None) -> Any:
        """A field's (first) value, or ``default`` when it is absent.
        :class:`KeyError` when the kind has no such field."""
        value = self[name]
        return default if value is None else value

    def values(self, name: Optional[str] = None) -> Any:
        """Every value of a field, in document order: several for a list
        field (a component's "mechanism", a verdict's "indication"), one or
        none for the others.

        Without a name, the mapping's values view: the (first) value of each
        present field, in the order of :meth:`keys`."""
        if name is None:
            return _abc.ValuesView(self)
        name = self._field(name)
        pin = self._pin()  # noqa: F841
        raw = self._r
        return [raw.value_at(name, i) for i in range(raw.value_count(name))]

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str) or name not in _fields_of(self._kind):
            return False
        pin = self._pin()  # noqa: F841
        return self._r.value_count(name) > 0

    def __iter__(self) -> Iterator[str]:
        """The names of the fields present, in document order."""
        pin = self._pin()  # noqa: F841
        raw = self._r
        return iter([f for f in _fields_of(self._kind) if raw.value_count(f) > 0])

    def __len__(self) -> int:
        """How many fields are present."""
        pin = self._pin()  # noqa: F841
        raw = self._r
        return sum(1 for f in _fields_of(self._kind) if raw.value_count(f) > 0)

    def to_dict(self) -> Dict[str, Any]:
        """The fields present, then the children grouped by kind::

            {"id": "ev-label", "provision": "5.3-16", ...,
             "artifact": [{"id": "art-label", ...}]}

        A field with several values is a list of str, any other a str (use
        :meth:`values` where a list field may hold one value)."""
        pin = self._pin()  # noqa: F841
        raw = self._r
        out: Dict[str, Any] = {}
        for name in _fields_of(self._kind):
            n = raw.value_count(name)
            if n > 1:
                out[name] = [raw.value_at(name, i) for i in range(n)]
            elif n == 1:
                out[name] = raw.get(name)
        for child in self.children:
            out.setdefault(child.kind, []).append(child.to_dict())
        return out

    # -- writing (dossier records)

    def __setitem__(self, name: str, value: Union[str, bool, int, _datetime.date, None]) -> None:
        if isinstance(value, (list, tuple, set)):
            raise TypeError(f"set one value; add_value() adds values to list field '{name}'")
        name = self._field(name)
        pin = self._pin()  # noqa: F841
        self._r.set(name, _text(value, f"field '{name}'"))

    def set(self, name: str, value: Union[str, bool, int, _datetime.date, None]) -> None:
        """Sets a field, as ``record[name] = value``: the value is checked
        against the field's type, and references against the dossier and its
        catalog.  For a list field it replaces every value with one.  None
        removes an optional field.

        :raises InvalidError: bad value, or removing a required field
        :raises NotFoundError: a reference that does not resolve
        :raises ExistsError: a new key that is taken
        :raises ReadOnlyError: a catalog or results record, or a fixed field
        """
        self[name] = value

    def __delitem__(self, name: str) -> None:
        name = self._field(name)
        pin = self._pin()  # noqa: F841
        self._r.set(name, None)

    def add_value(self, name: str, value: Union[str, int, _datetime.date]) -> None:
        """Appends a value to a list field (a component's "mechanism", a
        verdict's "evidence" or "indication"); a value already there is
        left alone.

        :raises InvalidError: the field is not a list, or a bad value
        :raises NotFoundError: a reference that does not resolve
        """
        name = self._field(name)
        pin = self._pin()  # noqa: F841
        self._r.add_value(name, _text(value, f"field '{name}'"))

    def remove_value(self, name: str, value: Union[str, int, _datetime.date]) -> None:
        """Removes one value from a list field.

        :raises NotFoundError: the value is not there
        """
        name = self._field(name)
        pin = self._pin()  # noqa: F841
        self._r.remove_value(name, _text(value, f"field '{name}'"))

    # -- identity

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Record):
            if isinstance(other, _abc.Mapping):  # a dict: the same fields and values
                return dict(self.items()) == dict(other.items())
            return NotImplemented
        if self is other:
            return True
        # a closed owner's memory may be reused: its records equal only themselves
        if self._owner.closed or other._owner.closed:
            return False
        return self._addr == other._addr

    def __ne__(self, other: object) -> bool:
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self) -> int:
        return hash(self._addr)

    def __repr__(self) -> str:
        if self._owner.closed:
            return f"<etsi.Record {self.kind} (closed)>"
        key, line = self.key, self.line
        where = f" line {line}" if line else ""
        return f"<etsi.Record {self.kind}{'' if key is None else ' ' + repr(key)}{where}>"


# ---------------------------------------------------------------------------
# owners

class _Owner:
    """What records belong to: a dossier, a catalog or results.

    Closing frees the C object now instead of at garbage collection; the
    object and its records then raise :class:`ValueError`.  Every owner is a
    context manager that closes on exit.
    """

    _swig_type: Any = None

    def __init__(self, raw: Any):
        if self._swig_type is None or not isinstance(raw, self._swig_type):
            raise TypeError(f"use the etsi functions to get a {type(self).__name__}, "
                            "it is not created directly")
        self._h = raw

    def _pin(self) -> Any:
        """Strong references to the C objects a call needs."""
        h = self._h
        if h is None:
            raise ValueError(f"the {type(self).__name__.lower()} is closed")
        return h

    def _handle(self) -> Any:
        return self._pin()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._h is None

    def records(self, kind: Union[str, int]) -> List[Record]:
        """Every record of a kind, in document order."""
        k = _kind_id(kind)
        h = self._handle()
        return [Record(h.at(k, i), self) for i in range(h.count(k))]

    def count(self, kind: Union[str, int]) -> int:
        """How many records of a kind there are."""
        k = _kind_id(kind)
        return self._handle().count(k)

    def find(self, kind: Union[str, int], key: Optional[str] = None) -> Optional[Record]:
        """The record of a kind with a key (an id, a provision, a test case,
        a name), or None.  Singletons need no key."""
        k = _kind_id(kind)
        raw = self._handle().find(k, key)
        return Record(raw, self) if raw is not None else None

    def close(self) -> None:
        """Frees the C object now.  Closing twice is allowed."""
        self._h = None

    def __enter__(self):
        self._pin()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Catalog(_Owner):
    """The EN 303 645 catalog of an edition, paired with the TS 103 701
    catalog that tests it.  Read-only.

    Kinds: "provision", "condition", "feature", "source", "ixit-table"
    (children "ixit-field"), "test-group" (children "test-case"),
    "test-case" (every group's, children "test-input"), "algorithm" (the
    judgement of a cryptographic algorithm the claim rules read).  Open one with
    :func:`catalog` or take a dossier's with :attr:`Dossier.catalog`.
    Catalogs are shared: opening an edition twice gives the same records.
    """

    _swig_type = _swig.Catalog

    def __init__(self, raw: Any, dossier: Optional["Dossier"] = None):
        super().__init__(raw)
        self._dossier = dossier  # a dossier's catalog lives as long as the dossier

    def _pin(self) -> Any:
        if self._dossier is not None:
            return (self._dossier._pin(), super()._pin())
        return super()._pin()

    def _handle(self) -> Any:
        if self._dossier is not None:
            self._dossier._pin()
        return super()._pin()

    @property
    def closed(self) -> bool:
        """True once the catalog (or the dossier it belongs to) was closed."""
        return self._h is None or (self._dossier is not None and self._dossier.closed)

    @classmethod
    def open(cls, edition: Optional[str] = None, *, data_dir: Optional[_PathLike] = None,
             ts_edition: Optional[str] = None) -> "Catalog":
        """Opens the catalogs of an EN 303 645 edition ("2.1.1", "3.1.3";
        None for the latest), paired with the TS 103 701 edition that tests
        it (or ``ts_edition``).  ``data_dir`` is searched first for catalog
        files (default: $ETSI_DATA_DIR, else only the built-in data).

        :raises UnsupportedError: unknown edition or pairing
        """
        return cls(_swig.Catalog.open(edition, None if data_dir is None else _path(data_dir),
                                      ts_edition))

    @property
    def edition(self) -> str:
        """The EN 303 645 edition, such as "3.1.3"."""
        return self._handle().edition()

    @property
    def ts_edition(self) -> str:
        """The TS 103 701 edition paired with it, such as "2.1.1"."""
        return self._handle().ts_edition()

    @property
    def provisions(self) -> List[Record]:
        """The provisions (void ones included), in catalog order."""
        return self.records("provision")

    @property
    def conditions(self) -> List[Record]:
        """The numbered conditions of the provisions."""
        return self.records("condition")

    @property
    def features(self) -> List[Record]:
        """The lettered features (V3)."""
        return self.records("feature")

    @property
    def sources(self) -> List[Record]:
        """Where the catalog's facts come from."""
        return self.records("source")

    @property
    def ixit_tables(self) -> List[Record]:
        """The IXIT tables (children: "ixit-field")."""
        return self.records("ixit-table")

    @property
    def test_groups(self) -> List[Record]:
        """The test groups, one per provision (children: "test-case")."""
        return self.records("test-group")

    @property
    def test_cases(self) -> List[Record]:
        """Every test case of every group (children: "test-input")."""
        return self.records("test-case")

    @property
    def algorithms(self) -> List[Record]:
        """The cryptographic algorithms the catalog judges ("algorithm"
        records: id, use, names, status, min-bits, summary), which the
        claim rules compare a mechanism's "crypto" records with."""
        return self.records("algorithm")

    def to_xml(self) -> str:
        """Both catalogs as one XML document, valid against
        xsd/catalog.xsd (``etsi catalog --format xml``)."""
        return self._handle().to_xml()

    def diff(self, to: "Catalog") -> Diagnostics:
        """What changed from this edition to a later one (``etsi catalog
        --diff``): ``rule`` is the kind of difference (split, renumbered,
        void, added, applicability, wording, notation, unchanged,
        condition-added, test-case-removed, ...), ``reference`` the earlier
        identifier, ``element`` the later one, ``hint`` the later catalog's
        description; warnings make a person decide again when a dossier
        moves across."""
        if not isinstance(to, Catalog):
            raise TypeError(f"diff() takes a Catalog, not {type(to).__name__}")
        return _diagnostics(self._handle()._diff(to._handle()))

    def close(self) -> None:
        """Releases the catalog (a dossier's catalog stays with the dossier;
        only this object stops working)."""
        self._h = None

    def __repr__(self) -> str:
        if self.closed:
            return "<etsi.Catalog (closed)>"
        return f"<etsi.Catalog EN 303 645 V{self.edition} / TS 103 701 V{self.ts_edition}>"


class Results(_Owner):
    """What a dossier implies, from :meth:`Dossier.evaluate`: findings, the
    TS 103 701 test plan, outcomes and the release gate.  Read-only, and
    independent of the dossier once computed.

    Kinds: "summary", "finding", "planned-case" (children
    "planned-input"), "outcome" (children "case-outcome"), "gate-step"
    (children "blocker"), "open-question".  docs/verdicts.md states the
    rules.
    """

    _swig_type = _swig.Results

    def __init__(self, raw: Any):
        super().__init__(raw)
        self._findings: Optional[Diagnostics] = None

    @property
    def findings(self) -> Diagnostics:
        """The check findings, schema errors first (``etsi check``)."""
        h = self._handle()
        if self._findings is None:
            self._findings = _diagnostics(h._findings())
        return Diagnostics(self._findings)

    @property
    def plan(self) -> List[Record]:
        """The test plan: one "planned-case" record per selected test case
        (``etsi plan``).  "at-risk" is "true" when a product fact the case
        reads is unknown (an INCONCLUSIVE verdict is likely); its "unknown"
        values say which."""
        return self.records("planned-case")

    @property
    def outcomes(self) -> List[Record]:
        """One "outcome" record per provision, with its "case-outcome"
        children (``etsi outcomes``)."""
        return self.records("outcome")

    @property
    def gate(self) -> List[Record]:
        """The six release-gate steps, "gate-step" records with their
        "blocker" children (``etsi gate``)."""
        return self.records("gate-step")

    @property
    def open_questions(self) -> List[Record]:
        """The facts a claimed provision rests on that the dossier does not
        state, or states as unknown: "open-question" records (step, fact,
        element, file, line, provisions, message) the release gate lists.
        An unknown fact is never an error; it lowers readiness."""
        return self.records("open-question")

    @property
    def summary(self) -> Record:
        """The "summary" record: release, editions, as-of, overall, ready,
        errors, warnings, infos, waived."""
        s = self.find("summary")
        assert s is not None
        return s

    @property
    def overall(self) -> str:
        """The clause 5.3 outcome: "PASS", "FAIL", "INCONCLUSIVE",
        "NOT ASSESSED" or "NOT APPLICABLE"."""
        return self._handle().overall()

    @property
    def ready(self) -> bool:
        """True when every release-gate step is complete and no unwaived
        error remains (``etsi gate`` exits with 0)."""
        return bool(self._handle().ready())

    def format_findings(self, name: Optional[str] = None, *, color: bool = False) -> str:
        """The findings as ``etsi check`` prints them, one line each with its
        hint, and (with ``name``, usually the dossier's path) the closing
        count line; ``color`` colours the severities for a terminal.  An
        element added in memory is named "FILE (unsaved)", not FILE:0."""
        return str(self._handle().format_findings(name, bool(color)))

    def write(self, part: str = "all", format: str = "json") -> str:
        """A part of the results as text, the bytes the etsi command prints:

        ============  =====================
        part          formats
        ============  =====================
        "findings"    "text", "json"
        "plan"        "text", "csv", "csv-raw", "xml"
        "outcomes"    "text", "csv", "csv-raw"
        "gate"        "text", "json"
        "all"         "xml", "json"
        ============  =====================

        "csv" neutralises cells a spreadsheet would take for a formula
        (quoted, prefixed with a single quote); "csv-raw" does not.

        :raises InvalidError: unknown part or format
        """
        return self._handle().write(part, format)

    def __repr__(self) -> str:
        if self.closed:
            return "<etsi.Results (closed)>"
        return (f"<etsi.Results {self.overall}, {'ready' if self.ready else 'not ready'}, "
                f"{len(self.findings)} findings>")


def _today() -> str:
    return _datetime.datetime.now(_datetime.timezone.utc).date().isoformat()


class Dossier(_Owner):
    """One device under test at one release: ICS, IXIT, evidence, test plan,
    verdicts.

    Get one with :func:`load`, :func:`loads` or :func:`new`.  The parsed
    document is the only store: changing a record changes the document, and
    :meth:`save` writes it back with extension elements intact.  A dossier is
    a context manager; closing it frees its memory, and its records then
    raise :class:`ValueError`.

    Two threads may work on two dossiers at once; one dossier must not be
    used by two threads at the same time.
    """

    _swig_type = _swig.Dossier

    # -- getting one

    @classmethod
    def load(cls, path: _PathLike, *, validate: bool = True, max_size: int = 0,
             max_depth: int = 0, data_dir: Optional[_PathLike] = None,
             lock: bool = False, max_elements: int = 0) -> "Dossier":
        """Loads a dossier file and, unless ``validate`` is False, validates
        it (the first problem is raised; :meth:`validate` lists them all).

        :param max_size: largest accepted file in bytes (0: 64 MiB)
        :param max_depth: deepest accepted element nesting (0: 64)
        :param data_dir: catalog and schema directory searched first
        :param max_elements: most elements and attributes accepted (0: one
            million); each costs memory however few bytes it takes
        :param lock: lock the file for update (ETSI_LOAD_LOCK): wait until
            no other writer holds it, and hold it until :meth:`close`, so
            that other processes' load-change-save waits for this one's
        :raises ConflictError: with ``lock``, another dossier of this
            process holds the file for update
        :raises FileError: the file cannot be read
        :raises LimitError: too large, too deep or too many elements
        :raises ParseError: not well-formed, or a refused construct (DOCTYPE,
            processing instruction, XInclude)
        :raises ValidationError: not a valid dossier (file and line set)
        :raises UnsupportedError: unknown schema version or edition
        """
        _limits(max_size, max_depth, max_elements)
        return cls(_swig.Dossier.load(_path(path), validate, max_size, max_depth,
                                      None if data_dir is None else _path(data_dir),
                                      bool(lock), max_elements))

    @classmethod
    def loads(cls, text: Union[str, bytes], *, name: Optional[str] = None,
              validate: bool = True, data_dir: Optional[_PathLike] = None,
              max_size: int = 0, max_depth: int = 0, max_elements: int = 0) -> "Dossier":
        """Loads a dossier from a string, or from bytes in the encoding its
        XML declaration names, as :meth:`load` does.  ``name`` is used in
        diagnostics and as :attr:`path` (default "<memory>")."""
        if isinstance(text, (bytearray, memoryview)):
            text = bytes(text)
        if not isinstance(text, (str, bytes)):
            raise TypeError(f"loads() takes str or bytes, not {type(text).__name__}")
        _limits(max_size, max_depth, max_elements)
        return cls(_swig.Dossier.load_memory(text, name, validate,
                                             None if data_dir is None else _path(data_dir),
                                             max_size, max_depth, max_elements))

    @classmethod
    def new(cls, model: str, release: str, *, edition: Optional[str] = None,
            manufacturer: Optional[str] = None, ts_edition: Optional[str] = None,
            data_dir: Optional[_PathLike] = None) -> "Dossier":
        """A skeleton dossier (``etsi init``): the header with the editions
        and release, the DUT's model designation, manufacturer and software
        version, and one ICS entry per clause 5.3 provision with no support
        stated yet.  Schema-valid; not saved until :meth:`save`.

        :param edition: EN 303 645 edition (None: the latest)
        :raises InvalidError: no model or release
        :raises UnsupportedError: unknown edition
        """
        return cls(_swig.Dossier.create(model, release, edition, manufacturer, ts_edition,
                                        None if data_dir is None else _path(data_dir)))

    # -- what it is

    @property
    def path(self) -> Optional[str]:
        """The file it was loaded from or last saved to, the name given to
        :meth:`loads`, or None for a new dossier not yet saved."""
        return self._handle().path()

    @property
    def catalog(self) -> Optional[Catalog]:
        """The catalog of the dossier's editions; None when they are unknown
        (a dossier loaded with ``validate=False``)."""
        raw = self._handle()._catalog()
        return Catalog(raw, self) if raw is not None else None

    def _singleton(self, kind: str) -> Record:
        record = self.find(kind)
        if record is None:  # only in an invalid dossier loaded with validate=False
            raise NotFoundError(f"the dossier has no {kind}; validate() says what is wrong")
        return record

    @property
    def header(self) -> Record:
        """The "header" record: title, editions, release, public statement.
        (:class:`NotFoundError` in an invalid dossier without one.)"""
        return self._singleton("header")

    @property
    def dut(self) -> Record:
        """The "dut" record: identification of the device under test.
        (:class:`NotFoundError` in an invalid dossier without one.)"""
        return self._singleton("dut")

    @property
    def user_info(self) -> Optional[Record]:
        """The "user-info" record (IXIT 2-UserInfo), or None."""
        return self.find("user-info")

    @property
    def parties(self) -> List[Record]:
        """The parties: supplier organization (SO), test laboratory (TL)."""
        return self.records("party")

    @property
    def owners(self) -> List[Record]:
        """The named people who own evidence, waivers and steps."""
        return self.records("owner")

    @property
    def services(self) -> List[Record]:
        """The associated services and apps."""
        return self.records("service")

    @property
    def components(self) -> List[Record]:
        """The software components (the update boundary)."""
        return self.records("component")

    @property
    def mechanisms(self) -> List[Record]:
        """The update mechanisms."""
        return self.records("mechanism")

    @property
    def ics(self) -> List[Record]:
        """The ICS (EN 303 645 Annex B): "ics-entry" records keyed by provision."""
        return self.records("ics-entry")

    @property
    def evidence(self) -> List[Record]:
        """The evidence items (children: "artifact", "covers")."""
        return self.records("evidence")

    @property
    def verdicts(self) -> List[Record]:
        """The recorded verdicts, keyed by test case."""
        return self.records("verdict")

    @property
    def self_assessment(self) -> List[Record]:
        """The supplier's own results ("self-result" records keyed by the
        provision or test case in "ref": outcome, by, date, note), kept
        apart from the laboratory's :attr:`verdicts`."""
        return self.records("self-result")

    @property
    def waivers(self) -> List[Record]:
        """The waivers of check rules."""
        return self.records("waiver")

    @property
    def workflow(self) -> List[Record]:
        """The release-gate steps ("step" records, keyed by name)."""
        return self.records("step")

    # -- changing it

    def add(self, kind: Union[str, int], fields: Optional[Dict[str, Any]] = None, /, *,
            parent: Optional[Record] = None, **kwargs: Any) -> Record:
        """Adds a record and returns it.  Fields come as a dict and/or as
        keyword arguments, where underscores stand for hyphens
        (``media_type=`` is "media-type")::

            dossier.add("component", id="comp-fw", kind="firmware",
                        updateable=True, name="Main firmware", mechanism="mech-ota")
            dossier.add("artifact", {"id": "art-1", "ref": "evidence/a.pdf",
                        "media-type": "application/pdf", "visibility": "private"},
                        parent=evidence_item)

        A list or tuple value gives a list field several values.  Every
        required field must be given; nothing changes when a field is
        missing or wrong.  ``parent`` is the evidence item of an "artifact"
        or "covers" record, the plan case of a "plan-input", the mechanism
        of a "crypto" record (a primitive of its update chain)::

            dossier.add("crypto", use="signature", alg="ECDSA-P256", key_bits=256,
                        hash="SHA-256", parent=dossier.find("mechanism", "mech-ota"))

        :raises InvalidError: a singleton kind, a missing field, a bad value
        :raises ExistsError: the key is taken
        :raises NotFoundError: a reference that does not resolve
        """
        merged: Dict[str, Any] = dict(fields or {})
        merged.update({k.replace("_", "-"): v for k, v in kwargs.items()})
        pairs: List[str] = []
        for name, value in merged.items():
            if not isinstance(name, str):
                raise TypeError(f"field names are str, not {type(name).__name__}")
            values = value if isinstance(value, (list, tuple)) else [value]
            for v in values:
                text = _text(v, f"field '{name}'")
                if text is None:
                    raise TypeError(f"field '{name}' is None; leave it out instead")
                pairs += [name, text]
        k = _kind_id(kind)
        h = self._handle()
        raw_parent = None
        if parent is not None:
            if not isinstance(parent, Record) or parent._owner is not self:
                raise InvalidError("parent must be a record of this dossier")
            raw_parent = parent._r
        return Record(_swig._dossier_add(h, raw_parent, k, pairs), self)

    def remove(self, record: Record) -> None:
        """Removes a record and its children.  The record object stays
        usable and reads as empty; references to it elsewhere in the dossier
        are left as they are (validation reports them).

        :raises InvalidError: a singleton, or a record of another dossier
        """
        if not isinstance(record, Record):
            raise TypeError(f"remove() takes a Record, not {type(record).__name__}")
        if record._owner is not self:
            raise InvalidError(f"{record!r} is not a record of this dossier")
        h = self._handle()
        h.remove(record._r)

    def set_ics(self, provision: str, support: str, detail: Optional[str] = None) -> Record:
        """Sets the ICS support ("Y", "N" or "N/A") and detail of a
        provision, creating its entry when needed; returns the entry.
        ``detail=None`` leaves the detail as it is.

        :raises NotFoundError: a provision not in the edition, or void
        :raises InvalidError: a bad support value
        """
        h = self._handle()
        h.set_ics(provision, support, detail)
        entry = self.find("ics-entry", provision)
        assert entry is not None
        return entry

    def set_verdict(self, test_case: str, result: str, by: str,
                    date: Optional[_DateLike] = None, note: Optional[str] = None, *,
                    indications: Iterable[str] = (), evidence: Iterable[str] = ()) -> Record:
        """Records the verdict of a test case ("PASS", "FAIL",
        "INCONCLUSIVE"), replacing an earlier one, and returns it.  ``by`` is
        the id of a party (normally the test laboratory); ``date`` defaults
        to today (UTC), as ``etsi verdict`` does.  ``indications`` and
        ``evidence`` (evidence item ids) are appended to the new verdict.

        Unlike ``etsi verdict``, this does not refuse a test case that the
        test plan does not select (``etsi check`` reports such a verdict):
        look it up in ``evaluate().plan`` first to do the same.

        :raises NotFoundError: unknown test case, party or evidence item
        :raises InvalidError: bad result or date
        """
        h = self._handle()
        raw = h.set_verdict(test_case, result, by,
                            _date(date, "date") or _today(), note)
        verdict = Record(raw, self)
        for text in indications:
            verdict.add_value("indication", text)
        for ref in evidence:
            verdict.add_value("evidence", ref)
        return verdict

    # -- checking it

    def validate(self) -> Diagnostics:
        """Every schema and catalog-reference problem, in document order
        (``etsi validate``); an empty list when the dossier is valid."""
        return _diagnostics(self._handle()._validate())

    def check(self, as_of: Optional[_DateLike] = None, *,
              grouped: bool = True) -> Diagnostics:
        """The rule engine's findings (``etsi check``): schema and reference
        errors first, then the rules' findings on a valid dossier.
        ``as_of`` is the date expiry is checked against (default today).
        ``findings.errors`` empty means ``etsi check`` would exit with 0.
        Repeated findings of one rule and cause come as one, with a
        ``count`` and its ``occurrences``; ``grouped=False`` gives one
        finding for each place (``etsi check --ungrouped``).

        :raises InvalidError: a bad date
        """
        return _diagnostics(self._handle()._check(_date(as_of, "as_of"), not grouped))

    def evaluate(self, as_of: Optional[_DateLike] = None) -> Results:
        """Findings, test plan, outcomes and gate in one pass (``etsi
        evaluate``).  An invalid dossier gives results whose findings are
        its schema errors.

        :raises InvalidError: a bad date
        """
        return Results(self._handle().evaluate(_date(as_of, "as_of")))

    def report(self, format: str = "html", *, stylesheet: Optional[_PathLike] = None,
               date: Optional[_DateLike] = None, as_of: Optional[_DateLike] = None,
               csv_raw: bool = False, results: Optional["Results"] = None) -> str:
        """Renders a report (``etsi report``): "html" (the evidence report),
        "public" (the redacted summary fit to publish), "ics-csv",
        "plan-csv", "evidence-csv", "md" or "input" (the stylesheets' input
        document).  ``stylesheet`` applies your own XSLT to the same input;
        ``date`` is printed in the report; ``as_of`` is the date expiry
        checks use (default: ``date``, else today).  The CSV formats
        neutralise every cell that begins with ``=``, ``+``, ``-``, ``@``, a
        tab or a CR (quoted, prefixed with a single quote) against CSV
        injection; ``csv_raw=True`` writes the values as they are, for
        programs that read the CSV.  ``results``, what :meth:`evaluate` of
        this dossier returned, are used instead of evaluating again (then
        ``as_of`` is not used: the results carry their date).

        :raises InvalidError: unknown format or bad date, or results of
            another dossier
        :raises ValidationError: the dossier is invalid, or the public
            summary would state conformance the verdicts do not support
        :raises FileError: the stylesheet cannot be read
        :raises ParseError: the stylesheet does not compile or includes a file
        :raises TransformError: the transformation failed
        """
        return self._handle().report(format,
                                     None if stylesheet is None else _path(stylesheet),
                                     _date(date, "date"), _date(as_of, "as_of"),
                                     1 if csv_raw else 0,
                                     None if results is None else results._handle())

    def write_report(self, path: _PathLike, format: str = "html", *,
                     stylesheet: Optional[_PathLike] = None, date: Optional[_DateLike] = None,
                     as_of: Optional[_DateLike] = None, csv_raw: bool = False) -> None:
        """Renders a report (see :meth:`report`) into a file, atomically
        (``etsi report -o``)."""
        write_file(path, self.report(format, stylesheet=stylesheet, date=date, as_of=as_of,
                                     csv_raw=csv_raw))

    def store_plan(self, results: Results, date: Optional[_DateLike] = None) -> None:
        """Stores the evaluated test plan in the dossier's test-plan element,
        replacing an earlier one (``etsi plan --store`` without the save).
        ``results`` must come from :meth:`evaluate` of this dossier.

        :raises InvalidError: a bad date
        """
        if not isinstance(results, Results):
            raise TypeError(f"store_plan() takes Results, not {type(results).__name__}")
        h = self._handle()
        h.store_plan(results._handle(), _date(date, "date"))

    # -- writing it

    def save(self, path: Optional[_PathLike] = None) -> None:
        """Validates the dossier and saves it atomically, to ``path`` or (None)
        back to the file it came from.  An invalid dossier is not written;
        on any failure the file on disk is unchanged.

        :raises ValidationError: the dossier is invalid
        :raises ConflictError: the file changed, was replaced or removed since
            it was loaded or last saved (nothing written: load it again and
            redo the change)
        :raises FileError: the file cannot be written
        :raises InvalidError: no path and the dossier has no file
        """
        self._handle().save(None if path is None else _path(path))

    def to_xml(self) -> str:
        """The dossier as indented UTF-8 XML, the bytes :meth:`save` writes."""
        return self._handle().to_xml()

    # -- integrity: edition migration, signatures, digests (etsi/migrate.h,
    #    etsi/signature.h; docs/integrity.md)

    def migrate(self, edition: str) -> Tuple["Dossier", Diagnostics]:
        """Moves the dossier to a later EN 303 645 edition (``etsi
        migrate``): returns the new dossier (no file yet; :meth:`save` it)
        and the migration report, whose ``rule`` is the action (carried,
        renumbered, split, re-decide, review, proposed, dropped, cleared)
        and whose warnings are what a person must decide or redo.  This
        dossier is not changed.

        :raises InvalidError: the edition is not later than the dossier's
        :raises UnsupportedError: an unknown edition
        """
        raw, report = self._handle()._migrate(_text(edition, "edition"))
        return Dossier(raw), _diagnostics(report)

    def sign(self, key: Union[_PathLike, bytes], cert: Union[_PathLike, bytes], *,
             password: Optional[str] = None) -> None:
        """Adds an enveloped XML-DSig signature (``etsi sign`` without the
        save), replacing one the dossier carries: RSA-SHA256 or
        ECDSA-SHA256 from the key, exclusive canonicalization, the whole
        document, the certificate in KeyInfo.  ``key`` and ``cert`` are PEM
        files (paths) or their bytes.  :meth:`save` the dossier afterwards;
        any later change breaks the signature.

        :raises InvalidError: a key or certificate that cannot be read, a
            wrong passphrase, or a certificate of another key
        :raises UnsupportedError: a key that is neither RSA (2048 bits or
            more) nor EC
        """
        key_pem, cert_pem = _pem(key, "key"), _pem(cert, "cert")
        _swig._dossier_sign(self._handle(), key_pem, cert_pem, password)

    @property
    def signed(self) -> bool:
        """True when the dossier carries an XML-DSig signature (valid or not:
        :func:`verify` says)."""
        return bool(self._handle()._signed())

    def digest(self) -> str:
        """The SHA-256 of the dossier's canonical form (``etsi digest``), 64
        hex digits: exclusive canonicalization without comments, without
        the signature and without whitespace between elements, so
        formatting and signing do not change it."""
        return self._handle()._digest()

    # -- GRC interchange: the JSON form, OSCAL, ICS CSV and SBOM imports
    #    (etsi/interchange.h; docs/interchange.md)

    @classmethod
    def loads_json(cls, text: Union[str, bytes], *, name: Optional[str] = None,
                   validate: bool = True, data_dir: Optional[_PathLike] = None,
                   max_size: int = 0, max_depth: int = 0,
                   max_elements: int = 0) -> "Dossier":
        """A dossier from its JSON form (``etsi import --from json``), as
        :meth:`export` writes it, validated as :meth:`loads` validates XML.
        Problems name the JSON path of the value concerned; syntax errors
        their line and column.  The dossier has no :attr:`path`: give one to
        :meth:`save`.

        :raises ParseError: not JSON
        :raises ValidationError: not a valid dossier (the message names the
            JSON path)
        :raises UnsupportedError: another format or schema version
        :raises LimitError: too large, too deep or more than ``max_elements``
            values (0: one million)
        """
        if isinstance(text, (bytearray, memoryview)):
            text = bytes(text)
        if not isinstance(text, (str, bytes)):
            raise TypeError(f"loads_json() takes str or bytes, not {type(text).__name__}")
        _limits(max_size, max_depth, max_elements)
        return cls(_swig.Dossier.load_json(text, name, validate,
                                           None if data_dir is None else _path(data_dir),
                                           max_size, max_depth, max_elements))

    @classmethod
    def load_json(cls, path: _PathLike, *, validate: bool = True,
                  data_dir: Optional[_PathLike] = None, max_size: int = 0,
                  max_depth: int = 0, max_elements: int = 0) -> "Dossier":
        """A dossier from a file of its JSON form; see :meth:`loads_json`.

        :raises FileError: the file cannot be read
        """
        try:
            with open(_path(path), "rb") as f:
                data = f.read((max_size or 64 * 1024 * 1024) + 1)
        except OSError as e:
            raise _file_error(_path(path), e) from e
        return cls.loads_json(data, name=_path(path), validate=validate, data_dir=data_dir,
                              max_size=max_size, max_depth=max_depth,
                              max_elements=max_elements)

    def export(self, format: str = "json", *, as_of: Optional[_DateLike] = None,
               timestamp: Optional[Union[str, _datetime.date, _datetime.datetime]] = None) -> str:
        """Exports the dossier (``etsi export``): "json" (the whole dossier,
        lossless; :func:`loads_json` reads it back), "oscal-json" or
        "oscal-xml" (OSCAL 1.1.2 assessment results).  ``timestamp`` is the
        OSCAL document's last-modified time (a date, or an aware datetime);
        by default the latest date the dossier states, so the same dossier
        gives the same text.  ``as_of`` is the date the OSCAL evaluation is
        made for (default: the timestamp's date).

        :raises InvalidError: unknown format, bad date
        :raises ValidationError: the dossier is invalid
        """
        if isinstance(timestamp, _datetime.datetime):
            if timestamp.tzinfo is None:
                raise InvalidError("timestamp needs a time zone (OSCAL requires one)")
            stamp: Optional[str] = timestamp.isoformat().replace("+00:00", "Z")
        elif isinstance(timestamp, _datetime.date):
            stamp = timestamp.isoformat()
        else:
            stamp = _text(timestamp, "timestamp")
        return self._handle().export_as(_text(format, "format"), _date(as_of, "as_of"), stamp)

    def write_export(self, path: _PathLike, format: str = "json", *,
                     as_of: Optional[_DateLike] = None,
                     timestamp: Optional[Union[str, _datetime.date, _datetime.datetime]] = None
                     ) -> None:
        """Exports the dossier (see :meth:`export`) into a file, atomically
        (``etsi export -o``)."""
        write_file(path, self.export(format, as_of=as_of, timestamp=timestamp))

    def _import(self, data: Union[str, bytes], format: str, name: Optional[str],
                edition: Optional[str], max_size: int, max_depth: int, max_elements: int,
                max_records: int) -> Diagnostics:
        if isinstance(data, (bytearray, memoryview)):
            data = bytes(data)
        if not isinstance(data, (str, bytes)):
            raise TypeError(f"the input is str or bytes, not {type(data).__name__}")
        _limits(max_size, max_depth, max_elements, max_records)
        code, message, file, line, column, raw = self._handle()._import(
            data, format, name, edition, max_size, max_depth, max_elements, max_records)
        report = _diagnostics(raw)
        if code < 0:
            cls = next((c for c, k, _ in _ERROR_TABLE if k == code), Error)
            error = cls(message)
            error.code, error.file, error.line, error.column = code, file, line, column
            error.diagnostics = report  # type: ignore[attr-defined]
            raise error
        return report

    def import_ics_csv(self, data: Union[str, bytes], *, edition: Optional[str] = None,
                       name: Optional[str] = None, max_size: int = 0,
                       max_elements: int = 0, max_records: int = 0) -> Diagnostics:
        """Sets the ICS from the EN 303 645 Annex B table as a spreadsheet
        saves it (``etsi import --from ics-csv``): columns Reference,
        Status, Support, Detail, comma, semicolon or tab separated, UTF-8.
        ``edition`` is the edition the table was made for (it must be the
        dossier's).  Returns what each row did (info diagnostics whose
        ``rule`` is added, updated, unchanged or skipped).  Nothing changes
        unless every row is right; the exception's ``diagnostics`` then list
        every problem with its row.  ``max_elements`` bounds the cells of
        the table (0: one million), ``max_records`` its rows (0: 10 000).

        :raises ValidationError: unknown provisions, status codes that
            contradict the catalog, duplicate rows, unknown support values
        :raises ParseError: malformed quoting, not UTF-8
        :raises InvalidError: an edition that is not the dossier's
        :raises LimitError: more than ``max_size`` bytes, ``max_elements``
            cells or ``max_records`` rows
        """
        return self._import(data, "ics-csv", name, edition, max_size, 0, max_elements,
                            max_records)

    def import_sbom(self, data: Union[str, bytes], format: str = "cyclonedx", *,
                    name: Optional[str] = None, max_size: int = 0,
                    max_depth: int = 0, max_elements: int = 0,
                    max_records: int = 0) -> Diagnostics:
        """Merges the software components of an SBOM into the update
        boundary (``etsi import --from cyclonedx|spdx``): ``format`` is
        "cyclonedx" (1.2 to 1.7, JSON or XML) or "spdx" (SPDX 2.2 or 2.3 JSON or
        tag-value, SPDX 3.0 JSON-LD).
        Components are matched by package URL, else CPE, else name and
        version, so importing again updates and never duplicates; new ones
        get a 6-SoftComp row and updateability "undecided".  Returns what
        each component did; nothing changes unless the whole SBOM is right
        (the exception's ``diagnostics`` list every problem).
        ``max_elements`` bounds the XML elements, JSON values or SPDX lines
        read (0: one million), ``max_records`` the components (0: 10 000).

        :raises ValidationError: missing or ill-typed fields
        :raises ParseError: not JSON or XML
        :raises UnsupportedError: a CycloneDX or SPDX version libetsi does
            not read
        :raises LimitError: too large, too deep, or more than
            ``max_elements`` items or ``max_records`` components
        """
        return self._import(data, _text(format, "format") or "", name, None, max_size,
                            max_depth, max_elements, max_records)

    # -- lifecycle: artifact digests, release carry-forward, diff
    #    (etsi/evidence.h, etsi/lifecycle.h; docs/lifecycle.md)

    def hash_artifacts(self, root: _PathLike, *, update: bool = False,
                       progress: Optional[Callable[[Progress], Any]] = None) -> Diagnostics:
        """Records the SHA-256 and size of every artifact whose ref is a file
        under ``root`` (``etsi evidence hash`` without the save; :meth:`save`
        afterwards).  One diagnostic per artifact, whose ``rule`` is its
        status: "artifact-hashed", "artifact-ok", "artifact-external", or
        the errors "artifact-changed" (a recorded digest that no longer
        matches is kept, unless ``update``: then "artifact-updated"),
        "artifact-missing", "artifact-unreadable", "artifact-refused" (a
        ref leading out of ``root``: absolute, ``..``, a symbolic link).
        Files are read in chunks, in constant memory; ``progress`` is called
        with a :class:`Progress` after each; returning ``False`` stops
        hashing with :class:`StoppedError`, and an exception it raises
        stops hashing and is raised here.  The GIL is released meanwhile.

        :raises FileError: ``root`` is not a directory that can be opened
        :raises StoppedError: ``progress`` returned ``False``
        """
        return _diagnostics(_swig._dossier_hash_artifacts(self._handle(), _path(root),
                                                          bool(update), _progress(progress)))

    def verify_artifacts(self, root: _PathLike, *,
                         progress: Optional[Callable[[Progress], Any]] = None) -> Diagnostics:
        """Checks every artifact against its recorded SHA-256 and size
        (``etsi evidence verify``); the dossier is not changed.  One
        diagnostic per artifact: "artifact-ok" and "artifact-external" are
        infos, "artifact-changed", "artifact-missing",
        "artifact-unreadable", "artifact-refused" and "artifact-no-digest"
        errors (``report.errors`` empty means every file is as recorded).
        ``progress`` as for :meth:`hash_artifacts`.

        :raises FileError: ``root`` is not a directory that can be opened
        """
        return _diagnostics(_swig._dossier_verify_artifacts(self._handle(), _path(root),
                                                            _progress(progress)))

    def release(self, version: str, *, date: Optional[_DateLike] = None) -> "Dossier":
        """The next release's dossier (``etsi release`` without the save):
        a copy in which every evidence item keeps the release it was
        produced for and is marked needs-review with a carried-from link to
        this release, every ICS entry that states something and every
        verdict gets a carried-from link, and sign-offs and the stored test
        plan are left behind.  :meth:`check` reports the carried items until
        someone records their review.  This dossier is not changed; the new
        one has no file yet.

        :raises InvalidError: this dossier's own release, or a bad version
            or date
        """
        return Dossier(_swig._dossier_release(self._handle(), _text(version, "version"),
                                              _date(date, "date")))

    def diff(self, newer: "Dossier") -> Diff:
        """What changed from this dossier to ``newer`` (``etsi diff``), field
        by field, and which evidence items the changes make stale."""
        if not isinstance(newer, Dossier):
            raise TypeError(f"diff() takes a Dossier, not {type(newer).__name__}")
        return Diff(_swig._dossier_diff(self._handle(), newer._handle()))

    def __repr__(self) -> str:
        if self.closed:
            return "<etsi.Dossier (closed)>"
        header, dut = self.find("header"), self.find("dut")
        model = dut.get("model-designation") if dut is not None else None
        release = header.get("release") if header is not None else None
        edition = header.get("en303645") if header is not None else None
        return f"<etsi.Dossier {model} release {release}, EN 303 645 V{edition}>"


# ---------------------------------------------------------------------------
# short names

def load(path: _PathLike, *, validate: bool = True, max_size: int = 0, max_depth: int = 0,
         data_dir: Optional[_PathLike] = None, lock: bool = False,
         max_elements: int = 0) -> Dossier:
    """Loads and validates a dossier file: ``etsi.load("kic-300.xml")``.
    See :meth:`Dossier.load`."""
    return Dossier.load(path, validate=validate, max_size=max_size, max_depth=max_depth,
                        data_dir=data_dir, lock=lock, max_elements=max_elements)


def loads(text: Union[str, bytes], *, name: Optional[str] = None, validate: bool = True,
          data_dir: Optional[_PathLike] = None, max_size: int = 0,
          max_depth: int = 0, max_elements: int = 0) -> Dossier:
    """Loads a dossier from a string or bytes.  See :meth:`Dossier.loads`."""
    return Dossier.loads(text, name=name, validate=validate, data_dir=data_dir,
                         max_size=max_size, max_depth=max_depth, max_elements=max_elements)


def new(model: str, release: str, *, edition: Optional[str] = None,
        manufacturer: Optional[str] = None, ts_edition: Optional[str] = None,
        data_dir: Optional[_PathLike] = None) -> Dossier:
    """A new skeleton dossier (``etsi init``):
    ``etsi.new("KIC-300", "3.4.0", edition="3.1.3")``.  See :meth:`Dossier.new`."""
    return Dossier.new(model, release, edition=edition, manufacturer=manufacturer,
                       ts_edition=ts_edition, data_dir=data_dir)


def _pem(value: Union[_PathLike, bytes], what: str) -> bytes:
    """PEM bytes, or the content of the file a path names."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, str) and value.lstrip().startswith("-----BEGIN"):
        return value.encode("ascii")
    if isinstance(value, (str, _os.PathLike)):
        try:
            with open(_os.fspath(value), "rb") as f:
                return f.read()
        except OSError as e:
            raise FileError(f"{_os.fspath(value)}: {e.strerror or e}") from e
    raise TypeError(f"{what} must be a path or PEM bytes, not {type(value).__name__}")


def verify(source: Union[_PathLike, bytes], cert: Union[_PathLike, bytes], *,
           name: Optional[str] = None) -> str:
    """Verifies a signed dossier against a certificate (``etsi verify``):
    ``source`` is the dossier's file (a path) or its bytes, exactly as
    signed; ``cert`` the signer's certificate, a PEM path or bytes.
    Returns one line describing the valid signature.

    :raises NotFoundError: the dossier is not signed
    :raises IntegrityError: the signature does not verify (the dossier or
        the signature changed, or another key made it)
    :raises UnsupportedError: a signature outside the accepted profile
        (other references or transforms, several signatures)
    :raises ParseError: a refused or malformed document
    :raises InvalidError: a certificate that cannot be read
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    else:
        path = _path(source)
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            raise FileError(f"{path}: {e.strerror or e}") from e
        if name is None:
            name = path
    return _swig._verify(data, name, _pem(cert, "cert"))


def catalog(edition: Optional[str] = None, *, data_dir: Optional[_PathLike] = None,
            ts_edition: Optional[str] = None) -> Catalog:
    """Opens the catalogs of an edition (``etsi catalog``):
    ``etsi.catalog("3.1.3")``.  See :meth:`Catalog.open`."""
    return Catalog.open(edition, data_dir=data_dir, ts_edition=ts_edition)


# ---------------------------------------------------------------------------
# GRC interchange (docs/interchange.md)

def load_json(path: _PathLike, *, validate: bool = True, data_dir: Optional[_PathLike] = None,
              max_size: int = 0, max_depth: int = 0, max_elements: int = 0) -> Dossier:
    """Loads a dossier from a file of its JSON form.  See :meth:`Dossier.load_json`."""
    return Dossier.load_json(path, validate=validate, data_dir=data_dir, max_size=max_size,
                             max_depth=max_depth, max_elements=max_elements)


def loads_json(text: Union[str, bytes], *, name: Optional[str] = None, validate: bool = True,
               data_dir: Optional[_PathLike] = None, max_size: int = 0,
               max_depth: int = 0, max_elements: int = 0) -> Dossier:
    """Loads a dossier from its JSON form.  See :meth:`Dossier.loads_json`."""
    return Dossier.loads_json(text, name=name, validate=validate, data_dir=data_dir,
                              max_size=max_size, max_depth=max_depth,
                              max_elements=max_elements)


#: Errors raised by the imports carry the problems found (a Diagnostics) in
#: ``diagnostics``; other errors have None there.
Error.diagnostics = None  # type: ignore[attr-defined]


def export_formats() -> List[str]:
    """The formats :meth:`Dossier.export` writes: json, oscal-json, oscal-xml."""
    return list(_swig.export_formats())


def import_formats() -> List[str]:
    """The formats the Dossier imports read: ics-csv, cyclonedx, spdx."""
    return list(_swig.import_formats())


# ---------------------------------------------------------------------------
# lifecycle (docs/lifecycle.md)

def _progress(progress: Optional[Callable[[Progress], Any]]) -> Optional[Callable[..., Any]]:
    """The callable the C layer calls with the fields of a Progress."""
    if progress is None:
        return None
    if not callable(progress):
        raise TypeError("progress must be a callable taking an etsi.Progress, or None")

    def call(*fields: Any) -> bool:
        # False (exactly) stops with StoppedError; None and the rest go on
        return progress(Progress(*fields)) is not False
    return call


def diff(old: Union[Dossier, _PathLike], new: Union[Dossier, _PathLike]) -> Diff:
    """What changed between two dossiers (``etsi diff OLD NEW``): each a
    :class:`Dossier` or a path, loaded without validation as ``etsi diff``
    loads them.  See :meth:`Dossier.diff`."""
    a = old if isinstance(old, Dossier) else Dossier.load(old, validate=False)
    b = new if isinstance(new, Dossier) else Dossier.load(new, validate=False)
    return a.diff(b)
