#include "ieval/extractors/variants.h"

#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "ieval/core/status_macros.h"
#include "ieval/io/json_reader.h"

namespace ieval {
namespace {

namespace fs = std::filesystem;

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

// A JSON option value as the string the registry expects. A number where
// the option is an int, double or bool must be one of those (1.5 is not an
// int: it would be read as 1); a string is left for the registry to check,
// as on the command line.
Result<std::string> OptionString(const JsonValue& value,
                                 const OptionSpec* option) {
  const std::string type = option == nullptr ? "" : option->type;
  if (value.is_string()) return value.String();
  if (type == "int" && value.is_number()) {
    IEVAL_ASSIGN_OR_RETURN(const int64_t n, value.Integer());
    return std::to_string(n);
  }
  if (type == "double" && value.is_number()) return value.Dump();
  if (type == "bool" && value.is_bool()) return value.Dump();
  if (type == "int" || type == "double" || type == "bool")
    return value.Expected(type == "bool"     ? "true or false"
                          : type == "double" ? "a number"
                                             : "an integer");
  if (type == "variants") {
    if (!value.is_array())
      return value.Expected("variant names (a string or an array of strings)");
    std::string joined;
    for (const JsonValue& item : value.Elements()) {
      IEVAL_ASSIGN_OR_RETURN(const std::string name, item.NonEmptyString());
      joined += (joined.empty() ? "" : ",") + name;
    }
    return joined;
  }
  if (value.is_bool() || value.is_number()) return value.Dump();
  if (value.is_array()) return value.Dump();  // e.g. external's argv
  return value.Expected("a string, number, boolean or array");
}

Result<VariantSpec> ReadVariant(const JsonValue& v,
                                const ExtractorRegistry& registry,
                                const fs::path& folder) {
  VariantSpec spec;
  IEVAL_RETURN_IF_ERROR(v.ExpectObject());
  IEVAL_ASSIGN_OR_RETURN(const JsonValue name, v.Get("name"));
  IEVAL_ASSIGN_OR_RETURN(spec.name, name.NonEmptyString());
  // Errors below also name the variant.
  auto named = [&](const Status& s) {
    return Status::InvalidInput("variant '" + spec.name + "': " + s.message(),
                                s.where());
  };
  if (Status s = v.OnlyKeys({"name", "extractor", "options", "description"});
      !s.ok())
    return named(s);
  auto extractor = v.Get("extractor");
  if (!extractor.ok()) return named(extractor.status());
  auto extractor_name = extractor->NonEmptyString();
  if (!extractor_name.ok()) return named(extractor_name.status());
  spec.extractor = *extractor_name;
  if (auto d = v.Find("description")) {
    auto description = d->String();
    if (!description.ok()) return named(description.status());
    spec.description = *description;
  }
  auto options = v.Find("options");
  if (!options) return spec;
  if (Status s = options->ExpectObject(); !s.ok()) return named(s);
  const ExtractorInfo* info = registry.Find(spec.extractor);
  for (const auto& [key, value] : options->Members()) {
    const OptionSpec* option = info ? FindOption(*info, key) : nullptr;
    auto text = OptionString(value, option);
    if (!text.ok()) return named(text.status());
    if (option != nullptr && option->type == "path" && !text->empty() &&
        fs::path(*text).is_relative()) {
      // A variants file from a pull request must not reach files above its
      // folder by a relative path; an absolute path says where it goes.
      const fs::path normal = fs::path(*text).lexically_normal();
      if (!normal.empty() && *normal.begin() == "..") {
        return named(value.Error("the relative path \"" + *text +
                                 "\" leaves the variants file's folder; give "
                                 "a path inside it or an absolute one"));
      }
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
  return spec;
}

}  // namespace

Result<VariantSet> VariantSet::Load(const std::string& path,
                                    const ExtractorRegistry& registry) {
  IEVAL_ASSIGN_OR_RETURN(const JsonDocument doc, JsonDocument::Read(path));
  const JsonValue root = doc.root();
  const auto variants = root.Find("variants");
  if (!root.is_object() || !variants || !variants->is_array()) {
    return Bad(path, "",
               "expected {\"variants\": [{\"name\", \"extractor\", "
               "\"options\", \"description\"}, …]}");
  }
  IEVAL_RETURN_IF_ERROR(root.OnlyKeys({"variants", "description"}));
  const fs::path folder = fs::path(path).parent_path();
  std::vector<VariantSpec> specs;
  for (const JsonValue& v : variants->Elements()) {
    IEVAL_ASSIGN_OR_RETURN(specs.emplace_back(),
                           ReadVariant(v, registry, folder));
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
  auto created = spec->extractor == "plugin" && plugin_factory_
                     ? plugin_factory_(*spec)
                     : registry_->Create(spec->extractor, spec->options, this);
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
