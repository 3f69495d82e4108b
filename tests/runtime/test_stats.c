/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Thread run-time statistics. Under --no-rt the figures are exact (virtual time plus the
 * documented cost of 1000 cycles per scheduling-point kernel call); in real time (run without
 * --no-rt) they are CPU time and checked with margins. Two threads spin (k_busy_wait, yield)
 * while main waits: over that window every cycle belongs to some thread, no idle, and the
 * shares add up to 100 %.
 */
#include <string.h>

#include <zephyr/debug/thread_analyzer.h>
#include <zephyr/kernel.h>

#include "host_clock.h"
#include "rt_test.h"

#define ROUNDS  10
#define SPIN_US 1000
#define CALL    1000U /* cycles per scheduling-point kernel call under --no-rt */

K_THREAD_STACK_DEFINE(stack_a, 2048);
K_THREAD_STACK_DEFINE(stack_b, 2048);
static struct k_thread thread_a, thread_b;
K_SEM_DEFINE(park, 0, 2);

static void spinner(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	for (int i = 0; i < ROUNDS; i++) {
		k_busy_wait(SPIN_US);
		k_yield();
	}
	/* Parked, alive, for the analyzer. */
	k_sem_take(&park, K_FOREVER);
}

static unsigned int analyzer_a = 1000;

static void analyzer_cb(struct thread_analyzer_info *info)
{
	if (strcmp(info->name, "spin_a") == 0) {
		analyzer_a = info->utilization;
	}
}

static uint64_t exec_of(k_tid_t t)
{
	k_thread_runtime_stats_t s;

	CHECK_EQ(k_thread_runtime_stats_get(t, &s), 0);
	CHECK_EQ(s.execution_cycles, s.total_cycles);
	return s.execution_cycles;
}

