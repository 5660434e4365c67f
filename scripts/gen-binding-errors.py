#!/usr/bin/env python3
"""The bindings' exception classes, generated from libetsi's error table.

The codes, their names and default messages have one source: the X-macro
ETSI_ERROR_MAP in libetsi/include/etsi/errors.h.  This script reads it and
writes, for every code, the exception class of each binding:

  --c OUT              the Python classes' table for the SWIG module
                       (bindings/etsi.i includes it): code, class name,
                       docstring, built-in base class
  --pyi IN OUT         the type stubs: IN with its @ERROR_CLASSES@ line
                       replaced by one class line a code
  --java IN OUT        org.libetsi.EtsiException: IN with @CODES@ (the code
                       constants), @CASES@ (fromNative's switch) and
                       @CLASSES@ (one nested class a code) replaced

What the C table does not say, each binding's class name, its
documentation and Python's built-in base class, is in NAMES below.  A code
appended to ETSI_ERROR_MAP without an entry there still gets its classes:
"EQUOTA" becomes Quota (Java) and QuotaError (Python), documented by
its C message.  Python 3 standard library only; run by CMake
(bindings/CMakeLists.txt) at build time.
"""
import argparse
import pathlib
import re
import sys

# C name: (Java class, Python class, Python built-in base or None,
#          Python docstring, Java documentation).  ERROR is the base class
# in Python and EtsiException.Other in Java, which the template writes (it
# also stands for a code the binding does not know).
NAMES = {
    "ERROR": ("Other", "Error", None,
              "Base class of libetsi's errors: code, name, file and line say what and where.",
              None),
    "ENOMEM": ("NoMemory", "NoMemoryError", "MemoryError",
               "libetsi ran out of memory.",
               "libetsi ran out of memory (ENOMEM)."),
    "EINVALID": ("Invalid", "InvalidError", "ValueError",
                 "An argument or a value is invalid.",
                 "An argument or a value is invalid (EINVALID): a bad field value, an unknown "
                 "kind or format."),
    "ENOTFOUND": ("NotFound", "NotFoundError", "LookupError",
                  "Something named does not exist.",
                  "Something named does not exist (ENOTFOUND): a provision, a test case, a "
                  "referenced id."),
    "EEXISTS": ("Exists", "ExistsError", "ValueError",
                "A key is already taken.",
                "A key is already taken (EEXISTS)."),
    "EIO": ("IO", "FileError", "OSError",
            "A file could not be read or written.",
            "A file could not be read or written (EIO); nothing on disk changed."),
    "EPARSE": ("Parse", "ParseError", None,
               "A document is not well-formed or uses a refused construct.",
               "A document is not well-formed or uses a refused construct (EPARSE):\n"
               "DOCTYPE declarations, external entities and processing instructions\n"
               "are refused, so an XXE document raises this."),
    "EVALIDATION": ("Validation", "ValidationError", None,
                    "A document does not conform to its schema.",
                    "A document does not conform to its schema (EVALIDATION); the first "
                    "problem is reported."),
    "ELIMIT": ("Limit", "LimitError", None,
               "An input exceeds a safety limit.",
               "An input exceeds a safety limit (ELIMIT): its size, its nesting depth, its "
               "elements or records."),
    "EUNSUPPORTED": ("Unsupported", "UnsupportedError", None,
                     "An edition or format version is not supported.",
                     "An edition or a format version is not supported (EUNSUPPORTED)."),
    "EREADONLY": ("ReadOnly", "ReadOnlyError", None,
                  "An object cannot be modified.",
                  "An object cannot be modified (EREADONLY): a catalog or results record, a "
                  "fixed field."),
    "ETRANSFORM": ("Transform", "TransformError", None,
                   "A report transformation failed.",
                   "A report transformation failed (ETRANSFORM), for example a stylesheet "
                   "that read a file."),
    "EINTEGRITY": ("Integrity", "IntegrityError", None,
                   "A digest or signature does not match.",
                   "A digest or signature does not match (EINTEGRITY): the document\n"
                   "changed after it was signed, the signature value was altered, or it\n"
                   "was made with another key."),
    "ECONFLICT": ("Conflict", "ConflictError", None,
                  "The file changed since it was loaded: load it again, redo the change.",
                  "The file changed since it was loaded (ECONFLICT): another program\n"
                  "changed, replaced or removed it, and saving would lose that change;\n"
                  "nothing was written.  Load the file again and redo the change, or\n"
                  "load with {@link LoadOption#lockForUpdate()} so that writers wait for\n"
                  "each other.  Also raised when loading for update a file that another\n"
                  "dossier of this process holds for update."),
    "ESTOPPED": ("Stopped", "StoppedError", None,
                 "A callback of the caller's stopped the operation.",
                 "A callback of the caller's stopped the operation (ESTOPPED): an\n"
                 "{@link ArtifactProgress} that returned false.  Nothing was changed."),
}

ROW = re.compile(r'XX\(\s*([A-Z][A-Z0-9_]*)\s*,\s*(-?\d+)\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)')


