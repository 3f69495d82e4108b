/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Permissions of kernel objects zmem did not allocate (K_*_DEFINE objects, a struct in .bss
 * initialized at run time), as Zephyr keeps them: no thread has access until one is granted
 * it, so a user thread's call on such an object ends in a kernel oops; k_object_access_grant()
 * and k_thread_access_grant() give access, K_INHERIT_PERMS passes the creator's on,
 * k_object_access_all_grant() opens an object to every thread, k_object_access_revoke() takes
 * access away, a user thread cannot grant what it does not hold, K_THREAD_ACCESS_GRANT grants a
 * K_THREAD_DEFINE thread before it starts. Supervisor threads are never checked.
 */
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/ztest_error_hook.h>

#define USTACK_SIZE 4096

static K_SEM_DEFINE(s_sem, 0, 1);
static K_MUTEX_DEFINE(s_mutex);
static struct k_queue s_queue; /* not a K_QUEUE_DEFINE: initialized at run time */
static K_MSGQ_DEFINE(s_msgq, sizeof(int), 2, 4);
static K_MSGQ_DEFINE(s_public_msgq, sizeof(int), 2, 4);
static K_EVENT_DEFINE(s_event);
static K_STACK_DEFINE(s_stack, 4);
static K_THREAD_STACK_DEFINE(u_stack, USTACK_SIZE);
static struct k_thread u_thread;
static K_THREAD_STACK_DEFINE(u_child_stack, USTACK_SIZE);
static struct k_thread u_child;

static ZTEST_BMEM volatile int reached;
static ZTEST_BMEM volatile int faults;
static ZTEST_BMEM volatile unsigned int fault_reason;

void ztest_post_fatal_error_hook(unsigned int reason, const struct arch_esf *esf)
{
	(void)esf;
	faults++;
	fault_reason = reason;
}

/* What a user thread does with the object p1: op p2. */
enum op {
	OP_QUEUE_IS_EMPTY,
	OP_SEM_GIVE,
	OP_MUTEX_LOCK,
	OP_MSGQ_PUT,
	OP_EVENT_POST,
	OP_GRANT_TO_SELF,
	OP_QUEUE_GET,
	OP_SEM_TAKE,
	OP_MSGQ_GET,
	OP_STACK_PUSH,
	OP_STACK_POP,
	OP_MUTEX_UNLOCK,
	OP_GRANT_TO_CHILD,
	OP_GRANT_TO_NULL,
	OP_GRANT_NULL,
	OP_ALL_GRANT,
};

static void do_op(void *obj, enum op op)
{
	int v = 5;

	switch (op) {
	case OP_QUEUE_IS_EMPTY:
		(void)k_queue_is_empty(obj);
		break;
	case OP_SEM_GIVE:
		k_sem_give(obj);
		break;
	case OP_MUTEX_LOCK:
		zassert_ok(k_mutex_lock(obj, K_NO_WAIT));
		zassert_ok(k_mutex_unlock(obj));
		break;
	case OP_MSGQ_PUT:
		zassert_ok(k_msgq_put(obj, &v, K_NO_WAIT));
		break;
	case OP_EVENT_POST:
		(void)k_event_post(obj, 0x1);
		break;
	case OP_GRANT_TO_SELF:
		k_object_access_grant(obj, k_current_get());
		break;
	case OP_QUEUE_GET:
		(void)k_queue_get(obj, K_NO_WAIT);
		break;
	case OP_SEM_TAKE:
		(void)k_sem_take(obj, K_NO_WAIT);
		break;
	case OP_MSGQ_GET:
		(void)k_msgq_get(obj, &v, K_NO_WAIT);
		break;
	case OP_STACK_PUSH:
		(void)k_stack_push(obj, 1);
		break;
	case OP_STACK_POP: {
		stack_data_t d;

		(void)k_stack_pop(obj, &d, K_NO_WAIT);
		break;
	}
	case OP_MUTEX_UNLOCK:
		(void)k_mutex_unlock(obj);
		break;
	case OP_GRANT_TO_CHILD:
		k_object_access_grant(obj, &u_child);
		break;
	case OP_GRANT_TO_NULL:
		k_object_access_grant(obj, NULL);
		break;
	case OP_GRANT_NULL:
		k_object_access_grant(NULL, k_current_get());
		break;
	case OP_ALL_GRANT:
		k_object_access_all_grant(obj);
		break;
	}
}

