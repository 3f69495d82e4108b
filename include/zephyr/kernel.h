/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's kernel API as zmem provides it: threads, scheduling, time, synchronization
 * and the kernel memory objects. Applications include only this header, as on Zephyr.
 *
 * Each part lives in its own header; this one gathers them.
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_H_
#define ZEPHYR_INCLUDE_KERNEL_H_

#include <errno.h>
#include <limits.h> /* INT_MAX, UINT_MAX: Zephyr's kernel.h gives them too */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <zephyr/sys/sys_heap.h>

#include <zephyr/toolchain.h>
#include <zephyr/arch/arch_interface.h>
#include <zephyr/sys/util.h>
#include <zephyr/sys/atomic.h>
#include <zephyr/sys_clock.h>
#include <zephyr/irq.h>
#include <zephyr/irq_offload.h>
#include <zephyr/spinlock.h>
#include <zephyr/sys/printk.h>
#include <zephyr/sys/__assert.h>
#include <zephyr/fatal.h>
#include <zephyr/kernel/thread_stack.h>
#include <zephyr/kernel/thread.h>
#include <zephyr/kernel/protection.h>
#include <zephyr/kernel/sync.h>
#include <zephyr/kernel/heap.h>
#include <zephyr/kernel/mem_slab.h>
#include <zephyr/sys/slist.h>
#include <zephyr/sys/sflist.h>
#include <zephyr/sys/kobject.h>
#include <zephyr/kernel/poll.h>
#include <zephyr/kernel/queue.h>
#include <zephyr/kernel/msgq.h>
#include <zephyr/kernel/stack.h>
#include <zephyr/kernel/timer.h>
#include <zephyr/kernel/work.h>
#include <zephyr/kernel/event.h>
#include <zephyr/kernel/condvar.h>
#include <zephyr/kernel/pipe.h>
#include <zephyr/kernel/mbox.h>
#include <zephyr/app_memory/mem_domain.h>
#include <zephyr/app_memory/app_memdomain.h>

#endif /* ZEPHYR_INCLUDE_KERNEL_H_ */
