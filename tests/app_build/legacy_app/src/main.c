/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* Headers as code written before Zephyr 3.0 includes them. */
#include <kernel.h>
#include <string.h>
#include <sys/atomic.h>
#include <sys/printk.h>
/* Zephyr 3.1 to 3.3 published the kernel's wait queue header under this name. */
#include <zephyr/wait_q.h>

/* Zephyr's own condvar test has a global of this name: the application is compiled as strict
 * C11, as on Zephyr, so the C library's BSD index() is not declared to collide with it.
 */
int index[3] = {1, 2, 3};

static K_SEM_DEFINE(sem, 0, 1);

int main(void)
{
	atomic_t n = ATOMIC_INIT(1);

	atomic_inc(&n);
	printk("legacy app on %s, board %s: extra stack %d, atomic %ld, index %d, waiters %s\n",
	       APP_ARCH, APP_BOARD, CONFIG_TEST_EXTRA_STACKSIZE, atomic_get(&n), index[2],
	       z_waitq_head(&sem.wait_q) == NULL ? "none" : "some");
	return 0;
}
