/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The host's own page protection, which zmem reports as Zephyr's MPU/MMU targets do: writing
 * code or constant data and executing data, a stack or the system heap are CPU exceptions of
 * the faulting thread (K_ERR_CPU_EXCEPTION), reported with the access and why (read-only
 * memory, memory that is not executable; not "not a valid address", which is kept for
 * unmapped addresses), and the system runs on. Zephyr's tests/kernel/mem_protect/protection
 * checks the same five accesses.
 */
#include <string.h>
#include <zephyr/kernel.h>

#include "../common/ptest.h"

#define CODE_BYTES 16

/* Not static, not volatile: the compiler places it in .rodata (a const volatile goes to .data). */
const uint32_t host_pages_constant = 0xF00FF00Fu;
static uint8_t data_code[CODE_BYTES] __aligned(sizeof(int));

K_THREAD_STACK_DEFINE(stack, PTEST_STACK(4096));
static struct k_thread thread;

static __attribute__((noinline)) int add_one(int i)
{
	return i + 1;
}

/* Copy add_one()'s first bytes to dst and call them: the call must fault before it returns. */
static void run_copy(uint8_t *dst)
{
	int (*fn)(int) = (int (*)(int))(uintptr_t)dst;

	memcpy(dst, (const void *)(uintptr_t)add_one, CODE_BYTES);
	printk("calling %s copy\n", dst == data_code ? "data" : "other");
	(void)fn(1);
	printk("FAIL: executed a copy of code\n");
}

static void write_constant(void *p1, void *p2, void *p3)
{
	(void)p1, (void)p2, (void)p3;
	*(volatile uint32_t *)&host_pages_constant = 1u;
	printk("FAIL: wrote constant data\n");
}

static void write_code(void *p1, void *p2, void *p3)
{
	(void)p1, (void)p2, (void)p3;
	*(volatile uint8_t *)(uintptr_t)add_one = 0xC3;
	printk("FAIL: wrote code\n");
}

static void exec_data(void *p1, void *p2, void *p3)
{
	(void)p1, (void)p2, (void)p3;
	run_copy(data_code);
}

static void exec_stack(void *p1, void *p2, void *p3)
{
	(void)p1, (void)p2, (void)p3;
	uint8_t local[CODE_BYTES] __aligned(sizeof(int));

	run_copy(local);
}

static void exec_heap(void *p1, void *p2, void *p3)
{
	(void)p1, (void)p2, (void)p3;
	uint8_t *block = k_malloc(CODE_BYTES);

	if (block == NULL) {
		printk("FAIL: no heap block\n");
		return;
	}
	run_copy(block);
}

static void expect(const char *name, k_thread_entry_t entry, enum arch_host_access access)
{
	ptest_fault_reset();
	k_thread_create(&thread, stack, K_THREAD_STACK_SIZEOF(stack), entry, NULL, NULL, NULL,
			K_PRIO_PREEMPT(1), 0, K_FOREVER);
	k_thread_name_set(&thread, name);
	k_thread_start(&thread);
	CHECK_EQ(k_thread_join(&thread, K_MSEC(5000)), 0);
	CHECK_EQ(ptest_last_fault.count, 1);
	CHECK_EQ(ptest_last_fault.reason, K_ERR_CPU_EXCEPTION);
	CHECK(ptest_last_fault.thread == &thread);
	CHECK_EQ(ptest_last_fault.access, access);
}

int main(void)
{
	expect("write_const", write_constant, ARCH_HOST_ACCESS_WRITE);
	CHECK_EQ(ptest_last_fault.addr, (uintptr_t)&host_pages_constant);
	CHECK_EQ(*(const volatile uint32_t *)&host_pages_constant, 0xF00FF00Fu);
	expect("write_code", write_code, ARCH_HOST_ACCESS_WRITE);
	CHECK_EQ(ptest_last_fault.addr, (uintptr_t)add_one);
	expect("exec_data", exec_data, ARCH_HOST_ACCESS_EXEC);
	CHECK_EQ(ptest_last_fault.addr, (uintptr_t)data_code);
	expect("exec_stack", exec_stack, ARCH_HOST_ACCESS_EXEC);
	expect("exec_heap", exec_heap, ARCH_HOST_ACCESS_EXEC);

	/* The system ran on, and the code that was copied still works where it lives. */
	CHECK_EQ(add_one(1), 2);
	return ptest_result("protection.host_pages");
}
