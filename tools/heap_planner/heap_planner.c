/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief heap_planner: choose and size allocators from an allocation trace.
 *
 * It replays a recorded trace (format in trace.h) on zmem's own sys_heap, so its answers are
 * exact for zmem rather than estimates:
 *   replay  how a heap of a given size serves the trace (failures, utilization, fragmentation)
 *   stats   what the trace asks of any allocator: operations, peak live bytes and blocks
 *   size    the smallest heap that serves the trace with no failure
 *   slabs   which request sizes deserve a k_mem_slab, and what is left for a heap
 *   map     a picture of the heap over time (text, and SVG on request) showing fragmentation
 *   w1      print the W1 benchmark workload as a trace, to try the others on
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trace.h"

#define MAP_COLUMNS 64u

static void usage(FILE *out)
{
	fprintf(out,
		"usage: heap_planner replay (--heap BYTES | --peak-factor F) [--failures N] TRACE\n"
		"       heap_planner stats TRACE\n"
		"       heap_planner size TRACE\n"
		"       heap_planner slabs [--min-share PERCENT] TRACE\n"
		"       heap_planner map --heap BYTES [--rows N] [--svg FILE] TRACE\n"
		"       heap_planner w1 [--ops N] [--slots N]\n"
		"TRACE is a file of lines 'a ID BYTES', 'm ID ALIGN BYTES', 'r ID BYTES', 'f ID'\n"
		"('-' reads standard input). replay and map exit 1 when an allocation failed.\n"
		"--peak-factor F: a heap of F times the trace's peak live bytes (stats).\n"
		"--failures N: also list the first N failed requests, with the heap's state.\n");
}

static int load(const char *path, struct trace *t)
{
	FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");

	if (in == NULL) {
		perror(path);
		return -1;
	}
	int rc = trace_parse(in, path, t);
	if (in != stdin) {
		fclose(in);
	}
	return rc;
}

static bool parse_count(const char *s, size_t *out)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 0);

	if (end == s || *end != '\0' || s[0] == '-' || v > SIZE_MAX) {
		fprintf(stderr, "not a count: '%s'\n", s);
		return false;
	}
	*out = (size_t)v;
	return true;
}

/* sys_heap_init() reports a buffer it cannot use through the error hook; the planner needs
 * to know, to tell "too small to hold anything" from "too large for this build". */
static bool init_refused;

static void planner_error_hook(struct sys_heap *h, void *mem, enum sys_heap_error err)
{
	(void)h;
	(void)mem;
	if (err == SYS_HEAP_ERR_BAD_INIT) {
		init_refused = true;
	}
}

static int replay_checked(const struct trace *t, size_t bytes, struct replay_result *r,
			  replay_snapshot_cb snap, size_t every, void *user)
{
	init_refused = false;
	if (trace_replay(t, bytes, r, snap, every, user) != 0) {
		fprintf(stderr, "out of memory replaying on %zu bytes\n", bytes);
		return -1;
	}
	if (init_refused) {
		fprintf(stderr, "sys_heap_init refused a %zu-byte heap (see CONFIG_SYS_HEAP_* limits)\n",
			bytes);
		return -1;
	}
	if (!r->valid) {
		fprintf(stderr, "heap failed validation after the replay: please report\n");
		return -1;
	}
	return 0;
}

static void print_result(size_t bytes, const struct replay_result *r)
{
	printf("heap bytes          %zu\n", bytes);
	printf("failed allocations  %zu\n", r->failures);
	printf("peak live bytes     %zu (%.1f%% of the heap)\n", r->peak_live_bytes,
	       100.0 * (double)r->peak_live_bytes / (double)bytes);
	if (r->failures != 0) {
		printf("util. at failure    %.3f (mean live bytes / heap size when one failed)\n",
		       r->util_at_failure);
		printf("worst fragmentation %u%% (of free space not in the largest block)\n",
		       r->worst_frag_pct);
	}
}

/* Lists failed requests, up to a limit. */
struct failure_list {
	size_t limit;
	size_t shown;
};

