/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Page protection on the host: guard pages under every thread stack, and the memory a
 * user thread may see, applied with mprotect() each time a thread is switched in.
 *
 * Only one thread runs at a time, so the process's page permissions can be those of the
 * running thread. The protected regions are the usable areas of live thread stacks and the
 * partitions of every initialized domain. When a user thread runs, its own stack is
 * read/write, its domain's partitions have their user attributes and every other region is
 * PROT_NONE; when a supervisor thread runs, every region has its original protection. Each
 * region remembers the protection it has now, so a switch costs one mprotect() per region whose
 * protection changes (none between two supervisor threads).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "kernel_internal.h"
#include "mem_protect.h"
#include "valgrind_requests.h"

LOG_MODULE_REGISTER(mem_protect, CONFIG_LOG_DEFAULT_LEVEL);

#ifndef CONFIG_ZMEM_MAX_PROTECTED_REGIONS
#define CONFIG_ZMEM_MAX_PROTECTED_REGIONS 256
#endif

#define PROT_UNKNOWN (-1)

struct prot_region {
	uintptr_t start;
	size_t size;
	enum z_prot_kind kind;
	const struct k_thread *owner; /* stacks: the thread; partitions: NULL */
	uintptr_t guard;              /* stacks: guard page address, 0 if none */
	k_mem_partition_attr_t attr;  /* partitions: attributes of the first domain seen */
	int orig_prot;                /* protection outside user threads' view */
	int cur_prot;                 /* protection it has now, PROT_UNKNOWN if not known */
	bool overlaps;                /* shares pages with another region: never cached */
	bool seen;                    /* scratch for rebuilds */
	bool retired;                 /* partitions: removed from every domain, still closed */
};

/* Sorted by start address (mark_overlaps() sorts after every change). */
static struct prot_region regions[CONFIG_ZMEM_MAX_PROTECTED_REGIONS];
static size_t num_regions;
static bool any_overlap;
/* The thread whose view the pages show now (NULL: the supervisor view). */
static const struct k_thread *applied_for;

static uintptr_t page_down(uintptr_t a)
{
	return a & ~(uintptr_t)(Z_PROT_PAGE - 1U);
}

static uintptr_t page_up(uintptr_t a)
{
	return (a + Z_PROT_PAGE - 1U) & ~(uintptr_t)(Z_PROT_PAGE - 1U);
}

static bool ranges_overlap(uintptr_t a, size_t as, uintptr_t b, size_t bs)
{
	return a < b + bs && b < a + as;
}

struct mapping_query {
	uintptr_t addr;
	int prot;
};

/* stdio's scanning needs kilobytes of stack: this runs on the runtime's stack. */
static void mapping_prot_on_runtime_stack(void *arg)
{
	struct mapping_query *q = arg;
	uintptr_t addr = q->addr;
	int prot = PROT_READ | PROT_WRITE;
	FILE *maps = fopen("/proc/self/maps", "r");

	q->prot = prot;
	if (maps == NULL) {
		return;
	}
	char line[512];

	while (fgets(line, sizeof(line), maps) != NULL) {
		unsigned long lo;
		unsigned long hi;
		char perms[8];

		if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) != 3) {
			continue;
		}
		if (addr >= lo && addr < hi) {
			prot = (perms[0] == 'r' ? PROT_READ : 0) | (perms[1] == 'w' ? PROT_WRITE : 0) |
			       (perms[2] == 'x' ? PROT_EXEC : 0);
			break;
		}
	}
	fclose(maps);
	q->prot = prot;
}

/* Protection of the mapping holding @p addr, from /proc/self/maps (read/write if unknown). */
static int mapping_prot(uintptr_t addr)
{
	struct mapping_query q = {.addr = addr};

	z_host_run_on_runtime_stack(mapping_prot_on_runtime_stack, &q);
	return q.prot;
}

static void set_prot(struct prot_region *r, int prot)
{
	if (!r->overlaps && r->cur_prot == prot) {
		return;
	}
	if (mprotect((void *)r->start, r->size, prot) != 0) {
		LOG_ERR("mprotect(%p, %zu, %d) failed: %s", (void *)r->start, r->size, prot,
			strerror(errno));
		r->cur_prot = PROT_UNKNOWN;
		return;
	}
	r->cur_prot = prot;
}

