// The extractors shipped with ieval: one line per back end. Add yours here
// (or load it at run time through `external` or `plugin`; see README.md).
#include "extractors/registry.h"

namespace ieval {

void RegisterBuiltinExtractors(ExtractorRegistry& registry) {
  (void)registry;  // back ends register here as they land
}

}  // namespace ieval
