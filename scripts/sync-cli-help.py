#!/usr/bin/env python3
"""Rewrites the `usage:` blocks of docs/cli.md from `etsi COMMAND --help`.

    scripts/sync-cli-help.py build/default/tools/etsi/etsi

Each command's section of docs/cli.md quotes its --help output in a
```text block; tests/cli/test_docs.py fails when one differs from what
the built tool prints, and this script brings them back in line.  It
only replaces existing blocks: a new command needs its section written.
"""
import pathlib
import re
import subprocess
import sys

CLI_MD = pathlib.Path(__file__).resolve().parent.parent / "docs" / "cli.md"
BLOCK = re.compile(r"```text\n(usage: etsi (\w+).*?)```", re.S)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: sync-cli-help.py PATH-TO-etsi")
    etsi = sys.argv[1]
    text = CLI_MD.read_text(encoding="utf-8")

    def fresh(match):
        out = subprocess.run([etsi, match.group(2), "--help"], capture_output=True,
                             text=True, check=True).stdout
        return "```text\n" + out + "```"

    new = BLOCK.sub(fresh, text)
    if new != text:
        CLI_MD.write_text(new, encoding="utf-8")
        print(f"updated {CLI_MD}")


if __name__ == "__main__":
    main()
