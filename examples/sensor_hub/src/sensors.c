/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Producers: each sensor has a thread that samples it periodically and queues the readings.
 * The readings are simulated (a triangle wave around a base value, with one spike on the
 * temperature sensor), so every run prints the same values.
 */
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "pipeline.h"
#include "sensors.h"

LOG_MODULE_REGISTER(sensors, LOG_LEVEL_INF);

#define PRODUCER_STACK_SIZE 1024
#define SENSOR_MAX          3

/* Base value, swing and spike of each simulated signal, in thousandths. */
struct signal {
	int32_t base_milli;
	int32_t swing_milli;
	uint32_t spike_seq; /* sample that jumps by spike_milli (0: none) */
	int32_t spike_milli;
};

const struct sensor_info sensor_table[SENSOR_MAX] = {
	{"temperature", "C", 100, 20, 5, 26000},
	{"humidity", "%", 150, 20, 6, 60000},
	{"pressure", "hPa", 250, 12, 7, 1020000},
};
const int sensor_count = SENSOR_MAX;

static const struct signal signals[SENSOR_MAX] = {
	{21000, 1500, 13, 6000},
	{45000, 5000, 0, 0},
	{1013200, 800, 0, 0},
};

K_THREAD_STACK_ARRAY_DEFINE(producer_stacks, SENSOR_MAX, PRODUCER_STACK_SIZE);
static struct k_thread producers[SENSOR_MAX];

/* A triangle wave of period 8 samples between base - swing and base + swing. */
static int32_t simulate(const struct signal *sig, uint32_t seq)
{
	const int32_t half = 4;
	int32_t phase = (int32_t)(seq % 8u);
	int32_t up = phase < half ? phase : 8 - phase;
	int32_t value = sig->base_milli - sig->swing_milli + 2 * sig->swing_milli * up / half;

	if (sig->spike_seq != 0u && seq == sig->spike_seq) {
		value += sig->spike_milli;
	}
	return value;
}

static void producer(void *p1, void *p2, void *p3)
{
	int id = (int)(intptr_t)p1;
	const struct sensor_info *info = &sensor_table[id];
	(void)p2;
	(void)p3;

	for (uint32_t seq = 0; seq < info->samples; seq++) {
		struct sensor_sample s = {
			.sensor = id,
			.seq = seq,
			.milli = simulate(&signals[id], seq),
			.taken_ms = k_uptime_get(),
		};

		LOG_DBG("%s #%u: %d", info->name, (unsigned int)seq, (int)s.milli);
		/* A full pipeline for a whole period means the consumer is stuck: drop the sample. */
		(void)pipeline_put(&s, K_MSEC(info->period_ms));
		k_msleep(info->period_ms);
	}
}

void sensors_start(void)
{
	for (int i = 0; i < SENSOR_MAX; i++) {
		k_tid_t tid = k_thread_create(&producers[i], producer_stacks[i],
					      K_THREAD_STACK_SIZEOF(producer_stacks[i]), producer,
					      (void *)(intptr_t)i, NULL, NULL, sensor_table[i].priority,
					      0, K_NO_WAIT);

		k_thread_name_set(tid, sensor_table[i].name);
	}
	LOG_INF("%d sensors started", SENSOR_MAX);
}

void sensors_join(void)
{
	for (int i = 0; i < SENSOR_MAX; i++) {
		k_thread_join(&producers[i], K_FOREVER);
	}
}
