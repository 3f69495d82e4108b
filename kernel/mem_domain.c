/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Memory domains: which partitions a thread may use. The rules and error codes are
 * Zephyr's for MMU targets (partitions are whole pages); the host's page-protection engine
 * enforces them for user threads.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

#include <zephyr/app_memory/app_memdomain.h>
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "mem_protect.h"

LOG_MODULE_REGISTER(mem_domain, CONFIG_LOG_DEFAULT_LEVEL);

#define DOMAIN_MAGIC 0x6d646f6dU

struct k_mem_domain k_mem_domain_default = {.z_magic = DOMAIN_MAGIC};

/* Every initialized domain, for the protection engine; the default one is always first. */
static struct k_mem_domain *domains = &k_mem_domain_default;
static struct k_spinlock domain_lock;

struct k_mem_domain *z_mem_domain_first(void)
{
	return domains;
}

bool z_mem_domain_has(const struct k_mem_domain *domain, uintptr_t start, size_t size,
		      k_mem_partition_attr_t *attr)
{
	for (size_t i = 0; i < CONFIG_MAX_DOMAIN_PARTITIONS; i++) {
		const struct k_mem_partition *p = &domain->partitions[i];

		if (p->size != 0U && p->start == start && p->size == size) {
			if (attr != NULL) {
				*attr = p->attr;
			}
			return true;
		}
	}
	return false;
}

static bool partition_is_valid(const struct k_mem_domain *domain,
			       const struct k_mem_partition *part)
{
	if (part == NULL) {
		LOG_ERR("NULL partition");
		return false;
	}
	if (part->size == 0U) {
		LOG_ERR("partition %p: size 0", (void *)part->start);
		return false;
	}
	if (part->start + part->size < part->start) {
		LOG_ERR("partition %p size %zu wraps around the address space", (void *)part->start,
			part->size);
		return false;
	}
	if (part->start % Z_MEM_PARTITION_ALIGN != 0U || part->size % Z_MEM_PARTITION_ALIGN != 0U) {
		LOG_ERR("partition %p size %zu: start and size must be multiples of %u on this "
			"architecture",
			(void *)part->start, part->size, Z_MEM_PARTITION_ALIGN);
		return false;
	}
	for (size_t i = 0; i < CONFIG_MAX_DOMAIN_PARTITIONS; i++) {
		const struct k_mem_partition *o = &domain->partitions[i];

		if (o->size != 0U && part->start < o->start + o->size &&
		    o->start < part->start + part->size) {
			LOG_ERR("partition %p size %zu overlaps partition %p size %zu of domain %p",
				(void *)part->start, part->size, (void *)o->start, o->size,
				(void *)domain);
			return false;
		}
	}
	return true;
}

static bool domain_is_ready(const struct k_mem_domain *domain)
{
	if (domain == NULL) {
		LOG_ERR("NULL domain");
		return false;
	}
	if (domain->z_magic != DOMAIN_MAGIC) {
		LOG_ERR("domain %p was not initialized with k_mem_domain_init()", (void *)domain);
		return false;
	}
	return true;
}

int arch_mem_domain_max_partitions_get(void)
{
	return CONFIG_MAX_DOMAIN_PARTITIONS;
}

int k_mem_domain_init(struct k_mem_domain *domain, uint8_t num_parts,
		      struct k_mem_partition *parts[])
{
	if (z_prot_refuse_user_call(__func__)) {
		return -EPERM;
	}
	if (domain == NULL) {
		LOG_ERR("NULL domain");
		return -EINVAL;
	}
	if (num_parts != 0U && parts == NULL) {
		LOG_ERR("domain %p: NULL partition array with %u partitions", (void *)domain,
			num_parts);
		return -EINVAL;
	}
	if (num_parts > CONFIG_MAX_DOMAIN_PARTITIONS) {
		LOG_ERR("domain %p: %u partitions, at most %d", (void *)domain, num_parts,
			CONFIG_MAX_DOMAIN_PARTITIONS);
		return -EINVAL;
	}
	/* Validate into a scratch copy so that a refused init leaves the domain untouched. */
	struct k_mem_domain scratch = {0};

	for (uint8_t i = 0; i < num_parts; i++) {
		if (!partition_is_valid(&scratch, parts[i])) {
			return -EINVAL;
		}
		scratch.partitions[i] = *parts[i];
	}
	scratch.num_partitions = num_parts;

	k_spinlock_key_t key = k_spin_lock(&domain_lock);
	bool listed = false;

	for (struct k_mem_domain *d = domains; d != NULL; d = d->z_next) {
		listed = listed || d == domain;
	}
	scratch.z_magic = DOMAIN_MAGIC;
	scratch.z_next = listed ? domain->z_next : domains;
	*domain = scratch;
	if (!listed) {
		/* Keep the default domain first: it is what most threads use. */
		domain->z_next = k_mem_domain_default.z_next;
		k_mem_domain_default.z_next = domain;
		if (domain == &k_mem_domain_default) {
			domain->z_next = NULL;
		}
	}
	k_spin_unlock(&domain_lock, key);
	return z_prot_domains_changed();
}

