/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* Compiled only when CONFIG_APP_VERBOSE is set (target_sources_ifdef in CMakeLists.txt). */
#include <zephyr/sys/printk.h>

void verbose(void);

void verbose(void)
{
#ifdef CONFIG_APP_VERBOSE_HEX
	printk("verbose: buffers 0x%x\n", CONFIG_APP_BUFFER_COUNT);
#else
	printk("verbose: buffers %d\n", CONFIG_APP_BUFFER_COUNT);
#endif
}
