/* board_conf with no board named (zmem_host): prj.conf, then boards/native_sim.conf and
 * boards/zmem_host.conf (and on 64-bit hosts boards/native_sim_native_64.conf, not checked here).
 */
#define CONFIG_APP_FROM_PRJ 1
#define CONFIG_APP_FROM_BOARD 2
#define CONFIG_APP_FROM_ZMEM 4
