# Shared build settings and the two helpers every folder uses:
#   ieval_add_library(NAME SOURCES… [DEPS …] [PRIVATE_DEPS …])
#     -> target ieval_NAME with alias ieval::NAME, headers included from the
#        repository root ("eval/core/types.h").
#   ieval_add_test(NAME SOURCES… LIBS … [LABELS …])
#     -> a GoogleTest binary registered with gtest_discover_tests.

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
if(IEVAL_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

function(ieval_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(ieval_${name} ${ARG_SOURCES} ${ARG_UNPARSED_ARGUMENTS})
  add_library(ieval::${name} ALIAS ieval_${name})
  target_include_directories(ieval_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(ieval_${name} PUBLIC ${ARG_DEPS}
                        PRIVATE ieval_warnings ${ARG_PRIVATE_DEPS})
endfunction()

function(ieval_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES} ${ARG_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} ieval_warnings
                        GTest::gtest GTest::gmock GTest::gtest_main)
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

# ieval_embed_text(TARGET SYMBOL FILE): compiles FILE's contents into
# TARGET as `extern const char SYMBOL[]` (namespace ieval), regenerated
# whenever FILE changes (cmake/EmbedText.cmake).
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
