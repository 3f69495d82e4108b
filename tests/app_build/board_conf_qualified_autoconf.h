/* board_conf with -DBOARD=native_sim/native/64: boards/native_sim.conf, then the fully
 * qualified boards/native_sim_native_64.conf; not zmem_host.conf (another board was named).
 */
#define CONFIG_APP_FROM_PRJ 1
#define CONFIG_APP_FROM_BOARD 2
#define CONFIG_APP_FROM_QUALIFIED 3
#define CONFIG_APP_FROM_ZMEM 1