def read_table(header):
    """[(name, value, message)] of ETSI_ERROR_MAP, in table order."""
    text = pathlib.Path(header).read_text(encoding="utf-8")
    start = text.find("#define ETSI_ERROR_MAP(XX)")
    if start < 0:
        sys.exit(f"{header}: no ETSI_ERROR_MAP")
    body = []
    for line in text[start:].splitlines():
        body.append(line)
        if not line.rstrip().endswith("\\"):
            break
    rows = [(m.group(1), int(m.group(2)), m.group(3)) for m in ROW.finditer("\n".join(body))]
    if not rows or rows[0][0] != "ERROR":
        sys.exit(f"{header}: ETSI_ERROR_MAP does not start with ERROR")
    return rows


def classes(rows):
    """[(C name, value, Java class, Python class, Python base, Python doc, Java doc)]."""
    out = []
    for name, value, message in rows:
        if name in NAMES:
            out.append((name, value) + NAMES[name])
            continue
        stem = (name[1:] if name.startswith("E") else name).capitalize()
        doc = message[:1].upper() + message[1:] + "."
        out.append((name, value, stem, stem + "Error", None, doc,
                    f"{message[:1].upper() + message[1:]} ({name})."))
    return out


def c_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def write_c(rows):
    lines = ["/* Generated by scripts/gen-binding-errors.py from etsi/errors.h: do not edit. */",
             "/* ETSI_BINDING_ERROR(code, Python class, docstring, built-in base or NULL) */",
             "#define ETSI_BINDING_ERRORS(ETSI_BINDING_ERROR) \\"]
    for name, _, _, py, base, py_doc, _ in classes(rows)[1:]:
        base_c = f"PyExc_{base}" if base else "NULL"
        lines.append(f"\tETSI_BINDING_ERROR(ETSI_{name}, {c_string(py)}, {c_string(py_doc)}, "
                     f"{base_c}) \\")
    lines.append("")
    error = classes(rows)[0]
    lines.append(f"#define ETSI_BINDING_BASE_DOC {c_string(error[5])}")
    return "\n".join(lines) + "\n"


def write_pyi(rows, template):
    lines = []
    for _, _, _, py, base, _, _ in classes(rows)[1:]:
        bases = "Error" + (f", {base}" if base else "")
        lines.append(f"class {py}({bases}): ...")
        if py == "FileError":
            # a FileError for a file that does not exist (bindings/etsi.i)
            lines.append("class MissingFileError(FileError, FileNotFoundError): ...")
    return replace_marker(template, "@ERROR_CLASSES@", "\n".join(lines))


def javadoc(text, indent):
    body = text.split("\n")
    if len(body) == 1 and len(text) + indent + 7 <= 100:
        return " " * indent + f"/** {text} */"
    return "\n".join([" " * indent + "/**"] + [" " * indent + " * " + t for t in body] +
                     [" " * indent + " */"])


def write_java(rows, template):
    table = classes(rows)
    codes, cases, nested = [], [], []
    for name, value, java, _, _, _, doc in table:
        what = "{@link Other}: an unclassified error" if name == "ERROR" else f"{{@link {java}}}"
        codes.append(f"    /** Code of {what}. */\n"
                     f"    public static final int {name} = {value};")
        if name == "ERROR":
            continue
        cases.append(f"        case {name}: return new {java}(reason, file, line, column);")
        nested.append(f"""{javadoc(doc, 4)}
    public static final class {java} extends EtsiException {{
        private static final long serialVersionUID = 1L;

        /**
         * @param reason the message
         * @param file the document concerned, or null
         * @param line the line, or 0
         * @param column the column, or 0
         */
        public {java}(String reason, String file, int line, int column) {{
            super({name}, "{name}", reason, file, line, column);
        }}
    }}
""")
    text = replace_marker(template, "@CODES@", "\n".join(codes))
    text = replace_marker(text, "@CASES@", "\n".join(cases))
    return replace_marker(text, "@CLASSES@", "\n".join(nested).rstrip("\n"))


def replace_marker(text, marker, replacement):
    """Replaces the line that starts with the marker (after indentation and
    a comment's "# ") with the replacement."""
    lines = text.split("\n")
    hits = [i for i, line in enumerate(lines) if line.strip().lstrip("# ").startswith(marker)]
    if len(hits) != 1:
        sys.exit(f"the template must hold {marker} on exactly one line")
    lines[hits[0]:hits[0] + 1] = replacement.split("\n")
    return "\n".join(lines)


def write_if_changed(path, text):
    path = pathlib.Path(path)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("header", help="libetsi/include/etsi/errors.h")
    parser.add_argument("--c", metavar="OUT")
    parser.add_argument("--pyi", nargs=2, metavar=("IN", "OUT"))
    parser.add_argument("--java", nargs=2, metavar=("IN", "OUT"))
    args = parser.parse_args()
    rows = read_table(args.header)
    if args.c:
        write_if_changed(args.c, write_c(rows))
    if args.pyi:
        write_if_changed(args.pyi[1],
                         write_pyi(rows, pathlib.Path(args.pyi[0]).read_text(encoding="utf-8")))
    if args.java:
        write_if_changed(args.java[1],
                         write_java(rows, pathlib.Path(args.java[0]).read_text(encoding="utf-8")))


if __name__ == "__main__":
    main()
