/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief malloc_trace: an LD_PRELOAD library that records a program's heap calls as a
 * heap_planner trace.
 *
 * Usage (details in README.md):
 *
 *     ZMEM_MALLOC_TRACE=out.%p.trace LD_PRELOAD=libmalloc_trace.so PROGRAM ARGS...
 *
 * Every successful malloc, calloc, realloc, reallocarray, free, aligned_alloc, posix_memalign,
 * memalign, valloc and pvalloc of the process becomes one line of tools/heap_planner's trace
 * format:
 *
 *     a ID BYTES          malloc, calloc (BYTES = nmemb * size), realloc(NULL, BYTES)
 *     m ID ALIGN BYTES    aligned_alloc, posix_memalign, memalign, valloc, pvalloc
 *     r ID BYTES          realloc of a live block to BYTES > 0 (moved or not: same ID)
 *     f ID                free of a live block, and realloc(p, 0), which frees p in glibc
 *
 * IDs name live blocks: the smallest free ones are not searched for, but freed IDs are reused
 * last-in first-out, so IDs stay below the peak number of live blocks (heap_planner indexes a
 * table by ID). Calls that fail (NULL, or an error from posix_memalign) are not recorded, as
 * they changed nothing; free(NULL) and frees of pointers the library never saw (allocated
 * before it was loaded) are not recorded either.
 *
 * Environment:
 *   ZMEM_MALLOC_TRACE       trace file; "%p" in it becomes the process ID, so that a program
 *                           that starts others (gcc starts cc1) gives one trace per process.
 *                           Unset: the library only passes the calls through.
 *   ZMEM_MALLOC_TRACE_ONLY  record only in processes of this name (program_invocation_short_name,
 *                           e.g. "cc1"); the others only pass calls through.
 *
 * Design, and why:
 *   - One mutex is held across the real call and its record, so that the order of the lines is
 *     an order in which the calls really happened: a block freed by one thread and handed out
 *     again to another is freed first in the trace too.
 *   - Nothing the library does itself goes through malloc: the pointer-to-ID table and the ID
 *     stack live in mmap()ed memory, lines are formatted by hand and written with write(2)
 *     from a static buffer. A thread-local depth counter passes any nested call (from inside
 *     the real allocator or from pthread_atfork) straight through, unrecorded.
 *   - dlsym() may itself call calloc/malloc before the real functions are known: those few
 *     bytes come from a static bootstrap buffer; free() ignores pointers into it and realloc()
 *     moves them out to real memory.
 *   - Nothing is written to the traced program's standard output; a trace file that cannot be
 *     opened is reported once on standard error and tracing is switched off.
 *   - The buffer is flushed when full and by a destructor at exit; later calls (the last
 *     destructors) are written directly. A process that ends in _exit() or on a signal loses
 *     the unflushed tail. A child made by fork() is not traced (it shares the parent's file);
 *     one that calls exec() loads the library again and is traced afresh.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* glibc declares these in <malloc.h>; declared here so the file needs no glibc-only header. */
void *memalign(size_t alignment, size_t size);
void *pvalloc(size_t size);

/* ---- the real allocator -------------------------------------------------------------- */

static void *(*real_malloc)(size_t);
static void (*real_free)(void *);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void *(*real_memalign)(size_t, size_t);
static int (*real_posix_memalign)(void **, size_t, size_t);
static void *(*real_aligned_alloc)(size_t, size_t);
static void *(*real_valloc)(size_t);
static void *(*real_pvalloc)(size_t);

/* Bootstrap memory for allocations dlsym() makes while the real functions are being found. */
#define BOOT_BYTES 16384u
static _Alignas(max_align_t) unsigned char boot_buf[BOOT_BYTES];
static size_t boot_used;
static volatile int resolving;

static void *boot_alloc(size_t bytes)
{
	size_t a = _Alignof(max_align_t);
	size_t start = (boot_used + a - 1u) & ~(a - 1u);

	if (bytes > BOOT_BYTES - start) {
		return NULL;
	}
	boot_used = start + bytes;
	return boot_buf + start; /* static storage: already zero, as calloc needs */
}

static bool in_boot(const void *p)
{
	uintptr_t a = (uintptr_t)p, b = (uintptr_t)boot_buf;

	return a >= b && a < b + BOOT_BYTES;
}

/* Nested calls (the allocator's own, or made while a call is being recorded) and calls in
 * processes that are not traced go straight to the real functions. */
static _Thread_local int hook_depth __attribute__((tls_model("initial-exec")));

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
/* Read outside the lock by every call (a relaxed atomic: a stale value only means one call
 * more or less is recorded when tracing stops); written under the lock or before threads. */
static atomic_bool enabled;

static bool is_enabled(void)
{
	return atomic_load_explicit(&enabled, memory_order_relaxed);
}

static void set_enabled(bool on)
{
	atomic_store_explicit(&enabled, on, memory_order_relaxed);
}
static char path_template[512];

static void lock_for_fork(void)
{
	pthread_mutex_lock(&lock);
}

static void unlock_after_fork(void)
{
	pthread_mutex_unlock(&lock);
}

static size_t out_len;
static int out_fd = -1;

static void child_after_fork(void)
{
	/* The child shares the parent's file: it must write nothing, not even the buffer it
	 * inherited. */
	set_enabled(false);
	out_len = 0;
	out_fd = -1;
	pthread_mutex_unlock(&lock);
}

#define RESOLVE(name) real_##name = (__typeof__(real_##name))dlsym(RTLD_NEXT, #name)

static void resolve(void)
{
	resolving = 1;
	RESOLVE(malloc);
	RESOLVE(free);
	RESOLVE(calloc);
	RESOLVE(realloc);
	RESOLVE(memalign);
	RESOLVE(posix_memalign);
	RESOLVE(aligned_alloc);
	RESOLVE(valloc);
	RESOLVE(pvalloc);
	resolving = 0;
	if (real_malloc == NULL || real_free == NULL || real_calloc == NULL ||
	    real_realloc == NULL) {
		static const char msg[] = "malloc_trace: the real allocator was not found\n";

		(void)!write(2, msg, sizeof(msg) - 1u);
		abort();
	}

	const char *path = getenv("ZMEM_MALLOC_TRACE");
	const char *only = getenv("ZMEM_MALLOC_TRACE_ONLY");

	if (path == NULL || path[0] == '\0' || strlen(path) >= sizeof(path_template) - 24u) {
		return;
	}
	if (only != NULL && only[0] != '\0' && strcmp(only, program_invocation_short_name) != 0) {
		return;
	}
	strcpy(path_template, path);
	hook_depth++; /* pthread_atfork may allocate */
	pthread_atfork(lock_for_fork, unlock_after_fork, child_after_fork);
	hook_depth--;
	set_enabled(true);
}

/* True when this call is to be recorded (the real functions are then known). */
static bool tracing(void)
{
	if (real_malloc == NULL) {
		resolve();
	}
	return is_enabled() && hook_depth == 0;
}

/* ---- output -------------------------------------------------------------------------- */

static char out_buf[65536];
static bool out_direct; /* after the destructor: write each line at once */

static void out_flush(void)
{
	size_t done = 0;

	while (done < out_len && out_fd >= 0) {
		ssize_t n = write(out_fd, out_buf + done, out_len - done);

		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			/* Disk full or the like: stop rather than write a gap. */
			set_enabled(false);
			break;
		}
		done += (size_t)n;
	}
	out_len = 0;
}

