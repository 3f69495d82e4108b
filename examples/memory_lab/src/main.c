/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The seed chapter's memory management lab (chapter 9), one exercise per section of the
 * chapter, with the chapter's own code: static allocation, kernel heaps, the system heap, memory
 * slabs, static and dynamic thread stacks, memory domains, allocator selection, alignment, a
 * message pool, heap statistics, stack monitoring, error checks, a buffer manager and resource
 * pools. The monitoring lines it prints (stack usage, heap statistics, CPU shares) are checked
 * by check_output.py in CI.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zephyr/debug/thread_analyzer.h>
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>
#include <zephyr/sys/printk.h>

LOG_MODULE_REGISTER(memory_lab, LOG_LEVEL_INF);

/* ---- Exercise 1: static memory allocation ---- */

#define MAX_SENSORS 4

struct sensor_data_static {
	uint32_t timestamp;
	int16_t value;
};

// Global arrays with compile-time allocation
static uint8_t sensor_buffer[1024];
static struct sensor_data_static readings[MAX_SENSORS];

// Thread stacks allocated statically
K_THREAD_STACK_DEFINE(sensor_thread_stack, 2048);
K_THREAD_STACK_DEFINE(control_thread_stack, 1536);

static void exercise_static(void)
{
	printk("\n=== Exercise 1: static allocation ===\n");
	memset(sensor_buffer, 0x5A, sizeof(sensor_buffer));
	for (int i = 0; i < MAX_SENSORS; i++) {
		readings[i].timestamp = k_uptime_get_32();
		readings[i].value = (int16_t)(20 + i);
	}
	printk("sensor_buffer %zu bytes, readings %zu bytes, stacks %zu and %zu bytes\n",
	       sizeof(sensor_buffer), sizeof(readings), K_THREAD_STACK_SIZEOF(sensor_thread_stack),
	       K_THREAD_STACK_SIZEOF(control_thread_stack));
}

/* ---- Exercise 2: kernel heaps ---- */

// Define a 4KB heap for application use
K_HEAP_DEFINE(app_heap, 4096);

// Define specialized heaps for different purposes
K_HEAP_DEFINE(buffer_heap, 2048); // Network buffers
K_HEAP_DEFINE(config_heap, 1024); // Configuration data

static uint8_t heap_memory[8192];
static struct k_heap custom_heap;

void initialize_custom_heap(void)
{
	k_heap_init(&custom_heap, heap_memory, sizeof(heap_memory));
}

#define NUM_SENSORS 8

struct sensor_reading {
	uint32_t timestamp;
	float value;
};

static int exercise_kernel_heap(void)
{
	printk("\n=== Exercise 2: kernel heaps ===\n");
	initialize_custom_heap();

	// Example usage
	void *buffer = k_heap_alloc(&app_heap, 256, K_FOREVER);
	if (buffer == NULL) {
		// Handle allocation failure
		return -ENOMEM;
	}

	// Allocate array of structures, initialized to zero
	struct sensor_reading *readings =
	    k_heap_calloc(&app_heap, NUM_SENSORS, sizeof(struct sensor_reading), K_NO_WAIT);

	printk("app_heap: 256-byte buffer %s, %d zeroed readings %s\n", buffer ? "ok" : "failed",
	       NUM_SENSORS, readings ? "ok" : "failed");

	// Always free allocated memory
	k_heap_free(&app_heap, buffer);
	buffer = NULL; // Prevent accidental reuse
	k_heap_free(&app_heap, readings);

	void *custom = k_heap_alloc(&custom_heap, 4000, K_NO_WAIT);

	printk("custom_heap (8192 bytes at run time): 4000-byte block %s\n",
	       custom ? "ok" : "failed");
	k_heap_free(&custom_heap, custom);
	return 0;
}

/* ---- Exercise 3: the system heap ---- */

static void exercise_system_heap(void)
{
	printk("\n=== Exercise 3: system heap ===\n");
	// Standard malloc/free with system heap
	void *ptr = malloc(512);
	if (ptr != NULL) {
		// Use allocated memory
		free(ptr);
	}

	// Calloc for zero-initialized arrays
	int *array = calloc(100, sizeof(int));
	free(array);

	// Realloc for dynamic resizing
	char *buffer = malloc(256);
	buffer = realloc(buffer, 512); // Expand to 512 bytes
	free(buffer);

	// Aligned allocation
	void *aligned_ptr = k_aligned_alloc(64, 1024); // 64-byte aligned, 1KB
	printk("k_aligned_alloc(64, 1024): %s, 64-byte aligned: %s\n",
	       aligned_ptr ? "ok" : "failed", ((uintptr_t)aligned_ptr % 64U) == 0U ? "yes" : "no");
	k_free(aligned_ptr);

	// Thread-aware allocation
	void *thread_ptr = k_malloc(256); // Uses thread's resource pool
	printk("k_malloc(256): %s\n", thread_ptr ? "ok" : "failed");
	k_free(thread_ptr);
}

