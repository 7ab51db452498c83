#include "ieval/gate/rules.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

namespace ieval {

// default_rules.json, embedded by eval/gate/CMakeLists.txt.
extern const char kDefaultGateRules[];

namespace {

using nlohmann::json;

inline constexpr char kRulesFormat[] = "ieval-gate-rules";

// Parsing helpers: every error names the file and the JSON location.
class Reader {
 public:
  explicit Reader(const std::string& path) : path_(path) {}

  Status Error(const std::string& where, const std::string& what) const {
    return Status::InvalidInput(where + ": " + what, Where{path_, 0, "", ""});
  }

  // kInvalidInput naming the first key of `object` not in `allowed`.
  Status OnlyKeys(const json& object, const std::string& where,
                  std::initializer_list<const char*> allowed) const {
    std::set<std::string> known(allowed.begin(), allowed.end());
    known.insert("comment");
    for (const auto& [key, value] : object.items()) {
      if (known.count(key) == 0) {
        std::string list;
        for (const std::string& k : known)
          list += (list.empty() ? "" : ", ") + k;
        return Error(where,
                     "unknown key \"" + key + "\" (known: " + list + ")");
      }
    }
    if (object.contains("comment") && !object["comment"].is_string())
      return Error(where + ".comment", "must be a string");
    return Status::Ok();
  }

  Status Number(const json& object, const std::string& where, const char* key,
                double lo, double hi, std::optional<double>& out) const {
    if (!object.contains(key)) return Status::Ok();
    const json& v = object[key];
    if (!v.is_number() || !std::isfinite(v.get<double>()) ||
        v.get<double>() < lo || v.get<double>() > hi)
      return Error(where + "." + key, "must be a number in [" + Format(lo) +
                                          ", " + Format(hi) + "]");
    out = v.get<double>();
    return Status::Ok();
  }
  Status Number(const json& object, const std::string& where, const char* key,
                double lo, double hi, double& out) const {
    std::optional<double> v;
    Status s = Number(object, where, key, lo, hi, v);
    if (v) out = *v;
    return s;
  }

  Status Bool(const json& object, const std::string& where, const char* key,
              bool& out) const {
    if (!object.contains(key)) return Status::Ok();
    if (!object[key].is_boolean())
      return Error(where + "." + key, "must be true or false");
    out = object[key].get<bool>();
    return Status::Ok();
  }

  Status String(const json& object, const std::string& where, const char* key,
                std::string& out) const {
    if (!object.contains(key)) return Status::Ok();
    if (!object[key].is_string() || object[key].get<std::string>().empty())
      return Error(where + "." + key, "must be a non-empty string");
    out = object[key].get<std::string>();
    return Status::Ok();
  }

  // A string or an array of non-empty strings.
  Status Globs(const json& object, const std::string& where, const char* key,
               std::vector<std::string>& out) const {
    if (!object.contains(key)) return Status::Ok();
    const json& v = object[key];
    std::vector<std::string> globs;
    if (v.is_string()) globs.push_back(v.get<std::string>());
    if (v.is_array())
      for (const json& g : v) {
        if (!g.is_string())
          return Error(where + "." + key, "must hold strings");
        globs.push_back(g.get<std::string>());
      }
    if (globs.empty() || std::any_of(globs.begin(), globs.end(),
                                     [](const auto& g) { return g.empty(); }))
      return Error(where + "." + key,
                   "must be a non-empty string or array of non-empty strings");
    out = std::move(globs);
    return Status::Ok();
  }

  static std::string Format(double v) {
    json j = v;
    return j.dump();
  }

