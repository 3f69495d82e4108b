# Runs the same program linked against the core built for speed (SPEED) and for size (SIZE) and
# requires identical output: the two builds are one allocator, placing every block alike.
#   cmake -DSPEED=<exe> -DSIZE=<exe> -P check_twins.cmake
cmake_minimum_required(VERSION 3.20)
foreach(v SPEED SIZE)
  execute_process(COMMAND ${${v}} OUTPUT_VARIABLE out_${v} RESULT_VARIABLE rc TIMEOUT 120)
  message("${v}:\n${out_${v}}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${${v}} exited with ${rc}")
  endif()
endforeach()
if(NOT out_SPEED STREQUAL out_SIZE)
  message(FATAL_ERROR "the size build places blocks differently from the speed build")
endif()