/* ---- Exercise 4: memory slabs ---- */

// Define memory slab for fixed-size objects
#define BUFFER_SIZE 128
#define NUM_BUFFERS 16

K_MEM_SLAB_DEFINE(packet_slab, BUFFER_SIZE, NUM_BUFFERS, 4);

// Alternative: Runtime initialization
static struct k_mem_slab custom_slab;
static uint8_t slab_memory[NUM_BUFFERS * BUFFER_SIZE];

void init_custom_slab(void)
{
	k_mem_slab_init(&custom_slab, slab_memory, BUFFER_SIZE, NUM_BUFFERS);
}

static unsigned int packets_processed;

static void process_packet(void *buffer)
{
	memset(buffer, 0xC3, BUFFER_SIZE);
	packets_processed++;
}

void demonstrate_slab_usage(void)
{
	void *buffer;

	// Allocate from slab (deterministic time)
	if (k_mem_slab_alloc(&packet_slab, &buffer, K_NO_WAIT) == 0) {
		// Use buffer for packet processing
		process_packet(buffer);

		// Return to slab
		k_mem_slab_free(&packet_slab, buffer);
	} else {
		// All buffers in use
		LOG_WRN("Packet slab exhausted");
	}
}

static void exercise_slabs(void)
{
	printk("\n=== Exercise 4: memory slabs ===\n");
	init_custom_slab();
	for (int i = 0; i < 20; i++) {
		demonstrate_slab_usage();
	}
	void *held[NUM_BUFFERS];
	int n = 0;

	while (n < NUM_BUFFERS && k_mem_slab_alloc(&packet_slab, &held[n], K_NO_WAIT) == 0) {
		n++;
	}
	demonstrate_slab_usage(); /* exhausted: warns */
	for (int i = 0; i < n; i++) {
		k_mem_slab_free(&packet_slab, held[i]);
	}
	printk("packet_slab: %u packets processed, %d blocks held at most, %u free now; "
	       "custom_slab %u free\n",
	       packets_processed, n, k_mem_slab_num_free_get(&packet_slab),
	       k_mem_slab_num_free_get(&custom_slab));
}

/* ---- Exercise 5: thread stacks ---- */

// Define thread stacks with specific sizes
K_THREAD_STACK_DEFINE(worker_stack, 2048);
K_THREAD_STACK_DEFINE(network_stack, 4096);
K_THREAD_STACK_DEFINE(sensor_stack, 1536);

// Stack size considerations
#define BASE_STACK_SIZE   512 // Minimum for thread overhead
#define FUNCTION_OVERHEAD 64  // Per function call
#define LOCAL_VAR_SIZE    128 // Local variables
#define ISR_OVERHEAD      256 // Interrupt handling
#define SAFETY_MARGIN     256 // Additional safety buffer

#define CALCULATED_STACK_SIZE                                                                      \
	(BASE_STACK_SIZE + FUNCTION_OVERHEAD + LOCAL_VAR_SIZE + ISR_OVERHEAD + SAFETY_MARGIN)

#define THREAD_PRIORITY 5

static struct k_thread thread_data;

void monitor_stack_usage(k_tid_t thread)
{
	size_t unused_space = k_thread_stack_space_get(thread);
	size_t total_size = k_thread_stack_size_get(thread);
	size_t used_space = total_size - unused_space;

	printk("Thread stack usage: %zu/%zu bytes (%.1f%%)\n", used_space, total_size,
	       (double)((float)used_space * 100.0f / total_size));
}

/* A probe of known depth: it writes PROBE_BYTES bytes of its own stack frame. */
#define PROBE_BYTES 1024

static __attribute__((noinline)) void stack_probe(void)
{
	volatile uint8_t area[PROBE_BYTES];

	for (size_t i = 0; i < sizeof(area); i++) {
		area[i] = (uint8_t)i;
	}
}

