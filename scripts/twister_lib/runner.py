# SPDX-License-Identifier: Apache-2.0
"""Building and running one scenario on one platform (an "instance")."""
import hashlib
import os
import re
import select
import shutil
import signal
import subprocess
import time

from . import expr, harness


class Instance:
    """A scenario on a platform, with its build folder and its outcome."""

    def __init__(self, scenario, platform, outdir):
        self.scenario = scenario
        self.platform = platform
        rel = scenario.name.replace('/', '_')
        self.build_dir = os.path.join(outdir, platform.name, rel)
        self.status = 'pending'   # passed failed error skipped filtered built
        self.reason = ''
        self.cases = {}
        self.build_time = 0.0
        self.execution_time = 0.0
        self.log = ''             # the run's console output (or the build's on failure)

    @property
    def name(self):
        return f'{self.platform.name}/{self.scenario.name}'

    def finish(self, status, reason=''):
        self.status = status
        self.reason = reason
        return self

    def declared_cases(self):
        """The test cases the sources declare, so that cases which never ran are reported."""
        seen = {}
        for _suite, test in harness.declared_cases(self.scenario.source_dir):
            ident = harness.case_id(self.scenario.name, test)
            seen.setdefault(ident, harness.Case(ident, 'blocked'))
        return seen


def _platform_prefixed(entries, platform):
    """Zephyr's 'platform:<name>:' and 'arch:<arch>:' prefixes select entries per platform."""
    names = {platform.name, *platform.aliases}
    out = []
    for e in entries:
        if e.startswith('platform:'):
            _, rest = e.split(':', 1)
            pname, _, val = rest.partition(':')
            if pname in names:
                out.append(val)
        elif e.startswith('arch:'):
            _, rest = e.split(':', 1)
            aname, _, val = rest.partition(':')
            if aname == platform.arch:
                out.append(val)
        else:
            out.append(e)
    return out


def cmake_args(inst, opts):
    """The configure command line of @inst (without -S/-B)."""
    sc = inst.scenario
    args = []
    extra_conf = []
    overlay = []
    for a in _platform_prefixed(sc.list('extra_args'), inst.platform):
        if a.startswith('-'):
            args.append(a)
            continue
        key, sep, val = a.partition('=')
        if not sep:
            args.append(a)
        elif key == 'EXTRA_CONF_FILE':
            extra_conf.extend(v for v in val.replace(';', ' ').split() if v)
        elif key == 'OVERLAY_CONFIG':
            overlay.extend(v for v in val.replace(';', ' ').split() if v)
        else:
            args.append(f'-D{key}={val}')
    extra_conf.extend(_platform_prefixed(sc.list('extra_conf_files'), inst.platform))
    configs = _platform_prefixed(sc.list('extra_configs'), inst.platform)
    if configs:
        path = os.path.join(inst.build_dir, 'twister', 'testsuite_extra.conf')
        os.makedirs(os.path.dirname(path), exist_ok=True)
        text = '\n'.join(configs) + '\n'
        if not os.path.exists(path) or open(path, encoding='utf-8').read() != text:
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)
        overlay.append(path)
    if extra_conf:
        args.append('-DEXTRA_CONF_FILE=' + ';'.join(extra_conf))
    if overlay:
        args.append('-DOVERLAY_CONFIG=' + ';'.join(overlay))
    if opts.ccache:
        args.append('-DCMAKE_C_COMPILER_LAUNCHER=ccache')
    if inst.platform.toolchain_file:
        args.append('-DCMAKE_TOOLCHAIN_FILE=' +
                    os.path.join(opts.zephyr_base, inst.platform.toolchain_file))
    args.extend(inst.platform.cmake_args)
    args.append(f'-DBOARD={inst.platform.name}')
    # As Zephyr's twister: each -x entry is a cache entry, prefixed with -D ("-x USE_CCACHE=0"
    # is -DUSE_CCACHE=0); an entry already written as a CMake option is passed as it is.
    args.extend(a if a.startswith('-') else '-D' + a for a in opts.extra_cmake_args)
    return args


