#include "ieval/io/label_studio_format.h"

#include <map>
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
using foreign::CheckKeys;
using foreign::IdText;
using foreign::SpanConverter;
using foreign::SpanUnit;

constexpr char kTool[] = "Label Studio";

// The keys Label Studio writes in its JSON export (open source and
// Enterprise, as documented and in published exports; `completions` is the
// name before 1.0), so that a real export is read as it is.
constexpr std::string_view kTaskKeys =
    "id data annotations predictions drafts meta created_at updated_at "
    "inner_id total_annotations cancelled_annotations total_predictions "
    "comment_count unresolved_comment_count last_comment_updated_at "
    "project updated_by file_upload comment_authors is_labeled overlap "
    "storage_filename annotators reviewers agreement "
    "precomputed_agreement completed_at allow_skip comments completions";
constexpr std::string_view kAnnotationKeys =
    "id completed_by result was_cancelled ground_truth created_at "
    "updated_at draft_created_at lead_time prediction result_count "
    "unique_id import_id last_action task project updated_by "
    "parent_prediction parent_annotation last_created_by bulk_created "
    "reviews history created_username created_ago completed_at "
    "model_version score cluster neighbors mislabeling model model_run";
constexpr std::string_view kResultKeys =
    "id type value from_name to_name origin score readonly hidden meta "
    "parentID item_index from_id to_id direction labels source "
    "image_rotation original_width original_height";
constexpr std::string_view kValueKeys =
    "start end text labels confidence score";

// "7" or "7 (ann@example.org)", from `completed_by` (an id or an object).
std::string AnnotatorName(const JsonValue& annotation) {
  const std::optional<JsonValue> by = annotation.Find("completed_by");
  if (!by) return "?";
  if (std::optional<std::string> id = IdText(*by)) {
    return foreign::Printable(*id);
  }
  std::string name = "?";
  if (auto id = by->Find("id")) {
    name = foreign::Printable(IdText(*id).value_or("?"));
  }
  if (auto email = by->Find("email"); email && email->is_string()) {
    name += " (" + foreign::Printable(email->String().value()) + ")";
  }
  return name;
}

bool IsAnnotator(const JsonValue& annotation, const std::string& wanted) {
  const std::optional<JsonValue> by = annotation.Find("completed_by");
  if (!by) return false;
  if (IdText(*by) == wanted) return true;
  for (const char* key : {"id", "email"}) {
    if (auto v = by->Find(key); v && IdText(*v) == wanted) return true;
  }
  return false;
}

// The annotation (or prediction) of `task` that options.annotator selects.
Result<JsonValue> SelectAnnotation(const JsonValue& task,
                                   const std::string& wanted,
                                   const std::string& doc_id) {
  constexpr std::string_view kPredictions = "predictions";
  if (wanted.starts_with(kPredictions)) {
    const std::string version = wanted.size() > kPredictions.size() + 1 &&
                                        wanted[kPredictions.size()] == ':'
                                    ? wanted.substr(kPredictions.size() + 1)
                                    : "";
    std::vector<JsonValue> found;
    std::vector<std::string> versions;
    if (auto list = task.Find("predictions")) {
      for (const JsonValue& p : list->Elements()) {
        const std::string v =
            p.Find("model_version")
                ? IdText(*p.Find("model_version")).value_or("")
                : "";
        versions.push_back(v.empty() ? "(no model_version)"
                                     : foreign::Printable(v));
        if (version.empty() || v == version) found.push_back(p);
      }
    }
    if (found.size() == 1) return found[0];
    std::string listed;
    for (const std::string& v : versions) {
      listed += (listed.empty() ? "" : ", ") + v;
    }
    return At(
        task,
        found.empty()
            ? "no prediction" +
                  (version.empty() ? "" : " of model " + version) +
                  (listed.empty() ? "" : " (model versions: " + listed + ")")
            : std::to_string(found.size()) +
                  " predictions (model versions: " + listed +
                  "): choose one with --annotator "
                  "predictions:MODEL_VERSION",
        doc_id);
  }
  std::vector<JsonValue> candidates;
  std::vector<std::string> names;
  std::optional<JsonValue> list = task.Find("annotations");
  if (!list) list = task.Find("completions");  // Label Studio before 1.0
  if (list) {
    for (const JsonValue& a : list->Elements()) {
      if (auto c = a.Find("was_cancelled"); c && c->is_bool() && *c->Bool()) {
        continue;  // skipped by its annotator: holds no judgement
      }
      names.push_back(AnnotatorName(a));
      if (wanted.empty() || IsAnnotator(a, wanted)) candidates.push_back(a);
    }
  }
  if (candidates.size() == 1) return candidates[0];
  std::string listed;
  for (const std::string& n : names) listed += (listed.empty() ? "" : ", ") + n;
  if (names.empty()) {
    return At(task,
              "task has no annotation (predictions are read with "
              "--annotator predictions)",
              doc_id);
  }
  if (candidates.empty()) {
    return At(task,
              "no annotation by " + JsonQuoted(wanted) +
                  " (annotators: " + listed + ")",
              doc_id);
  }
  return At(task,
            std::to_string(candidates.size()) + " annotations (annotators: " +
                listed + "): choose one with --annotator ID or e-mail",
            doc_id);
}

