"""Tests of `etsi check` on many files at once (batch mode, --jobs): the
same output in the same order whatever the number of threads, a summary
line on standard error, progress only on a terminal.

Run through ctest, which sets ETSI_CLI and ETSI_SOURCE_DIR.
"""
import json
import os
import pathlib
import pty
import re
import subprocess
import unittest

CLI = os.environ["ETSI_CLI"]
SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])
AS_OF = "2026-06-01"
FILES = (sorted((SOURCE / "examples" / "dossiers").glob("*.xml")) +
         sorted((SOURCE / "tests" / "data" / "rules").glob("*/fail*.xml")) +
         [SOURCE / "tests" / "data" / "hostile" / "empty.xml",
          SOURCE / "tests" / "data" / "hostile" / "no-such-file.xml"])
SUMMARY = re.compile(r"^etsi: checked (\d+) of (\d+) dossiers in [0-9.]+ s with (\d+) threads?: "
                     r"(\d+) passed, (\d+) failed, (\d+) could not be checked "
                     r"\((\d+) errors?, (\d+) warnings?\)$", re.M)


def etsi(*args):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=300)


class Batch(unittest.TestCase):
    def test_jobs_give_the_same_output_in_the_same_order(self):
        one = etsi("check", "--as-of", AS_OF, *FILES)
        for jobs in ("2", "4", "0"):
            with self.subTest(jobs=jobs):
                many = etsi("check", "--jobs", jobs, "--as-of", AS_OF, *FILES)
                self.assertEqual(many.returncode, one.returncode)
                self.assertEqual(many.stdout, one.stdout)
                self.assertEqual(SUMMARY.sub("", many.stderr), SUMMARY.sub("", one.stderr))
        # unreadable files make it 2, as one by one
        self.assertEqual(one.returncode, 2)

    def test_json_is_one_array_in_file_order(self):
        one = etsi("check", "-f", "json", "--as-of", AS_OF, *FILES)
        many = etsi("check", "-j", "3", "-f", "json", "--as-of", AS_OF, *FILES)
        self.assertEqual(many.stdout, one.stdout)
        findings = json.loads(many.stdout)
        files = [f["file"] for f in findings]
        order = [str(p) for p in FILES]
        self.assertEqual(files, sorted(files, key=order.index))

    def test_summary_line(self):
        r = etsi("check", "-j", "2", "--as-of", AS_OF, *FILES)
        m = SUMMARY.search(r.stderr)
        self.assertIsNotNone(m, r.stderr)
        checked, total, threads, passed, failed, unchecked = map(int, m.groups()[:6])
        self.assertEqual(total, len(FILES))
        self.assertEqual(threads, 2)
        self.assertEqual(unchecked, 2)
        self.assertEqual(checked, total - 2)
        self.assertEqual(passed + failed, checked)
        self.assertTrue(r.stderr.endswith(m.group(0) + "\n"))
        # one file: no summary, as before
        one = etsi("check", "--as-of", AS_OF, FILES[0])
        self.assertIsNone(SUMMARY.search(one.stderr))

    def test_no_progress_unless_a_terminal(self):
        r = etsi("check", "-j", "2", "--as-of", AS_OF, *FILES)
        self.assertNotIn("\r", r.stderr)
        self.assertNotIn("\033", r.stderr)

    def test_progress_on_a_terminal(self):
        # standard error on a pseudo-terminal, standard output on a pipe
        master, slave = pty.openpty()
        p = subprocess.Popen([CLI, "check", "-j", "2", "--as-of", AS_OF, *FILES[:5]],
                             stdout=subprocess.PIPE, stderr=slave)
        os.close(slave)
        seen = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        out, _ = p.communicate(timeout=300)
        os.close(master)
        text = seen.decode()
        self.assertIn("checked 1 of 5", text)
        self.assertIn("checked 5 of 5", text)
        # the progress line is rewritten in place ("\r", erase line)
        lines = text.replace("\r\n", "\n").replace("\r\x1b[K", "\n")
        self.assertIsNotNone(SUMMARY.search(lines), text)
        self.assertNotIn(b"checked 1 of", out)

    def test_bad_jobs(self):
        for value in ("-1", "x", "", "2000"):
            with self.subTest(value=value):
                r = etsi("check", "--jobs", value, FILES[0])
                self.assertEqual(r.returncode, 2)
                self.assertIn("--jobs takes a number", r.stderr)


if __name__ == "__main__":
    unittest.main()
