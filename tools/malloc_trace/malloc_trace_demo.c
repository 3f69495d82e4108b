/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief A program with a known sequence of heap calls, for the test of malloc_trace.
 *
 *     malloc_trace_demo            the sequence of expected.trace, once, single-threaded
 *     malloc_trace_demo threads    then 4 threads x 2000 malloc(4321)/free pairs
 *
 * It writes nothing to standard output (stdio would allocate a buffer and add a line to the
 * trace); main() returns 1 when a call did not behave as glibc documents.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void *memalign(size_t alignment, size_t size);

/* Keeps the compiler from folding malloc/free pairs away. */
static void *volatile sink;

#define THREAD_PAIRS 2000

static void *thread_main(void *arg)
{
	(void)arg;
	for (int i = 0; i < THREAD_PAIRS; i++) {
		void *p = malloc(4321);

		if (p == NULL) {
			return (void *)1;
		}
		memset(p, i, 8);
		sink = p;
		free(p);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	int bad = 0;
	char *a = malloc(100);       /* a 0 100 */
	char *b = calloc(10, 30);    /* a 1 300 */
	char *c = realloc(NULL, 50); /* a 2 50 */
	void *d = NULL;

	bad |= a == NULL || b == NULL || c == NULL;
	bad |= posix_memalign(&d, 64, 200) != 0; /* m 3 64 200 */
	char *e = aligned_alloc(256, 512);       /* m 4 256 512 */
	char *f = memalign(32, 40);              /* m 5 32 40 */
	bad |= e == NULL || f == NULL || ((uintptr_t)d & 63u) != 0 || ((uintptr_t)e & 255u) != 0;
	memset(a, 'x', 100);
	a = realloc(a, 5000); /* r 0 5000 (moves: the ID follows) */
	bad |= a == NULL || a[99] != 'x';
	free(b);          /* f 1 */
	free(NULL);       /* nothing */
	b = malloc(0);    /* a 1 0 (ID 1 reused) */
	bad |= b == NULL; /* glibc: a unique pointer */
	errno = 0;
	bad |= realloc(c, 0) != NULL; /* f 2 (glibc frees, returns NULL) */
	c = reallocarray(NULL, 7, 9); /* a 2 63 */
	bad |= c == NULL;
	/* Through volatiles: the compiler must neither see the overflow nor take c as freed. */
	char *volatile kept = c;
	volatile size_t huge = SIZE_MAX / 2;
	bad |= reallocarray(c, huge, 3) != NULL || errno != ENOMEM; /* fails: nothing */
	c = reallocarray(kept, 8, 9);                               /* r 2 72 */
	bad |= c == NULL;
	/* Over PTRDIFF_MAX, which glibc always refuses (a 32-bit process may get 2 GiB). */
	bad |= malloc(huge + 1) != NULL; /* fails: nothing */
	free(f);                     /* f 5 */
	free(e);                     /* f 4 */
	free(d);                     /* f 3 */
	free(c);                     /* f 2 */
	free(b);                     /* f 1 */
	free(a);                     /* f 0 */

	if (argc > 1 && strcmp(argv[1], "threads") == 0) {
		pthread_t t[4];

		for (int i = 0; i < 4; i++) {
			bad |= pthread_create(&t[i], NULL, thread_main, NULL) != 0;
		}
		for (int i = 0; i < 4; i++) {
			void *rc = NULL;

			bad |= pthread_join(t[i], &rc) != 0 || rc != NULL;
		}
	}
	return bad;
}