static char *put_u64(char *p, uint64_t v)
{
	char tmp[20];
	int n = 0;

	do {
		tmp[n++] = (char)('0' + v % 10u);
		v /= 10u;
	} while (v != 0u);
	while (n > 0) {
		*p++ = tmp[--n];
	}
	return p;
}

static bool out_open(void)
{
	char path[sizeof(path_template) + 24u];
	char *d = path;
	int saved = errno;

	for (const char *s = path_template; *s != '\0'; s++) {
		if (s[0] == '%' && s[1] == 'p') {
			d = put_u64(d, (uint64_t)getpid());
			s++;
		} else {
			*d++ = *s;
		}
	}
	*d = '\0';
	out_fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (out_fd < 0) {
		static const char msg[] =
		    "malloc_trace: cannot open the trace file (ZMEM_MALLOC_TRACE); "
		    "not tracing\n";

		(void)!write(2, msg, sizeof(msg) - 1u);
		set_enabled(false);
		errno = saved;
		return false;
	}
	/* A comment line naming the process; heap_planner skips it. */
	static const char head[] = "# zmem malloc_trace: pid ";
	memcpy(out_buf, head, sizeof(head) - 1u);
	d = put_u64(out_buf + sizeof(head) - 1u, (uint64_t)getpid());
	*d++ = ' ';
	size_t nl = strlen(program_invocation_short_name);
	if (nl > 200u) {
		nl = 200u;
	}
	memcpy(d, program_invocation_short_name, nl);
	d += nl;
	*d++ = '\n';
	out_len = (size_t)(d - out_buf);
	errno = saved;
	return true;
}

