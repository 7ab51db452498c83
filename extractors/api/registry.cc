#include "ieval/extractors/registry.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace ieval {

bool OptionParsesAs(const std::string& type, const std::string& value) {
  if (type == "bool") return value == "true" || value == "false";
  if (type == "int" || type == "double") {
    if (value.empty()) return false;
    char* end = nullptr;
    errno = 0;
    // A double is a finite number: "nan" compares false with every bound
    // and would pass any range check, and "inf" is no duration or weight.
    bool finite = true;
    if (type == "int") {
      std::strtoll(value.c_str(), &end, 10);
    } else {
      finite = std::isfinite(std::strtod(value.c_str(), &end));
    }
    return errno == 0 && finite && end != nullptr && *end == '\0';
  }
  return true;  // string, path, variants
}

namespace {

std::string FormatMinimum(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", v);
  return buffer;
}

const std::string* Lookup(const OptionValues& values, const std::string& name) {
  auto it = values.find(name);
  return it == values.end() ? nullptr : &it->second;
}

}  // namespace

Status ExtractorRegistry::Register(ExtractorInfo info) {
  if (Find(info.name) != nullptr) {
    return Status::Internal("extractor '" + info.name +
                            "' is registered twice");
  }
  if (!info.create && !info.create_composite) {
    return Status::Internal("extractor '" + info.name + "' has no factory");
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

Result<OptionValues> ExtractorRegistry::Resolve(
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
    if (spec == nullptr && !info->open_options) {
      std::string known;
      for (const auto& s : info->options)
        known += (known.empty() ? "" : ", ") + s.name;
      return Status::Usage("extractor '" + name + "' has no option '" + key +
                           "' (options: " + (known.empty() ? "none" : known) +
                           "; see `ieval list`)");
    }
    if (spec != nullptr && !OptionParsesAs(spec->type, value)) {
      return Status::Usage("option '" + key + "' of extractor '" + name +
                           "' must be a " + spec->type + ", not '" + value +
                           "'");
    }
    if (spec != nullptr && spec->min &&
        (spec->type == "int" || spec->type == "double")) {
      const double v = std::strtod(value.c_str(), nullptr);
      if (v < *spec->min || (spec->min_exclusive && v == *spec->min))
        return Status::Usage("option '" + key + "' of extractor '" + name +
                             "' must be " + (spec->min_exclusive ? ">" : "≥") +
                             " " + FormatMinimum(*spec->min) + ", not '" +
                             value + "'");
    }
    values[key] = value;
  }
  return values;
}

Result<std::unique_ptr<Extractor>> ExtractorRegistry::Create(
    const std::string& name, const OptionValues& options,
    const VariantLookup* variants) const {
  auto values = Resolve(name, options);
  if (!values.ok()) return values.status();
  const ExtractorInfo* info = Find(name);
  if (info->create) return info->create(*values);
  if (variants == nullptr) {
    return Status::Usage("extractor '" + name +
                         "' combines variants: it needs a variants file "
                         "(--config FILE)");
  }
  return info->create_composite(*values, *variants);
}

int64_t IntOption(const OptionValues& values, const std::string& name) {
  const std::string* v = Lookup(values, name);
  return v == nullptr ? 0 : std::strtoll(v->c_str(), nullptr, 10);
}

double DoubleOption(const OptionValues& values, const std::string& name) {
  const std::string* v = Lookup(values, name);
  return v == nullptr ? 0.0 : std::strtod(v->c_str(), nullptr);
}

bool BoolOption(const OptionValues& values, const std::string& name) {
  const std::string* v = Lookup(values, name);
  return v != nullptr && *v == "true";
}

std::vector<std::string> ListOption(const OptionValues& values,
                                    const std::string& name) {
  std::vector<std::string> items;
  const std::string* v = Lookup(values, name);
  if (v == nullptr) return items;
  size_t pos = 0;
  while (pos <= v->size()) {
    size_t comma = v->find(',', pos);
    if (comma == std::string::npos) comma = v->size();
    std::string item = v->substr(pos, comma - pos);
    const size_t b = item.find_first_not_of(" \t");
    const size_t e = item.find_last_not_of(" \t");
    if (b != std::string::npos) items.push_back(item.substr(b, e - b + 1));
    pos = comma + 1;
  }
  return items;
}

}  // namespace ieval