static void print_failure(const struct replay_failure *f, void *user)
{
	struct failure_list *l = user;

	if (l->shown == 0u) {
		printf("failed    operation  request                      live bytes   free bytes  "
		       "largest free\n");
	}
	if (l->shown++ >= l->limit) {
		return;
	}
	char req[64];
	if (f->op->kind == 'm') {
		snprintf(req, sizeof(req), "m %zu bytes align %zu", f->op->bytes, f->op->align);
	} else {
		snprintf(req, sizeof(req), "%c %zu bytes", f->op->kind, f->op->bytes);
	}
	printf("failed  %11zu  %-27s %11zu  %11zu  %12zu\n", f->op_index + 1u, req, f->live_bytes,
	       f->free_bytes, f->largest_free);
}

static int cmd_replay(const struct trace *t, size_t bytes, size_t list_failures)
{
	struct replay_result r;
	struct failure_list l = {.limit = list_failures};

	init_refused = false;
	if (trace_replay_failures(t, bytes, &r, NULL, 0, NULL,
				  list_failures != 0u ? print_failure : NULL, &l) != 0) {
		fprintf(stderr, "out of memory replaying on %zu bytes\n", bytes);
		return 2;
	}
	if (init_refused) {
		fprintf(stderr, "sys_heap_init refused a %zu-byte heap (see CONFIG_SYS_HEAP_* limits)\n",
			bytes);
		return 2;
	}
	if (l.shown > l.limit) {
		printf("(%zu more failed requests)\n", l.shown - l.limit);
	}
	print_result(bytes, &r);
	if (!r.valid) {
		fprintf(stderr, "heap failed validation after the replay: please report\n");
		return 2;
	}
	return r.failures != 0;
}

static int cmd_stats(const struct trace *t)
{
	struct trace_stats s;

	if (trace_stats_get(t, &s) != 0) {
		fprintf(stderr, "out of memory\n");
		return 2;
	}
	printf("operations          %zu\n", t->count);
	printf("allocations         %zu\n", s.allocs);
	printf("reallocations       %zu\n", s.reallocs);
	printf("frees               %zu\n", s.frees);
	printf("largest request     %zu\n", s.largest_request);
	printf("peak live bytes     %zu (every request served)\n", s.peak_live_bytes);
	printf("peak live blocks    %zu\n", s.peak_live_blocks);
	return 0;
}

/* Heap bytes for --peak-factor: F times the trace's peak live bytes, rounded up to 8. */
static size_t heap_of_peak(const struct trace *t, double factor)
{
	struct trace_stats s;

	if (trace_stats_get(t, &s) != 0 || s.peak_live_bytes == 0u) {
		return 0;
	}
	double want = factor * (double)s.peak_live_bytes;
	if (!(want > 0.0) || want > (double)(SIZE_MAX / 2u)) {
		return 0;
	}
	return ((size_t)want + 7u) & ~(size_t)7u;
}

/* Smallest heap (in 8-byte steps) that serves @p t, or 0 when none up to the build's limit. */
static size_t smallest_heap(const struct trace *t, size_t *peak_live)
{
	struct replay_result r;
	size_t lo, hi;

	if (replay_checked(t, 1u << 12, &r, NULL, 0, NULL) != 0) {
		return 0;
	}
	if (r.failures == 0) {
		hi = 1u << 12;
	} else {
		/* Grow until it fits; a heap refused by init ends the search. */
		for (hi = ((r.peak_live_bytes + 7u) & ~(size_t)7u) + 256u;; hi *= 2u) {
			if (replay_checked(t, hi, &r, NULL, 0, NULL) != 0) {
				return 0;
			}
			if (r.failures == 0) {
				break;
			}
		}
	}
	/* Failures are not strictly monotonic in heap size, so the answer is re-verified. */
	lo = 64;
	while (hi - lo > 8u) {
		size_t mid = (lo + (hi - lo) / 2u) & ~(size_t)7u;

		if (replay_checked(t, mid, &r, NULL, 0, NULL) != 0) {
			lo = mid;
			continue;
		}
		if (r.failures == 0) {
			hi = mid;
		} else {
			lo = mid;
		}
	}
	/* Report the peak of the replay that succeeded, not of the probing ones. */
	if (replay_checked(t, hi, &r, NULL, 0, NULL) != 0 || r.failures != 0) {
		return 0;
	}
	*peak_live = r.peak_live_bytes;
	return hi;
}

