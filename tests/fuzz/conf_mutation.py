#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Deterministic mutation test of the prj.conf step (scripts/kconfig/zmem_config.py).

    conf_mutation.py <zmem source dir> <scratch dir> [count] [seed]

Takes the tree's own prj.conf files, mutates each many times (bytes deleted, inserted,
flipped or repeated; lines duplicated, swapped, cut; values replaced by hostile ones: huge,
negative, hex overflow, unterminated or escaped strings, NUL, invalid UTF-8, CR, tabs) and runs
the configuration step on every result, in this process (as `zmem_config.main()`, about 30 ms
a run). Oracle, for every input:
  - exit status 0 and autoconf.h written, or exit status 1 with at least one
    `<conf file>:<line>: error:` message and autoconf.h not written;
  - never an exception out of main() (a traceback) and never main()'s catch-all
    "zmem configuration failed" message (an internal error, not a diagnosis of the input).
A failing input is written to <scratch>/failure-<n>.conf with the output beside it.
Exit status: 0 when every input passed, 1 otherwise. Same seed, same inputs.
"""
import contextlib
import glob
import importlib.util
import io
import os
import random
import re
import shutil
import sys

ROOT = os.path.abspath(sys.argv[1])
WORK = os.path.abspath(sys.argv[2])
COUNT = int(sys.argv[3]) if len(sys.argv) > 3 else 400
SEED = int(sys.argv[4]) if len(sys.argv) > 4 else 13

spec = importlib.util.spec_from_file_location(
    "zmem_config", os.path.join(ROOT, "scripts", "kconfig", "zmem_config.py"))
zmem_config = importlib.util.module_from_spec(spec)
spec.loader.exec_module(zmem_config)

HOSTILE_VALUES = [b"y", b"n", b"m", b"", b"0", b"-1", b"-9223372036854775809",
                  b"18446744073709551616", b"0x", b"0xFFFFFFFFFFFFFFFFF", b"0x1g", b"1e3",
                  b'"', b'"abc', b'"a\\"', b'"\\', b'"\x00"', b"\xff\xfe", b"y y", b"=y",
                  b'"' + b"x" * 3000 + b'"', b"9" * 400, b"\t y", b"y\r", b"#", b"$(shell)"]
HOSTILE_BYTES = b"\x00\x01\t\r\n \"#=\\-_0x9yYnNC\x7f\x80\xff"
SYMBOLS = [b"LOG", b"PRINTK", b"HEAP_MEM_POOL_SIZE", b"MAIN_STACK_SIZE", b"BOARD",
           b"SYS_HEAP_RUNTIME_STATS", b"LOG_DEFAULT_LEVEL", b"USERSPACE", b"NOT_A_SYMBOL",
           b"ZMEM_MEM_SLAB_INIT_MAP_WORDS", b"HEAP_RUNTIME_STATS"]


def mutate(rng, data):
    """One to four mutations of @p data (bytes)."""
    for _ in range(rng.randrange(1, 5)):
        lines = data.split(b"\n")
        kind = rng.randrange(10)
        if kind == 0 and data:                       # delete a byte run
            i = rng.randrange(len(data))
            data = data[:i] + data[i + rng.randrange(1, 8):]
        elif kind == 1:                               # insert hostile bytes
            i = rng.randrange(len(data) + 1)
            ins = bytes(rng.choice(HOSTILE_BYTES) for _ in range(rng.randrange(1, 6)))
            data = data[:i] + ins + data[i:]
        elif kind == 2 and data:                      # flip a byte
            i = rng.randrange(len(data))
            data = data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1:]
        elif kind == 3:                               # replace a value
            i = rng.randrange(len(lines))
            if b"=" in lines[i]:
                lines[i] = lines[i].split(b"=", 1)[0] + b"=" + rng.choice(HOSTILE_VALUES)
            data = b"\n".join(lines)
        elif kind == 4:                               # a new assignment
            i = rng.randrange(len(lines) + 1)
            lines.insert(i, b"CONFIG_" + rng.choice(SYMBOLS) + b"=" + rng.choice(HOSTILE_VALUES))
            data = b"\n".join(lines)
        elif kind == 5:                               # "is not set" forms
            i = rng.randrange(len(lines) + 1)
            lines.insert(i, rng.choice([b"# CONFIG_", b"#CONFIG_", b"# CONFIG_ "])
                         + rng.choice(SYMBOLS) + rng.choice([b" is not set", b" is not", b""]))
            data = b"\n".join(lines)
        elif kind == 6 and len(lines) > 1:            # swap or duplicate lines
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            if rng.randrange(2):
                lines[i], lines[j] = lines[j], lines[i]
            else:
                lines.insert(j, lines[i])
            data = b"\n".join(lines)
        elif kind == 7 and data:                      # cut the file short
            data = data[:rng.randrange(len(data))]
        elif kind == 8:                               # repeat a chunk
            i = rng.randrange(len(data) + 1)
            data = data[:i] + data[i:i + rng.randrange(1, 40)] * rng.randrange(2, 6) + data[i:]
        else:                                         # line endings and spacing
            data = data.replace(b"\n", rng.choice([b"\r\n", b"\n\n", b" \n", b"\t\n"]), 1)
    return data


def run_one(conf, outdir):
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    argv = ["--kconfig", os.path.join(ROOT, "Kconfig"), "--zephyr-base", ROOT,
            "--conf", conf, "--dotconfig", os.path.join(outdir, ".config"),
            "--autoconf", os.path.join(outdir, "autoconf.h")]
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(err):
            rc = zmem_config.main(argv)
    except BaseException as e:  # what would have been a traceback
        return None, "{}: {}\n{}".format(type(e).__name__, e, err.getvalue())
    return rc, err.getvalue()


def verdict(conf, outdir, rc, out):
    if rc is None:
        return "exception out of main(): " + out.splitlines()[0]
    if "zmem configuration failed" in out:
        return "internal error (main's catch-all)"
    autoconf = os.path.exists(os.path.join(outdir, "autoconf.h"))
    if rc == 0:
        return None if autoconf else "exit status 0 without autoconf.h"
    if rc != 1:
        return "exit status {}".format(rc)
    if autoconf:
        return "autoconf.h written despite errors"
    if not re.search(re.escape(conf) + r":[0-9]+: error:", out):
        return "error without <file>:<line>"
    return None


def main():
    os.makedirs(WORK, exist_ok=True)
    bases = []
    for path in sorted(glob.glob(os.path.join(ROOT, "**", "prj.conf"), recursive=True)):
        if os.sep + "out" + os.sep in path[len(ROOT):]:
            continue
        with open(path, "rb") as f:
            bases.append(f.read())
    bases.append(b"")
    rng = random.Random(SEED)
    conf = os.path.join(WORK, "mutant.conf")
    outdir = os.path.join(WORK, "out")
    failures = accepted = 0
    for n in range(COUNT):
        data = mutate(rng, rng.choice(bases))
        with open(conf, "wb") as f:
            f.write(data)
        rc, out = run_one(conf, outdir)
        why = verdict(conf, outdir, rc, out)
        if why is None:
            accepted += rc == 0
            continue
        failures += 1
        keep = os.path.join(WORK, "failure-{}.conf".format(n))
        shutil.copy(conf, keep)
        with open(keep + ".out", "w") as f:
            f.write(out)
        print("FAIL input {} ({}): {}\n  input: {!r}\n  output: {}".format(
            n, keep, why, data[:300], out[-600:]))
    print("{} mutated prj.conf inputs (seed {}): {} configured, {} refused with file:line, "
          "{} failed".format(COUNT, SEED, accepted, COUNT - accepted - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