static void mark_overlaps(void)
{
	/* Insertion sort: the table is small and nearly sorted already. */
	for (size_t i = 1; i < num_regions; i++) {
		struct prot_region r = regions[i];
		size_t j = i;

		while (j > 0 && regions[j - 1].start > r.start) {
			regions[j] = regions[j - 1];
			j--;
		}
		regions[j] = r;
	}
	any_overlap = false;
	for (size_t i = 0; i < num_regions; i++) {
		regions[i].overlaps = false;
	}
	for (size_t i = 0; i < num_regions; i++) {
		for (size_t j = i + 1; j < num_regions; j++) {
			if (ranges_overlap(regions[i].start, regions[i].size, regions[j].start,
					   regions[j].size)) {
				regions[i].overlaps = true;
				regions[j].overlaps = true;
				any_overlap = true;
			}
		}
	}
}

static void remove_region(size_t i)
{
	set_prot(&regions[i], regions[i].orig_prot);
	regions[i] = regions[--num_regions];
}

static int user_prot(k_mem_partition_attr_t attr)
{
	return ((attr & Z_MEM_ATTR_U_R) ? PROT_READ : 0) | ((attr & Z_MEM_ATTR_U_W) ? PROT_WRITE : 0) |
	       ((attr & Z_MEM_ATTR_U_X) ? PROT_EXEC : 0);
}

static int wanted_prot(const struct prot_region *r, const struct k_thread *t)
{
	if (!z_prot_is_user(t)) {
		return r->orig_prot;
	}
	if (r->kind == Z_PROT_STACK) {
		return r->owner == t ? (PROT_READ | PROT_WRITE) : PROT_NONE;
	}
	k_mem_partition_attr_t attr;

	if (t->mem_domain_info.mem_domain != NULL &&
	    z_mem_domain_has(t->mem_domain_info.mem_domain, r->start, r->size, &attr)) {
		return user_prot(attr);
	}
	return PROT_NONE;
}

/*
 * Without overlaps, regions are disjoint and sorted: neighbours that touch and want the same
 * protection are changed with one mprotect() (a domain's partitions laid out together, or
 * all the stacks of a stack array, cost one call), and nothing is done for a run whose
 * regions all have what they want already.
 */
static void apply_disjoint(const struct k_thread *t)
{
	size_t i = 0;

	while (i < num_regions) {
		int want = wanted_prot(&regions[i], t);
		uintptr_t end = regions[i].start + regions[i].size;
		bool change = regions[i].cur_prot != want;
		size_t j = i + 1;

		while (j < num_regions && regions[j].start == end &&
		       wanted_prot(&regions[j], t) == want) {
			change = change || regions[j].cur_prot != want;
			end += regions[j].size;
			j++;
		}
		if (change) {
			int ok = mprotect((void *)regions[i].start, end - regions[i].start, want) == 0;

			if (!ok) {
				LOG_ERR("mprotect(%p, %zu, %d) failed: %s", (void *)regions[i].start,
					(size_t)(end - regions[i].start), want, strerror(errno));
			}
			for (size_t k = i; k < j; k++) {
				regions[k].cur_prot = ok ? want : PROT_UNKNOWN;
			}
		}
		i = j;
	}
}

void z_prot_apply(const struct k_thread *t)
{
	if (!any_overlap) {
		apply_disjoint(t);
		applied_for = z_prot_is_user(t) ? t : NULL;
		return;
	}
	/*
	 * Closing first and opening afterwards makes pages shared by two regions end up open
	 * when either grants them; the running thread's own stack is opened last of all.
	 */
	for (size_t i = 0; i < num_regions; i++) {
		if (wanted_prot(&regions[i], t) == PROT_NONE) {
			set_prot(&regions[i], PROT_NONE);
		}
	}
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < num_regions; i++) {
			struct prot_region *r = &regions[i];
			int want = wanted_prot(r, t);

			if (want != PROT_NONE && (r->kind == Z_PROT_STACK) == (pass == 1)) {
				set_prot(r, want);
			}
		}
	}
	applied_for = z_prot_is_user(t) ? t : NULL;
}

