#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Compares a build's .config with zmem's hardening recommendations (hardened.csv).

    hardenconfig.py --kconfig ROOT [--zephyr-base DIR] --dotconfig FILE

Prints one line per option (name, current value, recommended value, OK or DIFFERS) and a
count. Exit status 0 (a report, not a check), 1 when the Kconfig or .config cannot be read.
"""
import argparse
import os
import sys

try:
    import kconfiglib
except ImportError:
    sys.stderr.write("error: kconfiglib is missing: sudo apt-get install python3-kconfiglib\n")
    sys.exit(1)

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--kconfig", required=True)
    p.add_argument("--zephyr-base", default=os.path.dirname(os.path.dirname(HERE)))
    p.add_argument("--dotconfig", required=True)
    args = p.parse_args()
    os.environ["srctree"] = os.environ["ZEPHYR_BASE"] = os.path.abspath(args.zephyr_base)
    try:
        kconf = kconfiglib.Kconfig(args.kconfig, warn_to_stderr=False)
        kconf.load_config(args.dotconfig)
        with open(os.path.join(HERE, "hardened.csv"), encoding="utf-8") as f:
            rows = [line.strip().split(",") for line in f
                    if line.strip() and not line.startswith("#")]
    except (OSError, kconfiglib.KconfigError) as e:
        sys.stderr.write("error: {}\n".format(e))
        return 1
    differ = 0
    print("{:<28} {:>8} {:>12}".format("option", "current", "recommended"))
    for name, wanted in rows:
        sym = kconf.syms.get(name)
        current = sym.str_value if sym is not None and sym.nodes else "(unknown)"
        ok = current == wanted
        differ += not ok
        print("{:<28} {:>8} {:>12}  {}".format("CONFIG_" + name, current or "n", wanted,
                                               "OK" if ok else "DIFFERS"))
    print("{} of {} hardening options differ from the recommendation".format(differ, len(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
