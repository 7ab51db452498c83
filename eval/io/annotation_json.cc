#include "ieval/io/annotation_json.h"

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>

#include "ieval/core/offset_index.h"
#include "ieval/io/annotation_scanner.h"
#include "ieval/io/closest_name.h"
#include "ieval/io/json_reader.h"
#include "ieval/io/offsets.h"
#include "json_parse.h"

namespace ieval {
namespace {

using nlohmann::json;

// Reads an optional string field; numbers are kept as their JSON text (a
// QUANTITY value of 11000 becomes "11000").
std::optional<std::string> OptionalString(const json& object, const char* key,
                                          const Where& where,
                                          std::vector<Status>* problems) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  problems->push_back(Status::InvalidInput(
      std::string("\"") + key + "\" must be a string or null, not " +
          it->type_name(),
      where));
  return std::nullopt;
}

std::optional<int64_t> Offset(const json& object, const char* key,
                              const Where& where,
                              std::vector<Status>* problems) {
  auto it = object.find(key);
  if (it == object.end()) {
    problems->push_back(
        Status::InvalidInput(std::string("missing \"") + key + "\"", where));
    return std::nullopt;
  }
  if (!it->is_number_integer()) {
    problems->push_back(Status::InvalidInput(
        std::string("\"") + key + "\" must be an integer, not " + it->dump(),
        where));
    return std::nullopt;
  }
  // Read as int64_t, 2^63 and above would wrap to a negative offset.
  if (it->is_number_unsigned() &&
      it->get<uint64_t>() >
          static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    problems->push_back(Status::InvalidInput(
        std::string("\"") + key + "\" must be an integer below 2^63, not " +
            it->dump(),
        where));
    return std::nullopt;
  }
  return it->get<int64_t>();
}

// The keys of ../shared/INTERFACE.md's annotation objects.
const std::initializer_list<std::string_view> kDocumentKeys = {
    "doc_id", "text", "offset_unit", "entities", "relations"};
const std::initializer_list<std::string_view> kMentionKeys = {
    "id", "start", "end", "type", "text", "entity", "value", "alignment"};
const std::initializer_list<std::string_view> kRelationKeys = {"type", "head",
                                                               "tail"};

// A problem for each key of `object` the format does not define: a typo
// ("entites") would otherwise read as a document with no mentions.
void CheckKeys(const json& object, const char* what,
               std::initializer_list<std::string_view> known,
               const Where& where, std::vector<Status>* problems) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string list;
    for (std::string_view k : known)
      list += (list.empty() ? "" : ", ") + std::string(k);
    problems->push_back(Status::InvalidInput(
        "unknown key " + json(key).dump() + DidYouMean(key, known) + " in " +
            what + " (its keys: " + list +
            "; --ignore-unknown-keys allows others)",
        where));
  }
}

std::optional<Mention> ParseMention(const json& object, size_t index,
                                    std::string_view file_text, Where& where,
                                    std::vector<Status>* problems,
                                    bool ignore_unknown_keys) {
  Mention m;
  if (!object.is_object()) {
    where.annotation_id = "entities[" + std::to_string(index) + "]";
    problems->push_back(
        Status::InvalidInput("an entity must be a JSON object", where));
    return std::nullopt;
  }
  auto id = object.find("id");
  const size_t before = problems->size();
  if (id != object.end() && id->is_string()) {
    m.id = id->get<std::string>();
    where.line = FindMentionLine(file_text, m.id, where.line);
  } else {
    // Predictions may leave ids out (or null); relations then cannot name
    // them.
    m.id = "#" + std::to_string(index + 1);
  }
  where.annotation_id = m.id;
  if (id != object.end() && !id->is_string() && !id->is_null()) {
    // A number is not taken for the string it would print as: "1" and 1
    // would then be the same mention.
    problems->push_back(Status::InvalidInput(
        std::string("\"id\" must be a string, not ") + id->type_name() +
            (id->is_number() ? " " + id->dump() : std::string()),
        where));
  }
  if (!ignore_unknown_keys)
    CheckKeys(object, "an entity", kMentionKeys, where, problems);
  std::optional<MentionAlignment> alignment = MentionAlignment::kGiven;
  if (auto a = object.find("alignment"); a != object.end() && !a->is_null()) {
    alignment = a->is_string() ? ParseMentionAlignment(a->get<std::string>())
                               : std::nullopt;
    if (!alignment)
      problems->push_back(Status::InvalidInput(
          "unknown \"alignment\" " + a->dump() +
              " (expected \"given\", \"exact\", \"normalised\", "
              "\"fuzzy\" or \"ungrounded\")",
          where));
  }
  m.text = OptionalString(object, "text", where, problems);
  std::optional<int64_t> start, end;
  if (!object.contains("start") && !object.contains("end")) {
    // A prediction given by its text alone (an LLM's answer): grounded in
    // the gold text before it is scored (eval/pipeline).
    if (alignment == MentionAlignment::kUngrounded) {
      start = end = 0;
    } else if (m.text && !m.text->empty()) {
      start = end = 0;
      alignment = MentionAlignment::kPending;
    } else {
      problems->push_back(Status::InvalidInput(
          "missing \"start\" and \"end\" (give both, or the mention's "
          "\"text\" to have it grounded in the document; gold needs "
          "offsets)",
          where));
    }
  } else {
    start = Offset(object, "start", where, problems);
    end = Offset(object, "end", where, problems);
  }
  auto type = object.find("type");
  if (type == object.end() || !type->is_string() ||
      type->get<std::string>().empty()) {
    problems->push_back(
        Status::InvalidInput("missing or empty \"type\" (a string)", where));
  } else {
    m.type = type->get<std::string>();
  }
  m.entity = OptionalString(object, "entity", where, problems);
  m.value = OptionalString(object, "value", where, problems);
  if (problems->size() != before || !start || !end || !alignment)
    return std::nullopt;
  m.alignment = *alignment;
  // An ungrounded mention has no place, whatever offsets it carries.
  m.start = HasNoSpan(m.alignment) ? 0 : *start;
  m.end = HasNoSpan(m.alignment) ? 0 : *end;
  return m;
}

