/*
 * A QEMU TCG plugin that counts the guest instructions executed inside a set of address ranges:
 * callgrind's inclusive count of the allocator's entry points, on a target callgrind cannot run
 * (Cortex-M3 under qemu-system-arm). bench/target_instr/run.sh gives it the ranges of every
 * function the benchmark's allocator wrappers can reach.
 *
 *   qemu-system-arm ... -plugin insn_count.so,ranges=FILE,out=FILE
 *
 * FILE of ranges: one "START END NAME" per line, START and END hexadecimal, END exclusive.
 * At exit "insns N" goes to the out file: every instruction of every translation block that
 * starts inside a range, once per execution; then "function NAME N" for each range executed. A block never spans two functions here (calls
 * and returns end a block), so a block starting in a range lies wholly in its function.
 *
 * QEMU installs no header for plugins on Debian; the few declarations below are the plugin
 * ABI's, unchanged since its first version (QEMU 4.2): the callback form of block execution
 * is used because the inline form changed in version 2 of the API. The plugin asks for API
 * version 1, which QEMU 7.2 (Debian 12) and later accept.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PLUGIN_EXPORT __attribute__((visibility("default")))

typedef uint64_t qemu_plugin_id_t;
struct qemu_info_t;
struct qemu_plugin_tb;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS };
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index, void *userdata);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_tb_exec_cb(struct qemu_plugin_tb *tb, qemu_plugin_vcpu_udata_cb_t cb,
					  enum qemu_plugin_cb_flags flags, void *userdata);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb,
				    void *userdata);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);

PLUGIN_EXPORT int qemu_plugin_version = 1;

struct range {
	uint64_t start, end;
	uint64_t insns;  /* executed in blocks starting in this range */
	char name[64];
};

/* What an executed block adds, and where: one per translated block in a range. */
struct block {
	struct range *range;
	uint64_t n_insns;
};

static struct range *ranges;
static size_t n_ranges;
/* One vCPU (mps2 boards are single core), so plain counters are exact. */
static uint64_t blocks_in, blocks_out;
static const char *out_path;

static struct range *find_range(uint64_t pc)
{
	/* Sorted by start: binary search for the last range starting at or below pc. */
	size_t lo = 0, hi = n_ranges;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ranges[mid].start <= pc) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo > 0 && pc < ranges[lo - 1].end ? &ranges[lo - 1] : NULL;
}

static void on_exec(unsigned int vcpu_index, void *userdata)
{
	const struct block *b = userdata;

	(void)vcpu_index;
	b->range->insns += b->n_insns;
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	struct range *r = find_range(qemu_plugin_tb_vaddr(tb));
	struct block *b;

	(void)id;
	if (r == NULL) {
		blocks_out++;
		return;
	}
	/* Kept for the run: QEMU may translate a block again, which adds another. */
	b = malloc(sizeof(*b));
	if (b == NULL) {
		fprintf(stderr, "insn_count: out of memory\n");
		abort();
	}
	*b = (struct block){ r, qemu_plugin_tb_n_insns(tb) };
	blocks_in++;
	qemu_plugin_register_vcpu_tb_exec_cb(tb, on_exec, QEMU_PLUGIN_CB_NO_REGS, b);
}

static void on_exit(qemu_plugin_id_t id, void *userdata)
{
	(void)id;
	(void)userdata;
	FILE *f = out_path != NULL ? fopen(out_path, "w") : stderr;
	uint64_t insns = 0;

	if (f == NULL) {
		perror(out_path);
		return;
	}
	for (size_t i = 0; i < n_ranges; i++) {
		insns += ranges[i].insns;
	}
	fprintf(f, "insns %llu\nblocks_translated_in %llu\nblocks_translated_out %llu\n",
		(unsigned long long)insns, (unsigned long long)blocks_in,
		(unsigned long long)blocks_out);
	for (size_t i = 0; i < n_ranges; i++) {
		if (ranges[i].insns != 0) {
			fprintf(f, "function %s %llu\n", ranges[i].name,
				(unsigned long long)ranges[i].insns);
		}
	}
	if (f != stderr) {
		fclose(f);
	}
}

static int by_start(const void *a, const void *b)
{
	const struct range *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

static int load_ranges(const char *path)
{
	FILE *f = fopen(path, "r");
	size_t cap = 0;
	unsigned long long start, end;
	char name[64];

	if (f == NULL) {
		perror(path);
		return -1;
	}
	while (fscanf(f, "%llx %llx %63s", &start, &end, name) == 3) {
		if (end <= start) {
			fprintf(stderr, "insn_count: empty range for %s\n", name);
			fclose(f);
			return -1;
		}
		if (n_ranges == cap) {
			cap = cap ? cap * 2 : 64;
			struct range *grown = realloc(ranges, cap * sizeof(*ranges));

			if (grown == NULL) {
				fclose(f);
				return -1;
			}
			ranges = grown;
		}
		ranges[n_ranges] = (struct range){ start, end, 0, "" };
		memcpy(ranges[n_ranges++].name, name, sizeof(name));
	}
	fclose(f);
	if (n_ranges == 0) {
		fprintf(stderr, "insn_count: no ranges in %s\n", path);
		return -1;
	}
	qsort(ranges, n_ranges, sizeof(*ranges), by_start);
	return 0;
}

PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const struct qemu_info_t *info,
				      int argc, char **argv)
{
	const char *ranges_path = NULL;

	(void)info;
	for (int i = 0; i < argc; i++) {
		if (strncmp(argv[i], "ranges=", 7) == 0) {
			ranges_path = argv[i] + 7;
		} else if (strncmp(argv[i], "out=", 4) == 0) {
			out_path = argv[i] + 4;
		} else {
			fprintf(stderr, "insn_count: unknown argument %s\n", argv[i]);
			return -1;
		}
	}
	if (ranges_path == NULL || load_ranges(ranges_path) != 0) {
		fprintf(stderr, "insn_count: needs ranges=FILE\n");
		return -1;
	}
	qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
	qemu_plugin_register_atexit_cb(id, on_exit, NULL);
	return 0;
}
