# SPDX-License-Identifier: Apache-2.0
"""The summary table, twister.json and the JUnit XML report."""
import json
import os
import platform as host_platform
import time
import xml.etree.ElementTree as ET

OK_STATUSES = ('passed', 'built')
NOT_RUN = ('skipped', 'filtered')


def summary_table(instances, verbose):
    """Lines of the per-instance table (filtered ones only when verbose)."""
    rows = []
    for inst in instances:
        if inst.status == 'filtered' and not verbose:
            continue
        counts = {'passed': 0, 'failed': 0, 'skipped': 0}
        for c in inst.cases.values():
            key = 'failed' if c.status in ('failed', 'blocked') and inst.status != 'built' \
                else c.status
            if key in counts:
                counts[key] += 1
        cases = f"{counts['passed']}/{counts['failed']}/{counts['skipped']}" \
            if inst.cases and inst.status not in ('built',) + NOT_RUN else '-'
        rows.append((inst.platform.name, inst.scenario.name, inst.status.upper(), cases,
                     f'{inst.build_time:.1f}', f'{inst.execution_time:.2f}', inst.reason))
    head = ('platform', 'scenario', 'status', 'cases p/f/s', 'build s', 'run s', 'reason')
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    fmt = '  '.join('{:<%d}' % w for w in widths[:-1]) + '  {}'
    out = [fmt.format(*head), fmt.format(*['-' * w for w in widths[:-1]], '-' * 6)]
    out.extend(fmt.format(*r) for r in rows)
    return out


def totals(instances):
    t = {'total': len(instances)}
    for st in ('passed', 'failed', 'error', 'skipped', 'filtered', 'built'):
        t[st] = sum(1 for i in instances if i.status == st)
    cases = [c for i in instances for c in i.cases.values()]
    t['cases'] = len(cases)
    for st in ('passed', 'failed', 'skipped', 'blocked', 'not run'):
        t['cases_' + st.replace(' ', '_')] = sum(1 for c in cases if c.status == st)
    return t


def _case_status(inst, c):
    return c.status


def write_json(path, instances, opts, duration):
    suites = []
    for inst in instances:
        entry = {
            'name': inst.scenario.name,
            'arch': inst.platform.arch,
            'platform': inst.platform.name,
            'path': os.path.relpath(inst.scenario.source_dir, opts.zephyr_base),
            'runnable': inst.platform.runnable,
            'status': inst.status,
            'build_time': round(inst.build_time, 3),
            'execution_time': round(inst.execution_time, 3),
            'build_dir': inst.build_dir,
            'tags': sorted(inst.scenario.tags),
            'testcases': [{'identifier': c.identifier, 'status': _case_status(inst, c),
                           'execution_time': round(c.duration, 3),
                           **({'reason': c.reason} if c.reason else {}),
                           **({'log': c.output} if c.output else {})}
                          for c in inst.cases.values()],
        }
        if inst.reason:
            entry['reason'] = inst.reason
        if inst.status in ('failed', 'error'):
            entry['log'] = inst.log[-20000:]
        suites.append(entry)
    doc = {
        'environment': {
            'os': host_platform.system(),
            'zephyr_version': 'zmem',
            'toolchain': 'host',
            'run_date': time.strftime('%Y-%m-%dT%H:%M:%S%z'),
            'commit_date': '',
            'duration': round(duration, 3),
            'options': {'testsuite_root': opts.testsuite_root, 'platform': opts.platform},
        },
        'summary': totals(instances),
        'testsuites': suites,
    }
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(doc, f, indent=2)


def write_junit(path, instances, duration):
    """One <testsuite> per platform, one <testcase> per test case (or per instance)."""
    root = ET.Element('testsuites')
    by_platform = {}
    for inst in instances:
        by_platform.setdefault(inst.platform.name, []).append(inst)
    for pname, insts in sorted(by_platform.items()):
        ts = ET.SubElement(root, 'testsuite', name=pname)
        n = fails = errors = skips = 0
        total_time = 0.0
        for inst in insts:
            cases = list(inst.cases.values()) or [None]
            for c in cases:
                n += 1
                name = c.identifier if c is not None else inst.scenario.name
                t = c.duration if c is not None else inst.execution_time
                total_time += t
                tc = ET.SubElement(ts, 'testcase', classname=inst.scenario.name, name=name,
                                   time=f'{t:.3f}')
                status = c.status if c is not None else inst.status
                if inst.status == 'error':
                    errors += 1
                    e = ET.SubElement(tc, 'error', type='failure', message=inst.reason)
                    e.text = inst.log[-8000:]
                elif inst.status in ('skipped', 'filtered') or status in ('skipped', 'not run'):
                    skips += 1
                    ET.SubElement(tc, 'skipped', type='skipped',
                                  message=(c.reason if c is not None and c.reason
                                           else inst.reason or status))
                elif status in ('failed', 'blocked') or (c is None and inst.status == 'failed'):
                    fails += 1
                    e = ET.SubElement(tc, 'failure', type='failure',
                                      message=(c.reason if c is not None and c.reason
                                               else inst.reason or 'failed'))
                    e.text = (c.output if c is not None and c.output else inst.log[-8000:])
        ts.set('tests', str(n))
        ts.set('failures', str(fails))
        ts.set('errors', str(errors))
        ts.set('skipped', str(skips))
        ts.set('time', f'{total_time:.3f}')
    root.set('time', f'{duration:.3f}')
    ET.ElementTree(root).write(path, encoding='utf-8', xml_declaration=True)