static void user_op(void *p1, void *p2, void *p3)
{
	bool expect_refusal = p3 != NULL;

	if (expect_refusal) {
		ztest_set_fault_valid(true);
	}
	reached = 1;
	do_op(p1, (enum op)(uintptr_t)p2);
	reached = 2;
	if (expect_refusal) {
		ztest_set_fault_valid(false);
	}
}

/* Create the user thread (not started) for op @p op on @p obj. */
static void create_user(void *obj, enum op op, bool refused, uint32_t options)
{
	reached = 0;
	faults = 0;
	k_thread_create(&u_thread, u_stack, USTACK_SIZE, user_op, obj, (void *)(uintptr_t)op,
			refused ? (void *)1 : NULL, K_PRIO_PREEMPT(1), K_USER | options, K_FOREVER);
}

static void run_user(void)
{
	k_thread_start(&u_thread);
	zassert_ok(k_thread_join(&u_thread, K_SECONDS(5)));
}

static void expect_refused(const char *what)
{
	zassert_equal(faults, 1, "%s: the user thread was not refused", what);
	zassert_equal(fault_reason, K_ERR_KERNEL_OOPS, "%s: refused with reason %u", what,
		      fault_reason);
	zassert_equal(reached, 1, "%s: the call returned", what);
}

static void expect_allowed(const char *what)
{
	zassert_equal(faults, 0, "%s: the user thread was refused", what);
	zassert_equal(reached, 2, "%s: the user thread did not finish", what);
}

static void before(void *f)
{
	(void)f;
	k_queue_init(&s_queue);
	k_sem_reset(&s_sem);
	k_msgq_purge(&s_msgq);
}

ZTEST_SUITE(kernel_kobject_static, NULL, NULL, before, NULL, NULL);

/* Never granted to anyone: every kind of object refuses a user thread, as on Zephyr. */
ZTEST(kernel_kobject_static, test_ungranted_objects_refused)
{
	static const struct {
		void *obj;
		enum op op;
		const char *what;
	} cases[] = {
	    {&s_queue, OP_QUEUE_IS_EMPTY, "k_queue_is_empty on a k_queue_init queue"},
	    {&s_sem, OP_SEM_GIVE, "k_sem_give on a K_SEM_DEFINE semaphore"},
	    {&s_mutex, OP_MUTEX_LOCK, "k_mutex_lock on a K_MUTEX_DEFINE mutex"},
	    {&s_msgq, OP_MSGQ_PUT, "k_msgq_put on a K_MSGQ_DEFINE queue"},
	    {&s_event, OP_EVENT_POST, "k_event_post on a K_EVENT_DEFINE event"},
	    {&s_queue, OP_QUEUE_GET, "k_queue_get"},
	    {&s_sem, OP_SEM_TAKE, "k_sem_take"},
	    {&s_msgq, OP_MSGQ_GET, "k_msgq_get"},
	    {&s_stack, OP_STACK_PUSH, "k_stack_push on a K_STACK_DEFINE stack"},
	    {&s_stack, OP_STACK_POP, "k_stack_pop"},
	    {&s_mutex, OP_MUTEX_UNLOCK, "k_mutex_unlock"},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		create_user(cases[i].obj, cases[i].op, true, 0);
		run_user();
		expect_refused(cases[i].what);
	}
	zassert_equal(k_sem_count_get(&s_sem), 0, "the refused give counted");
	zassert_equal(k_msgq_num_used_get(&s_msgq), 0, "the refused put queued a message");
}

/* Granted to the thread: allowed; the same call by a thread granted nothing is refused. */
ZTEST(kernel_kobject_static, test_grant_allows_revoke_refuses)
{
	create_user(&s_queue, OP_QUEUE_IS_EMPTY, false, 0);
	k_object_access_grant(&s_queue, &u_thread);
	run_user();
	expect_allowed("granted k_queue");

	create_user(&s_msgq, OP_MSGQ_PUT, false, 0);
	k_thread_access_grant(&u_thread, &s_sem, &s_msgq);
	run_user();
	expect_allowed("granted k_msgq");
	zassert_equal(k_msgq_num_used_get(&s_msgq), 1);

	/* The grant ended with that thread: a new one on the same k_thread object has none. */
	create_user(&s_msgq, OP_MSGQ_PUT, true, 0);
	run_user();
	expect_refused("k_msgq of an ended holder");

	create_user(&s_sem, OP_SEM_GIVE, true, 0);
	k_object_access_grant(&s_sem, &u_thread);
	k_object_access_revoke(&s_sem, &u_thread);
	run_user();
	expect_refused("revoked k_sem");
}

