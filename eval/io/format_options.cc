#include "ieval/io/format_options.h"

#include <array>
#include <utility>

namespace ieval {

namespace {

constexpr std::array<std::pair<AnnotationFormat, const char*>, 8> kNames = {{
    {AnnotationFormat::kAuto, "auto"},
    {AnnotationFormat::kIeval, "ieval"},
    {AnnotationFormat::kConll, "conll"},
    {AnnotationFormat::kBrat, "brat"},
    {AnnotationFormat::kLabelStudio, "label-studio"},
    {AnnotationFormat::kDoccano, "doccano"},
    {AnnotationFormat::kSpacy, "spacy"},
    {AnnotationFormat::kWebannoTsv, "webanno-tsv"},
}};

}  // namespace

const char* AnnotationFormatName(AnnotationFormat format) {
  for (const auto& [value, name] : kNames) {
    if (value == format) return name;
  }
  return "?";
}

std::optional<AnnotationFormat> ParseAnnotationFormat(std::string_view name) {
  for (const auto& [value, known] : kNames) {
    if (name == known) return value;
  }
  return std::nullopt;
}

std::vector<std::string> AnnotationFormatNames() {
  std::vector<std::string> names;
  for (const auto& entry : kNames) names.emplace_back(entry.second);
  return names;
}

void NoteRepair(std::vector<FormatRepair>* repairs, std::string_view what,
                std::string_view where) {
  for (FormatRepair& repair : *repairs) {
    if (repair.what == what) {
      ++repair.count;
      return;
    }
  }
  repairs->push_back({std::string(what), 1, std::string(where)});
}

}  // namespace ieval
