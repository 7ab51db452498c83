# `cmake --install BUILD --prefix P`: the ieval binary (P/bin), its plug-ins
# (P/lib/ieval/plugins), the shipped files laid out as in the source tree
# (P/share/ieval: the default run config and variants, the gold, the
# tagger's models, the npm adapters), the evaluation libraries with their
# public headers (P/lib, P/include) and the CMake package exporting them as
# ieval:: targets (P/lib/cmake/ieval). Nothing installed names the source
# or build tree: the binary finds P/share/ieval relative to itself.
include(CMakePackageConfigHelpers)

set(IEVAL_INSTALL_DATADIR "${CMAKE_INSTALL_DATADIR}/ieval")
set(IEVAL_INSTALL_PLUGINDIR "${CMAKE_INSTALL_LIBDIR}/ieval/plugins")
set(IEVAL_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/ieval")

install(TARGETS ieval RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        COMPONENT runtime)
install(TARGETS ieval_acronyms LIBRARY DESTINATION ${IEVAL_INSTALL_PLUGINDIR}
        COMPONENT runtime)

# The shipped files. Relative paths inside them (run.json's "../gold/docs",
# a variant's "cwd": "external") hold because the layout is the source
# tree's.
install(FILES reports/run.json DESTINATION ${IEVAL_INSTALL_DATADIR}/reports
        COMPONENT runtime)
install(FILES extractors/variants.json
        DESTINATION ${IEVAL_INSTALL_DATADIR}/extractors COMPONENT runtime)
install(FILES gold/labels.json gold/README.md gold/GUIDELINES.md
        DESTINATION ${IEVAL_INSTALL_DATADIR}/gold COMPONENT runtime)
install(DIRECTORY gold/docs/ DESTINATION ${IEVAL_INSTALL_DATADIR}/gold/docs
        COMPONENT runtime FILES_MATCHING PATTERN "*.json")
install(DIRECTORY extractors/tagger/model/
        DESTINATION ${IEVAL_INSTALL_DATADIR}/extractors/tagger/model
        COMPONENT runtime)
install(FILES extractors/external/recognizers_fr.js
              extractors/external/compromise_fr.js
              extractors/external/jsonl_server.js
              extractors/external/package.json
              extractors/external/package-lock.json
        DESTINATION ${IEVAL_INSTALL_DATADIR}/extractors/external
        COMPONENT runtime)
# The npm packages the adapters run, when scripts/setup has installed them
# (without them, those variants are skipped with a message, as in the tree).
install(DIRECTORY extractors/external/node_modules
        DESTINATION ${IEVAL_INSTALL_DATADIR}/extractors/external
        COMPONENT runtime OPTIONAL USE_SOURCE_PERMISSIONS)

# The libraries, their headers (ieval_add_library(… INSTALL)) and the
# package.
get_property(libraries GLOBAL PROPERTY IEVAL_INSTALLED_LIBRARIES)
add_library(ieval_plugin_api INTERFACE)
add_library(ieval::plugin_api ALIAS ieval_plugin_api)
set_target_properties(ieval_plugin_api PROPERTIES EXPORT_NAME plugin_api)
target_include_directories(ieval_plugin_api INTERFACE
  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/extractors/plugin/include>
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
install(TARGETS ${libraries} ieval_plugin_api EXPORT ievalTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT devel
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT ievalTargets NAMESPACE ieval::
        DESTINATION ${IEVAL_INSTALL_CMAKEDIR} COMPONENT devel)
configure_package_config_file(cmake/ievalConfig.cmake.in
  "${CMAKE_BINARY_DIR}/ievalConfig.cmake"
  INSTALL_DESTINATION ${IEVAL_INSTALL_CMAKEDIR}
  PATH_VARS CMAKE_INSTALL_BINDIR IEVAL_INSTALL_DATADIR IEVAL_INSTALL_PLUGINDIR)
write_basic_package_version_file("${CMAKE_BINARY_DIR}/ievalConfigVersion.cmake"
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES "${CMAKE_BINARY_DIR}/ievalConfig.cmake"
              "${CMAKE_BINARY_DIR}/ievalConfigVersion.cmake"
        DESTINATION ${IEVAL_INSTALL_CMAKEDIR} COMPONENT devel)