static int cmd_size(const struct trace *t)
{
	size_t peak = 0;
	size_t bytes = smallest_heap(t, &peak);

	if (bytes == 0) {
		fprintf(stderr, "no heap this build supports serves the trace\n");
		return 2;
	}
	printf("smallest heap       %zu bytes (K_HEAP_DEFINE(app_heap, %zu);)\n", bytes, bytes);
	printf("peak live bytes     %zu\n", peak);
	printf("overhead            %.1f%% above the peak live bytes (headers, rounding, "
	       "fragmentation)\n",
	       peak ? 100.0 * ((double)bytes - (double)peak) / (double)peak : 0.0);
	return 0;
}

/* Per request size: how many allocations, and how many live at once at most. */
struct size_class_use {
	size_t bytes;
	size_t allocs;
	size_t live;
	size_t peak_live;
};

static int by_allocs(const void *a, const void *b)
{
	const struct size_class_use *x = a, *y = b;

	return (x->allocs < y->allocs) - (x->allocs > y->allocs);
}

static struct size_class_use *find_use(struct size_class_use *u, size_t n, size_t bytes)
{
	for (size_t i = 0; i < n; i++) {
		if (u[i].bytes == bytes) {
			return &u[i];
		}
	}
	return NULL;
}

static int cmd_slabs(const struct trace *t, size_t min_share)
{
	/* Slab blocks must be word multiples; group requests by that rounding. */
	size_t n = 0, cap = 64, total_allocs = 0;
	struct size_class_use *use = calloc(cap, sizeof(*use));
	size_t *id_bytes = calloc((size_t)t->max_id + 1u, sizeof(*id_bytes));
	struct trace rest = {0};
	int rc = 2;

	if (use == NULL || id_bytes == NULL) {
		goto out;
	}
	for (size_t i = 0; i < t->count; i++) {
		const struct trace_op *op = &t->ops[i];
		size_t old = id_bytes[op->id];
		struct size_class_use *u;

		if (old != 0 && (u = find_use(use, n, old)) != NULL) {
			u->live--;
		}
		id_bytes[op->id] = 0;
		if (op->kind == 'f' || op->bytes == 0) {
			continue;
		}
		size_t b = (op->bytes + 3u) & ~(size_t)3u;
		u = find_use(use, n, b);
		if (u == NULL) {
			if (n == cap) {
				struct size_class_use *g = realloc(use, 2u * cap * sizeof(*use));

				if (g == NULL) {
					goto out;
				}
				use = g;
				cap *= 2u;
			}
			u = &use[n++];
			memset(u, 0, sizeof(*u));
			u->bytes = b;
		}
		u->allocs++;
		total_allocs++;
		if (++u->live > u->peak_live) {
			u->peak_live = u->live;
		}
		id_bytes[op->id] = b;
	}
	qsort(use, n, sizeof(*use), by_allocs);

	/* Sizes with at least min_share percent of all allocations get a slab. */
	size_t slab_bytes = 0, chosen = 0;
	printf("size   allocations  peak live  suggestion\n");
	for (size_t i = 0; i < n && i < 16u; i++) {
		bool slab = use[i].allocs * 100u >= min_share * total_allocs;

		printf("%5zu  %11zu  %9zu  %s", use[i].bytes, use[i].allocs, use[i].peak_live,
		       slab ? "" : "heap\n");
		if (slab) {
			printf("K_MEM_SLAB_DEFINE(slab_%zu, %zu, %zu, 4);\n", use[i].bytes,
			       use[i].bytes, use[i].peak_live);
			slab_bytes += use[i].bytes * use[i].peak_live;
			use[i].allocs = 0; /* marks the size as served by a slab below */
			chosen++;
		}
	}
	if (n > 16u) {
		printf("(%zu more sizes, each below the listed counts)\n", n - 16u);
	}

	/* What stays on the heap: the trace without the slab-served sizes. */
	rest.ops = malloc(t->count * sizeof(*rest.ops));
	if (rest.ops == NULL && t->count != 0) {
		goto out;
	}
	rest.max_id = t->max_id;
	memset(id_bytes, 0, ((size_t)t->max_id + 1u) * sizeof(*id_bytes));
	for (size_t i = 0; i < t->count; i++) {
		const struct trace_op *op = &t->ops[i];
		size_t b = (op->bytes + 3u) & ~(size_t)3u;
		struct size_class_use *u = op->kind == 'f' ? NULL : find_use(use, n, b);
		bool on_slab = u != NULL && u->allocs == 0 && op->kind != 'r';

		if (op->kind == 'f' ? id_bytes[op->id] == 1u : on_slab) {
			id_bytes[op->id] = op->kind == 'f' ? 0u : 1u;
			continue; /* served by a slab */
		}
		id_bytes[op->id] = 0;
		rest.ops[rest.count++] = *op;
	}
	size_t peak = 0, heap_only = 0, rest_heap = 0;
	heap_only = smallest_heap(t, &peak);
	rest_heap = rest.count ? smallest_heap(&rest, &peak) : 0;
	if (heap_only == 0 || (rest.count && rest_heap == 0)) {
		fprintf(stderr, "no heap this build supports serves the trace\n");
		goto out;
	}
	printf("\nheap only:           %zu bytes\n", heap_only);
	printf("%zu slab(s) + heap:   %zu + %zu = %zu bytes (%s)\n", chosen, slab_bytes,
	       rest_heap, slab_bytes + rest_heap,
	       slab_bytes + rest_heap <= heap_only ? "smaller, and O(1) for the slab sizes"
						    : "larger: slabs buy determinism here, "
						      "not memory");
	if (rest_heap != 0) {
		printf("K_HEAP_DEFINE(app_heap, %zu);\n", rest_heap);
	}
	rc = 0;
out:
	if (rc != 0 && (use == NULL || id_bytes == NULL)) {
		fprintf(stderr, "out of memory\n");
	}
	free(rest.ops);
	free(use);
	free(id_bytes);
	return rc;
}

