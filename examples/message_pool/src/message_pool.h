/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief The seed chapter's message pool: fixed-size messages from a memory slab.
 *
 * The example and tests/kernel/mem_slab both build message_pool.c, so the chapter's code is
 * written once and what the test checks is what the example runs.
 */
#ifndef EXAMPLES_MESSAGE_POOL_MESSAGE_POOL_H_
#define EXAMPLES_MESSAGE_POOL_MESSAGE_POOL_H_

#include <stdint.h>

#include <zephyr/kernel.h>

#define MAX_MESSAGE_SIZE 60
#define MAX_MESSAGES     8

/** A message, as the seed defines it. */
struct message {
	uint8_t type;
	uint8_t priority;
	uint16_t length;
	uint8_t data[MAX_MESSAGE_SIZE];
};

/** The slab the messages come from. */
extern struct k_mem_slab message_pool;

/** @brief A zeroed message, or NULL when all MAX_MESSAGES are in use (never waits). */
struct message *alloc_message(void);

/** @brief Give a message back to the pool. */
void free_message(struct message *msg);

#endif /* EXAMPLES_MESSAGE_POOL_MESSAGE_POOL_H_ */