/*
 * Granted before k_thread_create(): the thread holds it once created, as on Zephyr, where a
 * static thread object's grants live in its object table entry (Zephyr's mem_protect tests grant
 * to child_thread before each k_thread_create()). Over more rounds than there are thread indexes,
 * so that an index lost at creation would run them out. An uncreated thread object's garbage
 * index is never taken for one.
 */
ZTEST(kernel_kobject_static, test_grant_before_create)
{
	for (int round = 0; round < 8 * CONFIG_MAX_THREAD_BYTES + 4; round++) {
		k_object_access_grant(&s_sem, &u_thread);
		create_user(&s_sem, OP_SEM_GIVE, false, 0);
		run_user();
		expect_allowed("k_sem granted before k_thread_create");
		zassert_equal(k_sem_take(&s_sem, K_NO_WAIT), 0, "round %d", round);
	}
	/* Ended: the next creation on the same object holds nothing. */
	create_user(&s_sem, OP_SEM_GIVE, true, 0);
	run_user();
	expect_refused("k_sem of an ended holder, granted before creation");

	/* A k_thread in memory never zeroed: its index field is garbage, not a grant. */
	struct k_thread *t = k_malloc(sizeof(*t));

	zassert_not_null(t);
	memset(t, 0xa5, sizeof(*t));
	k_object_access_grant(&s_mutex, t);
	k_object_access_revoke(&s_mutex, t);
	k_free(t);
	create_user(&s_mutex, OP_MUTEX_LOCK, true, 0);
	run_user();
	expect_refused("k_mutex never granted to this thread");
}

/* K_INHERIT_PERMS: a child holds what its creator holds, and only with the option. */
ZTEST(kernel_kobject_static, test_inherited_access)
{
	k_object_access_grant(&s_sem, k_current_get());
	create_user(&s_sem, OP_SEM_GIVE, false, K_INHERIT_PERMS);
	run_user();
	expect_allowed("inherited k_sem");
	zassert_equal(k_sem_take(&s_sem, K_NO_WAIT), 0);

	create_user(&s_sem, OP_SEM_GIVE, true, 0);
	run_user();
	expect_refused("k_sem without K_INHERIT_PERMS");
}

/* k_object_access_all_grant(): every thread, granted or not. */
ZTEST(kernel_kobject_static, test_all_grant)
{
	k_object_access_all_grant(&s_public_msgq);
	create_user(&s_public_msgq, OP_MSGQ_PUT, false, 0);
	run_user();
	expect_allowed("public k_msgq");
	k_msgq_purge(&s_public_msgq);
}

/* A user thread grants only what it holds: granting itself an object it lacks is refused. */
ZTEST(kernel_kobject_static, test_user_cannot_grant_itself)
{
	create_user(&s_event, OP_GRANT_TO_SELF, true, 0);
	run_user();
	expect_refused("a user thread's grant of an object it lacks");
	create_user(&s_event, OP_EVENT_POST, true, 0);
	run_user();
	expect_refused("k_event after the refused grant");
}

/*
 * What Zephyr's system call verifies of a user thread's grant: it holds the object, it has access
 * to the thread it grants to, and neither is NULL; k_object_access_all_grant(NULL) is refused
 * too. A supervisor's grant of NULL does nothing.
 */
ZTEST(kernel_kobject_static, test_user_grant_checks)
{
	k_object_access_grant(&s_sem, &u_thread); /* the k_thread object, before creation */
	create_user(&s_sem, OP_GRANT_TO_CHILD, true, 0);
	run_user();
	expect_refused("a grant to a thread the caller has no access to");

	k_object_access_grant(&s_sem, &u_thread);
	k_object_access_grant(&u_child, &u_thread);
	create_user(&s_sem, OP_GRANT_TO_CHILD, false, 0);
	run_user();
	expect_allowed("a grant to a thread the caller has access to");

	k_object_access_grant(&s_sem, &u_thread);
	create_user(&s_sem, OP_GRANT_TO_NULL, true, 0);
	run_user();
	expect_refused("a grant to NULL");

	create_user(NULL, OP_GRANT_NULL, true, 0);
	run_user();
	expect_refused("a grant of NULL");

	create_user(NULL, OP_ALL_GRANT, true, 0);
	run_user();
	expect_refused("k_object_access_all_grant(NULL)");

	k_object_access_grant(NULL, k_current_get());
	k_object_access_grant(&s_sem, NULL);
	k_object_access_all_grant(NULL);
	k_object_access_revoke(&s_sem, &u_child);
}

