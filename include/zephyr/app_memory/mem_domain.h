/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's memory partitions and memory domains.
 *
 * A partition is a page-aligned range of memory with access attributes; a domain is the set of
 * partitions its threads may use. On the host, user threads (K_USER) are held to their domain by
 * page protection changed at every context switch (see docs/protection.md for exactly what is
 * and is not protected).
 */
#ifndef ZEPHYR_INCLUDE_APP_MEMORY_MEM_DOMAIN_H_
#define ZEPHYR_INCLUDE_APP_MEMORY_MEM_DOMAIN_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef CONFIG_MAX_DOMAIN_PARTITIONS
#define CONFIG_MAX_DOMAIN_PARTITIONS 16
#endif

/** @brief Granularity of partitions on the host, as on MMU targets: one page. */
#define Z_MEM_PARTITION_ALIGN 4096U

/**
 * @brief Access attributes of a partition.
 *
 * Bits: supervisor read/write/execute (P_), user read/write/execute (U_). The user half is
 * enforced for user threads; supervisor threads keep the memory's original protection.
 */
typedef uint32_t k_mem_partition_attr_t;

#define Z_MEM_ATTR_P_R 0x01U /**< supervisor may read */
#define Z_MEM_ATTR_P_W 0x02U /**< supervisor may write */
#define Z_MEM_ATTR_P_X 0x04U /**< supervisor may execute */
#define Z_MEM_ATTR_U_R 0x10U /**< user may read */
#define Z_MEM_ATTR_U_W 0x20U /**< user may write */
#define Z_MEM_ATTR_U_X 0x40U /**< user may execute */

/** @brief Supervisor and user read/write. */
#define K_MEM_PARTITION_P_RW_U_RW (Z_MEM_ATTR_P_R | Z_MEM_ATTR_P_W | Z_MEM_ATTR_U_R | Z_MEM_ATTR_U_W)
/** @brief Supervisor read/write, user read-only. */
#define K_MEM_PARTITION_P_RW_U_RO (Z_MEM_ATTR_P_R | Z_MEM_ATTR_P_W | Z_MEM_ATTR_U_R)
/** @brief Supervisor read/write, no user access. */
#define K_MEM_PARTITION_P_RW_U_NA (Z_MEM_ATTR_P_R | Z_MEM_ATTR_P_W)
/** @brief Read-only for supervisor and user. */
#define K_MEM_PARTITION_P_RO_U_RO (Z_MEM_ATTR_P_R | Z_MEM_ATTR_U_R)
/** @brief Supervisor read-only, no user access. */
#define K_MEM_PARTITION_P_RO_U_NA (Z_MEM_ATTR_P_R)
/** @brief Read, write and execute for supervisor and user. */
#define K_MEM_PARTITION_P_RWX_U_RWX                                                                \
	(Z_MEM_ATTR_P_R | Z_MEM_ATTR_P_W | Z_MEM_ATTR_P_X | Z_MEM_ATTR_U_R | Z_MEM_ATTR_U_W |      \
	 Z_MEM_ATTR_U_X)
/** @brief Supervisor read/write/execute, user read/execute. */
#define K_MEM_PARTITION_P_RWX_U_RX                                                                 \
	(Z_MEM_ATTR_P_R | Z_MEM_ATTR_P_W | Z_MEM_ATTR_P_X | Z_MEM_ATTR_U_R | Z_MEM_ATTR_U_X)
/** @brief Read and execute for supervisor and user (code). */
#define K_MEM_PARTITION_P_RX_U_RX                                                                  \
	(Z_MEM_ATTR_P_R | Z_MEM_ATTR_P_X | Z_MEM_ATTR_U_R | Z_MEM_ATTR_U_X)
/** @brief No access at all. */
#define K_MEM_PARTITION_P_NA_U_NA 0U

