# Compiles every public header on its own, as C11 and as C++11, with
# -Wall -Wextra -pedantic -Werror: a header must be self-contained and clean
# for consumers in either language.
#
#   cmake -DSOURCE_DIR=... -DWORK_DIR=... -P check_headers.cmake

find_program(CC NAMES cc gcc clang REQUIRED)
find_program(CXX NAMES c++ g++ clang++)
if(NOT CXX)
  message(FATAL_ERROR "no C++ compiler found; the C++ half of the header test cannot run")
endif()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(include_dir "${SOURCE_DIR}/libetsi/include")
file(GLOB headers RELATIVE "${include_dir}" "${include_dir}/etsi.h" "${include_dir}/etsi/*.h")
list(LENGTH headers count)
if(count LESS 2)
  message(FATAL_ERROR "no public headers found under ${include_dir}")
endif()

foreach(header IN LISTS headers)
  string(MAKE_C_IDENTIFIER "${header}" id)
  file(WRITE "${WORK_DIR}/${id}.c" "#include <${header}>\nint main(void) { return 0; }\n")
  file(WRITE "${WORK_DIR}/${id}.cpp" "#include <${header}>\nint main() { return 0; }\n")
  foreach(lang c cpp)
    if(lang STREQUAL "c")
      set(cmd ${CC} -std=c11)
    else()
      set(cmd ${CXX} -std=c++11)
    endif()
    execute_process(
      COMMAND ${cmd} -Wall -Wextra -pedantic -Werror -fsyntax-only -I${include_dir}
              "${WORK_DIR}/${id}.${lang}"
      RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_VARIABLE out)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "${header} does not compile alone as ${lang}:\n${out}${err}")
    endif()
  endforeach()
  message(STATUS "${header}: C11 and C++11 clean")
endforeach()
