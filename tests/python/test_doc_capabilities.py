"""docs/python.md and docs/java.md list every capability of the bindings
(export, imports, evidence, release, diff, migrate, sign, verify, digest),
each with an example; the Python examples run as written here, in a
directory holding the files they name (the Java ones run as java.docs,
tests/java/check_docs.py, which also lays out those files)."""
import importlib.util
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import unittest

from support import SOURCE, etsi  # noqa: F401  (etsi: the package under test)

_spec = importlib.util.spec_from_file_location("check_docs", SOURCE / "tests/java/check_docs.py")
check_docs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_docs)

CAPABILITIES = check_docs.CAPABILITIES


class CapabilitiesListedTest(unittest.TestCase):
    def check_doc(self, name, language):
        text = check_docs.section(SOURCE / "docs" / name)
        headings = [h.lower() for h in re.findall(r"^### (.+)$", text, re.M)]
        table = text.split("\n### ", 1)[0]
        for capability in CAPABILITIES:
            with self.subTest(doc=name, capability=capability):
                self.assertIn(f"| [{capability}](#", table)
                heading = [h for h in headings if h.startswith(capability)]
                self.assertTrue(heading, f"{name}: no heading for {capability}")
                body = text.split(f"\n### {heading[0].capitalize()}", 1)[1].split("\n### ", 1)[0]
                self.assertIn(f"```{language}\n", body, f"{name}: no example for {capability}")

    def test_python_md(self):
        self.check_doc("python.md", "python")

    def test_java_md(self):
        self.check_doc("java.md", "java")

    def test_toc_links_the_section(self):
        for name in ("python.md", "java.md"):
            with self.subTest(name):
                self.assertIn("[Every capability](#every-capability)",
                              (SOURCE / "docs" / name).read_text(encoding="utf-8"))


class PythonExamplesTest(unittest.TestCase):
    def test_examples_run(self):
        blocks = re.findall(r"```python\n(.*?)```",
                            check_docs.section(SOURCE / "docs" / "python.md"), re.S)
        self.assertGreaterEqual(len(blocks), len(CAPABILITIES))
        with tempfile.TemporaryDirectory() as tmp:
            run = os.path.join(tmp, "run")
            check_docs.setup(SOURCE, pathlib.Path(run))
            outputs = []
            for i, block in enumerate(blocks):
                with self.subTest(example=i):
                    r = subprocess.run([sys.executable, "-c", block], cwd=run,
                                       capture_output=True, text=True, timeout=120)
                    self.assertEqual(r.returncode, 0, f"example {i}:\n{block}\n{r.stderr}")
                    outputs.append(r.stdout)
        text = "".join(outputs)
        self.assertIn("3.5.0", text)                               # release
        self.assertIn("sbom.cdx.json: info[added]", text)         # imports
        self.assertIn("refused: ", text)                           # verify
        self.assertRegex(text, r"\n[0-9a-f]{64}\n")               # digest
        self.assertIn("4/5 captures/settings-screen.txt", text)   # evidence progress


if __name__ == "__main__":
    unittest.main()
