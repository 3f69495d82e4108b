#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Tests of the configuration step (scripts/kconfig/zmem_config.py), run as its users run it.

    test_zmem_config.py <zmem source dir> <scratch dir> [case...]

Each case writes Kconfig and conf files, runs the script as its own process (as CMake does) and
checks its exit status, its messages (file:line) and the generated autoconf.h / .config.
Prints one line per case and `N passed, N failed`; exit status 1 on any failure.
"""
import os
import random
import shutil
import subprocess
import sys

ROOT = os.path.abspath(sys.argv[1])
WORK = os.path.abspath(sys.argv[2])
ONLY = sys.argv[3:]
SCRIPT = os.path.join(ROOT, "scripts", "kconfig", "zmem_config.py")

APP_KCONFIG = """\
mainmenu "test application"

config APP_COUNT
	int "A count with a range"
	default 10
	range 1 100

config APP_NAME
	string "A name"
	default "unnamed"

config APP_FEATURE
	bool "A feature"

config APP_FEATURE_DETAIL
	bool "A detail of the feature"
	depends on APP_FEATURE

config APP_MASK
	hex "A mask"
	default 0xff
	range 0x0 0xffff

config APP_SELECTOR
	bool "Selects the feature"
	select APP_FEATURE

choice APP_MODE
	prompt "Mode"
	default APP_MODE_FAST

config APP_MODE_FAST
	bool "fast"

config APP_MODE_SMALL
	bool "small"

endchoice

