#include "ieval/io/doccano_format.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <utility>

#include "foreign_format.h"
#include "ieval/core/status_macros.h"
#include "ieval/io/json_reader.h"
#include "json_parse.h"

namespace ieval {

namespace {

using foreign::At;
using foreign::SpanConverter;
using foreign::SpanUnit;

constexpr std::string_view kRecordKeys =
    "id text entities relations label labels Comments comments meta "
    "annotation_approver user doc_id data";
constexpr std::string_view kEntityKeys = "id label start_offset end_offset";
constexpr std::string_view kRelationKeys = "id from_id to_id type";

struct RawSpan {
  explicit RawSpan(JsonValue at) : where(std::move(at)) {}
  std::string id;
  int64_t start = 0;
  int64_t end = 0;
  std::string type;
  JsonValue where;
};

Result<int64_t> Offset(const JsonValue& value) { return value.Integer(0); }

// The spans of the current shape (`entities`).
Status ReadEntities(const JsonValue& entities, const FormatReadOptions& options,
                    const std::string& doc_id, std::vector<RawSpan>* spans) {
  IEVAL_RETURN_IF_ERROR(entities.ExpectArray());
  for (const JsonValue& e : entities.Elements()) {
    IEVAL_RETURN_IF_ERROR(e.ExpectObject());
    IEVAL_RETURN_IF_ERROR(foreign::CheckKeys(e, kEntityKeys, options, doc_id));
    RawSpan span(e);
    IEVAL_ASSIGN_OR_RETURN(JsonValue id, e.Get("id"));
    std::optional<std::string> id_text = foreign::IdText(id);
    if (!id_text) return id.Expected("an entity id (an integer or a string)");
    span.id = "T" + *id_text;
    IEVAL_ASSIGN_OR_RETURN(JsonValue start, e.Get("start_offset"));
    IEVAL_ASSIGN_OR_RETURN(span.start, Offset(start));
    IEVAL_ASSIGN_OR_RETURN(JsonValue end, e.Get("end_offset"));
    IEVAL_ASSIGN_OR_RETURN(span.end, Offset(end));
    IEVAL_ASSIGN_OR_RETURN(JsonValue label, e.Get("label"));
    IEVAL_ASSIGN_OR_RETURN(span.type, label.NonEmptyString());
    spans->push_back(std::move(span));
  }
  return Status::Ok();
}

// The spans of the older shape: [[start, end, "TYPE"], …].
Status ReadTriples(const JsonValue& labels, const std::string& doc_id,
                   std::vector<RawSpan>* spans) {
  IEVAL_RETURN_IF_ERROR(labels.ExpectArray());
  for (const JsonValue& triple : labels.Elements()) {
    if (triple.is_string()) {
      return At(triple,
                "a text-classification label; only sequence-labelling "
                "exports ([start, end, \"TYPE\"] or \"entities\") hold spans",
                doc_id);
    }
    if (!triple.is_array() || triple.size() != 3) {
      return triple.Expected("[start, end, \"TYPE\"]");
    }
    const std::vector<JsonValue> parts = triple.Elements();
    RawSpan span(triple);
    span.id = "T" + std::to_string(spans->size() + 1);
    IEVAL_ASSIGN_OR_RETURN(span.start, Offset(parts[0]));
    IEVAL_ASSIGN_OR_RETURN(span.end, Offset(parts[1]));
    IEVAL_ASSIGN_OR_RETURN(span.type, parts[2].NonEmptyString());
    spans->push_back(std::move(span));
  }
  return Status::Ok();
}

// The unit the document's spans are in (see doccano_format.h).
Result<SpanUnit> DocumentUnit(const SpanConverter& converter,
                              const std::vector<RawSpan>& spans,
                              const std::string& doc_id) {
  const RawSpan* bad = nullptr;
  for (const RawSpan& s : spans) {
    if (!converter.ToCodepoints(s.start, s.end, SpanUnit::kCodepoints)) {
      bad = &s;
      break;
    }
  }
  if (!bad) return SpanUnit::kCodepoints;
  bool utf16 = converter.has_astral();
  for (const RawSpan& s : spans) {
    if (!utf16) break;
    utf16 =
        converter.ToCodepoints(s.start, s.end, SpanUnit::kUtf16).has_value();
  }
  if (utf16) return SpanUnit::kUtf16;
  return At(
      bad->where,
      "span " + bad->id + " [" + std::to_string(bad->start) + ", " +
          std::to_string(bad->end) + ") is not a span of the text (" +
          std::to_string(converter.index().codepoints()) + " code points, " +
          std::to_string(converter.index().utf16_units()) + " UTF-16 units)",
      doc_id);
}

Status ReadRelations(const JsonValue& relations,
                     const FormatReadOptions& options,
                     const std::string& doc_id,
                     const std::set<std::string>& ids, AnnotatedDocument* doc) {
  IEVAL_RETURN_IF_ERROR(relations.ExpectArray());
  for (const JsonValue& r : relations.Elements()) {
    IEVAL_RETURN_IF_ERROR(r.ExpectObject());
    IEVAL_RETURN_IF_ERROR(
        foreign::CheckKeys(r, kRelationKeys, options, doc_id));
    Relation relation;
    for (auto [key, out] : {std::pair{"from_id", &relation.head},
                            std::pair{"to_id", &relation.tail}}) {
      IEVAL_ASSIGN_OR_RETURN(JsonValue v, r.Get(key));
      std::optional<std::string> id = foreign::IdText(v);
      if (!id) return v.Expected("an entity id");
      *out = "T" + *id;
      if (!ids.count(*out)) {
        return At(v, "no entity with id " + *id + " in this record", doc_id);
      }
    }
    IEVAL_ASSIGN_OR_RETURN(JsonValue type, r.Get("type"));
    IEVAL_ASSIGN_OR_RETURN(relation.type, type.NonEmptyString());
    doc->annotations.relations.push_back(std::move(relation));
  }
  return Status::Ok();
}

Result<AnnotatedDocument> ReadRecord(const JsonValue& record, int64_t line,
                                     const std::string& file,
                                     const FormatReadOptions& options,
                                     std::vector<FormatRepair>* repairs) {
  IEVAL_RETURN_IF_ERROR(record.ExpectObject());
  AnnotatedDocument doc;
  IEVAL_ASSIGN_OR_RETURN(
      doc.document.doc_id,
      foreign::RecordId(record, options, line, {"doc_id", "id"}));
  const std::string& doc_id = doc.document.doc_id;
  // doccano copies the columns of an import other than text and label to the
  // top level of its export: scalars there are metadata, not typos.
  IEVAL_RETURN_IF_ERROR(foreign::CheckKeys(
      record, kRecordKeys, options, doc_id,
      [&](const std::string& key, const JsonValue& value) {
        return key == options.id_field ||
               (!value.is_array() && !value.is_object() &&
                foreign::ClosestKey(key, foreign::Keys(kRecordKeys)).empty());
      }));
  std::optional<JsonValue> text = record.Find("text");
  if (!text) text = record.Find("data");  // doccano 1.2's name for it
  if (!text) return record.Error("missing \"text\"");
  IEVAL_ASSIGN_OR_RETURN(doc.document.text, text->String());
  IEVAL_RETURN_IF_ERROR(foreign::CheckUtf8(doc.document.text, *text, doc_id));
  doc.has_text = true;
  doc.source_file = file;
  doc.source_line = line;

  std::vector<RawSpan> spans;
  const std::optional<JsonValue> entities = record.Find("entities");
  std::optional<JsonValue> triples = record.Find("label");
  if (!triples) triples = record.Find("labels");
  if (entities && triples) {
    return record.Error(
        "both \"entities\" and \"label\"/\"labels\": which shape is it?");
  }
  if (entities) {
    IEVAL_RETURN_IF_ERROR(ReadEntities(*entities, options, doc_id, &spans));
  } else if (triples) {
    IEVAL_RETURN_IF_ERROR(ReadTriples(*triples, doc_id, &spans));
  }
  const SpanConverter converter(doc.document.text);
  IEVAL_ASSIGN_OR_RETURN(SpanUnit unit, DocumentUnit(converter, spans, doc_id));
  const std::string where = file + ":" + std::to_string(line) + ": " + doc_id;
  if (unit == SpanUnit::kUtf16) {
    NoteRepair(repairs,
               foreign::RepairText("doccano", unit) +
                   " (they run past the text in code points)",
               where);
  } else if (converter.has_astral() && !spans.empty()) {
    NoteRepair(repairs,
               "doccano offsets in texts with characters outside the BMP "
               "read as code points (doccano before 1.0 counted UTF-16 "
               "units; the offsets alone cannot tell)",
               where);
  }
  std::set<std::string> ids;
  for (const RawSpan& s : spans) {
    if (!ids.insert(s.id).second) {
      return At(s.where, "entity id " + s.id.substr(1) + " used twice", doc_id);
    }
    const auto cp = converter.ToCodepoints(s.start, s.end, unit);
    Mention m;
    m.id = s.id;
    m.start = cp->first;
    m.end = cp->second;
    m.type = s.type;
    m.text =
        std::string(converter.index().Slice(doc.document.text, m.start, m.end));
    doc.annotations.mentions.push_back(std::move(m));
    doc.mention_lines.push_back(line);
  }
  if (auto relations = record.Find("relations")) {
    IEVAL_RETURN_IF_ERROR(
        ReadRelations(*relations, options, doc_id, ids, &doc));
  }
  return doc;
}

}  // namespace

Result<Corpus> ReadDoccano(std::string_view content, const std::string& file,
                           const FormatReadOptions& options,
                           std::vector<FormatRepair>* repairs) {
  return foreign::ReadJsonlCorpus(
      content, file, repairs,
      [&](const JsonValue& record,
          int64_t line) -> Result<std::optional<AnnotatedDocument>> {
        IEVAL_ASSIGN_OR_RETURN(
            AnnotatedDocument doc,
            ReadRecord(record, line, file, options, repairs));
        return std::optional<AnnotatedDocument>(std::move(doc));
      });
}

std::string WriteDoccano(const Corpus& corpus) {
  using ojson = nlohmann::ordered_json;
  std::string out;
  int64_t line = 0;
  for (const AnnotatedDocument& doc : corpus.documents) {
    ++line;
    ojson entities = ojson::array();
    std::map<std::string, int64_t> number;
    for (const Mention& m : doc.annotations.mentions) {
      const int64_t id = static_cast<int64_t>(entities.size()) + 1;
      number.emplace(m.id, id);
      entities.push_back({{"id", id},
                          {"label", m.type},
                          {"start_offset", m.start},
                          {"end_offset", m.end}});
    }
    ojson relations = ojson::array();
    for (const Relation& r : doc.annotations.relations) {
      const auto head = number.find(r.head);
      const auto tail = number.find(r.tail);
      if (head == number.end() || tail == number.end()) continue;
      relations.push_back({{"id", static_cast<int64_t>(relations.size()) + 1},
                           {"from_id", head->second},
                           {"to_id", tail->second},
                           {"type", r.type}});
    }
    const ojson record = {{"id", line},
                          {"doc_id", doc.document.doc_id},
                          {"text", doc.document.text},
                          {"entities", std::move(entities)},
                          {"relations", std::move(relations)},
                          {"Comments", ojson::array()}};
    out += record.dump() + "\n";
  }
  return out;
}

}  // namespace ieval