# The compiler checks every zmem configure step makes (flags such as -fstack-clash-protection,
# whether pthreads are in libc, glibc): CMake keeps each result as an INTERNAL cache entry and
# skips the check when the entry exists. They depend on the compiler and its flags only, so the
# first scenario configured with a toolchain records them and the later ones start from that
# record (cmake -C), about a second less per scenario. Options that only configure Kconfig
# (CONFIG_*, the conf files) are left out of the key; every other option is in it.
_FACT = re.compile(r'^((?:ZMEM|CMAKE)_HAVE_\w+|THREADS_HAVE_\w+):INTERNAL=(.*)$')
_NOT_COMPILER = ('-DCONFIG_', '-DEXTRA_CONF_FILE=', '-DOVERLAY_CONFIG=', '-DCONF_FILE=',
                 '-DDTC_OVERLAY_FILE=')


def _facts_path(inst, opts, args):
    """The file holding the compiler checks' results for @inst's toolchain and options."""
    key = [inst.platform.name, opts.generator or '']
    key += [a for a in args if not a.startswith(_NOT_COMPILER)]
    key += [f'{v}={os.environ.get(v, "")}' for v in ('CC', 'CFLAGS', 'LDFLAGS', 'PATH')]
    digest = hashlib.sha256('\n'.join(key).encode()).hexdigest()[:16]
    return os.path.join(opts.outdir, 'cmake-facts', f'{inst.platform.name}-{digest}.cmake')


def _record_facts(build_dir, path):
    """Write the checks' results from @build_dir's cache to @path, unless it exists."""
    if os.path.exists(path):
        return
    lines = []
    for line in _read(os.path.join(build_dir, 'CMakeCache.txt')).splitlines():
        m = _FACT.match(line)
        if m:
            lines.append(f'set({m.group(1)} "{m.group(2)}" CACHE INTERNAL "")')
    if not lines:
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = f'{path}.{os.getpid()}.{id(lines)}'
    with open(tmp, 'w', encoding='utf-8') as f:
        f.write('# Compiler checks recorded by scripts/twister (runner.py _record_facts)\n')
        f.write('\n'.join(lines) + '\n')
    os.replace(tmp, path)   # atomic: a parallel job reads the whole file or none


def _run(cmd, log, env, cwd=None, timeout=None):
    """Run @cmd, appending its output to the file @log; returns the exit status."""
    with open(log, 'a', encoding='utf-8') as f:
        f.write('$ ' + ' '.join(cmd) + '\n')
        f.flush()
        p = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT, env=env, cwd=cwd,
                           timeout=timeout, check=False)
    return p.returncode


def _read(path):
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            return f.read()
    except OSError:
        return ''


def build(inst, opts, jobs):
    """Configure, evaluate the filter, build. Returns True when there is something to run."""
    sc = inst.scenario
    os.makedirs(inst.build_dir, exist_ok=True)
    log = os.path.join(inst.build_dir, 'build.log')
    open(log, 'w', encoding='utf-8').close()
    env = dict(os.environ, ZEPHYR_BASE=opts.zephyr_base)
    if opts.ccache:
        # Builds of the same configuration in different folders share ccache entries: paths
        # below the output folder are hashed relative to it.
        env.setdefault('CCACHE_BASEDIR', os.path.abspath(opts.outdir))
        env.setdefault('CCACHE_NOHASHDIR', 'true')
    args = cmake_args(inst, opts)
    # A cached -D from an earlier run would outlive its removal from the yaml: start over.
    stamp = os.path.join(inst.build_dir, 'twister', 'cmake_args.txt')
    wanted = '\n'.join([opts.generator or ''] + args)
    if _read(stamp) != wanted:
        for stale in ('CMakeCache.txt', 'CMakeFiles'):
            p = os.path.join(inst.build_dir, stale)
            if os.path.isdir(p):
                shutil.rmtree(p, ignore_errors=True)
            elif os.path.exists(p):
                os.remove(p)
    t0 = time.monotonic()
    cmd = ['cmake', '-S', sc.source_dir, '-B', inst.build_dir]
    if opts.generator:
        cmd += ['-G', opts.generator]
    facts = _facts_path(inst, opts, args)
    fresh = not os.path.exists(os.path.join(inst.build_dir, 'CMakeCache.txt'))
    if fresh and os.path.exists(facts):
        cmd += ['-C', facts]
    rc = _run(cmd + args, log, env)
    filt = sc.get('filter')
    dotconfig = os.path.join(inst.build_dir, 'zephyr', '.config')
    if rc != 0:
        inst.build_time = time.monotonic() - t0
        inst.log = _read(log)
        # Where only assignments did not take, Zephyr warns, goes on, and its twister filters
        # the scenario when its filter: is false (kernel.workqueue.sam: a watchdog option for a
        # board with that watchdog). zmem stops the configuration but leaves what it would have
        # been in .config.stopped: the same decision, made there.
        if filt and os.path.exists(dotconfig + '.stopped'):
            if not _filter_keeps(inst, filt, dotconfig + '.stopped'):
                return False
        inst.finish('error', 'CMake configuration failed')
        return False
    os.makedirs(os.path.dirname(stamp), exist_ok=True)
    with open(stamp, 'w', encoding='utf-8') as f:
        f.write(wanted)
    _record_facts(inst.build_dir, facts)
    if filt and not _filter_keeps(inst, filt, dotconfig):
        return False
    rc = _run(['cmake', '--build', inst.build_dir, '-j', str(jobs)], log, env)
    inst.build_time = time.monotonic() - t0
    if rc != 0:
        inst.log = _read(log)
        inst.finish('error', 'Build failure')
        return False
    return True


