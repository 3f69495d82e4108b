/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Sensor hub: producer threads sample three simulated sensors into a bounded pipeline, a
 * consumer thread keeps statistics and raises alerts, main() reports when every sensor has
 * delivered its samples. The run ends by itself after about 3 seconds of uptime.
 */
#include <zephyr/debug/thread_analyzer.h>
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "calibration.h"
#include "consumer.h"
#include "pipeline.h"
#include "sensors.h"

LOG_MODULE_REGISTER(sensor_hub, LOG_LEVEL_INF);

static void report(void)
{
	uint32_t total = 0;

	for (int i = 0; i < sensor_count; i++) {
		const struct sensor_info *info = &sensor_table[i];
		const struct sensor_stats *st = consumer_stats(i);
		double avg = st->count != 0u ? (double)st->sum / st->count / 1000.0 : 0.0;

		LOG_INF("%-11s %2u samples  min %7.1f  avg %7.2f  max %7.1f %-3s  alerts %u",
			info->name, (unsigned int)st->count, st->min / 1000.0, avg,
			st->max / 1000.0, info->unit, (unsigned int)st->alerts);
		total += st->count;
	}
	printk("sensor hub: %u samples in %lld ms, %u dropped, pipeline depth max %u of %d, "
	       "latency max %lld ms\n",
	       (unsigned int)total, (long long)k_uptime_get(), (unsigned int)pipeline_dropped(),
	       (unsigned int)pipeline_max_depth(), PIPELINE_DEPTH,
	       (long long)consumer_max_latency_ms());
}

/* Where the hub's memory went: the sample slab, the alert heap, the system heap. */
static void memory_report(void)
{
	struct sys_memory_stats slab_st, alert_st;

	for (struct alert_msg *m = consumer_alerts_take(); m != NULL;) {
		struct alert_msg *next = m->next;

		printk("alert log: %s\n", m->text);
		consumer_alert_free(m);
		m = next;
	}
	k_mem_slab_runtime_stats_get(&sample_slab, &slab_st);
	k_heap_runtime_stats_get(&alert_heap, &alert_st);
	printk("memory: sample slab %u blocks of %zu bytes, max %u in flight, %u in use now\n",
	       (unsigned int)(k_mem_slab_num_used_get(&sample_slab) +
			      k_mem_slab_num_free_get(&sample_slab)),
	       sizeof(struct sensor_sample), (unsigned int)k_mem_slab_max_used_get(&sample_slab),
	       (unsigned int)k_mem_slab_num_used_get(&sample_slab));
	printk("memory: alert heap max %zu bytes allocated, %zu now, %zu free\n",
	       alert_st.max_allocated_bytes, alert_st.allocated_bytes, alert_st.free_bytes);
}

int main(void)
{
	LOG_INF("sensor hub starting on %s", CONFIG_BOARD);
	sensors_start();
	calibration_start();
	sensors_join();
	calibration_join();
	/* Stack usage of the threads still alive: main and the consumer. */
	thread_analyzer_print();
	pipeline_close();
	k_thread_join(consumer, K_FOREVER);
	report();
	memory_report();
	return pipeline_dropped() == 0u && k_mem_slab_num_used_get(&sample_slab) == 0u ? 0 : 1;
}
