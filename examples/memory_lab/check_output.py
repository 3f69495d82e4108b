#!/usr/bin/env python3
# Copyright (c) 2026 zmem contributors
# SPDX-License-Identifier: Apache-2.0
"""Run the memory lab under --no-rt and check that its monitoring figures tell the truth.

check_output.py EXE [--autoconf build/zephyr/autoconf.h]

- every stack figure is below its declared size, and a probe of known depth is covered by the
  usage figure (within a frame's worth of bytes);
- the heap figures add up to no more than the heap, and the high-water mark covers the peak
  (when the build has CONFIG_SYS_HEAP_RUNTIME_STATS, which the lab asks for with the chapter's
  spelling CONFIG_HEAP_RUNTIME_STATS);
- the CPU shares over the window in which two threads spin add up to about 100 %, split as
  the threads' busy waits are (1 : 3);
- the snprintf report costs main's 2 KiB stack little.
Exit status 0 when every check passes; each failure is printed.
"""
import re
import subprocess
import sys

PROBE_SLACK = 256  # bytes of frames around the probe's own 1024 bytes


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    exe = argv[1]
    autoconf = argv[argv.index("--autoconf") + 1] if "--autoconf" in argv else None
    config = ""
    if autoconf:
        with open(autoconf, encoding="utf-8") as f:
            config = f.read()
    run = subprocess.run([exe, "--no-rt"], capture_output=True, text=True, timeout=60)
    out = run.stdout
    failures = []

    def check(cond, what):
        print(("ok   " if cond else "FAIL ") + what)
        if not cond:
            failures.append(what)

    check(run.returncode == 0, f"exit status {run.returncode}")
    check("memory lab done" in out, "the lab ran to its end")

    # Stacks: every figure below its declared size.
    m = re.search(r"Initial stack usage: (\d+)/(\d+) bytes", out)
    check(m is not None, "initial stack usage printed")
    if m:
        used, size = int(m.group(1)), int(m.group(2))
        check(size == 2048 and 0 < used < size, f"initial stack usage {used}/{size}")
    figures = re.findall(r"Thread stack usage: (\d+)/(\d+) bytes", out)
    check(len(figures) >= 4, f"{len(figures)} thread stack figures")
    for used, size in figures:
        check(0 < int(used) < int(size), f"thread stack usage {used}/{size}")
    for used, size in re.findall(r"STACK: unused \d+ usage (\d+) / (\d+)", out):
        check(0 < int(used) < int(size), f"analyzer stack usage {used}/{size}")
    probes = re.findall(r"Stack probe: (\d+) bytes touched, stack usage (\d+)/(\d+) bytes", out)
    check(len(probes) == 3, f"{len(probes)} stack probes")
    for depth, used, size in probes:
        depth, used, size = int(depth), int(used), int(size)
        check(depth <= used <= depth + PROBE_SLACK and used < size,
              f"probe of {depth} bytes: usage {used}/{size}")
    check(any(int(size) == 1536 for _, _, size in probes), "1536-byte stack reported as 1536")

    # Heaps.
    stats = re.search(r"Heap Statistics:\n  Total Size: (\d+) bytes\n  Allocated:  (\d+) bytes\n"
                      r"  Free:       (\d+) bytes\n  Max Usage:  (\d+) bytes", out)
    check(stats is not None, "heap statistics printed")
    line = re.search(r"Heap stats: (\d+) bytes allocated, (\d+) bytes free", out)
    check(line is not None, "heap stats line printed")
    if stats and line:
        total, alloc, free, peak = (int(g) for g in stats.groups())
        heap_size = 2048
        overhead = heap_size - alloc - free
        # sys_heap's documented fixed overhead (sys_heap.h, docs/sys_heap.md) for an 8-byte
        # aligned buffer of B bytes: B - 8 * (e - F(e)), e = (B - 8) / 8,
        # F(e) = 3 + floor(log2(e - 1) / 2); with the 4-byte units of 32-bit builds
        # (CONFIG_SYS_HEAP_SMALL_UNIT4 without CONFIG_64BIT or CONFIG_SYS_HEAP_BIG_ONLY)
        # B - 4 * (e - 2 F(floor(e / 2))), e = (B - 4) / 4.
        def fixed_f(e):
            return 3 + ((e - 1).bit_length() - 1) // 2
        unit4 = ("#define CONFIG_SYS_HEAP_SMALL_UNIT4 1\n" in config
                 and "#define CONFIG_64BIT 1\n" not in config
                 and "#define CONFIG_SYS_HEAP_BIG_ONLY 1\n" not in config)
        if unit4:
            e = (heap_size - 4) // 4
            documented = heap_size - 4 * (e - 2 * fixed_f(e // 2))
        else:
            e = (heap_size - 8) // 8
            documented = heap_size - 8 * (e - fixed_f(e))
        check(alloc >= 256 and overhead == documented,
              f"buffer_heap: {alloc} allocated + {free} free + {documented} fixed overhead "
              f"= {heap_size} (measured overhead {overhead} bytes)")
        shown = re.search(r"Heap overhead: (\d+) bytes fixed \((\d+) allocated \+ (\d+) free "
                          r"\+ (\d+) = (\d+) bytes\)", out)
        check(shown is not None and int(shown.group(1)) == documented
              and int(shown.group(5)) == heap_size,
              "the lab's overhead line shows the figures adding up to the heap's size")
        tracked = re.search(r"#define CONFIG_SYS_HEAP_RUNTIME_STATS 1", config) is not None
        if tracked:
            check(peak >= 256 + 512 + 384 and peak >= alloc,
                  f"max usage {peak} covers the 1152-byte peak")
        else:
            print("skip max usage: this build has no CONFIG_SYS_HEAP_RUNTIME_STATS "
                  "(CONFIG_HEAP_RUNTIME_STATS not mapped to it yet)")

    # CPU shares over the spin window.
    cpu = re.search(r"CPU usage over the spin window \(\d+ cycles\): sensor ([\d.]+)%, "
                    r"control ([\d.]+)%, main ([\d.]+)%, idle ([\d.]+)%", out)
    check(cpu is not None, "CPU shares printed")
    if cpu:
        sensor, control, main_, idle = (float(g) for g in cpu.groups())
        total = sensor + control + main_ + idle
        check(99.0 <= total <= 101.0, f"CPU shares add up to {total:.1f} %")
        check(sensor > 0 and abs(control / sensor - 3.0) < 0.15,
              f"control/sensor = {control / sensor if sensor else 0:.2f} (busy waits 3:1)")

    # Formatting on main's stack.
    fmt = re.search(r"snprintf report: .*\(main stack unused (\d+) -> (\d+) bytes\)", out)
    check(fmt is not None, "snprintf report printed")
    if fmt:
        before, after = int(fmt.group(1)), int(fmt.group(2))
        check(before - after < 512, f"snprintf took {before - after} more bytes of main's stack")

    if failures:
        print(f"{len(failures)} check(s) failed; the lab's output:\n{out}\n{run.stderr}")
        return 1
    print("memory lab figures: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
