"""Threads: two dossiers on two threads at once give the results one thread
gives; the long calls release the GIL, so a pure-Python thread keeps running
while libetsi works; errors stay on the thread that caused them."""
import threading
import time
import unittest

from support import (CAMERA, DATA, EXAMPLES_AS_OF, PLUG, RULES, RULES_AS_OF, TempDirTestCase,
                     big_dossier_text, etsi)

ITERATIONS = 50


def evaluation(dossier):
    """Everything one evaluation says, as plain values."""
    results = dossier.evaluate(as_of=EXAMPLES_AS_OF)
    return (results.write("all", "json"), results.write("plan", "csv"),
            [str(f) for f in dossier.check(as_of=EXAMPLES_AS_OF)],
            [o.to_dict() for o in results.outcomes], results.overall, results.ready)


class ConcurrencyTest(unittest.TestCase):
    def test_two_dossiers_on_two_threads(self):
        paths = {"camera": CAMERA, "plug": PLUG,
                 "fixture": RULES / "evidence-missing" / "fail.xml"}
        expected = {name: evaluation(etsi.load(path, validate=False))
                    for name, path in paths.items()}
        self.assertNotEqual(expected["camera"], expected["plug"])
        got = {name: [] for name in paths}
        errors = []
        barrier = threading.Barrier(len(paths))

        def work(name):
            try:
                dossier = etsi.load(paths[name], validate=False)  # one dossier per thread
                barrier.wait()
                for _ in range(ITERATIONS):
                    got[name].append(evaluation(dossier))
            except BaseException as e:  # reported below
                errors.append(e)

        threads = [threading.Thread(target=work, args=(name,)) for name in paths]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        for name in paths:
            self.assertEqual(len(got[name]), ITERATIONS)
            for i, result in enumerate(got[name]):
                self.assertEqual(result, expected[name], f"{name}, iteration {i}")

    def test_loading_on_many_threads(self):
        text = CAMERA.read_text(encoding="utf-8")
        expected = etsi.loads(text).to_xml()
        out, errors = [], []

        def work():
            try:
                for _ in range(20):
                    out.append(etsi.loads(text).to_xml())
            except BaseException as e:
                errors.append(e)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(out, [expected] * 80)

    def test_errors_stay_on_their_thread(self):
        bad = DATA / "schema-invalid" / "bad-date.xml"
        outcomes = {"bad": [], "good": []}
        barrier = threading.Barrier(2)

        def failing():
            barrier.wait()
            for _ in range(ITERATIONS):
                try:
                    etsi.load(bad)
                except etsi.ValidationError as e:
                    outcomes["bad"].append((e.file, e.line, e.code))

        def succeeding():
            barrier.wait()
            for _ in range(ITERATIONS):
                d = etsi.load(CAMERA)
                d.set_ics("5.3-2", "Y")
                outcomes["good"].append(len(d.validate()))

        threads = [threading.Thread(target=failing), threading.Thread(target=succeeding)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(outcomes["bad"], [(str(bad), 5, -8)] * ITERATIONS)
        self.assertEqual(outcomes["good"], [0] * ITERATIONS)


class GilTest(TempDirTestCase):
    """A counter thread runs pure Python while the main thread calls
    libetsi; the longest pause between two of its steps tells whether the
    call held the GIL (the pause lasts the whole call) or not."""

    ITEMS = 12000  # evidence items: a dossier of a few MiB, some 0.1-0.5 s per call

    @classmethod
    def setUpClass(cls):
        cls.text = big_dossier_text(cls.ITEMS)
        cls.dossier = etsi.loads(cls.text)

    def measure(self, call):
        """(duration of the call, longest pause of the counter in it,
        counter steps during it)."""
        state = {"start": None, "end": None, "pause": 0.0, "steps": 0}
        stop = threading.Event()
        running = threading.Event()

        def counter():
            last = time.perf_counter()
            running.set()
            while not stop.is_set():
                now = time.perf_counter()
                start = state["start"]
                if start is not None and now > start and state["end"] is None:
                    state["pause"] = max(state["pause"], now - max(last, start))
                    state["steps"] += 1
                last = now

        thread = threading.Thread(target=counter)
        thread.start()
        running.wait()
        time.sleep(0.02)
        state["start"] = time.perf_counter()
        call()
        end = time.perf_counter()
        state["end"] = end
        stop.set()
        thread.join()
        # a pause that lasted to the end of the call ends after it
        return end - state["start"], state["pause"], state["steps"]

    def assertReleases(self, name, call, attempts=3):
        """The call lets the counter run: its longest pause is well under
        the call's duration (best of a few tries, since a busy machine
        only ever adds pauses)."""
        ratios = []
        for _ in range(attempts):
            duration, pause, steps = self.measure(call)
            self.assertGreater(duration, 0.05, f"{name} is too quick to measure")
            ratios.append((pause / duration, pause, duration, steps))
            if steps > 0 and pause < duration / 2:
                return
        ratio, pause, duration, steps = min(ratios)
        self.fail(f"{name} held the GIL: the counter stopped for {pause:.3f} s "
                  f"of a {duration:.3f} s call ({steps} steps)")

    def test_evaluate_releases_the_gil(self):
        self.assertReleases("evaluate", lambda: self.dossier.evaluate(as_of=RULES_AS_OF))

    def test_check_and_validate_release_the_gil(self):
        self.assertReleases("check", lambda: self.dossier.check(as_of=RULES_AS_OF))
        self.assertReleases("validate", self.dossier.validate)

    def test_load_report_save_release_the_gil(self):
        path = self.tmp / "big.xml"
        self.assertReleases("loads", lambda: etsi.loads(self.text))
        self.assertReleases("save", lambda: self.dossier.save(path))
        self.assertReleases("load", lambda: etsi.load(path))
        self.assertReleases("report", lambda: self.dossier.report("input"))

    def test_counter_advances_during_evaluate(self):
        best = 0.0
        for _ in range(3):
            duration, pause, steps = self.measure(
                lambda: self.dossier.evaluate(as_of=RULES_AS_OF))
            best = max(best, steps / duration)
        # a pure-Python loop makes well over 10,000 steps a second
        self.assertGreater(best, 10000)

    def test_the_measurement_sees_a_held_gil(self):
        # control: Dossier.to_xml() keeps the GIL (it is quick); during one
        # call the counter stands still for about the whole call
        duration, pause, _ = self.measure(self.dossier.to_xml)
        self.assertGreater(pause, duration / 2)

if __name__ == "__main__":
    unittest.main()
