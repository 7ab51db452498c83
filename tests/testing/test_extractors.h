// In-process extractors for the tests of the registry, variants, run checks
// and the ensemble: "fixed" returns the spans its `spans` option lists,
// "pairer" (uses_upstream) links the first two upstream mentions.
#ifndef IEVAL_TESTS_TESTING_TEST_EXTRACTORS_H_
#define IEVAL_TESTS_TESTING_TEST_EXTRACTORS_H_

#include <memory>
#include <string>
#include <vector>

#include "ieval/extractors/builtin.h"
#include "ieval/extractors/registry.h"
#include "testing/shipped.h"

namespace ieval::testing {

// Returns `out` for every document.
class FixedExtractor : public Extractor {
 public:
  explicit FixedExtractor(Annotations out) : out_(std::move(out)) {}
  std::string Name() const override { return "fixed"; }
  std::string Version() const override { return "1"; }
  Result<Annotations> Extract(const Document&) const override { return out_; }

 private:
  Annotations out_;
};

// "0-3:PER,5-9:LOC=paris" -> mentions (with entity after '=').
inline Annotations ParseSpans(const std::string& spec) {
  Annotations out;
  OptionValues v{{"s", spec}};
  for (const std::string& item : ListOption(v, "s")) {
    Mention m;
    const size_t dash = item.find('-'), colon = item.find(':');
    const size_t eq = item.find('=');
    m.start = std::stoll(item.substr(0, dash));
    m.end = std::stoll(item.substr(dash + 1, colon - dash - 1));
    m.type = item.substr(colon + 1, eq == std::string::npos ? std::string::npos
                                                            : eq - colon - 1);
    if (eq != std::string::npos) m.entity = item.substr(eq + 1);
    out.mentions.push_back(m);
  }
  return out;
}

class Pairer : public Extractor {
 public:
  std::string Name() const override { return "pairer"; }
  std::string Version() const override { return "1"; }
  Result<Annotations> Extract(const Document&) const override {
    return Annotations{};
  }
  Result<Annotations> ExtractWithUpstream(
      const Document&, const Annotations& upstream) const override {
    Annotations out;
    if (upstream.mentions.size() >= 2) {
      out.relations.push_back(
          {"allied_with", upstream.mentions[0].id, upstream.mentions[1].id});
    }
    return out;
  }
};

inline ExtractorRegistry TestRegistry() {
  ExtractorRegistry registry;
  RegisterBuiltinExtractors(registry, testing::ShippedBuiltinPaths());
  ExtractorInfo fixed;
  fixed.name = "fixed";
  fixed.description = "returns its spans";
  fixed.options = {{"spans", "string", "", "start-end:TYPE[=entity],…"},
                   {"weight", "double", "1", "unused"}};
  fixed.create =
      [](const OptionValues& o) -> Result<std::unique_ptr<Extractor>> {
    return std::unique_ptr<Extractor>(
        new FixedExtractor(ParseSpans(o.at("spans"))));
  };
  (void)registry.Register(std::move(fixed));
  ExtractorInfo pairer;
  pairer.name = "pairer";
  pairer.description = "links the first two upstream mentions";
  pairer.capabilities.relations = true;
  pairer.capabilities.uses_upstream = true;
  pairer.create =
      [](const OptionValues&) -> Result<std::unique_ptr<Extractor>> {
    return std::unique_ptr<Extractor>(new Pairer());
  };
  (void)registry.Register(std::move(pairer));
  return registry;
}

}  // namespace ieval::testing

#endif  // IEVAL_TESTS_TESTING_TEST_EXTRACTORS_H_
