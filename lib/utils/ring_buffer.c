/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Ring buffers. Each side keeps free-running counters: tail (finished), head (claimed) and
 * base (the counter value at buffer offset 0). Differences of counters are sizes, which stays
 * true when they wrap at 2^32, so any buffer size works. base moves on by one buffer size when
 * a finish carries tail past the end; a claim made past the end before that finish maps back
 * by subtracting the size once (head - base < 2 * size always holds).
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <zephyr/sys/ring_buffer.h>

/* Item header: type in bits 0-15, length in words in bits 16-23, value in bits 24-31. */
#define ITEM_HDR(type, len, value)                                                                 \
	((uint32_t)(type) | ((uint32_t)(len) << 16) | ((uint32_t)(value) << 24))
#define ITEM_TYPE(h)  ((uint16_t)((h)&0xFFFFU))
#define ITEM_LEN(h)   ((uint8_t)(((h) >> 16) & 0xFFU))
#define ITEM_VALUE(h) ((uint8_t)((h) >> 24))

static uint32_t area_claim(struct ring_buf *buf, struct ring_buf_index *side, uint8_t **data,
			   uint32_t size, uint32_t available)
{
	uint32_t off = side->head - side->base;

	if (off >= buf->size) {
		off -= buf->size;
	}
	uint32_t contiguous = buf->size - off;

	if (size > available) {
		size = available;
	}
	if (size > contiguous) {
		size = contiguous;
	}
	*data = buf->buffer + off;
	side->head += size;
	return size;
}

static int area_finish(struct ring_buf *buf, struct ring_buf_index *side, uint32_t size)
{
	if (size > side->head - side->tail) {
		return -EINVAL;
	}
	side->tail += size;
	side->head = side->tail;
	if (side->tail - side->base >= buf->size) {
		side->base += buf->size;
	}
	return 0;
}

uint32_t ring_buf_put_claim(struct ring_buf *buf, uint8_t **data, uint32_t size)
{
	return area_claim(buf, &buf->put, data, size, ring_buf_space_get(buf));
}

int ring_buf_put_finish(struct ring_buf *buf, uint32_t size)
{
	return area_finish(buf, &buf->put, size);
}

uint32_t ring_buf_get_claim(struct ring_buf *buf, uint8_t **data, uint32_t size)
{
	/* What the producer finished and this side has not claimed yet. */
	return area_claim(buf, &buf->get, data, size, buf->put.tail - buf->get.head);
}

int ring_buf_get_finish(struct ring_buf *buf, uint32_t size)
{
	return area_finish(buf, &buf->get, size);
}

uint32_t ring_buf_put(struct ring_buf *buf, const uint8_t *data, uint32_t size)
{
	uint32_t total = 0;

	/* At most two claims: up to the end of the storage, then from its start. */
	while (size > 0) {
		uint8_t *dst;
		uint32_t part = ring_buf_put_claim(buf, &dst, size);

		if (part == 0) {
			break;
		}
		memcpy(dst, data, part);
		data += part;
		size -= part;
		total += part;
	}
	(void)ring_buf_put_finish(buf, total);
	return total;
}

/* Copies up to @p size bytes out (or skips them when @p data is NULL); the caller finishes. */
static uint32_t copy_out(struct ring_buf *buf, uint8_t *data, uint32_t size)
{
	uint32_t total = 0;

	while (size > 0) {
		uint8_t *src;
		uint32_t part = ring_buf_get_claim(buf, &src, size);

		if (part == 0) {
			break;
		}
		if (data != NULL) {
			memcpy(data, src, part);
			data += part;
		}
		size -= part;
		total += part;
	}
	return total;
}

uint32_t ring_buf_get(struct ring_buf *buf, uint8_t *data, uint32_t size)
{
	uint32_t total = copy_out(buf, data, size);

	(void)ring_buf_get_finish(buf, total);
	return total;
}

uint32_t ring_buf_peek(struct ring_buf *buf, uint8_t *data, uint32_t size)
{
	uint32_t total = copy_out(buf, data, size);

	/* Give the claim back: the bytes stay to be read. */
	(void)ring_buf_get_finish(buf, 0);
	return total;
}

int ring_buf_item_put(struct ring_buf *buf, uint16_t type, uint8_t value, uint32_t *data,
		      uint8_t size32)
{
	uint32_t bytes = 4U * ((uint32_t)size32 + 1U);

	if (ring_buf_space_get(buf) < bytes) {
		return -EMSGSIZE;
	}

	uint32_t hdr = ITEM_HDR(type, size32, value);

	(void)ring_buf_put(buf, (const uint8_t *)&hdr, sizeof(hdr));
	if (size32 > 0) {
		(void)ring_buf_put(buf, (const uint8_t *)data, 4U * size32);
	}
	return 0;
}

int ring_buf_item_get(struct ring_buf *buf, uint16_t *type, uint8_t *value, uint32_t *data,
		      uint8_t *size32)
{
	uint32_t hdr;

	if (ring_buf_is_empty(buf)) {
		return -EAGAIN;
	}
	if (ring_buf_peek(buf, (uint8_t *)&hdr, sizeof(hdr)) != sizeof(hdr)) {
		return -EAGAIN;
	}

	uint8_t len = ITEM_LEN(hdr);

	if (data != NULL && len > *size32) {
		*size32 = len;
		return -EMSGSIZE;
	}
	(void)ring_buf_get(buf, NULL, sizeof(hdr));
	(void)ring_buf_get(buf, (uint8_t *)data, 4U * len);
	*type = ITEM_TYPE(hdr);
	*value = ITEM_VALUE(hdr);
	*size32 = len;
	return 0;
}
