#include "ieval/gate/inputs.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "ieval/io/atomic_file.h"

namespace ieval {
namespace {

using nlohmann::json;

inline constexpr char kRunReportFormat[] = "ieval-run";
inline constexpr int kRunReportMaxVersion = 1;

Status Bad(const std::string& path, const std::string& what) {
  return Status::InvalidInput(what, Where{path, 0, "", ""});
}

// Numeric leaves of `j` under `prefix` into `out`, skipping `skip` keys
// at the top level (and arrays everywhere: lists are not metrics).
void Flatten(const json& j, const std::string& prefix,
             std::map<std::string, double>& out,
             const std::set<std::string>& skip = {}) {
  if (j.is_number()) {
    out[prefix] = j.get<double>();
    return;
  }
  if (!j.is_object()) return;
  for (const auto& [key, value] : j.items()) {
    if (prefix.empty() && skip.count(key) != 0) continue;
    Flatten(value, prefix.empty() ? key : prefix + "." + key, out);
  }
}

// The "units" object of a variant's scores (UnitsToJson in
// ieval/report/score_report.h) into columns per unit kind.
Status ReadUnits(const json& units, const std::string& where,
                 const std::string& path,
                 std::map<std::string, DocumentColumns>& out) {
  if (!units.is_object())
    return Bad(path, where + "\"units\" must be an object");
  for (const auto& [kind, list] : units.items()) {
    const std::string at = where + "units." + kind;
    if (kind != "sentences" && kind != "mentions")
      return Bad(path, at + ": unknown unit (known: sentences, mentions)");
    if (!list.is_array()) return Bad(path, at + " must be an array");
    DocumentColumns& columns = out[kind];
    const size_t n = list.size();
    std::set<std::string> seen;
    for (size_t i = 0; i < n; ++i) {
      const json& u = list[i];
      if (!u.is_object() || !u.contains("doc_id") || !u["doc_id"].is_string() ||
          !u.contains("start") || !u["start"].is_number_unsigned())
        return Bad(path, at + "[" + std::to_string(i) +
                             "] needs a string \"doc_id\" and a "
                             "non-negative integer \"start\"");
      const std::string id = u["doc_id"].get<std::string>() + "#" +
                             std::to_string(u["start"].get<uint64_t>());
      if (!seen.insert(id).second)
        return Bad(path, at + ": unit " + id + " appears twice");
      columns.doc_ids.push_back(id);
      std::map<std::string, double> leaves;
      Flatten(u.value("entities", json::object()), "entities", leaves);
      for (const auto& [key, value] : leaves) {
        auto& column = columns.columns[key];
        if (column.empty()) column.assign(n, 0.0);
        column[i] = value;
      }
    }
  }
  return Status::Ok();
}

// The "scores" object of one variant (or a whole score file).
Result<VariantScores> ReadScores(const json& scores, const std::string& name,
                                 const std::string& path) {
  VariantScores v;
  v.name = name;
  const std::string where = "variant \"" + name + "\": ";
  if (!scores.is_object() || !scores.contains("entities") ||
      !scores.contains("documents") || !scores["documents"].is_array())
    return Bad(path, where +
                         "scores lack \"entities\" or \"documents\"; "
                         "write them with ieval score --json");
  Flatten(scores, "", v.metrics, {"documents", "options", "errors", "units"});
  if (scores.contains("errors") && scores["errors"].contains("counts"))
    Flatten(scores["errors"]["counts"], "", v.error_counts);
  if (scores.contains("units")) {
    Status s = ReadUnits(scores["units"], where, path, v.units);
    if (!s.ok()) return s;
  }
  const json& docs = scores["documents"];
  const size_t n = docs.size();
  std::set<std::string> seen;
  for (size_t i = 0; i < n; ++i) {
    const json& d = docs[i];
    if (!d.is_object() || !d.contains("doc_id") || !d["doc_id"].is_string())
      return Bad(path, where + "documents[" + std::to_string(i) +
                           "] has no string \"doc_id\"");
    const std::string id = d["doc_id"].get<std::string>();
    if (!seen.insert(id).second)
      return Bad(path, where + "document \"" + id + "\" appears twice");
    v.documents.doc_ids.push_back(id);
    std::map<std::string, double> leaves;
    Flatten(d, "", leaves);
    for (const auto& [key, value] : leaves) {
      auto& column = v.documents.columns[key];
      if (column.empty()) column.assign(n, 0.0);
      column[i] = value;
    }
  }
  return v;
}

Result<GateInputFile> ReadRunReport(const json& root, const std::string& path) {
  const int version = root.value("format_version", 0);
  if (version < 1 || version > kRunReportMaxVersion)
    return Bad(path, "report.json format_version " + std::to_string(version) +
                         " is not supported (this ieval reads 1 to " +
                         std::to_string(kRunReportMaxVersion) + ")");
  AccuracyInput in;
  in.path = path;
  in.kind = GateInputKind::kRunReport;
  const json gold_ids = root.contains("gold") && root["gold"].is_object()
                            ? root["gold"].value("doc_ids", json::array())
                            : json::array();
  for (const json& id : gold_ids)
    if (id.is_string()) in.doc_ids.push_back(id.get<std::string>());
  if (!root.contains("variants") || !root["variants"].is_array())
    return Bad(path, "report.json has no \"variants\" array");
  std::set<std::string> names;
  for (const json& vj : root["variants"]) {
    if (!vj.is_object() || !vj.contains("name") || !vj["name"].is_string())
      return Bad(path, "a variant of report.json has no \"name\"");
    const std::string name = vj["name"].get<std::string>();
    if (!names.insert(name).second)
      return Bad(path, "variant \"" + name + "\" appears twice");
    const std::string status = vj.value("status", "ok");
    VariantScores v;
    if (status == "ok") {
      if (!vj.contains("scores"))
        return Bad(path, "variant \"" + name + "\" is ok but has no scores");
      auto scores = ReadScores(vj["scores"], name, path);
      if (!scores.ok()) return scores.status();
      v = std::move(*scores);
      if (in.options.empty() && vj["scores"].contains("options"))
        in.options = vj["scores"]["options"].dump();
    }
    v.name = name;
    v.status = status;
    if (vj.contains("error") && vj["error"].is_string())
      v.error = vj["error"].get<std::string>();
    in.variants.push_back(std::move(v));
  }
  if (in.doc_ids.empty() && !in.variants.empty())
    in.doc_ids = in.variants.front().documents.doc_ids;
  GateInputFile file;
  file.kind = GateInputKind::kRunReport;
  file.accuracy = std::move(in);
  return file;
}

Result<GateInputFile> ReadScoreFile(const json& root, const std::string& path) {
  auto scores = ReadScores(root, "score", path);
  if (!scores.ok()) return scores.status();
  AccuracyInput in;
  in.path = path;
  in.kind = GateInputKind::kScores;
  in.options = root.value("options", json::object()).dump();
  in.doc_ids = scores->documents.doc_ids;
  in.variants.push_back(std::move(*scores));
  GateInputFile file;
  file.kind = GateInputKind::kScores;
  file.accuracy = std::move(in);
  return file;
}

double NanosecondsPer(const std::string& unit) {
  if (unit == "ns") return 1;
  if (unit == "us") return 1e3;
  if (unit == "ms") return 1e6;
  if (unit == "s") return 1e9;
  return 0;
}

Result<GateInputFile> ReadBenchmarks(const json& root,
                                     const std::string& path) {
  BenchmarkInput in;
  in.paths.push_back(path);
  if (root.contains("context") && root["context"].is_object())
    for (const char* key : {"host_name", "num_cpus", "mhz_per_cpu",
                            "library_build_type", "executable"})
      if (root["context"].contains(key)) {
        const json& v = root["context"][key];
        in.context[key] = v.is_string() ? v.get<std::string>() : v.dump();
      }
  std::map<std::string, size_t> index;
  for (const json& b : root["benchmarks"]) {
    if (!b.is_object() || !b.contains("name") || !b["name"].is_string())
      return Bad(path, "a benchmark entry has no \"name\"");
    const std::string name = b.value("run_name", b["name"].get<std::string>());
    auto [it, added] = index.emplace(name, in.benchmarks.size());
    if (added) {
      in.benchmarks.emplace_back();
      in.benchmarks.back().name = name;
    }
    BenchmarkSamples& s = in.benchmarks[it->second];
    if (b.value("error_occurred", false)) {
      s.error = b.value("error_message", "error_occurred");
      continue;
    }
    if (b.value("run_type", "iteration") != "iteration" ||
        b.contains("aggregate_name")) {
      ++s.aggregates;
      continue;
    }
    const double scale = NanosecondsPer(b.value("time_unit", "ns"));
    if (scale == 0)
      return Bad(path, "benchmark \"" + name + "\": unknown time_unit \"" +
                           b.value("time_unit", "") + "\"");
    for (const char* key : {"real_time", "cpu_time"})
      if (!b.contains(key) || !b[key].is_number() ||
          !std::isfinite(b[key].get<double>()))
        return Bad(path,
                   "benchmark \"" + name + "\": no numeric \"" + key + "\"");
    s.real_time_ns.push_back(b["real_time"].get<double>() * scale);
    s.cpu_time_ns.push_back(b["cpu_time"].get<double>() * scale);
  }
  GateInputFile file;
  file.kind = GateInputKind::kBenchmarks;
  file.benchmarks = std::move(in);
  return file;
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
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    return Bad(path, std::string("not valid JSON: ") + e.what());
  }
  if (!root.is_object()) return Bad(path, "not a JSON object");
  if (root.value("format", "") == kRunReportFormat)
    return ReadRunReport(root, path);
  if (root.contains("benchmarks") && root["benchmarks"].is_array())
    return ReadBenchmarks(root, path);
  if (root.contains("tokens") && root.contains("phrases"))
    return Bad(path,
               "token-sequence (CoNLL) scores have no per-document counts; "
               "gate span scores (ieval score --gold DIR --pred PATH --json) "
               "or a report.json of ieval run instead");
  if (root.contains("entities") && root.contains("documents"))
    return ReadScoreFile(root, path);
  return Bad(path,
             "not a gate input: expected a report.json of ieval run "
             "(\"format\": \"ieval-run\"), an ieval score --json object "
             "(\"entities\", \"documents\") or Google Benchmark JSON "
             "(\"benchmarks\")");
}

Result<GateInputFile> LoadGateInput(const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseGateInput(*text, path);
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
