"""Saving among other writers from Python: a file changed, replaced or
removed since it was loaded raises etsi.ConflictError and keeps the other
program's bytes; load(lock=True) makes writers in several processes wait for
each other, and none of their changes is lost; saving through a symbolic
link keeps the link."""
import os
import subprocess
import sys
import textwrap

from support import CAMERA, TempDirTestCase, etsi


class ConflictTest(TempDirTestCase):
    def setUp(self):
        super().setUp()
        self.path = self.copy(CAMERA, "camera.xml")

    def test_changed_file_is_not_overwritten(self):
        with etsi.load(self.path) as dossier:
            dossier.set_ics("5.3-2", "Y", "changed in Python")
            with open(self.path, "ab") as f:
                f.write(b"<!-- another program -->\n")
            theirs = self.path.read_bytes()
            with self.assertRaises(etsi.ConflictError) as cm:
                dossier.save()
            e = cm.exception
            self.assertEqual((e.code, e.name, e.file), (-14, "ECONFLICT", str(self.path)))
            self.assertIn("changed by another program since it was loaded", e.message)
            self.assertIn("load it again", e.message)
            self.assertEqual(self.path.read_bytes(), theirs)
            self.assertEqual(sorted(p.name for p in self.tmp.iterdir()), ["camera.xml"])
            # reload, redo, save: that works
        with etsi.load(self.path) as again:
            again.set_ics("5.3-2", "Y", "changed in Python")
            again.save()
        with etsi.load(self.path) as check:
            self.assertEqual(check.find("ics-entry", "5.3-2").get("detail"), "changed in Python")

    def test_replaced_and_removed(self):
        with etsi.load(self.path) as dossier:
            other = self.tmp / "other.xml"
            other.write_bytes(self.path.read_bytes().replace(b"</dossier>", b"<!-- x --></dossier>"))
            os.replace(other, self.path)
            with self.assertRaisesRegex(etsi.ConflictError, "was replaced by another program"):
                dossier.save()
            self.path.unlink()
            with self.assertRaisesRegex(etsi.ConflictError, "was removed since it was loaded"):
                dossier.save()
            self.assertFalse(self.path.exists())
            # saving somewhere else is not a conflict
            dossier.save(self.tmp / "elsewhere.xml")
            self.assertEqual(dossier.path, str(self.tmp / "elsewhere.xml"))

    def test_lock_in_one_process(self):
        with etsi.load(self.path, lock=True) as holder:
            with self.assertRaisesRegex(etsi.ConflictError, "locked for update"):
                etsi.load(self.path, lock=True)
            holder.set_ics("5.3-2", "Y", "held")
            holder.save()
            holder.set_ics("5.3-2", "Y", "held twice")
            holder.save()
        with etsi.load(self.path, lock=True) as after:
            self.assertEqual(after.find("ics-entry", "5.3-2").get("detail"), "held twice")

    def test_concurrent_writers_lose_nothing(self):
        """4 processes x 10 changes with the lock, each adding a party of its
        own: all 40 are in the file at the end."""
        script = textwrap.dedent("""
            import sys, etsi
            path, k, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
            for i in range(n):
                with etsi.load(path, lock=True) as d:
                    d.add("party", id=f"tl-p{k}-{i}", role="TL", name="Writer")
                    d.save()
        """)
        with etsi.load(self.path) as d:
            before = d.count("party")
        procs = [subprocess.Popen([sys.executable, "-c", script, str(self.path), str(k), "10"],
                                  stderr=subprocess.PIPE, text=True)
                 for k in range(4)]
        for p in procs:
            _, err = p.communicate(timeout=300)
            self.assertEqual(p.returncode, 0, err)
        with etsi.load(self.path) as d:
            self.assertEqual(d.count("party"), before + 40)
            for k in range(4):
                for i in range(10):
                    self.assertIsNotNone(d.find("party", f"tl-p{k}-{i}"))
        self.assertEqual(sorted(p.name for p in self.tmp.iterdir()), ["camera.xml"])

    def test_symlink_is_kept(self):
        os.mkdir(self.tmp / "real")
        target = self.tmp / "real" / "camera.xml"
        os.replace(self.path, target)
        os.symlink("real/camera.xml", self.path)
        os.chmod(target, 0o640)
        with etsi.load(self.path, lock=True) as d:
            d.set_ics("5.3-2", "Y", "through the link")
            d.save()
        self.assertTrue(self.path.is_symlink())
        self.assertEqual(os.readlink(self.path), "real/camera.xml")
        self.assertEqual(os.stat(target).st_mode & 0o7777, 0o640)
        with etsi.load(target) as d:
            self.assertEqual(d.find("ics-entry", "5.3-2").get("detail"), "through the link")
