/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Thread life cycle: creation on a given stack, start, end (return, abort, fault), join, and
 * the thread list (names, foreach, the "nothing can run" report).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <zephyr/logging/log.h>

#include "kernel_internal.h"
#include "kobject_perms.h"
#include "kobject_registry.h"
#include "zmem_host_malloc.h"

LOG_MODULE_DECLARE(os, CONFIG_LOG_DEFAULT_LEVEL);

extern void z_sched_forget(struct k_thread *t);
extern void z_thread_timeout_add(struct k_thread *t, k_timeout_t timeout);
extern void z_thread_end_timed_state(struct k_thread *t, uint32_t state);
extern FUNC_NORETURN void z_sched_exit_current(void);

/*
 * The live (not ended) threads, in creation order, each with its host thread record. Kept in
 * the runtime's memory rather than linked through the k_thread objects: a thread object is the
 * application's, and as on Zephyr (whose thread list exists only with CONFIG_THREAD_MONITOR)
 * the kernel must not write into one it has no business with. A thread that waits forever on
 * objects that went out of scope together with its own k_thread (Zephyr's work_queue test
 * leaves an essential work queue, k_work_q and k_thread both in a returned stack frame) is
 * never touched again; a list through the objects wrote into that frame, reused by then,
 * whenever a neighbour was added or removed, and followed garbage at exit. Such an entry is
 * recognised by its object no longer naming the entry's host record (a runtime allocation
 * that overwritten memory does not reproduce) and skipped; its object must still be readable
 * memory, as a returned stack frame or a static is.
 */
struct thread_entry {
	struct k_thread *thread;
	struct z_host_thread *host;
};
static struct thread_entry *threads;
static size_t n_threads;
static size_t cap_threads;

static bool entry_valid(const struct thread_entry *e)
{
	return e->thread->host == e->host;
}

static void registry_add(struct k_thread *t)
{
	if (n_threads == cap_threads) {
		size_t cap = cap_threads == 0U ? 16U : 2U * cap_threads;
		struct thread_entry *grown = z_host_malloc(cap * sizeof(*grown));

		if (grown == NULL) {
			LOG_ERR("k_thread_create: out of host memory for the thread list");
			k_fatal_halt(K_ERR_KERNEL_PANIC);
		}
		if (n_threads > 0U) {
			memcpy(grown, threads, n_threads * sizeof(*grown));
		}
		z_host_free(threads);
		threads = grown;
		cap_threads = cap;
	}
	threads[n_threads++] = (struct thread_entry){t, t->host};
}

static void registry_remove(struct k_thread *t)
{
	for (size_t i = 0U; i < n_threads; i++) {
		if (threads[i].thread == t && threads[i].host == t->host) {
			memmove(&threads[i], &threads[i + 1U], (n_threads - i - 1U) * sizeof(threads[0]));
			n_threads--;
			return;
		}
	}
}

/* The main thread and its exit status (set when main returns). */
int z_main_status;
bool z_main_returned;

/* The stacks layer's hooks run on the runtime stack: they may call into the C library. */
static void created_hook(void *t)
{
	z_host_thread_created(t);
}

static void exited_hook(void *t)
{
	z_host_thread_exited(t);
}

static void check_prio(int *prio)
{
	if (*prio < K_HIGHEST_THREAD_PRIO || *prio > K_LOWEST_APPLICATION_THREAD_PRIO) {
		LOG_ERR("thread priority %d out of range [%d, %d], clamped", *prio,
			K_HIGHEST_THREAD_PRIO, K_LOWEST_APPLICATION_THREAD_PRIO);
		*prio = CLAMP(*prio, K_HIGHEST_THREAD_PRIO, K_LOWEST_APPLICATION_THREAD_PRIO);
	}
}

