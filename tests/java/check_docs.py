"""The examples of docs/java.md's "Every capability" section, compiled and
run as written: each ```java block becomes the body of a method of one
class, compiled against libetsi.jar and run in a directory holding the
files the examples name (registered as the ctest test java.docs).

    check_docs.py SOURCE_DIR JAR JAVAC JAVA WORK_DIR
"""
import pathlib
import re
import shutil
import subprocess
import sys

CAPABILITIES = ("export", "imports", "evidence", "release", "diff", "migrate", "sign",
                "verify", "digest")


def section(path):
    """The text of the section 'Every capability' of a document."""
    text = path.read_text(encoding="utf-8")
    if "\n## Every capability\n" not in text:
        sys.exit(f"{path}: no section 'Every capability'")
    return text.split("\n## Every capability\n", 1)[1].split("\n## ", 1)[0]


def setup(source, directory):
    """The files the examples of docs/python.md and docs/java.md name
    (tests/python/test_doc_capabilities.py uses it too)."""
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    shutil.copy(source / "examples/dossiers/smart-camera-v3.xml", directory / "kic-300.xml")
    shutil.copy(source / "examples/dossiers/constrained-sensor-v2.xml", directory / "sensor-v2.xml")
    shutil.copy(source / "tests/data/lifecycle/evidence.xml", directory / "hub.xml")
    shutil.copytree(source / "tests/data/lifecycle/package", directory / "evidence")
    shutil.copy(source / "tests/data/interchange/sbom-small.cdx.json", directory / "sbom.cdx.json")
    shutil.copy(source / "tests/data/interchange/ics-spreadsheet.csv", directory / "annex-b.csv")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:P-256", "-nodes", "-keyout", str(directory / "lab.key"),
                    "-out", str(directory / "lab.pem"), "-days", "2", "-subj", "/CN=docs lab"],
                   check=True, capture_output=True)


def main():
    source, jar, javac, java, work = sys.argv[1:6]
    jar = str(pathlib.Path(jar).resolve())
    source = pathlib.Path(source)
    work = pathlib.Path(work)
    text = section(source / "docs" / "java.md")
    headings = [h.lower() for h in re.findall(r"^### (.+)$", text, re.M)]
    for capability in CAPABILITIES:
        if not any(h.startswith(capability) for h in headings):
            sys.exit(f"docs/java.md: 'Every capability' has no heading for {capability}")
    blocks = re.findall(r"```java\n(.*?)```", text, re.S)
    if len(blocks) < len(CAPABILITIES):
        sys.exit(f"docs/java.md: {len(blocks)} examples for {len(CAPABILITIES)} capabilities")

    setup(source, work / "run")
    methods = []
    for i, block in enumerate(blocks):
        body = "\n".join("        " + line for line in block.rstrip().splitlines())
        methods.append(f"    static void example{i}() throws Exception {{\n{body}\n    }}\n")
    calls = "\n".join(f'        System.out.println("-- example {i}"); example{i}();'
                      for i in range(len(blocks)))
    program = ("import org.libetsi.*;\nimport java.nio.charset.StandardCharsets;\n"
               "import java.nio.file.*;\nimport java.time.LocalDate;\nimport java.util.*;\n\n"
               "public final class DocExamples {\n" + "\n".join(methods) +
               "    public static void main(String[] args) throws Exception {\n" + calls +
               "\n    }\n}\n")
    classes = work / "classes"
    classes.mkdir(exist_ok=True)
    (work / "DocExamples.java").write_text(program, encoding="utf-8")
    subprocess.run([javac, "-Xlint:all", "-Werror", "-d", str(classes), "-cp", jar,
                    str(work / "DocExamples.java")], check=True)
    r = subprocess.run([java, "-cp", f"{jar}:{classes}", "DocExamples"], cwd=work / "run",
                       capture_output=True, text=True, timeout=300)
    sys.stdout.write(r.stdout)
    if r.returncode != 0:
        sys.exit(f"the examples of docs/java.md failed:\n{r.stderr}")
    for expected in ("3.5.0", "true", "refused: ", "sbom.cdx.json: info[added]"):
        if expected not in r.stdout:
            sys.exit(f"the examples' output lacks {expected!r}")
    print(f"docs/java.md: {len(blocks)} examples compiled and ran")


if __name__ == "__main__":
    main()
