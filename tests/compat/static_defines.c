/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Every object-defining macro with the storage classes Zephyr code writes: plain, `static`
 * before the macro, the _STATIC variants, and block scope where Zephyr allows it. The file
 * compiling is half the test; the other half uses each object once, so a definition that
 * compiled into something unusable fails.
 */
#include <zephyr/kernel.h>
#include <zephyr/sys/bitarray.h>
#include <zephyr/sys/heap_listener.h>
#include <zephyr/sys/mem_blocks.h>
#include <zephyr/sys/ring_buffer.h>

#include "compat_tests.h"

/* Semaphores and mutexes. */
K_SEM_DEFINE(sem_plain, 0, 1);
static K_SEM_DEFINE(sem_static, 1, 3);
K_MUTEX_DEFINE(mutex_plain);
static K_MUTEX_DEFINE(mutex_static);

/* Heaps. */
K_HEAP_DEFINE(heap_plain, 1024);
static K_HEAP_DEFINE(heap_static, 1024);
static K_HEAP_DEFINE_NOCACHE(heap_static_nocache, 512);

/* Slabs. */
K_MEM_SLAB_DEFINE(slab_plain, 32, 4, 8);
static K_MEM_SLAB_DEFINE(slab_static_prefix, 16, 2, 4);
K_MEM_SLAB_DEFINE_STATIC(slab_static, 64, 2, 16);
struct compat_pair {
	uint64_t a;
	uint32_t b;
};
K_MEM_SLAB_DEFINE_TYPE(slab_type, struct compat_pair, 3);

/* Memory blocks and bit arrays. */
SYS_MEM_BLOCKS_DEFINE(blocks_plain, 32, 8, 4);
static SYS_MEM_BLOCKS_DEFINE(blocks_static_prefix, 16, 40, 16);
SYS_MEM_BLOCKS_DEFINE_STATIC(blocks_static, 64, 4, 8);
static uint8_t ext_buf[4 * 128] __aligned(8);
SYS_MEM_BLOCKS_DEFINE_WITH_EXT_BUF(blocks_ext, 128, 4, ext_buf);
static uint8_t ext_buf2[2 * 256];
SYS_MEM_BLOCKS_DEFINE_STATIC_WITH_EXT_BUF(blocks_ext_static, 256, 2, ext_buf2);
SYS_BITARRAY_DEFINE(bits_plain, 70);
SYS_BITARRAY_DEFINE_STATIC(bits_static, 5);
static SYS_BITARRAY_DEFINE(bits_static_prefix, 33);

/* Ring buffers. */
RING_BUF_DECLARE(ring_plain, 10);
static RING_BUF_DECLARE(ring_static, 7);
RING_BUF_ITEM_DECLARE(ring_items, 8);
static RING_BUF_ITEM_DECLARE_SIZE(ring_items_static, 6);

/* Stacks. The declarations (Zephyr 3.5's form, with the size) must name the same type as the
 * definitions that follow, or the compiler refuses the redeclaration. */
K_THREAD_STACK_DECLARE(stack_plain, 1024);
K_THREAD_STACK_ARRAY_DECLARE(stack_array_plain, 3, 1000);
K_KERNEL_STACK_DECLARE(kstack_plain, 1000);
K_THREAD_STACK_DEFINE(stack_plain, 1024);
K_THREAD_STACK_ARRAY_DEFINE(stack_array_plain, 3, 1000);
K_KERNEL_STACK_DEFINE(kstack_plain, 1000);
static K_THREAD_STACK_DEFINE(stack_static, 1024);
static K_THREAD_STACK_ARRAY_DEFINE(stack_array_static, 2, 1024);
static K_KERNEL_STACK_DEFINE(kstack_static, 1024);

/* The kernel objects memory flows through. */
static K_MSGQ_DEFINE(msgq_static, sizeof(uint32_t), 4, 4);
static K_QUEUE_DEFINE(queue_static);
static K_FIFO_DEFINE(fifo_static);
static K_LIFO_DEFINE(lifo_static);
static K_STACK_DEFINE(kstack_obj_static, 4);
static K_TIMER_DEFINE(timer_static, NULL, NULL);
static int work_runs;
static void work_handler(struct k_work *work)
{
	ARG_UNUSED(work);
	work_runs++;
}
static K_WORK_DEFINE(work_static, work_handler);

/* Partitions and heap listeners. */
static uint8_t part_mem[4096] __aligned(4096);
K_MEM_PARTITION_DEFINE(part_plain, part_mem, sizeof(part_mem), K_MEM_PARTITION_P_RW_U_RW);
static K_MEM_PARTITION_DEFINE(part_static, part_mem, sizeof(part_mem), K_MEM_PARTITION_P_RO_U_RO);