/* ---- map ---- */

struct map_state {
	uintptr_t base;   /* address of the heap's first block */
	size_t bytes;     /* span the columns cover */
	size_t cells[MAP_COLUMNS];
	FILE *svg;
	unsigned int row;
	uintptr_t run_start; /* SVG: current run of used blocks */
	uintptr_t run_end;
};

static bool find_base(void *mem, size_t bytes, bool used, void *user)
{
	(void)bytes;
	(void)used;
	*(uintptr_t *)user = (uintptr_t)mem;
	return false;
}

static void svg_flush_run(struct map_state *m)
{
	if (m->run_end > m->run_start) {
		fprintf(m->svg, "<rect x=\"%.2f\" y=\"%u\" width=\"%.2f\" height=\"9\"/>\n",
			800.0 * (double)(m->run_start - m->base) / (double)m->bytes,
			20u + 10u * m->row,
			800.0 * (double)(m->run_end - m->run_start) / (double)m->bytes);
	}
	m->run_start = m->run_end = 0;
}

static bool map_block(void *mem, size_t bytes, bool used, void *user)
{
	struct map_state *m = user;
	uintptr_t a = (uintptr_t)mem;

	if (!used) {
		if (m->svg != NULL) {
			svg_flush_run(m);
		}
		return true;
	}
	/* Used bytes fall into the text cells they overlap. */
	for (uintptr_t p = a; p < a + bytes;) {
		size_t cell = (size_t)((p - m->base) * MAP_COLUMNS / m->bytes);
		uintptr_t cell_end =
			m->base + ((cell + 1u) * m->bytes + MAP_COLUMNS - 1u) / MAP_COLUMNS;
		uintptr_t end = a + bytes < cell_end ? a + bytes : cell_end;

		if (cell >= MAP_COLUMNS) {
			break;
		}
		m->cells[cell] += end - p;
		p = end;
	}
	if (m->svg != NULL) {
		/* Neighbouring used blocks are apart by their headers only: one run, so that the
		 * light gaps in the picture are free memory and nothing else. */
		if (a - m->run_end > 2u * sizeof(uint64_t)) {
			svg_flush_run(m);
			m->run_start = a;
		}
		m->run_end = a + bytes;
	}
	return true;
}

