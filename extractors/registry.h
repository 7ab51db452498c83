// The registry of extractor back ends: name -> description, options and a
// factory. `ieval list` prints it; `ieval extract` and `ieval run` create
// extractors from it. There is no global registry: main() builds one and
// passes it down, so tests can build their own.
#ifndef IEVAL_EXTRACTORS_REGISTRY_H_
#define IEVAL_EXTRACTORS_REGISTRY_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "extractors/extractor.h"

namespace ieval {

struct ExtractorInfo {
  std::string name;
  std::string description;
  std::vector<OptionSpec> options;
  Capabilities capabilities;
  // Called with every declared option present (defaults filled in).
  std::function<Result<std::unique_ptr<Extractor>>(const OptionValues&)> create;
};

class ExtractorRegistry {
 public:
  // Fails (kInternal) when the name is taken.
  Status Register(ExtractorInfo info);

  // nullptr when unknown.
  const ExtractorInfo* Find(const std::string& name) const;
  // In registration order.
  const std::vector<ExtractorInfo>& all() const { return extractors_; }

  // Creates `name` with `options`: unknown extractor or option names and
  // values that do not parse as the option's type are kUsage errors that
  // list what is accepted.
  Result<std::unique_ptr<Extractor>> Create(const std::string& name,
                                            const OptionValues& options) const;

 private:
  std::vector<ExtractorInfo> extractors_;
};

// Registers every extractor shipped with ieval, one line per back end.
void RegisterBuiltinExtractors(ExtractorRegistry& registry);

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_REGISTRY_H_
