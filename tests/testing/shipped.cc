#include "testing/shipped.h"

namespace ieval::testing {

std::string SourcePath(const std::string& relative) {
  return std::string(IEVAL_SOURCE_DIR) + "/" + relative;
}

BuiltinPaths ShippedBuiltinPaths() {
  BuiltinPaths paths;
  paths.tagger_model = SourcePath("extractors/tagger/model/fr-news.ietag");
  paths.plugin_dir = IEVAL_PLUGIN_DIR;
  return paths;
}

}  // namespace ieval::testing
