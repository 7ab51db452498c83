// The response-cache flags of `ieval run` and `ieval extract` for the `llm`
// back end (--cache DIR, --no-cache, --refresh-cache): they set the
// `cache` and `refresh_cache` options of every llm variant, members of
// composites included. And the endpoints llm variants send documents to,
// named before anything runs (README, Security): an llm variant executes
// no code, so --no-exec does not refuse it, but the documents leave the
// machine.
#ifndef IEVAL_APP_CLI_LLM_FLAGS_H_
#define IEVAL_APP_CLI_LLM_FLAGS_H_

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/extractors/registry.h"
#include "ieval/extractors/variants.h"

namespace ieval {

struct LlmCacheFlags {
  std::string cache;  // --cache DIR
  bool no_cache = false;
  bool refresh = false;

  bool any() const { return !cache.empty() || no_cache || refresh; }
};

void AddLlmCacheFlags(CLI::App* cmd, LlmCacheFlags& flags);

// The flags as options of the llm back end; kUsage for --cache with
// --no-cache.
Result<OptionValues> LlmCacheOptions(const LlmCacheFlags& flags);

// `set` with the flags applied to every variant whose extractor is llm.
Result<VariantSet> ApplyLlmCacheFlags(const VariantSet& set,
                                      const LlmCacheFlags& flags,
                                      const ExtractorRegistry& registry);

// "<command>: variant "v" sends documents to URL (model M)" on stderr for
// each llm variant among `names` and their members.
void NameEndpoints(const VariantSet& set, const std::vector<std::string>& names,
                   const ExtractorRegistry& registry,
                   const std::string& command);

}  // namespace ieval

#endif  // IEVAL_APP_CLI_LLM_FLAGS_H_