// The task's text: data.text, else the one string of `data` that is not an
// id.
Result<std::string> TaskText(const JsonValue& data,
                             const FormatReadOptions& options,
                             const std::string& doc_id) {
  if (auto text = data.Find("text")) return text->String();
  std::vector<std::string> strings;
  std::string found;
  for (const auto& [key, value] : data.Members()) {
    if (key == options.id_field || key == "doc_id" || !value.is_string()) {
      continue;
    }
    strings.push_back(key);
    found = value.String().value();
  }
  if (strings.size() == 1) return found;
  std::string listed;
  for (const auto& [key, value] : data.Members()) {
    listed += (listed.empty() ? "" : ", ") + JsonQuoted(key);
  }
  return At(data,
            "no \"text\" and not exactly one string to read as the text "
            "(keys: " +
                listed + "); name the text's key \"text\"",
            doc_id);
}

struct TaskContext {
  const std::string& file;
  const std::string& doc_id;
  const SpanConverter& spans;
  std::vector<FormatRepair>* repairs;
};

// Adds the mentions of one "labels" result.
Status ReadRegion(const JsonValue& result, const std::string& id,
                  const TaskContext& task, AnnotatedDocument* doc,
                  std::set<std::string>* ids,
                  const FormatReadOptions& options) {
  IEVAL_ASSIGN_OR_RETURN(JsonValue value, result.Get("value"));
  IEVAL_RETURN_IF_ERROR(CheckKeys(value, kValueKeys, options, task.doc_id));
  IEVAL_ASSIGN_OR_RETURN(JsonValue start_value, value.Get("start"));
  IEVAL_ASSIGN_OR_RETURN(int64_t start, start_value.Integer(0));
  IEVAL_ASSIGN_OR_RETURN(JsonValue end_value, value.Get("end"));
  IEVAL_ASSIGN_OR_RETURN(int64_t end, end_value.Integer(0));
  std::optional<std::pair<int64_t, int64_t>> span;
  if (auto text = value.Find("text")) {
    IEVAL_ASSIGN_OR_RETURN(std::string expected, text->String());
    const std::optional<SpanUnit> unit =
        task.spans.MatchText(start, end, expected);
    if (!unit) {
      return At(result,
                "result " + JsonQuoted(id) + ": " +
                    task.spans.Mismatch(start, end, expected, "its value.text"),
                task.doc_id);
    }
    if (*unit != SpanUnit::kCodepoints) {
      NoteRepair(task.repairs, foreign::RepairText(kTool, *unit),
                 task.file + ": " + task.doc_id + ": result " + id);
    }
    span = task.spans.ToCodepoints(start, end, *unit);
  } else {
    span = task.spans.ToCodepoints(start, end, SpanUnit::kCodepoints);
    if (!span) {
      return At(
          result,
          "result " + JsonQuoted(id) + ": start " + std::to_string(start) +
              ", end " + std::to_string(end) + " are not a span of the text (" +
              std::to_string(task.spans.index().codepoints()) + " code points)",
          task.doc_id);
    }
  }
  IEVAL_ASSIGN_OR_RETURN(JsonValue labels, value.Get("labels"));
  IEVAL_RETURN_IF_ERROR(labels.ExpectArray());
  if (labels.size() == 0) {
    return At(labels, "result " + JsonQuoted(id) + " has no label",
              task.doc_id);
  }
  for (const JsonValue& label : labels.Elements()) {
    IEVAL_ASSIGN_OR_RETURN(std::string type, label.NonEmptyString());
    Mention m;
    // A region with two labels is two mentions; the first keeps the id
    // relations name.
    m.id = ids->count(id) ? id + "#" + type : id;
    if (!ids->insert(m.id).second) {
      return At(result, "result id " + JsonQuoted(id) + " used twice",
                task.doc_id);
    }
    m.start = span->first;
    m.end = span->second;
    m.type = std::move(type);
    m.text = std::string(
        task.spans.index().Slice(task.spans.text(), m.start, m.end));
    doc->annotations.mentions.push_back(std::move(m));
  }
  return Status::Ok();
}

