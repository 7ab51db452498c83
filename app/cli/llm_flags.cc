#include "llm_flags.h"

#include <iostream>
#include <set>

namespace ieval {
namespace {

// `name` and the variants its "variants" options name, depth first, each
// once.
void Reach(const VariantSet& set, const std::string& name,
           std::set<std::string>& seen, std::vector<const VariantSpec*>& out) {
  if (!seen.insert(name).second) return;
  const VariantSpec* spec = set.Find(name);
  const ExtractorInfo* info = set.InfoOf(name);
  if (spec == nullptr || info == nullptr) return;
  out.push_back(spec);
  for (const OptionSpec& option : info->options) {
    if (option.type != "variants") continue;
    auto given = spec->options.find(option.name);
    OptionValues members = {{"m", given != spec->options.end()
                                      ? given->second
                                      : option.default_value}};
    for (const std::string& member : ListOption(members, "m"))
      Reach(set, member, seen, out);
  }
}

}  // namespace

void AddLlmCacheFlags(CLI::App* cmd, LlmCacheFlags& flags) {
  cmd->add_option("--cache", flags.cache,
                  "Response cache folder of llm variants (their option "
                  "`cache`; default ~/.cache/ieval/llm): a rerun is answered "
                  "from it, without requests");
  cmd->add_flag("--no-cache", flags.no_cache,
                "llm variants neither read nor write the response cache");
  cmd->add_flag("--refresh-cache", flags.refresh,
                "llm variants ask the server again and replace what the "
                "cache holds");
}

Result<OptionValues> LlmCacheOptions(const LlmCacheFlags& flags) {
  if (!flags.cache.empty() && flags.no_cache)
    return Status::Usage("--cache and --no-cache contradict each other");
  OptionValues out;
  if (!flags.cache.empty()) out["cache"] = flags.cache;
  if (flags.no_cache) out["cache"] = "off";
  if (flags.refresh) out["refresh_cache"] = "true";
  return out;
}

Result<VariantSet> ApplyLlmCacheFlags(const VariantSet& set,
                                      const LlmCacheFlags& flags,
                                      const ExtractorRegistry& registry) {
  auto options = LlmCacheOptions(flags);
  if (!options.ok()) return options.status();
  std::vector<VariantSpec> specs = set.variants();
  for (VariantSpec& spec : specs)
    if (spec.extractor == "llm")
      for (const auto& [k, v] : *options) spec.options[k] = v;
  return VariantSet::FromSpecs(std::move(specs), registry, set.source());
}

void NameEndpoints(const VariantSet& set, const std::vector<std::string>& names,
                   const ExtractorRegistry& registry,
                   const std::string& command) {
  std::set<std::string> seen;
  std::vector<const VariantSpec*> reached;
  for (const std::string& name : names) Reach(set, name, seen, reached);
  for (const VariantSpec* spec : reached) {
    if (spec->extractor != "llm") continue;
    auto resolved = registry.Resolve(spec->extractor, spec->options);
    if (!resolved.ok()) continue;
    std::cerr << command << ": variant \"" << spec->name
              << "\" sends documents to " << resolved->at("base_url")
              << "/chat/completions (model " << resolved->at("model") << ")\n";
  }
}

}  // namespace ieval
