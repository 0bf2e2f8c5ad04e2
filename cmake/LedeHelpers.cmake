# Helpers that give every component one CMake target with a namespaced alias,
# in the manner of Abseil's absl_cc_library().

include(CMakeParseArguments)

# lede_cc_library(NAME name SRCS ... HDRS ... DEPS ...)
# Defines target `lede_<name>` with alias `lede::<name>`.
function(lede_cc_library)
  cmake_parse_arguments(L "" "NAME" "SRCS;HDRS;DEPS" ${ARGN})
  set(_t lede_${L_NAME})
  if(L_SRCS)
    add_library(${_t} STATIC ${L_SRCS} ${L_HDRS})
    target_link_libraries(${_t} PUBLIC ${L_DEPS})
    target_include_directories(${_t} PUBLIC
      $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}>
      $<BUILD_INTERFACE:${PROJECT_BINARY_DIR}>
      $<INSTALL_INTERFACE:include>)
    set_target_properties(${_t} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  else()
    add_library(${_t} INTERFACE)
    target_link_libraries(${_t} INTERFACE ${L_DEPS})
    target_include_directories(${_t} INTERFACE
      $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}>
      $<INSTALL_INTERFACE:include>)
  endif()
  add_library(lede::${L_NAME} ALIAS ${_t})
endfunction()

# lede_cc_test(NAME name SRCS ... DEPS ... [LABELS ...])
# A GoogleTest binary registered with CTest; label defaults to `unit`.
function(lede_cc_test)
  if(NOT LEDE_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(L "" "NAME;TIMEOUT" "SRCS;DEPS;LABELS;ARGS" ${ARGN})
  add_executable(${L_NAME} ${L_SRCS})
  target_link_libraries(${L_NAME} PRIVATE ${L_DEPS} GTest::gmock GTest::gtest_main)
  if(NOT L_LABELS)
    set(L_LABELS unit)
  endif()
  if(NOT L_TIMEOUT)
    set(L_TIMEOUT 300)
  endif()
  add_test(NAME ${L_NAME} COMMAND ${L_NAME} ${L_ARGS}
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(${L_NAME} PROPERTIES LABELS "${L_LABELS}"
                       TIMEOUT ${L_TIMEOUT}
                       ENVIRONMENT "LEDE_SOURCE_DIR=${PROJECT_SOURCE_DIR};LEDE_BINARY_DIR=${PROJECT_BINARY_DIR}")
endfunction()

# lede_cc_binary(NAME name SRCS ... DEPS ...)
function(lede_cc_binary)
  cmake_parse_arguments(L "" "NAME" "SRCS;DEPS" ${ARGN})
  add_executable(${L_NAME} ${L_SRCS})
  target_link_libraries(${L_NAME} PRIVATE ${L_DEPS})
endfunction()

# lede_eval_test(NAME name COMMAND cmd args... [TIMEOUT s])
# A data-backed evaluation run, labelled `eval`. Registered only when the
# shared data directory (LEDE_SHARED_DIR, default ../shared beside the source
# tree) exists; the README's test command does not need it.
function(lede_eval_test)
  if(NOT LEDE_BUILD_TESTS OR NOT EXISTS "${LEDE_SHARED_DIR}/data")
    return()
  endif()
  cmake_parse_arguments(L "" "NAME;TIMEOUT" "COMMAND" ${ARGN})
  if(NOT L_TIMEOUT)
    set(L_TIMEOUT 900)
  endif()
  add_test(NAME ${L_NAME} COMMAND ${L_COMMAND} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(${L_NAME} PROPERTIES LABELS eval TIMEOUT ${L_TIMEOUT}
    ENVIRONMENT "LEDE_SHARED_DIR=${LEDE_SHARED_DIR};LEDE_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()