source "Kconfig.zephyr"
"""

results = {"passed": 0, "failed": 0}


class Run:
    def __init__(self, rc, err, outdir):
        self.rc = rc
        self.err = err
        self.outdir = outdir

    def file(self, name):
        path = os.path.join(self.outdir, name)
        if not os.path.exists(path):
            return ""
        with open(path, encoding="utf-8") as f:
            return f.read()


def case_dir(name):
    d = os.path.join(WORK, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    return d


def write(d, name, text, mode="w"):
    path = os.path.join(d, name)
    with open(path, mode) as f:
        f.write(text)
    return path


def run(d, confs, kconfig=None, strict=False, state=False, outdir="out"):
    out = os.path.join(d, outdir)
    cmd = [sys.executable, SCRIPT, "--kconfig", kconfig or os.path.join(ROOT, "Kconfig"),
           "--zephyr-base", ROOT, "--dotconfig", os.path.join(out, ".config"),
           "--autoconf", os.path.join(out, "autoconf.h"), "--cmake",
           os.path.join(out, "config.cmake")]
    if state:
        cmd += ["--state", os.path.join(out, "state")]
    for c in confs:
        cmd += ["--conf", c]
    if strict:
        cmd.append("--strict")
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return Run(p.returncode, p.stdout.decode("utf-8", "replace") +
               p.stderr.decode("utf-8", "replace"), out)


class Failure(Exception):
    pass


def check(cond, what, run_=None):
    if not cond:
        extra = "\n--- output:\n" + run_.err if run_ is not None else ""
        raise Failure(what + extra)


def expect_ok(r):
    check(r.rc == 0, "expected success, got exit status {}".format(r.rc), r)
    check("Traceback" not in r.err, "Python traceback", r)


def expect_error(r, *texts):
    check(r.rc == 1, "expected exit status 1, got {}".format(r.rc), r)
    check("Traceback" not in r.err, "Python traceback", r)
    for t in texts:
        check(t in r.err, "expected message: " + t, r)
    check(not os.path.exists(os.path.join(r.outdir, "autoconf.h")),
          "autoconf.h written despite errors", r)


CASES = []


def case(fn):
    CASES.append(fn)
    return fn


@case
def issue_bad_values():
    """Every bad value of issue 14, each rejected with its file and line."""
    d = case_dir("issue_bad_values")
    bad = ["CONFIG_HEAP_MEM_POOL_SIZE=abc", "CONFIG_MAIN_STACK_SIZE=-5", "CONFIG_LOG=maybe",
           "CONFIG_HEAP_MEM_POOL_SIZE=12abc", "CONFIG_HEAP_MEM_POOL_SIZE=12345678901234567890",
           "CONFIG_MAIN_STACK_SIZE=99999999999999999999"]
    reasons = ["'abc' is not a valid value for the int symbol CONFIG_HEAP_MEM_POOL_SIZE",
               "CONFIG_MAIN_STACK_SIZE=-5: -5 is outside the range of CONFIG_MAIN_STACK_SIZE",
               "'maybe' is not a valid value for the bool symbol CONFIG_LOG",
               "'12abc' is not a valid value for the int symbol CONFIG_HEAP_MEM_POOL_SIZE",
               "12345678901234567890 for the int symbol CONFIG_HEAP_MEM_POOL_SIZE does not fit",
               "99999999999999999999 for the int symbol CONFIG_MAIN_STACK_SIZE does not fit"]
    for i, (line, reason) in enumerate(zip(bad, reasons)):
        conf = write(d, "bad{}.conf".format(i), "# a comment\nCONFIG_PRINTK=y\n" + line + "\n")
        r = run(d, [conf], outdir="out{}".format(i))
        expect_error(r, "{}:3: error: {}".format(conf, reason))


@case
def type_errors():
    """Values of the wrong type for each type, and malformed lines."""
    d = case_dir("type_errors")
    lines = {
        "CONFIG_LOG=yes": "'yes' is not a valid value for the bool symbol CONFIG_LOG",
        "CONFIG_LOG=1": "'1' is not a valid value for the bool symbol CONFIG_LOG",
        "CONFIG_LOG=": "'' is not a valid value for the bool symbol CONFIG_LOG",
        "CONFIG_HEAP_MEM_POOL_SIZE=0x10": "'0x10' is not a valid value for the int symbol",
        "CONFIG_HEAP_MEM_POOL_SIZE=": "'' is not a valid value for the int symbol",
        "CONFIG_HEAP_MEM_POOL_SIZE=1 # comment": "'1 # comment' is not a valid value",
        "CONFIG_BOARD=unquoted": "unquoted is not a valid value for the string symbol",
        "CONFIG_BOARD=\"open": "\"open is not a valid value for the string symbol",
        "CONFIG_BOARD=\"a\" \"b\"": "\"a\" \"b\" is not a valid value for the string symbol",
        "CONFIG_BOARD=\"a\x01b\"": "the value of the string symbol CONFIG_BOARD holds a control "
                                   "character",
        "CONFIG_MAIN_STACK_SIZE 4096": "malformed line (expected CONFIG_NAME=value)",
        "MAIN_STACK_SIZE=4096": "malformed line",
        "config_log=y": "malformed line",
        "CONFIG-LOG=y": "malformed line",
    }
    for i, (line, reason) in enumerate(lines.items()):
        conf = write(d, "t{}.conf".format(i), "\n" + line + "\n")
        r = run(d, [conf], outdir="out{}".format(i))
        expect_error(r, "{}:2: error: {}".format(conf, reason))


@case
def all_errors_reported():
    """One run reports every bad line, not only the first."""
    d = case_dir("all_errors")
    conf = write(d, "prj.conf", "CONFIG_LOG=maybe\nCONFIG_PRINTK=y\nCONFIG_MAIN_STACK_SIZE=x\n")
    r = run(d, [conf])
    expect_error(r, conf + ":1: error:", conf + ":3: error:", "2 error(s)")


@case
def accepted_forms():
    """Every accepted form; defaults for the rest; strings with escapes; is-not-set."""
    d = case_dir("accepted_forms")
    conf = write(d, "prj.conf", "# comment\n\n   CONFIG_MAIN_STACK_SIZE = 4096  \n"
                 "# CONFIG_PRINTK is not set\nCONFIG_BOARD=\"semi;colon [b] \\\"q\\\" \\\\\"\n"
                 "# CONFIG_HEAP_MEM_POOL_SIZE is not set\r\nCONFIG_SYS_HEAP_RUNTIME_STATS=y\n")
    r = run(d, [conf])
    expect_ok(r)
    h = r.file("autoconf.h")
    check("#define CONFIG_MAIN_STACK_SIZE 4096\n" in h, "MAIN_STACK_SIZE", r)
    check("CONFIG_PRINTK" not in h, "PRINTK off", r)
    check('#define CONFIG_BOARD "semi;colon [b] \\"q\\" \\\\"\n' in h, "BOARD string:\n" + h)
    check("#define CONFIG_HEAP_MEM_POOL_SIZE 16384\n" in h, "int keeps its default", r)
    check("#define CONFIG_SYS_HEAP_RUNTIME_STATS 1\n" in h, "stats on", r)
    check("#define CONFIG_LOG 1\n" in h, "LOG default", r)
    check("#define ZMEM_AUTOCONF 1\n" in h, "ZMEM_AUTOCONF", r)
    c = r.file(".config")
    check("# CONFIG_PRINTK is not set\n" in c and "CONFIG_MAIN_STACK_SIZE=4096\n" in c, ".config")
    cm = r.file("config.cmake")
    check("set(CONFIG_PRINTK [=[n]=])" in cm and "set(CONFIG_LOG [=[y]=])" in cm,
          "CMake values:\n" + cm)
    check('set(CONFIG_BOARD [=[semi;colon [b] "q" \\]=])' in cm, "CMake string:\n" + cm)
    compiles(r, "accepted forms")


@case
def overlays_in_order():
    """prj.conf, then overlays in order, then the command line's values: the last one wins."""
    d = case_dir("overlays")
    a = write(d, "prj.conf", "CONFIG_LOG_DEFAULT_LEVEL=1\nCONFIG_MAIN_STACK_SIZE=2048\n"
              "CONFIG_BOARD=\"prj\"\n")
    b = write(d, "overlay1.conf", "CONFIG_LOG_DEFAULT_LEVEL=2\nCONFIG_BOARD=\"overlay1\"\n")
    c = write(d, "overlay2.conf", "CONFIG_LOG_DEFAULT_LEVEL=4\n")
    cmdline = write(d, "cmdline.conf", "CONFIG_BOARD=\"cmdline\"\n")
    r = run(d, [a, b, c, cmdline])
    expect_ok(r)
    h = r.file("autoconf.h")
    for line in ("CONFIG_LOG_DEFAULT_LEVEL 4", "CONFIG_MAIN_STACK_SIZE 2048",
                 "CONFIG_BOARD \"cmdline\""):
        check("#define " + line + "\n" in h, line, r)
    # An earlier out-of-range value overridden by a later file is not an error.
    e = write(d, "early.conf", "CONFIG_LOG_DEFAULT_LEVEL=9\n")
    r = run(d, [e, c], outdir="out2")
    expect_ok(r)


