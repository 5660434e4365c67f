"""The command reference says what the tool does: every command that
`etsi --help` lists has its section in docs/cli.md, quoting its --help
output exactly, a subsection in the manual page docs/man/etsi.1, and a
line in the synopses of both.  A new option or a changed help text that
the documentation does not follow fails here; scripts/sync-cli-help.py
brings the quoted help blocks of docs/cli.md back in line.

Run through ctest, which sets ETSI_CLI and ETSI_SOURCE_DIR.
"""
import difflib
import os
import pathlib
import re
import subprocess
import unittest

CLI = os.environ["ETSI_CLI"]
SOURCE = pathlib.Path(os.environ["ETSI_SOURCE_DIR"])
CLI_MD = (SOURCE / "docs" / "cli.md").read_text(encoding="utf-8")
MAN = (SOURCE / "docs" / "man" / "etsi.1").read_text(encoding="utf-8")


def etsi(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=60, check=True)


def commands():
    """The commands `etsi --help` lists, in its order."""
    listing = etsi("--help").stdout.split("Commands:\n", 1)[1].split("\n\n", 1)[0]
    return [line.split()[0] for line in listing.splitlines()]


class CommandReference(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.commands = [c for c in commands() if c != "help"]
        cls.blocks = {m.group(2): m.group(1) for m in
                      re.finditer(r"```text\n(usage: etsi (\w+).*?)```", CLI_MD, re.S)}

    def test_the_listing_is_read(self):
        # guards the parsing above: a listing read wrong would make every
        # other test here pass on nothing
        self.assertGreaterEqual(len(self.commands), 20)
        for known in ("validate", "check", "report", "export", "sign"):
            self.assertIn(known, self.commands)

    def test_cli_md_has_a_section_for_every_command(self):
        for command in self.commands:
            with self.subTest(command=command):
                self.assertRegex(CLI_MD, rf"\n## etsi {command}\n")
                self.assertIn(f"(#etsi-{command})", CLI_MD, "missing from the contents")

    def test_cli_md_quotes_the_help_exactly(self):
        for command in self.commands:
            with self.subTest(command=command):
                self.assertIn(command, self.blocks, "no ```text block starting 'usage: etsi "
                              f"{command}' in docs/cli.md")
                actual = etsi(command, "--help").stdout
                quoted = self.blocks[command]
                if quoted != actual:
                    diff = "".join(difflib.unified_diff(
                        quoted.splitlines(True), actual.splitlines(True),
                        "docs/cli.md", f"etsi {command} --help"))
                    self.fail(f"docs/cli.md quotes an old --help of {command} "
                              f"(scripts/sync-cli-help.py updates it):\n{diff}")

    def test_synopses_name_every_command(self):
        synopsis_md = CLI_MD.split("## Synopsis", 1)[1].split("\n## ", 1)[0]
        synopsis_man = MAN.split(".SH SYNOPSIS", 1)[1].split(".SH DESCRIPTION", 1)[0]
        for command in self.commands:
            with self.subTest(command=command):
                self.assertRegex(synopsis_md, rf"\netsi {command}\b")
                self.assertRegex(synopsis_man, rf"\.SY etsi\n\.B {command}\n")

    def test_man_page_has_a_subsection_for_every_command(self):
        for command in self.commands:
            with self.subTest(command=command):
                self.assertRegex(MAN, rf"\n\.SS {command}\n")


if __name__ == "__main__":
    unittest.main()
