/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The classic two-semaphore ring: `free_slots` counts room, `filled` counts samples, a mutex
 * guards the indexes. Producers of different priorities share it, so the mutex's priority
 * inheritance matters when a low-priority producer holds it. Each queued sample lives in a
 * block of a memory slab (O(1), fixed size) and the ring holds pointers; `free_slots` bounds
 * the samples in flight, so the slab never runs dry.
 */
#include <errno.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "pipeline.h"

LOG_MODULE_REGISTER(pipeline, LOG_LEVEL_INF);

K_SEM_DEFINE(free_slots, PIPELINE_DEPTH, PIPELINE_DEPTH);
K_SEM_DEFINE(filled, 0, PIPELINE_DEPTH);
K_MUTEX_DEFINE(ring_lock);

/*
 * Aligned as the sample itself: its int64_t makes that 8 on most targets but 4 on 32-bit x86,
 * where the struct is 20 bytes, and a slab's block size must be a multiple of its alignment.
 */
K_MEM_SLAB_DEFINE(sample_slab, sizeof(struct sensor_sample), PIPELINE_DEPTH,
		  _Alignof(struct sensor_sample));

static struct sensor_sample *ring[PIPELINE_DEPTH];
static unsigned int head; /* next slot to fill */
static unsigned int tail; /* next slot to take */
static uint32_t depth;
static uint32_t max_depth;
static uint32_t dropped;

static void ring_push(const struct sensor_sample *sample)
{
	struct sensor_sample *blk;

	/* Cannot fail: the caller holds one of the PIPELINE_DEPTH free slots. */
	if (k_mem_slab_alloc(&sample_slab, (void **)&blk, K_NO_WAIT) != 0) {
		LOG_ERR("sample slab exhausted");
		return;
	}
	*blk = *sample;
	k_mutex_lock(&ring_lock, K_FOREVER);
	ring[head] = blk;
	head = (head + 1u) % PIPELINE_DEPTH;
	depth++;
	if (depth > max_depth) {
		max_depth = depth;
	}
	k_mutex_unlock(&ring_lock);
	k_sem_give(&filled);
}

int pipeline_put(const struct sensor_sample *sample, k_timeout_t timeout)
{
	if (k_sem_take(&free_slots, timeout) != 0) {
		k_mutex_lock(&ring_lock, K_FOREVER);
		dropped++;
		k_mutex_unlock(&ring_lock);
		LOG_WRN("pipeline full: sample %u of sensor %d dropped", (unsigned int)sample->seq,
			sample->sensor);
		return -EAGAIN;
	}
	ring_push(sample);
	return 0;
}

int pipeline_get(struct sensor_sample *sample, k_timeout_t timeout)
{
	if (k_sem_take(&filled, timeout) != 0) {
		return -EAGAIN;
	}
	k_mutex_lock(&ring_lock, K_FOREVER);
	struct sensor_sample *blk = ring[tail];

	tail = (tail + 1u) % PIPELINE_DEPTH;
	depth--;
	k_mutex_unlock(&ring_lock);
	*sample = *blk;
	k_mem_slab_free(&sample_slab, blk);
	k_sem_give(&free_slots);
	return 0;
}

void pipeline_close(void)
{
	const struct sensor_sample end = {.sensor = -1};

	/* The end marker must not be dropped: wait for room as long as it takes. */
	k_sem_take(&free_slots, K_FOREVER);
	ring_push(&end);
}

uint32_t pipeline_dropped(void)
{
	return dropped;
}

uint32_t pipeline_max_depth(void)
{
	return max_depth;
}