@case
def unknown_and_strict():
    """Unknown symbol: a warning naming file:line; with --strict an error."""
    d = case_dir("unknown")
    conf = write(d, "prj.conf", "CONFIG_LOG=y\n\nCONFIG_SERIAL=y\n")
    r = run(d, [conf])
    expect_ok(r)
    check(conf + ":3: warning: unknown symbol CONFIG_SERIAL ignored" in r.err, "warning", r)
    check("SERIAL" not in r.file("autoconf.h"), "unknown symbol written", r)
    r = run(d, [conf], strict=True, outdir="strict")
    expect_error(r, conf + ":3: error: unknown symbol CONFIG_SERIAL")


@case
def seed_spelling():
    """The seed's CONFIG_HEAP_RUNTIME_STATS sets Zephyr's CONFIG_SYS_HEAP_RUNTIME_STATS, with a
    note naming it; =n turns it off again; strict mode accepts it too."""
    d = case_dir("seed")
    conf = write(d, "prj.conf", "CONFIG_HEAP_RUNTIME_STATS=y\nCONFIG_THREAD_RUNTIME_STATS=y\n")
    for strict in (False, True):
        r = run(d, [conf], strict=strict, outdir="out{}".format(int(strict)))
        expect_ok(r)
        check(conf + ":1: note: CONFIG_HEAP_RUNTIME_STATS is the seed chapter's spelling of "
              "Zephyr's CONFIG_SYS_HEAP_RUNTIME_STATS" in r.err, "note", r)
        check("warning" not in r.err, "no warning", r)
        h = r.file("autoconf.h")
        check("#define CONFIG_SYS_HEAP_RUNTIME_STATS 1\n" in h, "mapped", r)
        check("#define CONFIG_THREAD_RUNTIME_STATS 1\n" in h, "thread runtime stats", r)
    off = write(d, "off.conf", "CONFIG_HEAP_RUNTIME_STATS=n\n")
    r = run(d, [conf, off], outdir="off")
    expect_ok(r)
    check("CONFIG_SYS_HEAP_RUNTIME_STATS" not in r.file("autoconf.h"), "mapped off", r)
    bad = write(d, "bad.conf", "CONFIG_HEAP_RUNTIME_STATS=on\n")
    r = run(d, [bad], outdir="bad")
    expect_error(r, bad + ":1: error: 'on' is not a valid value for the bool symbol "
                 "CONFIG_SYS_HEAP_RUNTIME_STATS")


