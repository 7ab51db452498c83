// The registry of extractor back ends: name -> description, options and a
// factory. `ieval list` prints it; `ieval extract` and `ieval run` create
// extractors from it. There is no global registry: main() builds one and
// passes it down, so tests can build their own.
#ifndef IEVAL_EXTRACTORS_REGISTRY_H_
#define IEVAL_EXTRACTORS_REGISTRY_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ieval/extractors/extractor.h"

namespace ieval {

struct ExtractorInfo;

// What an extractor made of other variants (ensemble) sees of the variant
// list it is created from (variants.h implements it).
class VariantLookup {
 public:
  virtual ~VariantLookup() = default;
  // The registration of variant `name`'s extractor; nullptr when unknown.
  virtual const ExtractorInfo* InfoOf(const std::string& name) const = 0;
  // Creates variant `name` (kUsage when unknown, kUnavailable when a
  // requirement of it is missing).
  virtual Result<std::unique_ptr<Extractor>> Create(
      const std::string& name) const = 0;
};

using ExtractorFactory =
    std::function<Result<std::unique_ptr<Extractor>>(const OptionValues&)>;
using CompositeFactory = std::function<Result<std::unique_ptr<Extractor>>(
    const OptionValues&, const VariantLookup&)>;

struct ExtractorInfo {
  std::string name;
  std::string description;
  std::vector<OptionSpec> options;
  Capabilities capabilities;
  // Called with every declared option present (defaults filled in). Errors:
  // kUsage for bad option values, kUnavailable for a missing program or
  // file, naming it and how to get it.
  ExtractorFactory create;
  // Instead of `create`, for extractors that combine other variants.
  CompositeFactory create_composite;
  // Accept option names not in `options` and pass them through (plugin:
  // the shared library declares and checks its own).
  bool open_options = false;
};

class ExtractorRegistry {
 public:
  // Fails (kInternal) when the name is taken.
  Status Register(ExtractorInfo info);

  // nullptr when unknown.
  const ExtractorInfo* Find(const std::string& name) const;
  // In registration order.
  const std::vector<ExtractorInfo>& all() const { return extractors_; }

  // Checks `options` against `name`'s declaration and returns them with
  // defaults filled in: unknown extractor or option names and values that
  // do not parse as the option's type are kUsage errors that list what is
  // accepted.
  Result<OptionValues> Resolve(const std::string& name,
                               const OptionValues& options) const;

  // Resolve(), then the factory. `variants` is what composite extractors
  // (ensemble) draw their members from; without it they fail (kUsage).
  Result<std::unique_ptr<Extractor>> Create(
      const std::string& name, const OptionValues& options,
      const VariantLookup* variants = nullptr) const;

 private:
  std::vector<ExtractorInfo> extractors_;
};

// Whether `value` parses as an option of `type` ("int", "double", "bool";
// anything parses as "string", "path" or "variants").
bool OptionParsesAs(const std::string& type, const std::string& value);

// Typed reads of option values the registry has already checked (so they
// parse); for factories.
int64_t IntOption(const OptionValues& values, const std::string& name);
double DoubleOption(const OptionValues& values, const std::string& name);
bool BoolOption(const OptionValues& values, const std::string& name);
// A comma-separated list, items trimmed, empty items dropped.
std::vector<std::string> ListOption(const OptionValues& values,
                                    const std::string& name);

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_REGISTRY_H_
