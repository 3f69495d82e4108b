#!/usr/bin/env python3
"""Print why a CI stage failed, from its saved log, in a few dozen lines.

scripts/run-tests.sh prints this after the stage list, because whoever reads a CI run often sees
only the end of its output: the failing test's name and first lines of output were in the
middle, thousands of lines up. For ctest logs it names each failed test and shows the start of
its output (ctest --output-on-failure prints it right after the test's result line); for any
other log it shows the lines that look like errors, and the log's last lines.

usage: ci_failure_digest.py LOG [MAX_LINES_PER_TEST]
"""
import re
import sys

# "  3/204 Test  #17: heap.stress ......***Failed    1.02 sec" and the Timeout/Exception forms.
RESULT = re.compile(r"^\s*\d+/\d+ Test\s+#\d+: (\S+) \.*\s*(\*\*\*\S.*|Passed.*|\S.*sec)$")
START = re.compile(r"^\s*Start\s+\d+: ")
SUMMARY = re.compile(r"^\d+% tests passed")
ERROR = re.compile(r"error[: ]|FAILED|Error \d|\*\*\*|Assertion|Segmentation|Timeout", re.I)


def digest(lines, per_test):
    out = []
    failed_block = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = RESULT.match(line)
        if m and not m.group(2).startswith("Passed"):
            out.append(line.strip())
            j = i + 1
            body = []
            while j < len(lines) and not any(p.match(lines[j]) for p in (RESULT, START, SUMMARY)):
                if lines[j].strip():
                    body.append("    " + lines[j].rstrip())
                j += 1
            out.extend(body[:per_test])
            if len(body) > per_test:
                out.append(f"    [... {len(body) - per_test} more lines of its output in the log]")
            i = j
            continue
        if line.startswith("The following tests FAILED:"):
            failed_block = [line.rstrip()]
            for nxt in lines[i + 1:]:
                if not nxt.strip():
                    break
                failed_block.append(nxt.rstrip())
        i += 1
    if out or failed_block:
        return out + failed_block
    errors = [l.rstrip() for l in lines if ERROR.search(l)]
    return errors[-30:] + ["last lines of the log:"] + [l.rstrip() for l in lines[-15:]]


def main():
    path = sys.argv[1]
    per_test = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    with open(path, errors="replace") as f:
        lines = f.read().splitlines()
    for line in digest(lines, per_test):
        print(line)


if __name__ == "__main__":
    main()
