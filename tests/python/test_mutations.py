"""The crash sweep through the Python binding: the mutants of the examples
(tests/mutate.py, as tests/cli/test_mutations.py sweeps the commands)
loaded without validation and given to every entry point that takes an
invalid or partial dossier: check, evaluate, report (built-in and a
caller's stylesheet), export, release, migrate, diff, digest, sign,
verify, hash_artifacts and verify_artifacts.  Each raises etsi.Error or
succeeds; nothing crashes the interpreter and nothing raises another
exception.

The mutants run in a child interpreter, so that a crash is reported with
the mutant that caused it.  ETSI_MUTATION_FULL=1 takes every mutation site
of the examples and baselines (tests/mutate.py), instead of a bounded
selection.
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unittest

from support import EXAMPLES, RULES, SOURCE

sys.path.insert(0, str(SOURCE / "tests"))
import mutate  # noqa: E402

FULL = os.environ.get("ETSI_MUTATION_FULL", "") not in ("", "0")
BUDGET = int(os.environ.get("ETSI_MUTATION_BUDGET", "80"))
OPENSSL = shutil.which("openssl")

CHILD = textwrap.dedent("""
    import pathlib, sys, traceback
    import etsi

    work, key, cert, xsl, root = map(pathlib.Path, sys.argv[1:6])
    AS_OF = "2026-06-01"

    def calls(d, origin, data):
        yield "check", lambda: d.check(as_of=AS_OF)
        yield "evaluate", lambda: d.evaluate(as_of=AS_OF).write()
        yield "report", lambda: d.report("html", as_of=AS_OF)
        yield "report-md", lambda: d.report("md", as_of=AS_OF)
        yield "report-stylesheet", lambda: d.report(stylesheet=xsl, as_of=AS_OF)
        yield "export", lambda: d.write_export(work / "out.json", "json")
        yield "release", lambda: d.release("99.0.0", date="2026-12-01").to_xml()
        yield "migrate", lambda: d.migrate("3.1.3")[0].to_xml()
        yield "diff", lambda: origin.diff(d).write("json")
        yield "diff-reverse", lambda: d.diff(origin).write("text")
        yield "digest", lambda: d.digest()
        yield "verify-artifacts", lambda: d.verify_artifacts(root)
        yield "hash-artifacts", lambda: d.hash_artifacts(root, update=True)
        yield "sign", lambda: d.sign(key, cert)
        yield "verify", lambda: etsi.verify(data, cert)

    origins = {}
    for line in sys.stdin:
        source, path = line.rstrip("\\n").split("\\t")
        data = pathlib.Path(path).read_bytes()
        print("BEGIN", path, flush=True)
        if source not in origins:
            origins[source] = etsi.Dossier.load(source, validate=False)
        try:
            d = etsi.Dossier.loads(data, name="mutant.xml", validate=False)
        except etsi.Error:
            continue
        for name, call in calls(d, origins[source], data):
            try:
                call()
            except etsi.Error:
                pass
            except Exception:
                print("UNEXPECTED", path, name, traceback.format_exc().replace("\\n", " | "),
                      flush=True)
        d.close()
    print("DONE", flush=True)
""")


class BindingSweep(unittest.TestCase):
    def setUp(self):
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="etsi-py-mutations-"))
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.assertIsNotNone(OPENSSL, "the openssl tool is needed to make the test key")
        self.key, self.cert = self.tmp / "test.key", self.tmp / "test.crt"
        subprocess.run([OPENSSL, "req", "-x509", "-newkey", "ec", "-pkeyopt",
                        "ec_paramgen_curve:P-256", "-nodes", "-keyout", self.key,
                        "-out", self.cert, "-days", "2", "-subj", "/CN=binding sweep"],
                       check=True, capture_output=True)
        self.xsl = self.tmp / "custom.xsl"
        self.xsl.write_text(
            '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
            '<xsl:output method="text"/><xsl:template match="/">'
            '<xsl:for-each select="//@*|//text()"><xsl:value-of select="."/></xsl:for-each>'
            '</xsl:template></xsl:stylesheet>')

    def test_entry_points_on_mutants(self):
        sources = sorted(EXAMPLES.glob("*.xml")) + sorted(RULES.glob("baseline-*.xml"))
        picked = mutate.select(sources, "per-site", None if FULL else BUDGET)
        self.assertGreater(len(picked), 10)
        mutants = self.tmp / "mutants"
        mutants.mkdir()
        lines = []
        for m in picked:
            path = mutants / m.name
            path.write_bytes(m.data)
            lines.append(f"{m.source}\t{path}\n")
        work = self.tmp / "work"
        work.mkdir()
        r = subprocess.run([sys.executable, "-c", CHILD, str(work), str(self.key),
                            str(self.cert), str(self.xsl),
                            str(SOURCE / "tests" / "data" / "lifecycle" / "package")],
                           input="".join(lines), capture_output=True, text=True, timeout=3000)
        out = r.stdout.splitlines()
        begun = [line.split(" ", 1)[1] for line in out if line.startswith("BEGIN ")]
        unexpected = [line for line in out if line.startswith("UNEXPECTED ")]
        print(f"\nbinding sweep: {len(begun)} of {len(picked)} mutants, "
              f"{len(unexpected)} unexpected exceptions", file=sys.stderr)
        self.assertEqual(r.returncode, 0,
                         f"the interpreter died (status {r.returncode}) on "
                         f"{begun[-1] if begun else '?'}:\n{r.stderr[-3000:]}")
        self.assertIn("DONE", out)
        self.assertNotRegex(r.stderr, r"ERROR: AddressSanitizer|runtime error: ")
        self.assertEqual(unexpected, [])


if __name__ == "__main__":
    unittest.main()
