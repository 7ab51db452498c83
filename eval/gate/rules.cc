#include "ieval/gate/rules.h"

#include <algorithm>
#include <set>

#include "ieval/core/status_macros.h"
#include "ieval/io/json_reader.h"

namespace ieval {

// default_rules.json, embedded by eval/gate/CMakeLists.txt.
extern const char kDefaultGateRules[];

namespace {

inline constexpr char kRulesFormat[] = "ieval-gate-rules";

// `allowed` and "comment" (a string, anywhere): any other key is a typo
// that would silently disable a check.
Status OnlyKeys(const JsonValue& j,
                std::initializer_list<std::string_view> allowed) {
  std::vector<std::string_view> keys(allowed);
  keys.push_back("comment");
  IEVAL_RETURN_IF_ERROR(j.ExpectObject());
  for (const auto& [key, value] : j.Members()) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      std::sort(keys.begin(), keys.end());
      std::string list;
      for (std::string_view k : keys)
        list += (list.empty() ? "" : ", ") + std::string(k);
      return j.Error("unknown key \"" + key + "\" (known: " + list + ")");
    }
  }
  if (auto comment = j.Find("comment")) {
    IEVAL_RETURN_IF_ERROR(comment->String().status());
  }
  return Status::Ok();
}

Status Number(const JsonValue& j, const char* key, double lo, double hi,
              std::optional<double>& out) {
  auto v = j.Find(key);
  if (!v) return Status::Ok();
  IEVAL_ASSIGN_OR_RETURN(out, v->Number(lo, hi));
  return Status::Ok();
}
Status Number(const JsonValue& j, const char* key, double lo, double hi,
              double& out) {
  std::optional<double> v;
  IEVAL_RETURN_IF_ERROR(Number(j, key, lo, hi, v));
  if (v) out = *v;
  return Status::Ok();
}

// A number strictly between 0 and 1, when present.
Status Fraction(const JsonValue& j, const char* key, double& out) {
  auto v = j.Find(key);
  if (!v) return Status::Ok();
  auto x = v->Number(0, 1);
  if (!x.ok() || *x <= 0 || *x >= 1)
    return v->Expected("a number strictly between 0 and 1");
  out = *x;
  return Status::Ok();
}

Status Integer(const JsonValue& j, const char* key, int64_t lo, int64_t hi,
               int& out) {
  auto v = j.Find(key);
  if (!v) return Status::Ok();
  IEVAL_ASSIGN_OR_RETURN(const int64_t n, v->Integer(lo, hi));
  out = static_cast<int>(n);
  return Status::Ok();
}

Status Bool(const JsonValue& j, const char* key, bool& out) {
  auto v = j.Find(key);
  if (!v) return Status::Ok();
  IEVAL_ASSIGN_OR_RETURN(out, v->Bool());
  return Status::Ok();
}

Status String(const JsonValue& j, const char* key, std::string& out) {
  auto v = j.Find(key);
  if (!v) return Status::Ok();
  IEVAL_ASSIGN_OR_RETURN(out, v->NonEmptyString());
  return Status::Ok();
}

Result<std::optional<std::string>> Choice(
    const JsonValue& j, const char* key,
    std::initializer_list<std::string_view> choices) {
  auto v = j.Find(key);
  if (!v) return std::optional<std::string>();
  IEVAL_ASSIGN_OR_RETURN(std::string choice, v->OneOf(choices));
  return std::optional<std::string>(std::move(choice));
}

// A string or an array of non-empty strings.
Status Globs(const JsonValue& j, const char* key,
             std::vector<std::string>& out) {
  auto v = j.Find(key);
  if (!v) return Status::Ok();
  const char* kWhat = "a non-empty string or array of non-empty strings";
  std::vector<std::string> globs;
  if (v->is_string()) globs.push_back(*v->String());
  for (const JsonValue& g : v->Elements()) {
    if (!g.is_string() || g.String()->empty()) return g.Expected(kWhat);
    globs.push_back(*g.String());
  }
  if (globs.empty() || globs.front().empty()) return v->Expected(kWhat);
  out = std::move(globs);
  return Status::Ok();
}