/** @brief True if the attribute lets user threads write. */
#define K_MEM_PARTITION_IS_WRITABLE(attr)   (((attr) & Z_MEM_ATTR_U_W) != 0U)
/** @brief True if the attribute lets user threads execute. */
#define K_MEM_PARTITION_IS_EXECUTABLE(attr) (((attr) & Z_MEM_ATTR_U_X) != 0U)

/** @brief A memory partition: a page-aligned range and its access attributes. */
struct k_mem_partition {
	uintptr_t start;             /**< first byte, page-aligned */
	size_t size;                 /**< bytes, a whole number of pages; 0 marks a free slot */
	k_mem_partition_attr_t attr; /**< K_MEM_PARTITION_* */
};

/** @brief A memory domain: the partitions its threads may access. Partitions are copied in. */
struct k_mem_domain {
	struct k_mem_partition partitions[CONFIG_MAX_DOMAIN_PARTITIONS]; /**< slots; size 0 = free */
	uint8_t num_partitions;      /**< slots in use */
	struct k_mem_domain *z_next; /**< internal: list of initialized domains */
	uint32_t z_magic;            /**< internal: marks an initialized domain */
};

/**
 * @brief Define a partition statically.
 *
 * On the host @p start and @p size must be multiples of the page size (4096), as on MMU targets;
 * a partition that is not is refused with -EINVAL when it is added to a domain.
 */
#define K_MEM_PARTITION_DEFINE(name, start, size, attr)                                            \
	struct k_mem_partition name = {(uintptr_t)(start), (size), (attr)}

/** @brief The domain every boot thread starts in; threads inherit their creator's domain. */
extern struct k_mem_domain k_mem_domain_default;

struct k_thread;

/**
 * @brief Initialize a domain with an initial set of partitions.
 *
 * @param domain the domain
 * @param num_parts number of entries in @p parts
 * @param parts partitions to copy in (may be NULL when @p num_parts is 0)
 * @retval 0 success
 * @retval -EINVAL NULL domain, NULL parts with num_parts > 0, too many partitions, or an invalid
 *         partition (NULL, size 0, wraps around, not page-aligned, overlaps another one)
 * @retval -ENOMEM the host could not record the domain's page plan
 */
int k_mem_domain_init(struct k_mem_domain *domain, uint8_t num_parts,
		      struct k_mem_partition *parts[]);

/**
 * @brief Add a partition to a domain.
 * @retval 0 success
 * @retval -EINVAL invalid domain or partition, or overlap with one already in the domain
 * @retval -ENOSPC every slot is in use (CONFIG_MAX_DOMAIN_PARTITIONS)
 */
int k_mem_domain_add_partition(struct k_mem_domain *domain, struct k_mem_partition *part);

/**
 * @brief Remove a partition (matched by start and size) from a domain.
 * @retval 0 success
 * @retval -EINVAL NULL domain or partition
 * @retval -ENOENT the partition is not in the domain
 */
int k_mem_domain_remove_partition(struct k_mem_domain *domain, struct k_mem_partition *part);

/**
 * @brief Take apart a domain no thread is in (Zephyr 4.2; CONFIG_ARCH_MEM_DOMAIN_SUPPORTS_DEINIT).
 * Its partitions stay closed to user threads unless another domain holds them; the domain may
 * be initialized again. A domain that is not initialized (never, or its k_mem_domain_init() was
 * refused) has nothing to take apart: 0, as on Zephyr.
 * @retval 0 success
 * @retval -EINVAL NULL or the default domain
 * @retval -EBUSY a thread (live or not started yet) is in the domain
 */
int k_mem_domain_deinit(struct k_mem_domain *domain);

/**
 * @brief Move a thread into a domain (out of the one it was in).
 * @retval 0 success
 * @retval -EINVAL NULL or uninitialized domain, or NULL thread
 */
int k_mem_domain_add_thread(struct k_mem_domain *domain, struct k_thread *thread);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_APP_MEMORY_MEM_DOMAIN_H_ */