// Offsets to code points when the document has its text.
void ResolveWithText(AnnotatedDocument& doc, const Where& where,
                     std::vector<Status>* problems) {
  if (!doc.has_text) return;
  if (doc.offset_unit == OffsetUnit::kCodepoint) {  // no table needed
    ResolveCodepointOffsets(doc, CountCodepoints(doc.document.text), where,
                            problems);
    return;
  }
  ResolveOffsets(doc, OffsetIndex(doc.document.text), where, problems);
}

}  // namespace

std::optional<AnnotatedDocument> ParseAnnotatedDocument(
    std::string_view text, const std::string& file, int64_t line,
    std::vector<Status>* problems, const FormatReadOptions& options) {
  if (!FindInvalidUtf8(text)) {
    AnnotatedDocument doc;
    if (ScanWellFormedDocument(text, line, &doc, options.ignore_unknown_keys)) {
      doc.source_file = file;
      doc.source_line = line;
      ResolveWithText(doc, Where{file, line, doc.document.doc_id, ""},
                      problems);
      return doc;
    }
  }
  // Anything but a well-formed document: the general parser words it.
  return ParseAnnotatedDocumentWithDom(text, file, line, problems, options);
}

std::optional<AnnotatedDocument> ParseAnnotatedDocumentWithDom(
    std::string_view text, const std::string& file, int64_t line,
    std::vector<Status>* problems, const FormatReadOptions& options) {
  Where where{file, line, "", ""};
  if (auto bad = FindInvalidUtf8(text)) {
    auto [l, c] = JsonLineColumn(text, static_cast<size_t>(*bad));
    where.line = line + l - 1;
    problems->push_back(
        Status::InvalidInput("invalid UTF-8 at byte " + std::to_string(*bad) +
                                 " (column " + std::to_string(c) + ")",
                             where));
    return std::nullopt;
  }
  json object;
  JsonParseError error;
  if (!ParseJsonTree(text, kMaxJsonDepth, &object, &error)) {
    auto [l, c] = JsonLineColumn(text, error.byte);
    where.line = line + l - 1;
    problems->push_back(
        Status::InvalidInput(JsonErrorMessage(error, c), where));
    return std::nullopt;
  }
  if (!object.is_object()) {
    problems->push_back(Status::InvalidInput(
        std::string("a document must be a JSON object, not ") +
            object.type_name(),
        where));
    return std::nullopt;
  }

  AnnotatedDocument doc;
  doc.source_file = file;
  doc.source_line = line;
  auto id = object.find("doc_id");
  if (id == object.end() || !id->is_string() ||
      id->get<std::string>().empty()) {
    problems->push_back(
        Status::InvalidInput("missing or empty \"doc_id\" (a string)", where));
  } else {
    doc.document.doc_id = id->get<std::string>();
  }
  where.doc_id = doc.document.doc_id;
  if (!options.ignore_unknown_keys)
    CheckKeys(object, "a document", kDocumentKeys, where, problems);

  if (auto t = object.find("text"); t != object.end() && !t->is_null()) {
    if (t->is_string()) {
      doc.document.text = t->get<std::string>();
      doc.has_text = true;
    } else {
      problems->push_back(
          Status::InvalidInput("\"text\" must be a string", where));
    }
  }
  if (auto u = object.find("offset_unit"); u != object.end()) {
    auto unit =
        u->is_string() ? ParseOffsetUnit(u->get<std::string>()) : std::nullopt;
    if (!unit) {
      problems->push_back(Status::InvalidInput(
          "unknown offset_unit " + u->dump() +
              " (expected \"codepoint\", \"byte\" or \"utf16\")",
          where));
    } else {
      doc.offset_unit = *unit;
    }
  }

  if (auto e = object.find("entities"); e != object.end()) {
    // null is refused rather than read as no mentions: an extractor that
    // writes null has usually failed, and scoring it as having found
    // nothing would hide that.
    if (!e->is_array()) {
      problems->push_back(Status::InvalidInput(
          std::string("\"entities\" must be an array (give [] for none), "
                      "not ") +
              e->type_name(),
          where));
    } else {
      // A one-line object (JSONL) has every mention on its own line: the
      // search for a mention's line, linear in the text, is for .json files.
      const std::string_view lines =
          text.find('\n') == std::string_view::npos ? std::string_view() : text;
      for (size_t i = 0; i < e->size(); ++i) {
        Where at = where;
        if (auto m = ParseMention((*e)[i], i, lines, at, problems,
                                  options.ignore_unknown_keys)) {
          doc.annotations.mentions.push_back(std::move(*m));
          doc.mention_lines.push_back(at.line);
        }
      }
    }
  }
  if (auto r = object.find("relations"); r != object.end() && !r->is_null()) {
    if (!r->is_array()) {
      problems->push_back(
          Status::InvalidInput("\"relations\" must be an array", where));
    } else {
      for (size_t i = 0; i < r->size(); ++i) {
        const json& rel = (*r)[i];
        Where at = where;
        at.annotation_id = "relations[" + std::to_string(i) + "]";
        if (!rel.is_object() || !rel.contains("type") ||
            !rel.contains("head") || !rel.contains("tail") ||
            !rel["type"].is_string() || !rel["head"].is_string() ||
            !rel["tail"].is_string()) {
          problems->push_back(Status::InvalidInput(
              "a relation must be an object with string \"type\", \"head\" "
              "and \"tail\"",
              at));
          continue;
        }
        if (!options.ignore_unknown_keys)
          CheckKeys(rel, "a relation", kRelationKeys, at, problems);
        doc.annotations.relations.push_back({rel["type"].get<std::string>(),
                                             rel["head"].get<std::string>(),
                                             rel["tail"].get<std::string>()});
      }
    }
  }

  ResolveWithText(doc, where, problems);
  return doc;
}

