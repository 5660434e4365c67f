"""Who owns what: a record keeps its dossier, catalog or results alive; a
closed owner's records refuse to be read; garbage collection in any order
never touches freed memory; load/free cycles do not grow the process."""
import gc
import random
import unittest
import weakref

from support import (CAMERA, EXAMPLES_AS_OF, PLUG, SANITIZED, SENSOR, etsi, example_paths,
                     rss_bytes)

MB = 1024 * 1024


class KeepAliveTest(unittest.TestCase):
    def test_record_outlives_its_dossier_variable(self):
        d = etsi.load(CAMERA)
        ref = weakref.ref(d)
        fw = d.find("component", "comp-fw")
        artifact = d.evidence[0].children[0]
        name = fw["name"]
        del d
        gc.collect()
        self.assertIsNotNone(ref())  # the records keep it
        self.assertEqual(fw["name"], name)
        self.assertEqual(fw.values("mechanism"), ["mech-ota", "mech-app"])
        self.assertEqual(artifact.parent.kind, "evidence")
        self.assertEqual(fw.owner.dut["model-designation"], "KIC-300")
        del fw, artifact
        gc.collect()
        self.assertIsNone(ref())     # and nothing else does

    def test_parent_and_children_outlive_everything(self):
        ev = etsi.load(CAMERA).evidence[0]
        child = ev.children[0]
        del ev
        gc.collect()
        self.assertEqual(child.parent.kind, "evidence")
        self.assertTrue(child.parent.children)

    def test_catalog_of_a_dropped_dossier(self):
        cat = etsi.load(SENSOR).catalog
        gc.collect()
        self.assertEqual(cat.edition, "2.1.1")
        provision = etsi.load(SENSOR).catalog.find("provision", "5.3-2")
        gc.collect()
        self.assertEqual(provision["status"], "M")
        self.assertEqual(provision.owner.edition, "2.1.1")

    def test_catalog_record_outlives_its_catalog(self):
        provision = etsi.catalog("3.1.3").find("provision", "5.3-2")
        gc.collect()
        self.assertEqual(provision.key, "5.3-2")
        self.assertTrue(provision.owner.to_xml())

    def test_results_outlive_dossier_and_each_other(self):
        outcome = etsi.load(PLUG).evaluate(as_of=EXAMPLES_AS_OF).outcomes[0]
        gc.collect()
        self.assertTrue(outcome["outcome"])
        self.assertTrue(outcome.children[0].parent == outcome)
        summary = etsi.load(SENSOR).evaluate(as_of=EXAMPLES_AS_OF).summary
        gc.collect()
        self.assertEqual(summary["overall"], "PASS")

    def test_added_and_verdict_records(self):
        d = etsi.load(CAMERA)
        v = d.set_verdict("5.3-16-1", "PASS", "tl-meridian", "2026-11-20")
        entry = d.set_ics("5.3-12", "Y", "Warned before restart.")
        del d
        gc.collect()
        self.assertEqual(v["result"], "PASS")
        self.assertEqual(entry["detail"], "Warned before restart.")


class ClosedTest(unittest.TestCase):
    def test_closed_dossier_records_raise_value_error(self):
        d = etsi.load(CAMERA)
        records = [d.header, d.components[0], d.evidence[0].children[0], d.ics[0]]
        catalog = d.catalog
        provision = catalog.provisions[0]
        d.close()
        gc.collect()
        for r in records + [provision]:
            with self.subTest(repr(r)):
                for use in (lambda: r.key, lambda: r.line, lambda: r.parent,
                            lambda: r.children, lambda: r.to_dict(), lambda: list(r),
                            lambda: r[r.fields[0]], lambda: r.values(r.fields[0]),
                            lambda: r.fields[0] in r):
                    with self.assertRaises(ValueError):
                        use()
        with self.assertRaises(ValueError):
            records[1]["version"] = "1"
        with self.assertRaises(ValueError):
            catalog.provisions
        self.assertTrue(catalog.closed)
        # what does not need the C object still works
        self.assertEqual(records[1].kind, "component")
        self.assertIn("id", records[1].fields)
        self.assertIsInstance(hash(records[1]), int)

    def test_closed_results(self):
        r = etsi.load(SENSOR).evaluate(as_of=EXAMPLES_AS_OF)
        plan = r.plan
        r.close()
        with self.assertRaises(ValueError):
            plan[0]["id"]
        with self.assertRaises(ValueError):
            r.findings
        with self.assertRaises(ValueError):
            r.write()

    def test_closed_catalog_leaves_the_dossier(self):
        d = etsi.load(SENSOR)
        cat = d.catalog
        cat.close()
        with self.assertRaises(ValueError):
            cat.edition
        self.assertEqual(d.catalog.edition, "2.1.1")   # a fresh handle works
        self.assertEqual(d.validate(), [])

    def test_dossier_close_with_remove_pending(self):
        d = etsi.load(CAMERA)
        c = d.components[0]
        d.remove(c)
        d.close()
        with self.assertRaises(ValueError):
            c.key


