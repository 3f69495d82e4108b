/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief k_pipe: a byte stream between threads (Zephyr 4.1's API: write, read, reset, close).
 *
 * A write copies as much as fits and waits for room for the rest; a read copies what is there
 * and waits for the rest; both return the bytes moved when the timeout ends after part of the
 * transfer. k_pipe_alloc_init belongs to the pre-4.1 API (k_pipe_put/get), which zmem does not
 * provide.
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_PIPE_H_
#define ZEPHYR_INCLUDE_KERNEL_PIPE_H_

#include <stddef.h>
#include <stdint.h>
#include <zephyr/kernel/kobject_static.h>
#include <zephyr/kernel_structs.h>
#include <zephyr/spinlock.h>
#include <zephyr/sys/dlist.h>
#include <zephyr/sys/util.h>
#include <zephyr/sys_clock.h>
#include <zephyr/toolchain.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief k_pipe flags bit: the pipe is open (k_pipe_close() clears it), as Zephyr names it. */
#define PIPE_FLAG_OPEN BIT(0)
/** @brief k_pipe flags bit: a k_pipe_reset() is releasing the waiting threads. */
#define PIPE_FLAG_RESET BIT(1)

/** @brief A pipe (kernel-private fields, except `flags`, which Zephyr's tests read). */
struct k_pipe {
	size_t waiting;          /**< Threads waiting in read or write. */
	uint8_t *buffer;         /**< The ring buffer. */
	size_t size;             /**< Its size in bytes. */
	size_t head;             /**< Index of the oldest byte. */
	size_t used;             /**< Bytes in the ring. */
	struct k_spinlock lock;  /**< Serializes the pipe. */
	_wait_q_t data;          /**< Readers waiting for data. */
	_wait_q_t space;         /**< Writers waiting for room. */
	uint8_t flags;           /**< PIPE_FLAG_OPEN, PIPE_FLAG_RESET. */
	sys_dlist_t poll_events; /**< k_poll() events waiting for data. */
};

/** @brief Static initializer of pipe @p obj over @p pipe_buffer of @p pipe_buffer_size bytes. */
#define Z_PIPE_INITIALIZER(obj, pipe_buffer, pipe_buffer_size)                                     \
	{                                                                                          \
		.waiting = 0, .buffer = (pipe_buffer), .size = (pipe_buffer_size), .head = 0,      \
		.used = 0, .lock = {0}, .data = Z_WAIT_Q_INIT(&(obj).data),                        \
		.space = Z_WAIT_Q_INIT(&(obj).space), .flags = PIPE_FLAG_OPEN,                     \
		.poll_events = SYS_DLIST_STATIC_INIT(&(obj).poll_events)                           \
	}

/* The buffer shares the pipe's declaration (see K_MSGQ_DEFINE), so `static` applies to both. */
#define Z_PIPE_BUF_ELEMS(bytes) (((bytes) + sizeof(struct k_pipe) - 1) / sizeof(struct k_pipe))

/** @brief Define and initialize a pipe of @p pipe_buffer_size bytes. A `static` prefix works. */
#define K_PIPE_DEFINE(name, pipe_buffer_size, pipe_align)                                          \
	struct k_pipe _k_pipe_buf_##name[Z_PIPE_BUF_ELEMS(pipe_buffer_size)] __aligned(            \
	    MAX((pipe_align), __alignof__(struct k_pipe))),                                        \
	    name = Z_PIPE_INITIALIZER(name, (uint8_t *)_k_pipe_buf_##name, (pipe_buffer_size));    \
	Z_KOBJ_STATIC_RECORD(name)

/** @brief Initialize @p pipe (open, empty) over @p buffer of @p buffer_size bytes. */
void k_pipe_init(struct k_pipe *pipe, uint8_t *buffer, size_t buffer_size);

/**
 * @brief Write @p len bytes, waiting up to @p timeout for room as needed. ISR-safe with K_NO_WAIT.
 * @return the bytes written (all of them, or fewer when the timeout ended the wait)
 * @retval -EAGAIN nothing could be written before the timeout
 * @retval -EPIPE the pipe is closed
 * @retval -ECANCELED k_pipe_reset() while waiting
 */
int k_pipe_write(struct k_pipe *pipe, const uint8_t *data, size_t len, k_timeout_t timeout);

/**
 * @brief Read @p len bytes, waiting up to @p timeout for data as needed. ISR-safe with K_NO_WAIT.
 * @return the bytes read (all, or fewer when the timeout ended the wait or the pipe was closed)
 * @retval -EAGAIN nothing to read before the timeout
 * @retval -EPIPE the pipe is closed and empty
 * @retval -ECANCELED k_pipe_reset() while waiting
 */
int k_pipe_read(struct k_pipe *pipe, uint8_t *data, size_t len, k_timeout_t timeout);

/** @brief Drop the data; waiting readers and writers return -ECANCELED. */
void k_pipe_reset(struct k_pipe *pipe);

/** @brief Close @p pipe: writes fail with -EPIPE, reads drain what is left, then -EPIPE. */
void k_pipe_close(struct k_pipe *pipe);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_PIPE_H_ */