/* Appends one trace line; the caller holds the lock. */
static void emit(char kind, uint32_t id, size_t align, size_t bytes)
{
	char line[80];
	char *p = line;

	if (out_fd < 0 && !out_open()) {
		return;
	}
	*p++ = kind;
	*p++ = ' ';
	p = put_u64(p, id);
	if (kind == 'm') {
		*p++ = ' ';
		p = put_u64(p, align);
	}
	if (kind != 'f') {
		*p++ = ' ';
		p = put_u64(p, bytes);
	}
	*p++ = '\n';
	size_t n = (size_t)(p - line);
	if (out_len + n > sizeof(out_buf)) {
		out_flush();
	}
	memcpy(out_buf + out_len, line, n);
	out_len += n;
	if (out_direct) {
		out_flush();
	}
}

__attribute__((destructor)) static void malloc_trace_fini(void)
{
	pthread_mutex_lock(&lock);
	out_flush();
	out_direct = true;
	pthread_mutex_unlock(&lock);
}

/* ---- pointer -> ID table and free IDs (mmap()ed, never malloc()ed) --------------------- */

struct slot {
	uintptr_t key; /* 0: empty */
	uint32_t id;
};

static struct slot *table;
static size_t table_cap; /* power of two */
static size_t table_used;
static uint32_t *free_ids;
static size_t free_ids_len, free_ids_cap;
static uint32_t next_id;

