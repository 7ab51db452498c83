// The extractors shipped with ieval. The extractor API (extractor.h,
// registry.h) knows none of them; this library depends on every back end
// and registers each, so the dependencies run one way: back ends -> API,
// builtin -> back ends.
#ifndef IEVAL_EXTRACTORS_BUILTIN_H_
#define IEVAL_EXTRACTORS_BUILTIN_H_

#include <string>

#include "ieval/extractors/registry.h"

namespace ieval {

// The shipped files the built-in back ends default to; the application
// finds them (the build tree, or the install prefix) and passes them in.
struct BuiltinPaths {
  std::string tagger_model;  // the tagger's default `model`
  std::string plugin_dir;    // where `plugin` looks up a library by name
};

// Registers every extractor shipped with ieval, one line per back end.
void RegisterBuiltinExtractors(ExtractorRegistry& registry,
                               const BuiltinPaths& paths);

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_BUILTIN_H_