int main(void)
{
	k_thread_runtime_stats_t all0, all1, s, cpu;
	bool virt = z_host_virtual_time;

	CHECK_EQ(sys_clock_hw_cycles_per_sec(), 1000000000U);
	CHECK_EQ(k_thread_runtime_stats_get(NULL, &s), -EINVAL);
	CHECK_EQ(k_thread_runtime_stats_get(k_current_get(), NULL), -EINVAL);
	CHECK_EQ(k_thread_runtime_stats_all_get(NULL), -EINVAL);
	CHECK_EQ(k_thread_runtime_stats_cpu_get(1, &cpu), -EINVAL);

	/* Idle: nothing runs while main sleeps, and the clock says how long. */
	CHECK_EQ(k_thread_runtime_stats_all_get(&all0), 0);
	uint64_t c0 = k_cycle_get_64();

	k_msleep(100);
	uint64_t c1 = k_cycle_get_64();

	CHECK_EQ(k_thread_runtime_stats_all_get(&all1), 0);
	CHECK(c1 - c0 >= 100000000U);
	CHECK(all1.idle_cycles - all0.idle_cycles >= 95000000U);
	if (virt) {
		CHECK_EQ(c1 - c0, 100000000U);
		CHECK_EQ(all1.idle_cycles - all0.idle_cycles, 100000000U);
	}
	CHECK_EQ(all1.execution_cycles, all1.total_cycles + all1.idle_cycles);

	/* The spin window. */
	/* The CPU's reading first, main's inside it: main's share is part of the window. */
	CHECK_EQ(k_thread_runtime_stats_all_get(&all0), 0);
	uint64_t main0 = exec_of(k_current_get());

	k_thread_create(&thread_a, stack_a, K_THREAD_STACK_SIZEOF(stack_a), spinner, NULL, NULL,
			NULL, K_PRIO_PREEMPT(2), 0, K_FOREVER);
	k_thread_name_set(&thread_a, "spin_a");
	k_thread_create(&thread_b, stack_b, K_THREAD_STACK_SIZEOF(stack_b), spinner, NULL, NULL,
			NULL, K_PRIO_PREEMPT(2), 0, K_FOREVER);
	k_thread_name_set(&thread_b, "spin_b");
	k_thread_start(&thread_a);
	k_thread_start(&thread_b);
	/* Main (priority 0) looks every millisecond until both are parked. */
	while (thread_a.base.pended_on == NULL || thread_b.base.pended_on == NULL) {
		k_msleep(1);
	}
	uint64_t a = exec_of(&thread_a);
	uint64_t b = exec_of(&thread_b);
	uint64_t m = exec_of(k_current_get()) - main0;

	CHECK_EQ(k_thread_runtime_stats_all_get(&all1), 0);
	uint64_t window = all1.execution_cycles - all0.execution_cycles;
	uint64_t busy = all1.total_cycles - all0.total_cycles;

	printf("spin window: a %llu b %llu main %llu cycles; window %llu, busy %llu, idle %llu\n",
	       (unsigned long long)a, (unsigned long long)b, (unsigned long long)m,
	       (unsigned long long)window, (unsigned long long)busy,
	       (unsigned long long)(all1.idle_cycles - all0.idle_cycles));
	/* Main, waking every millisecond, preempts a spinner inside its k_busy_wait (as a
	 * board's timer interrupt lets it): that time is main's, and the spinner spins on only to
	 * the end it was given. So a spinner's share plus main's covers its spinning; in real time
	 * the host's thread switches themselves belong to nobody (1 % allowed, as below). */
	if (virt) {
		CHECK(a >= (uint64_t)ROUNDS * SPIN_US * 1000U);
		CHECK(b >= (uint64_t)ROUNDS * SPIN_US * 1000U);
	} else {
		CHECK(a + m >= (uint64_t)ROUNDS * SPIN_US * 990U);
		CHECK(b + m >= (uint64_t)ROUNDS * SPIN_US * 990U);
	}
	/* Every non-idle cycle of the window belongs to one of the three threads (in real time,
	 * main also ran between its own reading and the CPU's). */
	CHECK(busy >= a + b + m);
	CHECK(busy - (a + b + m) <= busy / 100U);
	if (virt) {
		CHECK_EQ(a + b + m, busy);
	}
	if (virt) {
		/* Each round: the wait, its reschedule and the yield; then the k_sem_take. */
		CHECK_EQ(a, (uint64_t)ROUNDS * (SPIN_US * 1000U + 2U * CALL) + CALL);
		CHECK_EQ(b, a);
		/* While the spinners were ready nothing idled; main slept 1 ms at a time. */
		unsigned int shares = (unsigned int)((a + b) * 100U / window);

		printf("spinners' share of the window: %u %%\n", shares);
		CHECK(shares >= 90U);
	}

	/* Analysis figures: windows are switch-ins; the peak is one round. */
	CHECK_EQ(k_thread_runtime_stats_get(&thread_a, &s), 0);
	CHECK(s.peak_cycles >= SPIN_US * 1000U);
	CHECK(s.current_cycles <= s.peak_cycles);
	CHECK(s.average_cycles > 0U && s.average_cycles <= s.peak_cycles);
	if (virt) {
		/* At most one round per window (a wait, its reschedule, a yield). */
		CHECK(s.peak_cycles <= SPIN_US * 1000U + 2U * CALL);
	}
	CHECK_EQ(k_thread_runtime_stats_cpu_get(0, &cpu), 0);
	CHECK(cpu.execution_cycles >= all1.execution_cycles);

	/* The analyzer's CPU % is the thread's cycles over all cycles. */
	CHECK_EQ(k_thread_runtime_stats_all_get(&all1), 0);
	unsigned int expect = (unsigned int)(exec_of(&thread_a) * 100U / all1.execution_cycles);

	thread_analyzer_run(analyzer_cb);
	CHECK(analyzer_a == expect || analyzer_a + 1U == expect || analyzer_a == expect + 1U);
	thread_analyzer_print();

	/* Disabled: a thread's figures stop moving. */
	uint64_t before = exec_of(&thread_b);

	CHECK_EQ(k_thread_runtime_stats_disable(&thread_b), 0);
	k_sem_give(&park);
	k_sem_give(&park);
	CHECK_EQ(k_thread_join(&thread_a, K_FOREVER), 0);
	CHECK_EQ(k_thread_join(&thread_b, K_FOREVER), 0);
	CHECK_EQ(exec_of(&thread_b), before);
	CHECK(exec_of(&thread_a) >= a);
	printf("test_stats: all passed (%s)\n", virt ? "virtual time" : "real time");
	return 0;
}
