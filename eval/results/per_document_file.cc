#include "ieval/results/per_document_file.h"

#include <array>
#include <filesystem>

#include "ieval/core/status_macros.h"

namespace ieval {
namespace {

// The JSON Lines text as one JSON array, on the same lines as the file (so
// that a parse error names the file's line): "[" before the first line, a
// comma at the end of every line but the last, "]" after it.
std::string AsArray(const std::string& lines) {
  std::string text = "[";
  text.reserve(lines.size() + lines.size() / 256 + 2);
  size_t end = lines.find_last_not_of(" \t\r\n");
  end = end == std::string::npos ? 0 : end + 1;
  for (size_t i = 0; i < end; ++i) {
    if (lines[i] == '\n') text += ',';
    text += lines[i];
  }
  text += "]";
  return text;
}

// The strict-mode tp, fp and fn of a counts object (0 when absent).
std::array<double, 3> StrictCounts(const JsonValue& counts) {
  std::array<double, 3> out = {0, 0, 0};
  const char* keys[] = {"tp", "fp", "fn"};
  for (size_t k = 0; k < 3; ++k)
    if (auto v = counts.Find(keys[k]); v && v->is_number())
      out[k] = *v->Number();
  return out;
}

Status Mismatch(const std::string& file, const std::string& report,
                const std::string& what) {
  return Status::InvalidInput(
      "the per-document file does not belong to " + report + ": " + what +
          " (write both again with the same ieval score --per-document)",
      Where{file, 0, "", ""});
}

}  // namespace

Result<ScoreDocuments> LoadScoreDocuments(const JsonValue& scores,
                                          const std::string& report_path) {
  ScoreDocuments out;
  out.path = report_path;
  const auto link = scores.Find("per_document");
  if (!link || !link->is_string()) {
    IEVAL_ASSIGN_OR_RETURN(const JsonValue documents, scores.Get("documents"));
    IEVAL_RETURN_IF_ERROR(documents.ExpectArray());
    out.documents = documents;
    return out;
  }
  IEVAL_ASSIGN_OR_RETURN(const std::string name, link->NonEmptyString());
  std::filesystem::path path(name);
  if (path.is_relative())
    path = std::filesystem::path(report_path).parent_path() / path;
  out.path = path.string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return Status::InvalidInput(
        "the per-document file " + out.path + " named by " + link->path() +
            " is missing (it is read relative to the report's folder: keep "
            "the two together)",
        Where{report_path, 0, "", ""});
  IEVAL_ASSIGN_OR_RETURN(const std::string lines, ReadJsonFileText(out.path));
  IEVAL_ASSIGN_OR_RETURN(out.file,
                         JsonDocument::Parse(AsArray(lines), out.path));
  const JsonValue documents = out.file->root();
  out.documents = documents;
  // Counts that belong to these scores: one line per document, adding up
  // to the totals.
  int64_t expected = -1;
  if (auto corpus = scores.Find("corpus"))
    if (auto n = corpus->Find("documents"); n && n->is_integer())
      expected = *n->Integer();
  const auto count = static_cast<int64_t>(documents.size());
  if (expected >= 0 && count != expected)
    return Mismatch(out.path, report_path,
                    std::to_string(count) +
                        " documents, where the report "
                        "scored " +
                        std::to_string(expected));
  std::array<double, 3> sum = {0, 0, 0};
  for (const JsonValue& d : documents.Elements()) {
    IEVAL_RETURN_IF_ERROR(d.ExpectObject());
    if (auto entities = d.Find("entities"))
      if (auto strict = entities->Find("strict")) {
        const auto c = StrictCounts(*strict);
        for (size_t k = 0; k < 3; ++k) sum[k] += c[k];
      }
  }
  if (auto entities = scores.Find("entities"))
    if (auto strict = entities->Find("strict"))
      if (auto overall = strict->Find("overall"))
        if (StrictCounts(*overall) != sum)
          return Mismatch(out.path, report_path,
                          "its strict-mode tp, fp and fn do not add up to "
                          "the report's entities.strict.overall");
  return out;
}

}  // namespace ieval