static void thread_entry_point(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	if (p1 != NULL) {
		stack_probe();
	}
}

static int exercise_stacks(void)
{
	printk("\n=== Exercise 5: thread stacks ===\n");
	printk("CALCULATED_STACK_SIZE = %d bytes\n", CALCULATED_STACK_SIZE);

	// Allocate thread stacks dynamically
	k_thread_stack_t *dynamic_stack = k_thread_stack_alloc(2048, 0);
	if (dynamic_stack == NULL) {
		return -ENOMEM;
	}

	// Create thread with dynamic stack
	k_tid_t thread_id = k_thread_create(&thread_data, dynamic_stack, 2048, thread_entry_point,
					    NULL, NULL, NULL, THREAD_PRIORITY, 0, K_NO_WAIT);

	k_thread_join(thread_id, K_FOREVER);
	printk("dynamic thread: ");
	monitor_stack_usage(thread_id);

	// Free stack when thread terminates
	k_thread_stack_free(dynamic_stack);

	/* The probe on the static stacks: usage covers the probe's bytes and stays inside. */
	static k_thread_stack_t *const stacks[] = {worker_stack, sensor_stack, network_stack};
	static const size_t sizes[] = {K_THREAD_STACK_SIZEOF(worker_stack),
				       K_THREAD_STACK_SIZEOF(sensor_stack),
				       K_THREAD_STACK_SIZEOF(network_stack)};

	for (size_t i = 0; i < ARRAY_SIZE(stacks); i++) {
		thread_id = k_thread_create(&thread_data, stacks[i], sizes[i], thread_entry_point,
					    (void *)1, NULL, NULL, THREAD_PRIORITY, 0, K_NO_WAIT);
		k_thread_join(thread_id, K_FOREVER);
		size_t used =
		    k_thread_stack_size_get(thread_id) - k_thread_stack_space_get(thread_id);
		printk("Stack probe: %d bytes touched, stack usage %zu/%zu bytes\n", PROBE_BYTES,
		       used, k_thread_stack_size_get(thread_id));
	}
	return 0;
}

/* ---- Exercise 6: memory domains ---- */

static uint8_t user_memory[4096] __aligned(4096);
static uint8_t config_memory[4096] __aligned(4096);
#define user_memory_start   user_memory
#define user_memory_size    sizeof(user_memory)
#define config_memory_start config_memory
#define config_memory_size  sizeof(config_memory)

// Define memory partitions for different access levels
K_MEM_PARTITION_DEFINE(user_partition, user_memory_start, user_memory_size,
		       K_MEM_PARTITION_P_RW_U_RW);

K_MEM_PARTITION_DEFINE(config_partition, config_memory_start, config_memory_size,
		       K_MEM_PARTITION_P_RW_U_RO);

// Create memory domain with partitions
static struct k_mem_partition *partitions[] = {&user_partition, &config_partition};

static struct k_mem_domain user_domain;

void setup_user_domain(void)
{
	k_mem_domain_init(&user_domain, ARRAY_SIZE(partitions), partitions);
}

void assign_thread_to_domain(k_tid_t thread)
{
	// Add thread to memory domain
	k_mem_domain_add_thread(&user_domain, thread);
}

static volatile int user_saw;

static void user_entry(void *p1, void *p2, void *p3)
{
	(void)p1;
	(void)p2;
	(void)p3;
	user_memory[0] = 42;             /* its own partition: read/write */
	user_saw = config_memory[0] + 1; /* read-only for it: reading is fine */
}

static void exercise_domains(void)
{
	printk("\n=== Exercise 6: memory domains ===\n");
	config_memory[0] = 7;
	setup_user_domain();
	k_tid_t t =
	    k_thread_create(&thread_data, worker_stack, K_THREAD_STACK_SIZEOF(worker_stack),
			    user_entry, NULL, NULL, NULL, THREAD_PRIORITY, K_USER, K_FOREVER);

	assign_thread_to_domain(t);
	k_thread_start(t);
	k_thread_join(t, K_FOREVER);
	printk("user thread in user_domain: wrote %d to its partition, read %d from the "
	       "read-only one\n",
	       user_memory[0], user_saw - 1);
}

/* ---- Exercise 7: allocator selection and alignment ---- */

#define RT_BUFFER_SIZE  64
#define RT_BUFFER_COUNT 8

// Real-time critical path: Use memory slabs
K_MEM_SLAB_DEFINE(rt_buffer_slab, RT_BUFFER_SIZE, RT_BUFFER_COUNT, 4);

