#include "extractors/registry.h"

#include <cerrno>
#include <cstdlib>

namespace ieval {
namespace {

bool ParsesAs(const std::string& type, const std::string& value) {
  if (type == "bool") return value == "true" || value == "false";
  if (type == "int" || type == "double") {
    if (value.empty()) return false;
    char* end = nullptr;
    errno = 0;
    if (type == "int") {
      std::strtoll(value.c_str(), &end, 10);
    } else {
      std::strtod(value.c_str(), &end);
    }
    return errno == 0 && end != nullptr && *end == '\0';
  }
  return true;  // string, path
}

}  // namespace

Status ExtractorRegistry::Register(ExtractorInfo info) {
  if (Find(info.name) != nullptr) {
    return Status::Internal("extractor '" + info.name +
                            "' is registered twice");
  }
  extractors_.push_back(std::move(info));
  return Status::Ok();
}

const ExtractorInfo* ExtractorRegistry::Find(const std::string& name) const {
  for (const auto& info : extractors_) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

Result<std::unique_ptr<Extractor>> ExtractorRegistry::Create(
    const std::string& name, const OptionValues& options) const {
  const ExtractorInfo* info = Find(name);
  if (info == nullptr) {
    std::string known;
    for (const auto& e : extractors_)
      known += (known.empty() ? "" : ", ") + e.name;
    return Status::Usage("unknown extractor '" + name +
                         "' (known: " + (known.empty() ? "none" : known) + ")");
  }
  OptionValues values;
  for (const auto& spec : info->options) values[spec.name] = spec.default_value;
  for (const auto& [key, value] : options) {
    const OptionSpec* spec = nullptr;
    for (const auto& s : info->options) {
      if (s.name == key) spec = &s;
    }
    if (spec == nullptr) {
      std::string known;
      for (const auto& s : info->options)
        known += (known.empty() ? "" : ", ") + s.name;
      return Status::Usage("extractor '" + name + "' has no option '" + key +
                           "' (options: " + (known.empty() ? "none" : known) +
                           "; see `ieval list`)");
    }
    if (!ParsesAs(spec->type, value)) {
      return Status::Usage("option '" + key + "' of extractor '" + name +
                           "' must be a " + spec->type + ", not '" + value +
                           "'");
    }
    values[key] = value;
  }
  return info->create(values);
}

}  // namespace ieval
