"""Errors from Python: one class per code of the C error table, each with the
built-in base class Python code expects and with code, name, file, line;
hostile input (XXE, DOCTYPE, billion laughs, processing instructions,
XInclude, remote schemas) refused with ParseError without leaking what it
tried to read; size and depth limits raising LimitError."""
import pickle
import socket
import threading
import time
import unittest

from support import CAMERA, DATA, MINIMAL_V3, TempDirTestCase, etsi

HOSTILE = DATA / "hostile"
SECRET = "etsi-py-secret-7f3a9c1e-do-not-leak"

# class, code, name, built-in base (None: only etsi.Error)
TABLE = [
    (etsi.NoMemoryError, -2, "ENOMEM", MemoryError),
    (etsi.InvalidError, -3, "EINVALID", ValueError),
    (etsi.NotFoundError, -4, "ENOTFOUND", LookupError),
    (etsi.ExistsError, -5, "EEXISTS", ValueError),
    (etsi.FileError, -6, "EIO", OSError),
    (etsi.MissingFileError, -6, "EIO", FileNotFoundError),
    (etsi.ParseError, -7, "EPARSE", None),
    (etsi.ValidationError, -8, "EVALIDATION", None),
    (etsi.LimitError, -9, "ELIMIT", None),
    (etsi.UnsupportedError, -10, "EUNSUPPORTED", None),
    (etsi.ReadOnlyError, -11, "EREADONLY", None),
    (etsi.TransformError, -12, "ETRANSFORM", None),
    (etsi.IntegrityError, -13, "EINTEGRITY", None),
    (etsi.ConflictError, -14, "ECONFLICT", None),
    (etsi.StoppedError, -15, "ESTOPPED", None),
]


def raising(cls):
    """A call that makes libetsi fail with the class's code (None: the
    code cannot be provoked from Python, see test_no_memory)."""
    def stylesheet_reading_a_file():
        import tempfile, os
        fd, path = tempfile.mkstemp(suffix=".xsl")
        with os.fdopen(fd, "w") as f:
            f.write('<xsl:stylesheet version="1.0" '
                    'xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                    '<xsl:template match="/"><xsl:value-of select="document(\'/etc/hostname\')"/>'
                    '</xsl:template></xsl:stylesheet>')
        try:
            etsi.load(CAMERA).report(stylesheet=path)
        finally:
            os.unlink(path)

    def signature_of_a_changed_dossier():
        import subprocess, tempfile, os
        with tempfile.TemporaryDirectory() as tmp:
            key, cert = os.path.join(tmp, "k.pem"), os.path.join(tmp, "c.pem")
            subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                            "ec_paramgen_curve:P-256", "-nodes", "-keyout", key, "-out", cert,
                            "-days", "2", "-subj", "/CN=errors test"],
                           check=True, capture_output=True)
            dossier = etsi.load(CAMERA)
            dossier.sign(key, cert)
            signed = dossier.to_xml().replace('version="3.4.0"', 'version="3.4.1"', 1)
            etsi.verify(signed.encode(), cert)

    def save_over_a_changed_file():
        import tempfile, os
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "d.xml")
            with open(CAMERA, "rb") as f, open(path, "wb") as g:
                g.write(f.read())
            with etsi.load(path) as dossier:
                with open(path, "ab") as g:
                    g.write(b"<!-- changed -->")
                dossier.save()

    def progress_that_stops():
        lifecycle = DATA / "lifecycle"
        with etsi.load(lifecycle / "evidence.xml") as dossier:
            dossier.verify_artifacts(lifecycle / "package", progress=lambda p: False)

    return {
        etsi.NoMemoryError: None,
        etsi.StoppedError: progress_that_stops,
        etsi.InvalidError: lambda: etsi.load(CAMERA).set_ics("5.3-2", "maybe"),
        etsi.NotFoundError: lambda: etsi.load(CAMERA).set_ics("5.3-99", "Y"),
        etsi.ExistsError: lambda: etsi.load(CAMERA).add(
            "component", id="comp-fw", kind="firmware", updateable="true", name="x"),
        etsi.FileError: lambda: etsi.load("/"),  # not a file; a missing one is:
        etsi.MissingFileError: lambda: etsi.load("/nonexistent/dossier.xml"),
        etsi.ParseError: lambda: etsi.load(HOSTILE / "malformed-line3.xml"),
        etsi.ValidationError: lambda: etsi.load(DATA / "schema-invalid" / "bad-date.xml"),
        etsi.LimitError: lambda: etsi.load(CAMERA, max_size=100),
        etsi.UnsupportedError: lambda: etsi.catalog("9.9.9"),
        etsi.ReadOnlyError: lambda: etsi.load(CAMERA).header.set("en303645", "2.1.1"),
        etsi.TransformError: stylesheet_reading_a_file,
        etsi.IntegrityError: signature_of_a_changed_dossier,
        etsi.ConflictError: save_over_a_changed_file,
    }[cls]