// Variable-size allocations: Use dedicated heap
K_HEAP_DEFINE(variable_heap, 8192);

// Cache-line aligned allocation for DMA buffers
#define CACHE_LINE_SIZE 32

// Structure alignment for optimal packing
struct __packed sensor_data {
	uint32_t timestamp;
	uint16_t temperature;
	uint16_t humidity;
} __aligned(4);

static void exercise_selection(void)
{
	printk("\n=== Exercise 7: allocator selection and alignment ===\n");
	size_t size = 300;
	size_t buffer_size = 512;
	void *rt;

	k_mem_slab_alloc(&rt_buffer_slab, &rt, K_NO_WAIT);
	void *variable = k_heap_alloc(&variable_heap, 1500, K_NO_WAIT);

	// Standard operations: System heap
	void *system_buffer = k_malloc(size);

	void *dma_buffer = k_aligned_alloc(CACHE_LINE_SIZE, buffer_size);

	printk("slab %s, variable heap %s, system heap %s, DMA buffer %s (%s)\n",
	       rt ? "ok" : "failed", variable ? "ok" : "failed", system_buffer ? "ok" : "failed",
	       dma_buffer ? "ok" : "failed",
	       ((uintptr_t)dma_buffer % CACHE_LINE_SIZE) == 0U ? "aligned" : "misaligned");
	printk("struct sensor_data: %zu bytes, alignment %zu\n", sizeof(struct sensor_data),
	       _Alignof(struct sensor_data));
	k_free(dma_buffer);
	k_free(system_buffer);
	k_heap_free(&variable_heap, variable);
	k_mem_slab_free(&rt_buffer_slab, rt);
}

/* ---- Exercise 8: a message pool ---- */

#define MAX_MESSAGE_SIZE 60
#define MAX_MESSAGES     8

// Message pool for inter-thread communication
struct message {
	uint8_t type;
	uint8_t priority;
	uint16_t length;
	uint8_t data[MAX_MESSAGE_SIZE];
};

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

static void exercise_message_pool(void)
{
	printk("\n=== Exercise 8: message pool ===\n");
	struct message *msgs[MAX_MESSAGES + 1];
	int got = 0;

	for (int i = 0; i <= MAX_MESSAGES; i++) {
		msgs[i] = alloc_message();
		got += msgs[i] != NULL;
	}
	printk("message pool: %d of %d messages allocated when asking for %d\n", got, MAX_MESSAGES,
	       MAX_MESSAGES + 1);
	for (int i = 0; i <= MAX_MESSAGES; i++) {
		if (msgs[i] != NULL) {
			free_message(msgs[i]);
		}
	}
}

/* ---- Exercise 9: debugging and monitoring ---- */

void print_heap_statistics(struct k_heap *heap)
{
	struct sys_memory_stats stats;

	if (k_heap_runtime_stats_get(heap, &stats) == 0) {
		printk("Heap Statistics:\n");
		printk("  Total Size: %zu bytes\n", stats.allocated_bytes + stats.free_bytes);
		printk("  Allocated:  %zu bytes\n", stats.allocated_bytes);
		printk("  Free:       %zu bytes\n", stats.free_bytes);
		printk("  Max Usage:  %zu bytes\n", stats.max_allocated_bytes);
	}
}

void safe_memory_operations(void)
{
	void *ptr = k_malloc(256);

	if (ptr == NULL) {
		LOG_ERR("Memory allocation failed");
		return;
	}

	// Use memory safely
	memset(ptr, 0, 256);

	// Always free allocated memory
	k_free(ptr);
	ptr = NULL; // Prevent use-after-free
}

/* The CPU share of each thread over a window in which two workers spin. */
#define SPIN_ROUNDS 20
#define SPIN_US     500

static struct k_thread sensor_thread, control_thread;

static void spin_entry(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	for (int i = 0; i < SPIN_ROUNDS; i++) {
		k_busy_wait(SPIN_US * (uint32_t)(uintptr_t)p1);
		k_yield();
	}
}

static double share(uint64_t part, uint64_t whole)
{
	return whole != 0U ? (double)part * 100.0 / (double)whole : 0.0;
}