@case
def tick_rate_name():
    """Zephyr's CONFIG_SYS_CLOCK_TICKS_PER_SEC is the tick rate (Zephyr code such as
    tests/kernel/sleep reads it); zmem's former CONFIG_SYS_CLOCK_TICKS_PER_SECOND still sets it,
    with a note. Zephyr's CONFIG_PIPES (tests/kernel/semaphore sets it) is known too."""
    d = case_dir("tick_rate")
    conf = write(d, "prj.conf", "CONFIG_SYS_CLOCK_TICKS_PER_SEC=100\nCONFIG_PIPES=y\n")
    r = run(d, [conf], strict=True, outdir="zephyr")
    expect_ok(r)
    check("#define CONFIG_SYS_CLOCK_TICKS_PER_SEC 100\n" in r.file("autoconf.h"), "rate", r)
    check("#define CONFIG_PIPES 1\n" in r.file("autoconf.h"), "pipes", r)
    # Zephyr's tests/kernel/fatal/exception sets CONFIG_TICKLESS_KERNEL=n: accepted.
    tl = write(d, "tickless.conf", "CONFIG_TICKLESS_KERNEL=n\n")
    r = run(d, [tl], strict=True, outdir="tickless")
    expect_ok(r)
    check("CONFIG_TICKLESS_KERNEL" not in r.file("autoconf.h"), "tickless off", r)
    old = write(d, "old.conf", "CONFIG_SYS_CLOCK_TICKS_PER_SECOND=1000\n")
    r = run(d, [old], strict=True, outdir="old")
    expect_ok(r)
    check(old + ":1: note: CONFIG_SYS_CLOCK_TICKS_PER_SECOND is zmem's former spelling of "
          "Zephyr's CONFIG_SYS_CLOCK_TICKS_PER_SEC" in r.err, "note", r)
    check("#define CONFIG_SYS_CLOCK_TICKS_PER_SEC 1000\n" in r.file("autoconf.h"), "mapped", r)


@case
def heap_alloc_loops():
    """Zephyr's CONFIG_SYS_HEAP_ALLOC_LOOPS has no range: any count configures; zmem's probe
    count (CONFIG_SYS_HEAP_ALLOC_PROBES) follows it, at most 64."""
    d = case_dir("heap_alloc_loops")
    for loops, probes in ((5, 5), (100, 64)):
        conf = write(d, "loops{}.conf".format(loops),
                     "CONFIG_SYS_HEAP_ALLOC_LOOPS={}\n".format(loops))
        r = run(d, [conf], strict=True, outdir="out{}".format(loops))
        expect_ok(r)
        check("#define CONFIG_SYS_HEAP_ALLOC_PROBES {}\n".format(probes) in r.file("autoconf.h"),
              "probes follow loops={}".format(loops), r)


@case
def app_kconfig():
    """An application's own Kconfig: int with range, string, bool with depends on, hex, select,
    choice; zmem's symbols still there through Kconfig.zephyr."""
    d = case_dir("app_kconfig")
    k = write(d, "Kconfig", APP_KCONFIG)
    conf = write(d, "prj.conf", "CONFIG_APP_COUNT=42\nCONFIG_APP_NAME=\"sensor\"\n"
                 "CONFIG_APP_FEATURE=y\nCONFIG_APP_FEATURE_DETAIL=y\nCONFIG_APP_MASK=0x1F0\n"
                 "CONFIG_APP_MODE_SMALL=y\nCONFIG_MAIN_STACK_SIZE=2048\n")
    r = run(d, [conf], kconfig=k)
    expect_ok(r)
    h = r.file("autoconf.h")
    for line in ("CONFIG_APP_COUNT 42", 'CONFIG_APP_NAME "sensor"', "CONFIG_APP_FEATURE 1",
                 "CONFIG_APP_FEATURE_DETAIL 1", "CONFIG_APP_MASK 0x1F0", "CONFIG_APP_MODE_SMALL 1",
                 "CONFIG_MAIN_STACK_SIZE 2048", "CONFIG_LOG 1"):
        check("#define " + line + "\n" in h, line, r)
    check("APP_MODE_FAST" not in h, "choice: one member", r)
    # Defaults of the application's symbols.
    r = run(d, [], kconfig=k, outdir="defaults")
    expect_ok(r)
    h = r.file("autoconf.h")
    check("#define CONFIG_APP_COUNT 10\n" in h and '#define CONFIG_APP_NAME "unnamed"\n' in h
          and "#define CONFIG_APP_MODE_FAST 1\n" in h and "APP_FEATURE" not in h, "defaults", r)