class ClassesTest(unittest.TestCase):
    def test_hierarchy(self):
        for cls, code, name, base in TABLE:
            with self.subTest(cls.__name__):
                self.assertTrue(issubclass(cls, etsi.Error))
                self.assertTrue(issubclass(cls, Exception))
                if base is not None:
                    self.assertTrue(issubclass(cls, base))
                self.assertEqual(cls.__module__, "etsi")
                self.assertIs(getattr(etsi, cls.__name__), cls)
                self.assertIn(cls.__name__, etsi.__all__)
                self.assertTrue(cls.__doc__)
        self.assertFalse(issubclass(etsi.ParseError, ValueError))
        self.assertFalse(issubclass(etsi.Error, ValueError))
        self.assertEqual(etsi.Error.code, -1)
        self.assertEqual(etsi.Error.name, "ERROR")

    def test_every_class_is_raised_by_libetsi(self):
        for cls, code, name, base in TABLE:
            call = raising(cls)
            if call is None:
                continue
            with self.subTest(cls.__name__):
                with self.assertRaises(cls) as cm:
                    call()
                e = cm.exception
                self.assertIs(type(e), cls)
                self.assertEqual((e.code, e.name), (code, name))
                self.assertEqual((cls.code, cls.name), (code, name))  # the class defaults agree
                self.assertTrue(e.message)
                self.assertEqual(e.args, (e.message,))
                self.assertTrue(e.file is None or isinstance(e.file, str))
                self.assertIsInstance(e.line, int)
                self.assertIsInstance(e.column, int)
                if base is not None:
                    with self.assertRaises(base):
                        call()
                with self.assertRaises(etsi.Error):
                    call()

    def test_file_and_line(self):
        path = DATA / "schema-invalid" / "bad-date.xml"
        with self.assertRaises(etsi.ValidationError) as cm:
            etsi.load(path)
        e = cm.exception
        self.assertEqual((e.file, e.line), (str(path), 5))
        self.assertEqual(str(e), f"{path}:5: {e.message}")
        with self.assertRaises(etsi.FileError) as cm:
            etsi.load("/nonexistent/dossier.xml")
        self.assertEqual(str(cm.exception), f"/nonexistent/dossier.xml: {cm.exception.message}")
        with self.assertRaises(etsi.UnsupportedError) as cm:
            etsi.catalog("9.9.9")
        self.assertIsNone(cm.exception.file)
        self.assertEqual(cm.exception.line, 0)
        self.assertEqual(str(cm.exception), cm.exception.message)

    def test_raised_from_python(self):
        # the binding's own checks raise the same classes, with every attribute
        with self.assertRaises(etsi.InvalidError) as cm:
            etsi.load(CAMERA).records("no-such-kind")
        e = cm.exception
        self.assertEqual((e.code, e.name, e.file, e.line, e.column), (-3, "EINVALID", None, 0, 0))
        self.assertEqual(str(e), e.message)

    def test_no_memory(self):
        # ENOMEM cannot be provoked reliably from Python; the class is what
        # the C layer raises for it, and it is a MemoryError
        e = etsi.NoMemoryError("out of memory")
        self.assertIsInstance(e, MemoryError)
        self.assertEqual((e.code, e.name), (-2, "ENOMEM"))
        with self.assertRaises(MemoryError):
            raise e

    def test_pickle(self):
        with self.assertRaises(etsi.ValidationError) as cm:
            etsi.load(DATA / "schema-invalid" / "bad-date.xml")
        again = pickle.loads(pickle.dumps(cm.exception))
        self.assertIs(type(again), etsi.ValidationError)
        self.assertEqual((again.code, again.file, again.line, str(again)),
                         (cm.exception.code, cm.exception.file, 5, str(cm.exception)))

    def test_not_sticky(self):
        # a failure leaves nothing behind for the next call
        with self.assertRaises(etsi.NotFoundError):
            etsi.load(CAMERA).set_ics("5.3-99", "Y")
        d = etsi.load(CAMERA)
        d.set_ics("5.3-2", "Y")
        self.assertEqual(d.validate(), [])


