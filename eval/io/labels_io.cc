#include "ieval/io/labels_io.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "ieval/io/atomic_file.h"

namespace ieval {
namespace fs = std::filesystem;

Result<LabelSet> ReadLabelSet(const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  const Where where{path, 0, "", ""};
  LabelSet labels;
  try {
    const auto json = nlohmann::json::parse(*text);
    for (const auto& type : json.at("entity_types"))
      labels.entity_types.push_back(type.get<std::string>());
    if (json.contains("relation_types")) {
      for (const auto& [name, spec] : json.at("relation_types").items()) {
        RelationTypeSpec relation;
        relation.name = name;
        relation.symmetric = spec.value("symmetric", false);
        for (const auto& allowed : spec.at("allowed")) {
          for (const auto& head : allowed.at("head"))
            for (const auto& tail : allowed.at("tail"))
              relation.allowed.emplace_back(head.get<std::string>(),
                                            tail.get<std::string>());
        }
        labels.relation_types.push_back(std::move(relation));
      }
    }
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidInput(
        std::string("not a valid label set (see "
                    "eval/io/include/ieval/io/labels_io.h): ") +
            e.what(),
        where);
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
