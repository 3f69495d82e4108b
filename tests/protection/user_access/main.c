/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Enforcement for user threads: reads and writes inside their domain work with the partitions'
 * attributes; writes to read-only partitions, any access to partitions outside the domain and
 * to other threads' stacks are CPU exceptions naming the thread, address and access; forbidden
 * kernel calls are kernel oopses. A partition moved between domains at run time, children
 * inheriting their creator's domain, k_thread_user_mode_enter, two user threads of different
 * domains taking turns, and the system running on after every caught fault.
 */
#include <zephyr/app_memory/app_memdomain.h>
#include <zephyr/debug/thread_analyzer.h>
#include <zephyr/kernel.h>

#include "../common/ptest.h"

#define PAGE 4096U

static uint8_t area_a[PAGE] __aligned(PAGE);      /* dom1, read/write */
static uint8_t area_ro[2 * PAGE] __aligned(PAGE); /* dom1, read-only for users */
static uint8_t area_c[PAGE] __aligned(PAGE);      /* dom2 (later moved to dom1) */
static int unpartitioned = 5;

K_MEM_PARTITION_DEFINE(part_a, area_a, sizeof(area_a), K_MEM_PARTITION_P_RW_U_RW);
K_MEM_PARTITION_DEFINE(part_ro, area_ro, sizeof(area_ro), K_MEM_PARTITION_P_RW_U_RO);
K_MEM_PARTITION_DEFINE(part_c, area_c, sizeof(area_c), K_MEM_PARTITION_P_RW_U_RW);

/* An application partition: results user threads report, in a partition of their domain. */
K_APPMEM_PARTITION_DEFINE(results_part);
K_APP_BMEM(results_part) volatile int results[16];

/* A store the compiler keeps in program order relative to the volatile results[] stores. */
#define VSTORE(lvalue, value) (*(volatile __typeof__(lvalue) *)&(lvalue) = (value))

static struct k_mem_domain dom1;
static struct k_mem_domain dom2;

K_THREAD_STACK_DEFINE(stack1, PTEST_STACK(4096));
K_THREAD_STACK_DEFINE(stack2, PTEST_STACK(4096));
K_THREAD_STACK_DEFINE(child_stack, PTEST_STACK(4096));
static struct k_thread t1;
static struct k_thread t2;
static struct k_thread child;

enum {
	R_OK_A,
	R_OK_RO,
	R_CHILD,
	R_CHILD_DOMAIN,
	R_TURNS1,
	R_TURNS2,
	R_ENTERED,
	R_BEFORE_FAULT,
	R_MAIN_UNUSED,
	R_ANALYZED,
};

static struct k_thread *run2(struct k_thread *t, k_thread_stack_t *stack, const char *name,
			     k_thread_entry_t entry, void *p1, void *p2, struct k_mem_domain *domain,
			     uint32_t options)
{
	k_thread_create(t, stack, K_THREAD_STACK_SIZEOF(stack1), entry, p1, p2, NULL,
			K_PRIO_PREEMPT(1), options, K_FOREVER);
	k_thread_name_set(t, name);
	if (domain != NULL) {
		CHECK_EQ(k_mem_domain_add_thread(domain, t), 0);
	}
	k_thread_start(t);
	return t;
}

static struct k_thread *run(struct k_thread *t, k_thread_stack_t *stack, const char *name,
			    k_thread_entry_t entry, void *p1, struct k_mem_domain *domain,
			    uint32_t options)
{
	return run2(t, stack, name, entry, p1, NULL, domain, options);
}

static void expect_fault(struct k_thread *t, unsigned int reason, const volatile void *addr,
			 enum arch_host_access access)
{
	CHECK_EQ(k_thread_join(t, K_MSEC(5000)), 0);
	CHECK_EQ(ptest_last_fault.count, 1);
	CHECK_EQ(ptest_last_fault.reason, reason);
	CHECK(ptest_last_fault.thread == t);
	if (addr != NULL) {
		CHECK_EQ(ptest_last_fault.addr, (uintptr_t)addr);
		CHECK_EQ(ptest_last_fault.access, access);
	}
	CHECK(results[R_BEFORE_FAULT] == 1);
	ptest_fault_reset();
	results[R_BEFORE_FAULT] = 0;
}

static void expect_clean(struct k_thread *t)
{
	CHECK_EQ(k_thread_join(t, K_MSEC(5000)), 0);
	CHECK_EQ(ptest_last_fault.count, 0);
	ptest_fault_reset();
}

/* ---- user thread bodies ---- */

static void inside_domain(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	volatile uint8_t local[64];

	local[0] = 1;
	VSTORE(area_a[10], (uint8_t)(area_a[10] + local[0]));
	results[R_OK_A] = area_a[10];
	results[R_OK_RO] = area_ro[PAGE + 5];
	/* Memory outside every partition is not protected on the host (docs/protection.md). */
	unpartitioned++;
}

