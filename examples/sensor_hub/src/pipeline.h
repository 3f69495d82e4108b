/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief A bounded queue of sensor samples between the producer threads and the consumer.
 */
#ifndef SENSOR_HUB_PIPELINE_H_
#define SENSOR_HUB_PIPELINE_H_

#include <zephyr/kernel.h>

/** @brief Number of samples the pipeline holds before producers have to wait. */
#define PIPELINE_DEPTH 16

/** @brief One reading of one sensor. */
struct sensor_sample {
	int sensor;       /**< Index into the sensor table (sensors.h); -1 marks the end. */
	uint32_t seq;     /**< Per-sensor sequence number, from 0. */
	int32_t milli;    /**< Value in thousandths of the sensor's unit. */
	int64_t taken_ms; /**< Uptime when it was measured. */
};

/**
 * @brief Queue a sample, waiting up to @p timeout for a free slot.
 * @return 0, or -EAGAIN when no slot freed up in time (the sample is dropped and counted).
 */
int pipeline_put(const struct sensor_sample *sample, k_timeout_t timeout);

/**
 * @brief Take the oldest sample, waiting up to @p timeout.
 * @return 0, or -EAGAIN when none arrived in time.
 */
int pipeline_get(struct sensor_sample *sample, k_timeout_t timeout);

/** @brief Queue the end marker: the consumer stops after the samples queued before it. */
void pipeline_close(void);

/** @brief Samples dropped because the pipeline stayed full. */
uint32_t pipeline_dropped(void);

/** @brief Highest number of samples queued at once. */
uint32_t pipeline_max_depth(void);

/** @brief The memory slab the queued samples live in (one block per sample in flight). */
extern struct k_mem_slab sample_slab;

#endif /* SENSOR_HUB_PIPELINE_H_ */
