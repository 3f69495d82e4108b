/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The consumer runs at a higher priority than the producers, so it takes each sample as soon as
 * it is queued; it ends at the pipeline's end marker.
 */
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "consumer.h"
#include "pipeline.h"
#include "sensors.h"

LOG_MODULE_REGISTER(consumer, LOG_LEVEL_INF);

#define CONSUMER_STACK_SIZE 2048
#define CONSUMER_PRIORITY   2
#define REPORT_EVERY        5 /* samples of one sensor between two progress lines */
#define SENSOR_MAX          3

static struct sensor_stats stats[SENSOR_MAX];

const struct sensor_stats *consumer_stats(int id)
{
	return &stats[id];
}

static void account(const struct sensor_sample *s)
{
	const struct sensor_info *info = &sensor_table[s->sensor];
	struct sensor_stats *st = &stats[s->sensor];

	if (st->count == 0u || s->milli < st->min) {
		st->min = s->milli;
	}
	if (st->count == 0u || s->milli > st->max) {
		st->max = s->milli;
	}
	st->sum += s->milli;
	st->count++;

	if (s->milli > info->alert_milli) {
		st->alerts++;
		LOG_WRN("%s alert: %.1f %s above %.1f %s (sample %u)", info->name, s->milli / 1000.0,
			info->unit, info->alert_milli / 1000.0, info->unit, (unsigned int)s->seq);
	}
	if (st->count % REPORT_EVERY == 0u) {
		LOG_INF("%s: %.1f %s, average %.2f over %u samples, %lld ms old", info->name,
			s->milli / 1000.0, info->unit, (double)st->sum / st->count / 1000.0,
			(unsigned int)st->count, (long long)(k_uptime_get() - s->taken_ms));
	}
}

static void consumer_entry(void *p1, void *p2, void *p3)
{
	struct sensor_sample s;

	(void)p1;
	(void)p2;
	(void)p3;
	for (;;) {
		if (pipeline_get(&s, K_SECONDS(2)) != 0) {
			LOG_ERR("no sample for 2 s: producers stalled?");
			continue;
		}
		if (s.sensor < 0) {
			break; /* end marker */
		}
		if (s.sensor >= SENSOR_MAX) {
			LOG_ERR("sample from unknown sensor %d", s.sensor);
			continue;
		}
		account(&s);
	}
	LOG_INF("consumer done");
}

K_THREAD_DEFINE(consumer, CONSUMER_STACK_SIZE, consumer_entry, NULL, NULL, NULL,
		CONSUMER_PRIORITY, 0, 0);
