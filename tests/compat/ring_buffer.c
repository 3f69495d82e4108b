/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The ring buffer: byte copies that wrap, claim/finish rules, items, sizes that are not
 * powers of two, and 20000 random operations against a byte-queue model (counters wrapping
 * past 2^32 included).
 */
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/sys/ring_buffer.h>

#include "compat_tests.h"
#include "../common/test_rand.h"

static void test_bytes(void)
{
	uint8_t store[10];
	struct ring_buf rb;
	uint8_t in[16];
	uint8_t out[16];

	for (int i = 0; i < 16; i++) {
		in[i] = (uint8_t)(i + 1);
	}
	ring_buf_init(&rb, sizeof(store), store);
	CHECK(ring_buf_is_empty(&rb));
	CHECK_EQ(ring_buf_space_get(&rb), 10);
	CHECK_EQ(ring_buf_capacity_get(&rb), 10);
	CHECK_EQ(ring_buf_put(&rb, in, 16), 10); /* as much as fits */
	CHECK_EQ(ring_buf_space_get(&rb), 0);
	CHECK_EQ(ring_buf_size_get(&rb), 10);
	CHECK_EQ(ring_buf_put(&rb, in, 1), 0);
	CHECK_EQ(ring_buf_get(&rb, out, 7), 7);
	CHECK_EQ(out[6], 7);
	CHECK_EQ(ring_buf_put(&rb, in, 6), 6); /* wraps */
	CHECK_EQ(ring_buf_peek(&rb, out, 16), 9);
	CHECK_EQ(ring_buf_size_get(&rb), 9); /* peek leaves the data */
	CHECK_EQ(out[0], 8);
	CHECK_EQ(out[2], 10);
	CHECK_EQ(out[3], 1);
	CHECK_EQ(ring_buf_get(&rb, NULL, 3), 3); /* NULL drops */
	CHECK_EQ(ring_buf_get(&rb, out, 16), 6);
	CHECK(memcmp(out, in, 6) == 0);
	CHECK(ring_buf_is_empty(&rb));
	ring_buf_put(&rb, in, 4);
	ring_buf_reset(&rb);
	CHECK(ring_buf_is_empty(&rb));
	CHECK_EQ(ring_buf_space_get(&rb), 10);
}

static void test_claims(void)
{
	uint8_t store[8];
	struct ring_buf rb;
	uint8_t *p;

	ring_buf_init(&rb, sizeof(store), store);
	CHECK_EQ(ring_buf_put_claim(&rb, &p, 5), 5);
	CHECK(p == store);
	memset(p, 0xAB, 5);
	CHECK_EQ(ring_buf_put_claim(&rb, &p, 5), 3); /* contiguous part up to the end */
	CHECK(p == store + 5);
	CHECK_EQ(ring_buf_put_finish(&rb, 9), -EINVAL); /* more than claimed */
	CHECK_EQ(ring_buf_put_finish(&rb, 6), 0);       /* the rest of the claim is given back */
	CHECK_EQ(ring_buf_size_get(&rb), 6);
	CHECK_EQ(ring_buf_space_get(&rb), 2);
	CHECK_EQ(ring_buf_get_claim(&rb, &p, 4), 4);
	CHECK(p == store);
	CHECK_EQ(p[0], 0xAB);
	CHECK_EQ(ring_buf_get_finish(&rb, 5), -EINVAL);
	CHECK_EQ(ring_buf_get_finish(&rb, 2), 0);
	CHECK_EQ(ring_buf_size_get(&rb), 4);
	CHECK_EQ(ring_buf_space_get(&rb), 4);
	/* Space wraps: claims give the end first, then the start. */
	CHECK_EQ(ring_buf_put_claim(&rb, &p, 4), 2);
	CHECK(p == store + 6);
	CHECK_EQ(ring_buf_put_claim(&rb, &p, 4), 2);
	CHECK(p == store);
	CHECK_EQ(ring_buf_put_finish(&rb, 4), 0);
	CHECK_EQ(ring_buf_space_get(&rb), 0);
	CHECK_EQ(ring_buf_get(&rb, NULL, 8), 8);
	CHECK(ring_buf_is_empty(&rb));
}

RING_BUF_ITEM_DECLARE(items, 6);