// "when_underpowered" of the statistics or a rule, when present.
Status ParseWhenUnderpowered(const JsonValue& j,
                             std::optional<WhenUnderpowered>& out) {
  auto v = j.Find("when_underpowered");
  if (!v) return Status::Ok();
  auto when = v->OneOf({"tolerance", "pass"});
  if (!when.ok())
    return v->Expected(
        "\"tolerance\" (a test that cannot reach alpha leaves the verdict "
        "to the tolerance) or \"pass\"");
  out =
      *when == "pass" ? WhenUnderpowered::kPass : WhenUnderpowered::kTolerance;
  return Status::Ok();
}

// "unit" of the statistics or a rule, when present; the singular forms of
// `ieval run --unit` are accepted too.
Status ParseUnit(const JsonValue& j, std::optional<GateUnit>& out) {
  auto v = j.Find("unit");
  if (!v) return Status::Ok();
  auto unit = v->OneOf({"documents", "document", "sentences", "sentence",
                        "mentions", "mention"});
  if (!unit.ok())
    return v->Expected("\"documents\", \"sentences\" or \"mentions\"");
  out = unit->rfind("document", 0) == 0   ? GateUnit::kDocuments
        : unit->rfind("sentence", 0) == 0 ? GateUnit::kSentences
                                          : GateUnit::kMentions;
  return Status::Ok();
}

Status ParseStatistics(const JsonValue& j, GateStatistics& out) {
  IEVAL_RETURN_IF_ERROR(
      OnlyKeys(j, {"test", "resamples", "confidence", "seed", "correction",
                   "when_underpowered", "unit"}));
  IEVAL_ASSIGN_OR_RETURN(const auto test,
                         Choice(j, "test", {"randomization", "bootstrap"}));
  if (test)
    out.test =
        *test == "bootstrap" ? GateTest::kBootstrap : GateTest::kRandomization;
  IEVAL_RETURN_IF_ERROR(Integer(j, "resamples", 1, 10'000'000, out.resamples));
  IEVAL_RETURN_IF_ERROR(Fraction(j, "confidence", out.confidence));
  if (auto seed = j.Find("seed")) {
    IEVAL_ASSIGN_OR_RETURN(out.seed, seed->Unsigned());
  }
  IEVAL_ASSIGN_OR_RETURN(const auto correction,
                         Choice(j, "correction", {"holm", "none"}));
  if (correction) out.holm = *correction == "holm";
  std::optional<WhenUnderpowered> when;
  IEVAL_RETURN_IF_ERROR(ParseWhenUnderpowered(j, when));
  if (when) out.when_underpowered = *when;
  std::optional<GateUnit> unit;
  IEVAL_RETURN_IF_ERROR(ParseUnit(j, unit));
  if (unit) out.unit = *unit;
  return Status::Ok();
}

Result<AccuracyRule> ParseAccuracyRule(const JsonValue& j) {
  IEVAL_RETURN_IF_ERROR(OnlyKeys(
      j, {"name", "metric", "variants", "min", "max_drop", "max_relative_drop",
          "require_significance", "alpha", "when_underpowered", "unit"}));
  AccuracyRule rule;
  IEVAL_RETURN_IF_ERROR(String(j, "name", rule.name));
  if (!j.Find("metric")) return j.Error("needs a \"metric\"");
  IEVAL_RETURN_IF_ERROR(String(j, "metric", rule.metric));
  const std::string last = rule.metric.substr(rule.metric.rfind('.') + 1);
  static const std::set<std::string> kHigherIsBetter = {
      "precision", "recall", "f1", "accuracy", "conll_f1"};
  if (kHigherIsBetter.count(last) == 0)
    return j.Find("metric")->Error(
        "\"" + rule.metric +
        "\" must end in precision, recall, f1, accuracy or conll_f1 (a "
        "score where higher is better)");
  IEVAL_RETURN_IF_ERROR(Globs(j, "variants", rule.variants));
  IEVAL_RETURN_IF_ERROR(Number(j, "min", 0, 1, rule.min));
  IEVAL_RETURN_IF_ERROR(Number(j, "max_drop", 0, 1, rule.max_drop));
  IEVAL_RETURN_IF_ERROR(
      Number(j, "max_relative_drop", 0, 1, rule.max_relative_drop));
  IEVAL_RETURN_IF_ERROR(
      Bool(j, "require_significance", rule.require_significance));
  IEVAL_RETURN_IF_ERROR(Fraction(j, "alpha", rule.alpha));
  const bool drop = rule.max_drop || rule.max_relative_drop;
  if (!rule.min && !drop)
    return j.Error(
        "checks nothing: give \"min\", \"max_drop\" or "
        "\"max_relative_drop\"");
  if (rule.require_significance && !drop)
    return j.Error(
        "\"require_significance\" applies to a drop: give \"max_drop\" or "
        "\"max_relative_drop\" (the tolerance also decides when the test "
        "cannot reach alpha)");
  IEVAL_RETURN_IF_ERROR(ParseWhenUnderpowered(j, rule.when_underpowered));
  IEVAL_RETURN_IF_ERROR(ParseUnit(j, rule.unit));
  for (const char* key : {"when_underpowered", "unit"})
    if (auto v = j.Find(key); v && !rule.require_significance)
      return v->Error(
          "applies to the significance test: add \"require_significance\": "
          "true, or remove it");
  return rule;
}

