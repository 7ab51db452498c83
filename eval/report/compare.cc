#include "ieval/report/compare.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <set>
#include <span>
#include <tuple>

#include "ieval/core/status_macros.h"
#include "ieval/io/json_reader.h"
#include "ieval/report/report_json.h"
#include "ieval/results/per_document_file.h"
#include "ieval/results/score_counts.h"

namespace ieval {
namespace {

// One set of scores: per document (by doc_id), per metric row, the counts.
struct ScoreSet {
  std::string name;
  std::map<std::string, std::map<std::string, PrfCounts>> documents;
  UsageTotals llm;
};

// The numbers of a variant's `llm` block (its per-document list aside).
UsageTotals LlmTotals(const JsonValue& variant) {
  UsageTotals totals;
  const auto llm = variant.Find("llm");
  if (!llm || !llm->is_object()) return totals;
  for (const auto& [key, value] : llm->Members())
    if (value.is_number()) totals.emplace_back(key, *value.Number());
  return totals;
}

// tp, fp and fn of a counts object (CheckScoreCounts has checked them).
PrfCounts Counts(const JsonValue& c) {
  auto get = [&](const char* key) {
    auto v = c.Find(key);
    return v && v->is_number() ? *v->Number() : 0.0;
  };
  return {get("tp"), get("fp"), get("fn")};
}

// The rows of one document object of a score file's "documents".
std::map<std::string, PrfCounts> DocumentRows(const JsonValue& doc) {
  std::map<std::string, PrfCounts> rows;
  if (auto entities = doc.Find("entities"))
    for (const char* mode : {"strict", "exact", "partial", "type"}) {
      auto m = entities->Find(mode);
      if (!m) continue;
      rows[std::string("entities.") + mode] = Counts(*m);
      if (auto per_type = m->Find("per_type"))
        for (const auto& [type, c] : per_type->Members())
          rows[std::string("entities.") + mode + "." + type] = Counts(c);
    }
  if (auto relations = doc.Find("relations"))
    for (const char* mode : {"strict", "boundaries"})
      if (auto m = relations->Find(mode))
        rows[std::string("relations.") + mode] = Counts(*m);
  return rows;
}

// Where a row sorts: entities before relations, the modes from the
// strictest (strict, exact, partial, type; strict, boundaries), each mode's
// overall row before its types (alphabetical).
std::tuple<int, int, bool, std::string> RowRank(const std::string& row) {
  static constexpr std::array<const char*, 4> kEntityModes = {
      "strict", "exact", "partial", "type"};
  static constexpr std::array<const char*, 2> kRelationModes = {"strict",
                                                                "boundaries"};
  const size_t dot = row.find('.');
  const std::string family = row.substr(0, dot);
  const size_t dot2 = row.find('.', dot + 1);
  const std::string mode = row.substr(dot + 1, dot2 - dot - 1);
  const std::string type =
      dot2 == std::string::npos ? std::string() : row.substr(dot2 + 1);
  const bool entities = family == "entities";
  int rank = 99;
  const auto modes = entities ? std::span<const char* const>(kEntityModes)
                              : std::span<const char* const>(kRelationModes);
  for (size_t i = 0; i < modes.size(); ++i)
    if (mode == modes[i]) rank = static_cast<int>(i);
  return {entities ? 0 : 1, rank, !type.empty(), type};
}

Result<ScoreSet> FromScores(const JsonValue& scores, const std::string& name,
                            const std::string& file) {
  const auto listed = scores.Find("documents");
  if (!listed || !listed->is_array())
    return Status::InvalidInput(
        "scores without per-document counts (\"documents\"): expected the "
        "output of `ieval score --json` or a report.json of `ieval run`",
        Where{file, 0, "", ""});
  IEVAL_ASSIGN_OR_RETURN(const ScoreDocuments loaded,
                         LoadScoreDocuments(scores, file));
  const JsonValue& documents = *loaded.documents;
  IEVAL_RETURN_IF_ERROR(CheckScoreCounts(scores, documents));
  ScoreSet set;
  set.name = name;
  for (const JsonValue& d : documents.Elements()) {
    const std::string id = *d.Find("doc_id")->String();
    if (!set.documents.emplace(id, DocumentRows(d)).second)
      return d.Error("document \"" + id + "\" appears twice");
  }
  return set;
}

struct Loaded {
  bool run = false;  // a run report (sets are variants)
  std::vector<ScoreSet> sets;
};

Result<Loaded> Load(const std::string& path) {
  IEVAL_ASSIGN_OR_RETURN(const JsonDocument doc, JsonDocument::Read(path));
  const JsonValue root = doc.root();
  if (!root.is_object())
    return Status::InvalidInput("not a JSON object", Where{path, 0, "", ""});
  Loaded loaded;
  std::vector<ScoreSet>& sets = loaded.sets;
  const auto format = root.Find("format");
  if (format && format->is_string() && *format->String() == kRunReportFormat) {
    loaded.run = true;
    const auto variants = root.Find("variants");
    if (!variants || !variants->is_array())
      return Status::InvalidInput("run report without a \"variants\" array",
                                  Where{path, 0, "", ""});
    for (const JsonValue& v : variants->Elements()) {
      IEVAL_RETURN_IF_ERROR(v.ExpectObject());
      IEVAL_ASSIGN_OR_RETURN(const JsonValue status, v.Get("status"));
      IEVAL_ASSIGN_OR_RETURN(const std::string state,
                             status.OneOf({"ok", "failed", "skipped"}));
      if (state != "ok") continue;
      IEVAL_ASSIGN_OR_RETURN(const JsonValue name, v.Get("name"));
      IEVAL_ASSIGN_OR_RETURN(const std::string variant, name.NonEmptyString());
      IEVAL_ASSIGN_OR_RETURN(const JsonValue scores, v.Get("scores"));
      IEVAL_RETURN_IF_ERROR(scores.ExpectObject());
      IEVAL_ASSIGN_OR_RETURN(sets.emplace_back(),
                             FromScores(scores, variant, path));
      sets.back().llm = LlmTotals(v);
    }
    return loaded;
  }
  if (!root.Find("entities"))
    return Status::InvalidInput(
        "neither a run report (\"format\": \"ieval-run\") nor a score file "
        "(`ieval score --json`)",
        Where{path, 0, "", ""});
  IEVAL_ASSIGN_OR_RETURN(
      sets.emplace_back(),
      FromScores(root, std::filesystem::path(path).stem().string(), path));
  return loaded;
}

const ScoreSet* Named(const std::vector<ScoreSet>& sets,
                      const std::string& name) {
  for (const ScoreSet& s : sets)
    if (s.name == name) return &s;
  return nullptr;
}

std::string Names(const std::vector<ScoreSet>& sets) {
  std::string out;
  for (const ScoreSet& s : sets) out += (out.empty() ? "" : ", ") + s.name;
  return out.empty() ? "none ran ok" : out;
}

// The set of one side named `name`: a score file's only set whatever the
// name (it has no variants), a run's variant of that name, or the only
// variant of a run when no name is given.
Result<const ScoreSet*> Pick(const std::vector<ScoreSet>& sets, bool run,
                             const std::string& name, const std::string& path) {
  if (!run && sets.size() == 1) return &sets.front();
  if (name.empty()) {
    if (sets.size() == 1) return &sets.front();
    return Status::Usage(path + " holds several variants (" + Names(sets) +
                         "): name one with --a-variant/--b-variant");
  }
  if (const ScoreSet* s = Named(sets, name)) return s;
  return Status::Usage("no variant \"" + name + "\" that ran ok in " + path +
                       " (it has: " + Names(sets) + ")");
}

// The pairs of sets to compare (see compare.h).
Result<std::vector<std::pair<const ScoreSet*, const ScoreSet*>>> Choose(
    const Loaded& a, const Loaded& b, const CompareOptions& options,
    const Comparison& c) {
  std::vector<std::pair<const ScoreSet*, const ScoreSet*>> pairs;
  const bool named = !options.a_variant.empty() || !options.b_variant.empty();
  if (named || (a.sets.size() == 1 && b.sets.size() == 1)) {
    // One name given applies to both sides.
    const std::string& na =
        options.a_variant.empty() ? options.b_variant : options.a_variant;
    const std::string& nb =
        options.b_variant.empty() ? options.a_variant : options.b_variant;
    auto sa = Pick(a.sets, a.run, na, c.a_path);
    if (!sa.ok()) return sa.status();
    auto sb = Pick(b.sets, b.run, nb, c.b_path);
    if (!sb.ok()) return sb.status();
    pairs.push_back({*sa, *sb});
    return pairs;
  }
  for (const ScoreSet& s : a.sets)
    if (const ScoreSet* t = Named(b.sets, s.name)) pairs.push_back({&s, t});
  if (pairs.empty())
    return Status::Usage("nothing to compare: " + c.a_path + " has " +
                         Names(a.sets) + "; " + c.b_path + " has " +
                         Names(b.sets) +
                         " (name the two with --a-variant and --b-variant)");
  return pairs;
}

Result<ComparedPair> ComparePair(const ScoreSet& a, const ScoreSet& b,
                                 const Comparison& c) {
  std::string only_a, only_b;
  for (const auto& [id, rows] : a.documents)
    if (!b.documents.count(id)) only_a += (only_a.empty() ? "" : ", ") + id;
  for (const auto& [id, rows] : b.documents)
    if (!a.documents.count(id)) only_b += (only_b.empty() ? "" : ", ") + id;
  if (!only_a.empty() || !only_b.empty())
    return Status::InvalidInput(
        "the two sides score different documents, so they cannot be paired "
        "(only in " +
        c.a_path + ": " + (only_a.empty() ? "-" : only_a) + "; only in " +
        c.b_path + ": " + (only_b.empty() ? "-" : only_b) + ")");
  ComparedPair pair;
  pair.a_name = a.name;
  pair.b_name = b.name;
  pair.documents = static_cast<int64_t>(a.documents.size());
  pair.a_llm = a.llm;
  pair.b_llm = b.llm;
  if (a.documents.empty()) return pair;
  // Every row seen on either side, in the order people read them.
  std::set<std::string> seen;
  for (const auto* set : {&a, &b})
    for (const auto& [id, rows] : set->documents)
      for (const auto& [name, counts] : rows) seen.insert(name);
  std::vector<std::string> names(seen.begin(), seen.end());
  std::stable_sort(names.begin(), names.end(),
                   [](const std::string& x, const std::string& y) {
                     return RowRank(x) < RowRank(y);
                   });
  std::vector<double> p_values;
  for (const std::string& name : names) {
    std::vector<PrfCounts> ua, ub;
    CompareRow row;
    row.metric = name;
    for (const auto& [id, rows] : a.documents) {
      auto find = [&](const std::map<std::string, PrfCounts>& r) {
        auto it = r.find(name);
        return it == r.end() ? PrfCounts{} : it->second;
      };
      ua.push_back(find(rows));
      ub.push_back(find(b.documents.at(id)));
      row.a += ua.back();
      row.b += ub.back();
    }
    auto boot = PairedBootstrap(ua, ub, c.options.bootstrap);
    if (!boot.ok()) return boot.status();
    auto ar = ApproximateRandomization(ua, ub, c.options.bootstrap);
    if (!ar.ok()) return ar.status();
    row.bootstrap = *boot;
    row.randomization = *ar;
    // Both tests must agree: the larger p. The shifted-null bootstrap is
    // anti-conservative on few documents (p reaches 1/(resamples+1) with
    // five), while randomization cannot go below about 2/2^N.
    p_values.push_back(std::max(boot->p_value, ar->p_value));
    pair.rows.push_back(std::move(row));
  }
  const std::vector<double> holm = HolmBonferroni(p_values);
  for (size_t i = 0; i < pair.rows.size(); ++i) {
    CompareRow& row = pair.rows[i];
    row.p_holm = holm[i];
    const double d = row.bootstrap.difference.estimate;
    row.verdict = row.p_holm > c.options.alpha || d == 0
                      ? "no significant difference"
                      : (d > 0 ? "better" : "worse");
  }
  return pair;
}

}  // namespace

Result<Comparison> CompareFiles(const std::string& a_path,
                                const std::string& b_path,
                                const CompareOptions& options) {
  Comparison c;
  c.a_path = a_path;
  c.b_path = b_path;
  c.options = options;
  auto a = Load(a_path);
  if (!a.ok()) return a.status();
  auto b = Load(b_path);
  if (!b.ok()) return b.status();
  auto pairs = Choose(*a, *b, options, c);
  if (!pairs.ok()) return pairs.status();
  for (const auto& [sa, sb] : *pairs) {
    auto pair = ComparePair(*sa, *sb, c);
    if (!pair.ok()) return pair.status();
    c.pairs.push_back(std::move(*pair));
  }
  return c;
}

}  // namespace ieval