static void test_items(void)
{
	uint32_t data[3] = {0x11111111, 0x22222222, 0x33333333};
	uint32_t out[3] = {0};
	uint16_t type = 0;
	uint8_t value = 0;
	uint8_t size = 3;

	CHECK_EQ(ring_buf_item_get(&items, &type, &value, out, &size), -EAGAIN);
	CHECK_EQ(ring_buf_item_put(&items, 0xBEEF, 7, data, 3), 0);
	CHECK_EQ(ring_buf_item_space_get(&items), 2);
	CHECK_EQ(ring_buf_item_put(&items, 1, 1, data, 2), -EMSGSIZE); /* needs 3 words */
	CHECK_EQ(ring_buf_item_put(&items, 2, 9, NULL, 0), 0);         /* header only */
	size = 2;
	CHECK_EQ(ring_buf_item_get(&items, &type, &value, out, &size), -EMSGSIZE);
	CHECK_EQ(size, 3); /* the length it needs; the item stays */
	size = 3;
	CHECK_EQ(ring_buf_item_get(&items, &type, &value, out, &size), 0);
	CHECK_EQ(type, 0xBEEF);
	CHECK_EQ(value, 7);
	CHECK_EQ(size, 3);
	CHECK(memcmp(out, data, sizeof(data)) == 0);
	CHECK_EQ(ring_buf_item_get(&items, &type, &value, NULL, &size), 0); /* NULL drops */
	CHECK_EQ(type, 2);
	CHECK_EQ(value, 9);
	CHECK_EQ(size, 0);
	CHECK(ring_buf_is_empty(&items));
	/* Items wrap around the end of the storage. */
	for (int i = 0; i < 10; i++) {
		data[0] = (uint32_t)i;
		CHECK_EQ(ring_buf_item_put(&items, (uint16_t)i, 0, data, 2), 0);
		size = 3;
		CHECK_EQ(ring_buf_item_get(&items, &type, &value, out, &size), 0);
		CHECK_EQ(type, i);
		CHECK_EQ(out[0], i);
		CHECK_EQ(size, 2);
	}
	CHECK_EQ(RING_BUF_ITEM_SIZEOF(uint64_t), 2);
	CHECK_EQ(RING_BUF_ITEM_SIZEOF(uint8_t[5]), 2);
}

/* Byte queue model with a size of 13 and counters started near 2^32. */
static void test_against_model(void)
{
	static uint8_t store[13];
	static uint8_t model[13];
	struct ring_buf rb;
	uint32_t head = 0;
	uint32_t len = 0;
	uint32_t x = 88172645U;
	uint8_t next = 0;
	uint8_t expect = 0;

	ring_buf_init(&rb, sizeof(store), store);
	/* Start every counter just below the wrap point. */
	rb.put.head = rb.put.tail = rb.put.base = UINT32_MAX - 20;
	rb.get.head = rb.get.tail = rb.get.base = UINT32_MAX - 20;
	for (int i = 0; i < 20000; i++) {
		test_rand32(&x);
		uint32_t n = x % 9;
		uint8_t buf[9];

		if (x & 0x100) {
			for (uint32_t k = 0; k < n; k++) {
				buf[k] = (uint8_t)(next + k);
			}
			uint32_t put = ring_buf_put(&rb, buf, n);
			uint32_t room = 13 - len;

			CHECK_EQ(put, n < room ? n : room);
			for (uint32_t k = 0; k < put; k++) {
				model[(head + len + k) % 13] = next++;
			}
			len += put;
		} else {
			uint32_t got = ring_buf_get(&rb, buf, n);

			CHECK_EQ(got, n < len ? n : len);
			for (uint32_t k = 0; k < got; k++) {
				CHECK_EQ(buf[k], model[(head + k) % 13]);
				CHECK_EQ(buf[k], expect);
				expect++;
			}
			head = (head + got) % 13;
			len -= got;
		}
		CHECK_EQ(ring_buf_size_get(&rb), len);
		CHECK_EQ(ring_buf_space_get(&rb), 13 - len);
	}
}

void compat_ring_buffer_tests(void)
{
	RUN_TEST(test_bytes);
	RUN_TEST(test_claims);
	RUN_TEST(test_items);
	RUN_TEST(test_against_model);
}
