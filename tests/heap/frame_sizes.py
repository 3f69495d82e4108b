#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Stack frames of the core allocator at every optimization level a user may build with.

    frame_sizes.py CC SOURCE_ROOT LIMIT [CFLAGS...]

Compiles each lib/heap/*.c with CC and CFLAGS (the build's target flags: -m32, -mcpu=...) at
-O0, -Og, -O2 and -Os (-fstack-usage, the freestanding defaults: no configuration header) and
fails when a function's frame exceeds LIMIT bytes.
A thread calls sys_heap_* on its own stack, sized for the target; the allocator must not need
kilobytes of it in a debug build. (Before the fix, -O0 builds forced the speed build's inlining:
sys_heap_free's frame was 2656 bytes on x86-64 and a merging free took about 4 KiB.)
"""
import pathlib
import subprocess
import sys
import tempfile

LEVELS = ["-O0", "-Og", "-O2", "-Os"]


def frames(cc, cflags, root, level, work):
    """(bytes, 'file:line:function') for every function of lib/heap at this level."""
    rows = []
    for src in sorted((root / "lib" / "heap").glob("*.c")):
        obj = work / (src.stem + level + ".o")
        subprocess.run([cc, *cflags, level, "-std=c11", "-fstack-usage", "-I",
                        str(root / "include"), "-c", str(src), "-o", str(obj)], check=True)
        usage = obj.with_suffix(".su")
        if not usage.exists():
            continue  # clang writes none for a file with no function (heap_array.c unconfigured)
        for line in usage.read_text().splitlines():
            where, size, _kind = line.split("\t")
            rows.append((int(size), where.replace(str(root) + "/", "")))
    return rows


def main():
    if len(sys.argv) < 4:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    cc, root, limit = sys.argv[1], pathlib.Path(sys.argv[2]).resolve(), int(sys.argv[3])
    cflags = sys.argv[4:]
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for level in LEVELS:
            rows = sorted(frames(cc, cflags, root, level, pathlib.Path(tmp)), reverse=True)
            size, where = rows[0]
            print(f"{level}: {len(rows)} functions, largest frame {size} bytes ({where})")
            for size, where in rows:
                if size > limit:
                    print(f"FAIL {level}: {where} takes {size} bytes of stack (limit {limit})")
                    failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
