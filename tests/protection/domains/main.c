/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Memory domain API: every error code of k_mem_domain_init / add_partition /
 * remove_partition / add_thread, the default domain and domain inheritance, and application
 * partitions (K_APPMEM_PARTITION_DEFINE with K_APP_DMEM / K_APP_BMEM) laid out by the linker.
 */
#include <zephyr/app_memory/app_memdomain.h>
#include <zephyr/kernel.h>

#include "../common/ptest.h"

#define PAGE 4096U

static uint8_t pages[CONFIG_MAX_DOMAIN_PARTITIONS + 2][PAGE] __aligned(PAGE);

K_MEM_PARTITION_DEFINE(part_a, pages[0], PAGE, K_MEM_PARTITION_P_RW_U_RW);
K_MEM_PARTITION_DEFINE(part_b, pages[1], 2 * PAGE, K_MEM_PARTITION_P_RW_U_RO);
K_MEM_PARTITION_DEFINE(part_overlap, pages[2], PAGE, K_MEM_PARTITION_P_RO_U_NA);
K_MEM_PARTITION_DEFINE(part_zero, pages[3], 0, K_MEM_PARTITION_P_RW_U_RW);
K_MEM_PARTITION_DEFINE(part_wrap, UINTPTR_MAX - PAGE + 1U, 2 * PAGE, K_MEM_PARTITION_P_RW_U_RW);
K_MEM_PARTITION_DEFINE(part_misaligned_start, &pages[4][16], PAGE, K_MEM_PARTITION_P_RW_U_RW);
K_MEM_PARTITION_DEFINE(part_misaligned_size, pages[4], 100, K_MEM_PARTITION_P_RW_U_RW);
/* Every attribute Zephyr defines is accepted. */
K_MEM_PARTITION_DEFINE(attr_rw_na, pages[5], PAGE, K_MEM_PARTITION_P_RW_U_NA);
K_MEM_PARTITION_DEFINE(attr_ro_ro, pages[6], PAGE, K_MEM_PARTITION_P_RO_U_RO);
K_MEM_PARTITION_DEFINE(attr_rwx_rwx, pages[7], PAGE, K_MEM_PARTITION_P_RWX_U_RWX);
K_MEM_PARTITION_DEFINE(attr_rwx_rx, pages[8], PAGE, K_MEM_PARTITION_P_RWX_U_RX);
K_MEM_PARTITION_DEFINE(attr_rx_rx, pages[9], PAGE, K_MEM_PARTITION_P_RX_U_RX);
K_MEM_PARTITION_DEFINE(attr_na_na, pages[10], PAGE, K_MEM_PARTITION_P_NA_U_NA);

K_APPMEM_PARTITION_DEFINE(app_part);
K_APP_DMEM(app_part) int app_counter = 42;
K_APP_BMEM(app_part) uint8_t app_buffer[5000];
K_APPMEM_PARTITION_DEFINE(other_part);
K_APP_BMEM(other_part) int other_value;
static int unpartitioned = 7;

static struct k_mem_domain dom;
static struct k_mem_domain dom2;
static struct k_mem_domain never_initialized;
static struct k_thread child;
K_THREAD_STACK_DEFINE(child_stack, 4096);
static struct k_mem_domain *child_domain;

static void test_init_errors(void)
{
	struct k_mem_partition *good[] = {&part_a, &part_b};
	struct k_mem_partition *with_null[] = {&part_a, NULL};
	struct k_mem_partition *overlapping[] = {&part_b, &part_overlap};
	struct k_mem_partition *zero[] = {&part_zero};
	struct k_mem_partition *wrap[] = {&part_wrap};
	struct k_mem_partition *mis_start[] = {&part_misaligned_start};
	struct k_mem_partition *mis_size[] = {&part_misaligned_size};
	struct k_mem_partition *too_many[CONFIG_MAX_DOMAIN_PARTITIONS + 1];

	for (int i = 0; i <= CONFIG_MAX_DOMAIN_PARTITIONS; i++) {
		too_many[i] = &part_a;
	}
	CHECK_EQ(k_mem_domain_init(NULL, 0, NULL), -EINVAL);
	CHECK_EQ(k_mem_domain_init(&dom, 2, NULL), -EINVAL);
	CHECK_EQ(k_mem_domain_init(&dom, CONFIG_MAX_DOMAIN_PARTITIONS + 1, too_many), -EINVAL);
	CHECK_EQ(k_mem_domain_init(&dom, 2, with_null), -EINVAL);
	CHECK_EQ(k_mem_domain_init(&dom, 2, overlapping), -EINVAL);
	CHECK_EQ(k_mem_domain_init(&dom, 1, zero), -EINVAL);
	CHECK_EQ(k_mem_domain_init(&dom, 1, wrap), -EINVAL);
	CHECK_EQ(k_mem_domain_init(&dom, 1, mis_start), -EINVAL);
	CHECK_EQ(k_mem_domain_init(&dom, 1, mis_size), -EINVAL);
	/* The same partition twice overlaps itself. */
	CHECK_EQ(k_mem_domain_init(&dom, 2, too_many), -EINVAL);
	/* A refused init leaves nothing behind: the domain is still unusable. */
	CHECK_EQ(k_mem_domain_add_partition(&dom, &part_a), -EINVAL);

	CHECK_EQ(k_mem_domain_init(&dom, 0, NULL), 0);
	CHECK_EQ(dom.num_partitions, 0);
	CHECK_EQ(k_mem_domain_init(&dom, 2, good), 0);
	CHECK_EQ(dom.num_partitions, 2);
}

