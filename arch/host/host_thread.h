/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* The host thread behind a k_thread (private to arch/host). */
#ifndef ZMEM_ARCH_HOST_HOST_THREAD_H_
#define ZMEM_ARCH_HOST_HOST_THREAD_H_

#include <pthread.h>
#include <setjmp.h>
#include <semaphore.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
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
	jmp_buf exit_jmp;           /* Top of host_thread_main, to end the host thread. */
	bool on_app;                /* Executing on the application stack. */
	bool rt_ctx_valid;          /* The request loop runs: a fault can restart below it. */
	uintptr_t rt_free_top;      /* Runtime stack below the request loop's frame: free to
				     * reuse once a fault abandons the request. */
	ucontext_t fault_ctx;       /* Fresh context that runs the fatal path. */
	bool reaped;                /* The k_thread was aborted: end without touching it. */
	void (*req_fn)(void *);     /* Request run on the runtime stack. */
	void *req_arg;              /* Its argument. */
	struct k_thread *thread;    /* The k_thread (NULL once reaped). */
	void *altstack;             /* Signal stack for faults. */
	void *rt_stack_bottom;      /* Bounds of the runtime stack (for AddressSanitizer). */
	size_t rt_stack_size;
	void *asan_fake_rt;         /* AddressSanitizer fake stacks of each context. */
	void *asan_fake_app;
	bool vg_stacks_on;          /* The two stacks below are registered with valgrind. */
	unsigned int vg_stacks[2];  /* valgrind's ids of the runtime and application stacks. */
};

/*
 * AddressSanitizer must be told about stack switches, or it reports false positives on the
 * other stack. Without ASan these compile to nothing.
 */
#if defined(__SANITIZE_ADDRESS__)
#define Z_HOST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define Z_HOST_ASAN 1
#endif
#endif
#ifdef Z_HOST_ASAN
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#define Z_ASAN_START_SWITCH(fake, bottom, size) __sanitizer_start_switch_fiber(fake, bottom, size)
#define Z_ASAN_FINISH_SWITCH(fake)              __sanitizer_finish_switch_fiber(fake, NULL, NULL)
#else
#define Z_ASAN_START_SWITCH(fake, bottom, size) ((void)(fake), (void)(bottom), (void)(size))
#define Z_ASAN_FINISH_SWITCH(fake)              ((void)(fake))
#endif

/* The host thread record of the calling host thread, NULL outside k_threads. */
extern __thread struct z_host_thread *z_host_self;

/* True while the fault handler runs on this host thread's signal stack. */
extern __thread bool z_host_in_fault_handler;

/* Install the fault signal stack of the calling host thread. */
void *z_host_altstack_install(void);
/* Free a signal stack given by z_host_altstack_install. */
void z_host_altstack_free(void *altstack);

#endif /* ZMEM_ARCH_HOST_HOST_THREAD_H_ */
