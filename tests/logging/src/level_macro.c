/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* A file may set its modules' level by defining LOG_LEVEL before including log.h (Zephyr). */
#define LOG_LEVEL LOG_LEVEL_DBG
#include <zephyr/logging/log.h>

LOG_MODULE_REGISTER(lvlmacro);

void log_with_level_macro(void);

void log_with_level_macro(void)
{
	LOG_DBG("debug enabled by LOG_LEVEL");
}
