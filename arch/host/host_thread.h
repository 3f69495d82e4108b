/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* The host thread behind a k_thread (private to arch/host). */
#ifndef ZMEM_ARCH_HOST_HOST_THREAD_H_
#define ZMEM_ARCH_HOST_HOST_THREAD_H_

#include <pthread.h>
#include <semaphore.h>
#include <stdbool.h>
#include <ucontext.h>

struct k_thread;

/*
 * Each k_thread has one host thread whose own pthread stack is the "runtime stack"; the
 * application code runs on the k_thread's stack object through a ucontext. The two contexts
 * ping-pong: the runtime context runs requests (switching, formatting, faults) for the
 * application context.
 */
struct z_host_thread {
	pthread_t pthread;          /* The host thread. */
	sem_t run;                  /* Posted when this thread is to run (the handoff). */
	ucontext_t rt_ctx;          /* Runtime stack context (inside host_thread_main). */
	ucontext_t app_ctx;         /* Application stack context. */
	bool on_app;                /* Executing on the application stack. */
	bool reaped;                /* The k_thread was aborted: end without touching it. */
	void (*req_fn)(void *);     /* Request run on the runtime stack. */
	void *req_arg;              /* Its argument. */
	struct k_thread *thread;    /* The k_thread (NULL once reaped). */
	void *altstack;             /* Signal stack for faults. */
};

/* The host thread record of the calling host thread, NULL outside k_threads. */
extern __thread struct z_host_thread *z_host_self;

/* Install the fault signal stack of the calling host thread. */
void *z_host_altstack_install(void);
/* Free a signal stack given by z_host_altstack_install. */
void z_host_altstack_free(void *altstack);

#endif /* ZMEM_ARCH_HOST_HOST_THREAD_H_ */