/* Records of the K_THREAD_STACK_DEFINE / K_THREAD_STACK_ARRAY_DEFINE objects (thread_stack.h). */
extern const struct z_stack_obj_rec __start_zmem_stack_objs[] __attribute__((weak));
extern const struct z_stack_obj_rec __stop_zmem_stack_objs[] __attribute__((weak));

/* The record of the K_THREAD_STACK_DEFINE definition @p p lies in, or NULL. */
static const struct z_stack_obj_rec *stack_record_of(uintptr_t p)
{
	for (const struct z_stack_obj_rec *r = __start_zmem_stack_objs;
	     r != NULL && r < __stop_zmem_stack_objs; r++) {
		if (p >= (uintptr_t)r->base && p < (uintptr_t)r->base + r->size) {
			return r;
		}
	}
	return NULL;
}

bool z_stack_obj_contains(const void *p)
{
	return stack_record_of((uintptr_t)p) != NULL;
}

/* Whether @p p, inside the definition of record @p r, starts one of its stack objects. */
static bool starts_stack_obj(const struct z_stack_obj_rec *r, uintptr_t p)
{
	return (p - (uintptr_t)r->base) % r->elem == 0U;
}

bool z_stack_obj_defined(const void *obj)
{
	const struct z_stack_obj_rec *r = stack_record_of((uintptr_t)obj);

	return r != NULL && starts_stack_obj(r, (uintptr_t)obj);
}

/*
 * Whether @p stack is a stack object (guard page, slack, declared area at the top) rather than
 * a plain buffer: one of a defining macro's objects, a dynamic stack, or, for stacks the macros
 * cannot record (K_THREAD_STACK_MEMBER), a page-aligned start, which plain arrays of
 * k_thread_stack_t do not get unless by chance (docs/protection.md, "Plain buffers").
 */
static bool stack_is_object(const k_thread_stack_t *stack)
{
	const struct z_stack_obj_rec *r = stack_record_of((uintptr_t)stack);

	if (r != NULL) {
		return starts_stack_obj(r, (uintptr_t)stack);
	}
	return z_thread_stack_is_dynamic(stack) || (uintptr_t)stack % Z_THREAD_STACK_OBJ_ALIGN == 0U;
}