class HostileTest(TempDirTestCase):
    def hostile(self, name):
        """A fixture with @SECRET@ pointing at a secret file of the test."""
        secret = self.tmp / "secret.txt"
        secret.write_text(SECRET + "\n")
        text = (HOSTILE / name).read_text(encoding="utf-8").replace("@SECRET@", str(secret))
        path = self.tmp / name
        path.write_text(text, encoding="utf-8")
        return path, text

    def assertRefused(self, load, *, line=None):
        with self.assertRaises(etsi.ParseError) as cm:
            load()
        e = cm.exception
        for shown in (str(e), repr(e), e.message, str(e.args), str(vars(e))):
            self.assertNotIn(SECRET, shown)
        if line is not None:
            self.assertEqual(e.line, line)
        return e

    def test_xxe_never_leaks(self):
        for name in ("xxe-file.xml", "xxe-parameter.xml", "external-dtd.xml"):
            with self.subTest(name):
                path, text = self.hostile(name)
                e = self.assertRefused(lambda: etsi.load(path), line=2)
                self.assertIn("DOCTYPE", e.message)
                self.assertRefused(lambda: etsi.load(path, validate=False))
                self.assertRefused(lambda: etsi.loads(text))
                self.assertRefused(lambda: etsi.loads(text.encode("utf-8"), validate=False))

    def test_doctype_refused(self):
        for name in ("doctype-only.xml", "internal-subset.xml"):
            with self.subTest(name):
                self.assertRefused(lambda: etsi.load(HOSTILE / name), line=2)

    def test_billion_laughs_is_quick(self):
        start = time.monotonic()
        self.assertRefused(lambda: etsi.load(HOSTILE / "billion-laughs.xml"))
        self.assertLess(time.monotonic() - start, 5)

    def test_doctype_in_a_valid_dossier(self):
        text = MINIMAL_V3.read_text(encoding="utf-8").replace(
            "<dossier", '<!DOCTYPE dossier [<!ENTITY x "y">]>\n<dossier', 1)
        self.assertRefused(lambda: etsi.loads(text))

    def test_other_refused_constructs(self):
        for name, line in (("pi-in-body.xml", 4), ("stylesheet-pi.xml", 2),
                           ("malformed-line3.xml", 3), ("nul-byte.xml", None),
                           ("invalid-utf8.xml", None), ("overlong-utf8.xml", None),
                           ("empty.xml", None)):
            with self.subTest(name):
                self.assertRefused(lambda: etsi.load(HOSTILE / name), line=line)
        self.assertRefused(lambda: etsi.load(DATA / "invalid" / "xinclude.xml"), line=16)

    def test_invalid_utf8_bytes(self):
        data = (HOSTILE / "invalid-utf8.xml").read_bytes()
        # bytes reach the parser as they are, which refuses them with a line
        with self.assertRaises(etsi.ParseError) as caught:
            etsi.loads(data)
        self.assertIn("UTF-8", str(caught.exception))
        self.assertGreater(caught.exception.line, 0)

    def test_no_network(self):
        server = socket.socket()
        server.bind(("127.0.0.1", 0))
        server.listen(5)
        server.settimeout(0.2)
        port = server.getsockname()[1]
        accepted = []

        def serve():
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline:
                try:
                    conn, _ = server.accept()
                except socket.timeout:
                    continue
                accepted.append(conn.recv(1024))
                conn.close()

        thread = threading.Thread(target=serve)
        thread.start()
        try:
            text = (HOSTILE / "schema-location.xml").read_text().replace("@PORT@", str(port))
            with self.assertRaises(etsi.Error):
                etsi.loads(text)
            body = MINIMAL_V3.read_text(encoding="utf-8").replace(
                'schema-version="1.0"',
                'schema-version="1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                f'xsi:schemaLocation="urn:libetsi:dossier:1 http://127.0.0.1:{port}/d.xsd"', 1)
            d = etsi.loads(body)
            d.check()
        finally:
            thread.join()
            server.close()
        self.assertEqual(accepted, [])


class LimitTest(TempDirTestCase):
    def test_max_size(self):
        size = CAMERA.stat().st_size
        with self.assertRaises(etsi.LimitError) as cm:
            etsi.load(CAMERA, max_size=size - 1)
        self.assertEqual(cm.exception.file, str(CAMERA))
        self.assertIn("limit", cm.exception.message)
        etsi.load(CAMERA, max_size=size)

    def test_default_size_limit(self):
        path = self.tmp / "huge.xml"
        with open(path, "wb") as f:
            f.write(b'<?xml version="1.0"?>\n')
            f.truncate(64 * 1024 * 1024 + 1)  # sparse: nothing is written
        with self.assertRaises(etsi.LimitError) as cm:
            etsi.load(path)
        self.assertIn("64", cm.exception.message)

    def test_depth(self):
        deep = "<a>" * 100 + "</a>" * 100
        with self.assertRaises(etsi.LimitError) as cm:
            etsi.loads(deep)
        self.assertEqual(cm.exception.file, "<memory>")
        with self.assertRaises(etsi.LimitError):
            etsi.load(CAMERA, max_depth=3)
        path = self.tmp / "deep.xml"
        path.write_text(deep)
        with self.assertRaises(etsi.LimitError):
            etsi.load(path)
        # a higher limit lets it through to the next check
        with self.assertRaises(etsi.ValidationError):
            etsi.load(path, max_depth=200)

    def test_max_elements(self):
        # etsi_load_options.max_elements, counted before parsing
        text = CAMERA.read_text(encoding="utf-8")
        for load in (lambda **kw: etsi.load(CAMERA, **kw),
                     lambda **kw: etsi.loads(text, **kw),
                     lambda **kw: etsi.Dossier.load(CAMERA, **kw)):
            with self.assertRaises(etsi.LimitError) as cm:
                load(max_elements=50)
            self.assertIn("more than 50 elements", cm.exception.message)
            self.assertGreater(cm.exception.line, 0)
            load(max_elements=1000000)
        with self.assertRaises(etsi.InvalidError):
            etsi.load(CAMERA, max_elements=-1)

    def test_max_elements_of_json(self):
        text = etsi.load(CAMERA).export()
        path = self.tmp / "camera.json"
        path.write_text(text, encoding="utf-8")
        for load in (lambda **kw: etsi.loads_json(text, **kw),
                     lambda **kw: etsi.load_json(path, **kw)):
            with self.assertRaises(etsi.LimitError) as cm:
                load(max_elements=50)
            self.assertIn("max_elements", cm.exception.message)
            load(max_elements=1000000)


if __name__ == "__main__":
    unittest.main()
