/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * How a run ends: exit status from main, deadlock report, --stop_at, default fatal handler,
 * real-time sleeps. The scenario comes from ZMEM_TEST_SCENARIO; expect_run.cmake checks the
 * exit status and the output.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zephyr/kernel.h>

#include "rt_test.h"

K_THREAD_STACK_DEFINE(worker_stack, 8192);
static struct k_thread worker;
K_SEM_DEFINE(never_given, 0, 1);
K_MUTEX_DEFINE(held);

static void start_worker(k_thread_entry_t fn, int prio)
{
	k_thread_create(&worker, worker_stack, K_THREAD_STACK_SIZEOF(worker_stack), fn, NULL,
			NULL, NULL, prio, 0, K_NO_WAIT);
	k_thread_name_set(&worker, "worker");
}

static void late_printer(void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	k_msleep(100);
	printf("worker done at %lld ms\n", (long long)k_uptime_get());
}

static void blocks_forever(void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	k_mutex_lock(&held, K_FOREVER);
	k_sem_take(&never_given, K_FOREVER);
}

static void oopses(void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	k_oops();
	printf("not reached\n");
}

/* An unmapped address the compiler cannot see (and that is not NULL, which sanitizers trap). */
static volatile uintptr_t bad_addr = 16;

static void segfaults(void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	*(volatile int *)bad_addr = 1;
	printf("not reached\n");
}

static void asserts(void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	__ASSERT(a != NULL, "boom %d", 3);
	printf("not reached\n");
}

static void *foreign_thread(void *arg)
{
	(void)arg;
	k_sem_give(&never_given);
	printf("not reached\n");
	return NULL;
}

static int64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int main(void)
{
	const char *s = getenv("ZMEM_TEST_SCENARIO");

	CHECK(s != NULL);
	if (strcmp(s, "ret7") == 0) {
		return 7;
	}
	if (strcmp(s, "others_keep_running") == 0) {
		start_worker(late_printer, 5);
		printf("main returns\n");
		return 0;
	}
	if (strcmp(s, "deadlock") == 0) {
		start_worker(blocks_forever, 5);
		k_msleep(10);
		k_mutex_lock(&held, K_FOREVER);
		return 0;
	}
	if (strcmp(s, "main_returned_others_blocked") == 0) {
		start_worker(blocks_forever, 5);
		k_msleep(10);
		return 5;
	}
	if (strcmp(s, "stop_at") == 0) {
		for (;;) {
			k_sleep(K_SECONDS(10));
			printf("tick %lld\n", (long long)k_uptime_get());
		}
	}
	if (strcmp(s, "oops") == 0) {
		start_worker(oopses, 5);
		k_thread_join(&worker, K_FOREVER);
		return 0;
	}
	if (strcmp(s, "segv") == 0) {
		start_worker(segfaults, 5);
		k_thread_join(&worker, K_FOREVER);
		return 0;
	}
	if (strcmp(s, "assert") == 0) {
		start_worker(asserts, 5);
		k_thread_join(&worker, K_FOREVER);
		return 0;
	}
	if (strcmp(s, "foreign_thread") == 0) {
		pthread_t p;

		CHECK(pthread_create(&p, NULL, foreign_thread, NULL) == 0);
		pthread_join(p, NULL);
		return 0;
	}
	if (strcmp(s, "rt_sleep") == 0) {
		/* Real time: loose bounds only (timing targets live in bench/). */
		int64_t m0 = mono_ms(), u0 = k_uptime_get();

		CHECK_EQ(k_msleep(50), 0);
		int64_t dm = mono_ms() - m0, du = k_uptime_get() - u0;

		printf("slept 50 ms: host %lld ms, uptime %lld ms\n", (long long)dm, (long long)du);
		CHECK(dm >= 50 && dm < 1000);
		CHECK(du >= 50 && du < 1000);
		m0 = mono_ms();
		k_busy_wait(20000);
		dm = mono_ms() - m0;
		CHECK(dm >= 20 && dm < 1000);
		return 0;
	}
	printf("unknown scenario %s\n", s);
	return 1;
}
