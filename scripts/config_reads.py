#!/usr/bin/env python3
"""Which configuration macros each source file can read, for cmake/zmem_app.cmake.

Usage: config_reads.py OUT.cmake -I DIR... -- SOURCE...

For each SOURCE, follows its #include lines (quoted ones first beside the including file, then
in the -I folders; angle ones in the -I folders) and collects every CONFIG_* and ZMEM_*
identifier written outside comments in the source and the headers it reaches. Every #include is
followed whatever #if it sits under, so the set is a superset of what a compilation reads.
Headers found in no -I folder are the C library's and read no configuration.

Two configurations that agree on every macro in a source's set preprocess it to the same text,
so the configuration libraries share one object for it (see _zmem_app_finalize).

A source whose closure builds a macro name by pasting (CONFIG_ ## x) or includes a file named by
a macro cannot be analysed: it is written with the reads "*", which means "never share".

OUT.cmake gets, per source, set(ZMEM_CONFIG_READS_<source path> "<names>"), and
ZMEM_CONFIG_READS_FILES: every file the sets depend on (CMake re-runs the analysis when one
changes).
"""

import os
import re
import sys

COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*(?:"([^"]+)"|<([^>]+)>|(\S+))', re.M)
NAME = re.compile(r"\b(?:CONFIG|ZMEM)_[A-Za-z0-9_]*")
PASTE = re.compile(r"\b(?:CONFIG|ZMEM)_[A-Za-z0-9_]*[ \t]*##|##[ \t]*(?:CONFIG|ZMEM)_")


def scan(path, cache):
    """(names, includes, unanalysable) of one file, comments stripped."""
    if path not in cache:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = COMMENT.sub(" ", f.read())
        includes = []
        bad = bool(PASTE.search(text))
        for quoted, angle, other in INCLUDE.findall(text):
            if other:
                bad = True  # #include MACRO
            else:
                includes.append((quoted or angle, bool(quoted)))
        cache[path] = (set(NAME.findall(text)), includes, bad)
    return cache[path]


def resolve(name, quoted, here, dirs):
    for d in ([here] if quoted else []) + dirs:
        p = os.path.normpath(os.path.join(d, name))
        if os.path.isfile(p):
            return p
    return None


def closure(source, dirs, cache):
    names, files, bad = set(), set(), False
    pending = [os.path.normpath(source)]
    while pending:
        path = pending.pop()
        if path in files:
            continue
        files.add(path)
        n, includes, b = scan(path, cache)
        names |= n
        bad |= b
        for inc, quoted in includes:
            p = resolve(inc, quoted, os.path.dirname(path), dirs)
            if p is not None:
                pending.append(p)
    return names, files, bad


def read_output(path):
    """The file main() writes, read back: ({source: "*" or "NAME;NAME..."}, [files read])."""
    reads, files = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            name, value = line[len('set("'):].rstrip(')\n').split('" "')
            value = value.rstrip('"')
            if name == "ZMEM_CONFIG_READS_FILES":
                files = value.split(";")
            else:
                reads[name[len("ZMEM_CONFIG_READS_"):]] = value
    return reads, files


def main(argv):
    out = argv[1]
    sep = argv.index("--")
    dirs = [os.path.normpath(d) for d in argv[2:sep] if d != "-I"]
    cache, all_files, lines = {}, set(), []
    for src in argv[sep + 1:]:
        names, files, bad = closure(src, dirs, cache)
        all_files |= files
        reads = "*" if bad else ";".join(sorted(names))
        lines.append('set("ZMEM_CONFIG_READS_%s" "%s")\n' % (src, reads))
    lines.append('set("ZMEM_CONFIG_READS_FILES" "%s")\n' % ";".join(sorted(all_files)))
    text = "".join(lines)
    old = None
    if os.path.exists(out):
        with open(out, encoding="utf-8") as f:
            old = f.read()
    if old != text:
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