static void test_add_remove_errors(void)
{
	CHECK_EQ(k_mem_domain_add_partition(NULL, &part_a), -EINVAL);
	CHECK_EQ(k_mem_domain_add_partition(&never_initialized, &part_a), -EINVAL);
	CHECK_EQ(k_mem_domain_add_partition(&dom, NULL), -EINVAL);
	CHECK_EQ(k_mem_domain_add_partition(&dom, &part_a), -EINVAL);       /* already in */
	CHECK_EQ(k_mem_domain_add_partition(&dom, &part_overlap), -EINVAL); /* inside part_b */
	CHECK_EQ(k_mem_domain_add_partition(&dom, &part_zero), -EINVAL);
	CHECK_EQ(k_mem_domain_add_partition(&dom, &part_wrap), -EINVAL);
	CHECK_EQ(k_mem_domain_add_partition(&dom, &part_misaligned_start), -EINVAL);
	CHECK_EQ(k_mem_domain_add_partition(&dom, &part_misaligned_size), -EINVAL);

	CHECK_EQ(k_mem_domain_remove_partition(NULL, &part_a), -EINVAL);
	CHECK_EQ(k_mem_domain_remove_partition(&dom, NULL), -EINVAL);
	CHECK_EQ(k_mem_domain_remove_partition(&dom, &part_overlap), -ENOENT);
	CHECK_EQ(k_mem_domain_remove_partition(&dom, &part_b), 0);
	CHECK_EQ(k_mem_domain_remove_partition(&dom, &part_b), -ENOENT);
	CHECK_EQ(dom.num_partitions, 1);
	/* Now that part_b is gone, the page it covered may be added on its own. */
	CHECK_EQ(k_mem_domain_add_partition(&dom, &part_overlap), 0);
	CHECK_EQ(k_mem_domain_remove_partition(&dom, &part_overlap), 0);

	/* Fill every slot, then one more is -ENOSPC. */
	static struct k_mem_partition fill[CONFIG_MAX_DOMAIN_PARTITIONS];
	int added = 1; /* part_a */

	for (int i = 0; added < CONFIG_MAX_DOMAIN_PARTITIONS; i++) {
		fill[i] = (struct k_mem_partition){(uintptr_t)pages[i + 1], PAGE,
						   K_MEM_PARTITION_P_RW_U_RW};
		CHECK_EQ(k_mem_domain_add_partition(&dom, &fill[i]), 0);
		added++;
	}
	CHECK_EQ(dom.num_partitions, CONFIG_MAX_DOMAIN_PARTITIONS);
	struct k_mem_partition extra = {(uintptr_t)pages[CONFIG_MAX_DOMAIN_PARTITIONS + 1], PAGE,
					K_MEM_PARTITION_P_RW_U_RW};
	CHECK_EQ(k_mem_domain_add_partition(&dom, &extra), -ENOSPC);
	/* A freed slot is reused. */
	CHECK_EQ(k_mem_domain_remove_partition(&dom, &fill[3]), 0);
	CHECK_EQ(k_mem_domain_add_partition(&dom, &extra), 0);

	/* Every attribute is accepted. */
	struct k_mem_partition *attrs[] = {&attr_rw_na, &attr_ro_ro, &attr_rwx_rwx,
					   &attr_rwx_rx, &attr_rx_rx, &attr_na_na};

	CHECK_EQ(k_mem_domain_init(&dom2, ARRAY_SIZE(attrs), attrs), 0);
	CHECK(K_MEM_PARTITION_IS_WRITABLE(K_MEM_PARTITION_P_RW_U_RW));
	CHECK(!K_MEM_PARTITION_IS_WRITABLE(K_MEM_PARTITION_P_RW_U_RO));
	CHECK(K_MEM_PARTITION_IS_EXECUTABLE(K_MEM_PARTITION_P_RX_U_RX));
	CHECK(!K_MEM_PARTITION_IS_EXECUTABLE(K_MEM_PARTITION_P_RW_U_RW));
}

/* The seed chapter's domain code, verbatim, with the memory it names. */
static uint8_t user_memory[PAGE] __aligned(PAGE);
static uint8_t config_memory[PAGE] __aligned(PAGE);
#define user_memory_start   user_memory
#define user_memory_size    sizeof(user_memory)
#define config_memory_start config_memory
#define config_memory_size  sizeof(config_memory)

// Define memory partitions for different access levels
K_MEM_PARTITION_DEFINE(user_partition,
                      user_memory_start,
                      user_memory_size,
                      K_MEM_PARTITION_P_RW_U_RW);

K_MEM_PARTITION_DEFINE(config_partition,
                      config_memory_start,
                      config_memory_size,
                      K_MEM_PARTITION_P_RW_U_RO);

