# Shared build settings and the helpers every folder uses:
#   ieval_add_library(NAME SOURCES… [DEPS …] [PRIVATE_DEPS …] [INSTALL])
#     -> static library ieval_NAME, alias ieval::NAME. Its public headers are
#        the folder's include/ (included as "ieval/<lib>/x.h"): that folder,
#        and nothing else of the tree, is what its users see. Headers beside
#        the sources are private to the library. DEPS are the libraries its
#        public headers need, PRIVATE_DEPS those only its sources need.
#        INSTALL adds it to the exported package (cmake/IevalInstall.cmake).
#   ieval_add_test(NAME SOURCES… LIBS … [LABELS …])
#     -> a GoogleTest binary registered with gtest_discover_tests.
#   ieval_embed_text(TARGET SYMBOL FILE)
#     -> FILE's contents compiled into TARGET as `extern const char SYMBOL[]`.

add_library(ieval_warnings INTERFACE)
target_compile_options(ieval_warnings INTERFACE -Wall -Wextra -Wpedantic)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 reports false -Wrestrict positives inside libstdc++'s
  # std::string concatenation at -O3 (GCC bug 105329), and false
  # -Wmaybe-uninitialized ones on std::variant members (GCC bug 80635).
  target_compile_options(ieval_warnings INTERFACE -Wno-restrict
                         -Wno-maybe-uninitialized)
endif()
if(IEVAL_WERROR)
  target_compile_options(ieval_warnings INTERFACE -Werror)
endif()
if(IEVAL_BUILD_FUZZ)
  # Every library is built with libFuzzer's coverage instrumentation and the
  # sanitizers; only the targets of fuzz/ link libFuzzer itself (its main).
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "IEVAL_BUILD_FUZZ needs clang (libFuzzer): configure "
            "with the `fuzz` preset (clang-15, from scripts/setup --with-fuzz)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined
                      -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
elseif(IEVAL_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# The libraries of the exported package, in dependency order.
set_property(GLOBAL PROPERTY IEVAL_INSTALLED_LIBRARIES "")

function(ieval_add_library name)
  cmake_parse_arguments(ARG "INSTALL" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  if(NOT IS_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}/include")
    message(FATAL_ERROR "ieval_add_library(${name}): "
            "${CMAKE_CURRENT_SOURCE_DIR}/include (its public headers) is missing")
  endif()
  add_library(ieval_${name} STATIC ${ARG_SOURCES} ${ARG_UNPARSED_ARGUMENTS})
  add_library(ieval::${name} ALIAS ieval_${name})
  set_target_properties(ieval_${name} PROPERTIES EXPORT_NAME ${name})
  target_include_directories(ieval_${name} PUBLIC
    $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_link_libraries(ieval_${name} PUBLIC ${ARG_DEPS}
                        PRIVATE $<BUILD_INTERFACE:ieval_warnings>
                                ${ARG_PRIVATE_DEPS})
  if(ARG_INSTALL)
    set_property(GLOBAL APPEND PROPERTY IEVAL_INSTALLED_LIBRARIES ieval_${name})
    install(DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}/include/"
            DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT devel)
  endif()
endfunction()

function(ieval_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES} ${ARG_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} ieval_warnings
                        GTest::gtest GTest::gmock GTest::gtest_main)
  # Where tests find the tree's files, the shared/ folder and the binary;
  # nothing else outside the repository is read.
  target_compile_definitions(${name} PRIVATE
    IEVAL_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    IEVAL_SHARED_DIR="${IEVAL_SHARED_DIR}"
    IEVAL_BINARY="$<TARGET_FILE:ieval>")
  if(NOT ARG_LABELS)
    set(ARG_LABELS unit)
  endif()
  gtest_discover_tests(${name} PROPERTIES LABELS "${ARG_LABELS}"
                       DISCOVERY_TIMEOUT 60)
endfunction()

function(ieval_embed_text target symbol file)
  get_filename_component(name "${file}" NAME)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded/${name}.cc")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DINPUT=${file} -DOUTPUT=${out} -DNAME=${symbol}
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedText.cmake
    DEPENDS "${file}" ${PROJECT_SOURCE_DIR}/cmake/EmbedText.cmake
    COMMENT "Embedding ${name}")
  target_sources(${target} PRIVATE "${out}")
endfunction()