k_tid_t k_thread_create(struct k_thread *new_thread, k_thread_stack_t *stack, size_t stack_size,
			k_thread_entry_t entry, void *p1, void *p2, void *p3, int prio,
			uint32_t options, k_timeout_t delay)
{
	struct k_thread *t = new_thread;

	bool plain = stack != NULL && !stack_is_object(stack);
	/* A plain buffer's stack starts at its first pointer-aligned byte. */
	size_t skip = plain ? (size_t)(ROUND_UP((uintptr_t)stack, ARCH_STACK_PTR_ALIGN) -
				       (uintptr_t)stack)
			    : 0U;

	if (t == NULL || stack == NULL || entry == NULL ||
	    (plain ? stack_size < skip + ARCH_STACK_PTR_ALIGN : stack_size == 0U) ||
	    (!plain && ((uintptr_t)stack % 16U) != 0U) || stack_size > SIZE_MAX / 2U) {
		/* Zephyr asserts here; the caller cannot go on with a thread that does not exist. */
		LOG_ERR("k_thread_create: invalid thread %p, stack %p (%zu bytes) or entry", (void *)t,
			(void *)stack, stack_size);
		k_oops();
		return NULL;
	}
	if (Z_OBJ_USER_GATE() && _current != NULL && z_prot_is_user(_current) && !k_is_in_isr()) {
		/* What Zephyr's system call verifies: a user thread creates only user threads,
		 * never essential ones, none above its own priority, and only with access to the
		 * thread and stack objects. Each refusal ends the caller with an oops. */
		if ((options & K_USER) == 0U || (options & K_ESSENTIAL) != 0U ||
		    prio < _current->base.prio) {
			LOG_ERR("k_thread_create: thread %p (%s) in user mode may not create a "
				"supervisor or essential thread, or one above its priority "
				"(options 0x%x, priority %d, its own %d)",
				(void *)_current, _current->name, (unsigned int)options, prio,
				_current->base.prio);
			z_except_reason(K_ERR_KERNEL_OOPS);
			return NULL;
		}
		Z_OBJ_USER_CHECK(new_thread);
		Z_OBJ_USER_CHECK(stack);
	}
	check_prio(&prio);
	z_object_init(t);
	memset(t, 0, sizeof(*t));
	sys_dnode_init(&t->base.qnode_dlist);
	sys_dnode_init(&t->base.timeout.node);
	sys_dnode_init(&t->mem_domain_info.mem_domain_q_node);
	z_waitq_init(&t->join_queue);
	t->base.prio = prio;
	t->orig_prio = prio;
	t->base.user_options = options;
	/* As CONFIG_SCHED_THREAD_USAGE_AUTO_ENABLE: statistics are gathered from the start. */
	t->base.usage.track_usage = true;
	t->base.thread_state = _THREAD_PRESTART;
	t->entry = entry;
	t->p1 = p1;
	t->p2 = p2;
	t->p3 = p3;
	t->stack_obj = stack;
	/*
	 * The declared area ends at the object's page-aligned top; the slack below it, down to
	 * the guard page, is painted and checked by the stacks layer (docs/protection.md).
	 */
	t->stack_plain = plain;
	if (plain) {
		/* As on native_sim: the thread runs on the buffer itself, rounded in to pointer
		 * alignment; nothing is reserved below it, so it has no guard page or slack. */
		t->stack_info.size = ROUND_DOWN(stack_size - skip, ARCH_STACK_PTR_ALIGN);
		t->stack_info.start = (uintptr_t)stack + skip;
	} else {
		t->stack_info.size = Z_THREAD_STACK_SIZE_ADJUST(stack_size);
		t->stack_info.start = (uintptr_t)stack + K_THREAD_STACK_RESERVED +
				      Z_THREAD_STACK_SLACK(stack_size);
	}
	t->stack_info.delta = 0;
	if (_current != NULL) {
		/* Children inherit their creator's resource pool and memory domain. */
		t->resource_pool = _current->resource_pool;
		t->mem_domain_info.mem_domain = _current->mem_domain_info.mem_domain;
	}
	if (Z_PERM_TRACKING) {
		if ((options & K_USER) != 0U) {
			z_perm_user_thread_seen(); /* kernel calls check permissions from now on */
		}
		/* Access to itself, and with K_INHERIT_PERMS to what its creator has (userspace). */
		z_perm_thread_created(t, _current, (options & K_INHERIT_PERMS) != 0U);
	}
	z_host_stack_prepare(t);
	z_host_run_on_runtime_stack(created_hook, t);
	if (z_host_thread_spawn(t) != 0) {
		LOG_ERR("k_thread_create: cannot create a host thread");
		k_fatal_halt(K_ERR_KERNEL_PANIC);
	}
	registry_add(t);

	if (K_TIMEOUT_EQ(delay, K_NO_WAIT)) {
		t->base.thread_state &= ~_THREAD_PRESTART;
		z_ready_thread(t);
		z_reschedule_unlocked();
	} else if (!K_TIMEOUT_EQ(delay, K_FOREVER)) {
		z_thread_timeout_add(t, delay);
	}
	return t;
}

void k_thread_start(k_tid_t thread)
{
	Z_OBJ_USER_CHECK(thread); /* a system call on Zephyr: NULL or no access: oops */
	z_thread_end_timed_state(thread, _THREAD_PRESTART);
}

/* Common end of a thread: it leaves every queue, joiners wake. Not the host thread yet. */
static void thread_end(struct k_thread *t)
{
	if (Z_PERM_TRACKING && t->perm_index != 0U) {
		/* It leaves every permission set; objects left without a holder are freed. A
		 * thread ending itself did this already in its own context (z_thread_self_exit).
		 */
		z_perm_thread_exited(t);
	}
	z_sched_forget(t);
	t->base.thread_state = _THREAD_DEAD;
	registry_remove(t);
	z_host_run_on_runtime_stack(exited_hook, t);
	z_unpend_all(&t->join_queue);
}

