/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* What the init functions of main.c, second.c and lib_init.c record, in the order they run. */
#ifndef SYS_INIT_TEST_H_
#define SYS_INIT_TEST_H_

enum sys_init_event {
	EV_EARLY_0 = 1, /* second.c */
	EV_EARLY_50,
	EV_PK1_5,       /* second.c */
	EV_PK_ALIAS_7,  /* PRE_KERNEL, Zephyr's newer name of PRE_KERNEL_1 */
	EV_PK1_10,
	EV_PK2_0,       /* PRE_KERNEL_2 runs after all of PRE_KERNEL_1, whatever the priority */
	EV_POST_1,      /* second.c: creates a cooperative thread, which runs at once */
	EV_POST_THREAD,
	EV_POST_1_DONE,
	EV_POST_99_FAILS, /* returns -EIO: ignored, the next entry still runs */
	EV_POST_99_AGAIN, /* SYS_INIT_NAMED: the same function registered again */
	EV_APP_0,         /* lib_init.c, in a static library */
	EV_APP_3,
	EV_STATIC_THREAD, /* K_THREAD_DEFINE: started after APPLICATION */
	EV_SMP_0,         /* SMP: Zephyr's older name of PRE_MAIN */
	EV_PRE_MAIN_1,
};

/* Record @p ev with the context it runs in. */
void sys_init_record(int ev);

#endif /* SYS_INIT_TEST_H_ */
