"""Peak memory of a command, for the tests that bound it.

A child's ru_maxrss on Linux starts from the memory of the process that
started it (exec keeps the high-water mark of the image it replaces), so a
test that generated a 64 MiB input would see its own size in every child.
The command is therefore started by a small Python process of its own,
which reports the peak RSS of the command alone (wait4's rusage).
"""
import json
import subprocess
import sys

_MEASURE = r"""
import json, os, sys
with open(sys.argv[1], "wb") as out:
    pid = os.posix_spawn(sys.argv[2], sys.argv[2:], dict(os.environ),
                         file_actions=[(os.POSIX_SPAWN_DUP2, out.fileno(), 1),
                                       (os.POSIX_SPAWN_DUP2, out.fileno(), 2)])
    _, status, usage = os.wait4(pid, 0)
print(json.dumps([os.waitstatus_to_exitcode(status), usage.ru_maxrss * 1024,
                  usage.ru_utime + usage.ru_stime]))
"""


def run(cmd, output):
    """Runs cmd (a list; cmd[0] a path) with its standard output and error
    written to the file output; returns (exit status, peak RSS in bytes)."""
    code, rss, _ = run_timed(cmd, output)
    return code, rss


def run_timed(cmd, output):
    """As run(), with the CPU time (user and system, seconds) cmd took."""
    measured = subprocess.run([sys.executable, "-c", _MEASURE, str(output)] + list(cmd),
                              capture_output=True, text=True, check=True)
    code, rss, seconds = json.loads(measured.stdout)
    return code, rss, seconds
