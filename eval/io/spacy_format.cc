#include "ieval/io/spacy_format.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <tuple>
#include <utility>

#include "foreign_format.h"
#include "ieval/core/status_macros.h"
#include "ieval/io/json_reader.h"
#include "json_parse.h"

namespace ieval {

namespace {

using foreign::At;
using foreign::CheckKeys;
using foreign::SpanConverter;
using foreign::SpanUnit;

constexpr char kTool[] = "spaCy";

// Prodigy's task keys (its recipes' output) and spaCy's Doc.to_json keys.
constexpr std::string_view kRecordKeys =
    "text spans ents tokens meta _input_hash _task_hash _view_id answer "
    "_timestamp _annotator_id _session_id _is_binary relations sents "
    "cats label options accept html score priority pattern config _ "
    "doc_id";
constexpr std::string_view kSpanKeys =
    "start end label token_start token_end text source input_hash kb_id "
    "score priority pattern answer id";
constexpr std::string_view kRelationKeys =
    "head child head_span child_span label color";

struct Context {
  const std::string& doc_id;
  const std::string& where;  // "file:line: doc_id", for repairs
  const SpanConverter& spans;
  const FormatReadOptions& options;
  std::vector<FormatRepair>* repairs;
};

// [start, end) of a span object as code points, checked against its `text`.
Result<std::pair<int64_t, int64_t>> ReadOffsets(const JsonValue& span,
                                                const Context& context) {
  IEVAL_ASSIGN_OR_RETURN(JsonValue start_value, span.Get("start"));
  IEVAL_ASSIGN_OR_RETURN(int64_t start, start_value.Integer(0));
  IEVAL_ASSIGN_OR_RETURN(JsonValue end_value, span.Get("end"));
  IEVAL_ASSIGN_OR_RETURN(int64_t end, end_value.Integer(0));
  SpanUnit unit = SpanUnit::kCodepoints;
  if (auto text = span.Find("text")) {
    IEVAL_ASSIGN_OR_RETURN(std::string expected, text->String());
    const std::optional<SpanUnit> match =
        context.spans.MatchText(start, end, expected);
    if (!match) {
      return At(span,
                context.spans.Mismatch(start, end, expected, "the span's text"),
                context.doc_id);
    }
    unit = *match;
    if (unit != SpanUnit::kCodepoints) {
      NoteRepair(context.repairs, foreign::RepairText(kTool, unit),
                 context.where);
    }
  }
  const auto cp = context.spans.ToCodepoints(start, end, unit);
  if (!cp) {
    return At(span,
              "start " + std::to_string(start) + ", end " +
                  std::to_string(end) + " are not a span of the text (" +
                  std::to_string(context.spans.index().codepoints()) +
                  " characters)",
              context.doc_id);
  }
  return *cp;
}

Status ReadSpans(const JsonValue& list, const Context& context,
                 AnnotatedDocument* doc) {
  IEVAL_RETURN_IF_ERROR(list.ExpectArray());
  for (const JsonValue& span : list.Elements()) {
    IEVAL_RETURN_IF_ERROR(span.ExpectObject());
    IEVAL_RETURN_IF_ERROR(
        CheckKeys(span, kSpanKeys, context.options, context.doc_id));
    IEVAL_ASSIGN_OR_RETURN(auto offsets, ReadOffsets(span, context));
    IEVAL_ASSIGN_OR_RETURN(JsonValue label, span.Get("label"));
    Mention m;
    m.id = "T" + std::to_string(doc->annotations.mentions.size() + 1);
    m.start = offsets.first;
    m.end = offsets.second;
    IEVAL_ASSIGN_OR_RETURN(m.type, label.NonEmptyString());
    m.text = std::string(
        context.spans.index().Slice(context.spans.text(), m.start, m.end));
    if (auto kb = span.Find("kb_id"); kb && kb->is_string()) {
      std::string entity = kb->String().value();
      if (!entity.empty()) m.entity = std::move(entity);  // spaCy's "" = none
    }
    doc->annotations.mentions.push_back(std::move(m));
  }
  return Status::Ok();
}

// The mention a relation's head_span or child_span is.
Result<std::string> RelationEnd(const JsonValue& relation, const char* key,
                                const Context& context,
                                const AnnotatedDocument& doc) {
  IEVAL_ASSIGN_OR_RETURN(JsonValue span, relation.Get(key));
  IEVAL_RETURN_IF_ERROR(span.ExpectObject());
  IEVAL_ASSIGN_OR_RETURN(auto offsets, ReadOffsets(span, context));
  std::optional<std::string> label;
  if (auto l = span.Find("label")) {
    IEVAL_ASSIGN_OR_RETURN(label, l->String());
  }
  for (const Mention& m : doc.annotations.mentions) {
    if (m.start == offsets.first && m.end == offsets.second &&
        (!label || *label == m.type)) {
      return m.id;
    }
  }
  return At(span,
            "the relation's " + std::string(key) +
                " is none of the "
                "record's spans",
            context.doc_id);
}

Status ReadRelations(const JsonValue& list, const Context& context,
                     AnnotatedDocument* doc) {
  IEVAL_RETURN_IF_ERROR(list.ExpectArray());
  for (const JsonValue& r : list.Elements()) {
    IEVAL_RETURN_IF_ERROR(r.ExpectObject());
    IEVAL_RETURN_IF_ERROR(
        CheckKeys(r, kRelationKeys, context.options, context.doc_id));
    Relation relation;
    IEVAL_ASSIGN_OR_RETURN(relation.head,
                           RelationEnd(r, "head_span", context, *doc));
    IEVAL_ASSIGN_OR_RETURN(relation.tail,
                           RelationEnd(r, "child_span", context, *doc));
    IEVAL_ASSIGN_OR_RETURN(JsonValue label, r.Get("label"));
    IEVAL_ASSIGN_OR_RETURN(relation.type, label.NonEmptyString());
    doc->annotations.relations.push_back(std::move(relation));
  }
  return Status::Ok();
}

Result<std::optional<AnnotatedDocument>> ReadRecord(
    const JsonValue& record, int64_t line, const std::string& file,
    const FormatReadOptions& options, std::vector<FormatRepair>* repairs) {
  IEVAL_RETURN_IF_ERROR(record.ExpectObject());
  AnnotatedDocument doc;
  IEVAL_ASSIGN_OR_RETURN(doc.document.doc_id,
                         foreign::RecordId(record, options, line, {"doc_id"}));
  const std::string& doc_id = doc.document.doc_id;
  IEVAL_RETURN_IF_ERROR(
      CheckKeys(record, kRecordKeys, options, doc_id,
                [&](const std::string& key, const JsonValue&) {
                  return key == options.id_field;
                }));
  const std::string where = file + ":" + std::to_string(line) + ": " + doc_id;
  if (auto answer = record.Find("answer"); answer && answer->is_string()) {
    const std::string verdict = answer->String().value();
    if (verdict != "accept") {
      NoteRepair(repairs,
                 "Prodigy records answered \"reject\" or \"ignore\" skipped",
                 where);
      return std::optional<AnnotatedDocument>();
    }
  }
  IEVAL_ASSIGN_OR_RETURN(JsonValue text, record.Get("text"));
  IEVAL_ASSIGN_OR_RETURN(doc.document.text, text.String());
  IEVAL_RETURN_IF_ERROR(foreign::CheckUtf8(doc.document.text, text, doc_id));
  doc.has_text = true;
  doc.source_file = file;
  doc.source_line = line;

  std::optional<JsonValue> spans = record.Find("spans");
  const std::optional<JsonValue> ents = record.Find("ents");
  if (spans && spans->is_object()) {
    if (!ents) {
      return spans->Error(
          "spaCy span groups: ieval reads the named entities (\"ents\") or a "
          "Prodigy \"spans\" list");
    }
    NoteRepair(repairs, "spaCy span groups skipped (\"ents\" read)", where);
    spans.reset();
  }
  if (spans && ents && spans->size() > 0 && ents->size() > 0) {
    return record.Error(
        "both \"spans\" and \"ents\" hold spans: which ones are the "
        "annotations?");
  }
  const SpanConverter converter(doc.document.text);
  const Context context{doc_id, where, converter, options, repairs};
  if (spans && spans->size() > 0) {
    IEVAL_RETURN_IF_ERROR(ReadSpans(*spans, context, &doc));
  } else if (ents) {
    IEVAL_RETURN_IF_ERROR(ReadSpans(*ents, context, &doc));
  } else if (spans) {
    IEVAL_RETURN_IF_ERROR(spans->ExpectArray());
  }
  doc.mention_lines.assign(doc.annotations.mentions.size(), line);
  if (auto relations = record.Find("relations")) {
    IEVAL_RETURN_IF_ERROR(ReadRelations(*relations, context, &doc));
  }
  return std::optional<AnnotatedDocument>(std::move(doc));
}

}  // namespace

Result<Corpus> ReadSpacy(std::string_view content, const std::string& file,
                         const FormatReadOptions& options,
                         std::vector<FormatRepair>* repairs) {
  return foreign::ReadJsonlCorpus(
      content, file, repairs, [&](const JsonValue& record, int64_t line) {
        return ReadRecord(record, line, file, options, repairs);
      });
}

std::string WriteSpacy(const Corpus& corpus) {
  using ojson = nlohmann::ordered_json;
  std::string out;
  for (const AnnotatedDocument& doc : corpus.documents) {
    const OffsetIndex index(doc.document.text);
    auto span_of = [&](const Mention& m) {
      ojson span = {{"start", m.start}, {"end", m.end}, {"label", m.type}};
      if (m.end <= index.codepoints() && m.start < m.end) {
        span["text"] =
            std::string(index.Slice(doc.document.text, m.start, m.end));
      }
      return span;
    };
    ojson spans = ojson::array();
    std::map<std::string, const Mention*> by_id;
    for (const Mention& m : doc.annotations.mentions) {
      ojson span = span_of(m);
      if (m.entity) span["kb_id"] = *m.entity;
      spans.push_back(std::move(span));
      by_id.emplace(m.id, &m);
    }
    ojson relations = ojson::array();
    for (const Relation& r : doc.annotations.relations) {
      const auto head = by_id.find(r.head);
      const auto tail = by_id.find(r.tail);
      if (head == by_id.end() || tail == by_id.end()) continue;
      relations.push_back({{"head_span", span_of(*head->second)},
                           {"child_span", span_of(*tail->second)},
                           {"label", r.type}});
    }
    ojson record = {{"doc_id", doc.document.doc_id},
                    {"text", doc.document.text},
                    {"spans", std::move(spans)}};
    if (!relations.empty()) record["relations"] = std::move(relations);
    out += record.dump() + "\n";
  }
  return out;
}

}  // namespace ieval
