"""What Python code expects of the binding's types: a record is a
collections.abc.Mapping of its present fields, and a file that does not
exist raises an error that is both an etsi.Error and FileNotFoundError,
with errno and filename set as open() sets them."""
import collections.abc
import errno
import os
import pathlib
import tempfile
import unittest

from support import CAMERA, etsi


class RecordMappingTest(unittest.TestCase):
    def setUp(self):
        self.d = etsi.load(CAMERA)
        self.fw = self.d.find("component", "comp-fw")

    def tearDown(self):
        self.d.close()

    def test_is_a_mapping(self):
        self.assertIsInstance(self.fw, collections.abc.Mapping)
        self.assertTrue(issubclass(etsi.Record, collections.abc.Mapping))
        self.assertNotIsInstance(self.fw, collections.abc.MutableMapping)

    def test_len_iter_and_keys_are_the_present_fields(self):
        present = [f for f in self.fw.fields if self.fw[f] is not None]
        self.assertEqual(list(self.fw), present)
        self.assertEqual(len(self.fw), len(present))
        self.assertEqual(list(self.fw.keys()), present)
        self.assertIsInstance(self.fw.keys(), collections.abc.KeysView)
        self.assertIn("name", self.fw.keys())
        self.assertNotIn("cpe", self.fw.keys())          # a field of the kind, absent

    def test_items_and_values(self):
        items = list(self.fw.items())
        self.assertIsInstance(self.fw.items(), collections.abc.ItemsView)
        self.assertEqual(items, [(f, self.fw[f]) for f in self.fw])
        self.assertIn(("id", "comp-fw"), self.fw.items())
        values = self.fw.values()
        self.assertIsInstance(values, collections.abc.ValuesView)
        self.assertEqual(list(values), [v for _, v in items])
        self.assertEqual(len(values), len(self.fw))
        # with a name, every value of that field, as before
        self.assertEqual(self.fw.values("mechanism"), list(self.fw.values("mechanism")))
        self.assertIsInstance(self.fw.values("mechanism"), list)

    def test_get(self):
        self.assertEqual(self.fw.get("id"), "comp-fw")
        self.assertIsNone(self.fw.get("cpe"))
        self.assertEqual(self.fw.get("cpe", "none"), "none")
        with self.assertRaises(KeyError):              # a misspelt name is not hidden
            self.fw.get("colour")

    def test_dict_and_equality(self):
        as_dict = dict(self.fw)
        self.assertEqual(as_dict, {f: self.fw[f] for f in self.fw})
        self.assertEqual(self.fw, as_dict)              # a mapping equals a mapping
        self.assertEqual(as_dict, self.fw)
        self.assertNotEqual(self.fw, {**as_dict, "id": "other"})
        self.assertNotEqual(self.fw, {})
        self.assertNotEqual(self.fw, "comp-fw")
        self.assertEqual({**self.fw}, as_dict)
        # two records: the same entry, as before (records stay hashable)
        self.assertEqual(self.fw, self.d.find("component", "comp-fw"))
        self.assertEqual(hash(self.fw), hash(self.d.find("component", "comp-fw")))
        other = [c for c in self.d.components if c.key != "comp-fw"][0]
        self.assertNotEqual(self.fw, other)
        self.assertEqual(len({self.fw, self.d.find("component", "comp-fw"), other}), 2)

    def test_mapping_follows_changes(self):
        before = len(self.fw)
        self.fw["cpe"] = "cpe:2.3:o:kestrel:kic-300_firmware:3.4.0:*:*:*:*:*:*:*"
        self.assertEqual(len(self.fw), before + 1)
        self.assertIn("cpe", self.fw.keys())
        del self.fw["cpe"]
        self.assertEqual(len(self.fw), before)


class MissingFileTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.missing = os.path.join(self.tmp.name, "no-such-dossier.xml")

    def tearDown(self):
        self.tmp.cleanup()

    def check(self, cm, path):
        e = cm.exception
        self.assertIsInstance(e, FileNotFoundError)
        self.assertIsInstance(e, OSError)
        self.assertIsInstance(e, etsi.Error)
        self.assertIsInstance(e, etsi.FileError)
        self.assertIs(type(e), etsi.MissingFileError)
        self.assertEqual(e.errno, errno.ENOENT)
        self.assertEqual(e.filename, path)
        self.assertEqual(e.strerror, os.strerror(errno.ENOENT))
        self.assertEqual(e.code, etsi.FileError.code)
        self.assertEqual(e.name, "EIO")
        self.assertEqual(e.file, path)
        self.assertIn(path, str(e))

    def test_load(self):
        for load in (etsi.load, etsi.Dossier.load):
            with self.subTest(load=load.__qualname__):
                with self.assertRaises(FileNotFoundError) as cm:
                    load(self.missing)
                self.check(cm, self.missing)

    def test_load_pathlike(self):
        with self.assertRaises(etsi.Error) as cm:
            etsi.load(pathlib.Path(self.missing))
        self.check(cm, self.missing)

    def test_load_json(self):
        path = self.missing + ".json"
        with self.assertRaises(FileNotFoundError) as cm:
            etsi.load_json(path)
        self.check(cm, path)

    def test_missing_directory(self):
        path = os.path.join(self.tmp.name, "no-such-dir", "d.xml")
        with self.assertRaises(FileNotFoundError) as cm:
            etsi.load(path)
        self.check(cm, path)

    def test_other_file_errors_are_not_file_not_found(self):
        # a directory exists: reading it fails, but not with FileNotFoundError
        with self.assertRaises(etsi.FileError) as cm:
            etsi.load(self.tmp.name)
        self.assertNotIsInstance(cm.exception, FileNotFoundError)
        self.assertIsInstance(cm.exception, OSError)

    def test_the_class_is_exported(self):
        self.assertIn("MissingFileError", etsi.__all__)
        self.assertEqual(etsi.MissingFileError.__module__, "etsi")
        self.assertTrue(issubclass(etsi.MissingFileError, etsi.FileError))
        self.assertTrue(issubclass(etsi.MissingFileError, FileNotFoundError))


if __name__ == "__main__":
    unittest.main()
