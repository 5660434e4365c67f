#!/bin/sh
# Compares libetsi with the XML tools under it, in one run, and prints the
# ratios against the targets of docs/hardening.md:
#
#   1. `etsi validate` vs `xmllint --noout --schema xsd/dossier.xsd` on the
#      same files, 1x, 10x and 100x dossiers: time and peak memory
#      (target: etsi within 1.2x of xmllint in both);
#   2. `etsi report --format html` vs `xsltproc stylesheets/report-html.xsl`
#      on the input the engine transforms (`etsi report --format input`),
#      1x, 10x, 100x (target: within 1.2x);
#   3. `etsi check` and `etsi plan` at 1x, 10x, 100x and 1000x (target:
#      linear; 100x costs at most 110x of 1x, and 1000x about 10x of 100x);
#   4. a batch of BATCH dossiers checked in one `etsi check --jobs JOBS` call
#      vs one `xmllint --schema` process per file (target: at least 10x the
#      throughput).
#
# Times are the best of RUNS runs (wall clock, and the user + system CPU
# of that run, from wait4's rusage, to the microsecond); memory is the
# peak RSS of that run as GNU time (-v, %M) reports it.  The dossiers are
# bench/gen_dossier.py copies of an example.
#
#   bench/compare.sh [BUILD_DIR]
#
# Environment: RUNS (default 3), SCALES (default "1 10 100 1000"), BATCH
# (default 1000), JOBS (default: every processor), EXAMPLE (default
# examples/dossiers/smart-camera-v3.xml), PARTS (default "1 2 3 4": which
# of the comparisons above to run), INSTR=1 (1. and 2. also count the
# instructions each command executes, under valgrind's callgrind, once:
# unlike times, that count does not depend on what else runs on the
# machine).  On a shared machine take RUNS=7 or more, the best of N being
# the run the other load disturbed least, and INSTR=1.  Needs GNU time (/usr/bin/time),
# xmllint and xsltproc (scripts/install-deps.sh installs them).
# Benchmarks are not tests: nothing here fails on a number.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
build=${1:-$src/build/default}
etsi=$build/tools/etsi/etsi

test -x "$etsi" || { echo "no etsi at $etsi; build first (cmake --preset default && cmake --build --preset default)"; exit 2; }
test -x /usr/bin/time || { echo "GNU time is not installed (apt-get install time)"; exit 2; }
command -v xmllint >/dev/null || { echo "xmllint is not installed (apt-get install libxml2-utils)"; exit 2; }
command -v xsltproc >/dev/null || { echo "xsltproc is not installed (apt-get install xsltproc)"; exit 2; }

exec python3 - "$src" "$etsi" <<'PY'
import os
import shutil
import subprocess
import sys
import tempfile
import time

src, etsi = sys.argv[1], sys.argv[2]
RUNS = int(os.environ.get("RUNS", "3"))
PARTS = os.environ.get("PARTS", "1 2 3 4").split()
INSTR = os.environ.get("INSTR", "") == "1" and shutil.which("valgrind") is not None
SCALES = [int(s) for s in os.environ.get("SCALES", "1 10 100 1000").split()]
BATCH = int(os.environ.get("BATCH", "1000"))
JOBS = int(os.environ.get("JOBS", str(os.cpu_count() or 1)))
EXAMPLE = os.environ.get("EXAMPLE", os.path.join(src, "examples/dossiers/smart-camera-v3.xml"))
XSD = os.path.join(src, "xsd/dossier.xsd")
XSL = os.path.join(src, "stylesheets/report-html.xsl")
DATE = "2026-06-01"
work = tempfile.mkdtemp(prefix="etsi-compare-")


def measure(cmd, runs=RUNS, ok=(0, 1)):
    """best wall time of runs, with the CPU time and peak RSS of that run.
    The command runs under GNU time, which gives the peak RSS (%M, as -v
    prints it; measured from a small process, so the RSS this script has
    when it forks does not count); wall and CPU time are taken here, from
    the clock and from wait4()'s rusage of time and the command it waited
    for, in microseconds rather than time's hundredths of a second."""
    best = None
    out = os.path.join(work, "time.out")
    for _ in range(runs):
        t = time.perf_counter()
        p = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", out, *cmd],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        code = os.waitstatus_to_exitcode(status)
        if code not in ok:
            sys.exit(f"{' '.join(cmd)} failed with status {code}")
        rss = int(open(out).read().split()[-1])
        m = (wall, ru.ru_utime + ru.ru_stime, rss / 1024.0)
        if best is None or m[0] < best[0]:
            best = m
    return best