static void self_exit(void *arg)
{
	(void)arg;
	if (!z_is_thread_dead(_current)) {
		thread_end(_current);
	}
	z_sched_exit_current();
}

FUNC_NORETURN void z_thread_self_exit(void)
{
	if (Z_PERM_TRACKING && _current->perm_index != 0U) {
		/* Objects only this thread had access to are freed while it can still be
		 * rescheduled (freeing may wake threads waiting on their pool). Tested here, not
		 * in the call: a thread that never held a run-time object ends with no extra
		 * frame on its stack (stack-usage figures stay as they were).
		 */
		z_perm_thread_exited(_current);
	}
	z_host_run_on_runtime_stack(self_exit, NULL);
	CODE_UNREACHABLE;
}

void k_thread_abort(k_tid_t thread)
{
	if (z_is_thread_dead(thread)) {
		return;
	}
	if ((thread->base.user_options & K_ESSENTIAL) != 0U) {
		LOG_ERR("essential thread %p (%s) aborted", (void *)thread, thread->name);
		z_fatal_error(K_ERR_KERNEL_PANIC, NULL);
	}
	if (thread == _current && !k_is_in_isr()) {
		/* An overflow into the stack slack is reported before the thread is gone. */
		z_host_thread_switching_out(thread);
		z_thread_self_exit();
	}
	thread_end(thread);
	if (thread == _current) {
		/* Aborted from an ISR: the thread ends when the ISR returns (see irq_offload). */
		return;
	}
	z_host_thread_reap(thread);
	z_reschedule_unlocked();
}

FUNC_NORETURN void z_thread_entry(struct k_thread *t)
{
	t->entry(t->p1, t->p2, t->p3);
	z_host_thread_switching_out(t);
	z_thread_self_exit();
}

int k_thread_join(struct k_thread *thread, k_timeout_t timeout)
{
	static struct k_spinlock lock;
	k_spinlock_key_t key;

	if (z_is_thread_dead(thread)) {
		return 0;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		return -EBUSY;
	}
	if (thread == _current || (thread->base.pended_on == &_current->join_queue)) {
		return -EDEADLK;
	}
	key = k_spin_lock(&lock);
	return z_pend_curr_desc(&lock, key, &thread->join_queue, timeout, "k_thread_join");
}

k_tid_t k_current_get(void)
{
	return _current;
}

/*
 * Without CONFIG_THREAD_NAME the name calls answer as Zephyr's do (-ENOSYS, NULL): names stay
 * empty, and the kernel's own messages fall back to addresses.
 */
int k_thread_name_set(k_tid_t thread, const char *str)
{
#if defined(CONFIG_THREAD_NAME) && CONFIG_THREAD_NAME
	struct k_thread *t = thread != NULL ? thread : _current;

	if (t == NULL || str == NULL) {
		return -EINVAL;
	}
	strncpy(t->name, str, sizeof(t->name) - 1U);
	t->name[sizeof(t->name) - 1U] = '\0';
	return 0;
#else
	(void)thread;
	(void)str;
	return -ENOSYS;
#endif
}

const char *k_thread_name_get(k_tid_t thread)
{
#if defined(CONFIG_THREAD_NAME) && CONFIG_THREAD_NAME
	return thread != NULL ? thread->name : NULL;
#else
	(void)thread;
	return NULL;
#endif
}

int k_thread_name_copy(k_tid_t thread, char *buf, size_t size)
{
#if defined(CONFIG_THREAD_NAME) && CONFIG_THREAD_NAME
	size_t len = strlen(thread->name);

	if (len + 1U > size) {
		return -ENOSPC;
	}
	memcpy(buf, thread->name, len + 1U);
	return 0;
#else
	(void)thread;
	(void)buf;
	(void)size;
	return -ENOSYS;
#endif
}

