/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* The only member of a static library: nothing references it but its init entry. */
#include <zephyr/init.h>

#include "sys_init_test.h"

static int lib_app_0(void)
{
	sys_init_record(EV_APP_0);
	return 0;
}

SYS_INIT(lib_app_0, APPLICATION, 0);