std::string SerializeAnnotatedDocument(const AnnotatedDocument& doc,
                                       const WriteOptions& options) {
  // ordered_json keeps the keys in the order of INTERFACE.md (doc_id first).
  using ojson = nlohmann::ordered_json;
  ojson object = ojson::object();
  object["doc_id"] = doc.document.doc_id;
  if (options.include_text && doc.has_text) object["text"] = doc.document.text;
  object["offset_unit"] = "codepoint";
  ojson entities = ojson::array();
  for (const Mention& m : doc.annotations.mentions) {
    ojson e = {{"id", m.id}};
    // A mention still to be grounded has no offsets yet.
    if (m.alignment != MentionAlignment::kPending) {
      e["start"] = m.start;
      e["end"] = m.end;
    }
    e["type"] = m.type;
    if ((options.include_mention_text || HasNoSpan(m.alignment)) && m.text)
      e["text"] = *m.text;
    e["entity"] = m.entity ? ojson(*m.entity) : ojson(nullptr);
    e["value"] = m.value ? ojson(*m.value) : ojson(nullptr);
    if (m.alignment != MentionAlignment::kGiven &&
        m.alignment != MentionAlignment::kPending)
      e["alignment"] = MentionAlignmentName(m.alignment);
    entities.push_back(std::move(e));
  }
  object["entities"] = std::move(entities);
  ojson relations = ojson::array();
  for (const Relation& r : doc.annotations.relations) {
    relations.push_back({{"type", r.type}, {"head", r.head}, {"tail", r.tail}});
  }
  object["relations"] = std::move(relations);
  return options.pretty ? object.dump(1) : object.dump();
}

}  // namespace ieval
