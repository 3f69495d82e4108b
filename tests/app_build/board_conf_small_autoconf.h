/* board_conf with -DCONF_FILE=prj_small.conf -DBOARD=native_sim: the build type's fragment
 * boards/native_sim_small.conf, not boards/native_sim.conf.
 */
#define CONFIG_APP_FROM_PRJ 5
#define CONFIG_APP_FROM_BOARD 6
#define CONFIG_APP_FROM_QUALIFIED 1
#define CONFIG_APP_FROM_ZMEM 1
