# SPDX-License-Identifier: Apache-2.0
"""Scenarios: discovery of testcase.yaml / tests.yaml / sample.yaml, their expansion, platforms and the
static filters (platform, arch, tags, scenario names). Zephyr's file format."""
import os
import shlex
from dataclasses import dataclass, field

import yaml

# (Zephyr's newer samples keep their scenarios in tests.yaml beside a descriptive sample.yaml.)
YAML_NAMES = ('testcase.yaml', 'tests.yaml', 'sample.yaml')
SKIP_DIRS = {'.git', 'build', 'twister-out', '__pycache__'}


@dataclass
class Platform:
    """A target twister can build for and run on."""
    name: str
    arch: str
    aliases: tuple = ()
    # Run through the host (the executable itself) or an emulator script.
    runnable: bool = True
    toolchain_file: str = ''
    cmake_args: tuple = ()
    qemu_machine: str = ''
    # Only scenarios that name the platform in platform_allow run on it (bare-metal boards:
    # most scenarios need the host runtime's threads).
    opt_in: bool = False
    ram_kb: int = 1 << 20


# The host runtime is zmem's native_sim; the names Zephyr tests allow for it map to it.
PLATFORMS = [
    Platform('native_sim', 'posix',
             aliases=('native_sim/native', 'native_sim/native/64', 'native_sim_64',
                      'native_posix', 'native_posix/native', 'native_posix/native/64',
                      'native_posix_64', 'unit_testing')),
    Platform('qemu_cortex_m3', 'arm', aliases=('qemu_cortex_m3/ti_lm3s6965', 'mps2/an385'),
             toolchain_file='cmake/toolchain-arm-none-eabi.cmake',
             cmake_args=('-DZMEM_CORTEX_M_CPU=cortex-m3',), qemu_machine='mps2-an385',
             opt_in=True, ram_kb=4096),
    Platform('mps2/an386', 'arm', aliases=('mps2_an386', 'qemu_cortex_m4'),
             toolchain_file='cmake/toolchain-arm-none-eabi.cmake',
             cmake_args=('-DZMEM_CORTEX_M_CPU=cortex-m4',), qemu_machine='mps2-an386',
             opt_in=True, ram_kb=4096),
]
DEFAULT_PLATFORMS = ['native_sim']


def find_platform(name):
    for p in PLATFORMS:
        if name == p.name or name in p.aliases:
            return p
    return None


def _names(platform):
    return {platform.name, *platform.aliases}


def _as_list(value):
    """Zephyr accepts lists or space-separated strings for list-like keys."""
    if value is None:
        return []
    if isinstance(value, str):
        return value.split()
    if isinstance(value, (list, tuple)):
        out = []
        for v in value:
            out.extend(_as_list(v) if isinstance(v, str) and ' ' in v else [v])
        return out
    return [value]


# Keys whose common: and per-scenario values add up; the others: the scenario wins.
_LIST_KEYS = ('tags', 'extra_args', 'extra_configs', 'extra_conf_files', 'extra_overlay_confs',
              'platform_allow', 'platform_exclude', 'integration_platforms', 'arch_allow',
              'arch_exclude', 'depends_on', 'toolchain_allow', 'toolchain_exclude')


@dataclass
class Scenario:
    """One entry of a testcase.yaml's tests: (with common: merged in)."""
    name: str
    source_dir: str
    yaml_path: str
    data: dict

    def get(self, key, default=None):
        return self.data.get(key, default)

    def list(self, key):
        return _norm(key, self.data.get(key))

    @property
    def tags(self):
        return set(self.list('tags'))

    @property
    def build_only(self):
        return bool(self.data.get('build_only', False))

    @property
    def timeout(self):
        return int(self.data.get('timeout', 60))

    @property
    def harness(self):
        return self.data.get('harness', '') or ''

    @property
    def harness_config(self):
        return self.data.get('harness_config', {}) or {}


def _norm(key, value):
    """A list-like key's value as a list: extra_configs entries are whole lines (they may hold
    quoted strings with spaces), extra_args split as a shell would, the others on spaces."""
    if value is None:
        return []
    if key == 'extra_configs':
        return [value] if isinstance(value, str) else [str(v) for v in value]
    if key == 'extra_args':
        return shlex.split(value) if isinstance(value, str) else [str(v) for v in value]
    return _as_list(value)


def _merge(common, own):
    data = dict(common)
    for key, value in (own or {}).items():
        if key in _LIST_KEYS and key in data:
            data[key] = _norm(key, data[key]) + _norm(key, value)
        elif key == 'filter' and data.get('filter') and value:
            data[key] = f"({data['filter']}) and ({value})"
        else:
            data[key] = value
    return data


def load_yaml(path):
    """The scenarios of one testcase.yaml / sample.yaml."""
    with open(path, encoding='utf-8') as f:
        doc = yaml.safe_load(f) or {}
    common = doc.get('common', {}) or {}
    tests = doc.get('tests', {}) or {}
    src = os.path.dirname(os.path.abspath(path))
    return [Scenario(name, src, path, _merge(common, own)) for name, own in tests.items()]


def discover(roots):
    """Every scenario under the given folders, sorted by name."""
    found = []
    for root in roots:
        root = os.path.abspath(root)
        if os.path.isfile(root):
            found.extend(load_yaml(root))
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames
                                 if d not in SKIP_DIRS and not d.startswith('twister-out'))
            for yname in YAML_NAMES:
                if yname in filenames:
                    found.extend(load_yaml(os.path.join(dirpath, yname)))
                    dirnames[:] = []  # a scenario folder's subfolders belong to it
                    break
    return sorted(found, key=lambda s: s.name)


def static_filter(scenario, platform, opts):
    """None if @scenario should be built for @platform, else the reason it is not."""
    names = _names(platform)
    if scenario.get('skip'):
        return 'Skip filter'
    # -K (Zephyr's --force-platform) with -p: the platforms named on the command line are built
    # whatever the scenario's platform and architecture lists say.
    forced = getattr(opts, 'force_platform', False) and bool(getattr(opts, 'platform', None))
    allow = scenario.list('platform_allow')
    if not forced:
        if allow and not names.intersection(allow):
            return 'Not in testsuite platform allow list'
        if platform.opt_in and not names.intersection(allow):
            return 'Platform runs only scenarios that allow it (platform_allow)'
        if names.intersection(scenario.list('platform_exclude')):
            return 'In testsuite platform exclude list'
        arch_allow = scenario.list('arch_allow')
        if arch_allow and platform.arch not in arch_allow:
            return 'Not in testsuite arch allow list'
        if platform.arch in scenario.list('arch_exclude'):
            return 'In testsuite arch exclude list'
    if opts.integration:
        integ = scenario.list('integration_platforms')
        if integ and not names.intersection(integ):
            return 'Not an integration platform'
    if opts.tag and not scenario.tags.intersection(opts.tag):
        return 'Command line testsuite tag filter'
    if opts.exclude_tag and scenario.tags.intersection(opts.exclude_tag):
        return 'Command line testsuite exclude filter'
    if scenario.get('slow') and not opts.enable_slow:
        return 'Not enabled slow tests'
    min_ram = scenario.get('min_ram')
    if min_ram and int(min_ram) > platform.ram_kb:
        return 'Not enough RAM'
    depends = set(scenario.list('depends_on'))
    if depends - {'userspace', 'mpu', 'mmu'} and platform.arch == 'posix':
        return f"Platform does not support: {' '.join(sorted(depends))}"
    if platform.arch != 'posix' and 'userspace' in depends:
        return 'Platform does not support: userspace'
    return None
