#!/usr/bin/env python3
"""scripts/config_reads.py, which decides which objects configuration libraries share.

Usage: test_config_reads.py ZMEM_SOURCE_DIR WORK_DIR AUTOCONF_H

1. Fixtures: quoted includes found beside the including file first, angle ones in -I folders,
   includes under #if 0 still followed, names in comments ignored, C library headers skipped,
   include cycles, and the two forms it cannot analyse (pasted names, #include MACRO) reported
   as "*" (never share).
2. zmem's own sources: every zmem header GCC's preprocessor opens for a source (gcc -M, with
   the default configuration) is in the closure the script follows. A header it missed would
   let two configurations share an object they compile differently.
"""

import os
import subprocess
import sys
import tempfile

# The script under test, imported too: its closure and its reader of the file it writes.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import config_reads  # noqa: E402

failures = 0


def check(cond, what):
    global failures
    if not cond:
        failures += 1
        print("FAIL:", what)


def run_script(root, out, dirs, sources):
    args = [sys.executable, os.path.join(root, "scripts", "config_reads.py"), out]
    for d in dirs:
        args += ["-I", d]
    subprocess.run(args + ["--"] + sources, check=True)
    return config_reads.read_output(out)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def fixtures(root, work):
    t = os.path.join(work, "fixtures")
    write(f"{t}/src/a.c", '#include "local.h"\n#include <pub/api.h>\n#include <stdio.h>\n'
          "/* CONFIG_IN_COMMENT */ // CONFIG_IN_LINE_COMMENT\nint a = CONFIG_A;\n")
    write(f"{t}/src/local.h", '#if 0\n#include "hidden.h"\n#endif\n#include "local.h"\n'
          "#define X ZMEM_LOCAL\n")
    write(f"{t}/src/hidden.h", "#if CONFIG_HIDDEN\n#endif\n")
    write(f"{t}/inc/local.h", "int CONFIG_WRONG_LOCAL;\n")
    write(f"{t}/inc/pub/api.h", "#ifdef CONFIG_API\n#endif\n")
    write(f"{t}/src/paste.c", '#include "paste.h"\n')
    write(f"{t}/src/paste.h", "#define ON(x) CONFIG_ ## x\n")
    write(f"{t}/src/macro.c", "#define H <pub/api.h>\n#include H\n")
    write(f"{t}/src/none.c", "int none;\n")
    src = [f"{t}/src/a.c", f"{t}/src/paste.c", f"{t}/src/macro.c", f"{t}/src/none.c"]
    reads, files = run_script(root, f"{t}/out.cmake", [f"{t}/inc"], src)
    check(reads.get(src[0]) == "CONFIG_A;CONFIG_API;CONFIG_HIDDEN;ZMEM_LOCAL",
          f"a.c reads {reads.get(src[0])!r}")
    check(reads.get(src[1]) == "*", f"pasted name: {reads.get(src[1])!r}, expected *")
    check(reads.get(src[2]) == "*", f"#include MACRO: {reads.get(src[2])!r}, expected *")
    check(reads.get(src[3]) == "", f"none.c reads {reads.get(src[3])!r}")
    check(f"{t}/src/hidden.h" in files and f"{t}/inc/local.h" not in files,
          f"files: {files}")


def zmem_sources(root, work, autoconf):
    dirs = [os.path.join(root, d) for d in ("include", "arch/host", "kernel/include")]
    sources = []
    for top in ("lib", "kernel", "arch/host", "subsys"):
        for base, _, names in os.walk(os.path.join(root, top)):
            sources += [os.path.join(base, n) for n in names if n.endswith(".c")]
    sources.sort()
    check(len(sources) > 50, f"only {len(sources)} sources found")
    reads, _ = run_script(root, os.path.join(work, "zmem.cmake"), dirs, sources)

    tops = tuple(os.path.join(root, d) + os.sep
                 for d in ("include", "lib", "kernel", "arch", "subsys"))
    cache = {}
    for src in sources:
        dep = subprocess.run(["gcc", "-std=c11", "-M", "-imacros", autoconf]
                             + [f"-I{d}" for d in dirs] + [src],
                             capture_output=True, text=True)
        if dep.returncode != 0:
            continue  # a source for another build (a board, a libc): not compiled here
        opened = {os.path.normpath(w) for w in dep.stdout.replace("\\\n", " ").split()[1:]}
        _, files, _ = config_reads.closure(src, dirs, cache)
        # zmem's own headers only: gcc -M also names the -imacros file, and a build folder may
        # sit inside the source tree (CI's default out/), so its generated files are not zmem's.
        missed = sorted(p for p in opened
                        if p.startswith(tops) and p != autoconf and p not in files)
        check(not missed, f"{src}: the closure misses {missed}")
        check(src in reads, f"{src}: no entry written")


def main():
    root, work, autoconf = (os.path.abspath(a) for a in sys.argv[1:4])
    os.makedirs(work, exist_ok=True)
    fixtures(root, work)
    zmem_sources(root, work, autoconf)
    print("config_reads:", "FAILED" if failures else "passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
