/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Stack objects of every kind (size, alignment, where the thread really runs), painting and
 * usage figures in both k_thread_stack_space_get forms, the dynamic stack lifecycle and the
 * thread analyzer.
 */
#include <string.h>
#include <zephyr/debug/thread_analyzer.h>
#include <zephyr/kernel.h>

#include "../common/ptest.h"

#define PAGE 4096U

K_THREAD_STACK_DEFINE(static_stack, 1000);
K_THREAD_STACK_ARRAY_DEFINE(array_stacks, 3, 5000);
K_KERNEL_STACK_DEFINE(kernel_stack, 4096);
struct holder {
	int before;
	K_THREAD_STACK_MEMBER(stack, 2000);
	int after;
};
static struct holder holder;

static struct k_thread threads[4];
K_SEM_DEFINE(go, 0, 1);

static bool page_aligned(const void *p)
{
	return ((uintptr_t)p % PAGE) == 0U;
}

/*
 * A stack object: page aligned, guard page, slack, then the declared area ending on a page
 * boundary. @p declared is what K_THREAD_STACK_SIZEOF must give back: the size asked (pointer
 * aligned, as on native_sim), or whole pages for array elements.
 */
static void check_object(const char *what, const k_thread_stack_t *obj, size_t obj_size,
			 size_t usable, size_t asked, size_t declared, const char *buffer)
{
	printk("%s: object %zu bytes, usable %zu (asked %zu)\n", what, obj_size, usable, asked);
	CHECK(page_aligned(obj));
	CHECK_EQ(usable, declared);
	CHECK_EQ(Z_THREAD_STACK_SIZE_ADJUST(asked), ROUND_UP(asked, sizeof(void *)));
	/* Guard page + slack + declared area = whole pages; anything above the top is a tail. */
	size_t area_pages = ROUND_UP(usable, PAGE);

	CHECK(obj_size >= K_THREAD_STACK_RESERVED + area_pages);
	CHECK(obj_size < K_THREAD_STACK_RESERVED + area_pages + PAGE);
	CHECK_EQ(K_THREAD_STACK_RESERVED, PAGE);
	CHECK_EQ((uintptr_t)buffer, (uintptr_t)obj + K_THREAD_STACK_RESERVED + area_pages - usable);
	CHECK(page_aligned(buffer + usable));
}

static void test_object_sizes(void)
{
	check_object("K_THREAD_STACK_DEFINE", static_stack, sizeof(static_stack),
		     K_THREAD_STACK_SIZEOF(static_stack), 1000, 1000,
		     K_THREAD_STACK_BUFFER(static_stack));
	CHECK_EQ(sizeof(static_stack), K_THREAD_STACK_LEN(1000));
	for (int i = 0; i < 3; i++) {
		check_object("K_THREAD_STACK_ARRAY_DEFINE[i]", array_stacks[i],
			     sizeof(array_stacks[i]), K_THREAD_STACK_SIZEOF(array_stacks[i]), 5000,
			     8192, K_THREAD_STACK_BUFFER(array_stacks[i]));
		CHECK(page_aligned(array_stacks[i]));
	}
	CHECK_EQ(sizeof(array_stacks), 3 * (K_THREAD_STACK_RESERVED + 8192));
	check_object("K_KERNEL_STACK_DEFINE", kernel_stack, sizeof(kernel_stack),
		     K_KERNEL_STACK_SIZEOF(kernel_stack), 4096, 4096,
		     K_KERNEL_STACK_BUFFER(kernel_stack));
	check_object("K_THREAD_STACK_MEMBER", holder.stack, sizeof(holder.stack),
		     K_THREAD_STACK_SIZEOF(holder.stack), 2000, 2000,
		     K_THREAD_STACK_BUFFER(holder.stack));
	CHECK(page_aligned(&holder));
	/* Odd sizes round up to the stack pointer alignment only, as on native_sim. */
	CHECK_EQ(Z_THREAD_STACK_LEN_TO_SIZE(K_THREAD_STACK_LEN(1001)), ROUND_UP(1001, sizeof(void *)));
	CHECK_EQ(Z_THREAD_STACK_LEN_TO_SIZE(K_THREAD_STACK_LEN(8192)), 8192);
	CHECK_EQ(Z_THREAD_STACK_LEN_TO_SIZE(K_THREAD_STACK_LEN(8200)), 8200);
}

/* Thread bodies. */
static uintptr_t local_addr[4];

static void note_local(void *p1, void *p2, void *p3)
{
	volatile int local = 1;

	(void)p2;
	(void)p3;
	local_addr[(uintptr_t)p1] = (uintptr_t)&local;
	(void)local;
}