const struct k_thread *z_prot_kernel_enter(void)
{
	const struct k_thread *lifted = applied_for;

	if (lifted != NULL) {
		z_prot_apply(NULL);
	}
	return lifted;
}

/* Touch every page of [@p buf, @p buf + @p len) with the view in place: a page the running
 * thread may not read (or write) faults here, in the caller. */
static void probe_pages(const void *buf, size_t len, bool write)
{
	uintptr_t a = (uintptr_t)buf;
	uintptr_t end = a + len;

	while (a < end) {
		volatile uint8_t *b = (volatile uint8_t *)a;
		uint8_t v = *b;

		if (write) {
			*b = v; /* one thread runs at a time: the byte is written back unchanged */
		}
		a = page_down(a) + Z_PROT_PAGE;
	}
}

const struct k_thread *z_prot_kernel_enter_checked(const void *buf, size_t len, bool write)
{
	if (applied_for == NULL) {
		return NULL;
	}
	probe_pages(buf, len, write);
	return z_prot_kernel_enter();
}

void z_prot_kernel_exit(const struct k_thread *lifted)
{
	if (lifted != NULL) {
		z_prot_apply(lifted);
	}
}

static void reapply_current(void)
{
	z_prot_apply(k_current_get());
}

int z_prot_domains_changed(void)
{
	int ret = 0;

	for (size_t i = 0; i < num_regions; i++) {
		regions[i].seen = regions[i].kind == Z_PROT_STACK;
	}
	for (struct k_mem_domain *d = z_mem_domain_first(); d != NULL; d = d->z_next) {
		for (size_t p = 0; p < CONFIG_MAX_DOMAIN_PARTITIONS; p++) {
			const struct k_mem_partition *part = &d->partitions[p];
			bool found = false;

			if (part->size == 0U) {
				continue;
			}
			for (size_t i = 0; i < num_regions; i++) {
				if (regions[i].kind == Z_PROT_PARTITION &&
				    regions[i].start == part->start && regions[i].size == part->size) {
					regions[i].seen = true;
					regions[i].retired = false;
					found = true;
					break;
				}
			}
			if (found) {
				continue;
			}
			if (num_regions == ARRAY_SIZE(regions)) {
				/* Room first from a partition no domain holds any more. */
				for (size_t i = 0; i < num_regions; i++) {
					if (regions[i].retired) {
						remove_region(i);
						break;
					}
				}
			}
			if (num_regions == ARRAY_SIZE(regions)) {
				LOG_ERR("too many protected regions (CONFIG_ZMEM_MAX_PROTECTED_REGIONS=%d)",
					CONFIG_ZMEM_MAX_PROTECTED_REGIONS);
				ret = -ENOMEM;
				continue;
			}
			int orig = mapping_prot(part->start);

			regions[num_regions++] = (struct prot_region){
				.start = part->start,
				.size = part->size,
				.kind = Z_PROT_PARTITION,
				.attr = part->attr,
				.orig_prot = orig,
				.cur_prot = orig,
				.seen = true,
			};
		}
	}
	/*
	 * A partition removed from its last domain stays closed to user threads, as on Zephyr,
	 * where a user thread reaches only its own domain's partitions: it was protected memory,
	 * and removing it from a domain takes access away rather than opening it to every thread.
	 * It is dropped when it overlaps a partition of some domain (which now rules those pages)
	 * or when the table needs its slot.
	 */
	for (size_t i = num_regions; i-- > 0;) {
		struct prot_region *r = &regions[i];
		bool clash = false;

		if (r->seen) {
			continue;
		}
		for (size_t j = 0; j < num_regions && r->kind == Z_PROT_PARTITION; j++) {
			if (regions[j].seen &&
			    ranges_overlap(r->start, r->size, regions[j].start, regions[j].size)) {
				clash = true;
			}
		}
		if (r->kind == Z_PROT_PARTITION && !clash) {
			r->retired = true;
			continue;
		}
		remove_region(i);
	}
	mark_overlaps();
	reapply_current();
	return ret;
}