static void write_ro(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	results[R_BEFORE_FAULT] = 1;
	*(volatile uint8_t *)p1 = 0x55;
	printk("FAIL: write to read-only partition went through\n");
}

static void read_at(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	results[R_BEFORE_FAULT] = 1;
	volatile uint8_t v = *(volatile uint8_t *)p1;

	(void)v;
}

static void write_at(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	results[R_BEFORE_FAULT] = 1;
	*(volatile uint8_t *)p1 = 0x66;
}

static void forbidden_call(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	results[R_BEFORE_FAULT] = 1;
	(void)k_mem_domain_add_partition(&dom1, &part_c);
	printk("FAIL: user thread changed a domain\n");
}

static void child_entry(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	results[R_CHILD] = 1;
	results[R_CHILD_DOMAIN] = k_current_get()->mem_domain_info.mem_domain == &dom1;
	/* Volatile: the compiler must not move these stores across the ones before them. */
	VSTORE(area_a[20], 20);
	VSTORE(area_c[0], 1); /* not in dom1: the child is held to the domain it inherited */
	printk("FAIL: child wrote outside its domain\n");
}

static void parent_entry(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	k_thread_create(&child, child_stack, K_THREAD_STACK_SIZEOF(child_stack), child_entry,
			NULL, NULL, NULL, K_PRIO_PREEMPT(1), K_USER, K_NO_WAIT);
	k_thread_name_set(&child, "child");
	(void)k_thread_join(&child, K_FOREVER);
	VSTORE(area_a[21], 21);
}

static void count_thread(struct thread_analyzer_info *info)
{
	(void)info;
	results[R_ANALYZED]++;
}

/* Stack figures of other threads are kernel calls: they work from user mode too. */
static void measure_others(void *p1, void *p2, void *p3)
{
	size_t unused = 0;

	(void)p2;
	(void)p3;
	if (k_thread_stack_space_get((struct k_thread *)p1, &unused) == 0) {
		results[R_MAIN_UNUSED] = (int)unused;
	}
	thread_analyzer_run(count_thread);
}

