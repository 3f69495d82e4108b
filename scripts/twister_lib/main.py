# SPDX-License-Identifier: Apache-2.0
"""Command line and orchestration."""
import argparse
import concurrent.futures
import os
import shutil
import sys
import time

from . import report, runner, testplan

ZEPHYR_BASE = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog='twister', description="Build and run Zephyr test scenarios on zmem.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Statuses: passed, failed (a test failed or timed out), error (the build "
               "failed), built (build only), skipped (cannot be evaluated or run here), "
               "filtered (not for this platform or these options; listed with -v).")
    p.add_argument('-T', '--testsuite-root', action='append', default=[],
                   help='folder searched for testcase.yaml/sample.yaml (repeatable; '
                        'default: tests and examples of the zmem tree)')
    p.add_argument('-p', '--platform', action='append', default=[],
                   help='platform to build for (repeatable; default native_sim; '
                        'known: ' + ', '.join(pl.name for pl in testplan.PLATFORMS) + ')')
    p.add_argument('--all', action='store_true', help='every known platform')
    p.add_argument('-K', '--force-platform', action='store_true',
                   help='build on the platforms given with -p even where a scenario\'s '
                        'platform_allow, platform_exclude, arch_allow or arch_exclude would '
                        'filter it out (e.g. Zephyr\'s own folders on qemu_cortex_m3), as on '
                        'Zephyr')
    p.add_argument('-s', '--scenario', '--test', action='append', default=[], dest='scenario',
                   help='run only this scenario (name from testcase.yaml; repeatable)')
    p.add_argument('-t', '--tag', action='append', default=[], help='only scenarios with this tag')
    p.add_argument('-e', '--exclude-tag', action='append', default=[],
                   help='leave out scenarios with this tag')
    p.add_argument('-j', '--jobs', type=int, default=os.cpu_count() or 1,
                   help='scenarios built and run at once (default: number of CPUs)')
    p.add_argument('-O', '--outdir', default='twister-out',
                   help='output folder (default twister-out); build folders are kept and '
                        'reused, so a second run rebuilds only what changed')
    p.add_argument('-c', '--clobber-output', action='store_true',
                   help='delete the output folder first')
    p.add_argument('-b', '--build-only', action='store_true', help='build, do not run')
    p.add_argument('-G', '--integration', action='store_true',
                   help='only on each scenario\'s integration_platforms (when it lists some)')
    p.add_argument('--enable-slow', action='store_true', help='also scenarios marked slow')
    p.add_argument('--timeout-multiplier', type=float, default=1.0)
    p.add_argument('--host-rt', action='store_true',
                   help='run native_sim executables in real time (default: --no-rt, '
                        'virtual time)')
    p.add_argument('--no-ccache', action='store_true', help='do not use ccache even if present')
    p.add_argument('--runtime-artifact-cleanup', choices=('pass', 'all'), default=None,
                   help='after each instance, delete its build folder but its logs and '
                        'zephyr/.config: of passed instances only (pass) or of all (all), '
                        'as Zephyr\'s twister does (keeps a long run\'s disk use small)')
    p.add_argument('-x', '--extra-args', action='append', default=[], dest='extra_cmake_args',
                   help='extra CMake cache entry for every build, -D prefixed as on Zephyr: '
                        '-x CONFIG_ASSERT=y (or -x=-DCONFIG_ASSERT=y)')
    p.add_argument('-v', '--verbose', action='count', default=0,
                   help='list each instance as it ends (and filtered ones); -vv: test cases')
    p.add_argument('-i', '--inline-logs', action='store_true',
                   help='print the log of each failed instance')
    p.add_argument('--list-tests', action='store_true',
                   help='list the selected scenarios and their declared test cases, then exit')
    opts = p.parse_args(argv)
    opts.zephyr_base = ZEPHYR_BASE
    if not opts.testsuite_root:
        opts.testsuite_root = [os.path.join(ZEPHYR_BASE, d) for d in ('tests', 'examples')
                               if os.path.isdir(os.path.join(ZEPHYR_BASE, d))]
    opts.outdir = os.path.abspath(opts.outdir)
    opts.ccache = not opts.no_ccache and shutil.which('ccache') is not None
    opts.generator = 'Ninja' if shutil.which('ninja') else None
    opts.jobs = max(1, opts.jobs)
    return opts


