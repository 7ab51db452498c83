#include "ieval/gate/inputs.h"

#include <cmath>
#include <set>

#include "ieval/core/status_macros.h"
#include "ieval/io/json_reader.h"
#include "ieval/results/per_document_file.h"
#include "ieval/results/score_counts.h"
#include "run_speed.h"

namespace ieval {
namespace {

inline constexpr char kRunReportFormat[] = "ieval-run";
inline constexpr int kRunReportMaxVersion = 1;

Status Bad(const std::string& path, const std::string& what) {
  return Status::InvalidInput(what, Where{path, 0, "", ""});
}

// Numeric leaves of `j` under `prefix` into `out`, skipping `skip` keys
// at the top level (and arrays everywhere: lists are not metrics).
void Flatten(const JsonValue& j, const std::string& prefix,
             std::map<std::string, double>& out,
             const std::set<std::string>& skip = {}) {
  if (j.is_number()) {
    out[prefix] = *j.Number();
    return;
  }
  for (const auto& [key, value] : j.Members()) {
    if (prefix.empty() && skip.count(key) != 0) continue;
    Flatten(value, prefix.empty() ? key : prefix + "." + key, out);
  }
}

// The "units" object of a variant's scores (UnitsToJson in
// ieval/report/score_report.h) into columns per unit kind.
Status ReadUnits(const JsonValue& units, const std::string& where,
                 const std::string& path,
                 std::map<std::string, DocumentColumns>& out) {
  IEVAL_RETURN_IF_ERROR(units.ExpectObject());
  for (const auto& [kind, list] : units.Members()) {
    const std::string at = where + "units." + kind;
    if (kind != "sentences" && kind != "mentions")
      return Bad(path, at + ": unknown unit (known: sentences, mentions)");
    IEVAL_RETURN_IF_ERROR(list.ExpectArray());
    DocumentColumns& columns = out[kind];
    const std::vector<JsonValue> items = list.Elements();
    const size_t n = items.size();
    std::set<std::string> seen;
    for (size_t i = 0; i < n; ++i) {
      const JsonValue& u = items[i];
      const auto doc_id = u.Find("doc_id");
      const auto start = u.Find("start");
      if (!u.is_object() || !doc_id || !doc_id->is_string() || !start)
        return u.Error(
            "needs a string \"doc_id\" and a non-negative integer \"start\"");
      IEVAL_ASSIGN_OR_RETURN(const uint64_t first, start->Unsigned());
      const std::string id = *doc_id->String() + "#" + std::to_string(first);
      if (!seen.insert(id).second)
        return Bad(path, at + ": unit " + id + " appears twice");
      columns.doc_ids.push_back(id);
      std::map<std::string, double> leaves;
      if (auto entities = u.Find("entities"))
        Flatten(*entities, "entities", leaves);
      for (const auto& [key, value] : leaves) {
        auto& column = columns.columns[key];
        if (column.empty()) column.assign(n, 0.0);
        column[i] = value;
      }
    }
  }
  return Status::Ok();
}

// The "repeats" of a run report's variant: each repeat's documents, as
// the same doc_ids as the variant's documents, with counts that are
// numbers >= 0.
Status ReadRepeats(const JsonValue& repeats, const std::string& name,
                   const std::string& path, VariantScores& v) {
  const std::string where = "variant \"" + name + "\": repeats.documents";
  IEVAL_RETURN_IF_ERROR(repeats.ExpectObject());
  const auto documents = repeats.Find("documents");
  if (!documents) return Status::Ok();  // a summary without counts
  IEVAL_RETURN_IF_ERROR(documents->ExpectArray());
  const std::set<std::string> expected(v.documents.doc_ids.begin(),
                                       v.documents.doc_ids.end());
  for (const JsonValue& list : documents->Elements()) {
    IEVAL_RETURN_IF_ERROR(list.ExpectArray());
    DocumentColumns& columns = v.repeats.emplace_back();
    const std::vector<JsonValue> items = list.Elements();
    const size_t n = items.size();
    for (size_t i = 0; i < n; ++i) {
      const JsonValue& d = items[i];
      const auto doc_id = d.Find("doc_id");
      if (!d.is_object() || !doc_id || !doc_id->is_string())
        return d.Error("needs a string \"doc_id\"");
      columns.doc_ids.push_back(*doc_id->String());
      std::map<std::string, double> leaves;
      Flatten(d, "", leaves);
      for (const auto& [key, value] : leaves) {
        if (!(value >= 0) || !std::isfinite(value))
          return Bad(path, where + "[" + std::to_string(v.repeats.size() - 1) +
                               "]: document \"" + columns.doc_ids.back() +
                               "\": " + key + " is not a count (a number " +
                               "≥ 0): " + std::to_string(value));
        auto& column = columns.columns[key];
        if (column.empty()) column.assign(n, 0.0);
        column[i] = value;
      }
    }
    const std::set<std::string> got(columns.doc_ids.begin(),
                                    columns.doc_ids.end());
    if (got != expected || got.size() != columns.doc_ids.size())
      return Bad(path, where + "[" + std::to_string(v.repeats.size() - 1) +
                           "]: its documents are not the variant's (each "
                           "repeat lists every scored document once)");
  }
  if (v.repeats.size() == 1)
    return Bad(path, where +
                         ": one repeat only (a variant of ieval run "
                         "--repeats K has K >= 2)");
  return Status::Ok();
}

// The "scores" object of one variant (or a whole score file).
Result<VariantScores> ReadScores(const JsonValue& scores,
                                 const std::string& name,
                                 const std::string& path) {
  VariantScores v;
  v.name = name;
  const std::string where = "variant \"" + name + "\": ";
  const auto docs = scores.Find("documents");
  if (!scores.Find("entities") || !docs || !docs->is_array())
    return Bad(path, where +
                         "scores lack \"entities\" or \"documents\"; "
                         "write them with ieval score --json");
  IEVAL_ASSIGN_OR_RETURN(const ScoreDocuments loaded,
                         LoadScoreDocuments(scores, path));
  IEVAL_RETURN_IF_ERROR(CheckScoreCounts(scores, *loaded.documents));
  Flatten(scores, "", v.metrics,
          {"documents", "per_document", "options", "errors", "units"});
  if (auto errors = scores.Find("errors"))
    if (auto counts = errors->Find("counts"))
      Flatten(*counts, "", v.error_counts);
  if (auto units = scores.Find("units")) {
    IEVAL_RETURN_IF_ERROR(ReadUnits(*units, where, path, v.units));
  }
  const std::vector<JsonValue> documents = loaded.documents->Elements();
  const size_t n = documents.size();
  std::set<std::string> seen;
  for (size_t i = 0; i < n; ++i) {
    const std::string id = *documents[i].Find("doc_id")->String();
    if (!seen.insert(id).second)
      return Bad(path, where + "document \"" + id + "\" appears twice");
    v.documents.doc_ids.push_back(id);
    std::map<std::string, double> leaves;
    Flatten(documents[i], "", leaves);
    for (const auto& [key, value] : leaves) {
      auto& column = v.documents.columns[key];
      if (column.empty()) column.assign(n, 0.0);
      column[i] = value;
    }
  }
  return v;
}

Result<GateInputFile> ReadRunReport(const JsonValue& root,
                                    const std::string& path) {
  IEVAL_ASSIGN_OR_RETURN(const JsonValue version_value,
                         root.Get("format_version"));
  IEVAL_ASSIGN_OR_RETURN(const int64_t version, version_value.Integer());
  if (version < 1 || version > kRunReportMaxVersion)
    return Bad(path, "report.json format_version " + std::to_string(version) +
                         " is not supported (this ieval reads 1 to " +
                         std::to_string(kRunReportMaxVersion) + ")");
  AccuracyInput in;
  in.path = path;
  in.kind = GateInputKind::kRunReport;
  if (auto gold = root.Find("gold")) {
    IEVAL_RETURN_IF_ERROR(gold->ExpectObject());
    if (auto ids = gold->Find("doc_ids")) {
      IEVAL_RETURN_IF_ERROR(ids->ExpectArray());
      for (const JsonValue& id : ids->Elements()) {
        IEVAL_ASSIGN_OR_RETURN(in.doc_ids.emplace_back(), id.NonEmptyString());
      }
    }
  }
  const auto variants = root.Find("variants");
  if (!variants || !variants->is_array())
    return Bad(path, "report.json has no \"variants\" array");
  std::set<std::string> names;
  for (const JsonValue& vj : variants->Elements()) {
    IEVAL_RETURN_IF_ERROR(vj.ExpectObject());
    IEVAL_ASSIGN_OR_RETURN(const JsonValue name_value, vj.Get("name"));
    IEVAL_ASSIGN_OR_RETURN(const std::string name, name_value.NonEmptyString());
    if (!names.insert(name).second)
      return Bad(path, "variant \"" + name + "\" appears twice");
    std::string status = "ok";
    if (auto s = vj.Find("status")) {
      IEVAL_ASSIGN_OR_RETURN(status, s->OneOf({"ok", "failed", "skipped"}));
    }
    VariantScores v;
    if (status == "ok") {
      const auto scores = vj.Find("scores");
      if (!scores)
        return Bad(path, "variant \"" + name + "\" is ok but has no scores");
      IEVAL_RETURN_IF_ERROR(scores->ExpectObject());
      IEVAL_ASSIGN_OR_RETURN(v, ReadScores(*scores, name, path));
      if (auto repeats = vj.Find("repeats")) {
        IEVAL_RETURN_IF_ERROR(ReadRepeats(*repeats, name, path, v));
      }
      if (in.options.empty())
        if (auto options = scores->Find("options"))
          in.options = options->Dump();
    }
    v.name = name;
    v.status = status;
    if (auto error = vj.Find("error"); error && !error->is_null()) {
      IEVAL_ASSIGN_OR_RETURN(v.error, error->String());
    }
    in.variants.push_back(std::move(v));
  }
  if (in.doc_ids.empty() && !in.variants.empty())
    in.doc_ids = in.variants.front().documents.doc_ids;
  GateInputFile file;
  file.kind = GateInputKind::kRunReport;
  file.accuracy = std::move(in);
  IEVAL_ASSIGN_OR_RETURN(file.run_speed,
                         gate_internal::ReadRunSpeed(root, path));
  return file;
}

Result<GateInputFile> ReadScoreFile(const JsonValue& root,
                                    const std::string& path) {
  IEVAL_ASSIGN_OR_RETURN(VariantScores scores, ReadScores(root, "score", path));
  AccuracyInput in;
  in.path = path;
  in.kind = GateInputKind::kScores;
  const auto options = root.Find("options");
  in.options = options ? options->Dump() : "{}";
  in.doc_ids = scores.documents.doc_ids;
  in.variants.push_back(std::move(scores));
  GateInputFile file;
  file.kind = GateInputKind::kScores;
  file.accuracy = std::move(in);
  return file;
}

double NanosecondsPer(const std::string& unit) {
  if (unit == "us") return 1e3;
  if (unit == "ms") return 1e6;
  if (unit == "s") return 1e9;
  return 1;  // "ns"
}

// An optional string member, `fallback` when absent.
Result<std::string> OptionalString(const JsonValue& j, const char* key,
                                   std::string fallback) {
  auto v = j.Find(key);
  if (!v) return fallback;
  return v->String();
}

Result<GateInputFile> ReadBenchmarks(const JsonValue& root,
                                     const std::string& path) {
  BenchmarkInput in;
  in.paths.push_back(path);
  if (auto context = root.Find("context")) {
    IEVAL_RETURN_IF_ERROR(context->ExpectObject());
    for (const char* key : {"host_name", "num_cpus", "mhz_per_cpu",
                            "library_build_type", "executable"})
      if (auto v = context->Find(key))
        in.context[key] = v->is_string() ? *v->String() : v->Dump();
  }
  std::map<std::string, size_t> index;
  for (const JsonValue& b : root.Find("benchmarks")->Elements()) {
    IEVAL_RETURN_IF_ERROR(b.ExpectObject());
    IEVAL_ASSIGN_OR_RETURN(const JsonValue name_value, b.Get("name"));
    IEVAL_ASSIGN_OR_RETURN(const std::string run_name,
                           name_value.NonEmptyString());
    IEVAL_ASSIGN_OR_RETURN(const std::string name,
                           OptionalString(b, "run_name", run_name));
    auto [it, added] = index.emplace(name, in.benchmarks.size());
    if (added) {
      in.benchmarks.emplace_back();
      in.benchmarks.back().name = name;
    }
    BenchmarkSamples& s = in.benchmarks[it->second];
    bool error = false;
    if (auto e = b.Find("error_occurred")) {
      IEVAL_ASSIGN_OR_RETURN(error, e->Bool());
    }
    if (error) {
      IEVAL_ASSIGN_OR_RETURN(
          s.error, OptionalString(b, "error_message", "error_occurred"));
      continue;
    }
    IEVAL_ASSIGN_OR_RETURN(const std::string run_type,
                           OptionalString(b, "run_type", "iteration"));
    if (run_type != "iteration" || b.Find("aggregate_name")) {
      ++s.aggregates;
      continue;
    }
    std::string unit = "ns";
    if (auto u = b.Find("time_unit")) {
      IEVAL_ASSIGN_OR_RETURN(unit, u->OneOf({"ns", "us", "ms", "s"}));
    }
    const double scale = NanosecondsPer(unit);
    double times[2];
    for (int k = 0; k < 2; ++k) {
      const char* key = k == 0 ? "real_time" : "cpu_time";
      auto t = b.Find(key);
      if (!t)
        return Bad(path,
                   "benchmark \"" + name + "\": no numeric \"" + key + "\"");
      IEVAL_ASSIGN_OR_RETURN(times[k], t->Number(0));
    }
    s.real_time_ns.push_back(times[0] * scale);
    s.cpu_time_ns.push_back(times[1] * scale);
  }
  GateInputFile file;
  file.kind = GateInputKind::kBenchmarks;
  file.benchmarks = std::move(in);
  return file;
}

Result<GateInputFile> ReadGateInput(const JsonDocument& doc) {
  const JsonValue root = doc.root();
  const std::string& path = doc.file();
  if (!root.is_object()) return Bad(path, "not a JSON object");
  if (auto format = root.Find("format");
      format && format->is_string() && *format->String() == kRunReportFormat)
    return ReadRunReport(root, path);
  if (auto benchmarks = root.Find("benchmarks");
      benchmarks && benchmarks->is_array())
    return ReadBenchmarks(root, path);
  if (root.Find("tokens") && root.Find("phrases"))
    return Bad(path,
               "token-sequence (CoNLL) scores have no per-document counts; "
               "gate span scores (ieval score --gold DIR --pred PATH --json) "
               "or a report.json of ieval run instead");
  if (root.Find("entities") && root.Find("documents"))
    return ReadScoreFile(root, path);
  return Bad(path,
             "not a gate input: expected a report.json of ieval run "
             "(\"format\": \"ieval-run\"), an ieval score --json object "
             "(\"entities\", \"documents\") or Google Benchmark JSON "
             "(\"benchmarks\")");
}

}  // namespace

const char* GateInputKindName(GateInputKind kind) {
  switch (kind) {
    case GateInputKind::kRunReport:
      return "report.json of ieval run";
    case GateInputKind::kScores:
      return "ieval score --json";
    case GateInputKind::kBenchmarks:
      return "Google Benchmark JSON";
  }
  return "?";
}

const std::vector<double>* DocumentColumns::Find(const std::string& key) const {
  auto it = columns.find(key);
  return it == columns.end() ? nullptr : &it->second;
}

const VariantScores* AccuracyInput::Find(const std::string& name) const {
  for (const VariantScores& v : variants)
    if (v.name == name) return &v;
  return nullptr;
}

const BenchmarkSamples* BenchmarkInput::Find(const std::string& name) const {
  for (const BenchmarkSamples& b : benchmarks)
    if (b.name == name) return &b;
  return nullptr;
}

Result<GateInputFile> ParseGateInput(std::string_view text,
                                     const std::string& path) {
  IEVAL_ASSIGN_OR_RETURN(const JsonDocument doc,
                         JsonDocument::Parse(text, path));
  return ReadGateInput(doc);
}

Result<GateInputFile> LoadGateInput(const std::string& path) {
  IEVAL_ASSIGN_OR_RETURN(const JsonDocument doc, JsonDocument::Read(path));
  return ReadGateInput(doc);
}

Status MergeBenchmarks(BenchmarkInput& into, BenchmarkInput more) {
  for (BenchmarkSamples& b : more.benchmarks) {
    if (into.Find(b.name) != nullptr)
      return Status::InvalidInput(
          "benchmark \"" + b.name + "\" appears in more than one file",
          Where{more.paths.front(), 0, "", ""});
    into.benchmarks.push_back(std::move(b));
  }
  for (std::string& p : more.paths) into.paths.push_back(std::move(p));
  for (auto& [key, value] : more.context) {
    auto it = into.context.find(key);
    if (it == into.context.end()) {
      into.context[key] = value;
    } else if (it->second != value && key == "executable") {
      it->second += ", " + value;
    }
  }
  return Status::Ok();
}

}  // namespace ieval