def _filter_keeps(inst, filt, dotconfig):
    """True when scenario filter @filt holds on @dotconfig; else False, with @inst finished."""
    env_syms = expr.read_dotconfig(dotconfig) if os.path.exists(dotconfig) else {}
    env_syms.update({'ARCH': inst.platform.arch, 'PLATFORM': inst.platform.name,
                     'BOARD': inst.platform.name})
    try:
        keep = expr.evaluate(str(filt), env_syms)
    except expr.Unsupported as e:
        inst.finish('skipped', f'filter not evaluable: {e}')
        return False
    except expr.ExprError as e:
        inst.finish('error', f'bad filter {filt!r}: {e}')
        return False
    if not keep:
        inst.finish('filtered', 'runtime filter')
        return False
    return True


def executable(inst):
    name = 'zephyr.exe' if inst.platform.arch == 'posix' else 'zephyr.elf'
    return os.path.join(inst.build_dir, 'zephyr', name)


def _run_process(cmd, cwd, log, timeout, settled=None):
    """Run @cmd with its output (stdout and stderr) copied to @log, for at most @timeout s.

    With @settled (a function of the lines so far), the run is also stopped as soon as it
    returns true. Returns (exit status, timed out, stopped because settled)."""
    with open(log, 'w', encoding='utf-8') as f:
        if settled is None:
            p = subprocess.Popen(cmd, stdout=f, stderr=subprocess.STDOUT, cwd=cwd,
                                 start_new_session=True)
            try:
                return p.wait(timeout=timeout), False, False
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                return p.wait(), True, False
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=cwd,
                             start_new_session=True)
        deadline = time.monotonic() + timeout
        lines = []
        pending = b''
        stopped = timed_out = False
        fd = p.stdout.fileno()
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([fd], [], [], min(left, 0.5))
            if not ready:
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                break  # the program ended (its output closed)
            f.write(chunk.decode('utf-8', 'replace'))
            f.flush()
            *done, pending = (pending + chunk).split(b'\n')
            if done:
                lines.extend(x.decode('utf-8', 'replace').rstrip('\r') for x in done)
                if settled(lines):
                    stopped = True
                    break
        if pending:
            f.write(pending.decode('utf-8', 'replace'))
        if timed_out or stopped:
            os.killpg(p.pid, signal.SIGKILL)
        p.stdout.close()
        return p.wait(), timed_out, stopped


