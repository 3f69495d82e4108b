/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * One host thread per k_thread, exactly one running at a time: every host thread waits on its
 * own semaphore; the running one picks the next (kernel/sched.c), posts its semaphore and waits
 * on its own. The wait happens on the runtime stack, so the application stack of a thread that
 * is switched out is never touched by the host while another thread runs (its pages may be
 * protected meanwhile).
 *
 * glibc keeps the TCB and TLS at the top of a pthread's stack and needs far more than an MCU
 * stack, so the application's stack object is not given to pthreads: the entry runs on it via
 * makecontext/swapcontext.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "host_thread.h"
#include "kernel_internal.h"
#include "thread_usage.h"
#include "valgrind_requests.h"
#include "zmem_host_malloc.h"

/* Runtime stack of every k_thread's host thread: glibc, stdio and the fault path run here. */
#define Z_HOST_RUNTIME_STACK_SIZE (256 * 1024)

__thread struct z_host_thread *z_host_self;

/* Set once the boot context handed the CPU to the first thread. */
static bool kernel_started;

void z_host_check_caller(void)
{
	z_host_usage_kernel_call();
	if (kernel_started && z_host_self == NULL) {
		/* A host thread the runtime does not know (e.g. made with pthread_create) would
		 * run concurrently with the running k_thread and corrupt the scheduler. */
		z_host_raw_write("zmem: a kernel call was made from a host thread that is not a "
				 "k_thread (pthread_create?); only k_threads may call the kernel\n");
		_exit(ZMEM_EXIT_FATAL);
	}
}

static void sem_wait_uninterrupted(sem_t *s)
{
	while (sem_wait(s) != 0) {
		if (errno != EINTR) {
			z_host_raw_write("zmem: sem_wait failed\n");
			abort();
		}
	}
}

/*
 * End the host thread: jump back to the top of host_thread_main, which returns. Not
 * pthread_exit(): its unwinding would run cleanup handlers registered by frames that a fault
 * abandoned (stdio registers some), whose stack memory has since been reused.
 */
static FUNC_NORETURN void host_thread_end(struct z_host_thread *h)
{
	longjmp(h->exit_jmp, 1);
}

/* First code on the application stack. */
static void app_entry(void)
{
	struct z_host_thread *h = z_host_self;

	Z_ASAN_FINISH_SWITCH(NULL);
	z_thread_entry(h->thread);
}

/* The life of a host thread; leaves only through host_thread_end(). */
static FUNC_NORETURN __attribute__((noinline)) void host_thread_run(struct z_host_thread *h)
{
	struct k_thread *t;

	h->altstack = z_host_altstack_install();
	{
		pthread_attr_t attr;

		if (pthread_getattr_np(pthread_self(), &attr) == 0) {
			(void)pthread_attr_getstack(&attr, &h->rt_stack_bottom, &h->rt_stack_size);
			pthread_attr_destroy(&attr);
		}
	}
	sem_wait_uninterrupted(&h->run);
	if (h->reaped) {
		host_thread_end(h);
	}
	t = h->thread;
	z_host_usage_switched_in(t);
	z_host_thread_switched_in(t);

	if (getcontext(&h->app_ctx) != 0) {
		z_host_raw_write("zmem: getcontext failed\n");
		abort();
	}
	h->app_ctx.uc_stack.ss_sp = (void *)t->stack_info.start;
	h->app_ctx.uc_stack.ss_size = t->stack_info.size - t->stack_info.delta;
	h->app_ctx.uc_link = NULL;
	makecontext(&h->app_ctx, app_entry, 0);
	h->vg_stacks[0] = Z_VG_STACK_REGISTER((uintptr_t)h->rt_stack_bottom,
					      (uintptr_t)h->rt_stack_bottom + h->rt_stack_size);
	h->vg_stacks[1] = Z_VG_STACK_REGISTER(t->stack_info.start,
					      t->stack_info.start + t->stack_info.size);
	h->vg_stacks_on = true;

	h->rt_free_top = (uintptr_t)__builtin_frame_address(0) - 512U;
	for (;;) {
		h->on_app = true;
		h->rt_ctx_valid = true;
		Z_ASAN_START_SWITCH(&h->asan_fake_rt, (const void *)t->stack_info.start,
				    t->stack_info.size);
		swapcontext(&h->rt_ctx, &h->app_ctx);
		Z_ASAN_FINISH_SWITCH(h->asan_fake_rt);
		/* The application context asked for h->req_fn to run here. */
		h->req_fn(h->req_arg);
	}
}