static void *map_pages(size_t bytes)
{
	void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

static size_t slot_of(uintptr_t key, size_t cap)
{
	/* Blocks are at least 16-byte aligned: the low bits carry nothing. */
	return (size_t)(((uint64_t)(key >> 4) * 0x9E3779B97F4A7C15ull) >> 17) & (cap - 1u);
}

static bool table_grow(void)
{
	size_t cap = table_cap ? table_cap * 2u : 65536u;
	struct slot *t = map_pages(cap * sizeof(*t));

	if (t == NULL) {
		return false;
	}
	for (size_t i = 0; i < table_cap; i++) {
		if (table[i].key != 0u) {
			size_t j = slot_of(table[i].key, cap);

			while (t[j].key != 0u) {
				j = (j + 1u) & (cap - 1u);
			}
			t[j] = table[i];
		}
	}
	if (table != NULL) {
		munmap(table, table_cap * sizeof(*table));
	}
	table = t;
	table_cap = cap;
	return true;
}

/* Index of @p key's slot, or of the empty slot where it would go. */
static size_t table_find(uintptr_t key)
{
	size_t i = slot_of(key, table_cap);

	while (table[i].key != 0u && table[i].key != key) {
		i = (i + 1u) & (table_cap - 1u);
	}
	return i;
}

/* Removes @p key; returns its ID, or UINT32_MAX when it was not there. */
static uint32_t table_remove(uintptr_t key)
{
	if (table_cap == 0u || key == 0u) {
		return UINT32_MAX;
	}
	size_t i = table_find(key);
	if (table[i].key == 0u) {
		return UINT32_MAX;
	}
	uint32_t id = table[i].id;
	/* Backward-shift deletion keeps linear probing correct without tombstones. */
	size_t j = i;
	for (;;) {
		j = (j + 1u) & (table_cap - 1u);
		if (table[j].key == 0u) {
			break;
		}
		size_t home = slot_of(table[j].key, table_cap);
		/* Move j back to i unless its home lies cyclically in (i, j]. */
		if ((j > i && (home <= i || home > j)) || (j < i && (home <= i && home > j))) {
			table[i] = table[j];
			i = j;
		}
	}
	table[i].key = 0u;
	table_used--;
	return id;
}

static void id_release(uint32_t id)
{
	if (free_ids_len == free_ids_cap) {
		size_t cap = free_ids_cap ? free_ids_cap * 2u : 16384u;
		uint32_t *n = map_pages(cap * sizeof(*n));

		if (n == NULL) {
			return; /* the ID is not reused: the trace stays right, IDs grow */
		}
		if (free_ids != NULL) {
			memcpy(n, free_ids, free_ids_len * sizeof(*n));
			munmap(free_ids, free_ids_cap * sizeof(*n));
		}
		free_ids = n;
		free_ids_cap = cap;
	}
	free_ids[free_ids_len++] = id;
}

/* Records a new block @p p: 'a' (align 0) or 'm'. The caller holds the lock. */
static void record_new(void *p, size_t align, size_t bytes)
{
	uintptr_t key = (uintptr_t)p;
	uint32_t stale = table_remove(key);

	if (stale != UINT32_MAX) {
		/* The block was freed behind the library's back: say so before reusing it. */
		emit('f', stale, 0, 0);
		id_release(stale);
	}
	if ((table_used + 1u) * 2u > table_cap && !table_grow()) {
		/* Out of memory for the table: stop, rather than lie. */
		set_enabled(false);
		return;
	}
	uint32_t id = free_ids_len != 0u ? free_ids[--free_ids_len] : next_id++;
	size_t i = table_find(key);
	table[i].key = key;
	table[i].id = id;
	table_used++;
	emit(align != 0u ? 'm' : 'a', id, align, bytes);
}

/* Records the free of @p p when it is known. The caller holds the lock. */
static void record_free(void *p)
{
	uint32_t id = table_remove((uintptr_t)p);

	if (id != UINT32_MAX) {
		emit('f', id, 0, 0);
		id_release(id);
	}
}

/* Records realloc(@p old, @p bytes) == @p p, bytes > 0. The caller holds the lock. */
static void record_resize(void *old, void *p, size_t bytes)
{
	uint32_t id = table_remove((uintptr_t)old);

	if (id == UINT32_MAX) {
		record_new(p, 0, bytes); /* an unknown block: from here on it is a new one */
		return;
	}
	size_t i = table_find((uintptr_t)p);
	if (table[i].key != 0u) {
		emit('f', table[i].id, 0, 0); /* stale entry, as in record_new() */
		id_release(table[i].id);
		table_remove((uintptr_t)p);
		i = table_find((uintptr_t)p);
	}
	table[i].key = (uintptr_t)p;
	table[i].id = id;
	table_used++;
	emit('r', id, 0, bytes);
}

/* ---- the interposed calls ------------------------------------------------------------ */

#define TRACED_BEGIN()                                                                             \
	hook_depth++;                                                                              \
	pthread_mutex_lock(&lock)
#define TRACED_END()                                                                               \
	pthread_mutex_unlock(&lock);                                                               \
	hook_depth--

/** @brief malloc(3), recorded as "a ID BYTES". */
void *malloc(size_t bytes)
{
	if (real_malloc == NULL && resolving) {
		return boot_alloc(bytes);
	}
	if (!tracing()) {
		return real_malloc(bytes);
	}
	TRACED_BEGIN();
	void *p = real_malloc(bytes);
	if (p != NULL && is_enabled()) {
		record_new(p, 0, bytes);
	}
	TRACED_END();
	return p;
}

/** @brief calloc(3), recorded as "a ID NMEMB*SIZE" (an overflowing product fails unrecorded). */
void *calloc(size_t nmemb, size_t size)
{
	if (real_calloc == NULL && resolving) {
		size_t bytes;

		return __builtin_mul_overflow(nmemb, size, &bytes) ? NULL : boot_alloc(bytes);
	}
	if (!tracing()) {
		return real_calloc(nmemb, size);
	}
	TRACED_BEGIN();
	void *p = real_calloc(nmemb, size);
	if (p != NULL && is_enabled()) {
		record_new(p, 0, nmemb * size);
	}
	TRACED_END();
	return p;
}

/** @brief free(3), recorded as "f ID" for a block the library saw allocated. */
void free(void *p)
{
	if (p == NULL || in_boot(p)) {
		return; /* bootstrap memory is never given back */
	}
	if (!tracing()) {
		real_free(p);
		return;
	}
	TRACED_BEGIN();
	real_free(p);
	if (is_enabled()) {
		record_free(p);
	}
	TRACED_END();
}

/**
 * @brief realloc(3) with glibc's semantics: realloc(NULL, n) is malloc(n) ("a ID n");
 * realloc(p, 0) frees p and returns NULL ("f ID"); otherwise "r ID n", the ID following the
 * block if it moves. A failed realloc leaves p alone and is not recorded.
 */
void *realloc(void *old, size_t bytes)
{
	if (real_realloc == NULL && resolving) {
		return old == NULL ? boot_alloc(bytes) : NULL;
	}
	if (in_boot(old)) {
		/* Out of the bootstrap buffer into real memory, a new block as far as the trace
		 * goes; the old size is not kept, so copy what can be read of the buffer. */
		void *p = malloc(bytes);
		size_t left = BOOT_BYTES - (size_t)((unsigned char *)old - boot_buf);

		if (p != NULL) {
			memcpy(p, old, bytes < left ? bytes : left);
		}
		return p;
	}
	if (!tracing()) {
		return real_realloc(old, bytes);
	}
	TRACED_BEGIN();
	void *p = real_realloc(old, bytes);
	if (is_enabled()) {
		if (old == NULL) {
			if (p != NULL) {
				record_new(p, 0, bytes);
			}
		} else if (bytes == 0u) {
			/* glibc frees and returns NULL; a libc that returns a block instead has
			 * still given up the old one. */
			record_free(old);
			if (p != NULL) {
				record_new(p, 0, 0);
			}
		} else if (p != NULL) {
			record_resize(old, p, bytes);
		}
	}
	TRACED_END();
	return p;
}

/** @brief reallocarray(3): realloc(p, nmemb * size), failing with ENOMEM on overflow. */
void *reallocarray(void *old, size_t nmemb, size_t size)
{
	size_t bytes;

	if (__builtin_mul_overflow(nmemb, size, &bytes)) {
		errno = ENOMEM;
		return NULL;
	}
	return realloc(old, bytes);
}

/* The aligned calls share one shape: call, then record "m ID ALIGN BYTES". */
static void *aligned_common(void *(*fn)(size_t, size_t), size_t align, size_t bytes,
			    size_t rec_align, size_t rec_bytes)
{
	if (!tracing()) {
		return fn(align, bytes);
	}
	TRACED_BEGIN();
	void *p = fn(align, bytes);
	if (p != NULL && is_enabled()) {
		record_new(p, rec_align, rec_bytes);
	}
	TRACED_END();
	return p;
}

static void *valloc_shim(size_t align, size_t bytes)
{
	(void)align;
	return real_valloc(bytes);
}

static void *pvalloc_shim(size_t align, size_t bytes)
{
	(void)align;
	return real_pvalloc(bytes);
}

static void *aligned_alloc_shim(size_t align, size_t bytes)
{
	return real_aligned_alloc(align, bytes);
}

static void *memalign_shim(size_t align, size_t bytes)
{
	return real_memalign(align, bytes);
}

/** @brief aligned_alloc(3), recorded as "m ID ALIGN BYTES". */
void *aligned_alloc(size_t align, size_t bytes)
{
	if (real_malloc == NULL && resolving) {
		return NULL;
	}
	return aligned_common(aligned_alloc_shim, align, bytes, align, bytes);
}

/** @brief memalign(3), recorded as "m ID ALIGN BYTES". */
void *memalign(size_t align, size_t bytes)
{
	if (real_malloc == NULL && resolving) {
		return NULL;
	}
	return aligned_common(memalign_shim, align, bytes, align, bytes);
}

/** @brief valloc(3), recorded as "m ID PAGESIZE BYTES". */
void *valloc(size_t bytes)
{
	if (real_malloc == NULL && resolving) {
		return NULL;
	}
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	return aligned_common(valloc_shim, page, bytes, page, bytes);
}

/** @brief pvalloc(3), recorded as "m ID PAGESIZE BYTES" with BYTES rounded up to pages. */
void *pvalloc(size_t bytes)
{
	if (real_malloc == NULL && resolving) {
		return NULL;
	}
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t rounded = (bytes + page - 1u) & ~(page - 1u);
	return aligned_common(pvalloc_shim, page, bytes, page, rounded != 0u ? rounded : page);
}

/** @brief posix_memalign(3), recorded as "m ID ALIGN BYTES" when it returns 0. */
int posix_memalign(void **out, size_t align, size_t bytes)
{
	if (real_malloc == NULL && resolving) {
		return ENOMEM;
	}
	if (!tracing()) {
		return real_posix_memalign(out, align, bytes);
	}
	TRACED_BEGIN();
	int rc = real_posix_memalign(out, align, bytes);
	if (rc == 0 && is_enabled()) {
		record_new(*out, align, bytes);
	}
	TRACED_END();
	return rc;
}
