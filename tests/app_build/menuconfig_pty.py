#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Drives a build's `menuconfig` target as a user would, in a pseudo-terminal.

    menuconfig_pty.py <build dir> <SYMBOL>

Runs `cmake --build <build dir> --target menuconfig`, jumps to SYMBOL with the search (`/`),
toggles it with the space bar, saves (S, Enter) and quits (Q). Exit status: the target's.
"""
import os
import pty
import select
import sys
import time

build, symbol = sys.argv[1], sys.argv[2]
env = dict(os.environ, TERM="xterm", LINES="40", COLUMNS="120")
pid, fd = pty.fork()
if pid == 0:
    os.execvpe("cmake", ["cmake", "--build", build, "--target", "menuconfig"], env)

output = bytearray()


def pump(seconds):
    end = time.time() + seconds
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                output.extend(os.read(fd, 65536))
            except OSError:
                return


# Wait for the editor's first screen (its key help line) before typing: make may be slow.
end = time.time() + 120
while b"Save" not in output and time.time() < end:
    pump(0.5)
for keys in (b"/", symbol.encode(), b"\r", b" ", b"S", b"\r", b"\r", b"Q"):
    os.write(fd, keys)
    pump(1.0)
pump(2.0)
_, status = os.waitpid(pid, 0)
code = os.waitstatus_to_exitcode(status)
if code != 0:
    sys.stdout.write(output.decode("utf-8", "replace")[-2000:])
print("menuconfig target exit status", code)
sys.exit(code)