// Create memory domain with partitions
static struct k_mem_partition *partitions[] = {
    &user_partition,
    &config_partition
};

static struct k_mem_domain user_domain;

void setup_user_domain(void)
{
    k_mem_domain_init(&user_domain, ARRAY_SIZE(partitions), partitions);
}

void assign_thread_to_domain(k_tid_t thread)
{
    // Add thread to memory domain
    k_mem_domain_add_thread(&user_domain, thread);
}

static void test_seed_sample(void)
{
	setup_user_domain();
	CHECK_EQ(user_domain.num_partitions, 2);
	assign_thread_to_domain(k_current_get());
	CHECK(k_current_get()->mem_domain_info.mem_domain == &user_domain);
	CHECK_EQ(k_mem_domain_add_thread(&k_mem_domain_default, k_current_get()), 0);
}

static void note_domain(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	child_domain = k_current_get()->mem_domain_info.mem_domain;
}

static void test_threads(void)
{
	struct k_thread *self = k_current_get();

	/* Boot threads start in the default domain. */
	CHECK(self->mem_domain_info.mem_domain == &k_mem_domain_default);
	CHECK_EQ(k_mem_domain_add_thread(NULL, self), -EINVAL);
	CHECK_EQ(k_mem_domain_add_thread(&never_initialized, self), -EINVAL);
	CHECK_EQ(k_mem_domain_add_thread(&dom, NULL), -EINVAL);

	/* A child inherits its creator's domain... */
	k_thread_create(&child, child_stack, K_THREAD_STACK_SIZEOF(child_stack), note_domain, NULL,
			NULL, NULL, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	CHECK_EQ(k_thread_join(&child, K_FOREVER), 0);
	CHECK(child_domain == &k_mem_domain_default);
	CHECK_EQ(k_mem_domain_add_thread(&dom, self), 0);
	CHECK(self->mem_domain_info.mem_domain == &dom);
	k_thread_create(&child, child_stack, K_THREAD_STACK_SIZEOF(child_stack), note_domain, NULL,
			NULL, NULL, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	CHECK_EQ(k_thread_join(&child, K_FOREVER), 0);
	CHECK(child_domain == &dom);
	/* ...and moving a thread takes it out of its old domain. */
	CHECK_EQ(k_mem_domain_add_thread(&k_mem_domain_default, self), 0);
	CHECK(self->mem_domain_info.mem_domain == &k_mem_domain_default);
}

static void test_app_partitions(void)
{
	printk("app_part: %p size %zu, app_counter %p, app_buffer %p\n", (void *)app_part.start,
	       app_part.size, (void *)&app_counter, (void *)app_buffer);
	CHECK_EQ(app_part.start % PAGE, 0);
	CHECK_EQ(app_part.size % PAGE, 0);
	CHECK(app_part.size >= sizeof(app_buffer) + sizeof(app_counter));
	CHECK_EQ(app_part.attr, K_MEM_PARTITION_P_RW_U_RW);
	CHECK((uintptr_t)&app_counter >= app_part.start);
	CHECK((uintptr_t)&app_counter < app_part.start + app_part.size);
	CHECK((uintptr_t)app_buffer >= app_part.start);
	CHECK((uintptr_t)(app_buffer + sizeof(app_buffer)) <= app_part.start + app_part.size);
	CHECK_EQ(app_counter, 42);
	size_t zeros = 0;

	for (size_t i = 0; i < sizeof(app_buffer); i++) {
		zeros += app_buffer[i] == 0;
	}
	CHECK_EQ(zeros, sizeof(app_buffer));
	/* Separate partitions share no page, nor with unpartitioned data. */
	CHECK((uintptr_t)&other_value >= other_part.start);
	CHECK((uintptr_t)&other_value < other_part.start + other_part.size);
	CHECK(other_part.start >= app_part.start + app_part.size ||
	      app_part.start >= other_part.start + other_part.size);
	CHECK((uintptr_t)&unpartitioned < app_part.start ||
	      (uintptr_t)&unpartitioned >= app_part.start + app_part.size);
	struct k_mem_partition *parts[] = {&app_part, &other_part};

	CHECK_EQ(k_mem_domain_add_partition(&dom2, &app_part), 0);
	CHECK_EQ(k_mem_domain_add_partition(&dom2, &other_part), 0);
	/* Domains are kept by the kernel once initialized: never on a stack. */
	static struct k_mem_domain dom3;

	CHECK_EQ(k_mem_domain_init(&dom3, 2, parts), 0);
	/* Domains may share a partition; only overlaps inside one domain are refused. */
	CHECK_EQ(k_mem_domain_add_partition(&dom2, &app_part), -EINVAL);
	CHECK_EQ(k_mem_domain_remove_partition(&dom3, &app_part), 0);
	CHECK_EQ(k_mem_domain_remove_partition(&dom3, &other_part), 0);
}

int main(void)
{
	test_init_errors();
	test_add_remove_errors();
	test_threads();
	test_app_partitions();
	test_seed_sample();
	return ptest_result("protection.domains");
}