static void exercise_monitoring(void)
{
	printk("\n=== Exercise 9: debugging and monitoring ===\n");
	/* Heap figures: a peak of three blocks, then one left. */
	void *a = k_heap_alloc(&buffer_heap, 256, K_NO_WAIT);
	void *b = k_heap_alloc(&buffer_heap, 512, K_NO_WAIT);
	void *c = k_heap_alloc(&buffer_heap, 384, K_NO_WAIT);

	k_heap_free(&buffer_heap, b);
	k_heap_free(&buffer_heap, c);
	printk("buffer_heap (2048 bytes): peak of 256 + 512 + 384 bytes requested, 256 kept\n");
	print_heap_statistics(&buffer_heap);

	struct sys_memory_stats st;

	k_heap_runtime_stats_get(&buffer_heap, &st);
	printk("Heap stats: %zu bytes allocated, %zu bytes free\n", st.allocated_bytes,
	       st.free_bytes);
	/* The two figures add up to the heap's size less sys_heap's fixed overhead (its chunk 0
	 * and end marker, docs/sys_heap.md), which stays the same from init on. */
	size_t heap_bytes = buffer_heap.heap.init_bytes;
	size_t fixed = heap_bytes - st.allocated_bytes - st.free_bytes;

	printk("Heap overhead: %zu bytes fixed (%zu allocated + %zu free + %zu = %zu bytes)\n",
	       fixed, st.allocated_bytes, st.free_bytes, fixed, heap_bytes);
	k_heap_free(&buffer_heap, a);
	safe_memory_operations();

	/* Two workers spin (a busy wait, then a yield) while main waits for them. */
	k_thread_runtime_stats_t all0, all1, s0, s1, m0, m1;

	k_thread_runtime_stats_all_get(&all0);
	k_thread_runtime_stats_get(k_current_get(), &m0);
	k_thread_create(&sensor_thread, sensor_thread_stack,
			K_THREAD_STACK_SIZEOF(sensor_thread_stack), spin_entry, (void *)1, NULL,
			NULL, THREAD_PRIORITY, 0, K_NO_WAIT);
	k_thread_name_set(&sensor_thread, "sensor");
	k_thread_create(&control_thread, control_thread_stack,
			K_THREAD_STACK_SIZEOF(control_thread_stack), spin_entry, (void *)3, NULL,
			NULL, THREAD_PRIORITY, 0, K_NO_WAIT);
	k_thread_name_set(&control_thread, "control");
	k_thread_join(&sensor_thread, K_FOREVER);
	k_thread_join(&control_thread, K_FOREVER);
	k_thread_runtime_stats_get(&sensor_thread, &s0);
	k_thread_runtime_stats_get(&control_thread, &s1);
	k_thread_runtime_stats_get(k_current_get(), &m1);
	k_thread_runtime_stats_all_get(&all1);
	uint64_t window = all1.execution_cycles - all0.execution_cycles;

	printk("CPU usage over the spin window (%llu cycles): sensor %.1f%%, control %.1f%%, "
	       "main %.1f%%, idle %.1f%%\n",
	       (unsigned long long)window, share(s0.execution_cycles, window),
	       share(s1.execution_cycles, window),
	       share(m1.execution_cycles - m0.execution_cycles, window),
	       share(all1.idle_cycles - all0.idle_cycles, window));
	printk("sensor ");
	monitor_stack_usage(&sensor_thread);
	printk("control ");
	monitor_stack_usage(&control_thread);

	/* A report line formatted the usual way, on main's 2 KiB stack. */
	char report[96];
	size_t before = k_thread_stack_space_get(k_current_get());

	snprintf(report, sizeof(report), "uptime %.3f s, %u packets, heap %.1f%% free",
		 (double)k_uptime_get() / 1000.0, packets_processed,
		 share(st.free_bytes, st.allocated_bytes + st.free_bytes));
	size_t after = k_thread_stack_space_get(k_current_get());

	printk("snprintf report: \"%s\" (main stack unused %zu -> %zu bytes)\n", report, before,
	       after);
}

/* ---- Exercise 10: a buffer manager ---- */

#define SMALL_BUFFER_SIZE 64
#define LARGE_BUFFER_SIZE 512

struct buffer_manager {
	struct k_heap *heap;
	struct k_mem_slab *small_buffers;
	struct k_mem_slab *large_buffers;
	struct k_spinlock lock;
};

K_MEM_SLAB_DEFINE(small_slab, SMALL_BUFFER_SIZE, 8, 4);
K_MEM_SLAB_DEFINE(large_slab, LARGE_BUFFER_SIZE, 4, 4);

