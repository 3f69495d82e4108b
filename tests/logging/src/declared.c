/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* LOG_MODULE_DECLARE: same module name, this file's own level (errors only). */
#include <zephyr/logging/log.h>

LOG_MODULE_DECLARE(verbose, LOG_LEVEL_ERR);

void log_from_declared_module(void);

void log_from_declared_module(void)
{
	LOG_ERR("declared error");
	LOG_WRN("declared warning must not appear");
}