def run(inst, opts):
    """Run a built instance with its timeout and judge its output."""
    sc = inst.scenario
    exe = executable(inst)
    if inst.platform.arch == 'posix':
        cmd = [exe] + (['--no-rt'] if not opts.host_rt else [])
    else:
        qemu = os.path.join(opts.zephyr_base, 'arch', 'cortex_m', 'qemu-run.sh')
        cmd = [qemu, inst.platform.qemu_machine, exe]
    timeout = sc.timeout * opts.timeout_multiplier
    log = os.path.join(inst.build_dir, 'handler.log')
    t0 = time.monotonic()
    # The console harness decides as the output arrives: once its patterns matched the run is
    # stopped and passes, as Zephyr's twister stops a sample that never ends by itself.
    settled = None
    if sc.harness == 'console':
        def settled(lines):
            return harness.parse_console(lines, sc.harness_config, sc.name)[0] == 'passed'
    rc, timed_out, stopped = _run_process(cmd, inst.build_dir, log, timeout, settled)
    if stopped:
        rc = 0
    inst.execution_time = time.monotonic() - t0
    inst.log = _read(log)
    lines = inst.log.splitlines()
    declared = inst.declared_cases()
    if sc.harness == 'console':
        status, reason, cases = harness.parse_console(lines, sc.harness_config, sc.name)
    elif sc.harness in ('', 'ztest', 'test'):
        status, reason, cases, saw = harness.parse_ztest(lines, sc.name)
        if not saw and not declared and rc == 0 and not timed_out:
            # A sample without a harness: it passes when it runs to completion.
            status, reason, cases = 'passed', '', {sc.name: harness.Case(sc.name, 'passed')}
    else:
        inst.finish('skipped', f'harness {sc.harness!r} is not supported by zmem\'s twister')
        return inst
    if sc.harness != 'console':  # the console harness reports the scenario as one case
        for ident, c in declared.items():
            # A ZTEST_P test is reported as its cases, test[instance/index]: not itself.
            if not any(k.startswith(ident + '[') for k in cases):
                cases.setdefault(ident, c)
    inst.cases = cases
    if timed_out:
        for c in cases.values():
            if c.status in ('blocked', 'started'):
                c.status = 'blocked'
        return inst.finish('failed', 'Timeout')
    if status == 'passed' and rc != 0:
        return inst.finish('failed', f'exit status {rc}')
    if status == 'passed':
        for c in cases.values():
            if c.status == 'blocked':
                c.status = 'skipped'
                c.reason = 'not run (filtered out at run time)'
    return inst.finish(status, reason)


# What --runtime-artifact-cleanup keeps of a build folder: what a reader of a failure needs.
_KEPT_ARTIFACTS = ('build.log', 'handler.log', os.path.join('zephyr', '.config'))


def cleanup(inst, opts):
    """Delete the instance's build products as --runtime-artifact-cleanup asks."""
    mode = opts.runtime_artifact_cleanup
    if mode is None or (mode == 'pass' and inst.status != 'passed'):
        return
    if not os.path.isdir(inst.build_dir):
        return
    for entry in os.listdir(inst.build_dir):
        path = os.path.join(inst.build_dir, entry)
        if entry == 'zephyr' and os.path.isdir(path):
            for sub in os.listdir(path):
                if os.path.join('zephyr', sub) not in _KEPT_ARTIFACTS:
                    _remove(os.path.join(path, sub))
        elif entry not in _KEPT_ARTIFACTS:
            _remove(path)


def _remove(path):
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            os.remove(path)
        except OSError:
            pass


def process(inst, opts, jobs):
    """Build (and unless build-only, run) one instance, then clean up as asked."""
    try:
        return _process(inst, opts, jobs)
    finally:
        cleanup(inst, opts)


def _process(inst, opts, jobs):
    try:
        if not build(inst, opts, jobs):
            if inst.status == 'error':
                inst.cases = inst.declared_cases()
                for c in inst.cases.values():
                    c.status = 'blocked'
            return inst
        if opts.build_only or inst.scenario.build_only or not inst.platform.runnable:
            inst.cases = inst.declared_cases()
            for c in inst.cases.values():
                c.status = 'not run'
            return inst.finish('built', 'build only')
        return run(inst, opts)
    except Exception as e:  # pylint: disable=broad-except
        return inst.finish('error', f'twister: {type(e).__name__}: {e}')