Result<SpeedRule> ParseSpeedRule(const JsonValue& j) {
  IEVAL_RETURN_IF_ERROR(
      OnlyKeys(j, {"name", "benchmarks", "measure", "max_slowdown", "alpha",
                   "min_repetitions", "too_few_repetitions"}));
  SpeedRule rule;
  IEVAL_RETURN_IF_ERROR(String(j, "name", rule.name));
  IEVAL_RETURN_IF_ERROR(Globs(j, "benchmarks", rule.benchmarks));
  IEVAL_ASSIGN_OR_RETURN(
      const auto measure,
      Choice(j, "measure", {"cpu_time", "real_time", "auto"}));
  if (measure) rule.measure = *measure;
  IEVAL_RETURN_IF_ERROR(
      Number(j, "max_slowdown", 0.01, 1e6, rule.max_slowdown));
  IEVAL_RETURN_IF_ERROR(Fraction(j, "alpha", rule.alpha));
  IEVAL_RETURN_IF_ERROR(
      Integer(j, "min_repetitions", 2, 1'000'000, rule.min_repetitions));
  IEVAL_ASSIGN_OR_RETURN(
      const auto too_few,
      Choice(j, "too_few_repetitions", {"skip", "fail", "tolerance"}));
  if (too_few)
    rule.too_few = *too_few == "fail"        ? TooFewRepetitions::kFail
                   : *too_few == "tolerance" ? TooFewRepetitions::kTolerance
                                             : TooFewRepetitions::kSkip;
  return rule;
}

// The rules of `key` ("accuracy", "speed"), each read by `parse`.
template <typename Rule, typename F>
Status ParseRules(const JsonValue& root, const char* key, F parse,
                  std::vector<Rule>& out) {
  auto list = root.Find(key);
  if (!list) return Status::Ok();
  if (!list->is_array()) return list->Expected("an array of rules");
  for (const JsonValue& j : list->Elements()) {
    IEVAL_ASSIGN_OR_RETURN(out.emplace_back(), parse(j));
  }
  return Status::Ok();
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
  IEVAL_ASSIGN_OR_RETURN(const JsonDocument doc,
                         JsonDocument::Parse(text, path));
  const JsonValue root = doc.root();
  IEVAL_RETURN_IF_ERROR(OnlyKeys(
      root, {"format", "format_version", "statistics", "accuracy", "speed"}));
  IEVAL_ASSIGN_OR_RETURN(const JsonValue format, root.Get("format"));
  IEVAL_RETURN_IF_ERROR(format.OneOf({kRulesFormat}).status());
  IEVAL_ASSIGN_OR_RETURN(const JsonValue version, root.Get("format_version"));
  IEVAL_RETURN_IF_ERROR(version.Integer(1, 1).status());
  GateRules rules;
  if (auto comment = root.Find("comment")) rules.comment = *comment->String();
  if (auto statistics = root.Find("statistics")) {
    IEVAL_RETURN_IF_ERROR(ParseStatistics(*statistics, rules.statistics));
  }
  IEVAL_RETURN_IF_ERROR(
      ParseRules(root, "accuracy", ParseAccuracyRule, rules.accuracy));
  IEVAL_RETURN_IF_ERROR(ParseRules(root, "speed", ParseSpeedRule, rules.speed));
  if (rules.accuracy.empty() && rules.speed.empty())
    return root.Error("has no \"accuracy\" or \"speed\" rules");
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
