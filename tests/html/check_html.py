#!/usr/bin/env python3
"""Front-end checks of libetsi's HTML reports, standard library only.

- find_vnu(), run_vnu(): the Nu Html Checker (vnu-jar from npm, installed
  under tests/html/node_modules by `npm ci` in tests/html), run once on
  many files;
- find_chromium(), screenshot(), dump_dom(): a headless Chromium with a
  fresh profile, nothing fetched from the network;
- read_png(), png_stats(): a small PNG decoder (zlib + struct) to tell a
  rendered page from a blank one;
- write_png(), crop(): to cut a tall screenshot into pages to look at.

Used by tests/cli/test_reports.py.  Run by hand to refresh the
screenshots in docs/screenshots/ (built binary first):

    python3 tests/html/check_html.py screenshots --etsi build/default/tools/etsi/etsi

or to check HTML files yourself:

    python3 tests/html/check_html.py vnu report.html public.html
    python3 tests/html/check_html.py shot report.html out.png
"""
import argparse
import os
import pathlib
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE.parent.parent
VNU_JAR = HERE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# what every headless run gets: no GPU, no network chatter, a fresh profile
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                  "--disable-extensions", "--mute-audio")


# ---- tools ---------------------------------------------------------------

def find_java():
    return shutil.which("java")


def find_vnu():
    """(java, vnu.jar) or None when either is missing."""
    java = find_java()
    if java and VNU_JAR.is_file():
        return java, VNU_JAR
    return None


def run_vnu(paths, timeout=600):
    """Runs the Nu Html Checker once over several files.  Returns
    (returncode, messages): the exit status is 0 when no file has an error."""
    tool = find_vnu()
    if not tool:
        raise RuntimeError("vnu.jar or java is missing")
    java, jar = tool
    r = subprocess.run([java, "-jar", str(jar), "--errors-only", *map(str, paths)],
                       capture_output=True, text=True, timeout=timeout)
    return r.returncode, (r.stdout + r.stderr).strip()


def find_chromium():
    for name in CHROMIUM_CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _chromium(args, timeout=120):
    chromium = find_chromium()
    if not chromium:
        raise RuntimeError("no Chromium found")
    profile = tempfile.mkdtemp(prefix="etsi-chromium-")
    try:
        return subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def screenshot(html, png, width=1280, height=2000):
    """Renders a local HTML file into a PNG of width x height pixels."""
    html, png = pathlib.Path(html).resolve(), pathlib.Path(png).resolve()
    if png.exists():
        png.unlink()
    r = _chromium([f"--screenshot={png}", f"--window-size={width},{height}", html.as_uri()])
    if not png.is_file():
        raise RuntimeError(f"Chromium wrote no screenshot: {r.stderr[-2000:]}")
    return png


def dump_dom(html):
    """The DOM of a local HTML file after Chromium has loaded it."""
    r = _chromium(["--dump-dom", pathlib.Path(html).resolve().as_uri()])
    if r.returncode != 0 or "<html" not in r.stdout:
        raise RuntimeError(f"Chromium dumped no DOM (exit {r.returncode}): {r.stderr[-2000:]}")
    return r.stdout


# ---- PNG -----------------------------------------------------------------

def _paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def read_png(path):
    """Decodes an 8-bit, non-interlaced grey, RGB or RGBA PNG (what Chromium
    writes).  Returns (width, height, channels, rows), rows a list of bytes."""
    data = pathlib.Path(path).read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat.append(chunk)
        elif kind == b"IEND":
            break
    if not header:
        raise ValueError(f"{path}: no IHDR")
    width, height, depth, color, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(color)
    if depth != 8 or interlace or not channels:
        raise ValueError(f"{path}: unsupported PNG (depth {depth}, colour {color}, "
                         f"interlace {interlace})")
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        base = y * (stride + 1)
        kind = raw[base]
        line = bytearray(raw[base + 1:base + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 0xFF
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                up_left = prev[i - channels] if i >= channels else 0
                line[i] = (line[i] + _paeth(left, prev[i], up_left)) & 0xFF
        elif kind != 0:
            raise ValueError(f"{path}: bad filter {kind} in row {y}")
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def png_stats(path, step=2):
    """What a screenshot shows: size, the number of distinct colours, the
    share of pixels that are not (near) white, and the share of pixels
    that are neither white nor grey (coloured).  Samples every step-th
    pixel of every step-th row."""
    width, height, channels, rows = read_png(path)
    colours, non_white, coloured, total = set(), 0, 0, 0
    for y in range(0, height, step):
        row = rows[y]
        for x in range(0, width, step):
            px = row[x * channels:(x + 1) * channels]
            rgb = tuple(px[:3]) if channels >= 3 else (px[0],) * 3
            colours.add(rgb)
            total += 1
            if min(rgb) < 235:
                non_white += 1
            if max(rgb) - min(rgb) > 24:
                coloured += 1
    return {"width": width, "height": height, "colours": len(colours),
            "non_white": non_white / total if total else 0.0,
            "coloured": coloured / total if total else 0.0}


def write_png(path, width, height, channels, rows):
    """Writes rows (bytes, unfiltered) as an 8-bit PNG."""
    color = {1: 0, 2: 4, 3: 2, 4: 6}[channels]

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body +
                struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + row for row in rows)
    pathlib.Path(path).write_bytes(
        b"\x89PNG\r\n\x1a\n" +
        chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, color, 0, 0, 0)) +
        chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def crop(src, dst, top, height):
    """Cuts rows [top, top + height) of a PNG into another PNG."""
    width, h, channels, rows = read_png(src)
    part = rows[top:min(h, top + height)]
    write_png(dst, width, len(part), channels, part)


