"""Tests of `etsi import --from cyclonedx|spdx` with SBOMs as they are
published (docs/interchange.md, "Components from an SBOM"): CycloneDX 1.2 to
1.7 in JSON and XML, SPDX 2.2 and 2.3 in JSON and tag-value and SPDX 3.0
JSON-LD accepted;
other versions refused naming the supported ones; a malformed SPDX 3.0
graph refused with its JSON pointer; nothing written on a refusal; and the
real SBOMs of firmware and embedded builds in tests/data/sbom-public (their
sources in tests/data/README.md), each imported and timed.
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

CLI = os.environ["ETSI_CLI"]
SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])
DATA = pathlib.Path(os.environ.get("ETSI_TEST_DATA", SOURCE / "tests" / "data"))
SHARED = pathlib.Path(os.environ.get("ETSI_SHARED_DATA") or SOURCE.parent / "shared" / "data")
INTERCHANGE = DATA / "interchange"
PUBLIC = DATA / "sbom-public"
MINIMAL = DATA / "valid" / "minimal-v3.xml"
CAMERA = SOURCE / "examples" / "dossiers" / "smart-camera-v3.xml"

SUPPORTED_CDX = "libetsi reads CycloneDX 1.2 to 1.7"
SUPPORTED_SPDX = "libetsi reads SPDX 2.2 and 2.3 (JSON or tag-value) and SPDX 3.0 (JSON-LD)"

# (format, file, components added, or None when refused, what stderr says)
PUBLIC_SBOMS = [
    ("spdx", "yocto-time-1.9.spdx-2.2.json", 1, None),
    ("spdx", "yocto-recipe-time-1.9.spdx-2.2.json", 1, None),
    ("spdx", "zephyr-west-zephyr-sources.spdx-2.2.tag", 1, None),
    ("spdx", "zephyr-west-build.spdx-2.2.tag", 53, None),
    ("spdx", "spdx-example11-rust-hello-server.spdx-3.0.1.json", 4, None),
    ("cyclonedx", "cdx-spec-valid-bom-1.2.xml", 4, None),
    ("cyclonedx", "cdx-spec-valid-bom-1.7.json", 4, None),
    ("cyclonedx", "cdx-spec-valid-bom-1.7.xml", 4, None),
]


def etsi(*args):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=300)


def cdx_json(version):
    return ('{"bomFormat": "CycloneDX", "specVersion": "%s", "version": 1, "components": '
            '[{"type": "firmware", "name": "radio-fw", "version": "7.35", '
            '"purl": "pkg:generic/example/radio-fw@7.35", '
            '"hashes": [{"alg": "SHA-256", "content": "%s"}]}]}' % (version, "ab" * 32))


def cdx_xml(version):
    return ('<?xml version="1.0"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/%s" version="1">'
            '<components><component type="firmware"><name>radio-fw</name><version>7.35</version>'
            '<hashes><hash alg="SHA-256">%s</hash></hashes>'
            '<purl>pkg:generic/example/radio-fw@7.35</purl></component></components></bom>\n'
            % (version, "ab" * 32))


class SbomTest(unittest.TestCase):
    def setUp(self):
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="etsi-sbom-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def copy(self, src, name="dossier.xml"):
        dst = self.tmp / name
        shutil.copyfile(src, dst)
        return dst

    def test_cyclonedx_versions(self):
        """1.2 to 1.7, JSON and XML, read; 1.1 and 1.8 refused naming them."""
        for version in ("1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"):
            for enc, text in (("json", cdx_json(version)), ("xml", cdx_xml(version))):
                with self.subTest(version=version, encoding=enc):
                    bom = self.tmp / f"bom-{version}.cdx.{enc}"
                    bom.write_text(text, encoding="utf-8")
                    target = self.copy(MINIMAL)
                    before = target.read_bytes()
                    r = etsi("import", "--from", "cyclonedx", bom, "--into", target)
                    if version in ("1.1", "1.8"):
                        self.assertEqual(r.returncode, 1, r.stderr)
                        self.assertIn(f"CycloneDX {version} is not supported; {SUPPORTED_CDX}",
                                      r.stderr)
                        self.assertIn("nothing imported", r.stderr)
                        self.assertEqual(target.read_bytes(), before)
                    else:
                        self.assertEqual(r.returncode, 0, r.stderr)
                        self.assertIn("1 added", r.stderr)
                        self.assertIn("<purl>pkg:generic/example/radio-fw@7.35</purl>",
                                      target.read_text(encoding="utf-8"))

    def test_spdx_versions_merge(self):
        """SPDX 2.3, 2.2, 3.0 and tag-value of one SBOM give one set of
        components."""
        target = self.copy(MINIMAL)
        r = etsi("import", "--from", "spdx", INTERCHANGE / "sbom-small.spdx3.json",
                 "--into", target)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("3 added, 0 updated, 0 unchanged, 1 skipped", r.stderr)
        for name in ("sbom-small.spdx.json", "sbom-small.spdx-2.2.json", "sbom-small.spdx3.json",
                     "sbom-small.spdx.tag"):
            with self.subTest(name):
                r = etsi("import", "--from", "spdx", INTERCHANGE / name, "--into", target)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertIn("0 added", r.stderr)
        text = target.read_text(encoding="utf-8")
        self.assertEqual(text.count("<purl>pkg:generic/openssl@3.0.14</purl>"), 1)
        self.assertIn("<supplier>OpenSSL Software Foundation</supplier>", text)
        self.assertIn('<hash alg="SHA-1">e6b1000b94e835ffd37f4c6dcbdad43f4b48a02a</hash>', text)
        self.assertNotIn("EX-100 main board", text)
        self.assertEqual(etsi("validate", target).returncode, 0)

    def test_refused_write_nothing(self):
        """Unknown versions name the supported ones; a malformed SPDX 3.0
        graph is located; the dossier and -o stay untouched."""
        cases = [
            ("cyclonedx", "bad-version-1.8.cdx.json",
             "/specVersion: CycloneDX 1.8 is not supported; " + SUPPORTED_CDX),
            ("cyclonedx", "bad-version-1.1.cdx.xml",
             "bad-version-1.1.cdx.xml:2: error: CycloneDX 1.1 is not supported; " + SUPPORTED_CDX),
            ("spdx", "bad-version-2.1.spdx.json",
             "/spdxVersion: SPDX-2.1 is not supported; " + SUPPORTED_SPDX),
            ("spdx", "bad-version.spdx3.json",
             "/@graph: SPDX 3.1 is not supported; " + SUPPORTED_SPDX),
            ("spdx", "bad-version-2.1.spdx.tag",
             "bad-version-2.1.spdx.tag:2: error: SPDX-2.1 is not supported; " + SUPPORTED_SPDX),
            ("spdx", "bad-line.spdx.tag",
             'bad-line.spdx.tag:5: error: this is not a "Tag: value" line of SPDX tag-value'),
            ("spdx", "bad-text.spdx.tag",
             "bad-text.spdx.tag:6: error: the <text> of PackageDescription is not closed"),
            ("spdx", "sbom-small.cdx.xml", "this is not SPDX JSON; " + SUPPORTED_SPDX),
            ("spdx", "bad-graph.spdx3.json", "/@graph/1: an element is an object, not a string"),
            ("spdx", "bad-package.spdx3.json", "/@graph/1/name: is missing; every package has a name"),
            ("spdx", "bad-package.spdx3.json",
             "/@graph/2/suppliedBy: is an integer; it must be the spdxId of an agent"),
        ]
        target = self.copy(MINIMAL)
        before = target.read_bytes()
        for i, (fmt, name, needle) in enumerate(cases):
            with self.subTest(name=name, needle=needle):
                out = self.tmp / f"out-{i}.xml"
                r = etsi("import", "--from", fmt, INTERCHANGE / name, "--into", target, "-o", out)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertIn(needle, r.stderr)
                self.assertIn("nothing imported", r.stderr)
                self.assertFalse(out.exists())
                r = etsi("import", "--from", fmt, INTERCHANGE / name, "--into", target)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertEqual(target.read_bytes(), before)

    def test_public_sboms(self):
        """Each real SBOM: the result and the time of its import."""
        for fmt, name, added, refusal in PUBLIC_SBOMS:
            with self.subTest(name):
                target = self.copy(CAMERA)
                before = target.read_bytes()
                start = time.monotonic()
                r = etsi("import", "--from", fmt, PUBLIC / name, "--into", target)
                elapsed = time.monotonic() - start
                if refusal:
                    self.assertEqual(r.returncode, 1, r.stderr)
                    self.assertIn(refusal, r.stderr)
                    self.assertEqual(target.read_bytes(), before)
                    result = "refused"
                else:
                    self.assertEqual(r.returncode, 0, r.stderr)
                    self.assertIn(f"{added} added, 0 updated, 0 unchanged", r.stderr)
                    self.assertEqual(etsi("validate", target).returncode, 0)
                    r = etsi("import", "--from", fmt, PUBLIC / name, "--into", target)
                    self.assertEqual(r.returncode, 0, r.stderr)
                    self.assertIn(f"0 added, 0 updated, {added} unchanged", r.stderr)
                    result = f"{added} added"
                print(f"sbom-public/{name}: {result} in {elapsed * 1000:.0f} ms", file=sys.stderr)

    def test_yocto_cpe(self):
        """Yocto's URI-typed reference gives the component its CPE."""
        target = self.copy(MINIMAL)
        r = etsi("import", "--from", "spdx", PUBLIC / "yocto-recipe-time-1.9.spdx-2.2.json",
                 "--into", target)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("<cpe>cpe:2.3:a:*:time:1.9:*:*:*:*:*:*:*</cpe>",
                      target.read_text(encoding="utf-8"))

    def test_spdx3_twin_of_published_23(self):
        """The SPDX 3.0 form of a published SPDX 2.3 SBOM adds nothing new."""
        twin = SHARED / "sbom" / "spdx" / "example11-rust-hello-server.spdx-2.3.json"
        if not twin.is_file():
            self.skipTest(f"test_spdx3_twin_of_published_23: {twin} is absent")
        target = self.copy(MINIMAL)
        r = etsi("import", "--from", "spdx", twin, "--into", target)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("4 added", r.stderr)
        r = etsi("import", "--from", "spdx",
                 PUBLIC / "spdx-example11-rust-hello-server.spdx-3.0.1.json", "--into", target)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("0 added, 0 updated, 4 unchanged", r.stderr)


if __name__ == "__main__":
    unittest.main()
