#include "ieval/run/seeded_repeats.h"

#include <exception>
#include <memory>
#include <string>

namespace ieval {
namespace {

// Whether a variant's options hold a seed that repeats can offset.
bool HasIntegerSeed(const VariantSpec& spec) {
  auto it = spec.options.find(kSeedOption);
  if (it == spec.options.end() || it->second.empty()) return false;
  size_t used = 0;
  try {
    std::stoll(it->second, &used);
  } catch (const std::exception&) {
    return false;
  }
  return used == it->second.size();
}

Result<std::unique_ptr<Extractor>> CreateSeeded(
    const ExtractorRegistry& registry, const VariantSet& set,
    const VariantSpec& spec, int repeat) {
  OptionValues options = spec.options;
  const int64_t seed = std::stoll(options.at(kSeedOption));
  options[kSeedOption] = std::to_string(seed + repeat);
  auto created = registry.Create(spec.extractor, options, &set);
  if (created.ok()) return created;
  const Status& s = created.status();
  const std::string message = "variant '" + spec.name + "' (seed " +
                              options[kSeedOption] + "): " + s.message();
  if (s.code() == Status::Code::kUnavailable)
    return Status::Unavailable(message);
  return Status::ExtractorFailed(message, s.where());
}

}  // namespace

RepeatFactory SeededRepeats(const ExtractorRegistry& registry,
                            const VariantSet& set) {
  return [&registry, &set](const VariantToRun& variant, int repeat,
                           std::string* offset) {
    const VariantSpec* spec = set.Find(variant.name);
    if (spec == nullptr || !HasIntegerSeed(*spec))
      return set.Create(variant.name);
    *offset = kSeedOption;
    return CreateSeeded(registry, set, *spec, repeat);
  };
}

}  // namespace ieval
