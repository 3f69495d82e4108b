/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Calibration, written as if it came from a third party: it runs as a user thread in a memory
 * domain of its own, so it can use its own partition (its tables and results) and its stack,
 * and nothing the hub keeps in other partitions. After its work it misbehaves on purpose: it
 * tries to overwrite the hub's alert key. The write is caught (a CPU exception naming the
 * thread, the address and the access), only the calibration thread is stopped, and the
 * sensors and the consumer finish their run as if nothing happened.
 */
#include <zephyr/app_memory/app_memdomain.h>
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "calibration.h"

LOG_MODULE_REGISTER(calibration, LOG_LEVEL_INF);

#define CALIB_PRIORITY 6
#define CALIB_ROUNDS   4

/* The calibration module's own memory: a partition only its domain holds. */
K_APPMEM_PARTITION_DEFINE(calib_part);
K_APP_DMEM(calib_part) int32_t calib_reference_milli[8] = {20950, 21010, 20980, 21040,
							   21005, 20990, 21020, 20965};
K_APP_BMEM(calib_part) int32_t calib_offset_milli;
K_APP_BMEM(calib_part) uint32_t calib_rounds;

/* The hub's own settings: a partition of the default domain, closed to the calibration one. */
K_APPMEM_PARTITION_DEFINE(hub_part);
K_APP_DMEM(hub_part) uint32_t hub_alert_key = 0x5eedU;

static struct k_mem_domain calib_domain;
K_THREAD_STACK_DEFINE(calib_stack, 2048);
static struct k_thread calib_thread;

static void calibrate(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	int64_t sum = 0;

	for (uint32_t round = 0; round < CALIB_ROUNDS; round++) {
		for (size_t i = round; i < ARRAY_SIZE(calib_reference_milli); i += CALIB_ROUNDS) {
			sum += calib_reference_milli[i] - 21000;
		}
		calib_rounds++;
		k_msleep(100);
	}
	calib_offset_milli = (int32_t)(sum / (int64_t)ARRAY_SIZE(calib_reference_milli));
	LOG_INF("user mode: %s, offset %.3f C after %u rounds", k_is_user_context() ? "yes" : "no",
		calib_offset_milli / 1000.0, (unsigned int)calib_rounds);

	LOG_INF("now writing the hub's alert key at %p, outside this domain", (void *)&hub_alert_key);
	*(volatile uint32_t *)&hub_alert_key = 0xbadU;
	LOG_ERR("the write went through: memory protection is off");
}

void calibration_start(void)
{
	struct k_mem_partition *parts[] = {&calib_part};

	(void)k_mem_domain_init(&calib_domain, ARRAY_SIZE(parts), parts);
	/* Supervisor threads see every partition anyway; the default domain's user threads (and
	 * no other domain) may use this one. */
	(void)k_mem_domain_add_partition(&k_mem_domain_default, &hub_part);
	k_thread_create(&calib_thread, calib_stack, K_THREAD_STACK_SIZEOF(calib_stack), calibrate,
			NULL, NULL, NULL, CALIB_PRIORITY, K_USER, K_FOREVER);
	k_thread_name_set(&calib_thread, "calibration");
	(void)k_mem_domain_add_thread(&calib_domain, &calib_thread);
	k_thread_start(&calib_thread);
}

void calibration_join(void)
{
	k_thread_join(&calib_thread, K_FOREVER);
	LOG_INF("calibration ended: offset %.3f C, hub alert key still 0x%x",
		calib_offset_milli / 1000.0, (unsigned int)hub_alert_key);
}

/* A fault stops the faulting thread only: the hub carries on. */
void k_sys_fatal_error_handler(unsigned int reason, const struct arch_esf *esf)
{
	(void)esf;
	LOG_ERR("fatal error %u: thread %s stopped, the hub carries on", reason,
		k_thread_name_get(k_current_get()));
}
