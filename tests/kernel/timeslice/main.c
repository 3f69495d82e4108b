/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Time slicing (k_sched_time_slice_set(), k_thread_time_slice_set(), CONFIG_TIMESLICE_*):
 * equal-priority threads spinning with k_busy_wait() take turns at slice boundaries, in queue
 * order, at exact virtual uptimes; a preempted thread gets a fresh slice when it runs again;
 * threads above the priority threshold, cooperative threads and threads holding the scheduler
 * lock are not sliced (a slice that ran out under the lock ends at k_sched_unlock()); slice 0
 * turns slicing off; a thread's own slice applies at any priority and calls its callback in
 * interrupt context. Runs under virtual time (--no-rt), where the clock only moves inside
 * k_busy_wait() and sleeps, so every switch has an exact time.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#define STACK_SIZE 8192
#define MAX_THREADS 3
#define CHUNK_US 1000 /* each worker spins in 1 ms steps and notes who runs before each */
#define MAX_SWITCHES 32

K_THREAD_STACK_ARRAY_DEFINE(stacks, MAX_THREADS, STACK_SIZE);
static struct k_thread threads[MAX_THREADS];

/* What one worker thread does. */
struct worker {
	char id;            /* its letter in the switch log */
	int prio;           /* its priority */
	int chunks;         /* 1 ms steps it spins */
	int32_t start_ms;   /* start delay */
	int locked_chunks;  /* the first this many steps run under k_sched_lock() */
	int32_t own_slice;  /* its own slice in ticks (k_thread_time_slice_set), 0: none */
};

/* The switch log: who started running when (microseconds since the run began). */
struct switch_at {
	char id;
	uint32_t us;
};
static struct switch_at log_[MAX_SWITCHES];
static int n_log;
static uint64_t t0_ns;

static uint32_t now_us(void)
{
	return (uint32_t)((k_cycle_get_64() - t0_ns) / 1000U);
}

/* Note that @p id runs, if the thread noted last was another one. */
static void note(char id)
{
	if (n_log > 0 && log_[n_log - 1].id == id) {
		return;
	}
	zassert_true(n_log < MAX_SWITCHES, "too many switches");
	log_[n_log].id = id;
	log_[n_log].us = now_us();
	n_log++;
}

static void worker_entry(void *p1, void *p2, void *p3)
{
	const struct worker *w = p1;

	(void)p2;
	(void)p3;
	if (w->locked_chunks > 0) {
		k_sched_lock();
	}
	for (int i = 0; i < w->chunks; i++) {
		note(w->id);
		k_busy_wait(CHUNK_US);
		if (i + 1 == w->locked_chunks) {
			k_sched_unlock();
		}
	}
}

/* The per-thread slice callback's record. */
static int n_expired;
static uint32_t expired_us;
static bool expired_in_isr;
static struct k_thread *expired_thread;
static void *expired_data;
static int expired_marker;

static bool suspend_on_expiry;

static void on_slice_expired(struct k_thread *thread, void *data)
{
	if (suspend_on_expiry) {
		k_thread_suspend(thread);
	}
	n_expired++;
	expired_us = now_us();
	expired_in_isr = k_is_in_isr();
	expired_thread = thread;
	expired_data = data;
}

/*
 * Start the @p n workers: created together (scheduler locked, so that higher-priority and
 * cooperative ones wait too) on a tick boundary, which is time 0 of the log; run() also waits
 * for them.
 */
static void start(const struct worker *w, int n)
{
	n_log = 0;
	n_expired = 0;
	expired_thread = NULL;
	k_sleep(K_TICKS(1)); /* a tick boundary: slices are counted in whole ticks */
	t0_ns = k_cycle_get_64();
	k_sched_lock();
	for (int i = 0; i < n; i++) {
		k_timeout_t delay = w[i].start_ms != 0 ? K_MSEC(w[i].start_ms) : K_FOREVER;

		k_thread_create(&threads[i], stacks[i], STACK_SIZE, worker_entry, (void *)&w[i],
				NULL, NULL, w[i].prio, 0, delay);
		if (w[i].own_slice != 0) {
			k_thread_time_slice_set(&threads[i], w[i].own_slice, on_slice_expired,
						&expired_marker);
		}
		if (w[i].start_ms == 0) {
			k_thread_start(&threads[i]);
		}
	}
	k_sched_unlock();
}

/* Wait for worker @p i to end. */
static void join(int i)
{
	zassert_equal(k_thread_join(&threads[i], K_SECONDS(10)), 0, "worker %d", i);
}

static void run(const struct worker *w, int n)
{
	start(w, n);
	for (int i = 0; i < n; i++) {
		join(i);
	}
}