Status ReadRelation(const JsonValue& result, const TaskContext& task,
                    const std::set<std::string>& ids, AnnotatedDocument* doc) {
  IEVAL_ASSIGN_OR_RETURN(JsonValue from_value, result.Get("from_id"));
  IEVAL_ASSIGN_OR_RETURN(std::string from, from_value.String());
  IEVAL_ASSIGN_OR_RETURN(JsonValue to_value, result.Get("to_id"));
  IEVAL_ASSIGN_OR_RETURN(std::string to, to_value.String());
  for (const std::string* end : {&from, &to}) {
    if (!ids.count(*end)) {
      return At(result,
                "relation to region " + JsonQuoted(*end) +
                    ", which is not a labelled span of this annotation",
                task.doc_id);
    }
  }
  std::string direction = "right";
  if (auto d = result.Find("direction")) {
    IEVAL_ASSIGN_OR_RETURN(direction, d->OneOf({"right", "left", "bi"}));
  }
  if (direction == "left") std::swap(from, to);
  if (direction == "bi") {
    NoteRepair(task.repairs,
               "Label Studio relations with direction \"bi\" read from "
               "from_id to to_id",
               task.file + ": " + task.doc_id + ": " + from + " - " + to);
  }
  const std::optional<JsonValue> labels = result.Find("labels");
  if (!labels || labels->size() == 0) {
    NoteRepair(task.repairs, "Label Studio relations without a label skipped",
               task.file + ": " + task.doc_id + ": " + from + " -> " + to);
    return Status::Ok();
  }
  IEVAL_RETURN_IF_ERROR(labels->ExpectArray());
  for (const JsonValue& label : labels->Elements()) {
    IEVAL_ASSIGN_OR_RETURN(std::string type, label.NonEmptyString());
    doc->annotations.relations.push_back({std::move(type), from, to});
  }
  return Status::Ok();
}

