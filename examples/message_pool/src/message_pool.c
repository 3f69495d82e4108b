/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* The seed chapter's message pool, unchanged apart from the sizes in message_pool.h. */
#include <string.h>

#include "message_pool.h"

K_MEM_SLAB_DEFINE(message_pool, sizeof(struct message), MAX_MESSAGES, 4);

struct message *alloc_message(void)
{
	struct message *msg;
	if (k_mem_slab_alloc(&message_pool, (void **)&msg, K_NO_WAIT) == 0) {
		memset(msg, 0, sizeof(struct message));
		return msg;
	}
	return NULL;
}

void free_message(struct message *msg)
{
	k_mem_slab_free(&message_pool, msg);
}
