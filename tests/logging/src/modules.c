/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* Per-module levels: a debug module, a module declared with a lower level in another file. */
#include <zephyr/logging/log.h>

LOG_MODULE_REGISTER(verbose, LOG_LEVEL_DBG);

void log_from_other_modules(void);
void log_from_declared_module(void);

void log_from_other_modules(void)
{
	LOG_ERR("verbose error");
	LOG_WRN("verbose warning");
	LOG_INF("verbose info %u", 3u);
	LOG_DBG("verbose debug %.2f", 0.25);
	log_from_declared_module();
}