@case
def zephyr_base_source():
    """`source "$(ZEPHYR_BASE)/Kconfig.zephyr"` works as the relative form does, and `rsource`
    finds a file next to the application's Kconfig."""
    d = case_dir("zephyr_base_source")
    write(d, "Kconfig.app", "config APP_LOCAL\n\tint \"local\"\n\tdefault 5\n")
    k = write(d, "Kconfig", "rsource \"Kconfig.app\"\nsource \"$(ZEPHYR_BASE)/Kconfig.zephyr\"\n")
    conf = write(d, "prj.conf", "CONFIG_APP_LOCAL=6\nCONFIG_LOG=n\n")
    r = run(d, [conf], kconfig=k)
    expect_ok(r)
    h = r.file("autoconf.h")
    check("#define CONFIG_APP_LOCAL 6\n" in h and "CONFIG_LOG " not in h
          and "#define CONFIG_MAIN_STACK_SIZE" in h, "values:\n" + h)


@case
def assignments_that_do_not_take():
    """Out of range, unmet depends on, n against a select, promptless symbols: errors."""
    d = case_dir("no_take")
    k = write(d, "Kconfig", APP_KCONFIG)
    cases = {
        "CONFIG_APP_COUNT=0": "CONFIG_APP_COUNT=0: 0 is outside the range of CONFIG_APP_COUNT, "
                              "[1, 100]",
        "CONFIG_APP_COUNT=101": "CONFIG_APP_COUNT=101: 101 is outside the range",
        "CONFIG_APP_MASK=0x10000": "CONFIG_APP_MASK=0x10000: 0x10000 is outside the range of "
                                   "CONFIG_APP_MASK",
        "CONFIG_APP_MASK=0x10000000000000000": "0x10000000000000000 for the hex symbol "
                                               "CONFIG_APP_MASK does not fit in 64 bits",
        "CONFIG_APP_FEATURE_DETAIL=y": "CONFIG_APP_FEATURE_DETAIL=y does not take: "
                                       "CONFIG_APP_FEATURE_DETAIL is 'n' (unmet dependency: "
                                       "CONFIG_APP_FEATURE_DETAIL depends on CONFIG_APP_FEATURE "
                                       "(=n))",
        "CONFIG_APP_SELECTOR=y\nCONFIG_APP_FEATURE=n": "CONFIG_APP_FEATURE=n does not take: "
                                                       "CONFIG_APP_FEATURE is 'y' "
                                                       "(CONFIG_APP_FEATURE is selected by "
                                                       "CONFIG_APP_SELECTOR (=y))",
        "CONFIG_MULTITHREADING=n": "CONFIG_MULTITHREADING=n does not take: "
                                   "CONFIG_MULTITHREADING is 'y' (CONFIG_MULTITHREADING has "
                                   "no prompt",
        "CONFIG_APP_MODE_FAST=n": "CONFIG_APP_MODE_FAST=n does not take: CONFIG_APP_MODE_FAST "
                                  "is 'y' (CONFIG_APP_MODE_FAST is the selected member of its "
                                  "choice",
        "CONFIG_LOG=n\nCONFIG_LOG_MODE_IMMEDIATE=y": "CONFIG_LOG_MODE_IMMEDIATE=y does not take: "
                                                     "CONFIG_LOG_MODE_IMMEDIATE is 'n' "
                                                     "(unmet dependency: "
                                                     "CONFIG_LOG_MODE_IMMEDIATE depends on "
                                                     "CONFIG_LOG (=n))",
    }
    for i, (text, reason) in enumerate(cases.items()):
        conf = write(d, "c{}.conf".format(i), "\n" + text + "\n")
        last = text.count("\n") + 2
        r = run(d, [conf], kconfig=k, outdir="out{}".format(i))
        expect_error(r, "{}:{}: error: {}".format(conf, last, reason))
    # A promptless symbol given its own value, and a later choice member overriding an earlier
    # one, are fine.
    conf = write(d, "fine.conf", "CONFIG_MULTITHREADING=y\nCONFIG_APP_MODE_SMALL=y\n"
                 "CONFIG_APP_MODE_FAST=y\n")
    r = run(d, [conf], kconfig=k, outdir="fine")
    expect_ok(r)
    check("#define CONFIG_APP_MODE_FAST 1\n" in r.file("autoconf.h"), "later member wins", r)
    compiles(r, "fine.conf")