static int listener_events;
static void listener_cb(uintptr_t heap_id, void *mem, size_t bytes)
{
	ARG_UNUSED(heap_id);
	ARG_UNUSED(mem);
	ARG_UNUSED(bytes);
	listener_events++;
}
static HEAP_LISTENER_ALLOC_DEFINE(listener_static, HEAP_ID_FROM_POINTER(&heap_static), listener_cb);

/* A thread defined at file scope with a static prefix (its stack becomes file-local). */
static volatile int defined_thread_ran;
static void defined_thread_entry(void *a, void *b, void *c)
{
	ARG_UNUSED(a);
	ARG_UNUSED(b);
	ARG_UNUSED(c);
	defined_thread_ran = 1;
}
static K_THREAD_DEFINE(thread_static_prefix, 2048, defined_thread_entry, NULL, NULL, NULL, 5, 0, 0);

static void use_slab(struct k_mem_slab *slab)
{
	void *b = NULL;

	CHECK_EQ(k_mem_slab_alloc(slab, &b, K_NO_WAIT), 0);
	CHECK(b != NULL);
	k_mem_slab_free(slab, b);
	CHECK_EQ(k_mem_slab_num_used_get(slab), 0);
}

static void use_heap(struct k_heap *h)
{
	void *p = k_heap_alloc(h, 100, K_NO_WAIT);

	CHECK(p != NULL);
	k_heap_free(h, p);
}

static void use_blocks(sys_mem_blocks_t *mb, size_t blk_sz, uint32_t num)
{
	void *b = NULL;

	CHECK_EQ(mb->info.num_blocks, num);
	CHECK_EQ((size_t)1 << mb->info.blk_sz_shift, blk_sz);
	CHECK_EQ(sys_mem_blocks_alloc(mb, 1, &b), 0);
	CHECK(b == mb->buffer);
	CHECK_EQ(sys_mem_blocks_free(mb, 1, &b), 0);
}

static void use_ring(struct ring_buf *rb, uint32_t size)
{
	uint8_t in[3] = {1, 2, 3};
	uint8_t out[3] = {0};

	CHECK_EQ(ring_buf_capacity_get(rb), size);
	CHECK_EQ(ring_buf_put(rb, in, 3), 3);
	CHECK_EQ(ring_buf_get(rb, out, 3), 3);
	CHECK_EQ(out[2], 3);
}