void z_prot_lookup(uintptr_t addr, struct z_prot_lookup *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < num_regions; i++) {
		const struct prot_region *r = &regions[i];

		if (r->kind == Z_PROT_STACK && r->guard != 0U && addr >= r->guard &&
		    addr < r->guard + Z_PROT_PAGE) {
			out->in_guard = true;
			out->kind = Z_PROT_STACK;
			out->owner = r->owner;
			out->start = r->guard;
			out->size = Z_PROT_PAGE;
			out->prot = PROT_NONE;
			return;
		}
	}
	for (size_t i = 0; i < num_regions; i++) {
		const struct prot_region *r = &regions[i];

		if (addr >= r->start && addr - r->start < r->size) {
			out->in_region = true;
			out->kind = r->kind;
			out->owner = r->owner;
			out->start = r->start;
			out->size = r->size;
			out->attr = r->attr;
			out->prot = r->cur_prot;
			/* A partition the thread was denied is the more telling answer. */
			if (r->cur_prot != PROT_NONE || r->kind == Z_PROT_PARTITION) {
				return;
			}
		}
	}
}

bool z_prot_stack_in_use(uintptr_t start, size_t size)
{
	for (size_t i = 0; i < num_regions; i++) {
		if (regions[i].kind == Z_PROT_STACK &&
		    ranges_overlap(regions[i].start, regions[i].size, start, size)) {
			return true;
		}
	}
	return false;
}

/* ---- hooks the runtime calls ---- */

void z_host_thread_created(struct k_thread *t)
{
	struct k_thread *creator = k_current_get();

	/* As Zephyr's system-call check: user threads may only create user threads. */
	if (z_prot_is_user(creator) && creator != t && !z_prot_is_user(t)) {
		LOG_ERR("thread %p (%s) in user mode may not create supervisor thread %p",
			(void *)creator, creator->name, (void *)t);
		z_except_reason(K_ERR_KERNEL_OOPS);
		return;
	}

	/* New threads inherit the creator's domain; boot threads start in the default one. */
	if (t->mem_domain_info.mem_domain == NULL) {
		t->mem_domain_info.mem_domain =
			(creator != NULL && creator != t && creator->mem_domain_info.mem_domain != NULL)
				? creator->mem_domain_info.mem_domain
				: &k_mem_domain_default;
	}
	uintptr_t start = page_down(t->stack_info.start);
	uintptr_t end = page_up(t->stack_info.start + t->stack_info.size + t->stack_info.delta);

	size_t slack = z_stack_slack_size(t);

	Z_PROT_UNPOISON((void *)(t->stack_info.start - slack), slack + t->stack_info.size);
	Z_VG_DEFINED((void *)(t->stack_info.start - slack), slack + t->stack_info.size);
	/* The slack is painted whatever CONFIG_INIT_STACKS says: it is checked at every switch. */
	memset((void *)(t->stack_info.start - slack), Z_STACK_PAINT, slack);
	if (Z_PROT_INIT_STACKS) {
		memset((void *)t->stack_info.start, Z_STACK_PAINT, t->stack_info.size);
	}
	if (Z_PROT_SENTINEL) {
		*(volatile uint32_t *)t->stack_info.start = Z_STACK_SENTINEL;
	}
	for (size_t i = 0; i < num_regions; i++) {
		if (regions[i].kind == Z_PROT_STACK && regions[i].owner == t) {
			remove_region(i);
			break;
		}
	}
	if (t->stack_plain) {
		/* A plain buffer shares its pages with whatever lies beside it: no guard page, no
		 * view of its own; it stays as accessible as the memory around it. */
		mark_overlaps();
		return;
	}
	if (num_regions == ARRAY_SIZE(regions)) {
		LOG_ERR("thread %p: too many protected regions, its stack is not protected",
			(void *)t);
		return;
	}
	uintptr_t guard = 0;
	uintptr_t obj = (uintptr_t)t->stack_obj;

	/* Only a real stack object has a page of its own below the usable area. */
	if (Z_PROT_GUARD_PAGES && obj != 0U && obj % Z_PROT_PAGE == 0U &&
	    obj + K_THREAD_STACK_RESERVED == start) {
		guard = obj;
		if (mprotect((void *)guard, Z_PROT_PAGE, PROT_NONE) != 0) {
			LOG_ERR("thread %p: guard page %p not protected: %s", (void *)t,
				(void *)guard, strerror(errno));
			guard = 0;
		}
	}
	regions[num_regions++] = (struct prot_region){
		.start = start,
		.size = end - start,
		.kind = Z_PROT_STACK,
		.owner = t,
		.guard = guard,
		.orig_prot = PROT_READ | PROT_WRITE,
		.cur_prot = PROT_READ | PROT_WRITE,
	};
	mark_overlaps();
	/* A user creator must not see its child's stack; a supervisor view is unchanged. */
	if (applied_for != NULL) {
		reapply_current();
	}
}

