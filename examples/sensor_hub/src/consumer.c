/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The consumer works like a hub with an uplink: it wakes every BATCH_PERIOD_MS, drains the
 * pipeline (the producers keep queueing meanwhile, so the pipeline must hold a whole batch) and
 * updates the statistics. It ends at the pipeline's end marker. Alerts are also kept as
 * messages of their own length, allocated from a small k_heap, for main() to report.
 */
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "consumer.h"
#include "pipeline.h"
#include "sensors.h"

LOG_MODULE_REGISTER(consumer, LOG_LEVEL_INF);

#define CONSUMER_STACK_SIZE 2048
#define CONSUMER_PRIORITY   2
#define REPORT_EVERY        5   /* samples of one sensor between two progress lines */
#define BATCH_PERIOD_MS     500 /* time between two drains of the pipeline */
#define SENSOR_MAX          3

K_HEAP_DEFINE(alert_heap, 1024);

static struct sensor_stats stats[SENSOR_MAX];
static struct alert_msg *alerts_head;
static struct alert_msg **alerts_tail = &alerts_head;
static uint32_t alerts_lost; /* alert heap full */
static int64_t max_latency_ms; /* longest time a sample waited in the pipeline */

const struct sensor_stats *consumer_stats(int id)
{
	return &stats[id];
}

int64_t consumer_max_latency_ms(void)
{
	return max_latency_ms;
}

struct alert_msg *consumer_alerts_take(void)
{
	struct alert_msg *list = alerts_head;

	alerts_head = NULL;
	alerts_tail = &alerts_head;
	return list;
}

void consumer_alert_free(struct alert_msg *msg)
{
	k_heap_free(&alert_heap, msg);
}

static void keep_alert(const struct sensor_info *info, const struct sensor_sample *s)
{
	char text[80];
	int32_t tenths = (s->milli >= 0 ? s->milli + 50 : s->milli - 50) / 100; /* rounded */
	/* Integer formatting: it runs on this thread's own small stack. */
	int len = snprintk(text, sizeof(text), "%s %s%d.%d %s at %lld ms (sample %u)",
			   info->name, tenths < 0 ? "-" : "", (int)(tenths < 0 ? -tenths : tenths) / 10,
			   (int)(tenths < 0 ? -tenths : tenths) % 10, info->unit,
			   (long long)s->taken_ms, (unsigned int)s->seq);

	if (len < 0 || len >= (int)sizeof(text)) {
		len = (int)strlen(text);
	}
	struct alert_msg *msg = k_heap_alloc(&alert_heap, sizeof(*msg) + (size_t)len + 1,
					     K_NO_WAIT);

	if (msg == NULL) {
		alerts_lost++;
		return;
	}
	memcpy(msg->text, text, (size_t)len + 1);
	msg->next = NULL;
	*alerts_tail = msg;
	alerts_tail = &msg->next;
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
	if (k_uptime_get() - s->taken_ms > max_latency_ms) {
		max_latency_ms = k_uptime_get() - s->taken_ms;
	}

	if (s->milli > info->alert_milli) {
		st->alerts++;
		LOG_WRN("%s alert: %.1f %s above %.1f %s (sample %u)", info->name, s->milli / 1000.0,
			info->unit, info->alert_milli / 1000.0, info->unit, (unsigned int)s->seq);
		keep_alert(info, s);
	}
	if (st->count % REPORT_EVERY == 0u) {
		LOG_INF("%s: %.1f %s, average %.2f over %u samples", info->name, s->milli / 1000.0,
			info->unit, (double)st->sum / st->count / 1000.0, (unsigned int)st->count);
	}
}

static void consumer_entry(void *p1, void *p2, void *p3)
{
	struct sensor_sample s;
	uint32_t batch = 0;

	(void)p1;
	(void)p2;
	(void)p3;
	for (;;) {
		unsigned int n = 0;

		k_msleep(BATCH_PERIOD_MS);
		batch++;
		while (pipeline_get(&s, K_NO_WAIT) == 0) {
			if (s.sensor < 0) {
				LOG_INF("batch %u: %u samples, end of data", (unsigned int)batch, n);
				return;
			}
			if (s.sensor >= SENSOR_MAX) {
				LOG_ERR("sample from unknown sensor %d dropped", s.sensor);
				continue;
			}
			account(&s);
			n++;
		}
		LOG_DBG("batch %u: %u samples", (unsigned int)batch, n);
	}
}

K_THREAD_DEFINE(consumer, CONSUMER_STACK_SIZE, consumer_entry, NULL, NULL, NULL,
		CONSUMER_PRIORITY, 0, 0);