class CollectionOrderTest(unittest.TestCase):
    def test_fuzz(self):
        """Load and drop dossiers, catalogs and results, keep records in
        random order, drop them in random order, collect at random points."""
        rng = random.Random(20261126)
        paths = example_paths()
        kept = []
        for i in range(150):
            owner_kind = rng.choice(("dossier", "dossier", "results", "catalog"))
            d = etsi.load(rng.choice(paths))
            if owner_kind == "dossier":
                pool = d.components + d.ics + d.evidence + [d.header, d.dut]
                pool += [c for e in d.evidence for c in e.children]
                pool += rng.sample(d.catalog.provisions, 3)
            elif owner_kind == "results":
                r = d.evaluate(as_of=EXAMPLES_AS_OF)
                pool = r.plan + r.outcomes + r.gate + [r.summary]
                pool += [c for o in r.outcomes for c in o.children]
                if rng.random() < 0.3:
                    r.close()
            else:
                cat = etsi.catalog(rng.choice(etsi.editions()))
                pool = cat.test_cases + cat.provisions
                pool += [c for t in cat.test_cases for c in t.children]
            kept.extend(rng.sample(pool, min(len(pool), rng.randint(1, 8))))
            if rng.random() < 0.2:
                d.close()
            del d, pool
            rng.shuffle(kept)
            while len(kept) > 60:
                kept.pop()
            if rng.random() < 0.3:
                gc.collect()
            for record in rng.sample(kept, min(5, len(kept))):
                try:
                    record.to_dict()
                    record.key
                    if record.parent is not None:
                        record.parent.children
                except ValueError:
                    self.assertTrue(record.owner.closed)
        rng.shuffle(kept)
        while kept:
            kept.pop()
            if rng.random() < 0.1:
                gc.collect()
        gc.collect()


@unittest.skipIf(SANITIZED, "AddressSanitizer keeps freed memory in quarantine: RSS says "
                            "nothing about leaks there")
class MemoryTest(unittest.TestCase):
    """RSS from /proc/self/statm after a warm-up, then after many cycles."""

    LIMIT = 4 * MB

    @classmethod
    def setUpClass(cls):
        cls.text = CAMERA.read_text(encoding="utf-8")

    def cycle(self, n):
        for _ in range(n):
            d = etsi.loads(self.text)
            fw = d.find("component", "comp-fw")
            fw["version"] = "3.4.1"
            d.add("waiver", id="wv-x", rule="evidence-draft", target="ev-x", owner="own-psl",
                  justification="For the memory test.")
            d.validate()
            d.check(as_of=EXAMPLES_AS_OF)
            r = d.evaluate(as_of=EXAMPLES_AS_OF)
            r.write("all", "json")
            [o.to_dict() for o in r.outcomes]
            d.to_xml()
            d.report("input", date=EXAMPLES_AS_OF)
            d.catalog.find("provision", "5.3-2").to_dict()
            kept = [fw, r.summary]
            del d, r, fw, kept
        gc.collect()

    def test_load_free_cycles_do_not_grow(self):
        self.cycle(40)                       # warm-up: caches, arenas
        before = rss_bytes()
        self.cycle(300)
        growth = rss_bytes() - before
        print(f"\n    RSS growth over 300 load/evaluate/free cycles: {growth / 1024:.0f} KiB",
              end=" ")
        self.assertLess(growth, self.LIMIT)

    def test_file_load_cycles_do_not_grow(self):
        for _ in range(40):
            etsi.load(SENSOR).evaluate(as_of=EXAMPLES_AS_OF)
        gc.collect()
        before = rss_bytes()
        for _ in range(300):
            with etsi.load(SENSOR) as d:
                d.evaluate(as_of=EXAMPLES_AS_OF).close()
        gc.collect()
        self.assertLess(rss_bytes() - before, self.LIMIT)

    def test_exceptions_do_not_grow(self):
        # each exception releases the attribute values it was given
        def fail(n):
            for _ in range(n):
                try:
                    etsi.load("/nonexistent/dossier.xml")
                except etsi.FileError:
                    pass
            gc.collect()

        fail(2000)
        before = rss_bytes()
        fail(20000)
        self.assertLess(rss_bytes() - before, 1 * MB)


if __name__ == "__main__":
    unittest.main()
