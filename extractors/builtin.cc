// The extractors shipped with ieval: one line per back end. Add yours here
// (or load it at run time through `external` or `plugin`; see README.md).
#include "extractors/gazetteer/gazetteer.h"
#include "extractors/registry.h"
#include "extractors/relations/relations.h"
#include "extractors/rules/rules.h"

namespace ieval {

void RegisterBuiltinExtractors(ExtractorRegistry& registry) {
  (void)registry.Register(GazetteerExtractorInfo());
  (void)registry.Register(RulesExtractorInfo());
  (void)registry.Register(RelationsExtractorInfo());
}

}  // namespace ieval
