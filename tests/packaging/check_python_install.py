"""Run by check_install.sh with the installed package's directory on
PYTHONPATH (what README says) and no LD_LIBRARY_PATH: the etsi package
imports from the prefix, its .dist-info metadata is what importlib.metadata
and `pip show` read, every file its RECORD lists is installed, and the
installed stubs pass `mypy --strict`.

    check_python_install.py PREFIX VERSION DOSSIER
"""
import importlib.metadata
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

prefix = pathlib.Path(sys.argv[1]).resolve()
version = sys.argv[2]
dossier = sys.argv[3]


def fail(message):
    print(f"check_python_install: {message}", file=sys.stderr)
    sys.exit(1)


assert "LD_LIBRARY_PATH" not in os.environ

import etsi  # noqa: E402

package = pathlib.Path(etsi.__file__).resolve().parent
if prefix not in package.parents:
    fail(f"etsi was imported from {package}, not from under {prefix}")
if etsi.version != version:
    fail(f"etsi.version is {etsi.version}, libetsi is {version}")
with etsi.load(dossier) as d:
    findings = d.check(as_of="2026-11-26")
    print(f"python: {len(findings)} findings, {d.components[0].key}")

# the distribution's metadata
if importlib.metadata.version("etsi") != version:
    fail(f"importlib.metadata.version('etsi') is {importlib.metadata.version('etsi')}")
dist = importlib.metadata.distribution("etsi")
meta = dist.metadata
if (meta["Name"], meta["Version"]) != ("etsi", version) or not meta["Summary"]:
    fail(f"metadata: {dict(meta)}")
if not str(dist._path).startswith(str(package.parent)):  # the one installed here
    fail(f"the metadata found is {dist._path}, not beside {package}")
files = dist.files or []
names = {str(f) for f in files}
for expected in ("etsi/__init__.py", "etsi/__init__.pyi", "etsi/py.typed", "etsi/core.py",
                 f"etsi-{version}.dist-info/METADATA", f"etsi-{version}.dist-info/RECORD"):
    if expected not in names:
        fail(f"RECORD does not list {expected}")
if not any(n.startswith("etsi/_core") and n.endswith(".so") for n in names):
    fail("RECORD does not list the extension module")
for f in files:
    if not pathlib.Path(f.locate()).is_file():
        fail(f"RECORD lists {f}, which is not installed")
installed = {str(p.relative_to(package.parent)) for p in package.iterdir() if p.is_file()}
unlisted = installed - names
if unlisted:
    fail(f"installed but not in RECORD: {sorted(unlisted)}")
print(f"python: importlib.metadata sees etsi {version}, {len(files)} files in RECORD")

# pip show reads the same metadata (when this interpreter has pip)
if subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True).returncode == 0:
    show = subprocess.run([sys.executable, "-m", "pip", "show", "--files", "etsi"],
                          capture_output=True, text=True,
                          env=dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1",
                                   PIP_NO_INDEX="1"))
    if show.returncode != 0:
        fail(f"pip show etsi: {show.stderr}")
    lines = show.stdout.splitlines()
    if "Name: etsi" not in lines or f"Version: {version}" not in lines:
        fail(f"pip show etsi says:\n{show.stdout}")
    if f"Location: {package.parent}" not in lines and \
            not any(line.startswith("Location: ") and
                    pathlib.Path(line[10:]).resolve() == package.parent for line in lines):
        fail(f"pip show etsi gives another location:\n{show.stdout}")
    if "  etsi/__init__.pyi" not in lines:
        fail(f"pip show --files etsi lists no stubs:\n{show.stdout}")
    print("python: pip show etsi agrees")
    # and pip uninstall removes every file RECORD lists (on a copy)
    with tempfile.TemporaryDirectory() as tmp:
        copy = pathlib.Path(tmp) / "site-packages"
        shutil.copytree(package.parent, copy, symlinks=True)
        r = subprocess.run([sys.executable, "-m", "pip", "uninstall", "-y", "etsi"],
                           capture_output=True, text=True, cwd=tmp,
                           env=dict(os.environ, PYTHONPATH=str(copy),
                                    PIP_DISABLE_PIP_VERSION_CHECK="1"))
        left = sorted(str(p.relative_to(copy)) for p in copy.rglob("*")
                      if p.is_file() and "__pycache__" not in p.parts)
        if r.returncode != 0 or any(n.startswith("etsi") for n in left):
            fail(f"pip uninstall etsi left {left}:\n{r.stdout}{r.stderr}")
    print("python: pip uninstall etsi removes it")
else:
    print("python: no pip for this interpreter; pip show not tried")

# the installed stubs pass mypy --strict (Debian's mypy, scripts/install-deps.sh)
mypy = shutil.which("mypy")
if mypy is None:
    fail("mypy is not installed (apt-get install mypy)")
with tempfile.TemporaryDirectory() as tmp:
    stubs = pathlib.Path(tmp) / "etsi"
    stubs.mkdir()
    for name in ("__init__.pyi", "py.typed"):
        shutil.copy(package / name, stubs / name)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    r = subprocess.run([mypy, "--strict", "--no-incremental", "--cache-dir", os.devnull,
                        "etsi/__init__.pyi"], cwd=tmp, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"mypy --strict on the installed stubs:\n{r.stdout}{r.stderr}")
print("python: the installed stubs pass mypy --strict")
