/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * k_pipe: a byte ring with two wait queues (readers wait for data, writers for room). Each
 * transfer of bytes wakes the first thread waiting on the other side; a woken thread retries
 * with what is left of its own timeout. Reset and close wake everyone: their waits end with
 * -ECANCELED (the last one clears the reset) or -EPIPE.
 *
 * A waiting thread publishes its transfer (base.swap_data, z_pend_curr_data()), and while the
 * ring is empty bytes go straight between the caller and the first waiter on the other side, as
 * Zephyr's pipe does: readers wait only on an empty ring, so a writer fills them directly, and
 * a reader takes the bytes of a waiting writer once the ring is drained. A pipe without a ring
 * (k_pipe_init(pipe, NULL, 0)) transfers this way only. A waiter is woken when its transfer is
 * complete; one whose wait ends first returns what it got.
 */
#include <errno.h>
#include <string.h>

#include <zephyr/kernel.h>

#include "kernel_internal.h"
#include "kobj_poll.h"
#include "kobject_perms.h"
#include "kobject_registry.h"
#include "mem_protect.h"

/* A waiting reader's (dst) or writer's (src) transfer, reached by the other side. */
struct pipe_xfer {
	uint8_t *dst;
	const uint8_t *src;
	size_t len;  /* bytes asked for */
	size_t done; /* bytes moved so far */
};

void k_pipe_init(struct k_pipe *pipe, uint8_t *buffer, size_t buffer_size)
{
	Z_OBJ_USER_CHECK(pipe);
	z_object_init(pipe);
	pipe->waiting = 0;
	pipe->buffer = buffer;
	pipe->size = buffer_size;
	pipe->head = 0;
	pipe->used = 0;
	pipe->lock = (struct k_spinlock){0};
	z_waitq_init(&pipe->data);
	z_waitq_init(&pipe->space);
	pipe->flags = PIPE_FLAG_OPEN;
	sys_dlist_init(&pipe->poll_events);
}

bool z_pipe_has_data(struct k_pipe *pipe)
{
	return pipe->used > 0U;
}

/*
 * Wait on @p wq (lock held on entry and on return) with @p x published to the other side:
 * 0 woken, -EAGAIN, -EPIPE, -ECANCELED.
 */
static int wait_for(struct k_pipe *pipe, _wait_q_t *wq, k_spinlock_key_t *key,
		    k_timepoint_t deadline, const char *what, struct pipe_xfer *x)
{
	k_timeout_t t = sys_timepoint_timeout(deadline);
	int ret;

	if (K_TIMEOUT_EQ(t, K_NO_WAIT)) {
		return -EAGAIN;
	}
	pipe->waiting++;
	ret = z_pend_curr_data(&pipe->lock, *key, wq, t, what, x);
	*key = k_spin_lock(&pipe->lock);
	pipe->waiting--;
	if ((pipe->flags & PIPE_FLAG_RESET) != 0U) {
		if (pipe->waiting == 0U) {
			pipe->flags &= (uint8_t)~PIPE_FLAG_RESET;
		}
		return -ECANCELED;
	}
	if ((pipe->flags & PIPE_FLAG_OPEN) == 0U) {
		return -EPIPE;
	}
	return ret == -EAGAIN ? -EAGAIN : 0;
}

/*
 * Move bytes between the caller (@p mine) and the first waiter of @p wq while the ring is empty
 * (lock held); a waiter whose transfer completes is woken. True if one was.
 */
static bool direct(struct k_pipe *pipe, _wait_q_t *wq, struct pipe_xfer *mine, bool writing)
{
	bool readied = false;
	struct k_thread *t;
	const struct k_thread *lifted;

	if (mine->done == mine->len || pipe->used != 0U || z_waitq_head(wq) == NULL) {
		return false;
	}
	/* The waiter's record and buffer may be on its stack, which a user caller's view closes:
	 * supervisor view, the caller's own bytes checked with its view first. */
	lifted = z_prot_kernel_enter_checked(writing ? (const void *)&mine->src[mine->done]
						     : (const void *)&mine->dst[mine->done],
					     mine->len - mine->done, !writing);
	while (mine->done < mine->len && pipe->used == 0U && (t = z_waitq_head(wq)) != NULL) {
		struct pipe_xfer *x = t->base.swap_data;
		size_t n = MIN(mine->len - mine->done, x->len - x->done);

		if (writing) {
			memcpy(&x->dst[x->done], &mine->src[mine->done], n);
		} else {
			memcpy(&mine->dst[mine->done], &x->src[x->done], n);
		}
		x->done += n;
		mine->done += n;
		if (x->done == x->len) {
			readied |= z_wake_one(wq, 0);
		}
	}
	z_prot_kernel_exit(lifted);
	return readied;
}

static void finish(struct k_pipe *pipe, k_spinlock_key_t key, bool readied)
{
	if (readied) {
		z_reschedule(&pipe->lock, key);
	} else {
		k_spin_unlock(&pipe->lock, key);
	}
}