void z_host_thread_exited(struct k_thread *t)
{
	for (size_t i = 0; i < num_regions; i++) {
		if (regions[i].kind == Z_PROT_STACK && regions[i].owner == t) {
			uintptr_t guard = regions[i].guard;

			/* Static stacks live in .bss: give the memory back as it was. */
			remove_region(i);
			Z_PROT_UNPOISON((void *)(t->stack_info.start - z_stack_slack_size(t)),
					z_stack_slack_size(t) + t->stack_info.size);
			if (guard != 0U) {
				(void)mprotect((void *)guard, Z_PROT_PAGE, PROT_READ | PROT_WRITE);
			}
			break;
		}
	}
	if (t->stack_plain) {
		Z_PROT_UNPOISON((void *)t->stack_info.start, t->stack_info.size);
	}
	mark_overlaps();
	if (applied_for == t) {
		/* The pages still show the dead thread's view: back to the kernel's. */
		z_prot_apply(NULL);
	}
}

size_t z_stack_slack_size(const struct k_thread *t)
{
	return t->stack_plain ? 0U : Z_THREAD_STACK_SLACK(t->stack_info.size);
}

Z_PROT_NO_ASAN size_t z_stack_slack_used(const struct k_thread *t)
{
	size_t slack = z_stack_slack_size(t);
	const uint8_t *low = (const uint8_t *)(t->stack_info.start - slack);
	size_t i = 0;

	if (t->stack_info.start == 0U || slack == 0U) {
		return 0;
	}
	/* Word at a time: this runs at every switch. The slack starts on a page boundary when
	 * the stack is a real stack object; byte steps cover any other start. */
	while (i < slack && ((uintptr_t)(low + i) % sizeof(uint64_t)) != 0U) {
		if (low[i] != Z_STACK_PAINT) {
			return slack - i;
		}
		i++;
	}
	while (i + sizeof(uint64_t) <= slack &&
	       *(const uint64_t *)(const void *)(low + i) == 0xAAAAAAAAAAAAAAAAULL) {
		i += sizeof(uint64_t);
	}
	while (i < slack && low[i] == Z_STACK_PAINT) {
		i++;
	}
	return slack - i;
}

/*
 * An overflow into the slack (below the declared area, above the guard page) is a stack
 * overflow of @p t: reported as K_ERR_STACK_CHK_FAIL for it, as the guard page would.
 */
Z_PROT_NO_ASAN static bool slack_check(struct k_thread *t)
{
#ifdef Z_PROT_ASAN
	/* AddressSanitizer's redzones make frames several times larger than the target's: the
	 * slack is room they may use (only the guard page counts), as before stacks were sized
	 * as declared. docs/protection.md, "Under AddressSanitizer". */
	(void)t;
	return true;
#endif
	if (!Z_PROT_GUARD_PAGES || t->slack_reported) {
		/* Reported already: the thread is ending (its abort checks once more). */
		return true;
	}
	size_t over = z_stack_slack_used(t);

	if (over == 0U) {
		return true;
	}
	size_t slack = z_stack_slack_size(t);
	uintptr_t low = t->stack_info.start - slack;
	uintptr_t here = (uintptr_t)&over;

	t->slack_reported = true;
	/*
	 * Paint it again so that the report and the stack figures see a sane stack, unless this
	 * code runs on that slack: a thread that switches out while deep in it (a blocking call
	 * made from a frame past its declared size) checks on its own stack, and the frames above
	 * here are live (painting them over crashed the process instead of reporting). The same
	 * when this frame sits just above the slack: the calls made from here (memset's return
	 * address) would land in it, so the repaint keeps 256 bytes clear below this frame.
	 */
	if (here < low || here >= t->stack_info.start + 256U) {
		memset((void *)low, Z_STACK_PAINT, slack);
	}
	LOG_ERR("***** Stack overflow: thread %p (%s) used %zu bytes of its %zu-byte stack "
		"(%zu bytes into the slack below it)",
		(void *)t, t->name[0] != '\0' ? t->name : "unnamed", t->stack_info.size + over,
		t->stack_info.size, over);
	z_prot_apply(NULL);
	z_except_reason(K_ERR_STACK_CHK_FAIL);
	return false;
}

