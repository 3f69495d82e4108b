/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The scheduler interface (kernel/include/ksched.h) for a bare-metal board with one thread and
 * no interrupt sources: enough to run the kernel objects whose code does not need the host
 * runtime (k_mem_slab, k_heap, the system heap) on the target.
 *
 * Nothing can ever wake a thread that pends here: there is no other thread and no interrupt
 * that could free memory. So a finite wait ends with -EAGAIN at once, and the clock, which is
 * virtual (kernel/sched_single.c), jumps to the end of the wait, as if the thread had slept
 * through it. K_FOREVER is a deadlock, reported as a fatal error instead of hanging.
 * irq_lock() masks interrupts for real (PRIMASK), as on Zephyr's Cortex-M port.
 *
 * The rest of the scheduler interface, the same wherever one thread runs alone (waking finds
 * nobody, rescheduling only releases the lock, the virtual clock), is kernel/sched_single.c.
 */
#include <errno.h>
#include <stdint.h>

#include <zephyr/kernel.h>

#include "board.h"
#include "ksched.h"
#include "semihost.h"

unsigned int irq_lock(void)
{
	unsigned int key;

	__asm__ volatile("mrs %0, primask\n\tcpsid i" : "=r"(key) : : "memory");
	return key;
}

void irq_unlock(unsigned int key)
{
	/* Unmask only if interrupts were enabled when the matching irq_lock() ran (nesting). */
	if ((key & 1u) == 0u) {
		__asm__ volatile("cpsie i" : : : "memory");
	}
}

bool k_is_in_isr(void)
{
	uint32_t ipsr;

	__asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
	return (ipsr & 0x1FFu) != 0u;
}

int z_pend_curr_desc(struct k_spinlock *lock, k_spinlock_key_t key, _wait_q_t *wq,
		     k_timeout_t timeout, const char *what)
{
	(void)wq;
	k_spin_unlock(lock, key);
	if (K_TIMEOUT_EQ(timeout, K_FOREVER)) {
		semihost_puts("[board] FATAL: deadlock: the only thread waits forever for ");
		semihost_puts(what != NULL ? what : "a kernel object");
		semihost_puts(" and nothing else can give it\n");
		semihost_exit(Z_CORTEX_M_FAULT_EXIT);
	}
	z_single_sleep_through(timeout);
	return -EAGAIN;
}
