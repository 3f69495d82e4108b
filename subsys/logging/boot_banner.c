/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief The boot banner the runtime prints before main(), as Zephyr's "*** Booting Zephyr OS".
 */
#include <zephyr/sys/printk.h>

#include <zephyr/logging/log_ctrl.h>

#ifndef ZMEM_VERSION_STRING
#define ZMEM_VERSION_STRING "unknown"
#endif

void z_boot_banner(void)
{
#if defined(CONFIG_BOOT_BANNER) && CONFIG_BOOT_BANNER
	printk("*** Booting zmem " ZMEM_VERSION_STRING " ***\n");
#endif
}
