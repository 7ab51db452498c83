// The extractors shipped with ieval: one line per back end. Add yours here
// (or load it at run time through `external` or `plugin`; see README.md).
#include "extractors/ensemble/ensemble_extractor.h"
#include "extractors/external/external_extractor.h"
#include "extractors/gazetteer/gazetteer.h"
#include "extractors/plugin/plugin_extractor.h"
#include "extractors/registry.h"
#include "extractors/relations/relations.h"
#include "extractors/rules/rules.h"
#include "extractors/tagger/tagger.h"

namespace ieval {

void RegisterBuiltinExtractors(ExtractorRegistry& registry) {
  // Names are unique by construction here; Register only fails on a clash.
  (void)registry.Register(ExternalExtractorInfo());
  (void)registry.Register(PluginExtractorInfo());
  (void)registry.Register(EnsembleExtractorInfo());
  (void)registry.Register(GazetteerExtractorInfo());
  (void)registry.Register(RulesExtractorInfo());
  (void)registry.Register(RelationsExtractorInfo());
  (void)registry.Register(tagger::TaggerExtractorInfo());
}

}  // namespace ieval
