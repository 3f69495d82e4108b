/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's kernel API as zmem provides it: threads, scheduling, time, synchronization
 * and the kernel memory objects. Applications include only this header, as on Zephyr.
 *
 * Each part lives in its own header; this one gathers them. Parts built by later work are
 * included when present, so that every stage of the tree builds.
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_H_
#define ZEPHYR_INCLUDE_KERNEL_H_

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <zephyr/sys/sys_heap.h>

#define Z_KERNEL_PART(hdr) __has_include(hdr)

#if Z_KERNEL_PART(<zephyr/toolchain.h>)
#include <zephyr/toolchain.h>
#endif
#if Z_KERNEL_PART(<zephyr/sys/util.h>)
#include <zephyr/sys/util.h>
#endif
#if Z_KERNEL_PART(<zephyr/sys_clock.h>)
#include <zephyr/sys_clock.h>
#endif
#if Z_KERNEL_PART(<zephyr/irq.h>)
#include <zephyr/irq.h>
#endif
#if Z_KERNEL_PART(<zephyr/irq_offload.h>)
#include <zephyr/irq_offload.h>
#endif
#if Z_KERNEL_PART(<zephyr/spinlock.h>)
#include <zephyr/spinlock.h>
#endif
#if Z_KERNEL_PART(<zephyr/sys/printk.h>)
#include <zephyr/sys/printk.h>
#endif
#if Z_KERNEL_PART(<zephyr/sys/__assert.h>)
#include <zephyr/sys/__assert.h>
#endif
#if Z_KERNEL_PART(<zephyr/fatal.h>)
#include <zephyr/fatal.h>
#endif
#if Z_KERNEL_PART(<zephyr/kernel/thread_stack.h>)
#include <zephyr/kernel/thread_stack.h>
#endif
#if Z_KERNEL_PART(<zephyr/kernel/thread.h>)
#include <zephyr/kernel/thread.h>
#endif
#if Z_KERNEL_PART(<zephyr/kernel/protection.h>)
#include <zephyr/kernel/protection.h>
#endif
#if Z_KERNEL_PART(<zephyr/kernel/sync.h>)
#include <zephyr/kernel/sync.h>
#endif
#if Z_KERNEL_PART(<zephyr/kernel/heap.h>)
#include <zephyr/kernel/heap.h>
#endif
#if Z_KERNEL_PART(<zephyr/kernel/mem_slab.h>)
#include <zephyr/kernel/mem_slab.h>
#endif
#if Z_KERNEL_PART(<zephyr/app_memory/mem_domain.h>)
#include <zephyr/app_memory/mem_domain.h>
#endif
#if Z_KERNEL_PART(<zephyr/app_memory/app_memdomain.h>)
#include <zephyr/app_memory/app_memdomain.h>
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_H_ */