void k_thread_custom_data_set(void *value)
{
	_current->custom_data = value;
}

void *k_thread_custom_data_get(void)
{
	return _current->custom_data;
}

/* Without CONFIG_THREAD_MONITOR Zephyr keeps no thread list, so the walk visits nothing. */
void k_thread_foreach(k_thread_user_cb_t user_cb, void *user_data)
{
#if defined(CONFIG_THREAD_MONITOR) && CONFIG_THREAD_MONITOR
	/* The callback may end the thread it is given (the entry then moves up) or create
	 * threads (appended, visited too). */
	for (size_t i = 0U; i < n_threads;) {
		struct thread_entry e = threads[i];

		if (entry_valid(&e)) {
			user_cb(e.thread, user_data);
		}
		if (i < n_threads && threads[i].thread == e.thread && threads[i].host == e.host) {
			i++;
		}
	}
#else
	(void)user_cb;
	(void)user_data;
#endif
}

void k_thread_foreach_unlocked(k_thread_user_cb_t user_cb, void *user_data)
{
	k_thread_foreach(user_cb, user_data);
}

const char *k_thread_state_str(k_tid_t thread, char *buf, size_t buf_size)
{
	uint32_t s = thread->base.thread_state;
	const char *str;

	if (thread == _current && z_is_thread_ready(thread)) {
		str = "running";
	} else if (s & _THREAD_DEAD) {
		str = "dead";
	} else if (s & _THREAD_SUSPENDED) {
		str = "suspended";
	} else if (s & _THREAD_PENDING) {
		str = "pending";
	} else if (s & _THREAD_SLEEPING) {
		str = "sleeping";
	} else if (s & _THREAD_PRESTART) {
		str = "prestart";
	} else {
		str = "queued";
	}
	if (buf != NULL && buf_size > 0U) {
		snprintf(buf, buf_size, "%s", str);
		return buf;
	}
	return str;
}

/* Describe why @p t cannot run, for the report below. */
static void describe_blocked(const struct k_thread *t, FILE *out)
{
	uint32_t s = t->base.thread_state;

	fprintf(out, "  thread %p '%s' priority %d", (const void *)t,
		t->name[0] != '\0' ? t->name : "(unnamed)", t->base.prio);
	if (t->base.prio != t->orig_prio) {
		fprintf(out, " (inherited, own %d)", t->orig_prio);
	}
	fprintf(out, ": ");
	if (s & _THREAD_PENDING) {
		fprintf(out, "waits forever on %s %p", t->base.pend_desc != NULL ? t->base.pend_desc
									: "wait queue",
			(void *)t->base.pended_on);
	} else if (s & _THREAD_SUSPENDED) {
		fprintf(out, "suspended");
	} else if (s & _THREAD_PRESTART) {
		fprintf(out, "created with K_FOREVER, never started");
	} else {
		fprintf(out, "state 0x%x", (unsigned int)s);
	}
	if (t == &z_main_thread) {
		fprintf(out, " (main thread)");
	}
	fprintf(out, "\n");
}

/* An idle work queue thread waits for work as Zephyr's idle thread waits for interrupts: it
 * does not keep the process alive and is not reported (kernel/work.c). */
extern const char z_work_q_idle_desc[];

static bool is_idle_daemon(const struct k_thread *t)
{
	return z_is_thread_pending(t) && t->base.pend_desc == z_work_q_idle_desc;
}

static void report_blocked(void *arg)
{
	const char *headline = arg;

	fflush(stdout);
	fprintf(stderr, "%s", headline);
	for (size_t i = 0U; i < n_threads; i++) {
		if (entry_valid(&threads[i]) && !is_idle_daemon(threads[i].thread)) {
			describe_blocked(threads[i].thread, stderr);
		}
	}
}