@case
def stopped_configuration():
    """Only assignments that do not take: .config.stopped has the rest (twister's filter:)."""
    d = case_dir("stopped")
    k = write(d, "Kconfig", APP_KCONFIG)
    untaken = write(d, "untaken.conf", "CONFIG_APP_COUNT=7\nCONFIG_APP_FEATURE_DETAIL=y\n")
    r = run(d, [untaken], kconfig=k)
    expect_error(r, "does not take")
    stopped = r.file(".config.stopped")
    check("CONFIG_APP_COUNT=7\n" in stopped and "CONFIG_APP_FEATURE_DETAIL" not in stopped
          and r.file(".config") == "", ".config.stopped has the values that took, only", r)
    # Any other error: nothing at all, and the last run's .config.stopped is gone.
    mixed = write(d, "mixed.conf", "CONFIG_APP_FEATURE_DETAIL=y\nCONFIG_APP_COUNT=0\n")
    r = run(d, [mixed], kconfig=k)
    expect_error(r, "outside the range")
    check(r.file(".config.stopped") == "", "no .config.stopped after another error", r)
    r = run(d, [untaken], kconfig=k)
    check(r.file(".config.stopped") != "", "written again", r)
    fine = write(d, "fine.conf", "CONFIG_APP_COUNT=7\n")
    r = run(d, [fine], kconfig=k)
    expect_ok(r)
    check(r.file(".config.stopped") == "" and "CONFIG_APP_COUNT=7" in r.file(".config"),
          "a configuration that succeeds removes .config.stopped", r)


@case
def pointer_size():
    """CONFIG_64BIT follows ZMEM_POINTER_BYTES; CONFIG_TEST_EXTRA_STACK_SIZE's default with it."""
    d = case_dir("pointer_size")
    conf = write(d, "prj.conf", "CONFIG_ZTEST=y\n")
    saved = os.environ.get("ZMEM_POINTER_BYTES")
    try:
        for size, bit, extra in (("8", True, 1024), ("4", False, 512), (None, False, 0)):
            if size is None:
                os.environ.pop("ZMEM_POINTER_BYTES", None)
            else:
                os.environ["ZMEM_POINTER_BYTES"] = size
            r = run(d, [conf], outdir="out{}".format(size))
            expect_ok(r)
            h = r.file("autoconf.h")
            check(("#define CONFIG_64BIT 1\n" in h) == bit, "64BIT with {}".format(size), r)
            check("#define CONFIG_TEST_EXTRA_STACK_SIZE {}\n".format(extra) in h,
                  "TEST_EXTRA_STACK_SIZE {} with {}".format(extra, size), r)
        os.environ["ZMEM_POINTER_BYTES"] = "8"
        own = write(d, "own.conf", "CONFIG_ZTEST=y\nCONFIG_TEST_EXTRA_STACK_SIZE=0\n")
        r = run(d, [own], outdir="own")
        expect_ok(r)
        check("#define CONFIG_TEST_EXTRA_STACK_SIZE 0\n" in r.file("autoconf.h"),
              "a test's own value wins", r)
    finally:
        if saved is None:
            os.environ.pop("ZMEM_POINTER_BYTES", None)
        else:
            os.environ["ZMEM_POINTER_BYTES"] = saved