static void test_file_scope_forms(void)
{
	CHECK_EQ(k_sem_take(&sem_plain, K_NO_WAIT), -EBUSY);
	CHECK_EQ(k_sem_take(&sem_static, K_NO_WAIT), 0);
	CHECK_EQ(k_mutex_lock(&mutex_plain, K_NO_WAIT), 0);
	CHECK_EQ(k_mutex_unlock(&mutex_plain), 0);
	CHECK_EQ(k_mutex_lock(&mutex_static, K_NO_WAIT), 0);
	CHECK_EQ(k_mutex_unlock(&mutex_static), 0);

	use_heap(&heap_plain);
	heap_listener_register(&listener_static);
	use_heap(&heap_static);
	heap_listener_unregister(&listener_static);
	CHECK_EQ(listener_events, 1);
	use_heap(&heap_static_nocache);

	use_slab(&slab_plain);
	use_slab(&slab_static_prefix);
	use_slab(&slab_static);
	use_slab(&slab_type);
	CHECK_EQ(slab_type.info.block_size % _Alignof(struct compat_pair), 0);

	use_blocks(&blocks_plain, 32, 8);
	use_blocks(&blocks_static_prefix, 16, 40);
	use_blocks(&blocks_static, 64, 4);
	use_blocks(&blocks_ext, 128, 4);
	CHECK(blocks_ext.buffer == ext_buf);
	use_blocks(&blocks_ext_static, 256, 2);

	CHECK_EQ(bits_plain.num_bits, 70);
	CHECK_EQ(bits_plain.num_bundles, 3);
	CHECK_EQ(sys_bitarray_set_bit(&bits_plain, 69), 0);
	CHECK_EQ(sys_bitarray_set_bit(&bits_static, 4), 0);
	CHECK_EQ(sys_bitarray_set_bit(&bits_static_prefix, 32), 0);
	CHECK_EQ(sys_bitarray_set_bit(&bits_static, 5), -EINVAL);

	use_ring(&ring_plain, 10);
	use_ring(&ring_static, 7);
	CHECK_EQ(ring_buf_item_space_get(&ring_items), 8);
	CHECK_EQ(ring_buf_item_space_get(&ring_items_static), 6);

	CHECK(K_THREAD_STACK_SIZEOF(stack_plain) >= 1024);
	CHECK_EQ(K_KERNEL_STACK_SIZEOF(kstack_plain), 1000);
	CHECK((void *)stack_array_plain[2] != (void *)kstack_plain);
	CHECK(K_THREAD_STACK_SIZEOF(stack_static) >= 1024);
	CHECK(K_THREAD_STACK_SIZEOF(stack_array_static[1]) >= 1024);
	CHECK(K_KERNEL_STACK_SIZEOF(kstack_static) >= 1024);
	/* Used beyond sizeof too, so that every build emits them (clang drops objects only
	 * named in sizeof, and warns). */
	CHECK((void *)stack_static != (void *)stack_array_static[1]);
	CHECK((void *)kstack_static != (void *)stack_array_static[0]);

	uint32_t m = 7;
	uint32_t got = 0;

	CHECK_EQ(k_msgq_put(&msgq_static, &m, K_NO_WAIT), 0);
	CHECK_EQ(k_msgq_get(&msgq_static, &got, K_NO_WAIT), 0);
	CHECK_EQ(got, 7);
	static uint32_t item[2][2];

	k_queue_append(&queue_static, item[0]);
	CHECK(k_queue_get(&queue_static, K_NO_WAIT) == item[0]);
	k_fifo_put(&fifo_static, item[1]);
	CHECK(k_fifo_get(&fifo_static, K_NO_WAIT) == item[1]);
	k_lifo_put(&lifo_static, item[0]);
	CHECK(k_lifo_get(&lifo_static, K_NO_WAIT) == item[0]);
	stack_data_t sd = 0;

	CHECK_EQ(k_stack_push(&kstack_obj_static, 42), 0);
	CHECK_EQ(k_stack_pop(&kstack_obj_static, &sd, K_NO_WAIT), 0);
	CHECK_EQ(sd, 42);
	k_timer_start(&timer_static, K_MSEC(1), K_NO_WAIT);
	k_msleep(2);
	CHECK_EQ(k_timer_status_get(&timer_static), 1);
	CHECK(k_work_submit(&work_static) >= 0);
	k_msleep(1);
	CHECK_EQ(work_runs, 1);

	CHECK_EQ(part_plain.size, sizeof(part_mem));
	CHECK_EQ(part_static.attr, K_MEM_PARTITION_P_RO_U_RO);

	k_msleep(1);
	CHECK_EQ(defined_thread_ran, 1);
	(void)thread_static_prefix;
}

/*
 * Block scope: the forms Zephyr code writes inside functions. A slab there is
 * K_MEM_SLAB_DEFINE_STATIC's: `static K_MEM_SLAB_DEFINE()` makes only the buffer static, and
 * an automatic slab is refused at compile time, as on Zephyr (its record in section
 * zmem_kobj_static needs a constant address).
 */
static void test_block_scope_forms(void)
{
	static K_SEM_DEFINE(local_sem, 2, 2);
	static K_MUTEX_DEFINE(local_mutex);
	K_MEM_SLAB_DEFINE_STATIC(local_slab, 8, 2, 8);
	SYS_MEM_BLOCKS_DEFINE_STATIC(local_blocks, 16, 4, 8);
	static SYS_MEM_BLOCKS_DEFINE(local_blocks_prefix, 8, 4, 8);
	SYS_BITARRAY_DEFINE_STATIC(local_bits, 9);
	static RING_BUF_DECLARE(local_ring, 5);
	HEAP_LISTENER_ALLOC_DEFINE(local_listener, HEAP_ID_FROM_POINTER(&heap_plain), listener_cb);

	CHECK_EQ(k_sem_count_get(&local_sem), 2);
	CHECK_EQ(k_mutex_lock(&local_mutex, K_NO_WAIT), 0);
	CHECK_EQ(k_mutex_unlock(&local_mutex), 0);
	use_slab(&local_slab);
	use_blocks(&local_blocks, 16, 4);
	use_blocks(&local_blocks_prefix, 8, 4);
	CHECK_EQ(sys_bitarray_set_bit(&local_bits, 8), 0);
	use_ring(&local_ring, 5);
	CHECK(local_listener.heap_id == HEAP_ID_FROM_POINTER(&heap_plain));
}

void compat_static_defines_tests(void)
{
	RUN_TEST(test_file_scope_forms);
	RUN_TEST(test_block_scope_forms);
}
