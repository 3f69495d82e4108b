/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Lines logged before the boot banner (here from a constructor, where K_HEAP_DEFINE heaps are
 * initialized and report their errors) carry uptime 0, as on a board whose timer has not
 * started, not the host machine's uptime; the kernel's clock starts at the banner.
 */
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

LOG_MODULE_REGISTER(boot_order, LOG_LEVEL_INF);

static int64_t uptime_before_boot = -1;

__attribute__((constructor(210))) static void before_boot(void)
{
	uptime_before_boot = k_uptime_get();
	LOG_ERR("logged before the banner");
}

int main(void)
{
	k_msleep(2);
	LOG_INF("main: uptime before boot %lld ms, now at least 2 ms: %s",
		(long long)uptime_before_boot, k_uptime_get() >= 2 ? "yes" : "no");
	return uptime_before_boot == 0 ? 0 : 1;
}
