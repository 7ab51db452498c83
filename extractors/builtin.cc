// The extractors shipped with ieval: one line per back end. Add yours here
// (or load it at run time through `external` or `plugin`; see README.md).
#include "extractors/registry.h"
#include "extractors/tagger/tagger.h"

namespace ieval {

void RegisterBuiltinExtractors(ExtractorRegistry& registry) {
  (void)registry.Register(tagger::TaggerExtractorInfo());
}

}  // namespace ieval