 private:
  const std::string& path_;
};

#define IEVAL_RETURN_IF_ERROR(expr)    \
  do {                                 \
    Status status_ = (expr);           \
    if (!status_.ok()) return status_; \
  } while (false)

// "when_underpowered" of the statistics or a rule, when present.
Status ParseWhenUnderpowered(const Reader& r, const json& j,
                             const std::string& where,
                             std::optional<WhenUnderpowered>& out) {
  std::string when;
  IEVAL_RETURN_IF_ERROR(r.String(j, where, "when_underpowered", when));
  if (when.empty()) return Status::Ok();
  if (when == "tolerance") {
    out = WhenUnderpowered::kTolerance;
  } else if (when == "pass") {
    out = WhenUnderpowered::kPass;
  } else {
    return r.Error(where + ".when_underpowered",
                   "must be \"tolerance\" (a test that cannot reach alpha "
                   "leaves the verdict to the tolerance) or \"pass\"");
  }
  return Status::Ok();
}

// "unit" of the statistics or a rule, when present; the singular forms of
// `ieval run --unit` are accepted too.
Status ParseUnit(const Reader& r, const json& j, const std::string& where,
                 std::optional<GateUnit>& out) {
  std::string unit;
  IEVAL_RETURN_IF_ERROR(r.String(j, where, "unit", unit));
  if (unit.empty()) return Status::Ok();
  if (unit == "documents" || unit == "document") {
    out = GateUnit::kDocuments;
  } else if (unit == "sentences" || unit == "sentence") {
    out = GateUnit::kSentences;
  } else if (unit == "mentions" || unit == "mention") {
    out = GateUnit::kMentions;
  } else {
    return r.Error(where + ".unit",
                   "must be \"documents\", \"sentences\" or \"mentions\"");
  }
  return Status::Ok();
}

Status ParseStatistics(const Reader& r, const json& j, GateStatistics& out) {
  const std::string where = "statistics";
  if (!j.is_object()) return r.Error(where, "must be an object");
  IEVAL_RETURN_IF_ERROR(
      r.OnlyKeys(j, where,
                 {"test", "resamples", "confidence", "seed", "correction",
                  "when_underpowered", "unit"}));
  std::string test = GateTestName(out.test);
  IEVAL_RETURN_IF_ERROR(r.String(j, where, "test", test));
  if (test == "randomization") {
    out.test = GateTest::kRandomization;
  } else if (test == "bootstrap") {
    out.test = GateTest::kBootstrap;
  } else {
    return r.Error(where + ".test",
                   "must be \"randomization\" or \"bootstrap\"");
  }
  double resamples = out.resamples;
  IEVAL_RETURN_IF_ERROR(r.Number(j, where, "resamples", 1, 1e7, resamples));
  if (resamples != std::floor(resamples))
    return r.Error(where + ".resamples", "must be an integer");
  out.resamples = static_cast<int>(resamples);
  IEVAL_RETURN_IF_ERROR(r.Number(j, where, "confidence", 0, 1, out.confidence));
  if (out.confidence <= 0 || out.confidence >= 1)
    return r.Error(where + ".confidence", "must be strictly between 0 and 1");
  if (j.contains("seed")) {
    if (!j["seed"].is_number_unsigned())
      return r.Error(where + ".seed", "must be a non-negative integer");
    out.seed = j["seed"].get<uint64_t>();
  }
  std::string correction = out.holm ? "holm" : "none";
  IEVAL_RETURN_IF_ERROR(r.String(j, where, "correction", correction));
  if (correction != "holm" && correction != "none")
    return r.Error(where + ".correction", "must be \"holm\" or \"none\"");
  out.holm = correction == "holm";
  std::optional<WhenUnderpowered> when;
  IEVAL_RETURN_IF_ERROR(ParseWhenUnderpowered(r, j, where, when));
  if (when) out.when_underpowered = *when;
  std::optional<GateUnit> unit;
  IEVAL_RETURN_IF_ERROR(ParseUnit(r, j, where, unit));
  if (unit) out.unit = *unit;
  return Status::Ok();
}

Result<AccuracyRule> ParseAccuracyRule(const Reader& r, const json& j,
                                       const std::string& where) {
  if (!j.is_object()) return r.Error(where, "must be an object");
  IEVAL_RETURN_IF_ERROR(r.OnlyKeys(
      j, where,
      {"name", "metric", "variants", "min", "max_drop", "max_relative_drop",
       "require_significance", "alpha", "when_underpowered", "unit"}));
  AccuracyRule rule;
  IEVAL_RETURN_IF_ERROR(r.String(j, where, "name", rule.name));
  if (!j.contains("metric")) return r.Error(where, "needs a \"metric\"");
  IEVAL_RETURN_IF_ERROR(r.String(j, where, "metric", rule.metric));
  const std::string last = rule.metric.substr(rule.metric.rfind('.') + 1);
  static const std::set<std::string> kHigherIsBetter = {
      "precision", "recall", "f1", "accuracy", "conll_f1"};
  if (kHigherIsBetter.count(last) == 0)
    return r.Error(where + ".metric",
                   "\"" + rule.metric +
                       "\" must end in precision, recall, f1, accuracy or "
                       "conll_f1 (a score where higher is better)");
  IEVAL_RETURN_IF_ERROR(r.Globs(j, where, "variants", rule.variants));
  IEVAL_RETURN_IF_ERROR(r.Number(j, where, "min", 0, 1, rule.min));
  IEVAL_RETURN_IF_ERROR(r.Number(j, where, "max_drop", 0, 1, rule.max_drop));
  IEVAL_RETURN_IF_ERROR(
      r.Number(j, where, "max_relative_drop", 0, 1, rule.max_relative_drop));
  IEVAL_RETURN_IF_ERROR(
      r.Bool(j, where, "require_significance", rule.require_significance));
  IEVAL_RETURN_IF_ERROR(r.Number(j, where, "alpha", 0, 1, rule.alpha));
  if (rule.alpha <= 0 || rule.alpha >= 1)
    return r.Error(where + ".alpha", "must be strictly between 0 and 1");
  const bool drop = rule.max_drop || rule.max_relative_drop;
  if (!rule.min && !drop)
    return r.Error(where,
                   "checks nothing: give \"min\", \"max_drop\" or "
                   "\"max_relative_drop\"");
  if (rule.require_significance && !drop)
    return r.Error(where,
                   "\"require_significance\" applies to a drop: give "
                   "\"max_drop\" or \"max_relative_drop\" (the tolerance "
                   "also decides when the test cannot reach alpha)");
  IEVAL_RETURN_IF_ERROR(
      ParseWhenUnderpowered(r, j, where, rule.when_underpowered));
  IEVAL_RETURN_IF_ERROR(ParseUnit(r, j, where, rule.unit));
  for (const char* key : {"when_underpowered", "unit"})
    if (j.contains(key) && !rule.require_significance)
      return r.Error(where + "." + key,
                     "applies to the significance test: add "
                     "\"require_significance\": true, or remove it");
  return rule;
}

Result<SpeedRule> ParseSpeedRule(const Reader& r, const json& j,
                                 const std::string& where) {
  if (!j.is_object()) return r.Error(where, "must be an object");
  IEVAL_RETURN_IF_ERROR(
      r.OnlyKeys(j, where,
                 {"name", "benchmarks", "measure", "max_slowdown", "alpha",
                  "min_repetitions", "too_few_repetitions"}));
  SpeedRule rule;
  IEVAL_RETURN_IF_ERROR(r.String(j, where, "name", rule.name));
  IEVAL_RETURN_IF_ERROR(r.Globs(j, where, "benchmarks", rule.benchmarks));
  IEVAL_RETURN_IF_ERROR(r.String(j, where, "measure", rule.measure));
  if (rule.measure != "real_time" && rule.measure != "cpu_time")
    return r.Error(where + ".measure", "must be \"cpu_time\" or \"real_time\"");
  IEVAL_RETURN_IF_ERROR(
      r.Number(j, where, "max_slowdown", 0.01, 1e6, rule.max_slowdown));
  IEVAL_RETURN_IF_ERROR(r.Number(j, where, "alpha", 0, 1, rule.alpha));
  if (rule.alpha <= 0 || rule.alpha >= 1)
    return r.Error(where + ".alpha", "must be strictly between 0 and 1");
  double reps = rule.min_repetitions;
  IEVAL_RETURN_IF_ERROR(r.Number(j, where, "min_repetitions", 2, 1e6, reps));
  if (reps != std::floor(reps))
    return r.Error(where + ".min_repetitions", "must be an integer");
  rule.min_repetitions = static_cast<int>(reps);
  std::string too_few = "skip";
  IEVAL_RETURN_IF_ERROR(r.String(j, where, "too_few_repetitions", too_few));
  if (too_few != "skip" && too_few != "fail")
    return r.Error(where + ".too_few_repetitions",
                   "must be \"skip\" or \"fail\"");
  rule.too_few =
      too_few == "fail" ? TooFewRepetitions::kFail : TooFewRepetitions::kSkip;
  return rule;
}

}  // namespace

std::string_view DefaultGateRulesText() { return kDefaultGateRules; }

const char* WhenUnderpoweredName(WhenUnderpowered when) {
  return when == WhenUnderpowered::kPass ? "pass" : "tolerance";
}

const char* GateUnitName(GateUnit unit) {
  switch (unit) {
    case GateUnit::kDocuments:
      return "documents";
    case GateUnit::kSentences:
      return "sentences";
    case GateUnit::kMentions:
      return "mentions";
  }
  return "?";
}

const char* GateTestName(GateTest test) {
  return test == GateTest::kBootstrap ? "bootstrap" : "randomization";
}

Result<GateRules> ParseGateRules(std::string_view text,
                                 const std::string& path) {
  const Reader r(path);
  json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return r.Error("(file)", "not valid JSON");
  if (!root.is_object()) return r.Error("(file)", "must be a JSON object");
  IEVAL_RETURN_IF_ERROR(r.OnlyKeys(
      root, "(file)",
      {"format", "format_version", "statistics", "accuracy", "speed"}));
  if (root.value("format", "") != kRulesFormat)
    return r.Error("format", std::string("must be \"") + kRulesFormat + "\"");
  if (root.value("format_version", 0) != 1)
    return r.Error("format_version", "must be 1");
  GateRules rules;
  rules.comment = root.value("comment", "");
  if (root.contains("statistics"))
    IEVAL_RETURN_IF_ERROR(
        ParseStatistics(r, root["statistics"], rules.statistics));
  for (const char* key : {"accuracy", "speed"})
    if (root.contains(key) && !root[key].is_array())
      return r.Error(key, "must be an array of rules");
  if (root.contains("accuracy"))
    for (size_t i = 0; i < root["accuracy"].size(); ++i) {
      auto rule = ParseAccuracyRule(r, root["accuracy"][i],
                                    "accuracy[" + std::to_string(i) + "]");
      if (!rule.ok()) return rule.status();
      rules.accuracy.push_back(std::move(*rule));
    }
  if (root.contains("speed"))
    for (size_t i = 0; i < root["speed"].size(); ++i) {
      auto rule = ParseSpeedRule(r, root["speed"][i],
                                 "speed[" + std::to_string(i) + "]");
      if (!rule.ok()) return rule.status();
      rules.speed.push_back(std::move(*rule));
    }
  if (rules.accuracy.empty() && rules.speed.empty())
    return r.Error("(file)", "has no \"accuracy\" or \"speed\" rules");
  return rules;
}

bool GlobMatch(std::string_view pattern, std::string_view text) {
  // Iterative matcher with one backtrack point (the last '*'): linear
  // enough for names, no recursion.
  size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (p < pattern.size() &&
               (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace ieval
