#include "ieval/io/labels_io.h"

#include <filesystem>

#include "ieval/core/status_macros.h"
#include "ieval/io/json_reader.h"

namespace ieval {
namespace fs = std::filesystem;

namespace {

// A non-empty array of non-empty strings, appended to `out`.
Status Names(const JsonValue& list, std::vector<std::string>* out) {
  if (!list.is_array() || list.size() == 0)
    return list.Expected("a non-empty array of type names");
  for (const JsonValue& name : list.Elements()) {
    IEVAL_ASSIGN_OR_RETURN(out->emplace_back(), name.NonEmptyString());
  }
  return Status::Ok();
}

Result<RelationTypeSpec> ReadRelationType(const std::string& name,
                                          const JsonValue& spec) {
  IEVAL_RETURN_IF_ERROR(spec.OnlyKeys({"symmetric", "allowed", "description"}));
  RelationTypeSpec relation;
  relation.name = name;
  if (auto symmetric = spec.Find("symmetric")) {
    IEVAL_ASSIGN_OR_RETURN(relation.symmetric, symmetric->Bool());
  }
  IEVAL_ASSIGN_OR_RETURN(const JsonValue allowed, spec.Get("allowed"));
  IEVAL_RETURN_IF_ERROR(allowed.ExpectArray());
  for (const JsonValue& pair : allowed.Elements()) {
    IEVAL_RETURN_IF_ERROR(pair.OnlyKeys({"head", "tail"}));
    IEVAL_ASSIGN_OR_RETURN(const JsonValue head, pair.Get("head"));
    IEVAL_ASSIGN_OR_RETURN(const JsonValue tail, pair.Get("tail"));
    std::vector<std::string> heads, tails;
    IEVAL_RETURN_IF_ERROR(Names(head, &heads));
    IEVAL_RETURN_IF_ERROR(Names(tail, &tails));
    for (const std::string& h : heads)
      for (const std::string& t : tails) relation.allowed.emplace_back(h, t);
  }
  return relation;
}

}  // namespace

Result<LabelSet> ReadLabelSet(const std::string& path) {
  IEVAL_ASSIGN_OR_RETURN(const JsonDocument doc, JsonDocument::Read(path));
  const JsonValue root = doc.root();
  IEVAL_RETURN_IF_ERROR(root.OnlyKeys(
      {"entity_types", "relation_types", "nested", "description"}));
  LabelSet labels;
  IEVAL_ASSIGN_OR_RETURN(const JsonValue entity_types,
                         root.Get("entity_types"));
  IEVAL_RETURN_IF_ERROR(Names(entity_types, &labels.entity_types));
  if (auto nested = root.Find("nested")) {
    IEVAL_ASSIGN_OR_RETURN(labels.nested, nested->Bool());
  }
  if (auto relation_types = root.Find("relation_types")) {
    IEVAL_RETURN_IF_ERROR(relation_types->ExpectObject());
    for (const auto& [name, spec] : relation_types->Members()) {
      IEVAL_ASSIGN_OR_RETURN(labels.relation_types.emplace_back(),
                             ReadRelationType(name, spec));
    }
  }
  return labels;
}

std::optional<std::string> FindLabelsFile(const std::string& corpus_path) {
  std::error_code ec;
  fs::path dir = fs::absolute(corpus_path, ec);
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  for (int up = 0; up < 3 && !dir.empty(); ++up) {
    const fs::path candidate = dir / "labels.json";
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

}  // namespace ieval
