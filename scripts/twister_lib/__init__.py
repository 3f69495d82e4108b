# SPDX-License-Identifier: Apache-2.0
"""zmem's twister: finds Zephyr test scenarios (testcase.yaml / sample.yaml), builds them as
Zephyr application folders against zmem, runs them and reports (see docs/ztest.md)."""
