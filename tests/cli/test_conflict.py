"""A dossier another program changes while a command works on it.

Every command that saves a dossier back to its file (verdict, evidence
hash --update, import --into, plan --store) must notice that the file changed after it was loaded, write
nothing, keep the other program's change, say so, and exit with the
I/O status of docs/cli.md's table (2: the command could not do what it
was asked; run it again).

The other program is a shim preloaded into etsi (LD_PRELOAD): the first
time the save lists the dossier's directory (for stale temporaries of its
own), just before it compares the file with what it loaded, the shim
appends a comment to the file the way an editor that ignores locks would.
So the race is hit every time, not by chance.  Run through ctest, which
sets ETSI_CLI and ETSI_SOURCE_DIR.
"""
import os
import pathlib
import shutil
import subprocess
import tempfile
import unittest

CLI = os.environ["ETSI_CLI"]
SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])
EXAMPLES = SOURCE / "examples" / "dossiers"
CAMERA = EXAMPLES / "smart-camera-v3.xml"
LIFECYCLE = SOURCE / "tests" / "data" / "lifecycle"
CC = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
MARK = "<!-- written by another program -->\n"

SHIM = r"""
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int done;

DIR *opendir(const char *name)
{
	static DIR *(*real)(const char *);
	const char *file = getenv("ETSI_TEST_OTHER_WRITER_FILE");
	char a[PATH_MAX], b[PATH_MAX], dir[PATH_MAX];

	if (!real)
		real = (DIR *(*)(const char *))dlsym(RTLD_NEXT, "opendir");
	if (!done && file && strlen(file) < sizeof(dir)) {
		char *slash;

		strcpy(dir, file);
		slash = strrchr(dir, '/');
		if (slash)
			*slash = '\0';
		if (realpath(name, a) && realpath(dir, b) && strcmp(a, b) == 0) {
			const char *mark = getenv("ETSI_TEST_OTHER_WRITER_MARK");
			int fd = open(file, O_WRONLY | O_APPEND);

			done = 1;
			if (fd >= 0) {
				if (write(fd, mark, strlen(mark)) < 0)
					done = 2;
				close(fd);
			}
		}
	}
	return real(name);
}
"""


@unittest.skipUnless(CC, "needs a C compiler for the preloaded shim")
class OtherWriter(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = pathlib.Path(tempfile.mkdtemp(prefix="etsi-conflict-"))
        src = cls.tmp / "shim.c"
        src.write_text(SHIM)
        cls.shim = cls.tmp / "shim.so"
        subprocess.run([CC, "-shared", "-fPIC", "-o", str(cls.shim), str(src), "-ldl"],
                       check=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def run_raced(self, target, *args):
        env = dict(os.environ)
        env["LD_PRELOAD"] = str(self.shim)
        env["ETSI_TEST_OTHER_WRITER_FILE"] = str(target)
        env["ETSI_TEST_OTHER_WRITER_MARK"] = MARK
        # an etsi built with ASan wants its runtime first; the shim only
        # wraps opendir()
        env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0"
        return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True,
                              timeout=120, env=env)

    def work(self, name, src=CAMERA):
        d = self.tmp / name
        if d.exists():
            shutil.rmtree(d)
        d.mkdir()
        path = d / "dossier.xml"
        shutil.copyfile(src, path)
        return d, path

    def assert_refused(self, r, path, before, hidden=()):
        after = path.read_text(encoding="utf-8")
        # the other program's change is there, and nothing of this command's
        self.assertEqual(after, before + MARK, r.stderr)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("changed by another program", r.stderr)
        # no temporary left behind
        self.assertEqual(sorted(p.name for p in path.parent.iterdir()
                                if p.name.startswith(".")), sorted(hidden))

    def test_verdict(self):
        d, path = self.work("verdict")
        before = path.read_text(encoding="utf-8")
        r = self.run_raced(path, "verdict", path, "--case", "5.3-13-1", "--result", "PASS",
                           "--by", "tl-meridian", "--date", "2026-06-01")
        self.assert_refused(r, path, before)

    def test_plan_store(self):
        d, path = self.work("plan")
        before = path.read_text(encoding="utf-8")
        r = self.run_raced(path, "plan", path, "--store", "--as-of", "2026-06-01")
        self.assert_refused(r, path, before)

    def test_evidence_hash_update(self):
        d = self.tmp / "evidence"
        if d.exists():
            shutil.rmtree(d)
        shutil.copytree(LIFECYCLE, d)
        path = d / "evidence.xml"  # art-settings has no digest yet: one to record
        before = path.read_text(encoding="utf-8")
        hidden = [p.name for p in d.iterdir() if p.name.startswith(".")]
        r = self.run_raced(path, "evidence", "hash", path, "--root", d / "package", "--update")
        self.assert_refused(r, path, before, hidden)

    def test_import_into(self):
        d, path = self.work("import")
        csv = d / "ics.csv"
        r = subprocess.run([CLI, "report", path, "-f", "ics-csv", "-o", csv],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        before = path.read_text(encoding="utf-8")
        r = self.run_raced(path, "import", "--from", "ics-csv", "--into", path, csv)
        self.assert_refused(r, path, before)

    def test_without_the_other_writer_the_save_goes_through(self):
        # the same run without the shim's change: the command saves, so the
        # refusals above are the change's doing
        d, path = self.work("control")
        before = path.read_text(encoding="utf-8")
        env = dict(os.environ)
        r = subprocess.run([CLI, "plan", path, "--store", "--as-of", "2026-06-01"],
                           capture_output=True, text=True, env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotEqual(path.read_text(encoding="utf-8"), before)


if __name__ == "__main__":
    unittest.main()
