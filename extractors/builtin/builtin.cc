// The extractors shipped with ieval: one line per back end. Add yours here
// (or load it at run time through `external` or `plugin`; see README.md).
#include "ieval/extractors/builtin.h"
#include "ieval/extractors/ensemble/ensemble_extractor.h"
#include "ieval/extractors/external/external_extractor.h"
#include "ieval/extractors/gazetteer/gazetteer.h"
#include "ieval/extractors/llm/llm_extractor.h"
#include "ieval/extractors/plugin/plugin_extractor.h"
#include "ieval/extractors/registry.h"
#include "ieval/extractors/relations/relations.h"
#include "ieval/extractors/rules/rules.h"
#include "ieval/extractors/tagger/tagger.h"

namespace ieval {

void RegisterBuiltinExtractors(ExtractorRegistry& registry,
                               const BuiltinPaths& paths) {
  // Names are unique by construction here; Register only fails on a clash.
  (void)registry.Register(ExternalExtractorInfo());
  (void)registry.Register(PluginExtractorInfo(paths.plugin_dir));
  (void)registry.Register(EnsembleExtractorInfo());
  (void)registry.Register(GazetteerExtractorInfo());
  (void)registry.Register(RulesExtractorInfo());
  (void)registry.Register(RelationsExtractorInfo());
  (void)registry.Register(tagger::TaggerExtractorInfo(paths.tagger_model));
  (void)registry.Register(LlmExtractorInfo());
}

}  // namespace ieval
