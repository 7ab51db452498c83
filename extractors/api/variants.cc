#include "ieval/extractors/variants.h"

#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "ieval/io/atomic_file.h"

namespace ieval {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

Status Bad(const std::string& source, const std::string& variant,
           const std::string& what) {
  Where where;
  where.file = source;
  return Status::InvalidInput(
      (variant.empty() ? "" : "variant '" + variant + "': ") + what, where);
}

const OptionSpec* FindOption(const ExtractorInfo& info,
                             const std::string& name) {
  for (const auto& o : info.options) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

// A JSON option value as the string the registry expects.
Result<std::string> OptionString(const json& value, bool list) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean())
    return std::string(value.get<bool>() ? "true" : "false");
  if (value.is_number()) return value.dump();
  if (value.is_array() && list) {
    std::string joined;
    for (const auto& item : value) {
      if (!item.is_string()) return Status::Usage("must list strings");
      joined += (joined.empty() ? "" : ",") + item.get<std::string>();
    }
    return joined;
  }
  if (value.is_array()) return value.dump();  // e.g. external's argv
  return Status::Usage("must be a string, number, boolean or array");
}

}  // namespace

Result<VariantSet> VariantSet::Load(const std::string& path,
                                    const ExtractorRegistry& registry) {
  auto content = ReadFile(path);
  if (!content.ok()) return content.status();
  json root;
  try {
    root = json::parse(*content);
  } catch (const json::parse_error& e) {
    return Bad(path, "", std::string("invalid JSON: ") + e.what());
  }
  if (!root.is_object() || !root.contains("variants") ||
      !root["variants"].is_array()) {
    return Bad(path, "",
               "expected {\"variants\": [{\"name\", \"extractor\", "
               "\"options\", \"description\"}, …]}");
  }
  const fs::path folder = fs::path(path).parent_path();
  std::vector<VariantSpec> specs;
  for (const json& v : root["variants"]) {
    VariantSpec spec;
    if (!v.is_object() || !v.contains("name") || !v["name"].is_string()) {
      return Bad(path, "",
                 "variant #" + std::to_string(specs.size() + 1) +
                     " has no \"name\" string");
    }
    spec.name = v["name"].get<std::string>();
    if (!v.contains("extractor") || !v["extractor"].is_string())
      return Bad(path, spec.name, "no \"extractor\" string");
    spec.extractor = v["extractor"].get<std::string>();
    if (v.contains("description")) {
      if (!v["description"].is_string())
        return Bad(path, spec.name, "\"description\" must be a string");
      spec.description = v["description"].get<std::string>();
    }
    const ExtractorInfo* info = registry.Find(spec.extractor);
    if (v.contains("options")) {
      if (!v["options"].is_object())
        return Bad(path, spec.name, "\"options\" must be an object");
      for (const auto& [key, value] : v["options"].items()) {
        const OptionSpec* option = info ? FindOption(*info, key) : nullptr;
        auto text = OptionString(
            value, option != nullptr && option->type == "variants");
        if (!text.ok()) {
          return Bad(path, spec.name,
                     "option '" + key + "' " + text.status().message());
        }
        if (option != nullptr && option->type == "path" && !text->empty() &&
            fs::path(*text).is_relative()) {
          // Relative to the file's folder when it exists there; else kept
          // (a plug-in's bare file name is looked up beside the binary).
          const fs::path beside = (folder / *text).lexically_normal();
          std::error_code ec;
          if (fs::exists(beside, ec)) {
            *text = beside.string();
            if (text->size() > 1 && text->back() == '/') text->pop_back();
          }
        }
        spec.options[key] = *text;
      }
    }
    specs.push_back(std::move(spec));
  }
  return FromSpecs(std::move(specs), registry, path);
}

Result<VariantSet> VariantSet::FromSpecs(std::vector<VariantSpec> specs,
                                         const ExtractorRegistry& registry,
                                         const std::string& source) {
  VariantSet set(std::move(specs), &registry, source);
  if (Status s = set.Check(); !s.ok()) return s;
  return set;
}

Status VariantSet::Check() const {
  std::set<std::string> names;
  for (const VariantSpec& spec : variants_) {
    if (spec.name.empty()) return Bad(source_, "", "a variant has no name");
    if (!names.insert(spec.name).second)
      return Bad(source_, spec.name, "defined twice");
    auto resolved = registry_->Resolve(spec.extractor, spec.options);
    if (!resolved.ok())
      return Bad(source_, spec.name, resolved.status().message());
  }
  // Variants naming variants: every name must exist and there is no cycle.
  std::map<std::string, std::vector<std::string>> edges;
  for (const VariantSpec& spec : variants_) {
    const ExtractorInfo* info = registry_->Find(spec.extractor);
    for (const OptionSpec& option : info->options) {
      if (option.type != "variants") continue;
      auto it = spec.options.find(option.name);
      OptionValues one{{option.name, it == spec.options.end()
                                         ? option.default_value
                                         : it->second}};
      for (const std::string& member : ListOption(one, option.name)) {
        if (!names.count(member)) {
          std::string known;
          for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
          return Bad(source_, spec.name,
                     "option '" + option.name + "' names variant '" + member +
                         "', which is not defined (variants: " + known + ")");
        }
        edges[spec.name].push_back(member);
      }
    }
  }
  std::map<std::string, int> state;  // 1: on the path, 2: done
  std::function<Status(const std::string&, std::string)> visit =
      [&](const std::string& name, std::string path) -> Status {
    if (state[name] == 2) return Status::Ok();
    if (state[name] == 1)
      return Bad(source_, name, "variants form a cycle: " + path + name);
    state[name] = 1;
    for (const std::string& next : edges[name]) {
      if (Status s = visit(next, path + name + " -> "); !s.ok()) return s;
    }
    state[name] = 2;
    return Status::Ok();
  };
  for (const VariantSpec& spec : variants_) {
    if (Status s = visit(spec.name, ""); !s.ok()) return s;
  }
  return Status::Ok();
}

const VariantSpec* VariantSet::Find(const std::string& name) const {
  for (const auto& v : variants_) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

const ExtractorInfo* VariantSet::InfoOf(const std::string& name) const {
  const VariantSpec* spec = Find(name);
  return spec == nullptr ? nullptr : registry_->Find(spec->extractor);
}

Result<std::unique_ptr<Extractor>> VariantSet::Create(
    const std::string& name) const {
  const VariantSpec* spec = Find(name);
  if (spec == nullptr) {
    std::string known;
    for (const auto& v : variants_)
      known += (known.empty() ? "" : ", ") + v.name;
    return Status::Usage(source_ + ": no variant '" + name + "' (variants: " +
                         (known.empty() ? "none" : known) + ")");
  }
  auto created = registry_->Create(spec->extractor, spec->options, this);
  if (created.ok()) return created;
  const Status& s = created.status();
  const std::string message = "variant '" + name + "': " + s.message();
  switch (s.code()) {
    case Status::Code::kUnavailable:
      return Status::Unavailable(message);
    case Status::Code::kExtractorFailed:
      return Status::ExtractorFailed(message, s.where());
    case Status::Code::kInternal:
      return Status::Internal(message);
    default:
      return Status::InvalidInput(message, Where{source_, 0, "", ""});
  }
}

}  // namespace ieval