@case
def kconfig_errors():
    """A broken Kconfig file: an error naming its file and line, no traceback."""
    d = case_dir("kconfig_errors")
    k = write(d, "Kconfig", "config APP_X\n\tint \"x\"\n\tdefault 1\n\tbogus keyword\n"
              "source \"Kconfig.zephyr\"\n")
    r = run(d, [], kconfig=k)
    expect_error(r, k + ":4")
    missing = write(d, "Kconfig2", "source \"does/not/exist/Kconfig\"\n")
    r = run(d, [], kconfig=missing, outdir="out2")
    expect_error(r, "does/not/exist/Kconfig")
    r = run(d, [os.path.join(d, "no_such.conf")], outdir="out3")
    expect_error(r, "no_such.conf: error: cannot read configuration file")


@case
def menuconfig_saved_config():
    """A .config saved by menuconfig is the configuration while the conf files stay the same;
    a changed conf file regenerates it from the files (with a warning)."""
    d = case_dir("saved")
    conf = write(d, "prj.conf", "CONFIG_MAIN_STACK_SIZE=2048\n")
    r = run(d, [conf], state=True)
    expect_ok(r)
    dotconfig = os.path.join(r.outdir, ".config")
    with open(dotconfig, encoding="utf-8") as f:
        text = f.read()
    with open(dotconfig, "w", encoding="utf-8") as f:  # what menuconfig's save does
        f.write(text.replace("CONFIG_MAIN_STACK_SIZE=2048", "CONFIG_MAIN_STACK_SIZE=12288"))
    r = run(d, [conf], state=True)
    expect_ok(r)
    check("as saved by menuconfig" in r.err, "note", r)
    check("#define CONFIG_MAIN_STACK_SIZE 12288\n" in r.file("autoconf.h"), "saved value", r)
    r = run(d, [conf], state=True)  # and on the next run too
    check("#define CONFIG_MAIN_STACK_SIZE 12288\n" in r.file("autoconf.h"), "kept", r)
    write(d, "prj.conf", "CONFIG_MAIN_STACK_SIZE=4096\n")
    r = run(d, [conf], state=True)
    expect_ok(r)
    check("#define CONFIG_MAIN_STACK_SIZE 4096\n" in r.file("autoconf.h"), "files again", r)


@case
def hostile_input():
    """Random bytes, NUL bytes, invalid UTF-8, huge lines: a clean error with file:line, never a
    traceback or a success with garbage."""
    d = case_dir("hostile")
    rng = random.Random(14)
    samples = [b"CONFIG_LOG=\x00y\n", b"\xff\xfe\n", b"CONFIG_BOARD=\"" + b"x" * 100000 + b"\n",
               b"CONFIG_" + b"A" * 5000 + b"=y\n", b"CONFIG_MAIN_STACK_SIZE=" + b"9" * 5000 + b"\n",
               b"CONFIG_LOG=y\rCONFIG_PRINTK=n\n", b"CONFIG_BOARD=\"\\\"\n"]
    for _ in range(40):
        n = rng.randrange(1, 200)
        samples.append(bytes(rng.randrange(256) for _ in range(n)))
        pool = ["CONFIG_", "LOG", "=", "y", "n", "\"", "\\", "0x", "-", "9" * 30, "#", " ",
                "is not set", "\n", "MAIN_STACK_SIZE", "HEAP_MEM_POOL_SIZE", "BOARD", "\t"]
        samples.append("".join(rng.choice(pool) for _ in range(n)).encode())
    # Line-shaped samples: known symbols, mostly with values of their type (strings with
    # escapes, quotes, comment and macro look-alikes), sometimes with any value.
    bools = ["LOG", "PRINTK", "SYS_HEAP_RUNTIME_STATS", "HEAP_RUNTIME_STATS", "THREAD_ANALYZER",
             "INIT_STACKS", "STACK_SENTINEL", "SYS_HEAP_CANARY"]
    ints = {"MAIN_STACK_SIZE": ["2048", "4096", "1073741824", "256"],
            "HEAP_MEM_POOL_SIZE": ["0", "1", "2147483647", "16384"],
            "LOG_DEFAULT_LEVEL": ["0", "4"], "MAIN_THREAD_PRIORITY": ["-16", "14", "0"]}
    strings = ['""', '"x"', '"a\\"b"', '"\\\\"', '"semi;colon"', '"$(ZEPHYR_BASE)"',
               '"\u00e9t\u00e9"', '"%s%n"', '"*/ #define X 1 /*"', '"\\n"', '"]=]"', '"\t"']
    anything = ["y", "n", "m", "-1", "0x1F", "9" * 19, '"x', "yes", ""]
    for _ in range(60):
        lines = []
        for _ in range(rng.randrange(1, 8)):
            kind = rng.randrange(3)
            if kind == 0:
                name = rng.choice(bools)
                value = rng.choice(["y", "n"])
                if rng.random() < 0.2:
                    lines.append("# CONFIG_{} is not set".format(name))
                    continue
            elif kind == 1:
                name = rng.choice(sorted(ints))
                value = rng.choice(ints[name])
            else:
                name, value = "BOARD", rng.choice(strings)
            if rng.random() < 0.05:
                value = rng.choice(anything)
            lines.append("CONFIG_{}={}".format(name, value))
        samples.append(("\n".join(lines) + "\n").encode())
    accepted = 0
    for i, data in enumerate(samples):
        conf = write(d, "f{}.conf".format(i), data, mode="wb")
        r = run(d, [conf], outdir="out{}".format(i))
        check("Traceback" not in r.err, "traceback on sample {}".format(i), r)
        check(r.rc in (0, 1), "exit status {} on sample {}".format(r.rc, i), r)
        if r.rc == 1:
            check(conf + ":" in r.err, "error without file:line on sample {}".format(i), r)
        else:
            accepted += 1
            compiles(r, "sample {}".format(i))
    check(accepted >= 25, "only {} samples accepted: the generator tests too little".format(
        accepted))


