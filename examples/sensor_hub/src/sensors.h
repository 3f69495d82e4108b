/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Simulated sensors, each sampled by its own producer thread.
 */
#ifndef SENSOR_HUB_SENSORS_H_
#define SENSOR_HUB_SENSORS_H_

#include <stdint.h>

/** @brief A sensor and how it is sampled. */
struct sensor_info {
	const char *name;       /**< Printed in logs. */
	const char *unit;       /**< Unit of the values. */
	int32_t period_ms;      /**< Time between two samples. */
	uint32_t samples;       /**< Samples taken before the producer ends. */
	int priority;           /**< Producer thread priority (lower runs first). */
	int32_t alert_milli;    /**< Values above this raise an alert in the consumer. */
};

/** @brief The sensors, indexed by struct sensor_sample::sensor. */
extern const struct sensor_info sensor_table[];

/** @brief Number of entries in sensor_table. */
extern const int sensor_count;

/** @brief Start one producer thread per sensor. */
void sensors_start(void);

/** @brief Wait until every producer has taken all its samples. */
void sensors_join(void);

#endif /* SENSOR_HUB_SENSORS_H_ */
