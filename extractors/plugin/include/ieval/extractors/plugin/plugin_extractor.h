// `plugin`: an extractor in a shared library, loaded with dlopen through the
// C ABI of extractors/plugin/include/ieval_plugin.h, so a C or Rust extractor
// can be dropped in without rebuilding ieval. The library declares its own
// options;
// `--option K=V` pairs other than `path` are checked against them and passed
// through. extractors/plugin/example/ is a complete one.
#ifndef IEVAL_EXTRACTORS_PLUGIN_PLUGIN_EXTRACTOR_H_
#define IEVAL_EXTRACTORS_PLUGIN_PLUGIN_EXTRACTOR_H_

#include <string>

#include "ieval/extractors/registry.h"

namespace ieval {

// The registration (name "plugin", options, factory) for builtin.cc.
ExtractorInfo PluginExtractorInfo();

// The library `path` names: `path` itself when it exists, else its file name
// in the plugins/ folder beside the running executable (where the build puts
// the shipped example). Empty when neither exists.
std::string FindPluginLibrary(const std::string& path);

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_PLUGIN_PLUGIN_EXTRACTOR_H_
