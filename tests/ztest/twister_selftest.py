#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Test of scripts/twister: runs it on scenarios whose outcomes are known (passing, failing,
filtered by platform, arch, tag and .config (also one whose configuration stopped on an
assignment that did not take), unevaluable filter, configuration error, build
only, console harness, a never-ending sample, -K) and checks the exit status, the summary and both reports.

  /usr/bin/python3 tests/ztest/twister_selftest.py OUTDIR
"""
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
TWISTER = os.path.join(ROOT, 'scripts', 'twister')
HERE = os.path.dirname(os.path.abspath(__file__))
failures = []


def check(cond, what):
    print(('ok   ' if cond else 'FAIL ') + what)
    if not cond:
        failures.append(what)


def twister(outdir, *args):
    cmd = ['/usr/bin/python3', TWISTER, '-O', outdir, '-j', os.environ.get('ZMEM_JOBS', '2'),
           *args]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                       check=False)
    print(p.stdout)
    return p.returncode, p.stdout


def main(outdir):
    os.makedirs(outdir, exist_ok=True)
    rc, out = twister(outdir, '-T', os.path.join(HERE, 'fail', 'twister_selftest.yaml'),
                      '-T', os.path.join(HERE, 'legacy', 'twister_selftest.yaml'),
                      '-t', 'twister_selftest', '-e', 'not_selected', '-v', '-v',
                      '--inline-logs')
    check(rc == 1, f'exit status 1 when a scenario fails (got {rc})')
    with open(os.path.join(outdir, 'twister.json'), encoding='utf-8') as f:
        doc = json.load(f)
    by_name = {s['name']: s for s in doc['testsuites']}
    want = {
        'ztest.selftest.fail': ('failed', 'Testsuite failed'),
        'ztest.selftest.other_platform': ('filtered', 'Not in testsuite platform allow list'),
        'ztest.selftest.excluded_arch': ('filtered', 'In testsuite arch exclude list'),
        'ztest.selftest.filter_false': ('filtered', 'runtime filter'),
        'ztest.selftest.filter_true': ('failed', 'Testsuite failed'),
        'ztest.selftest.filter_devicetree': ('skipped', None),
        'ztest.selftest.bad_config': ('error', 'CMake configuration failed'),
        'ztest.selftest.untaken_filtered': ('filtered', 'runtime filter'),
        'ztest.selftest.untaken_kept': ('error', 'CMake configuration failed'),
        'ztest.selftest.build_only': ('built', 'build only'),
        'ztest.selftest.other_tag': ('filtered', 'Command line testsuite exclude filter'),
        'ztest.selftest.console_ordered': ('passed', None),
        'ztest.selftest.console_missing': ('failed', 'patterns did not match (ordered: 1 of 2)'),
    }
    for name, (status, reason) in want.items():
        s = by_name.get(name, {})
        check(s.get('status') == status, f'{name}: status {status} (got {s.get("status")})')
        if reason is not None:
            check(s.get('reason') == reason,
                  f'{name}: reason {reason!r} (got {s.get("reason")!r})')
    cases = {c['identifier']: c for c in by_name['ztest.selftest.fail']['testcases']}
    expect_cases = {
        'a_pass': 'passed', 'assert': 'failed', 'assume': 'skipped', 'expect': 'failed',
        'fault': 'failed', 'kernel_assert': 'failed', 'skip': 'skipped', 'test_fail': 'failed',
        'user_oops': 'failed', 'z_last_pass': 'passed', 'one': 'skipped', 'two': 'skipped',
        'runs': 'passed',
    }
    check(len(cases) == len(expect_cases), f'{len(expect_cases)} test cases (got {len(cases)})')
    for short, status in expect_cases.items():
        c = cases.get('ztest.selftest.fail.' + short, {})
        check(c.get('status') == status, f'case {short}: {status} (got {c.get("status")})')
    check('sum is 2' in cases.get('ztest.selftest.fail.assert', {}).get('log', ''),
          'the failed case keeps its assertion message')
    check('Assertion failed at' in cases.get('ztest.selftest.fail.assert', {}).get('reason', ''),
          'the failed case\'s reason is the assertion line')
    # FAIL_FAST: the run stops after the first failure; the rest are reported blocked.
    ff = {c['identifier'].rsplit('.', 1)[1]: c['status']
          for c in by_name['ztest.selftest.filter_true']['testcases']}
    check(ff.get('a_pass') == 'passed' and ff.get('assert') == 'failed'
          and ff.get('z_last_pass') == 'blocked',
          f'CONFIG_ZTEST_FAIL_FAST stops the run, later cases blocked (got {ff})')
    check('filter not evaluable' in by_name['ztest.selftest.filter_devicetree'].get('reason', ''),
          'a devicetree filter is skipped with a reason')
    check('---- log of native_sim/ztest.selftest.fail ----' in out, '--inline-logs prints logs')
    check('0 of 1 executed' not in out and 'executed test configurations passed' in out,
          'summary line printed')

    tree = ET.parse(os.path.join(outdir, 'twister_report.xml'))
    suite = tree.getroot().find('testsuite')
    check(suite is not None and suite.get('name') == 'native_sim', 'JUnit suite per platform')
    tcs = {tc.get('name'): tc for tc in suite.iter('testcase')}
    check(tcs['ztest.selftest.fail.assert'].find('failure') is not None,
          'JUnit: failed case has <failure>')
    check(tcs['ztest.selftest.fail.assume'].find('skipped') is not None,
          'JUnit: skipped case has <skipped>')
    check(tcs['ztest.selftest.fail.a_pass'].find('failure') is None, 'JUnit: passed case clean')
    check(int(suite.get('failures')) >= 6 and int(suite.get('errors')) >= 1,
          f'JUnit counts (failures {suite.get("failures")}, errors {suite.get("errors")})')

    # The compiler checks are made by the first scenarios configured and recorded; the others
    # start from the record (cmake -C) and make none.
    facts_dir = os.path.join(outdir, 'cmake-facts')
    facts = sorted(os.listdir(facts_dir)) if os.path.isdir(facts_dir) else []
    text = ''.join(open(os.path.join(facts_dir, f), encoding='utf-8').read() for f in facts)
    logs = [os.path.join(d, 'build.log') for d, _, files in os.walk(os.path.join(outdir,
            'native_sim')) if 'build.log' in files]
    seeded = [lg for lg in logs if '/cmake-facts/' in open(lg, encoding='utf-8').read()]
    checked = [lg for lg in logs if 'Performing Test' in open(lg, encoding='utf-8').read()]
    check('ZMEM_HAVE_STACK_CLASH_PROTECTION' in text and seeded and checked
          and not set(seeded) & set(checked),
          f'compiler checks recorded once and reused ({len(facts)} record(s), '
          f'{len(checked)} scenario(s) checking, {len(seeded)} reusing, of {len(logs)})')
    rc, out = twister(outdir, '-T', os.path.join(HERE, 'legacy', 'twister_selftest.yaml'),
                      '-s', 'ztest.selftest.console_ordered')
    check(rc == 0, f'exit status 0 when everything passes (got {rc})')
    # -x entries are CMake cache entries, -D prefixed as Zephyr's twister does.
    rc, out = twister(outdir, '-T', os.path.join(HERE, 'legacy', 'twister_selftest.yaml'),
                      '-s', 'ztest.selftest.console_ordered', '-x', 'ZMEM_TWISTER_X=42',
                      '-x=-DZMEM_TWISTER_D=7')
    with open(os.path.join(outdir, 'native_sim', 'ztest.selftest.console_ordered',
                           'CMakeCache.txt'), encoding='utf-8') as f:
        cache = f.read()
    check(rc == 0 and 'ZMEM_TWISTER_X:UNINITIALIZED=42' in cache
          and 'ZMEM_TWISTER_D:UNINITIALIZED=7' in cache,
          '-x NAME=VALUE and -x=-DNAME=VALUE reach CMake as cache entries')
    # A sample that never ends: stopped and passed once its console lines came, long before
    # its timeout; one whose line never comes fails at the timeout.
    rc, out = twister(outdir, '-T', os.path.join(HERE, 'forever', 'twister_selftest.yaml'))
    with open(os.path.join(outdir, 'twister.json'), encoding='utf-8') as f:
        doc = json.load(f)
    by_name = {s['name']: s for s in doc['testsuites']}
    fe = by_name.get('ztest.selftest.console_forever', {})
    check(fe.get('status') == 'passed' and fe.get('execution_time', 99) < 10,
          f'a never-ending sample passes when its console lines came (got {fe.get("status")}, '
          f'{fe.get("execution_time")} s)')
    fm = by_name.get('ztest.selftest.console_forever_missing', {})
    check(fm.get('status') == 'failed' and fm.get('reason') == 'Timeout' and rc == 1,
          f'one whose line never comes fails at its timeout (got {fm.get("status")}, '
          f'{fm.get("reason")!r})')
    # --runtime-artifact-cleanup pass: a passed instance keeps only its logs and .config, a
    # failed one its whole folder.
    clean = os.path.join(outdir, 'cleanup')
    rc, out = twister(clean, '-T', os.path.join(HERE, 'fail', 'twister_selftest.yaml'),
                      '-T', os.path.join(HERE, 'legacy', 'twister_selftest.yaml'),
                      '-s', 'ztest.selftest.console_ordered', '-s', 'ztest.selftest.fail',
                      '--runtime-artifact-cleanup', 'pass')
    kept = sorted(os.path.relpath(os.path.join(d, f), os.path.join(
        clean, 'native_sim', 'ztest.selftest.console_ordered'))
        for d, _, files in os.walk(os.path.join(clean, 'native_sim',
                                                'ztest.selftest.console_ordered'))
        for f in files)
    failed_exe = os.path.join(clean, 'native_sim', 'ztest.selftest.fail', 'zephyr', 'zephyr.exe')
    check(rc == 1 and kept == ['build.log', 'handler.log', os.path.join('zephyr', '.config')]
          and os.path.isfile(failed_exe),
          f'--runtime-artifact-cleanup pass empties passed folders but logs and .config, keeps '
          f'failed ones (kept {kept}, failed exe {os.path.isfile(failed_exe)})')
    rc, out = twister(outdir, '-T', os.path.join(HERE, 'pass'), '--list-tests')
    check(rc == 0 and 'native_sim ztest.self.pass' in out
          and '  - ztest.self.pass.zassert_all' in out, '--list-tests lists declared cases')
    # -K (--force-platform): the -p platforms get the scenarios their platform_allow and
    # arch_exclude leave out, as on Zephyr (e.g. Zephyr's own folders on qemu_cortex_m3).
    selftest_yaml = os.path.join(HERE, 'fail', 'twister_selftest.yaml')
    rc, out = twister(outdir, '-T', selftest_yaml, '-p', 'native_sim', '--list-tests')
    rc_k, out_k = twister(outdir, '-T', selftest_yaml, '-p', 'native_sim', '-K', '--list-tests')
    check(rc == 0 and rc_k == 0 and 'native_sim ztest.selftest.other_platform' not in out
          and 'native_sim ztest.selftest.excluded_arch' not in out
          and 'native_sim ztest.selftest.other_platform' in out_k
          and 'native_sim ztest.selftest.excluded_arch' in out_k,
          '-K lists the scenarios platform_allow and arch_exclude filter out, without -K not')
    if failures:
        print(f'{len(failures)} check(s) failed')
        return 1
    print('twister self-test passed')
    return 0


if __name__ == '__main__':
    sys.exit(main(os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else 'twister-selftest-out')))