def select_platforms(opts):
    if opts.all:
        return list(testplan.PLATFORMS)
    names = opts.platform or testplan.DEFAULT_PLATFORMS
    plats = []
    for n in names:
        pl = testplan.find_platform(n)
        if pl is None:
            sys.exit(f"twister: unknown platform '{n}' (known: "
                     + ', '.join(x.name for x in testplan.PLATFORMS) + ')')
        if pl not in plats:
            plats.append(pl)
    return plats


def main(argv):
    opts = parse_args(argv)
    start = time.monotonic()
    scenarios = testplan.discover(opts.testsuite_root)
    if opts.scenario:
        wanted = set(opts.scenario)
        scenarios = [s for s in scenarios if s.name in wanted]
        missing = wanted - {s.name for s in scenarios}
        if missing:
            sys.exit('twister: no such scenario: ' + ', '.join(sorted(missing)))
    platforms = select_platforms(opts)
    if opts.clobber_output and os.path.isdir(opts.outdir):
        shutil.rmtree(opts.outdir)
    os.makedirs(opts.outdir, exist_ok=True)

    instances = []
    for sc in scenarios:
        for pl in platforms:
            inst = runner.Instance(sc, pl, opts.outdir)
            reason = testplan.static_filter(sc, pl, opts)
            if reason:
                inst.finish('filtered', reason)
            instances.append(inst)

    if opts.list_tests:
        for inst in instances:
            if inst.status == 'filtered':
                continue
            print(f'{inst.platform.name} {inst.scenario.name}')
            for ident in inst.declared_cases():
                print(f'  - {ident}')
        return 0

    todo = [i for i in instances if i.status == 'pending']
    print(f'INFO    - zmem twister: {len(scenarios)} scenarios, {len(platforms)} platform(s), '
          f'{len(todo)} to build ({len(instances) - len(todo)} filtered), '
          f'{opts.jobs} jobs, ccache {"on" if opts.ccache else "off"}', flush=True)
    workers = min(opts.jobs, max(1, len(todo)))
    build_jobs = max(1, opts.jobs // workers)
    done = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(runner.process, inst, opts, build_jobs) for inst in todo]
        for fut in concurrent.futures.as_completed(futures):
            inst = fut.result()
            done += 1
            bad = inst.status in ('failed', 'error')
            if opts.verbose or bad:
                print(f'INFO    - {done:>4}/{len(todo)} {inst.platform.name:<16} '
                      f'{inst.scenario.name:<40} {inst.status.upper():<8} '
                      f'({inst.build_time:.1f} s build, {inst.execution_time:.2f} s run)'
                      + (f': {inst.reason}' if inst.reason else ''), flush=True)
                if opts.verbose > 1:
                    for c in inst.cases.values():
                        print(f'            {c.status:<8} {c.identifier}'
                              + (f': {c.reason}' if c.reason and c.status != 'passed' else ''))
            if bad and opts.inline_logs:
                print(f'---- log of {inst.name} ----')
                print(inst.log.rstrip())
                print(f'---- end of log of {inst.name} ----', flush=True)
    duration = time.monotonic() - start

    print()
    for line in report.summary_table(instances, opts.verbose):
        print(line)
    t = report.totals(instances)
    executed = t['total'] - t['filtered'] - t['skipped']
    ok = t['passed'] + t['built']
    pct = 100.0 * ok / executed if executed else 100.0
    print()
    print(f'INFO    - {ok} of {executed} executed test configurations passed ({pct:.2f}%), '
          f"{t['failed']} failed, {t['error']} errored, {t['skipped']} skipped, "
          f"{t['filtered']} filtered, in {duration:.1f} seconds")
    print(f"INFO    - {t['cases_passed']} of {t['cases']} executed test cases passed, "
          f"{t['cases_failed']} failed, {t['cases_blocked']} blocked, "
          f"{t['cases_skipped']} skipped, {t['cases_not_run']} built but not run")
    json_path = os.path.join(opts.outdir, 'twister.json')
    xml_path = os.path.join(opts.outdir, 'twister_report.xml')
    report.write_json(json_path, instances, opts, duration)
    report.write_junit(xml_path, instances, duration)
    print(f'INFO    - reports: {json_path}, {xml_path}')
    return 1 if t['failed'] or t['error'] else 0
