#include "ieval/run/run_config.h"

#include <filesystem>
#include <limits>

#include "ieval/core/status_macros.h"
#include "ieval/io/json_reader.h"
#include "ieval/results/metrics.h"

namespace ieval {
namespace {

constexpr int64_t kMaxInt = std::numeric_limits<int>::max();

std::string Resolve(const std::filesystem::path& base, const std::string& p) {
  if (p.empty() || std::filesystem::path(p).is_absolute()) return p;
  return (base / p).lexically_normal().string();
}

// A path member: a string, relative to the config's folder.
Status PathMember(const JsonValue& object, std::string_view key,
                  const std::filesystem::path& base, std::string* out) {
  auto v = object.Find(key);
  if (!v) return Status::Ok();
  IEVAL_ASSIGN_OR_RETURN(const std::string path, v->NonEmptyString());
  *out = Resolve(base, path);
  return Status::Ok();
}

Result<std::vector<std::string>> Strings(const JsonValue& list) {
  IEVAL_RETURN_IF_ERROR(list.ExpectArray());
  std::vector<std::string> out;
  for (const JsonValue& item : list.Elements()) {
    IEVAL_ASSIGN_OR_RETURN(out.emplace_back(), item.NonEmptyString());
  }
  return out;
}

// An integer member in [min, max] into `out` (an int), when present.
Status IntMember(const JsonValue& object, std::string_view key, int64_t min,
                 int64_t max, int* out) {
  auto v = object.Find(key);
  if (!v) return Status::Ok();
  IEVAL_ASSIGN_OR_RETURN(const int64_t n, v->Integer(min, max));
  *out = static_cast<int>(n);
  return Status::Ok();
}

// A number strictly between 0 and 1, when present.
Status Fraction(const JsonValue& object, std::string_view key, double* out) {
  auto v = object.Find(key);
  if (!v) return Status::Ok();
  auto x = v->Number(0, 1);
  if (!x.ok() || *x <= 0 || *x >= 1)
    return v->Expected("a number strictly between 0 and 1");
  *out = *x;
  return Status::Ok();
}

Status ParseScoring(const JsonValue& scoring, ScoreOptions& s,
                    GroundOptions& ground) {
  IEVAL_RETURN_IF_ERROR(
      scoring.OnlyKeys({"min_overlap", "types", "map", "max_examples",
                        "ground_policy", "ground_threshold"}));
  if (auto v = scoring.Find("ground_policy")) {
    IEVAL_ASSIGN_OR_RETURN(const std::string policy,
                           v->OneOf({"order", "first", "all"}));
    ground.policy = *ParseGroundPolicy(policy);
  }
  if (auto v = scoring.Find("ground_threshold")) {
    IEVAL_ASSIGN_OR_RETURN(ground.fuzzy_threshold, v->Number(0, 1e9));
    if (ground.fuzzy_threshold <= 0)
      return v->Expected(
          "a number above 0 (above 1 turns fuzzy grounding off)");
  }
  if (auto v = scoring.Find("min_overlap")) {
    IEVAL_ASSIGN_OR_RETURN(s.min_overlap, v->Number(0, 1));
  }
  if (auto v = scoring.Find("types")) {
    IEVAL_ASSIGN_OR_RETURN(s.types, Strings(*v));
  }
  if (auto v = scoring.Find("map")) {
    IEVAL_RETURN_IF_ERROR(v->ExpectObject());
    for (const auto& [from, to] : v->Members()) {
      IEVAL_ASSIGN_OR_RETURN(s.type_map[from], to.NonEmptyString());
    }
  }
  return IntMember(scoring, "max_examples", -1, kMaxInt, &s.max_examples);
}

Status ParseStatistics(const JsonValue& stats, StatisticsSettings& st) {
  IEVAL_RETURN_IF_ERROR(
      stats.OnlyKeys({"unit", "resamples", "confidence", "seed", "alpha",
                      "metrics", "unit_counts"}));
  if (auto v = stats.Find("unit")) {
    IEVAL_ASSIGN_OR_RETURN(st.unit, v->OneOf({"document", "sentence"}));
  }
  IEVAL_RETURN_IF_ERROR(
      IntMember(stats, "resamples", 1, 100'000'000, &st.bootstrap.resamples));
  IEVAL_RETURN_IF_ERROR(
      Fraction(stats, "confidence", &st.bootstrap.confidence));
  if (auto v = stats.Find("seed")) {
    IEVAL_ASSIGN_OR_RETURN(st.bootstrap.seed, v->Unsigned());
  }
  IEVAL_RETURN_IF_ERROR(Fraction(stats, "alpha", &st.alpha));
  if (auto v = stats.Find("metrics")) {
    IEVAL_ASSIGN_OR_RETURN(st.metrics, Strings(*v));
    const std::vector<JsonValue> items = v->Elements();
    for (size_t i = 0; i < items.size(); ++i)
      if (auto parsed = ParseMetric(st.metrics[i]); !parsed.ok())
        return items[i].Error(parsed.status().message());
  }
  if (auto v = stats.Find("unit_counts")) {
    IEVAL_RETURN_IF_ERROR(Strings(*v).status());  // an array of strings
    std::vector<std::string> units;
    for (const JsonValue& item : v->Elements()) {
      IEVAL_ASSIGN_OR_RETURN(std::string unit,
                             item.OneOf({"sentence", "mention"}));
      units.push_back(std::move(unit));
    }
    st.unit_counts = std::move(units);
  }
  return Status::Ok();
}

Result<RunConfig> Parse(const JsonValue& root,
                        const std::filesystem::path& base) {
  IEVAL_RETURN_IF_ERROR(root.OnlyKeys({"gold", "labels", "variants_file",
                                       "variants", "jobs", "repeats", "scoring",
                                       "statistics", "report", "description"}));
  RunConfig c;
  if (auto v = root.Find("description")) {
    IEVAL_RETURN_IF_ERROR(v->String().status());
  }
  c.gold = Resolve(base, c.gold);
  IEVAL_RETURN_IF_ERROR(PathMember(root, "gold", base, &c.gold));
  IEVAL_RETURN_IF_ERROR(PathMember(root, "labels", base, &c.labels));
  IEVAL_RETURN_IF_ERROR(
      PathMember(root, "variants_file", base, &c.variants_file));
  if (auto v = root.Find("variants")) {
    IEVAL_ASSIGN_OR_RETURN(c.variants, Strings(*v));
  }
  IEVAL_RETURN_IF_ERROR(IntMember(root, "jobs", 1, 4096, &c.jobs));
  IEVAL_RETURN_IF_ERROR(IntMember(root, "repeats", 1, 1000, &c.repeats));
  c.scoring.max_examples = 20;
  if (auto v = root.Find("scoring")) {
    IEVAL_RETURN_IF_ERROR(ParseScoring(*v, c.scoring, c.grounding));
  }
  c.statistics.bootstrap.resamples = 1000;
  c.statistics.bootstrap.confidence = 0.95;
  c.statistics.bootstrap.seed = 5489;
  c.statistics.alpha = 0.05;
  if (auto v = root.Find("statistics")) {
    IEVAL_RETURN_IF_ERROR(ParseStatistics(*v, c.statistics));
  }
  if (auto v = root.Find("report")) {
    IEVAL_RETURN_IF_ERROR(v->OnlyKeys({"viewer_documents"}));
    IEVAL_RETURN_IF_ERROR(
        IntMember(*v, "viewer_documents", 0, kMaxInt, &c.viewer_documents));
  }
  return c;
}

// A config from a pull request must not reach files above `boundary` by a
// relative path; an absolute path says where it goes.
Status CheckPathsStayInside(const JsonValue& root,
                            const std::filesystem::path& base,
                            const std::string& boundary) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path folder = base.empty() ? fs::path(".") : base;
  const fs::path inside =
      fs::absolute(boundary.empty() ? folder : fs::path(boundary), ec)
          .lexically_normal();
  for (const char* key : {"gold", "labels", "variants_file"}) {
    auto v = root.Find(key);
    if (!v || !v->is_string()) continue;
    const std::string p = *v->String();
    if (fs::path(p).is_absolute()) continue;
    const fs::path target = fs::absolute(folder / p, ec).lexically_normal();
    const fs::path rel = target.lexically_relative(inside);
    if (rel.empty() || *rel.begin() == "..") {
      return v->Error("the relative path \"" + p + "\" leaves " +
                      (boundary.empty()
                           ? "the config's folder"
                           : "the shipped files' folder " + boundary) +
                      "; give a path inside it or an absolute one");
    }
  }
  return Status::Ok();
}

}  // namespace

Result<RunConfig> LoadRunConfig(const std::string& path,
                                const std::string& boundary) {
  IEVAL_ASSIGN_OR_RETURN(const JsonDocument doc, JsonDocument::Read(path));
  const std::filesystem::path base = std::filesystem::path(path).parent_path();
  IEVAL_ASSIGN_OR_RETURN(RunConfig c, Parse(doc.root(), base));
  IEVAL_RETURN_IF_ERROR(CheckPathsStayInside(doc.root(), base, boundary));
  c.path = path;
  return c;
}

}  // namespace ieval
