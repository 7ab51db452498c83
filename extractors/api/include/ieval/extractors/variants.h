// Variants: named extractor configurations, (extractor, options), read from
// a JSON file (extractors/variants.json ships the defaults):
//
//   {"variants": [{"name": "acronyms", "extractor": "plugin",
//                  "options": {"path": "libieval_acronyms.so"},
//                  "description": "…"}]}
//
// `ieval run` scores every variant of the file; `ieval extract --variant`
// runs one. A variant may name others through an option of type "variants"
// (the ensemble's `members`), so the set is also the VariantLookup composite
// extractors are created from.
#ifndef IEVAL_EXTRACTORS_VARIANTS_H_
#define IEVAL_EXTRACTORS_VARIANTS_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/extractors/registry.h"

namespace ieval {

struct VariantSpec {
  std::string name;
  std::string extractor;
  // As given, with JSON numbers, booleans and arrays turned into option
  // strings, and relative "path" options taken relative to the file's folder
  // when something exists there (else kept as written).
  OptionValues options;
  std::string description;
};

class VariantSet : public VariantLookup {
 public:
  // Reads and checks a variants file. Errors are kInvalidInput naming the
  // file and the variant: invalid JSON, missing or mistyped fields, duplicate
  // names, unknown extractors or options, values of the wrong type, "variants"
  // options naming variants that do not exist or that form a cycle.
  static Result<VariantSet> Load(const std::string& path,
                                 const ExtractorRegistry& registry);
  // The same checks on variants built in code; `source` names them in
  // messages ("--extractor").
  static Result<VariantSet> FromSpecs(std::vector<VariantSpec> specs,
                                      const ExtractorRegistry& registry,
                                      const std::string& source);

  const std::vector<VariantSpec>& variants() const { return variants_; }
  const std::string& source() const { return source_; }
  // nullptr when unknown.
  const VariantSpec* Find(const std::string& name) const;

  // VariantLookup: errors are prefixed with `variant 'NAME':`, keeping the
  // factory's code (kUnavailable stays kUnavailable so `ieval run` can skip).
  const ExtractorInfo* InfoOf(const std::string& name) const override;
  Result<std::unique_ptr<Extractor>> Create(
      const std::string& name) const override;

  // How every variant of the "plugin" extractor is created from now on,
  // members of ensembles included (`ieval run --isolate`: in a child
  // process, through `ieval plugin-host`). Default: by the registry, in
  // ieval's own process.
  using PluginFactory =
      std::function<Result<std::unique_ptr<Extractor>>(const VariantSpec&)>;
  void SetPluginFactory(PluginFactory factory) {
    plugin_factory_ = std::move(factory);
  }

 private:
  VariantSet(std::vector<VariantSpec> variants, const ExtractorRegistry* r,
             std::string source)
      : variants_(std::move(variants)),
        registry_(r),
        source_(std::move(source)) {}
  Status Check() const;

  std::vector<VariantSpec> variants_;
  const ExtractorRegistry* registry_;
  std::string source_;
  PluginFactory plugin_factory_;
};

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_VARIANTS_H_