static void map_snapshot(struct sys_heap *heap, size_t op_index, void *user)
{
	struct map_state *m = user;
	struct sys_heap_fragmentation f;
	char line[MAP_COLUMNS + 1];

	if (m->base == 0) {
		/* Columns span from the first block to the end of the caller's buffer. */
		sys_heap_walk(heap, find_base, &m->base);
		m->bytes = (size_t)((uintptr_t)heap->init_mem + heap->init_bytes - m->base);
	}
	memset(m->cells, 0, sizeof(m->cells));
	sys_heap_walk(heap, map_block, m);
	if (m->svg != NULL) {
		svg_flush_run(m);
	}
	for (size_t i = 0; i < MAP_COLUMNS; i++) {
		size_t cell = m->bytes / MAP_COLUMNS;
		size_t pct = cell ? 100u * m->cells[i] / cell : 0;

		line[i] = pct >= 90u ? '#' : pct >= 50u ? '+' : pct > 0u ? '-' : '.';
	}
	line[MAP_COLUMNS] = '\0';
	sys_heap_fragmentation_get(heap, &f);
	printf("%9zu |%s| free %7zu largest %7zu frag %3u%%\n", op_index, line, f.free_bytes,
	       f.largest_free_block, f.fragmentation_pct);
	if (m->svg != NULL) {
		fprintf(m->svg,
			"<text x=\"806\" y=\"%u\" font-size=\"8\" font-family=\"sans-serif\">"
			"free %zu, largest %zu (%u%%)</text>\n",
			27u + 10u * m->row, f.free_bytes, f.largest_free_block,
			f.fragmentation_pct);
	}
	m->row++;
}

static int cmd_map(const struct trace *t, size_t bytes, size_t rows, const char *svg_path)
{
	struct map_state m = {0};
	struct replay_result r;
	size_t every = rows != 0 && t->count >= rows ? t->count / rows : 1u;

	if (svg_path != NULL && (m.svg = fopen(svg_path, "w")) == NULL) {
		perror(svg_path);
		return 2;
	}
	if (m.svg != NULL) {
		size_t height = 10u * (t->count / every);

		fprintf(m.svg,
			"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"960\" height=\"%zu\">\n"
			"<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
			"<text x=\"0\" y=\"12\" font-size=\"11\" font-family=\"sans-serif\">"
			"sys_heap of %zu bytes, one row per %zu operations: dark = allocated, "
			"light = free; right: free bytes, largest free block, fragmentation</text>\n"
			"<rect x=\"0\" y=\"20\" width=\"800\" height=\"%zu\" fill=\"#dde4f0\"/>\n"
			"<g fill=\"#1f3a68\">\n",
			30u + height, bytes, every, height);
	}
	printf("operation |%-*s|\n", (int)MAP_COLUMNS,
	       "heap, low addresses left (# >=90% used, + >=50%, - some, . free)");
	int rc = replay_checked(t, bytes, &r, map_snapshot, every, &m) != 0 ? 2 : 0;
	if (m.svg != NULL) {
		fprintf(m.svg, "</g>\n</svg>\n");
		fclose(m.svg);
	}
	if (rc == 0) {
		printf("\n");
		print_result(bytes, &r);
		rc = r.failures != 0;
	}
	return rc;
}

/* W1 from bench/: xorshift64 over 4096 slots, sizes 70% small, 25% medium, 5% large. The
 * trace assumes every allocation succeeds, so under a heap too small for it, the replay skips
 * frees of blocks that failed rather than retrying them as W1 does. */
