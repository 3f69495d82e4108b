#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Run a build's host-runtime tests under valgrind memcheck.

    scripts/valgrind_ctest.py BUILD_DIR [-j N] [--list]

Takes every test ctest knows in BUILD_DIR whose command is a program built there (the kernel,
runtime, logging, ztest, compat and protection suites and the examples; not the output checks,
which run through cmake -P or python, not the fuzz replays, and not the core's tests, label
"core", which stage 40 runs under valgrind in a build of its own), minus the ones named in
EXCLUDED below, and runs each with its arguments and working directory under
`valgrind --error-exitcode=99 -q`. A test fails when valgrind reports an error or the program
fails. Exit status 0 when every test passed.

The runtime tells valgrind what it does with stacks (arch/host/host_thread.h,
kernel/include/mem_protect.h), so these need valgrind's headers at build time.
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys

# Tests valgrind cannot judge, and why. Each does on purpose what memcheck reports.
EXCLUDED = {
    # Faults on purpose (a NULL write, a write to code, a guard page): memcheck reports the
    # access before the runtime turns the signal into Zephyr's fatal error.
    "runtime_fatal_recover": "faults on purpose",
    "kernel.mm": "faults on purpose",
    "kernel.hardening_stack_clash": "faults on purpose",
    "ztest.pass": "faults on purpose (a test that expects a fatal error)",
    # Reads a k_thread object that went out of scope while its thread still waits: the runtime
    # checks such an object before trusting it (kernel/thread.c, entry_valid()).
    "kernel.thread_scope": "reads a dead frame on purpose",
    # Measures a thread's stack after the thread ended: reads memory below a stack pointer.
    "logging.runtime_stack": "reads a dead thread's stack on purpose",
    # valgrind replaces malloc(), which the test checks is zmem's system heap.
    "kernel.libc_malloc": "valgrind replaces malloc",
    # Real time: checks that busy and idle cycles add up within 1 %, which valgrind's slowdown
    # of some threads and not others does not keep (runtime_stats, in virtual time, runs).
    "runtime_stats_rt": "real-time accounting",
}


def selected(build):
    out = subprocess.run(["ctest", "--show-only=json-v1"], cwd=build, check=True,
                         capture_output=True, text=True).stdout
    build = os.path.realpath(build)
    tests = []
    for t in json.loads(out)["tests"]:
        cmd = t.get("command") or []
        props = {p["name"]: p["value"] for p in t.get("properties", [])}
        labels = props.get("LABELS", [])
        if (not cmd or not os.path.realpath(cmd[0]).startswith(build + os.sep)
                or "core" in labels or t["name"].startswith("fuzz.")
                or props.get("DISABLED")):
            continue
        tests.append((t["name"], cmd, props.get("WORKING_DIRECTORY", build),
                      props.get("ENVIRONMENT", [])))
    return tests


def run(test, timeout):
    name, cmd, cwd, env_list = test
    env = dict(os.environ)
    for kv in env_list:
        k, _, v = kv.partition("=")
        env[k] = v
    # --run-libc-freeres=no: glibc's clean-up at exit is for leak checking, which this run does
    # not do, and it reads the stacks of host threads that ended.
    vg = ["valgrind", "-q", "--error-exitcode=99", "--track-origins=yes",
          "--run-libc-freeres=no"]
    try:
        p = subprocess.run(vg + cmd, cwd=cwd, env=env, capture_output=True, text=True,
                           timeout=timeout, stdin=subprocess.DEVNULL)
        rc, log = p.returncode, p.stdout + p.stderr
    except subprocess.TimeoutExpired:
        rc, log = "timeout", ""
    return name, rc, log


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--list", action="store_true", help="print the tests, run nothing")
    args = ap.parse_args()

    tests = selected(args.build)
    run_these = [t for t in tests if t[0] not in EXCLUDED]
    for name, why in sorted(EXCLUDED.items()):
        print(f"valgrind {name}: not run ({why})")
    if args.list:
        for t in run_these:
            print(t[0], " ".join(t[1]))
        return 0
    failed = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as pool:
        for name, rc, log in pool.map(lambda t: run(t, args.timeout), run_these):
            if rc == 0:
                print(f"valgrind {name}: ok")
                continue
            print(f"valgrind {name}: FAILED (exit status {rc})")
            print("\n".join(log.splitlines()[-60:]))
            failed.append(name)
    print(f"valgrind: {len(run_these) - len(failed)} of {len(run_these)} tests clean, "
          f"{len(EXCLUDED)} not run")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
