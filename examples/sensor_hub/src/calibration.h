/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief The calibration module: untrusted code run as a user thread in its own memory domain.
 */
#ifndef SENSOR_HUB_CALIBRATION_H_
#define SENSOR_HUB_CALIBRATION_H_

/** @brief Set up the calibration domain and start the calibration thread (user mode). */
void calibration_start(void);

/** @brief Wait for the calibration thread to end and report what it left behind. */
void calibration_join(void);

#endif /* SENSOR_HUB_CALIBRATION_H_ */