def instructions(cmd):
    """the instructions cmd executes (callgrind's "Collected"), or None
    without INSTR=1"""
    if not INSTR:
        return None
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in p.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split()[-1])
    return None


def instr_column(e, x):
    """' Ir x 1.18 (137 M / 116 M)' or ''"""
    if e is None or x is None:
        return ""
    return f"  Ir x {ratio(e, x):4.2f} ({e / 1e6:.0f} M / {x / 1e6:.0f} M)"


def ratio(a, b):
    return a / b if b else float("nan")


def verdict(value, target):
    return "ok" if value <= target else "MISSED"


def generate(scale):
    path = os.path.join(work, f"dossier-{scale}x.xml")
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(src, "bench/gen_dossier.py"),
                        "--scale", str(scale), EXAMPLE, "-o", path], check=True)
    return path


def mb(path):
    return os.path.getsize(path) / 1e6


print(f"etsi {etsi}; example {os.path.relpath(EXAMPLE, src)}; best of {RUNS} runs; "
      f"{os.cpu_count()} processors, load average {os.getloadavg()[0]:.1f}")
print("times: wall seconds (CPU seconds); memory: peak RSS in MiB\n")

summary = []
# 1. validate vs xmllint
if "1" in PARTS:
    print("1. etsi validate vs xmllint --noout --schema xsd/dossier.xsd (target: <= 1.2x time and memory)")
    print(f"{'scale':>6} {'MB':>7} {'etsi':>16} {'MiB':>7} {'xmllint':>16} {'MiB':>7} "
          f"{'time x':>7} {'cpu x':>6} {'mem x':>6}")
    for scale in [s for s in SCALES if s <= 100]:
        f = generate(scale)
        e = measure([etsi, "validate", f])
        x = measure(["xmllint", "--noout", "--schema", XSD, f])
        tr, cr, mr = ratio(e[0], x[0]), ratio(e[1], x[1]), ratio(e[2], x[2])
        ir = instr_column(instructions([etsi, "validate", f]),
                          instructions(["xmllint", "--noout", "--schema", XSD, f]))
        print(f"{scale:>5}x {mb(f):7.2f} {e[0]:7.3f} ({e[1]:6.3f}) {e[2]:7.1f} {x[0]:7.3f} ({x[1]:6.3f}) "
              f"{x[2]:7.1f} {tr:7.2f} {cr:6.2f} {mr:6.2f}{ir}")
        summary.append(("validate", scale, tr, cr, mr))
    print()

# 2. report vs xsltproc
if "2" in PARTS:
    print("2. etsi report --format html vs xsltproc stylesheets/report-html.xsl on the same input "
          "(target: <= 1.2x)")
    print(f"{'scale':>6} {'MB':>7} {'etsi':>16} {'MiB':>7} {'xsltproc':>16} {'MiB':>7} "
          f"{'time x':>7} {'cpu x':>6} {'mem x':>6} same")
    for scale in [s for s in SCALES if s <= 100]:
        f = generate(scale)
        inp = os.path.join(work, f"input-{scale}x.xml")
        html_e = os.path.join(work, "etsi.html")
        html_x = os.path.join(work, "xsltproc.html")
        subprocess.run([etsi, "report", f, "--format", "input", "--date", DATE, "-o", inp],
                       check=True, stderr=subprocess.DEVNULL)
        e = measure([etsi, "report", f, "--format", "html", "--date", DATE, "-o", html_e,
                     "--force"], ok=(0,))
        x = measure(["xsltproc", "-o", html_x, XSL, inp], ok=(0,))
        same = "yes" if open(html_e, "rb").read() == open(html_x, "rb").read() else "no"
        tr, cr, mr = ratio(e[0], x[0]), ratio(e[1], x[1]), ratio(e[2], x[2])
        ir = instr_column(instructions([etsi, "report", f, "--format", "html", "--date", DATE,
                                        "-o", html_e, "--force"]),
                          instructions(["xsltproc", "-o", html_x, XSL, inp]))
        print(f"{scale:>5}x {mb(f):7.2f} {e[0]:7.3f} ({e[1]:6.3f}) {e[2]:7.1f} {x[0]:7.3f} ({x[1]:6.3f}) "
              f"{x[2]:7.1f} {tr:7.2f} {cr:6.2f} {mr:6.2f} {same:>4}{ir}")
        summary.append(("report", scale, tr, cr, mr))
    print()

