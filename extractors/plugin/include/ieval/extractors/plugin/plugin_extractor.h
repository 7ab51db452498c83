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

// The registration (name "plugin", options, factory) for builtin.cc. A
// library given by a path that does not exist is looked up by its file name
// in `plugin_dir` (the shipped plug-ins' folder; none when empty).
ExtractorInfo PluginExtractorInfo(const std::string& plugin_dir);

// The library `path` names: `path` itself when it exists, else its file name
// in `plugin_dir`. Empty when neither exists.
std::string FindPluginLibrary(const std::string& path,
                              const std::string& plugin_dir);

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_PLUGIN_PLUGIN_EXTRACTOR_H_
