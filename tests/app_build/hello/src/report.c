/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* Compiled only when CONFIG_LOG is set (target_sources_ifdef in CMakeLists.txt). */
#include <zephyr/logging/log.h>

LOG_MODULE_DECLARE(hello);

void report(double celsius);

void report(double celsius)
{
	LOG_WRN("report: %.1f F", celsius * 9.0 / 5.0 + 32.0);
}
