#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Starts one of kconfiglib's configuration editors on a build's .config.

    run_editor.py menuconfig|guiconfig <Kconfig root>

KCONFIG_CONFIG (the .config), srctree and ZEPHYR_BASE come from the environment (the
menuconfig / guiconfig build targets set them). A missing module is named with the Debian
package that provides it, instead of a traceback.
"""
import runpy
import sys

PACKAGES = {"kconfiglib": "python3-kconfiglib", "menuconfig": "python3-kconfiglib",
            "guiconfig": "python3-kconfiglib", "curses": "python3 (with curses)",
            "tkinter": "python3-tk"}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("menuconfig", "guiconfig"):
        sys.stderr.write("usage: run_editor.py menuconfig|guiconfig <Kconfig root>\n")
        return 2
    tool, root = sys.argv[1], sys.argv[2]
    needed = ["kconfiglib", "curses" if tool == "menuconfig" else "tkinter", tool]
    for module in needed:
        try:
            __import__(module)
        except ImportError:
            sys.stderr.write("error: {} needs the Python module {}: sudo apt-get install {}\n"
                             .format(tool, module, PACKAGES[module]))
            return 1
    sys.argv = [tool, root]
    runpy.run_module(tool, run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
