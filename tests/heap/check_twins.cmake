# Runs the same ztest program linked against the core built for speed (SPEED) and for size (SIZE):
# both must pass, and their "heap ..." lines (a hash of every returned offset and a failure
# count, one line per heap) must be identical and five: the two builds are one allocator,
# placing every block alike. (ztest's own lines, durations included, are not compared.)
#   cmake -DSPEED=<exe> -DSIZE=<exe> -P check_twins.cmake
cmake_minimum_required(VERSION 3.20)
foreach(v SPEED SIZE)
  execute_process(COMMAND ${${v}} OUTPUT_VARIABLE out_${v} RESULT_VARIABLE rc TIMEOUT 120)
  message("${v}:\n${out_${v}}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${${v}} exited with ${rc}")
  endif()
  string(REGEX MATCHALL "heap [0-9]+ seed [0-9]+: [0-9a-f]+, [0-9]+ failed" heaps_${v} "${out_${v}}")
  list(LENGTH heaps_${v} n)
  if(NOT n EQUAL 5)
    message(FATAL_ERROR "${${v}}: ${n} heap lines, expected 5")
  endif()
endforeach()
if(NOT heaps_SPEED STREQUAL heaps_SIZE)
  message(FATAL_ERROR "the size build places blocks differently from the speed build")
endif()