void z_host_thread_switching_out(struct k_thread *t)
{
	if (t != NULL && !k_is_in_isr()) {
		(void)slack_check(t);
	}
}

Z_PROT_NO_ASAN void z_host_thread_switched_in(struct k_thread *t)
{
	/* The view first: the previous (user) thread's view may close this thread's stack. */
	if (applied_for != NULL || z_prot_is_user(t)) {
		z_prot_apply(t);
	}
	if (!slack_check(t)) {
		return;
	}
	if (Z_PROT_SENTINEL && t->stack_info.start != 0U &&
	    *(volatile uint32_t *)t->stack_info.start != Z_STACK_SENTINEL) {
		/* Put it back so the report and any later check see a sane stack. */
		*(volatile uint32_t *)t->stack_info.start = Z_STACK_SENTINEL;
		LOG_ERR("stack sentinel of thread %p (%s) overwritten", (void *)t, t->name);
		z_prot_apply(NULL);
		z_except_reason(K_ERR_STACK_CHK_FAIL);
		return;
	}
}

/* ---- checks of a user caller's buffers (system calls) ---- */

/*
 * Whether the byte at @p a may be accessed by user thread @p t; *@p next is set to the first
 * address after @p a the answer may change at (the end of the region or object looked at).
 */
static bool user_may_access(const struct k_thread *t, uintptr_t a, bool write, uintptr_t *next)
{
	uintptr_t own = t->stack_info.start;
	uintptr_t own_end = own + t->stack_info.size;

	*next = page_down(a) + Z_PROT_PAGE;
	/* The thread's own stack area: read/write (the slack below it is not the thread's). */
	if (!t->stack_plain && own != 0U && a >= own && a < own_end) {
		*next = own_end;
		return true;
	}
	for (size_t i = 0; i < num_regions; i++) {
		const struct prot_region *r = &regions[i];

		if (r->kind == Z_PROT_STACK && r->guard != 0U && a >= r->guard &&
		    a < r->guard + Z_PROT_PAGE) {
			return false; /* a guard page */
		}
		if (a < r->start || a - r->start >= r->size) {
			continue;
		}
		if (r->kind == Z_PROT_STACK) {
			return false; /* another thread's stack, or this one's slack */
		}
		k_mem_partition_attr_t attr;

		if (t->mem_domain_info.mem_domain == NULL ||
		    !z_mem_domain_has(t->mem_domain_info.mem_domain, r->start, r->size, &attr)) {
			return false; /* a partition of another domain only */
		}
		*next = r->start + r->size;
		return (attr & (write ? Z_MEM_ATTR_U_W : Z_MEM_ATTR_U_R)) != 0U;
	}
	/* Stack objects no live thread uses, and the tails of stack objects, are nobody's. */
	if (z_stack_obj_contains((const void *)a)) {
		return false;
	}
	/* Memory outside every partition and stack: zmem does not close it (protection.md). */
	return true;
}

int arch_buffer_validate(const void *addr, size_t size, int write)
{
	const struct k_thread *t = k_current_get();
	uintptr_t a = (uintptr_t)addr;

	if (t == NULL || !(z_prot_is_user(t) || (Z_PROT_USERSPACE && t->syscall_user != 0U))) {
		return 0;
	}
	if (size == 0U) {
		return 0;
	}
	if (a + size < a) {
		return -1; /* wraps around */
	}
	uintptr_t end = a + size;

	while (a < end) {
		uintptr_t next;

		if (!user_may_access(t, a, write != 0, &next)) {
			return -1;
		}
		a = next > a ? next : a + 1U;
	}
	return 0;
}
