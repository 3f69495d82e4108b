/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>
#include <zephyr/sys/printk.h>

/* No level: CONFIG_LOG_DEFAULT_LEVEL decides (4 from prj.conf, 3 with the overlay). */
LOG_MODULE_REGISTER(hello);

void report(double celsius);

int main(void)
{
	double celsius = 21.25;

	printk("Hello World! %s\n", CONFIG_BOARD);
	LOG_INF("log level %d, temperature %.1f C", CONFIG_LOG_DEFAULT_LEVEL, celsius);
	LOG_DBG("debug visible at level 4");
	report(celsius);
	return 0;
}
