/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Partitions and domains as Zephyr's tests/kernel/mem_protect/mem_protect uses them:
 * K_APP_BMEM variables are zeroed at boot (an initializer is dropped, as in Zephyr's bss); a
 * partition removed from its last domain stays closed to user threads (Zephyr gives a user
 * thread nothing outside its domain); k_mem_domain_deinit() with Zephyr 4.2's results; and the
 * names the suite reads (z_main_thread, _current, arch_mem_domain_max_partitions_get()).
 */
#include <zephyr/kernel.h>
#include <zephyr/kernel_structs.h>
#include <zephyr/ztest.h>
#include <zephyr/ztest_error_hook.h>

#include <kernel_internal.h> /* z_main_thread, as Zephyr's tests include it */

#define STACK_SIZE 2048
#define PAGE       4096

static K_THREAD_STACK_DEFINE(user_stack, STACK_SIZE);
static struct k_thread user_thread;

K_APPMEM_PARTITION_DEFINE(app_part);
static volatile K_APP_DMEM(app_part) int data_var = 1356;
static volatile K_APP_BMEM(app_part) int bss_with_init = 20420;
static volatile K_APP_BMEM(app_part) int bss_var;

static volatile uint8_t __aligned(PAGE) p_buf[PAGE];
K_MEM_PARTITION_DEFINE(p_part, p_buf, sizeof(p_buf), K_MEM_PARTITION_P_RW_U_RW);
static volatile uint8_t __aligned(PAGE) q_buf[PAGE];
K_MEM_PARTITION_DEFINE(q_part, q_buf, sizeof(q_buf), K_MEM_PARTITION_P_RW_U_RW);

static struct k_mem_domain user_domain;
static struct k_mem_domain spare_domain;
static struct k_mem_domain never_initialized;

static volatile unsigned int fault_reason = 0xffffffffU;
static volatile int faults;

void ztest_post_fatal_error_hook(unsigned int reason, const struct arch_esf *esf)
{
	ARG_UNUSED(esf);
	fault_reason = reason;
	faults++;
}

static void run_user(k_thread_entry_t entry, void *p1, bool expect_fault)
{
	int before = faults;

	k_thread_create(&user_thread, user_stack, STACK_SIZE, entry, p1, (void *)expect_fault, NULL,
			K_PRIO_PREEMPT(1), K_USER, K_FOREVER);
	zassert_ok(k_mem_domain_add_thread(&user_domain, &user_thread));
	k_thread_start(&user_thread);
	zassert_ok(k_thread_join(&user_thread, K_FOREVER));
	zassert_equal(faults, before + (expect_fault ? 1 : 0), "%s fault",
		      expect_fault ? "no" : "an unexpected");
	if (expect_fault) {
		zassert_equal(fault_reason, K_ERR_CPU_EXCEPTION, "reason %u", fault_reason);
	}
}

/* Reads and writes the buffer p1 points to. */
static void touch_entry(void *p1, void *p2, void *p3)
{
	volatile uint8_t *buf = p1;

	ARG_UNUSED(p3);
	if ((bool)p2) {
		ztest_set_fault_valid(true);
	}
	buf[0] = (uint8_t)(buf[0] + 1U);
	zassert_false((bool)p2, "the access did not fault");
}

static void *setup(void)
{
	struct k_mem_partition *parts[] = {&p_part, &ztest_mem_partition};

	zassert_ok(k_mem_domain_init(&user_domain, ARRAY_SIZE(parts), parts));
	return NULL;
}

ZTEST_SUITE(protection_partitions, NULL, setup, NULL, NULL, NULL);

/* K_APP_BMEM is bss: zero at boot whatever its initializer said; K_APP_DMEM keeps its value. */
ZTEST(protection_partitions, test_bmem_zeroed_dmem_kept)
{
	uintptr_t start = app_part.start;

	zassert_equal(data_var, 1356);
	zassert_equal(bss_with_init, 0, "K_APP_BMEM variable kept its initializer");
	zassert_equal(bss_var, 0);
	zassert_true(app_part.size > 0U && app_part.size % PAGE == 0U, "size %zu", app_part.size);
	zassert_true((uintptr_t)&data_var >= start && (uintptr_t)&data_var < start + app_part.size);
	zassert_true((uintptr_t)&bss_var >= start && (uintptr_t)&bss_var < start + app_part.size);
}

/*
 * A partition removed from the only domain holding it is not opened to every thread: user
 * threads are refused it (as on Zephyr, where they reach only their domain); supervisor threads
 * keep it; adding it back opens it to the domain's threads again.
 */
ZTEST(protection_partitions, test_removed_partition_stays_closed)
{
	run_user(touch_entry, (void *)p_buf, false);

	zassert_ok(k_mem_domain_remove_partition(&user_domain, &p_part));
	run_user(touch_entry, (void *)p_buf, true);
	p_buf[0] = 5; /* the supervisor view keeps the memory's own protection */
	zassert_equal(p_buf[0], 5);

	zassert_ok(k_mem_domain_add_partition(&user_domain, &p_part));
	run_user(touch_entry, (void *)p_buf, false);
	zassert_equal(p_buf[0], 6);
}

static void idle_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
}

/* k_mem_domain_deinit(), Zephyr 4.2's results. */
ZTEST(protection_partitions, test_domain_deinit)
{
	struct k_mem_partition *parts[] = {&q_part};
	static K_THREAD_STACK_DEFINE(member_stack, STACK_SIZE);
	static struct k_thread member;

	zassert_true(IS_ENABLED(CONFIG_ARCH_MEM_DOMAIN_SUPPORTS_DEINIT));
	zassert_equal(k_mem_domain_deinit(NULL), -EINVAL);
	zassert_equal(k_mem_domain_deinit(&k_mem_domain_default), -EINVAL);
	/* Nothing to take apart: as Zephyr, which does not check for an initialized domain. */
	zassert_ok(k_mem_domain_deinit(&never_initialized));

	zassert_ok(k_mem_domain_init(&spare_domain, ARRAY_SIZE(parts), parts));
	k_thread_create(&member, member_stack, STACK_SIZE, idle_entry, NULL, NULL, NULL,
			K_PRIO_PREEMPT(1), 0, K_FOREVER);
	zassert_ok(k_mem_domain_add_thread(&spare_domain, &member));
	zassert_equal(k_mem_domain_deinit(&spare_domain), -EBUSY, "a thread is in it");
	k_thread_start(&member);
	zassert_ok(k_thread_join(&member, K_FOREVER));

	zassert_ok(k_mem_domain_deinit(&spare_domain));
	zassert_equal(k_mem_domain_add_partition(&spare_domain, &q_part), -EINVAL,
		      "a de-initialized domain took a partition");
	/* Its partition was in no other domain: it stays closed to user threads. */
	run_user(touch_entry, (void *)q_buf, true);
	/* The domain can be initialized again. */
	zassert_ok(k_mem_domain_init(&spare_domain, ARRAY_SIZE(parts), parts));
	zassert_ok(k_mem_domain_deinit(&spare_domain));
}

/* The names Zephyr's mem_protect suite reads. */
ZTEST(protection_partitions, test_zephyr_names)
{
	zassert_equal(arch_mem_domain_max_partitions_get(), CONFIG_MAX_DOMAIN_PARTITIONS);
	zassert_equal(z_main_thread.mem_domain_info.mem_domain, &k_mem_domain_default);
	zassert_equal_ptr(_current, k_current_get());
	zassert_equal(k_object_access_check(k_current_get()), 0, "a thread has access to itself");
	zassert_equal(k_object_access_check(NULL), -EBADF);
}
