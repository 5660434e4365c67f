"""Every report format renders in time and memory linear in the dossier.

A dossier 10 times the example (bench/gen_dossier.py: ten times the
components, mechanisms, IXIT rows and evidence items, and a DUT
description of 1,500 paragraphs instead of 150) must render in at most
about 10 times the time and the peak memory of the 1x one, in every
format.  A template that recursed on the rest of a text (substring-after
per paragraph) took 17 s and 1.3 GiB for 1,400 paragraphs, and ran out of
memory at 1,500: quadratic.

Time is the best of three runs (the command's CPU time, user and system,
which a loaded machine disturbs less than the wall clock; the margin is
generous all the same: 15x); memory is the peak RSS of the command (wait4's rusage, through
tests/cli/peak_rss.py), which a fixed start-up cost dominates at 1x.  The
figures are printed (bench/check-scaling.sh prints them too).

Run through ctest, which sets ETSI_CLI and ETSI_SOURCE_DIR.
"""
import os
import pathlib
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peak_rss  # noqa: E402  (tests/cli/peak_rss.py)

CLI = os.environ["ETSI_CLI"]
SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])
EXAMPLE = SOURCE / "examples" / "dossiers" / "smart-camera-v3.xml"
GEN = SOURCE / "bench" / "gen_dossier.py"
FORMATS = ("html", "public", "ics-csv", "plan-csv", "evidence-csv", "md")
DATE = "2026-06-01"
# (scale, paragraphs of the DUT's description)
SIZES = {1: (1, 150), 10: (10, 1500)}
RUNS = 3
MAX_RATIO = 15.0


def run_measured(cmd, scratch):
    """(seconds, peak RSS in KiB, exit status, output) of one run of cmd."""
    output = pathlib.Path(scratch) / "output.txt"
    code, rss, seconds = peak_rss.run_timed(cmd, output)
    text = output.read_text(errors="replace")[:2000]
    output.unlink()
    return seconds, rss // 1024, code, text


def best_of(cmd, scratch, runs=RUNS):
    """Best CPU time and lowest peak RSS of the command over several runs."""
    best_time = best_rss = None
    for _ in range(runs):
        seconds, rss, code, err = run_measured(cmd, scratch)
        if code != 0:
            raise AssertionError(f"{cmd} exited {code}: {err}")
        best_time = seconds if best_time is None else min(best_time, seconds)
        best_rss = rss if best_rss is None else min(best_rss, rss)
    return best_time, best_rss


class RenderScaling(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.files = {}
        for factor, (scale, paragraphs) in SIZES.items():
            path = pathlib.Path(cls.tmp.name) / f"dossier-{factor}x.xml"
            subprocess.run([sys.executable, str(GEN), "--scale", str(scale),
                            "--paragraphs", str(paragraphs), str(EXAMPLE), "-o", str(path)],
                           check=True)
            cls.files[factor] = path

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_inputs_grow_tenfold(self):
        """The 10x dossier really is bigger in text, evidence and components."""
        small = self.files[1].read_text(encoding="utf-8")
        big = self.files[10].read_text(encoding="utf-8")
        for marker in ("<component ", "<evidence "):
            self.assertGreater(small.count(marker), 0, marker)
            self.assertEqual(big.count(marker), 10 * small.count(marker), marker)
        self.assertIn("\n\n150. ", small)
        self.assertIn("\n\n1500. ", big)
        self.assertGreater(len(big), 5 * len(small))

    def test_every_format_scales_linearly(self):
        print(f"\n{'format':<14}{'1x s':>8}{'10x s':>8}{'ratio':>7}"
              f"{'1x MiB':>9}{'10x MiB':>9}{'ratio':>7}", file=sys.stderr)
        for fmt in FORMATS:
            with self.subTest(format=fmt):
                figures = {}
                for factor, path in self.files.items():
                    figures[factor] = best_of([CLI, "report", "-f", fmt, "--date", DATE,
                                               str(path)], self.tmp.name)
                (t1, m1), (t10, m10) = figures[1], figures[10]
                print(f"{fmt:<14}{t1:>8.3f}{t10:>8.3f}{t10 / t1:>7.1f}"
                      f"{m1 / 1024:>9.1f}{m10 / 1024:>9.1f}{m10 / m1:>7.1f}", file=sys.stderr)
                self.assertLessEqual(t10 / t1, MAX_RATIO,
                                     f"{fmt}: 10x takes {t10:.3f} s, 1x {t1:.3f} s")
                self.assertLessEqual(m10 / m1, MAX_RATIO,
                                     f"{fmt}: 10x peaks at {m10} KiB, 1x at {m1} KiB")

    def test_paragraphs_all_rendered(self):
        """The linear template still makes one <p> per paragraph, blank ones
        skipped, white space normalised."""
        out = subprocess.run([CLI, "report", "-f", "html", "--date", DATE, str(self.files[10])],
                             capture_output=True, text=True, check=True).stdout
        self.assertIn("<p>1. Indoor 2K", out)
        self.assertIn("<p>1500. Indoor 2K", out)
        self.assertEqual(out.count(". Indoor 2K (2560 x 1440)"), 1500)


if __name__ == "__main__":
    unittest.main()