def content_height(path, background_tolerance=3):
    """The last row that differs from the bottom row (the page's end when
    the window was taller than the page)."""
    width, height, channels, rows = read_png(path)
    last = rows[-1]
    for y in range(height - 1, -1, -1):
        row = rows[y]
        if any(abs(a - b) > background_tolerance for a, b in zip(row, last)):
            return y + 1
    return 0


# ---- command line ----------------------------------------------------------

EXAMPLES = ("smart-camera-v3", "constrained-sensor-v2", "smart-plug-usb-v3", "home-hub-v3")
SCREENSHOT_DATE = "2026-11-26"


def cmd_screenshots(args):
    """docs/screenshots/<example>.png: the top of each example's HTML report."""
    out = SOURCE / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="etsi-shots-") as tmp:
        for name in EXAMPLES:
            html = pathlib.Path(tmp) / f"{name}.html"
            subprocess.run([args.etsi, "report", str(SOURCE / "examples" / "dossiers" / f"{name}.xml"),
                            "--format", "html", "--date", SCREENSHOT_DATE, "-o", str(html)],
                           check=True)
            png = screenshot(html, out / f"{name}.png", args.width, args.height)
            print(f"{png}: {png_stats(png)}")
            if args.public:
                html = pathlib.Path(tmp) / f"{name}-public.html"
                subprocess.run([args.etsi, "report", str(SOURCE / "examples" / "dossiers" / f"{name}.xml"),
                                "--format", "public", "--date", SCREENSHOT_DATE, "-o", str(html)],
                               check=True)
                png = screenshot(html, out / f"{name}-public.png", args.width, args.public_height)
                print(f"{png}: {png_stats(png)}")


def cmd_vnu(args):
    code, messages = run_vnu(args.files)
    print(messages or "no errors")
    return code


def cmd_shot(args):
    png = screenshot(args.html, args.png, args.width, args.height)
    print(png_stats(png))
    if args.pages:
        height = content_height(png)
        for i, top in enumerate(range(0, height, args.pages)):
            crop(png, f"{args.png[:-4]}-{i + 1}.png", top, args.pages)
            print(f"{args.png[:-4]}-{i + 1}.png")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("screenshots", help="refresh docs/screenshots/")
    s.add_argument("--etsi", default=os.environ.get("ETSI_CLI", "etsi"))
    s.add_argument("--width", type=int, default=1280)
    s.add_argument("--height", type=int, default=2000)
    s.add_argument("--public", action="store_true", help="also the public summaries")
    s.add_argument("--public-height", type=int, default=1400)
    s.set_defaults(run=cmd_screenshots)
    v = sub.add_parser("vnu", help="run the Nu Html Checker on files")
    v.add_argument("files", nargs="+")
    v.set_defaults(run=cmd_vnu)
    h = sub.add_parser("shot", help="screenshot one HTML file")
    h.add_argument("html")
    h.add_argument("png")
    h.add_argument("--width", type=int, default=1280)
    h.add_argument("--height", type=int, default=2000)
    h.add_argument("--pages", type=int, default=0, help="also cut it into pages this tall")
    h.set_defaults(run=cmd_shot)
    args = ap.parse_args()
    sys.exit(args.run(args) or 0)


if __name__ == "__main__":
    main()