static int w1_print(size_t ops, size_t slots)
{
	uint64_t x = 88172645463325252ull;
	unsigned char *live = calloc(slots ? slots : 1u, 1);

	if (live == NULL || slots == 0) {
		free(live);
		return 2;
	}
#define W1_RND() (x ^= x << 13, x ^= x >> 7, x ^= x << 17, x)
	printf("# W1 workload: %zu operations over %zu slots\n", ops, slots);
	for (size_t i = 0; i < ops; i++) {
		size_t s = (size_t)(W1_RND() % slots);

		if (live[s]) {
			printf("f %zu\n", s);
			live[s] = 0;
			continue;
		}
		uint64_t r = W1_RND() % 100u;
		size_t bytes = r < 70u   ? 16u + (size_t)(W1_RND() % 113u)
			       : r < 95u ? 128u + (size_t)(W1_RND() % 897u)
					 : 1024u + (size_t)(W1_RND() % 3073u);
		printf("a %zu %zu\n", s, bytes);
		live[s] = 1;
	}
#undef W1_RND
	free(live);
	return 0;
}

/* A numeric command-line option and where its value goes. */
struct count_option {
	const char *name;
	size_t *value;
};

static size_t *count_option(const char *arg, const struct count_option *opts)
{
	for (; opts->name != NULL; opts++) {
		if (strcmp(arg, opts->name) == 0) {
			return opts->value;
		}
	}
	return NULL;
}

int main(int argc, char **argv)
{
	size_t heap = 0, rows = 24, min_share = 10, ops = 200000, slots = 4096, failures = 0;
	double peak_factor = 0.0;
	const char *svg = NULL, *path = NULL;
	const struct count_option counts[] = {
		{"--heap", &heap},   {"--rows", &rows},   {"--min-share", &min_share},
		{"--ops", &ops},     {"--slots", &slots}, {"--failures", &failures},
		{NULL, NULL},
	};
	size_t *count;

	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *cmd = argv[1];
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		bool has_value = i + 1 < argc;

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return 0;
		} else if (has_value && (count = count_option(a, counts)) != NULL) {
			if (!parse_count(argv[++i], count)) {
				return 2;
			}
		} else if (strcmp(a, "--peak-factor") == 0 && has_value) {
			char *end;

			peak_factor = strtod(argv[++i], &end);
			if (*end != '\0' || !(peak_factor > 0.0)) {
				fprintf(stderr, "not a factor: '%s'\n", argv[i]);
				return 2;
			}
		} else if (strcmp(a, "--svg") == 0 && has_value) {
			svg = argv[++i];
		} else if (path == NULL && (a[0] != '-' || a[1] == '\0')) {
			path = a;
		} else {
			fprintf(stderr, "unexpected argument '%s'\n", a);
			usage(stderr);
			return 2;
		}
	}
	sys_heap_error_hook_set(planner_error_hook);
	if (strcmp(cmd, "w1") == 0) {
		return w1_print(ops, slots);
	}
	if (path == NULL) {
		usage(stderr);
		return 2;
	}
	struct trace t;
	if (load(path, &t) != 0) {
		return 2;
	}
	int rc;
	if (peak_factor > 0.0 && heap == 0 && (heap = heap_of_peak(&t, peak_factor)) == 0) {
		fprintf(stderr, "--peak-factor: the trace has no live bytes to scale\n");
		trace_free(&t);
		return 2;
	}
	if (strcmp(cmd, "replay") == 0 && heap != 0) {
		rc = cmd_replay(&t, heap, failures);
	} else if (strcmp(cmd, "stats") == 0) {
		rc = cmd_stats(&t);
	} else if (strcmp(cmd, "size") == 0) {
		rc = cmd_size(&t);
	} else if (strcmp(cmd, "slabs") == 0) {
		rc = cmd_slabs(&t, min_share);
	} else if (strcmp(cmd, "map") == 0 && heap != 0) {
		rc = cmd_map(&t, heap, rows, svg);
	} else {
		usage(stderr);
		rc = 2;
	}
	trace_free(&t);
	return rc;
}