static __attribute__((noinline)) void touch_512(void)
{
	volatile uint8_t buf[512];

	for (size_t i = 0; i < sizeof(buf); i++) {
		buf[i] = (uint8_t)i;
	}
}

static void idle_entry(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
}

static void touch_entry(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	touch_512();
}

static void wait_entry(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	k_sem_take(&go, K_FOREVER);
}

static void run_on(int slot, k_thread_stack_t *obj, size_t size, size_t sizeof_obj)
{
	struct k_thread *t = &threads[slot];

	k_thread_create(t, obj, size, note_local, (void *)(uintptr_t)slot, NULL, NULL,
			K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	CHECK_EQ(k_thread_join(t, K_FOREVER), 0);
	/* The declared area ends on the object's page-aligned top, above guard page and slack. */
	CHECK_EQ(t->stack_info.start + t->stack_info.size,
		 (uintptr_t)obj + K_THREAD_STACK_RESERVED + ROUND_UP(sizeof_obj, PAGE));
	CHECK_EQ(t->stack_info.size, sizeof_obj);
	CHECK_EQ(k_thread_stack_size_get(t), sizeof_obj);
	/* The thread's locals were on exactly the stack it was given. */
	CHECK(local_addr[slot] >= t->stack_info.start);
	CHECK(local_addr[slot] < t->stack_info.start + t->stack_info.size);
}

static void test_runs_on_given_stack(void)
{
	run_on(0, static_stack, K_THREAD_STACK_SIZEOF(static_stack),
	       K_THREAD_STACK_SIZEOF(static_stack));
	run_on(1, array_stacks[2], K_THREAD_STACK_SIZEOF(array_stacks[2]),
	       K_THREAD_STACK_SIZEOF(array_stacks[2]));
	run_on(2, kernel_stack, K_KERNEL_STACK_SIZEOF(kernel_stack),
	       K_KERNEL_STACK_SIZEOF(kernel_stack));
	run_on(3, holder.stack, K_THREAD_STACK_SIZEOF(holder.stack),
	       K_THREAD_STACK_SIZEOF(holder.stack));
	/* An array element given its declared size runs on exactly that. */
	run_on(1, array_stacks[1], 5000, 5000);
	CHECK_EQ(threads[1].stack_info.size, 5000);
}

static size_t used_of(struct k_thread *t)
{
	size_t unused = 0;

	CHECK_EQ(k_thread_stack_space_get(t, &unused), 0);
	return t->stack_info.size - unused;
}

static void test_painting_and_usage(void)
{
	struct k_thread *t = &threads[0];

	/* Created but not started: the whole usable area is paint. */
	k_thread_create(t, static_stack, K_THREAD_STACK_SIZEOF(static_stack), idle_entry, NULL,
			NULL, NULL, K_PRIO_PREEMPT(1), 0, K_FOREVER);
	const uint8_t *area = (const uint8_t *)t->stack_info.start;
	size_t painted = 0;

	for (size_t i = 0; i < t->stack_info.size; i++) {
		painted += area[i] == 0xAA;
	}
	CHECK_EQ(painted, t->stack_info.size);
	CHECK_EQ(used_of(t), 0);
	k_thread_start(t);
	CHECK_EQ(k_thread_join(t, K_FOREVER), 0);
	size_t idle_used = used_of(t);

	k_thread_create(t, static_stack, K_THREAD_STACK_SIZEOF(static_stack), touch_entry, NULL,
			NULL, NULL, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	CHECK_EQ(k_thread_join(t, K_FOREVER), 0);
	size_t touch_used = used_of(t);

	printk("usage: thread doing nothing %zu bytes, touching a 512-byte array %zu bytes "
	       "(+%zu)\n",
	       idle_used, touch_used, touch_used - idle_used);
	CHECK(idle_used > 0U);
	if (PTEST_NATIVE_FRAMES) {
		CHECK(idle_used < 1024U);
		/*
		 * The whole array is counted; the difference is about 512, less what the idle
		 * thread's own frames (its exit path included, which releases its kernel-object
		 * permissions on its own stack) already covered: a bound on the difference below
		 * would depend on the compiler's frame sizes.
		 */
		CHECK(touch_used >= 512U);
		CHECK(touch_used - idle_used <= 512U + 128U);
	}

	/* Both forms agree; the seed's form returns the count directly. */
	size_t unused = 0;

	CHECK_EQ(k_thread_stack_space_get(t, &unused), 0);
	CHECK_EQ(k_thread_stack_space_get(t), unused);
	CHECK_EQ(k_thread_stack_space_get(NULL, &unused), -EINVAL);
	CHECK_EQ(k_thread_stack_space_get(t, NULL), -EINVAL);
	CHECK_EQ(k_thread_stack_space_get(NULL), 0);

	/* The running thread can measure itself: main's figures are real too. */
	size_t main_unused = k_thread_stack_space_get(k_current_get());

	CHECK(main_unused > 0U);
	CHECK(main_unused < k_thread_stack_size_get(k_current_get()));
	/* Allocating a dynamic stack costs the caller's stack little: the host allocator runs on
	 * the runtime's stack. */
	size_t before_alloc = k_thread_stack_space_get(k_current_get());
	k_thread_stack_t *s = k_thread_stack_alloc(100, 0);

	CHECK(s != NULL);
	CHECK_EQ(k_thread_stack_free(s), 0);
	CHECK(!PTEST_NATIVE_FRAMES ||
	      before_alloc - k_thread_stack_space_get(k_current_get()) < 512U);
}

static void test_dynamic_lifecycle(void)
{
	/* The seed's own sequence, in its order. */
	k_thread_stack_t *dynamic_stack = k_thread_stack_alloc(2048, 0);

	CHECK(dynamic_stack != NULL);
	if (dynamic_stack == NULL) {
		return;
	}
	CHECK(page_aligned(dynamic_stack));
	struct k_thread *t = &threads[1];

	k_thread_create(t, dynamic_stack, 2048, wait_entry, NULL, NULL, NULL, K_PRIO_PREEMPT(1), 0,
			K_NO_WAIT);
	CHECK_EQ(t->stack_info.start, (uintptr_t)dynamic_stack + K_THREAD_STACK_RESERVED + 2048);
	CHECK_EQ(t->stack_info.size, 2048);
	CHECK_EQ(k_thread_stack_size_get(t), 2048);
	/* Still in use by a live thread. */
	CHECK_EQ(k_thread_stack_free(dynamic_stack), -EBUSY);
	k_sem_give(&go);
	CHECK_EQ(k_thread_join(t, K_FOREVER), 0);
	CHECK(used_of(t) > 0U);
	CHECK_EQ(k_thread_stack_free(dynamic_stack), 0);
	/* Freed twice, static stacks, random pointers, NULL: not ours. */
	CHECK_EQ(k_thread_stack_free(dynamic_stack), -EINVAL);
	CHECK_EQ(k_thread_stack_free(static_stack), -EINVAL);
	CHECK_EQ(k_thread_stack_free((k_thread_stack_t *)&holder), -EINVAL);
	CHECK_EQ(k_thread_stack_free(NULL), -EINVAL);
	CHECK(k_thread_stack_alloc(0, 0) == NULL);
	CHECK(k_thread_stack_alloc(SIZE_MAX, 0) == NULL);

	/* A larger one, reused by two threads in turn, K_USER flag accepted. */
	k_thread_stack_t *big = k_thread_stack_alloc(20000, K_USER);

	CHECK(big != NULL);
	for (int round = 0; round < 2 && big != NULL; round++) {
		k_thread_create(t, big, 20000, touch_entry, NULL, NULL, NULL, K_PRIO_PREEMPT(1), 0,
				K_NO_WAIT);
		CHECK_EQ(t->stack_info.size, 20000);
		CHECK_EQ(k_thread_join(t, K_FOREVER), 0);
	}
	CHECK_EQ(k_thread_stack_free(big), 0);
}

static int analyzer_seen;
static int analyzer_main_ok;
static int analyzer_named_ok;

static void analyzer_cb(struct thread_analyzer_info *info)
{
	analyzer_seen++;
	if (strcmp(info->name, "main") == 0) {
		analyzer_main_ok = info->stack_size == k_thread_stack_size_get(k_current_get()) &&
				   info->stack_used > 0U && info->stack_used < info->stack_size;
	}
	if (strcmp(info->name, "analyzed") == 0) {
		analyzer_named_ok = info->stack_size == K_THREAD_STACK_SIZEOF(kernel_stack);
	}
}

static void test_analyzer(void)
{
	struct k_thread *t = &threads[2];

	k_thread_create(t, kernel_stack, K_KERNEL_STACK_SIZEOF(kernel_stack), wait_entry, NULL,
			NULL, NULL, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	k_thread_name_set(t, "analyzed");
	k_yield();
	thread_analyzer_run(analyzer_cb);
	CHECK(analyzer_seen >= 2);
	CHECK(analyzer_main_ok);
	CHECK(analyzer_named_ok);
	thread_analyzer_print();
	thread_analyzer_print(0);
	k_sem_give(&go);
	CHECK_EQ(k_thread_join(t, K_FOREVER), 0);
}

int main(void)
{
	test_object_sizes();
	test_runs_on_given_stack();
	test_painting_and_usage();
	test_dynamic_lifecycle();
	test_analyzer();
	return ptest_result("protection.stacks");
}
