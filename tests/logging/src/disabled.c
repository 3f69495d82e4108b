/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * CONFIG_LOG=n and CONFIG_PRINTK=n: logging and printk compile to nothing (arguments are still
 * type-checked) in the application and in zmem, which is built with the same configuration.
 * Plain stdio shows that the program ran.
 */
#include <stdio.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>
#include <zephyr/sys/printk.h>

LOG_MODULE_REGISTER(disabled, LOG_LEVEL_DBG);

#if defined(CONFIG_LOG) || defined(CONFIG_PRINTK)
#error "prj_disabled.conf turns CONFIG_LOG and CONFIG_PRINTK off"
#endif

static int evaluated;

static int side_effect(void)
{
	return ++evaluated;
}

int main(void)
{
	static const unsigned char bytes[4] = {1, 2, 3, 4};
	char buf[16];

	LOG_ERR("error %d", 1);
	LOG_INF("info %s", "x");
	LOG_DBG("debug %d", side_effect()); /* compiled out: the call is never made */
	LOG_HEXDUMP_ERR(bytes, sizeof(bytes), "dump");
	printk("printk %d\n", 2);
	log_panic();
	/* snprintk does not depend on CONFIG_PRINTK, as on Zephyr. */
	snprintk(buf, sizeof(buf), "%.1f", 1.5);
	printf("stdio: ran, snprintk gave %s, evaluated %d\n", buf, evaluated);
	return 0;
}
