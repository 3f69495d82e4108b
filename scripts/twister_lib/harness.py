# SPDX-License-Identifier: Apache-2.0
"""Reading a test's console output: ztest's lines (the default harness) and the console
harness (harness_config regexes). The patterns are those of Zephyr's twister."""
import os
import re

SUITE_START = re.compile(r'Running TESTSUITE (?P<suite>\S*)')
CASE_START = re.compile(r"START - (?P<name>\S+)")
CASE_END = re.compile(r'.*(?P<status>PASS|FAIL|SKIP) - (?P<name>\S*) in (?P<time>\d*[.,]?\d*) seconds')
SUMMARY_CASE = re.compile(
    r'^\s*- (?P<status>PASS|FAIL|SKIP|FLAKY) - \[(?P<suite>[^.\]]+)\.(?P<name>[^\]]+)\]')
RUN_PASSED = 'PROJECT EXECUTION SUCCESSFUL'
RUN_FAILED = 'PROJECT EXECUTION FAILED'
FAULT = 'ZEPHYR FATAL ERROR'

_STATUS = {'PASS': 'passed', 'FAIL': 'failed', 'SKIP': 'skipped', 'FLAKY': 'failed'}
_ZTEST_DECL = re.compile(
    r'^\s*(?:ZTEST|ZTEST_F|ZTEST_USER|ZTEST_USER_F|ZTEST_P)\s*\(\s*(\w+)\s*,\s*(\w+)\s*\)', re.M)


def case_id(scenario, name):
    """Zephyr's test case identifier: scenario name, then the case without 'test_'."""
    if name.startswith('test_'):
        name = name[5:]
    return f'{scenario}.{name}'


def declared_cases(source_dir):
    """(suite, test) of every ZTEST-family declaration in the scenario's sources."""
    found = []
    for dirpath, dirnames, filenames in os.walk(source_dir):
        dirnames[:] = [d for d in dirnames if not d.startswith(('build', 'twister-out', '.'))]
        for fn in sorted(filenames):
            if fn.endswith(('.c', '.cpp', '.h')):
                try:
                    with open(os.path.join(dirpath, fn), encoding='utf-8', errors='replace') as f:
                        found.extend(_ZTEST_DECL.findall(f.read()))
                except OSError:
                    pass
    return found


class Case:
    """One test case's outcome."""

    def __init__(self, identifier, status='blocked', duration=0.0, reason='', output=''):
        self.identifier = identifier
        self.status = status
        self.duration = duration
        self.reason = reason
        self.output = output


def parse_ztest(lines, scenario):
    """Parse ztest output. Returns (status, reason, {identifier: Case}, saw_ztest)."""
    cases = {}
    current = None
    current_lines = []
    verdict = None
    fault = False
    saw = False
    for line in lines:
        if SUITE_START.search(line):
            saw = True
        m = CASE_START.search(line)
        if m and not line.lstrip().startswith('- '):
            saw = True
            current = case_id(scenario, m.group('name'))
            current_lines = []
            cases.setdefault(current, Case(current, 'started'))
            continue
        m = CASE_END.match(line)
        if m and not SUMMARY_CASE.match(line):
            saw = True
            ident = case_id(scenario, m.group('name'))
            if current is not None and current != ident and current in cases \
                    and cases[current].status == 'started':
                # The "START - x" line came from inside the test now ending (a TC_START() in
                # its code, as older Zephyr tests have): not a case of its own.
                del cases[current]
            c = cases.setdefault(ident, Case(ident))
            c.status = _STATUS[m.group('status')]
            try:
                c.duration = float(m.group('time').replace(',', '.') or 0)
            except ValueError:
                c.duration = 0.0
            if c.status == 'failed':
                c.output = '\n'.join(current_lines)
                c.reason = _failure_reason(current_lines)
            current = None
            continue
        if current is not None:
            current_lines.append(line)
        if RUN_PASSED in line:
            verdict = 'passed'
        elif RUN_FAILED in line:
            verdict = 'failed'
        if FAULT in line:
            fault = True
    for c in cases.values():
        if c.status == 'started':
            c.status = 'failed'
            c.reason = 'did not finish (the run stopped inside it)'
            c.output = '\n'.join(current_lines) if c.identifier == current else ''
    if verdict is None:
        return 'failed', 'no PROJECT EXECUTION line (the run stopped early)', cases, saw
    if verdict == 'failed':
        return 'failed', 'Testsuite failed', cases, saw
    if any(c.status == 'failed' for c in cases.values()):
        return 'failed', 'Testsuite failed', cases, saw
    del fault  # expected faults (ztest_error_hook) print it too: the verdict decides
    return 'passed', '', cases, saw


def _failure_reason(lines):
    for line in lines:
        s = line.strip()
        if s.startswith(('Assertion failed', 'Expectation failed')) or 'FATAL ERROR' in s \
                or s.startswith('Fatal error'):
            return s
    return ''


def parse_console(lines, config, scenario):
    """The console harness. Returns (status, reason, {identifier: Case})."""
    kind = config.get('type', 'one_line')
    regexes = config.get('regex', []) or []
    if isinstance(regexes, str):
        regexes = [regexes]
    ordered = config.get('ordered', True)
    if not regexes:
        return 'error', 'harness_config: no regex patterns configured', {}
    if kind not in ('one_line', 'multi_line'):
        return 'error', f'harness_config: incorrect type={kind}', {}
    pats = [re.compile(r) for r in (regexes[:1] if kind == 'one_line' else regexes)]
    matched = 0
    seen = set()
    for line in lines:
        if ordered:
            if matched < len(pats) and pats[matched].search(line):
                matched += 1
        else:
            for i, p in enumerate(pats):
                if i not in seen and p.search(line):
                    seen.add(i)
    ok = (matched if ordered else len(seen)) == len(pats)
    ident = scenario
    if ok:
        return 'passed', '', {ident: Case(ident, 'passed')}
    got = matched if ordered else len(seen)
    reason = f"patterns did not match ({'ordered' if ordered else 'unordered'}: " \
             f"{got} of {len(pats)})"
    return 'failed', reason, {ident: Case(ident, 'failed', reason=reason)}
