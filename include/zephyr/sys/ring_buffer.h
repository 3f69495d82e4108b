/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Ring buffers of bytes and of 32-bit items (Zephyr's <zephyr/sys/ring_buffer.h>).
 *
 * One producer and one consumer may use a ring buffer concurrently without a lock (the put
 * side only writes `put`, the get side only `get`); several producers or consumers need the
 * caller's own lock, as on Zephyr. Any size up to RING_BUFFER_MAX_SIZE works, power of two or
 * not. Byte mode: ring_buf_put()/ring_buf_get() copy as much as fits, the claim/finish calls
 * give zero-copy access to the contiguous part. Item mode: whole items of up to 255 words
 * with a 16-bit type and an 8-bit value, each behind a one-word header.
 */
#ifndef ZEPHYR_INCLUDE_SYS_RING_BUFFER_H_
#define ZEPHYR_INCLUDE_SYS_RING_BUFFER_H_

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Largest ring buffer, in bytes (sizes are below this). */
#define RING_BUFFER_MAX_SIZE 0x80000000U
/** @brief Message of the size check of RING_BUF_DECLARE(). */
#define RING_BUFFER_SIZE_ASSERT_MSG "Size too big"

/** @brief Index type: free-running counters, compared by difference. */
typedef uint32_t ring_buf_idx_t;

/** @brief One side (put or get) of a ring buffer. */
struct ring_buf_index {
	ring_buf_idx_t head; /**< Claimed up to here (head - tail bytes are claimed). */
	ring_buf_idx_t tail; /**< Finished up to here. */
	ring_buf_idx_t base; /**< Counter value of buffer offset 0 for this side. */
};

/** @brief A ring buffer. Use the calls below; the fields are Zephyr's. */
struct ring_buf {
	uint8_t *buffer;           /**< Storage. */
	struct ring_buf_index put; /**< Producer side. */
	struct ring_buf_index get; /**< Consumer side. */
	uint32_t size;             /**< Bytes of @ref buffer. */
};

/** @brief Static initializer of a ring buffer over @p buf of @p size8 bytes. */
#define RING_BUF_INIT(buf, size8)                                                                  \
	{                                                                                          \
		.buffer = (uint8_t *)(buf), .size = (size8),                                       \
	}

/**
 * @brief Define byte ring buffer @p name of @p size8 bytes. A storage class written before it
 * (`static RING_BUF_DECLARE(...)`) applies to the storage array.
 */
#define RING_BUF_DECLARE(name, size8)                                                              \
	uint8_t _ring_buffer_data_##name[size8];                                                   \
	struct ring_buf name = RING_BUF_INIT(_ring_buffer_data_##name, size8);                     \
	_Static_assert((size8) < RING_BUFFER_MAX_SIZE, RING_BUFFER_SIZE_ASSERT_MSG)

/** @brief Define item ring buffer @p name of @p size32 32-bit words. */
#define RING_BUF_ITEM_DECLARE(name, size32)                                                        \
	uint32_t _ring_buffer_data_##name[size32];                                                 \
	struct ring_buf name = RING_BUF_INIT(_ring_buffer_data_##name, 4U * (size32));             \
	_Static_assert(4ULL * (size32) < RING_BUFFER_MAX_SIZE, RING_BUFFER_SIZE_ASSERT_MSG)

/** @brief The same as RING_BUF_ITEM_DECLARE(). */
#define RING_BUF_ITEM_DECLARE_SIZE(name, size32) RING_BUF_ITEM_DECLARE(name, size32)

/** @brief Item ring buffer of 2^@p pow words (an older Zephyr name). */
#define RING_BUF_ITEM_DECLARE_POW2(name, pow) RING_BUF_ITEM_DECLARE(name, (1UL << (pow)))

/** @brief Words an item of the type of @p expr occupies (header not counted). */
#define RING_BUF_ITEM_SIZEOF(expr) ((sizeof(expr) + sizeof(uint32_t) - 1) / sizeof(uint32_t))

/**
 * @brief Initialize a byte ring buffer over @p data (@p size bytes, below
 * RING_BUFFER_MAX_SIZE). The buffer is empty.
 */
static inline void ring_buf_init(struct ring_buf *buf, uint32_t size, uint8_t *data)
{
	buf->buffer = data;
	buf->size = size;
	buf->put = (struct ring_buf_index){0, 0, 0};
	buf->get = (struct ring_buf_index){0, 0, 0};
}

/** @brief Initialize an item ring buffer over @p data (@p size 32-bit words). */
static inline void ring_buf_item_init(struct ring_buf *buf, uint32_t size, uint32_t *data)
{
	ring_buf_init(buf, 4U * size, (uint8_t *)data);
}

/** @brief True when no data is waiting to be read. */
static inline bool ring_buf_is_empty(const struct ring_buf *buf)
{
	return buf->get.head == buf->put.tail;
}

/** @brief Empty the buffer, dropping claims on both sides. */
static inline void ring_buf_reset(struct ring_buf *buf)
{
	buf->put = (struct ring_buf_index){0, 0, 0};
	buf->get = (struct ring_buf_index){0, 0, 0};
}

/** @brief Free bytes (what a put could still add). */
static inline uint32_t ring_buf_space_get(const struct ring_buf *buf)
{
	return buf->size - (buf->put.head - buf->get.tail);
}

/** @brief Free 32-bit words. */
static inline uint32_t ring_buf_item_space_get(const struct ring_buf *buf)
{
	return ring_buf_space_get(buf) / 4U;
}

/** @brief Size of the buffer in bytes. */
static inline uint32_t ring_buf_capacity_get(const struct ring_buf *buf)
{
	return buf->size;
}

/** @brief Bytes waiting to be read (finished by the producer, not yet claimed). */
static inline uint32_t ring_buf_size_get(const struct ring_buf *buf)
{
	return buf->put.tail - buf->get.head;
}

/**
 * @brief Claim up to @p size bytes of contiguous free space to write in place.
 *
 * Successive claims add up until ring_buf_put_finish(); a claim returns less than asked when
 * the space runs out or wraps (claim again for the rest).
 * @param buf The ring buffer.
 * @param data Receives where to write.
 * @param size Bytes wanted.
 * @return Bytes claimed (0 when full).
 */
uint32_t ring_buf_put_claim(struct ring_buf *buf, uint8_t **data, uint32_t size);

/**
 * @brief Commit @p size of the claimed bytes as data; the rest of the claim is given back.
 * @retval 0 Success.
 * @retval -EINVAL @p size is more than was claimed.
 */
int ring_buf_put_finish(struct ring_buf *buf, uint32_t size);

/** @brief Copy up to @p size bytes in. @return Bytes written. */
uint32_t ring_buf_put(struct ring_buf *buf, const uint8_t *data, uint32_t size);

/**
 * @brief Claim up to @p size bytes of contiguous data to read in place.
 * @return Bytes claimed (0 when empty).
 */
uint32_t ring_buf_get_claim(struct ring_buf *buf, uint8_t **data, uint32_t size);

/**
 * @brief Release @p size of the claimed bytes (their space becomes free); the rest stays
 * to be read.
 * @retval 0 Success.
 * @retval -EINVAL @p size is more than was claimed.
 */
int ring_buf_get_finish(struct ring_buf *buf, uint32_t size);

/**
 * @brief Copy up to @p size bytes out and remove them.
 * @param buf The ring buffer.
 * @param data Destination, or NULL to drop the bytes.
 * @param size Bytes wanted.
 * @return Bytes read.
 */
uint32_t ring_buf_get(struct ring_buf *buf, uint8_t *data, uint32_t size);

/** @brief Copy up to @p size bytes out without removing them. @return Bytes copied. */
uint32_t ring_buf_peek(struct ring_buf *buf, uint8_t *data, uint32_t size);

/**
 * @brief Write one item: a header (@p type, @p value, length) and @p size32 words of @p data.
 * @retval 0 Success.
 * @retval -EMSGSIZE Not enough free space for the whole item (nothing written).
 */
int ring_buf_item_put(struct ring_buf *buf, uint16_t type, uint8_t value, uint32_t *data,
		      uint8_t size32);

/**
 * @brief Read one item.
 * @param buf The ring buffer.
 * @param type Receives the item's type.
 * @param value Receives the item's value.
 * @param data Receives the words, or NULL to drop the item.
 * @param size32 In: room in @p data (words); out: the item's length.
 * @retval 0 Success.
 * @retval -EAGAIN The buffer is empty.
 * @retval -EMSGSIZE @p data is too small (the item stays; *@p size32 is its length).
 */
int ring_buf_item_get(struct ring_buf *buf, uint16_t *type, uint8_t *value, uint32_t *data,
		      uint8_t *size32);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SYS_RING_BUFFER_H_ */