void *buffer_alloc(struct buffer_manager *mgr, size_t size)
{
	k_spinlock_key_t key = k_spin_lock(&mgr->lock);
	void *buffer = NULL;

	if (size <= SMALL_BUFFER_SIZE) {
		k_mem_slab_alloc(mgr->small_buffers, &buffer, K_NO_WAIT);
	} else if (size <= LARGE_BUFFER_SIZE) {
		k_mem_slab_alloc(mgr->large_buffers, &buffer, K_NO_WAIT);
	} else {
		buffer = k_heap_alloc(mgr->heap, size, K_NO_WAIT);
	}

	k_spin_unlock(&mgr->lock, key);
	return buffer;
}

static void exercise_buffer_manager(void)
{
	printk("\n=== Exercise 10: buffer manager ===\n");
	struct buffer_manager mgr = {
	    .heap = &app_heap, .small_buffers = &small_slab, .large_buffers = &large_slab};
	void *s = buffer_alloc(&mgr, 40);
	void *l = buffer_alloc(&mgr, 400);
	void *h = buffer_alloc(&mgr, 1200);

	printk("buffer manager: 40 bytes from the small slab %s, 400 from the large slab %s, "
	       "1200 from the heap %s\n",
	       s ? "ok" : "failed", l ? "ok" : "failed", h ? "ok" : "failed");
	k_mem_slab_free(&small_slab, s);
	k_mem_slab_free(&large_slab, l);
	k_heap_free(&app_heap, h);
}

/* ---- Exercise 11: resource pools ---- */

K_HEAP_DEFINE(high_priority_heap, 2048);
K_HEAP_DEFINE(shared_heap, 2048);
K_HEAP_DEFINE(minimal_heap, 512);

static struct k_thread high_priority_thread, normal_thread1, normal_thread2, background_thread;
K_THREAD_STACK_ARRAY_DEFINE(pool_stacks, 4, 1024);

void setup_thread_resource_pools(void)
{
	// High-priority threads get larger resource pools
	k_thread_resource_pool_assign(&high_priority_thread, &high_priority_heap);

	// Normal threads share a common pool
	k_thread_resource_pool_assign(&normal_thread1, &shared_heap);
	k_thread_resource_pool_assign(&normal_thread2, &shared_heap);

	// Background threads use minimal resources
	k_thread_resource_pool_assign(&background_thread, &minimal_heap);
}

static void pool_entry(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	/* The kernel's allocations on the thread's behalf come from its pool. */
	void *mem = z_thread_malloc((size_t)(uintptr_t)p1);

	*(volatile bool *)p3 = mem != NULL;
	k_free(mem);
}

static void exercise_resource_pools(void)
{
	printk("\n=== Exercise 11: resource pools ===\n");
	struct k_thread *threads[] = {&high_priority_thread, &normal_thread1, &normal_thread2,
				      &background_thread};
	static const char *const names[] = {"high_priority", "normal1", "normal2", "background"};
	static volatile bool ok[4];

	for (int i = 0; i < 4; i++) {
		k_thread_create(threads[i], pool_stacks[i], 1024, pool_entry, (void *)1024, NULL,
				(void *)&ok[i], THREAD_PRIORITY, 0, K_FOREVER);
	}
	setup_thread_resource_pools();
	for (int i = 0; i < 4; i++) {
		k_thread_start(threads[i]);
		k_thread_join(threads[i], K_FOREVER);
		printk("%s: 1024 bytes from its pool %s\n", names[i], ok[i] ? "ok" : "refused");
	}
}

int main(void)
{
	size_t unused = k_thread_stack_space_get(k_current_get());
	size_t used = CONFIG_MAIN_STACK_SIZE - unused;

	printk("Initial stack usage: %zu/%d bytes (%.1f%%)\n", used, CONFIG_MAIN_STACK_SIZE,
	       (double)used * 100.0 / CONFIG_MAIN_STACK_SIZE);

	exercise_static();
	exercise_kernel_heap();
	exercise_system_heap();
	exercise_slabs();
	exercise_stacks();
	exercise_domains();
	exercise_selection();
	exercise_message_pool();
	exercise_monitoring();
	exercise_buffer_manager();
	exercise_resource_pools();

	printk("\n=== Summary ===\n");
	printk("main ");
	monitor_stack_usage(k_current_get());
	print_heap_statistics(&app_heap);
	thread_analyzer_print();
	printk("memory lab done\n");
	return 0;
}