/* Nothing is ready and no timeout is armed: nothing will ever run again. */
void z_no_thread_can_run(void)
{
	bool only_idle = true;

	/* A thread whose object was overwritten waits on objects gone with it: nothing can wake
	 * it, and nothing about it can be reported. */
	for (size_t i = 0U; i < n_threads; i++) {
		if (entry_valid(&threads[i]) && !is_idle_daemon(threads[i].thread)) {
			only_idle = false;
			break;
		}
	}
	if (only_idle) {
		z_host_exit(z_main_status);
	}
	if (z_main_returned) {
		/* On Zephyr these threads would wait forever for an interrupt; the host has none. */
		z_host_run_on_runtime_stack(
			report_blocked,
			"zmem: main returned and no thread can run again; still waiting:\n");
		z_host_exit(z_main_status);
	}
	z_host_run_on_runtime_stack(
		report_blocked, "zmem: DEADLOCK: every thread waits forever, none can run:\n");
	z_host_exit(ZMEM_EXIT_DEADLOCK);
}

/* ---- K_THREAD_DEFINE threads ---- */

static struct _static_thread_data *static_threads;
static struct _static_thread_data **static_threads_tail = &static_threads;

void z_static_thread_register(struct _static_thread_data *data)
{
	data->next = NULL;
	*static_threads_tail = data;
	static_threads_tail = &data->next;
}

static struct _static_thread_grants *static_grants;

void z_static_thread_grants_register(struct _static_thread_grants *grants)
{
	grants->next = static_grants;
	static_grants = grants;
}

void z_init_static_threads(void)
{
	struct _static_thread_data *d;

	/* Created prestart, started below, so that they start together (as in Zephyr). */
	for (d = static_threads; d != NULL; d = d->next) {
		k_thread_create(d->init_thread, d->init_stack, d->init_stack_size, d->init_entry,
				d->init_p1, d->init_p2, d->init_p3, d->init_prio, d->init_options,
				K_FOREVER);
		k_thread_name_set(d->init_thread, d->init_name);
	}
	/* K_THREAD_ACCESS_GRANT: each thread holds its objects before it runs. */
	for (struct _static_thread_grants *g = static_grants; g != NULL; g = g->next) {
		for (const void *const *o = g->objects; *o != NULL; o++) {
			k_object_access_grant(*o, g->thread);
		}
	}
	for (d = static_threads; d != NULL; d = d->next) {
		k_timeout_t delay = d->init_delay_ms < 0 ? K_FOREVER : K_MSEC(d->init_delay_ms);

		if (!K_TIMEOUT_EQ(delay, K_FOREVER)) {
			if (K_TIMEOUT_EQ(delay, K_NO_WAIT)) {
				d->init_thread->base.thread_state &= ~_THREAD_PRESTART;
				z_ready_thread(d->init_thread);
			} else {
				z_thread_timeout_add(d->init_thread, delay);
			}
		}
	}
}

k_ticks_t k_thread_timeout_remaining_ticks(const struct k_thread *thread)
{
	Z_OBJ_USER_CHECK(thread);
	return z_timeout_remaining(&thread->base.timeout);
}

k_ticks_t k_thread_timeout_expires_ticks(const struct k_thread *thread)
{
	Z_OBJ_USER_CHECK(thread);
	return z_timeout_expires(&thread->base.timeout);
}

int k_float_disable(struct k_thread *thread)
{
	Z_OBJ_USER_CHECK(thread);
	/* Host threads keep their floating-point state across switches, always: nothing to
	 * turn off, as on Zephyr's architectures without CONFIG_FPU_SHARING. */
	return -ENOTSUP;
}

int k_float_enable(struct k_thread *thread, unsigned int options)
{
	(void)options;
	Z_OBJ_USER_CHECK(thread);
	return -ENOTSUP;
}