/* The log as text: "A0 B10 ...", each switch's thread and millisecond. */
static void format_log(char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < n_log && len < size; i++) {
		uint32_t us = log_[i].us;
		int w;

		if (us % 1000U == 0U) {
			w = snprintk(buf + len, size - len, "%s%c%u", i ? " " : "", log_[i].id,
				     us / 1000U);
		} else {
			w = snprintk(buf + len, size - len, "%s%c%u.%03u", i ? " " : "", log_[i].id,
				     us / 1000U, us % 1000U);
		}
		len += w > 0 ? (size_t)w : 0U;
	}
}

/* The log must be exactly @p expect. */
static void check_log(const char *expect)
{
	char got[256];

	format_log(got, sizeof(got));
	zassert_str_equal(got, expect, "switches: got \"%s\", expected \"%s\"", got, expect);
}

/*
 * Three threads of one priority, 15 ms of spinning each, 10 ms slices: each runs a full slice
 * in creation order, then goes to the back of the queue; a thread that ends hands over at
 * once, and the next one starts a fresh slice. The priority equal to the threshold is sliced.
 */
ZTEST(timeslice, test_equal_priority_round_robin)
{
	static const struct worker w[] = {
		{.id = 'A', .prio = 5, .chunks = 15},
		{.id = 'B', .prio = 5, .chunks = 15},
		{.id = 'C', .prio = 5, .chunks = 15},
	};

	k_sched_time_slice_set(10, 5);
	run(w, ARRAY_SIZE(w));
	check_log("A0 B10 C20 A30 B35 C40");
}

/*
 * Two threads, 25 ms each, 10 ms slices: they alternate A B A B A, the last turns cut short
 * by the ends of the work, not by the slice.
 */
ZTEST(timeslice, test_two_threads_alternate)
{
	static const struct worker w[] = {
		{.id = 'A', .prio = 6, .chunks = 25},
		{.id = 'B', .prio = 6, .chunks = 25},
	};

	k_sched_time_slice_set(10, 0); /* priority 6 is below the threshold 0: sliced */
	run(w, ARRAY_SIZE(w));
	check_log("A0 B10 A20 B30 A40 B45");
}

/*
 * A higher-priority thread H (priority 3, started at 5 ms, spinning 2 ms) preempts A in the
 * middle of its slice. When A runs again at 7 ms its slice starts afresh (Zephyr resets the
 * slice whenever a thread is switched in), so B only gets the CPU at 17 ms, not at 10 ms.
 */
ZTEST(timeslice, test_slice_restarts_after_preemption)
{
	static const struct worker w[] = {
		{.id = 'A', .prio = 5, .chunks = 20},
		{.id = 'B', .prio = 5, .chunks = 20},
		{.id = 'H', .prio = 3, .chunks = 2, .start_ms = 5},
	};

	k_sched_time_slice_set(10, 0);
	run(w, ARRAY_SIZE(w));
	check_log("A0 H5 A7 B17 A27 B32");
}

/* Threads of a higher priority than the threshold run until they are done. */
ZTEST(timeslice, test_above_threshold_not_sliced)
{
	static const struct worker w[] = {
		{.id = 'A', .prio = 4, .chunks = 25},
		{.id = 'B', .prio = 4, .chunks = 25},
	};

	k_sched_time_slice_set(10, 5);
	run(w, ARRAY_SIZE(w));
	check_log("A0 B25");
}

/* Cooperative threads are never sliced, whatever the threshold. */
ZTEST(timeslice, test_cooperative_not_sliced)
{
	static const struct worker w[] = {
		{.id = 'A', .prio = K_PRIO_COOP(3), .chunks = 25},
		{.id = 'B', .prio = K_PRIO_COOP(3), .chunks = 25},
	};

	k_sched_time_slice_set(10, K_HIGHEST_THREAD_PRIO);
	run(w, ARRAY_SIZE(w));
	check_log("A0 B25");
}

/*
 * A holds the scheduler lock for its first 15 ms: its slice runs out at 10 ms but it keeps the
 * CPU; the used-up slice ends at k_sched_unlock() (15 ms). B then runs a full slice, A finishes
 * its last 5 ms, B the rest.
 */
ZTEST(timeslice, test_sched_lock_holds)
{
	static const struct worker w[] = {
		{.id = 'A', .prio = 5, .chunks = 20, .locked_chunks = 15},
		{.id = 'B', .prio = 5, .chunks = 20},
	};

	k_sched_time_slice_set(10, 0);
	run(w, ARRAY_SIZE(w));
	check_log("A0 B15 A25 B30");
}

