/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief The consumer thread: statistics and alerts over the samples of every sensor.
 */
#ifndef SENSOR_HUB_CONSUMER_H_
#define SENSOR_HUB_CONSUMER_H_

#include <stdint.h>

#include <zephyr/kernel.h>

/** @brief Statistics of one sensor, in thousandths of its unit. */
struct sensor_stats {
	uint32_t count;  /**< Samples received. */
	uint32_t alerts; /**< Samples above the sensor's alert level. */
	int32_t min;     /**< Lowest value. */
	int32_t max;     /**< Highest value. */
	int64_t sum;     /**< Sum of all values, for the average. */
};

/** @brief The consumer thread (K_THREAD_DEFINE'd, started at boot). */
extern const k_tid_t consumer;

/** @brief Statistics of sensor @p id, final once the consumer thread has ended. */
const struct sensor_stats *consumer_stats(int id);

/** @brief Longest time a sample spent in the pipeline, in milliseconds. */
int64_t consumer_max_latency_ms(void);

/** @brief An alert message, allocated from the consumer's alert heap (variable length). */
struct alert_msg {
	struct alert_msg *next; /**< Next alert, oldest first. */
	char text[];            /**< The message. */
};

/** @brief The alert messages kept so far, oldest first (the caller frees them with
 * consumer_alert_free()). */
struct alert_msg *consumer_alerts_take(void);

/** @brief Give an alert message back to the alert heap. */
void consumer_alert_free(struct alert_msg *msg);

/** @brief The k_heap alert messages are allocated from. */
extern struct k_heap alert_heap;

#endif /* SENSOR_HUB_CONSUMER_H_ */
