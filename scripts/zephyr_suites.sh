#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Build and run Zephyr's own test folders, unchanged, against this zmem tree, and print the
# result of every test case and a pass count per suite (docs/compatibility.md).
#
#   scripts/zephyr_suites.sh DIR [OUTDIR] [-- extra twister options]
#   scripts/zephyr_suites.sh --fetch DEST [REF]
#
# DIR holds Zephyr test folders (each with CMakeLists.txt, prj.conf, testcase.yaml and src/),
# for example copies of Zephyr's tests/lib/heap, tests/lib/heap_align, tests/lib/mem_blocks,
# tests/lib/multi_heap, tests/kernel/mem_heap/k_heap_api and tests/kernel/mem_slab/mslab_api.
# Every scenario of every testcase.yaml runs on native_sim (zmem's host platform) through
# scripts/twister; scenarios for other platforms show as filtered. The options after -- go to
# twister: `-- -p qemu_cortex_m3 -K` runs the folders on the Cortex-M3 board instead (-K: whatever
# their testcase.yaml allows), where zmem's 32-bit heaps have 4-byte units. OUTDIR (default
# /tmp/zephyr-suites-$USER) keeps the build folders, so a second run rebuilds only what changed.
#
# --fetch checks out, from Zephyr's git repository at REF (a branch or tag, default main; a tag
# makes the set reproducible), only the folders listed in scripts/zephyr_suites.list, into DEST
# (a sparse, shallow clone; needs network access, so CI does not use it); then run
# `scripts/zephyr_suites.sh DEST`. Folders written for Zephyr 3.0 to 3.4 (headers without the
# zephyr/ prefix) need `-- -x CONFIG_LEGACY_INCLUDE_PATH=y`.
#
# Environment:
#   ZEPHYR_SUITES_JOBS   scenarios built at once (default 2)
#   ZEPHYR_GIT_URL       repository --fetch clones (default Zephyr's on GitHub)
#
# Exit status: 0 when every case that ran passed, 1 otherwise, 2 for a usage error.
# A folder whose CMakeLists.txt asks for a newer CMake than the one installed cannot be
# configured here (Zephyr's newest folders ask for 3.28; Debian 12 has 3.25): the summary names
# them, and their cases count as not run.
set -euo pipefail

usage() {
	sed -n '4,32p' "$0" | sed 's/^# \{0,1\}//'
	exit 2
}

# --fetch DEST [REF]: a sparse, shallow checkout of the listed folders.
fetch() {
	local dest=$1 ref=${2:-main}
	local url=${ZEPHYR_GIT_URL:-https://github.com/zephyrproject-rtos/zephyr}
	local list
	list=$(cd "$(dirname "$0")" && pwd)/zephyr_suites.list
	if [ -e "$dest" ]; then
		echo "zephyr_suites: $dest exists; give a new folder" >&2
		exit 2
	fi
	git clone --quiet --depth 1 --filter=blob:none --no-checkout --branch "$ref" "$url" "$dest"
	grep -v '^[[:space:]]*\(#\|$\)' "$list" |
		git -C "$dest" sparse-checkout set --no-cone --stdin
	git -C "$dest" checkout --quiet
	local missing=0
	while read -r folder; do
		if [ ! -d "$dest/$folder" ]; then
			echo "zephyr_suites: $folder is not in $url at $ref" >&2
			missing=$((missing + 1))
		fi
	done < <(grep -v '^[[:space:]]*\(#\|$\)' "$list")
	echo "zephyr_suites: $(git -C "$dest" rev-parse HEAD) of $url in $dest" \
		"($missing listed folders missing); run: $0 $dest"
}

[ $# -ge 1 ] || usage
case "$1" in
-h | --help) usage ;;
--fetch)
	[ $# -ge 2 ] || usage
	fetch "$2" "${3:-}"
	exit 0
	;;
esac
suites_dir=$(cd "$1" && pwd) || usage
shift
outdir=/tmp/zephyr-suites-${USER:-user}
if [ $# -ge 1 ] && [ "$1" != "--" ]; then
	outdir=$1
	shift
fi
[ "${1:-}" = "--" ] && shift

root=$(cd "$(dirname "$0")/.." && pwd)
jobs=${ZEPHYR_SUITES_JOBS:-2}
python=/usr/bin/python3
[ -x "$python" ] || python=python3

mkdir -p "$outdir"
echo "zephyr_suites: $suites_dir against $root (output in $outdir)"
set +e
ZEPHYR_BASE="$root" "$root/scripts/twister" -T "$suites_dir" -O "$outdir" -j "$jobs" "$@" \
	>"$outdir/twister.log" 2>&1
twister_status=$?
set -e
if [ ! -f "$outdir/twister.json" ]; then
	echo "zephyr_suites: twister wrote no report (status $twister_status); see $outdir/twister.log"
	tail -20 "$outdir/twister.log"
	exit 1
fi

"$python" - "$outdir/twister.json" <<'EOF'
import json
import re
import sys

report = json.load(open(sys.argv[1]))
totals = {"passed": 0, "failed": 0, "skipped": 0, "not run": 0}
rows = []
bad = False
for suite in report.get("testsuites", []):
    status = suite.get("status", "")
    name = suite.get("name", "?")
    if status == "filtered":
        rows.append((name, "filtered", suite.get("reason", ""), 0, 0, 0, 0))
        continue
    counts = {"passed": 0, "failed": 0, "skipped": 0, "not run": 0}
    print(f"== {name} ({suite.get('path', '')}): {status}")
    reason = suite.get("reason", "")
    log = suite.get("log", "") or ""
    m = re.search(r"CMake (\S+) or higher is required\.\s+You are running version (\S+)", log)
    if m:
        reason = f"needs CMake {m.group(1)}, this machine has {m.group(2)}"
    for case in suite.get("testcases", []):
        st = case.get("status", "")
        key = {"passed": "passed", "failed": "failed", "error": "failed",
               "skipped": "skipped"}.get(st, "not run")
        counts[key] += 1
        line = f"   {key.upper():8s} {case.get('identifier', '?')}"
        if case.get("reason"):
            line += f": {case['reason']}"
        print(line)
    if status in ("error", "failed") or counts["failed"] or counts["not run"]:
        bad = True
    for k in totals:
        totals[k] += counts[k]
    rows.append((name, status, reason, counts["passed"], counts["failed"], counts["skipped"],
                 counts["not run"]))

print()
print(f"{'scenario':45s} {'status':9s} {'pass':>5s} {'fail':>5s} {'skip':>5s} {'not run':>8s}  reason")
for name, status, reason, p, f, s, n in rows:
    if status == "filtered":
        print(f"{name:45s} {status:9s} {'-':>5s} {'-':>5s} {'-':>5s} {'-':>8s}  {reason}")
    else:
        print(f"{name:45s} {status:9s} {p:5d} {f:5d} {s:5d} {n:8d}  {reason}")
print(f"cases: {totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped, "
      f"{totals['not run']} not run (build or configuration failed)")
sys.exit(1 if bad else 0)
EOF