# 3. check and plan scaling
if "3" in PARTS:
    print("3. etsi check and etsi plan by size (target: linear; 100x <= 110x of 1x)")
    print(f"{'scale':>6} {'MB':>7} {'check':>16} {'MiB':>7} {'vs 1x':>7} {'plan':>16} {'MiB':>7} "
          f"{'vs 1x':>7}")
    base = {}
    prev = {}
    steps = []
    for scale in SCALES:
        f = generate(scale)
        row = []
        for cmd in ("check", "plan"):
            m = measure([etsi, cmd, "--as-of", DATE, f])
            base.setdefault(cmd, m)
            row.append((m, ratio(m[1], base[cmd][1])))
            if cmd in prev:
                steps.append((cmd, prev[cmd][0], scale, ratio(m[1], prev[cmd][1][1])))
            prev[cmd] = (scale, m)
        (c, cx), (p, px) = row
        print(f"{scale:>5}x {mb(f):7.2f} {c[0]:7.3f} ({c[1]:6.3f}) {c[2]:7.1f} {cx:6.1f}x "
              f"{p[0]:7.3f} ({p[1]:6.3f}) {p[2]:7.1f} {px:6.1f}x")
        if scale == 100:
            summary.append(("check 100x/1x (cpu)", 100, cx, None, None))
            summary.append(("plan 100x/1x (cpu)", 100, px, None, None))
    for cmd, a, b, r in steps:
        print(f"   {cmd}: {b}x / {a}x = {r:5.1f} in CPU time (linear: {b / a:.0f})")
    print()

# 4. batch
if "4" in PARTS:
    print(f"4. {BATCH} dossiers: one `etsi check --jobs {JOBS}` vs one `xmllint --schema` process "
          f"per file (target: >= 10x throughput)")
    batch = os.path.join(work, "batch")
    os.makedirs(batch)
    seeds = sorted(os.path.join(src, "examples/dossiers", n)
                   for n in os.listdir(os.path.join(src, "examples/dossiers")) if n.endswith(".xml"))
    files = []
    for i in range(BATCH):
        path = os.path.join(batch, f"d{i:04d}.xml")
        shutil.copyfile(seeds[i % len(seeds)], path)
        files.append(path)
    e = measure([etsi, "check", "--jobs", str(JOBS), "--as-of", DATE, *files], runs=1)
    e1 = measure([etsi, "check", "--jobs", "1", "--as-of", DATE, *files], runs=1)
    before = os.times()
    t = time.perf_counter()
    for path in files:
        subprocess.run(["xmllint", "--noout", "--schema", XSD, path],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    xw = time.perf_counter() - t
    after = os.times()
    xc = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    print(f"   etsi check --jobs {JOBS}: {e[0]:7.2f} s ({e[1]:6.2f} CPU), {BATCH / e[0]:8.1f} files/s, "
          f"{e[2]:.0f} MiB")
    print(f"   etsi check --jobs 1: {e1[0]:7.2f} s ({e1[1]:6.2f} CPU), {BATCH / e1[0]:8.1f} files/s, "
          f"{e1[2]:.0f} MiB")
    print(f"   xmllint per file:     {xw:7.2f} s ({xc:6.2f} CPU), {BATCH / xw:8.1f} files/s")
    br = ratio(xw, e[0])
    print(f"   throughput: {br:.1f}x xmllint's (CPU: {ratio(xc, e[1]):.1f}x); "
          f"--jobs {JOBS} vs --jobs 1: {ratio(e1[0], e[0]):.2f}x")
    summary.append((f"batch throughput vs xmllint", BATCH, br, None, None))
    print()

print("summary (ratios; validate and report: etsi / tool, lower is better; check, plan: 100x/1x; "
      "batch: higher is better)")
for name, scale, tr, cr, mr in summary:
    if name in ("validate", "report"):
        print(f"   {name:8} {scale:>4}x  time {tr:5.2f} ({verdict(tr, 1.2)})  cpu {cr:5.2f} "
              f"({verdict(cr, 1.2)})  memory {mr:5.2f} ({verdict(mr, 1.2)})")
    elif name.startswith("batch"):
        print(f"   {name}: {tr:.1f}x ({'ok' if tr >= 10 else 'MISSED'})")
    else:
        print(f"   {name}: {tr:.1f}x ({verdict(tr, 110)})")
shutil.rmtree(work, ignore_errors=True)
PY
