#!/usr/bin/env python3
"""The configuration libraries give each source the -D options of the names it reads only.

cmake/zmem_app.cmake compiles a configuration library's sources with the configuration as -D
options, each source with only the names scripts/config_reads.py found in its include closure
(all of them when that closure cannot be analysed, "*"), so that a compiler cache recognises
one source compiled alike in two configurations, or in two projects (twister's scenarios), from
the command line alone. Checked on this build tree's compile_commands.json:

- every source of a configuration library (but one read through -imacros) gets no -DCONFIG_/-DZMEM_ option outside its reads,
  and every option it gets is the configuration's own value;
- two configuration libraries that compile one source differ only in those options;
- the libraries compiled something (so the checks above saw commands).

usage: test_per_source_defines.py BUILD_DIR
"""
import json
import os
import re
import shlex
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import config_reads  # noqa: E402  (its reader of the file it writes)

failures = 0
CANARY_OPTIONS = ("-fstack-protector", "-mstack-protector")


def check(ok, what):
    global failures
    if not ok:
        failures += 1
        print("FAIL:", what)


def load_reads(path):
    """{source: set of names or "*"} from the file scripts/config_reads.py wrote for CMake."""
    reads, _ = config_reads.read_output(path)
    return {src: "*" if value == "*" else set(filter(None, value.split(";")))
            for src, value in reads.items()}


def load_autoconf(build, lib):
    """The configuration of library zmem_cfg_<hash>: {name: value}."""
    path = os.path.join(build, "configs", lib[len("zmem_cfg_"):], "zephyr", "autoconf.h")
    values = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"#define (\S+) (.*)$", line.rstrip("\n"))
            if m:
                values[m.group(1)] = m.group(2)
    return values


def split(entry):
    """(library, -D options of configuration names {name: value}, the other arguments)."""
    args = entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])
    m = re.search(r"/(zmem_cfg_[0-9a-f]+)_objects\.dir/", entry.get("output", "") + " ".join(args))
    if not m:
        return None, None, None
    defines, rest = {}, []
    skip = False
    for a in args:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MT", "-MF"):
            skip = True
            continue
        d = re.match(r"-D((?:CONFIG|ZMEM)_\w+)(?:=(.*))?$", a)
        if d and d.group(1) != "ZMEM_VERSION_STRING":
            defines[d.group(1)] = d.group(2) if d.group(2) is not None else "1"
        elif not a.startswith(CANARY_OPTIONS):
            # CONFIG_STACK_CANARIES adds these to a whole library (cmake/zmem_hardening.cmake).
            rest.append(a)
    return m.group(1), defines, rest


def main():
    build = os.path.abspath(sys.argv[1])
    reads = load_reads(os.path.join(build, "zmem_config_reads.cmake"))
    with open(os.path.join(build, "compile_commands.json"), encoding="utf-8") as f:
        entries = json.load(f)
    configs = {}
    seen = {}  # source -> (library, other arguments)
    compiled = 0
    for entry in entries:
        lib, defines, rest = split(entry)
        if lib is None:
            continue
        src = os.path.normpath(os.path.join(entry["directory"], entry["file"]))
        if any(a.startswith("-imacros") for a in rest):
            # A configuration with a value -D cannot carry takes -imacros: nothing per source.
            check(not defines, f"{lib} {src}: -imacros and -D options")
            continue
        compiled += 1
        if lib not in configs:
            configs[lib] = load_autoconf(build, lib)
        conf = configs[lib]
        for name, value in defines.items():
            check(conf.get(name) == value,
                  f"{lib} {src}: -D{name}={value}, the configuration has {conf.get(name)!r}")
        want = reads.get(src, "*")
        if want != "*":
            extra = sorted(set(defines) - want)
            check(not extra, f"{lib} {src}: -D options for names it does not read: {extra}")
            missing = sorted(n for n in want if n in conf and n not in defines)
            check(not missing, f"{lib} {src}: no -D option for names it reads: {missing}")
        if src in seen:
            other_lib, other_rest = seen[src]
            check(rest == other_rest,
                  f"{src}: {lib} and {other_lib} differ in more than configuration options")
        else:
            seen[src] = (lib, rest)
    check(compiled >= 20, f"only {compiled} configuration-library compilations found")
    check(any(r != "*" for r in reads.values()), "no source's reads were analysed")
    print(f"per-source defines: {compiled} compilations in {len(configs)} libraries:",
          "FAILED" if failures else "passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
