#include "run_speed.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "ieval/core/status_macros.h"
#include "ieval/core/text_format.h"

namespace ieval::gate_internal {
namespace {

// `key` of a variant's "repetitions": seconds (numbers >= 0) into ns.
Result<std::vector<double>> Nanoseconds(const JsonValue& repetitions,
                                        const char* key) {
  IEVAL_ASSIGN_OR_RETURN(const JsonValue list, repetitions.Get(key));
  IEVAL_RETURN_IF_ERROR(list.ExpectArray());
  std::vector<double> out;
  for (const JsonValue& v : list.Elements()) {
    IEVAL_ASSIGN_OR_RETURN(const double seconds, v.Number(0));
    out.push_back(seconds * 1e9);
  }
  return out;
}

// One variant's passes, appended to `out` when its throughput has them.
Status ReadVariant(const JsonValue& variant, BenchmarkInput& out) {
  const auto throughput = variant.Find("throughput");
  if (!throughput) return Status::Ok();
  IEVAL_RETURN_IF_ERROR(throughput->ExpectObject());
  const auto repetitions = throughput->Find("repetitions");
  if (!repetitions) return Status::Ok();
  IEVAL_RETURN_IF_ERROR(repetitions->ExpectObject());
  BenchmarkSamples s;
  s.from_run_report = true;
  IEVAL_ASSIGN_OR_RETURN(const JsonValue name, variant.Get("name"));
  IEVAL_ASSIGN_OR_RETURN(const std::string variant_name, name.String());
  s.name = kRunSpeedPrefix + variant_name;
  IEVAL_ASSIGN_OR_RETURN(s.real_time_ns,
                         Nanoseconds(*repetitions, "wall_seconds"));
  IEVAL_ASSIGN_OR_RETURN(s.cpu_time_ns,
                         Nanoseconds(*repetitions, "cpu_seconds"));
  const size_t passes = s.real_time_ns.size();
  if (s.cpu_time_ns.size() != passes)
    return repetitions->Error(
        "\"wall_seconds\" and \"cpu_seconds\" differ in length (every timed "
        "pass has both)");
  if (auto count = repetitions->Find("count")) {
    IEVAL_ASSIGN_OR_RETURN(const int64_t n, count->Integer(0));
    if (static_cast<size_t>(n) != passes)
      return count->Error("is " + std::to_string(n) +
                          " but \"wall_seconds\" lists " +
                          std::to_string(passes) + " timed passes");
  }
  std::string status = "ok", error;
  if (auto v = variant.Find("status")) {
    IEVAL_ASSIGN_OR_RETURN(status, v->String());
  }
  if (auto v = variant.Find("error"); v && v->is_string()) {
    IEVAL_ASSIGN_OR_RETURN(error, v->String());
  }
  if (status == "failed") s.error = error.empty() ? "failed" : error;
  if (status == "skipped") s.skipped = error.empty() ? "skipped" : error;
  out.benchmarks.push_back(std::move(s));
  return Status::Ok();
}

bool Selects(const SpeedRule& rule, const std::string& name) {
  return std::any_of(
      rule.benchmarks.begin(), rule.benchmarks.end(),
      [&](const std::string& glob) { return GlobMatch(glob, name); });
}

// How `rule` judges a benchmark with fewer repetitions than it requires.
std::string HowTooFewAreJudged(const SpeedRule& rule, size_t fewest) {
  switch (rule.too_few) {
    case TooFewRepetitions::kFail:
      return "fails them (\"too_few_repetitions\": \"fail\")";
    case TooFewRepetitions::kTolerance:
      return "judges them by their median slowdown against max_slowdown (" +
             PercentChange(rule.max_slowdown).substr(1) +
             ") alone, untested (\"too_few_repetitions\": \"tolerance\", as "
             "\"when_underpowered\": \"tolerance\" for accuracy)" +
             (fewest == 1 ? ", and a single pass a side measures the "
                            "machine's noise as much as the change"
                          : "");
    case TooFewRepetitions::kSkip:
      break;
  }
  return "skips them, not judged (\"too_few_repetitions\": \"skip\"; "
         "\"tolerance\" judges the median slowdown against max_slowdown "
         "alone, \"fail\" fails them)";
}

}  // namespace

Result<std::optional<BenchmarkInput>> ReadRunSpeed(const JsonValue& root,
                                                   const std::string& path) {
  BenchmarkInput in;
  in.paths.push_back(path);
  for (const JsonValue& variant : root.Find("variants")->Elements()) {
    IEVAL_RETURN_IF_ERROR(ReadVariant(variant, in));
  }
  if (in.benchmarks.empty()) return std::optional<BenchmarkInput>();
  // The machine, as Google Benchmark's context names it where it can, so
  // the speed notes say when two reports ran on different machines.
  if (auto machine = root.Find("machine"); machine && machine->is_object()) {
    for (const auto& [from, to] :
         {std::pair<const char*, const char*>{"cores", "num_cpus"},
          {"cpu", "cpu"}})
      if (auto v = machine->Find(from))
        in.context[to] = v->is_string() ? *v->String() : v->Dump();
  }
  return std::optional<BenchmarkInput>(std::move(in));
}

std::vector<std::string> RunSpeedNotes(
    const std::optional<BenchmarkInput>& baseline,
    const std::optional<BenchmarkInput>& current,
    const std::string& baseline_report, const std::string& current_report,
    const GateRules& rules) {
  std::vector<std::string> notes;
  if (!baseline && !current) return notes;
  if (!baseline || !current) {
    const bool in_baseline = baseline.has_value();
    notes.push_back(
        std::string("Only the ") + (in_baseline ? "baseline" : "current") +
        " report.json (" + (in_baseline ? baseline_report : current_report) +
        ") holds the variants' timed passes (throughput.repetitions); " +
        (in_baseline ? current_report : baseline_report) +
        " has none, so the variants' speed is not judged. For a speed "
        "verdict, run both with ieval run --bench-repetitions 9.");
    return notes;
  }
  for (size_t r = 0; r < rules.speed.size(); ++r) {
    const SpeedRule& rule = rules.speed[r];
    size_t few = 0, fewest = std::numeric_limits<size_t>::max();
    for (const BenchmarkSamples& b : baseline->benchmarks) {
      const BenchmarkSamples* c = current->Find(b.name);
      if (c == nullptr || !Selects(rule, b.name) || !b.error.empty() ||
          !c->error.empty() || !b.skipped.empty() || !c->skipped.empty())
        continue;
      const size_t n = std::min(b.real_time_ns.size(), c->real_time_ns.size());
      if (n >= static_cast<size_t>(rule.min_repetitions)) continue;
      ++few;
      fewest = std::min(fewest, n);
    }
    if (few == 0) continue;
    const std::string label =
        rule.name.empty() ? "speed[" + std::to_string(r) + "]" : rule.name;
    const std::string min = std::to_string(rule.min_repetitions);
    notes.push_back("Variant speed from report.json: " + std::to_string(few) +
                    " variant" + (few == 1 ? " has " : "s have ") +
                    (fewest == 1 ? "a single timed pass (ieval run without "
                                   "--bench-repetitions)"
                                 : "as few as " + std::to_string(fewest) +
                                       " timed passes") +
                    " on a side, fewer than the " + min +
                    " repetitions a Mann–Whitney U test needs under rule \"" +
                    label + "\", which " + HowTooFewAreJudged(rule, fewest) +
                    ". For a tested verdict, run both sides with ieval run "
                    "--bench-repetitions " +
                    min + ".");
  }
  return notes;
}

}  // namespace ieval::gate_internal
