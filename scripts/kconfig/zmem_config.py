#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""zmem's configuration step: Kconfig symbols + configuration files -> .config, autoconf.h.

Reads the Kconfig tree (an application's own Kconfig, or zmem's root Kconfig, sourcing
Kconfig.zephyr), applies the configuration files in order (prj.conf, CONF_FILE entries,
EXTRA_CONF_FILE / OVERLAY_CONFIG, the -DCONFIG_X=... values) through kconfiglib, checks every
assignment as Zephyr does and writes the results. CMake runs it at configure time
(cmake/zmem_kconfig.cmake); tests and fuzzers may run it directly.

    zmem_config.py --kconfig ROOT [--zephyr-base DIR] [--conf FILE]... [--strict]
                   [--dotconfig FILE] [--autoconf FILE] [--cmake FILE] [--sources FILE]
                   [--state FILE] [--header-name NAME]

  --kconfig ROOT      the Kconfig file to parse (an application's Kconfig sources
                      "Kconfig.zephyr"); paths in `source` are relative to --zephyr-base
  --zephyr-base DIR   the zmem tree ($ZEPHYR_BASE, exported as srctree); default: two folders
                      above this script
  --conf FILE         a configuration file (CONFIG_X=value lines); repeat, applied in order,
                      a later assignment wins
  --strict            an assignment to an unknown symbol is an error, not a warning
  --dotconfig FILE    write the full configuration (.config format); when the only errors are
                      assignments that do not take, FILE.stopped gets the configuration the
                      other values give (twister evaluates filter: on it)
  --autoconf FILE     write the C header (#define CONFIG_X ...) applications see via -imacros
  --cmake FILE        write set(CONFIG_X "...") lines for CMake
  --sources FILE      write the Kconfig files parsed, one per line (build dependencies)
  --list              print every symbol (name, type, value, prompt, where declared) after
                      applying the conf files, instead of writing anything
  --state FILE        remember the inputs and the written .config: when the inputs are
                      unchanged and .config was edited since (menuconfig), the edited .config
                      is the configuration, as on Zephyr

Messages: `FILE:LINE: error: ...`, `FILE:LINE: warning: ...`, `FILE:LINE: note: ...` on
stderr. Exit status 0 when configured, 1 on any error (nothing is written then), 2 for a bad
command line. Bad input of any kind ends in such a message, never in a Python traceback.

Checks, as Zephyr's kconfig.py makes them (zmem stops on each, Zephyr does too):
  - a value of the wrong type (bool y/n, int decimal, hex 0x..., string "..."), or an int/hex
    that does not fit in 64 bits;
  - an int/hex outside the symbol's active `range`;
  - an assignment that does not take: unmet `depends on`, a symbol without prompt assigned
    another value than its own, n given to a symbol another one selects, a choice member that
    is not the choice's final selection;
  - a malformed line.
An unknown symbol is a warning (zmem declares fewer symbols than Zephyr, and a board's
CONFIG_SERIAL=y must not stop an unchanged application), an error with --strict. A spelling
listed in spellings.txt (next to this script), such as the seed chapter's
CONFIG_HEAP_RUNTIME_STATS, is applied to the Zephyr symbol it stands for, with a note.
"""

import argparse
import hashlib
import json
import os
import re
import sys

try:
    import kconfiglib
except ImportError:
    sys.stderr.write(
        "error: the Python module kconfiglib is missing for {}\n"
        "  Debian/Ubuntu: sudo apt-get install python3-kconfiglib   "
        "(elsewhere: pip install kconfiglib)\n".format(sys.executable))
    sys.exit(1)

SCRIPT_DIR = os.path.dirname(os.path.abspath(__file__))

INT64_MIN = -(1 << 63)
INT64_MAX = (1 << 63) - 1
UINT64_MAX = (1 << 64) - 1

_ASSIGN_RE = re.compile(r"CONFIG_([A-Za-z0-9_]+)\s*=\s*(.*)")
_UNSET_RE = re.compile(r"#\s*CONFIG_([A-Za-z0-9_]+) is not set")
_INT_RE = re.compile(r"-?[0-9]+")
_HEX_RE = re.compile(r"0[xX][0-9a-fA-F]+")
_STRING_RE = re.compile(r'"((?:[^"\\]|\\.)*)"', re.DOTALL)


class Messages:
    """Collects diagnostics so that every error of a run is reported, not only the first."""

    def __init__(self):
        self.errors = 0
        self.untaken = 0  # errors that are assignments that did not take (Zephyr warns)

    @staticmethod
    def _where(filename, linenr):
        if filename is None:
            return ""
        if linenr is None:
            return "{}: ".format(filename)
        return "{}:{}: ".format(filename, linenr)

    def error(self, msg, filename=None, linenr=None):
        self.errors += 1
        sys.stderr.write("{}error: {}\n".format(self._where(filename, linenr), msg))

    def warning(self, msg, filename=None, linenr=None):
        sys.stderr.write("{}warning: {}\n".format(self._where(filename, linenr), msg))

    def note(self, msg, filename=None, linenr=None):
        sys.stderr.write("{}note: {}\n".format(self._where(filename, linenr), msg))


def shown(text, limit=60):
    """A value as it can be printed safely in a message: control characters escaped, cut."""
    out = text.encode("unicode_escape", "backslashreplace").decode("ascii")
    if len(out) > limit:
        out = out[:limit] + "..."
    return out


def load_spellings(path, msgs):
    """spellings.txt: `OTHER_NAME ZEPHYR_NAME where it comes from...` per line, # comments."""
    table = {}
    try:
        with open(path, encoding="utf-8") as f:
            for linenr, line in enumerate(f, 1):
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                parts = line.split(None, 2)
                if len(parts) < 2:
                    msgs.error("malformed spelling (expected 'NAME ZEPHYR_NAME origin')",
                               path, linenr)
                    continue
                table[parts[0]] = (parts[1], parts[2] if len(parts) > 2 else "")
    except OSError:
        pass  # no table: no alternative spellings
    return table


class Assignment:
    def __init__(self, filename, linenr, name, value, sym, via=None):
        self.filename = filename
        self.linenr = linenr
        self.name = name  # as written, without CONFIG_
        self.value = value  # normalized (bool y/n, unescaped string, int/hex text)
        self.sym = sym
        self.via = via  # the spelling written, when mapped to a Zephyr symbol


def sym_desc(sym):
    return "CONFIG_" + sym.name


def kconfig_loc(sym):
    locs = ["{}:{}".format(n.filename, n.linenr) for n in sym.nodes]
    return ", ".join(locs)


def check_value(sym, value, msgs, filename, linenr):
    """Returns the value to give kconfiglib, or None after an error naming file:line."""
    t = sym.orig_type
    name = sym_desc(sym)
    if t in (kconfiglib.BOOL, kconfiglib.TRISTATE):
        allowed = ("y", "n") if t == kconfiglib.BOOL else ("y", "m", "n")
        if value not in allowed:
            msgs.error("'{}' is not a valid value for the bool symbol {} (expected {})".format(
                shown(value), name, " or ".join(allowed)), filename, linenr)
            return None
        return value
    if t == kconfiglib.INT:
        if not _INT_RE.fullmatch(value):
            msgs.error("'{}' is not a valid value for the int symbol {} (expected a decimal "
                       "integer)".format(shown(value), name), filename, linenr)
            return None
        if len(value.lstrip("-").lstrip("0")) > 19 or not INT64_MIN <= int(value, 10) <= INT64_MAX:
            msgs.error("{} for the int symbol {} does not fit in 64 bits".format(
                shown(value), name), filename, linenr)
            return None
        return str(int(value, 10))
    if t == kconfiglib.HEX:
        if not _HEX_RE.fullmatch(value):
            msgs.error("'{}' is not a valid value for the hex symbol {} (expected 0x and hex "
                       "digits)".format(shown(value), name), filename, linenr)
            return None
        if len(value.lstrip("0xX")) > 16:
            msgs.error("{} for the hex symbol {} does not fit in 64 bits".format(
                shown(value), name), filename, linenr)
            return None
        return value
    if t == kconfiglib.STRING:
        m = _STRING_RE.fullmatch(value)
        if not m:
            msgs.error("{} is not a valid value for the string symbol {} (expected a "
                       "double-quoted string, with \\\" and \\\\ inside)".format(
                           shown(value), name), filename, linenr)
            return None
        text = kconfiglib.unescape(m.group(1))
        if any(ord(c) < 0x20 and c != "\t" or ord(c) == 0x7F for c in text):
            msgs.error("the value of the string symbol {} holds a control character, which "
                       "cannot go into a C string literal as it is".format(name),
                       filename, linenr)
            return None
        return text
    msgs.error("{} has no type and cannot be assigned".format(name), filename, linenr)
    return None


def read_conf(kconf, path, spellings, strict, msgs, assignments):
    """Applies one configuration file, recording each assignment with its file:line."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        msgs.error("cannot read configuration file: {}".format(e.strerror or e), path)
        return
    for linenr, raw in enumerate(data.split(b"\n"), 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            msgs.error("line is not valid UTF-8", path, linenr)
            continue
        line = line.strip()
        if not line:
            continue
        unset = _UNSET_RE.fullmatch(line)
        if unset:
            name, value = unset.group(1), "n"
        elif line.startswith("#"):
            continue
        else:
            m = _ASSIGN_RE.fullmatch(line)
            if not m:
                msgs.error("malformed line (expected CONFIG_NAME=value): {}".format(
                    shown(line)), path, linenr)
                continue
            name, value = m.group(1), m.group(2).strip()

        via = None
        sym = kconf.syms.get(name)
        if (sym is None or not sym.nodes) and name in spellings:
            target, origin = spellings[name]
            tsym = kconf.syms.get(target)
            if tsym is not None and tsym.nodes:
                msgs.note("CONFIG_{} is {} spelling of Zephyr's CONFIG_{}; applied to "
                          "CONFIG_{}".format(name, origin or "another", target, target),
                          path, linenr)
                via, name, sym = name, target, tsym
        if sym is None or not sym.nodes:
            text = "unknown symbol CONFIG_{}".format(name)
            if strict:
                msgs.error(text + " (strict mode: ZMEM_KCONFIG_STRICT)", path, linenr)
            else:
                msgs.warning(text + " ignored", path, linenr)
            continue
        if unset and sym.orig_type not in (kconfiglib.BOOL, kconfiglib.TRISTATE):
            continue  # "is not set" on a non-bool keeps its default, as in Kconfig
        checked = check_value(sym, value, msgs, path, linenr)
        if checked is None:
            continue
        if not sym.set_value(checked):
            msgs.error("kconfiglib refused '{}' for {}".format(shown(value), sym_desc(sym)),
                       path, linenr)
            continue
        assignments.append(Assignment(path, linenr, via or name, checked, sym, via))


def sc_text(sc):
    """A symbol in a message: CONFIG_NAME and its value (constants as they are written)."""
    if isinstance(sc, kconfiglib.Symbol) and not sc.is_constant:
        return "CONFIG_{} (={})".format(sc.name, sc.str_value or "n")
    return kconfiglib.standard_sc_expr_str(sc)


def expr_text(expr):
    return kconfiglib.expr_str(expr, sc_text)


def unmet_deps(kconf, expr):
    """The parts of an && expression that are not satisfied, as Kconfig text."""
    parts = kconfiglib.split_expr(expr, kconfiglib.AND)
    out = []
    for part in parts:
        if isinstance(part, kconfiglib.Choice):
            continue  # a choice member's dependency on its choice: the choice's own follow
        if kconfiglib.expr_value(part) == 0:
            out.append(expr_text(part))
    return out


def active_range(sym):
    for low, high, cond in sym.ranges:
        if kconfiglib.expr_value(cond):
            base = 16 if sym.orig_type == kconfiglib.HEX else 10
            try:
                return int(low.str_value, base), int(high.str_value, base), low, high
            except ValueError:
                return None
    return None


def why_not_taken(kconf, a):
    """Explains why an assignment did not give the symbol its value."""
    sym = a.sym
    has_prompt = any(node.prompt for node in sym.nodes)
    if not has_prompt:
        return ("{} has no prompt: its value is fixed by zmem's Kconfig ({}), not by "
                "configuration files".format(sym_desc(sym), kconfig_loc(sym)))
    if sym.visibility == 0:
        deps = []
        for node in sym.nodes:
            if node.prompt:
                deps += unmet_deps(kconf, node.prompt[1])
        deps += unmet_deps(kconf, sym.direct_dep)
        if sym.choice is not None:
            deps += unmet_deps(kconf, sym.choice.direct_dep)
        deps = list(dict.fromkeys(deps))
        if deps:
            return "unmet dependency: {} depends on {}".format(
                sym_desc(sym), " && ".join(deps))
        return "{} is not visible in this configuration".format(sym_desc(sym))
    if sym.orig_type == kconfiglib.BOOL and a.value == "n" and sym.tri_value == 2:
        if sym.choice is not None:
            return ("{} is the selected member of its choice; select another member "
                    "instead (a choice always has one)".format(sym_desc(sym)))
        selectors = [expr_text(e) for e in
                     kconfiglib.split_expr(sym.rev_dep, kconfiglib.OR)
                     if kconfiglib.expr_value(e)]
        if selectors:
            return "{} is selected by {}".format(sym_desc(sym), " || ".join(selectors))
    return None


def check_assignments(kconf, assignments, msgs):
    """After all files: each symbol's last assignment must be its value, within range."""
    last = {}
    for a in assignments:
        last[a.sym] = a
    # In a choice, only the last member assigned y counts (a later y overrides an earlier one).
    last_choice_y = {}
    for a in assignments:
        if a.sym.choice is not None and a.value == "y":
            last_choice_y[a.sym.choice] = a
    for sym, a in last.items():
        if sym.choice is not None and a.value == "y" and last_choice_y.get(sym.choice) is not a:
            continue
        t = sym.orig_type
        written = a.filename, a.linenr
        shown_assign = "CONFIG_{}={}".format(a.name, shown(a.value))
        if t in (kconfiglib.INT, kconfiglib.HEX):
            rng = active_range(sym)
            base = 16 if t == kconfiglib.HEX else 10
            user = int(a.value, base)
            if rng is not None and not rng[0] <= user <= rng[1]:
                msgs.error("{}: {} is outside the range of {}, [{}, {}] (declared at {})".format(
                    shown_assign, a.value, sym_desc(sym), rng[2].str_value, rng[3].str_value,
                    kconfig_loc(sym)), *written)
                continue
            try:
                taken = int(sym.str_value, base) == user
            except ValueError:
                taken = False
        elif t in (kconfiglib.BOOL, kconfiglib.TRISTATE):
            taken = sym.str_value == a.value
        else:
            taken = sym.str_value == a.value
        if taken:
            continue
        reason = why_not_taken(kconf, a)
        text = "{} does not take: {} is {}".format(
            shown_assign, sym_desc(sym),
            "'{}'".format(shown(sym.str_value)) if sym.str_value != "" else "not set")
        if reason:
            text += " ({})".format(reason)
        msgs.error(text, *written)
        msgs.untaken += 1


def c_string(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def autoconf_text(kconf, header_name):
    lines = ["/* Generated by zmem from {}. Do not edit. */".format(header_name),
             "#define ZMEM_AUTOCONF 1"]
    for sym in kconf.unique_defined_syms:
        if not sym.config_string:
            continue
        val = sym.str_value
        t = sym.orig_type
        if t in (kconfiglib.BOOL, kconfiglib.TRISTATE):
            if val == "y":
                lines.append("#define CONFIG_{} 1".format(sym.name))
            elif val == "m":
                lines.append("#define CONFIG_{}_MODULE 1".format(sym.name))
        elif t == kconfiglib.STRING:
            lines.append("#define CONFIG_{} {}".format(sym.name, c_string(val)))
        elif t == kconfiglib.HEX:
            if not val.lower().startswith("0x"):
                val = "0x" + val
            lines.append("#define CONFIG_{} {}".format(sym.name, val))
        elif t == kconfiglib.INT:
            lines.append("#define CONFIG_{} {}".format(sym.name, val))
    return "\n".join(lines) + "\n"


def cmake_bracket(value):
    n = 1
    while "]" + "=" * n + "]" in value or value.endswith("]" + "=" * n):
        n += 1
    eq = "=" * n
    return "[{}[{}]{}]".format(eq, value, eq)


def cmake_text(kconf):
    lines = ["# Generated by zmem's configuration step. Do not edit."]
    names = []
    for sym in kconf.unique_defined_syms:
        t = sym.orig_type
        if t in (kconfiglib.BOOL, kconfiglib.TRISTATE):
            val = sym.str_value
        elif sym.config_string:
            val = sym.str_value
            if t == kconfiglib.HEX and not val.lower().startswith("0x"):
                val = "0x" + val
        else:
            continue
        names.append("CONFIG_" + sym.name)
        lines.append("set(CONFIG_{} {})".format(sym.name, cmake_bracket(val)))
    lines.append("set(ZMEM_KCONFIG_SYMBOLS \"{}\")".format(";".join(names)))
    return "\n".join(lines) + "\n"


def write_if_changed(path, text):
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except (OSError, UnicodeDecodeError):
        pass
    d = os.path.dirname(path)
    if d:
        os.makedirs(d, exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def file_digest(path):
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            h.update(f.read())
    except OSError:
        h.update(b"<missing>")
    return h.hexdigest()


def inputs_digest(args, kconf_files):
    h = hashlib.sha256()
    h.update(json.dumps([os.path.abspath(args.kconfig), args.strict]).encode())
    for path in list(args.conf) + sorted(kconf_files):
        h.update(path.encode("utf-8", "surrogateescape"))
        h.update(file_digest(path).encode())
    h.update(file_digest(os.path.join(SCRIPT_DIR, "spellings.txt")).encode())
    return h.hexdigest()


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="zmem configuration: Kconfig + conf files -> .config, autoconf.h")
    p.add_argument("--kconfig", required=True)
    p.add_argument("--zephyr-base", default=os.path.dirname(os.path.dirname(SCRIPT_DIR)))
    p.add_argument("--conf", action="append", default=[])
    p.add_argument("--strict", action="store_true")
    p.add_argument("--dotconfig")
    p.add_argument("--autoconf")
    p.add_argument("--cmake")
    p.add_argument("--sources")
    p.add_argument("--state")
    p.add_argument("--header-name")
    p.add_argument("--list", action="store_true")
    return p.parse_args(argv)


def write_dotconfig(kconf, path, header_name):
    d = os.path.dirname(path)
    if d:
        os.makedirs(d, exist_ok=True)
    kconf.write_config(path, header="# Generated by zmem from {}\n".format(header_name),
                       save_old=False)


def list_symbols(kconf, base):
    """One line per symbol, in Kconfig order: name, type, value, prompt, declared at."""
    for sym in kconf.unique_defined_syms:
        prompt = next((n.prompt[0] for n in sym.nodes if n.prompt), "(no prompt)")
        where = ", ".join("{}:{}".format(os.path.relpath(os.path.join(base, n.filename), base)
                                         if not os.path.isabs(n.filename) else n.filename,
                                         n.linenr) for n in sym.nodes)
        value = sym.str_value
        if sym.orig_type == kconfiglib.STRING:
            value = c_string(value)
        elif sym.orig_type == kconfiglib.BOOL:
            value = value or "n"
        elif not value:
            value = "(not set)"
        print("CONFIG_{:<36} {:<6} {:<12} {}  [{}]".format(
            sym.name, kconfiglib.TYPE_TO_STR[sym.orig_type], value, prompt, where))


def run(args):
    msgs = Messages()
    stopped = args.dotconfig + ".stopped" if args.dotconfig else None
    if stopped and os.path.exists(stopped):
        os.remove(stopped)  # (only the last run's, when it stopped, is meant)
    base = os.path.abspath(args.zephyr_base)
    os.environ["ZEPHYR_BASE"] = base
    os.environ["srctree"] = base
    # Kconfig's own environment knobs would redirect the outputs: the command line decides.
    for var in ("KCONFIG_CONFIG", "KCONFIG_AUTOHEADER", "CONFIG_"):
        os.environ.pop(var, None)

    try:
        kconf = kconfiglib.Kconfig(args.kconfig, warn_to_stderr=False)
    except kconfiglib.KconfigError as e:
        msgs.error(str(e).strip())
        return 1
    except (OSError, UnicodeDecodeError) as e:
        msgs.error("cannot read the Kconfig files: {}".format(e))
        return 1
    for w in kconf.warnings:
        sys.stderr.write(w.rstrip() + "\n")
    kconf.warnings = []
    kconf.warn_assign_undef = False
    kconf.warn_assign_override = False
    kconf.warn_assign_redun = False

    kconf_files = [os.path.join(base, f) if not os.path.isabs(f) else f
                   for f in kconf.kconfig_filenames]
    digest = inputs_digest(args, kconf_files)

    # A .config saved by menuconfig since the last run, with the same inputs: it wins.
    state = {}
    if args.state:
        try:
            with open(args.state, encoding="utf-8") as f:
                state = json.load(f)
        except (OSError, ValueError):
            state = {}
    # A .config saved by menuconfig, with the configuration files and Kconfig files unchanged
    # since the last run, is the configuration until those inputs change (as on Zephyr).
    have_dotconfig = bool(args.dotconfig) and os.path.exists(args.dotconfig)
    edited = have_dotconfig and state.get("dotconfig") not in (None, file_digest(args.dotconfig))
    use_saved = (have_dotconfig and state.get("inputs") == digest
                 and (edited or state.get("mode") == "saved"))
    if use_saved:
        msgs.note("using {} as saved by menuconfig (configuration files unchanged since; "
                  "edit them or delete .config to go back to them)".format(args.dotconfig))
        try:
            kconf.load_config(args.dotconfig)
        except (OSError, kconfiglib.KconfigError) as e:
            msgs.error("cannot read {}: {}".format(args.dotconfig, e))
            return 1
        for w in kconf.warnings:
            sys.stderr.write(w.rstrip() + "\n")
    else:
        if edited:
            msgs.warning("{} was edited (menuconfig) but the configuration files or Kconfig "
                         "files changed since: regenerated from them, the edits are lost"
                         .format(args.dotconfig))
        spellings = load_spellings(os.path.join(SCRIPT_DIR, "spellings.txt"), msgs)
        assignments = []
        for path in args.conf:
            read_conf(kconf, path, spellings, args.strict, msgs, assignments)
        check_assignments(kconf, assignments, msgs)
    if msgs.errors:
        sys.stderr.write("error: configuration stopped: {} error(s)\n".format(msgs.errors))
        if stopped and msgs.errors == msgs.untaken:
            # Zephyr only warns about an assignment that does not take and goes on. Its twister
            # then evaluates a scenario's filter: on that configuration, and a scenario meant for
            # other hardware (its extra_configs depend on a driver) is filtered out, not failed.
            # The configuration those values give, for zmem's twister to do the same.
            write_dotconfig(kconf, stopped, "the values that took; the configuration stopped")
        return 1

    if args.list:
        list_symbols(kconf, base)
        return 0
    header_name = args.header_name or " + ".join(
        [os.path.basename(args.kconfig)] + [os.path.basename(c) for c in args.conf])
    if args.dotconfig:
        write_dotconfig(kconf, args.dotconfig, header_name)
    if args.autoconf:
        write_if_changed(args.autoconf, autoconf_text(kconf, header_name))
    if args.cmake:
        write_if_changed(args.cmake, cmake_text(kconf))
    if args.sources:
        write_if_changed(args.sources, "\n".join(kconf_files) + "\n")
    if args.state:
        write_if_changed(args.state, json.dumps({
            "inputs": digest,
            "mode": "saved" if use_saved else "files",
            "dotconfig": file_digest(args.dotconfig) if args.dotconfig else None}) + "\n")
    return 0


def main(argv=None):
    try:
        args = parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as e:
        return 2 if e.code else 0
    try:
        return run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into head, say
        sys.stderr.close()
        return 0
    except Exception as e:  # never a traceback: a clean message and a failure status
        sys.stderr.write("error: zmem configuration failed: {}: {}\n".format(
            type(e).__name__, e))
        return 1


if __name__ == "__main__":
    sys.exit(main())