def compiles(r, what):
    """An accepted configuration's autoconf.h compiles: every macro used as a C value."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        return
    body = []
    for line in r.file("autoconf.h").splitlines():
        if line.startswith("#define CONFIG_"):
            name = line.split()[1]
            body.append("const void *p_{0} = (const void *)(unsigned long long)sizeof({0});"
                        .format(name))
            if '"' in line:
                body.append("const char *s_{0} = {0};".format(name))
            else:
                body.append("long long v_{0} = (long long){0};".format(name))
    src = os.path.join(r.outdir, "use.c")
    with open(src, "w", encoding="utf-8") as f:
        f.write("\n".join(body) + "\n")
    p = subprocess.run([cc, "-std=c11", "-Wall", "-Werror", "-fsyntax-only", "-imacros",
                        os.path.join(r.outdir, "autoconf.h"), src],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    check(p.returncode == 0, "autoconf.h of {} does not compile:\n{}".format(
        what, p.stdout.decode("utf-8", "replace")[:2000]), r)


@case
def list_symbols():
    """--list: every symbol with type, value after the conf files, prompt and declaration."""
    d = case_dir("list")
    conf = write(d, "prj.conf", "CONFIG_MAIN_STACK_SIZE=2048\n")
    p = subprocess.run([sys.executable, SCRIPT, "--kconfig", os.path.join(ROOT, "Kconfig"),
                        "--conf", conf, "--list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = p.stdout.decode()
    check(p.returncode == 0, "exit status {}".format(p.returncode))
    lines = [l.split() for l in out.splitlines()]
    stack = [l for l in lines if l[0] == "CONFIG_MAIN_STACK_SIZE"]
    check(len(stack) == 1 and stack[0][1:3] == ["int", "2048"] and "[kernel/Kconfig:" in out,
          "listing:\n" + out[:3000])
    check(not os.path.exists(os.path.join(d, "out")), "--list wrote files")


@case
def command_line():
    """Usage errors: exit status 2, no traceback."""
    r = subprocess.run([sys.executable, SCRIPT], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    err = r.stderr.decode()
    check(r.returncode == 2 and "Traceback" not in err and "--kconfig" in err, "usage: " + err)


def main():
    os.makedirs(WORK, exist_ok=True)
    for fn in CASES:
        if ONLY and fn.__name__ not in ONLY:
            continue
        try:
            fn()
            results["passed"] += 1
            print("PASS", fn.__name__)
        except Failure as e:
            results["failed"] += 1
            print("FAIL", fn.__name__ + ":", e)
    print("{} passed, {} failed".format(results["passed"], results["failed"]))
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