/* A user thread passes on what it holds: to a child it creates with K_INHERIT_PERMS. */
static void user_parent(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	k_thread_create(&u_child, u_child_stack, USTACK_SIZE, user_op, p1,
			(void *)(uintptr_t)OP_SEM_GIVE, NULL, K_PRIO_PREEMPT(1),
			K_USER | K_INHERIT_PERMS, K_NO_WAIT);
	zassert_ok(k_thread_join(&u_child, K_SECONDS(5)));
}

ZTEST(kernel_kobject_static, test_user_thread_passes_access_on)
{
	reached = 0;
	faults = 0;
	k_thread_create(&u_thread, u_stack, USTACK_SIZE, user_parent, &s_sem, NULL, NULL,
			K_PRIO_PREEMPT(1), K_USER, K_FOREVER);
	k_thread_access_grant(&u_thread, &s_sem, &u_child, &u_child_stack);
	run_user();
	expect_allowed("k_sem inherited from a user parent");
	zassert_equal(k_sem_take(&s_sem, K_NO_WAIT), 0);
}

/* Supervisor threads are not checked: no grant needed. */
static void supervisor_op(void *p1, void *p2, void *p3)
{
	(void)p3;
	do_op(p1, (enum op)(uintptr_t)p2);
	reached = 2;
}

ZTEST(kernel_kobject_static, test_supervisor_unchecked)
{
	reached = 0;
	faults = 0;
	k_thread_create(&u_thread, u_stack, USTACK_SIZE, supervisor_op, &s_event,
			(void *)(uintptr_t)OP_EVENT_POST, NULL, K_PRIO_PREEMPT(1), 0, K_NO_WAIT);
	zassert_ok(k_thread_join(&u_thread, K_SECONDS(5)));
	expect_allowed("a supervisor thread's k_event_post");
}

/* K_THREAD_ACCESS_GRANT: the K_THREAD_DEFINE user thread holds its objects when it starts. */
static K_SEM_DEFINE(kt_sem, 0, 1);
static K_SEM_DEFINE(kt_done, 0, 1);

static void kt_entry(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	k_sem_give(&kt_sem);
	k_sem_give(&kt_done);
}

K_THREAD_DEFINE(kt_user, USTACK_SIZE, kt_entry, NULL, NULL, NULL, K_PRIO_PREEMPT(1), K_USER, -1);
K_THREAD_ACCESS_GRANT(kt_user, &kt_sem, &kt_done);

ZTEST(kernel_kobject_static, test_thread_access_grant_at_boot)
{
	faults = 0;
	k_thread_start(kt_user);
	zassert_ok(k_sem_take(&kt_done, K_SECONDS(5)));
	zassert_equal(faults, 0);
	zassert_ok(k_sem_take(&kt_sem, K_NO_WAIT));
	zassert_ok(k_thread_join(kt_user, K_SECONDS(5)));
}

/*
 * More static objects granted than there are records (CONFIG_ZMEM_STATIC_KOBJ_RECORDS): the
 * grants past the limit are refused (logged), so the thread has no access to those objects; once
 * the thread ended, the records whose sets it left empty serve other objects.
 */
#define MANY (CONFIG_ZMEM_STATIC_KOBJ_RECORDS + 1)
static struct k_sem many[MANY];
static ZTEST_BMEM volatile int many_given;

static void give_all(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	ztest_set_fault_valid(true);
	for (int i = 0; i < MANY; i++) {
		k_sem_give(&many[i]);
		many_given = i + 1;
	}
	ztest_set_fault_valid(false);
}

ZTEST(kernel_kobject_static, test_records_run_out_and_are_reused)
{
	for (int i = 0; i < MANY; i++) {
		k_sem_init(&many[i], 0, 1);
	}
	many_given = 0;
	faults = 0;
	k_thread_create(&u_thread, u_stack, USTACK_SIZE, give_all, NULL, NULL, NULL,
			K_PRIO_PREEMPT(1), K_USER, K_FOREVER);
	for (int i = 0; i < MANY; i++) {
		k_object_access_grant(&many[i], &u_thread);
	}
	run_user();
	zassert_equal(faults, 1, "every grant was recorded: more records than configured");
	zassert_true(many_given < MANY);
	for (int i = 0; i < MANY; i++) {
		zassert_equal(k_sem_count_get(&many[i]), i < many_given ? 1 : 0);
	}

	/* The ended thread left its records empty: the refused object gets one now. */
	create_user(&many[many_given], OP_SEM_GIVE, false, 0);
	k_object_access_grant(&many[many_given], &u_thread);
	run_user();
	expect_allowed("a k_sem granted once records were free again");
}