int k_pipe_write(struct k_pipe *pipe, const uint8_t *data, size_t len, k_timeout_t timeout)
{
	Z_OBJ_USER_CHECK(pipe);
	k_timepoint_t deadline = sys_timepoint_calc(timeout);
	k_spinlock_key_t key = k_spin_lock(&pipe->lock);
	struct pipe_xfer x = {.src = data, .len = len};
	bool readied = false;
	size_t written = 0;
	int rc;

	if ((pipe->flags & PIPE_FLAG_RESET) != 0U) {
		k_spin_unlock(&pipe->lock, key);
		return -ECANCELED;
	}
	for (;;) {
		if ((pipe->flags & PIPE_FLAG_OPEN) == 0U) {
			rc = -EPIPE;
			break;
		}
		/* Waiting readers first: they wait only while the ring is empty. */
		x.done = written;
		readied |= direct(pipe, &pipe->data, &x, true);
		written = x.done;

		size_t n = MIN(len - written, pipe->size - pipe->used);

		if (n > 0U) {
			size_t tail = (pipe->head + pipe->used) % pipe->size;
			size_t first = MIN(n, pipe->size - tail);

			memcpy(&pipe->buffer[tail], &data[written], first);
			memcpy(pipe->buffer, &data[written + first], n - first);
			pipe->used += n;
			written += n;
			readied |= z_wake_one(&pipe->data, 0);
			readied |=
			    z_obj_poll_signal(&pipe->poll_events, K_POLL_STATE_PIPE_DATA_AVAILABLE);
		}
		if (written == len) {
			rc = (int)written;
			break;
		}
		x.done = written;
		rc = wait_for(pipe, &pipe->space, &key, deadline, "k_pipe (write)", &x);
		written = x.done; /* readers may have taken bytes while it waited */
		if (rc == -EAGAIN) {
			rc = written > 0U ? (int)written : -EAGAIN;
			break;
		}
		if (rc != 0) {
			break;
		}
	}
	finish(pipe, key, readied);
	return rc;
}

int k_pipe_read(struct k_pipe *pipe, uint8_t *data, size_t len, k_timeout_t timeout)
{
	Z_OBJ_USER_CHECK(pipe);
	k_timepoint_t deadline = sys_timepoint_calc(timeout);
	k_spinlock_key_t key = k_spin_lock(&pipe->lock);
	struct pipe_xfer x = {.dst = data, .len = len};
	bool readied = false;
	size_t nread = 0;
	int rc;

	if ((pipe->flags & PIPE_FLAG_RESET) != 0U) {
		k_spin_unlock(&pipe->lock, key);
		return -ECANCELED;
	}
	for (;;) {
		size_t n = MIN(len - nread, pipe->used);

		if (n > 0U) {
			size_t first = MIN(n, pipe->size - pipe->head);

			memcpy(&data[nread], &pipe->buffer[pipe->head], first);
			memcpy(&data[nread + first], pipe->buffer, n - first);
			pipe->head = (pipe->head + n) % pipe->size;
			pipe->used -= n;
			nread += n;
			readied |= z_wake_one(&pipe->space, 0);
		}
		/* The ring is drained: take bytes straight from waiting writers. */
		x.done = nread;
		readied |= direct(pipe, &pipe->space, &x, false);
		nread = x.done;
		if (nread == len) {
			rc = (int)nread;
			break;
		}
		if ((pipe->flags & PIPE_FLAG_OPEN) == 0U) {
			rc = nread > 0U ? (int)nread : -EPIPE;
			break;
		}
		x.done = nread;
		rc = wait_for(pipe, &pipe->data, &key, deadline, "k_pipe (read)", &x);
		nread = x.done; /* writers may have given bytes while it waited */
		if (rc == -EAGAIN || rc == -EPIPE) {
			rc = nread > 0U ? (int)nread : rc;
			break;
		}
		if (rc != 0) {
			break;
		}
	}
	finish(pipe, key, readied);
	return rc;
}

void k_pipe_reset(struct k_pipe *pipe)
{
	Z_OBJ_USER_CHECK(pipe);
	k_spinlock_key_t key = k_spin_lock(&pipe->lock);
	bool readied;

	pipe->head = 0;
	pipe->used = 0;
	if (pipe->waiting > 0U) {
		pipe->flags |= PIPE_FLAG_RESET;
	}
	readied = z_unpend_all(&pipe->data);
	readied |= z_unpend_all(&pipe->space);
	finish(pipe, key, readied);
}

void k_pipe_close(struct k_pipe *pipe)
{
	Z_OBJ_USER_CHECK(pipe);
	k_spinlock_key_t key = k_spin_lock(&pipe->lock);
	bool readied;

	pipe->flags &= (uint8_t)~PIPE_FLAG_OPEN;
	readied = z_unpend_all(&pipe->data);
	readied |= z_unpend_all(&pipe->space);
	finish(pipe, key, readied);
}
