// A variants file (`ieval run`, `extract --variant`, `list --config`),
// checked against every shipped extractor's options. Loading runs no
// command and loads no library.
#include "fuzz_support.h"
#include "ieval/extractors/builtin.h"
#include "ieval/extractors/registry.h"
#include "ieval/extractors/variants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ieval;
  static const ExtractorRegistry* registry = [] {
    auto* r = new ExtractorRegistry;
    RegisterBuiltinExtractors(*r, BuiltinPaths{});
    return r;
  }();
  const std::string path =
      fuzz::WriteScratch(fuzz::AsText(data, size), "variants.json");
  auto set = VariantSet::Load(path, *registry);
  if (set.ok()) {
    for (const VariantSpec& v : set->variants())
      fuzz::Require(set->Find(v.name) == &v, "every variant is found by name");
  }
  return 0;
}