static void *host_thread_main(void *arg)
{
	z_host_self = arg;
	if (setjmp(z_host_self->exit_jmp) == 0) {
		host_thread_run(z_host_self);
	}
	/* From host_thread_end(): only the host record is ours now. */
	struct z_host_thread *h = z_host_self;

	z_host_self = NULL;
	if (h->vg_stacks_on) {
		Z_VG_STACK_DEREGISTER(h->vg_stacks[0]);
		Z_VG_STACK_DEREGISTER(h->vg_stacks[1]);
	}
	z_host_altstack_free(h->altstack);
	sem_destroy(&h->run);
	z_host_free(h);
	return NULL;
}

void z_host_run_on_runtime_stack(void (*fn)(void *), void *arg)
{
	struct z_host_thread *h = z_host_self;

	if (h == NULL || !h->on_app) {
		fn(arg);
		return;
	}
	h->req_fn = fn;
	h->req_arg = arg;
	h->on_app = false;
	Z_ASAN_START_SWITCH(&h->asan_fake_app, h->rt_stack_bottom, h->rt_stack_size);
	swapcontext(&h->app_ctx, &h->rt_ctx);
	Z_ASAN_FINISH_SWITCH(h->asan_fake_app);
}

void z_host_stack_prepare(struct k_thread *t)
{
#ifdef Z_HOST_ASAN
	/* Stack objects are reused; frames a previous thread abandoned (fault, abort) leave
	 * AddressSanitizer's redzone poison behind on them. */
	__asan_unpoison_memory_region((void *)t->stack_info.start, t->stack_info.size);
#else
	(void)t;
#endif
}

struct spawn_job {
	struct k_thread *t;
	int ret;
};

static void spawn_on_runtime_stack(void *arg);

int z_host_thread_spawn(struct k_thread *t)
{
	/* pthread_create is deep C library code: keep it off the creator's small stack. */
	struct spawn_job job = {t, 0};

	z_host_run_on_runtime_stack(spawn_on_runtime_stack, &job);
	return job.ret;
}

static int spawn(struct k_thread *t)
{
	struct z_host_thread *h = z_host_calloc(1, sizeof(*h));
	pthread_attr_t attr;
	int ret;

	if (h == NULL) {
		return -ENOMEM;
	}
	h->thread = t;
	sem_init(&h->run, 0, 0);
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, Z_HOST_RUNTIME_STACK_SIZE);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	ret = pthread_create(&h->pthread, &attr, host_thread_main, h);
	pthread_attr_destroy(&attr);
	if (ret != 0) {
		sem_destroy(&h->run);
		z_host_free(h);
		return -ret;
	}
	t->host = h;
	return 0;
}

static void spawn_on_runtime_stack(void *arg)
{
	struct spawn_job *job = arg;

	job->ret = spawn(job->t);
}

void z_host_switch(struct k_thread *old, struct k_thread *next)
{
	struct z_host_thread *h = old != NULL ? old->host : NULL;

	kernel_started = true;
	z_host_usage_switch_out();
	sem_post(&next->host->run);
	if (h == NULL) {
		/* The boot context is never resumed: it waits for the process to end. */
		for (;;) {
			pause();
		}
	}
	sem_wait_uninterrupted(&h->run);
	if (h->reaped) {
		host_thread_end(h);
	}
	z_host_usage_switched_in(old);
}

FUNC_NORETURN void z_host_exit_switch(struct k_thread *next)
{
	struct z_host_thread *h = z_host_self;

	if (h != NULL && h->thread != NULL) {
		h->thread->host = NULL;
		h->thread = NULL;
	}
	z_host_usage_switch_out();
	/* After this post the next thread runs: nothing shared may be touched any more. */
	sem_post(&next->host->run);
	if (h == NULL) {
		for (;;) {
			pause();
		}
	}
	host_thread_end(h);
}

void z_host_thread_reap(struct k_thread *t)
{
	struct z_host_thread *h = t->host;

	if (h == NULL) {
		return;
	}
	t->host = NULL;
	h->thread = NULL;
	h->reaped = true;
	sem_post(&h->run);
}
