/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The scheduler interface kernel/mem_slab.c needs, for a fuzz target running on one plain
 * thread (the fuzzer's): nobody else runs, so nothing a thread waits for can come. A finite
 * wait ends at once with -EAGAIN, the virtual clock at its end (kernel/sched_single.c);
 * K_FOREVER would never end (an oracle failure). It plays the role of
 * arch/cortex_m/kernel_single.c on the host, and like it leaves the rest of the scheduler
 * interface (the part that is the same wherever one thread runs alone) to kernel/sched_single.c.
 */
#include <errno.h>
#include <stdint.h>

#include <zephyr/kernel.h>

#include "fuzz_util.h"
#include "kobject_registry.h"
#include "ksched.h"

unsigned int irq_lock(void)
{
	return 0;
}

void irq_unlock(unsigned int key)
{
	(void)key;
}

bool k_is_in_isr(void)
{
	return false;
}

/* No user thread runs here, so nothing asks which memory holds a kernel object
 * (kernel/kobject_registry.c): k_mem_slab_init() registers its slab with nobody. */
void z_object_init(const void *obj)
{
	(void)obj;
}

int z_pend_curr_desc(struct k_spinlock *lock, k_spinlock_key_t key, _wait_q_t *wq,
		     k_timeout_t timeout, const char *what)
{
	(void)lock;
	(void)key;
	(void)wq;
	(void)what;
	FUZZ_CHECK(!K_TIMEOUT_EQ(timeout, K_FOREVER)); /* nothing could ever end it */
	z_single_sleep_through(timeout);
	return -EAGAIN;
}