int k_mem_domain_add_partition(struct k_mem_domain *domain, struct k_mem_partition *part)
{
	if (z_prot_refuse_user_call(__func__)) {
		return -EPERM;
	}
	if (!domain_is_ready(domain) || !partition_is_valid(domain, part)) {
		return -EINVAL;
	}
	k_spinlock_key_t key = k_spin_lock(&domain_lock);
	int slot = -1;

	for (int i = 0; i < CONFIG_MAX_DOMAIN_PARTITIONS; i++) {
		if (domain->partitions[i].size == 0U) {
			slot = i;
			break;
		}
	}
	if (slot < 0) {
		k_spin_unlock(&domain_lock, key);
		LOG_ERR("domain %p: no free partition slot (CONFIG_MAX_DOMAIN_PARTITIONS=%d)",
			(void *)domain, CONFIG_MAX_DOMAIN_PARTITIONS);
		return -ENOSPC;
	}
	domain->partitions[slot] = *part;
	domain->num_partitions++;
	k_spin_unlock(&domain_lock, key);
	return z_prot_domains_changed();
}

int k_mem_domain_remove_partition(struct k_mem_domain *domain, struct k_mem_partition *part)
{
	if (z_prot_refuse_user_call(__func__)) {
		return -EPERM;
	}
	if (!domain_is_ready(domain)) {
		return -EINVAL;
	}
	if (part == NULL) {
		LOG_ERR("NULL partition");
		return -EINVAL;
	}
	k_spinlock_key_t key = k_spin_lock(&domain_lock);
	int slot = -1;

	for (int i = 0; i < CONFIG_MAX_DOMAIN_PARTITIONS; i++) {
		if (domain->partitions[i].size != 0U && domain->partitions[i].start == part->start &&
		    domain->partitions[i].size == part->size) {
			slot = i;
			break;
		}
	}
	if (slot < 0) {
		k_spin_unlock(&domain_lock, key);
		LOG_ERR("domain %p: partition %p size %zu is not in it", (void *)domain,
			(void *)part->start, part->size);
		return -ENOENT;
	}
	domain->partitions[slot] = (struct k_mem_partition){0};
	domain->num_partitions--;
	k_spin_unlock(&domain_lock, key);
	return z_prot_domains_changed();
}

struct domain_members {
	const struct k_mem_domain *domain;
	unsigned int count;
};

static void count_member(const struct k_thread *t, void *arg)
{
	struct domain_members *m = arg;

	if (t->mem_domain_info.mem_domain == m->domain) {
		m->count++;
	}
}

int k_mem_domain_deinit(struct k_mem_domain *domain)
{
	struct domain_members members = {.domain = domain};

	if (z_prot_refuse_user_call(__func__)) {
		return -EPERM;
	}
	if (domain == NULL) {
		LOG_ERR("NULL domain");
		return -EINVAL;
	}
	if (domain == &k_mem_domain_default) {
		LOG_ERR("the default domain cannot be de-initialized");
		return -EINVAL;
	}
	if (domain->z_magic != DOMAIN_MAGIC) {
		/* Never initialized, or its k_mem_domain_init() was refused (which leaves it
		 * untouched): nothing to take apart, as on Zephyr, which does not check either. */
		return 0;
	}
	k_thread_foreach(count_member, &members);
	if (members.count != 0U) {
		LOG_ERR("domain %p still has %u thread(s) in it", (void *)domain, members.count);
		return -EBUSY;
	}
	k_spinlock_key_t key = k_spin_lock(&domain_lock);

	for (struct k_mem_domain *d = domains; d != NULL; d = d->z_next) {
		if (d->z_next == domain) {
			d->z_next = domain->z_next;
			break;
		}
	}
	*domain = (struct k_mem_domain){0};
	k_spin_unlock(&domain_lock, key);
	/* Its partitions stay closed to user threads unless another domain holds them. */
	return z_prot_domains_changed();
}

int k_mem_domain_add_thread(struct k_mem_domain *domain, struct k_thread *thread)
{
	if (z_prot_refuse_user_call(__func__)) {
		return -EPERM;
	}
	if (!domain_is_ready(domain)) {
		return -EINVAL;
	}
	if (thread == NULL) {
		LOG_ERR("NULL thread");
		return -EINVAL;
	}
	k_spinlock_key_t key = k_spin_lock(&domain_lock);

	thread->mem_domain_info.mem_domain = domain;
	k_spin_unlock(&domain_lock, key);
	/* The caller is a supervisor thread: its own view does not change. */
	return 0;
}

/* Not instrumented by AddressSanitizer: the range zeroed spans several variables and the
 * padding between them. Clang's ASan puts redzones after globals in sections such as these
 * (GCC's does not), so a checked memset over the range would be reported as an overflow.
 * The volatile stores keep the compiler from turning the loop back into a (checked) memset. */
__attribute__((no_sanitize_address)) void z_app_partition_bind(struct k_mem_partition *part,
							       const char *begin, char *bss,
							       const char *end)
{
	part->start = (uintptr_t)begin;
	part->size = (size_t)(end - begin);
	/* The K_APP_BMEM variables (and the padding up to the end marker's page): zero at boot,
	 * as Zephyr's bss, whatever an initializer said. */
	if (bss >= begin && bss <= end) {
		for (volatile char *p = bss; p < end; p++) {
			*p = 0;
		}
	}
}