static void make_supervisor(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	results[R_BEFORE_FAULT] = 1;
	k_thread_create(&child, child_stack, K_THREAD_STACK_SIZEOF(child_stack), child_entry,
			NULL, NULL, NULL, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	printk("FAIL: user thread created a supervisor thread\n");
}

static void turns_entry(void *p1, void *p2, void *p3)
{
	volatile uint8_t *mine = p1;
	int slot = (int)(uintptr_t)p2;

	(void)p3;
	for (int i = 0; i < 20; i++) {
		mine[i] = (uint8_t)i;
		results[slot]++;
		k_yield();
	}
}

static void user_part(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	results[R_ENTERED] = k_is_user_context() ? 2 : 1;
	VSTORE(area_a[30], 30);
	results[R_BEFORE_FAULT] = 1;
	VSTORE(area_c[1], 2);
	printk("FAIL: dropped thread wrote outside its domain\n");
}

static void supervisor_then_user(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	/* As a supervisor, everything is reachable... */
	VSTORE(area_c[1], 1);
	VSTORE(area_ro[0], 1);
	/* ...until the thread drops to user mode for good. */
	k_thread_user_mode_enter(user_part, NULL, NULL, NULL);
}

/* Every attribute, as a user thread of a domain holding the partition sees it. */
static uint8_t attr_pages[9][PAGE] __aligned(PAGE);
static struct k_mem_partition attr_parts[9];
static struct k_mem_domain dom_attr;
static const struct {
	const char *name;
	k_mem_partition_attr_t attr;
	bool user_read;
	bool user_write;
} attr_table[9] = {
	{"P_RW_U_RW", K_MEM_PARTITION_P_RW_U_RW, true, true},
	{"P_RW_U_RO", K_MEM_PARTITION_P_RW_U_RO, true, false},
	{"P_RW_U_NA", K_MEM_PARTITION_P_RW_U_NA, false, false},
	{"P_RO_U_RO", K_MEM_PARTITION_P_RO_U_RO, true, false},
	{"P_RO_U_NA", K_MEM_PARTITION_P_RO_U_NA, false, false},
	{"P_RWX_U_RWX", K_MEM_PARTITION_P_RWX_U_RWX, true, true},
	{"P_RWX_U_RX", K_MEM_PARTITION_P_RWX_U_RX, true, false},
	{"P_RX_U_RX", K_MEM_PARTITION_P_RX_U_RX, true, false},
	{"P_NA_U_NA", K_MEM_PARTITION_P_NA_U_NA, false, false},
};

static void test_attributes(void)
{
	/* The attribute partitions, plus the results the test threads write. */
	struct k_mem_partition *ptrs[ARRAY_SIZE(attr_parts) + 1];

	for (size_t i = 0; i < ARRAY_SIZE(attr_parts); i++) {
		attr_pages[i][5] = (uint8_t)(10 + i);
		attr_parts[i] = (struct k_mem_partition){(uintptr_t)attr_pages[i], PAGE,
							 attr_table[i].attr};
		ptrs[i] = &attr_parts[i];
	}
	ptrs[ARRAY_SIZE(attr_parts)] = &results_part;
	CHECK_EQ(k_mem_domain_init(&dom_attr, ARRAY_SIZE(ptrs), ptrs), 0);
	for (size_t i = 0; i < ARRAY_SIZE(attr_parts); i++) {
		ptest_fault_reset();
		run(&t1, stack1, "attr_reader", read_at, &attr_pages[i][5], &dom_attr, K_USER);
		CHECK_EQ(k_thread_join(&t1, K_MSEC(5000)), 0);
		int read_faulted = ptest_last_fault.count;

		ptest_fault_reset();
		run(&t1, stack1, "attr_writer", write_at, &attr_pages[i][6], &dom_attr, K_USER);
		CHECK_EQ(k_thread_join(&t1, K_MSEC(5000)), 0);
		int write_faulted = ptest_last_fault.count;

		printk("%-12s user read %s, user write %s\n", attr_table[i].name,
		       read_faulted ? "faults" : "ok", write_faulted ? "faults" : "ok");
		CHECK_EQ(read_faulted, !attr_table[i].user_read);
		CHECK_EQ(write_faulted, !attr_table[i].user_write);
		CHECK_EQ(attr_pages[i][6], attr_table[i].user_write ? 0x66 : 0);
		/* Supervisor threads (main) keep full access whatever the attribute. */
		CHECK_EQ(attr_pages[i][5], 10 + i);
		attr_pages[i][7] = 1;
	}
	ptest_fault_reset();
	results[R_BEFORE_FAULT] = 0;
}

int main(void)
{
	struct k_mem_partition *parts1[] = {&part_a, &part_ro, &results_part};
	struct k_mem_partition *parts2[] = {&part_c, &results_part};
	volatile int main_local = 3;

	area_ro[PAGE + 5] = 77;
	CHECK_EQ(k_mem_domain_init(&dom1, ARRAY_SIZE(parts1), parts1), 0);
	CHECK_EQ(k_mem_domain_init(&dom2, ARRAY_SIZE(parts2), parts2), 0);

	/* Inside the domain: read/write, read-only read, own stack, unpartitioned memory. */
	expect_clean(run(&t1, stack1, "inside", inside_domain, NULL, &dom1, K_USER));
	CHECK_EQ(results[R_OK_A], 1);
	CHECK_EQ(results[R_OK_RO], 77);
	CHECK_EQ(unpartitioned, 6);

	/* Read-only partition: the write faults and changes nothing. */
	run(&t1, stack1, "writer_ro", write_ro, &area_ro[100], &dom1, K_USER);
	expect_fault(&t1, K_ERR_CPU_EXCEPTION, &area_ro[100], ARCH_HOST_ACCESS_WRITE);
	CHECK_EQ(area_ro[100], 0);

	/* A partition of another domain: closed for reads and writes. */
	run(&t1, stack1, "reader_c", read_at, &area_c[8], &dom1, K_USER);
	expect_fault(&t1, K_ERR_CPU_EXCEPTION, &area_c[8], ARCH_HOST_ACCESS_READ);
	run(&t1, stack1, "writer_c", write_at, &area_c[9], &dom1, K_USER);
	expect_fault(&t1, K_ERR_CPU_EXCEPTION, &area_c[9], ARCH_HOST_ACCESS_WRITE);
	CHECK_EQ(area_c[9], 0);

	/* Another thread's stack (main's) is closed too. */
	run(&t1, stack1, "stack_peek", read_at, (void *)&main_local, &dom1, K_USER);
	expect_fault(&t1, K_ERR_CPU_EXCEPTION, &main_local, ARCH_HOST_ACCESS_READ);

	/* The same accesses from a supervisor thread of the same domain are fine. */
	expect_clean(run(&t1, stack1, "sup_c", write_at, &area_c[9], &dom1, 0));
	CHECK_EQ(area_c[9], 0x66);
	expect_clean(run(&t1, stack1, "sup_ro", write_at, &area_ro[101], &dom1, 0));
	CHECK_EQ(area_ro[101], 0x66);

	/* Domain management from a user thread is a kernel oops; the domain is unchanged. */
	run(&t1, stack1, "oops", forbidden_call, NULL, &dom1, K_USER);
	expect_fault(&t1, K_ERR_KERNEL_OOPS, NULL, ARCH_HOST_ACCESS_UNKNOWN);
	CHECK_EQ(dom1.num_partitions, 3);

	/* A child of a user thread inherits its domain and is held to it. */
	k_thread_create(&t2, stack2, K_THREAD_STACK_SIZEOF(stack1), parent_entry, NULL, NULL, NULL,
			K_PRIO_PREEMPT(1), K_USER, K_FOREVER);
	k_thread_name_set(&t2, "parent");
	CHECK_EQ(k_mem_domain_add_thread(&dom1, &t2), 0);
	/* As on Zephyr, a user thread creates threads only on objects it was granted. */
	k_thread_access_grant(&t2, &child, child_stack);
	k_thread_start(&t2);
	CHECK_EQ(k_thread_join(&t2, K_MSEC(5000)), 0);
	CHECK_EQ(ptest_last_fault.count, 1);
	CHECK(ptest_last_fault.thread == &child);
	CHECK_EQ(ptest_last_fault.addr, (uintptr_t)&area_c[0]);
	CHECK_EQ(results[R_CHILD], 1);
	CHECK_EQ(results[R_CHILD_DOMAIN], 1);
	CHECK_EQ(area_a[20], 20);
	CHECK_EQ(area_a[21], 21);
	ptest_fault_reset();

	/* Stack figures of any thread, asked from user mode. */
	size_t main_unused = k_thread_stack_space_get(k_current_get());

	expect_clean(run(&t1, stack1, "measurer", measure_others, k_current_get(), &dom1, K_USER));
	CHECK(results[R_MAIN_UNUSED] > 0);
	CHECK(results[R_MAIN_UNUSED] <= (int)main_unused);
	CHECK(results[R_ANALYZED] >= 2);

	/* A user thread may not create a supervisor thread: kernel oops. */
	run(&t2, stack2, "escalate", make_supervisor, NULL, &dom1, K_USER);
	expect_fault(&t2, K_ERR_KERNEL_OOPS, NULL, ARCH_HOST_ACCESS_UNKNOWN);

	/* Two user threads of different domains taking turns: each switch applies its view. */
	run2(&t1, stack1, "turns1", turns_entry, &area_a[100], (void *)(uintptr_t)R_TURNS1, &dom1,
	    K_USER);
	run2(&t2, stack2, "turns2", turns_entry, &area_c[100], (void *)(uintptr_t)R_TURNS2, &dom2,
	    K_USER);
	expect_clean(&t1);
	expect_clean(&t2);
	CHECK_EQ(results[R_TURNS1], 20);
	CHECK_EQ(results[R_TURNS2], 20);
	CHECK_EQ(area_a[119], 19);
	CHECK_EQ(area_c[119], 19);

	/* k_thread_user_mode_enter: supervisor first, then held to its domain. */
	run(&t1, stack1, "dropper", supervisor_then_user, NULL, &dom1, 0);
	expect_fault(&t1, K_ERR_CPU_EXCEPTION, &area_c[1], ARCH_HOST_ACCESS_WRITE);
	CHECK_EQ(results[R_ENTERED], 2);
	CHECK_EQ(area_a[30], 30);
	CHECK_EQ(area_c[1], 1);

	/* Move part_c from dom2 to dom1 at run time. */
	CHECK_EQ(k_mem_domain_remove_partition(&dom2, &part_c), 0);
	CHECK_EQ(k_mem_domain_add_partition(&dom1, &part_c), 0);
	expect_clean(run(&t1, stack1, "moved_in", write_at, &area_c[50], &dom1, K_USER));
	CHECK_EQ(area_c[50], 0x66);
	run(&t2, stack2, "moved_out", read_at, &area_c[50], &dom2, K_USER);
	expect_fault(&t2, K_ERR_CPU_EXCEPTION, &area_c[50], ARCH_HOST_ACCESS_READ);
	/* Removed from every domain: still closed to user threads (as on Zephyr, where a user
	 * thread reaches only its own domain), open to supervisor threads. */
	CHECK_EQ(k_mem_domain_remove_partition(&dom1, &part_c), 0);
	run(&t2, stack2, "unprotected", write_at, &area_c[51], &dom2, K_USER);
	expect_fault(&t2, K_ERR_CPU_EXCEPTION, &area_c[51], ARCH_HOST_ACCESS_WRITE);
	CHECK_EQ(area_c[51], 0);
	area_c[51] = 0x66;
	CHECK_EQ(area_c[51], 0x66);

	test_attributes();

	/* The supervisor main thread still sees everything, and the system ran on throughout. */
	area_a[0] = 1;
	area_ro[0] = 2;
	area_c[0] = 3;
	results[0] = 4;
	return ptest_result("protection.user_access");
}
