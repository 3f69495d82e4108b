/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Threads on plain arrays of k_thread_stack_t, as Zephyr code written for boards that reserve
 * nothing below a stack passes them (`static k_thread_stack_t stack[1024]` and
 * K_THREAD_STACK_SIZEOF(stack)): they run on the array itself, as on native_sim, and touch
 * nothing around it. Stack objects next to them keep their layout.
 */
#include <string.h>
#include <zephyr/kernel.h>

#include "../common/ptest.h"

#define GUARD_BYTES 64

/* Plain buffers with marked neighbours; the second starts one byte off alignment. */
static struct {
	uint8_t before[GUARD_BYTES];
	k_thread_stack_t stack[PTEST_STACK(1024)];
	uint8_t after[GUARD_BYTES];
} plain;
static struct {
	uint8_t before[GUARD_BYTES + 1];
	k_thread_stack_t stack[PTEST_STACK(700)];
	uint8_t after[GUARD_BYTES];
} odd;
K_THREAD_STACK_DEFINE(object_stack, 2048);

static struct k_thread thread;
static uintptr_t local_addr;

static void fill_guards(uint8_t *before, size_t nb, uint8_t *after)
{
	memset(before, 0x5A, nb);
	memset(after, 0xA5, GUARD_BYTES);
}

static bool guards_intact(const uint8_t *before, size_t nb, const uint8_t *after)
{
	for (size_t i = 0; i < nb; i++) {
		if (before[i] != 0x5A) {
			return false;
		}
	}
	for (size_t i = 0; i < GUARD_BYTES; i++) {
		if (after[i] != 0xA5) {
			return false;
		}
	}
	return true;
}

static void touch_entry(void *p1, void *p2, void *p3)
{
	volatile uint8_t buf[256];

	(void)p1;
	(void)p2;
	(void)p3;
	for (size_t i = 0; i < sizeof(buf); i++) {
		buf[i] = (uint8_t)i;
	}
	local_addr = (uintptr_t)&buf[0];
}

/* Runs a thread on @p stack of @p size bytes and checks where it ran. */
static void run_plain(const char *what, k_thread_stack_t *stack, size_t size)
{
	uintptr_t first = ROUND_UP((uintptr_t)stack, sizeof(void *));
	size_t unused = 0;

	k_thread_create(&thread, stack, size, touch_entry, NULL, NULL, NULL, K_PRIO_PREEMPT(1), 0,
			K_NO_WAIT);
	CHECK_EQ(k_thread_join(&thread, K_FOREVER), 0);
	CHECK_EQ(thread.stack_info.start, first);
	CHECK_EQ(thread.stack_info.size,
		 ROUND_DOWN((uintptr_t)stack + size - first, sizeof(void *)));
	CHECK(local_addr >= thread.stack_info.start);
	CHECK(local_addr < thread.stack_info.start + thread.stack_info.size);
	CHECK_EQ(k_thread_stack_space_get(&thread, &unused), 0);
	CHECK(unused < thread.stack_info.size);
	printk("%s: %zu bytes, runs on the buffer itself\n", what, (size_t)thread.stack_info.size);
}

int main(void)
{
	/* Shorter than any stack object: K_THREAD_STACK_SIZEOF is the whole array, as on
	 * native_sim, which reserves nothing. */
	CHECK_EQ(K_THREAD_STACK_SIZEOF(plain.stack), sizeof(plain.stack));
	CHECK_EQ(K_THREAD_STACK_SIZEOF(odd.stack), sizeof(odd.stack));
	CHECK(((uintptr_t)odd.stack % sizeof(void *)) != 0U);

	fill_guards(plain.before, sizeof(plain.before), plain.after);
	fill_guards(odd.before, sizeof(odd.before), odd.after);
	run_plain("plain", plain.stack, K_THREAD_STACK_SIZEOF(plain.stack));
	run_plain("unaligned", odd.stack, K_THREAD_STACK_SIZEOF(odd.stack));
	CHECK(guards_intact(plain.before, sizeof(plain.before), plain.after));
	CHECK(guards_intact(odd.before, sizeof(odd.before), odd.after));

	/* A stack object keeps its layout: the declared area ends on its page-aligned top. */
	k_thread_create(&thread, object_stack, K_THREAD_STACK_SIZEOF(object_stack), touch_entry,
			NULL, NULL, NULL, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	CHECK_EQ(k_thread_join(&thread, K_FOREVER), 0);
	CHECK_EQ(thread.stack_info.start + thread.stack_info.size,
		 (uintptr_t)object_stack + K_THREAD_STACK_RESERVED + ROUND_UP(2048, 4096));
	CHECK_EQ(thread.stack_info.size, 2048);
	return ptest_result("protection.plain_buffer");
}
