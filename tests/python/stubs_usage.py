"""A small program written against the etsi package's type stubs: the
stubs test type-checks it with `mypy --strict` together with the stubs,
then runs it.  It uses what a typed caller reaches for: loading, records as
mappings, the two forms of values(), findings, the file errors, progress
and the diff types.

    python3 stubs_usage.py DOSSIER
"""
import collections.abc
import sys
from typing import Dict, List, Mapping, Optional

import etsi


def fields_of(record: Mapping[str, Optional[str]]) -> Dict[str, Optional[str]]:
    return dict(record)


def summary(path: str) -> List[str]:
    lines: List[str] = []
    with etsi.load(path) as dossier:
        for component in dossier.components:
            name: Optional[str] = component.get("name")
            version: str = component.get("version", "unknown")
            mechanisms: List[str] = component.values("mechanism")
            present: collections.abc.ValuesView[Optional[str]] = component.values()
            as_dict = fields_of(component)
            assert len(as_dict) == len(component) == len(present)
            lines.append(f"{component.key}: {name} {version} {len(mechanisms)}")
        errors: List[etsi.Diagnostic] = dossier.check().errors
        lines.append(f"{len(errors)} errors")
        newer = dossier.release("99.0.0", date="2026-12-01")
        changes: List[etsi.Change] = newer.diff(dossier).changes
        lines.append(f"{len(changes)} changes")
    return lines


def progress(p: etsi.Progress) -> None:
    position: int = p.artifact_index
    of: int = p.artifact_count
    assert 0 <= position < of


def missing(path: str) -> str:
    try:
        etsi.load(path)
    except FileNotFoundError as e:
        assert isinstance(e, etsi.MissingFileError)
        return f"{e.filename}: errno {e.errno}"
    return "found"


def main(argv: List[str]) -> int:
    for line in summary(argv[1]):
        print(line)
    print(missing(argv[1] + ".missing"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