/* Slice 0 turns slicing off again, also for the running thread's slice in progress. */
ZTEST(timeslice, test_slice_zero_disables)
{
	static const struct worker w[] = {
		{.id = 'A', .prio = 5, .chunks = 25},
		{.id = 'B', .prio = 5, .chunks = 25},
	};

	k_sched_time_slice_set(10, 0);
	k_sched_time_slice_set(0, 0);
	run(w, ARRAY_SIZE(w));
	check_log("A0 B25");
}

/*
 * A's own slice (30 ticks = 3 ms) with slicing otherwise off: at 3 ms the callback runs in
 * interrupt context for A with its data, then A goes to the back; B (no slice of its own) runs
 * until it is done, then A finishes.
 */
ZTEST(timeslice, test_per_thread_slice)
{
	static const struct worker w[] = {
		{.id = 'A', .prio = 5, .chunks = 5, .own_slice = 30},
		{.id = 'B', .prio = 5, .chunks = 10},
	};

	k_sched_time_slice_set(0, 0);
	run(w, ARRAY_SIZE(w));
	check_log("A0 B3 A13");
	zassert_equal(n_expired, 1, "callback ran %d times", n_expired);
	zassert_equal(expired_us, 3000U, "callback at %u us", expired_us);
	zassert_true(expired_in_isr, "callback not in interrupt context");
	zassert_equal_ptr(expired_thread, &threads[0], "callback for another thread");
	zassert_equal_ptr(expired_data, &expired_marker, "callback data");
}

/*
 * The callback may stop the thread: it suspends A at the end of its first slice (3 ms), so A
 * does not go back to the ready queue; B runs to its end, A only when resumed.
 */
ZTEST(timeslice, test_per_thread_callback_suspends)
{
	static const struct worker w[] = {
		{.id = 'A', .prio = 5, .chunks = 5, .own_slice = 30},
		{.id = 'B', .prio = 5, .chunks = 10},
	};

	k_sched_time_slice_set(0, 0);
	suspend_on_expiry = true;
	start(w, ARRAY_SIZE(w));
	join(1);
	suspend_on_expiry = false;
	check_log("A0 B3");
	zassert_equal(n_expired, 1, "callback ran %d times", n_expired);
	k_thread_resume(&threads[0]);
	join(0);
	check_log("A0 B3 A13");
}

/*
 * A thread's own slice applies at any priority (Zephyr: "timesliced always"): a cooperative A
 * gives way to its equal B after 3 ms; B, cooperative without a slice, then runs to its end.
 */
ZTEST(timeslice, test_per_thread_slice_cooperative)
{
	static const struct worker w[] = {
		{.id = 'A', .prio = K_PRIO_COOP(2), .chunks = 5, .own_slice = 30},
		{.id = 'B', .prio = K_PRIO_COOP(2), .chunks = 10},
	};

	k_sched_time_slice_set(10, 0);
	run(w, ARRAY_SIZE(w));
	check_log("A0 B3 A13");
	zassert_equal(n_expired, 1, "callback ran %d times", n_expired);
}

/* Two equal threads run before any test changes the slicing (setup), and their log. */
static const struct worker config_workers[] = {
	{.id = 'A', .prio = 5, .chunks = 15},
	{.id = 'B', .prio = 5, .chunks = 15},
};
static char config_log[256];

static void *run_with_config(void)
{
	run(config_workers, ARRAY_SIZE(config_workers));
	format_log(config_log, sizeof(config_log));
	return NULL;
}

/*
 * The initial slicing is CONFIG_TIMESLICE_SIZE at CONFIG_TIMESLICE_PRIORITY: off in prj.conf,
 * 10 ms from priority 5 in the kernel.timeslice.config scenario (slice10.conf). The suite's
 * setup ran two equal threads before any test called k_sched_time_slice_set().
 */
ZTEST(timeslice, test_config_values)
{
	if (CONFIG_TIMESLICE_SIZE == 10 && CONFIG_TIMESLICE_PRIORITY == 5) {
		zassert_str_equal(config_log, "A0 B10 A20 B25", "got \"%s\"", config_log);
	} else {
		zassert_equal(CONFIG_TIMESLICE_SIZE, 0, "unexpected configuration");
		zassert_str_equal(config_log, "A0 B15", "got \"%s\"", config_log);
	}
}

/* Each test sets its own slicing; the configured one is restored after it. */
static void restore_config(void *fixture)
{
	(void)fixture;
	k_sched_time_slice_set(CONFIG_TIMESLICE_SIZE, CONFIG_TIMESLICE_PRIORITY);
}

ZTEST_SUITE(timeslice, NULL, run_with_config, NULL, restore_config, NULL);