Result<AnnotatedDocument> ReadTask(const JsonValue& task, int64_t position,
                                   const std::string& file,
                                   const FormatReadOptions& options,
                                   std::vector<FormatRepair>* repairs) {
  IEVAL_RETURN_IF_ERROR(task.ExpectObject());
  IEVAL_ASSIGN_OR_RETURN(JsonValue data, task.Get("data"));
  IEVAL_RETURN_IF_ERROR(data.ExpectObject());
  AnnotatedDocument doc;
  std::optional<JsonValue> id;
  if (!options.id_field.empty()) {
    id = data.Find(options.id_field);
    if (!id) {
      return data.Error("no key " + JsonQuoted(options.id_field) +
                        " (--id-field) in the task's data");
    }
  } else if (auto ours = data.Find("doc_id")) {
    id = ours;
  } else {
    id = task.Find("id");
  }
  if (id) {
    std::optional<std::string> text = IdText(*id);
    if (!text || text->empty()) {
      return id->Expected("a document id (a non-empty string or an integer)");
    }
    doc.document.doc_id = *text;
  } else {
    doc.document.doc_id = std::to_string(position);
  }
  const std::string& doc_id = doc.document.doc_id;
  IEVAL_RETURN_IF_ERROR(CheckKeys(task, kTaskKeys, options, doc_id));
  IEVAL_ASSIGN_OR_RETURN(doc.document.text, TaskText(data, options, doc_id));
  IEVAL_RETURN_IF_ERROR(foreign::CheckUtf8(doc.document.text, data, doc_id));
  doc.has_text = true;
  doc.source_file = file;

  IEVAL_ASSIGN_OR_RETURN(JsonValue annotation,
                         SelectAnnotation(task, options.annotator, doc_id));
  IEVAL_RETURN_IF_ERROR(
      CheckKeys(annotation, kAnnotationKeys, options, doc_id));
  IEVAL_ASSIGN_OR_RETURN(JsonValue results, annotation.Get("result"));
  IEVAL_RETURN_IF_ERROR(results.ExpectArray());
  const SpanConverter spans(doc.document.text);
  const TaskContext context{file, doc_id, spans, repairs};
  std::set<std::string> ids;
  std::vector<JsonValue> relations;
  for (const JsonValue& result : results.Elements()) {
    IEVAL_RETURN_IF_ERROR(CheckKeys(result, kResultKeys, options, doc_id));
    IEVAL_ASSIGN_OR_RETURN(JsonValue type_value, result.Get("type"));
    IEVAL_ASSIGN_OR_RETURN(std::string type, type_value.String());
    if (type == "relation") {
      relations.push_back(result);  // after every region is known
      continue;
    }
    if (type != "labels") {
      NoteRepair(repairs,
                 "Label Studio results of type " + JsonQuoted(type) +
                     " skipped (only \"labels\" spans and \"relation\" are "
                     "read)",
                 file + ": " + doc_id);
      continue;
    }
    IEVAL_ASSIGN_OR_RETURN(JsonValue id_value, result.Get("id"));
    IEVAL_ASSIGN_OR_RETURN(std::string result_id, id_value.NonEmptyString());
    IEVAL_RETURN_IF_ERROR(
        ReadRegion(result, result_id, context, &doc, &ids, options));
  }
  for (const JsonValue& result : relations) {
    IEVAL_RETURN_IF_ERROR(ReadRelation(result, context, ids, &doc));
  }
  return doc;
}

}  // namespace

Result<Corpus> ReadLabelStudio(std::string_view content,
                               const std::string& file,
                               const FormatReadOptions& options,
                               std::vector<FormatRepair>* repairs) {
  IEVAL_ASSIGN_OR_RETURN(
      JsonDocument json,
      JsonDocument::Parse(foreign::SkipByteOrderMark(content, file, repairs),
                          file));
  const JsonValue root = json.root();
  // An export is a list of tasks; a cloud-storage target holds one task per
  // file.
  std::vector<JsonValue> tasks =
      root.is_object() ? std::vector<JsonValue>{root} : root.Elements();
  if (!root.is_object()) IEVAL_RETURN_IF_ERROR(root.ExpectArray());
  Corpus corpus;
  std::map<std::string, int64_t> seen;
  for (size_t i = 0; i < tasks.size(); ++i) {
    const int64_t position = static_cast<int64_t>(i) + 1;
    IEVAL_ASSIGN_OR_RETURN(
        AnnotatedDocument doc,
        ReadTask(tasks[i], position, file, options, repairs));
    auto [it, fresh] = seen.emplace(doc.document.doc_id, position);
    if (!fresh) {
      return tasks[i].Error("document id " + JsonQuoted(doc.document.doc_id) +
                            " is also the id of the task at position " +
                            std::to_string(it->second) +
                            "; name a unique key of `data` with --id-field");
    }
    corpus.documents.push_back(std::move(doc));
  }
  return corpus;
}

}  // namespace ieval
