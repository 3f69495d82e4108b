#!/usr/bin/env bash
# Consumer of an installed zmem through pkg-config: build.sh PREFIX OUTDIR.
# zmem is a static library, so the link asks for --static (Libs.private included).
set -euo pipefail
prefix="$1" out="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pcdir="$(dirname "$(find "$prefix" -name zmem.pc -print -quit)")"
[ -f "$pcdir/zmem.pc" ] || { echo "no zmem.pc under $prefix"; exit 1; }
export PKG_CONFIG_PATH="$pcdir"
pkg-config --exists zmem || { echo "pkg-config does not find zmem"; exit 1; }
echo "zmem $(pkg-config --modversion zmem): cflags '$(pkg-config --cflags zmem)' libs '$(pkg-config --static --libs zmem)'"
mkdir -p "$out"
# shellcheck disable=SC2046
${CC:-cc} -std=c11 -Wall -Wextra -Werror '-DZMEM_CONSUMER_KIND="pkg-config"' \
  $(pkg-config --cflags zmem) "$here/../consumer.c" -o "$out/pkgconfig_consumer" \
  $(pkg-config --static --libs zmem)
