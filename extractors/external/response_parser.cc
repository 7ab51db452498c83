#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ieval/core/offset_index.h"
#include "ieval/extractors/external/external_extractor.h"
#include "ieval/io/annotation_json.h"
#include "ieval/io/json_reader.h"
#include "ieval/io/offsets.h"

namespace ieval {

using json = nlohmann::json;

Result<Annotations> ParseExternalResponse(const Document& doc,
                                          const std::string& line,
                                          OffsetUnit unit) {
  auto quote = [&] {
    return line.size() > 200 ? line.substr(0, 200) + "…" : line;
  };
  // Checked as every JSON file is (nesting depth, repeated keys, numbers
  // out of range) before nlohmann reads it: its own parser accepts all
  // three, and a deep response would overflow the stack in dump().
  if (auto checked = JsonDocument::Parse(line, "response"); !checked.ok())
    return Status::ExtractorFailed("answered with invalid JSON: " + quote() +
                                   " (" + checked.status().message() + ")");
  json response;
  try {
    response = json::parse(line);
  } catch (const json::exception&) {
    return Status::ExtractorFailed("answered with invalid JSON: " + quote());
  }
  if (!response.is_object())
    return Status::ExtractorFailed("answered with a non-object: " + quote());
  if (auto e = response.find("error"); e != response.end() && !e->is_null()) {
    return Status::ExtractorFailed(
        "reported an error: " +
        (e->is_string() ? e->get<std::string>() : e->dump()));
  }
  if (!response.contains("doc_id") || response["doc_id"] != doc.doc_id) {
    return Status::ExtractorFailed(
        "answered for doc_id " +
        (response.contains("doc_id") ? response["doc_id"].dump() : "(none)") +
        " instead of \"" + doc.doc_id + "\"");
  }
  response.erase("text");
  if (!response.contains("offset_unit"))
    response["offset_unit"] = OffsetUnitName(unit);
  std::vector<Status> problems;
  auto parsed =
      ParseAnnotatedDocument(response.dump(), "response", 1, &problems);
  const OffsetIndex index(doc.text);
  if (parsed && problems.empty()) {
    ResolveOffsets(*parsed, index, Where{"", 0, doc.doc_id, ""}, &problems);
  }
  if (!parsed || !problems.empty()) {
    const Status& p = problems.front();
    return Status::ExtractorFailed("answered with an invalid response: " +
                                   (p.where().annotation_id.empty()
                                        ? ""
                                        : p.where().annotation_id + ": ") +
                                   p.message());
  }
  for (Mention& m : parsed->annotations.mentions) {
    if (!m.id.empty() && m.id.front() == '#') m.id.clear();  // no id given
    // Given by its text alone (grounded when scored), grounded by the
    // extractor with another string, or found nowhere: no text to check.
    if (m.alignment != MentionAlignment::kGiven &&
        m.alignment != MentionAlignment::kExact)
      continue;
    const std::string_view span = index.Slice(doc.text, m.start, m.end);
    if (m.text && *m.text != span) {
      return Status::ExtractorFailed(
          "answered with a mention whose text \"" + *m.text +
          "\" is not its span \"" + std::string(span) + "\" (offset_unit " +
          OffsetUnitName(unit) +
          " expected unless the response says otherwise)");
    }
  }
  return std::move(parsed->annotations);
}

}  // namespace ieval
