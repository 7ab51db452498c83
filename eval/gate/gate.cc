#include "ieval/gate/gate.h"

#include <algorithm>

#include "accuracy.h"
#include "run_speed.h"
#include "speed.h"

namespace ieval {
namespace {

struct Side {
  std::vector<std::string> paths;
  std::optional<AccuracyInput> accuracy;
  std::optional<BenchmarkInput> benchmarks;  // Google Benchmark files
  std::optional<BenchmarkInput> run_speed;   // the report's variants' passes
};

// `more` added to the benchmarks judged (`into` when there are none yet).
Status AddBenchmarks(std::optional<BenchmarkInput>& into, BenchmarkInput more) {
  if (!into) {
    into = std::move(more);
    return Status::Ok();
  }
  return MergeBenchmarks(*into, std::move(more));
}

Result<Side> Collect(std::vector<GateInputFile> files, const char* name) {
  Side side;
  for (GateInputFile& f : files) {
    if (f.accuracy) {
      side.paths.push_back(f.accuracy->path);
      if (side.accuracy)
        return Status::Usage(
            std::string("more than one accuracy file for the ") + name + " (" +
            side.accuracy->path + ", " + f.accuracy->path +
            "): give one report.json or score --json per side");
      side.accuracy = std::move(f.accuracy);
      side.run_speed = std::move(f.run_speed);
    }
    if (f.benchmarks) {
      side.paths.push_back(f.benchmarks->paths.front());
      if (!side.benchmarks) {
        side.benchmarks = std::move(f.benchmarks);
      } else {
        Status s = MergeBenchmarks(*side.benchmarks, std::move(*f.benchmarks));
        if (!s.ok()) return s;
      }
    }
  }
  return side;
}

Status SameKinds(const Side& b, const Side& c) {
  auto list = [](const Side& s) {
    std::string kinds;
    if (s.accuracy) kinds = GateInputKindName(s.accuracy->kind);
    if (s.benchmarks)
      kinds += std::string(kinds.empty() ? "" : " and ") +
               GateInputKindName(GateInputKind::kBenchmarks);
    return kinds.empty() ? std::string("nothing") : kinds;
  };
  if (b.accuracy.has_value() != c.accuracy.has_value() ||
      b.benchmarks.has_value() != c.benchmarks.has_value())
    return Status::InvalidInput(
        "baseline and current are not comparable: the baseline gives " +
        list(b) + ", the current " + list(c));
  if (!b.accuracy && !b.benchmarks)
    return Status::Usage("no input: give --baseline and --current files");
  return Status::Ok();
}

}  // namespace

const char* CheckOutcomeName(CheckOutcome outcome) {
  switch (outcome) {
    case CheckOutcome::kPass:
      return "pass";
    case CheckOutcome::kFail:
      return "fail";
    case CheckOutcome::kSkip:
      return "skip";
  }
  return "?";
}

int GateReport::Count(CheckOutcome outcome) const {
  return static_cast<int>(
      std::count_if(checks.begin(), checks.end(),
                    [&](const GateCheck& c) { return c.outcome == outcome; }));
}

Result<GateReport> RunGate(std::vector<GateInputFile> baseline,
                           std::vector<GateInputFile> current,
                           const GateRules& rules) {
  auto b = Collect(std::move(baseline), "baseline");
  if (!b.ok()) return b.status();
  auto c = Collect(std::move(current), "current");
  if (!c.ok()) return c.status();
  Status same = SameKinds(*b, *c);
  if (!same.ok()) return same;
  GateReport report;
  report.baseline_paths = b->paths;
  report.current_paths = c->paths;
  report.statistics = rules.statistics;
  if (b->accuracy) {
    const AccuracyInput& ab = *b->accuracy;
    const AccuracyInput& ac = *c->accuracy;
    Status s = gate_internal::CheckComparable(ab, ac);
    if (!s.ok()) return s;
    report.documents = static_cast<int64_t>(ab.doc_ids.size());
    for (const VariantScores& v : ab.variants)
      report.variants.push_back(v.name);
    if (rules.accuracy.empty())
      report.notes.push_back(
          "The rules have no accuracy rules: the accuracy files were checked "
          "for comparability only.");
    auto pending = gate_internal::BuildAccuracyChecks(ab, ac, rules);
    if (!pending.ok()) return pending.status();
    report.checks =
        gate_internal::DecideAccuracyChecks(std::move(*pending), rules);
    for (std::string& note : gate_internal::SignificanceNotes(
             report.checks, report.documents, rules))
      report.notes.push_back(std::move(note));
    for (std::string& note : gate_internal::RepeatNotes(ab, ac))
      report.notes.push_back(std::move(note));
  }
  if (b->benchmarks) {
    report.benchmarks = static_cast<int>(b->benchmarks->benchmarks.size());
    if (rules.speed.empty())
      report.notes.push_back(
          "The rules have no speed rules: the benchmark files were not "
          "judged.");
  }
  // The reports' variants' passes are judged with the benchmarks, by the
  // same speed rules, when both sides have them.
  if (b->accuracy && !rules.speed.empty()) {
    for (std::string& note : gate_internal::RunSpeedNotes(
             b->run_speed, c->run_speed, b->accuracy->path, c->accuracy->path,
             rules))
      report.notes.push_back(std::move(note));
    if (b->run_speed && c->run_speed) {
      Status s = AddBenchmarks(b->benchmarks, std::move(*b->run_speed));
      if (s.ok()) s = AddBenchmarks(c->benchmarks, std::move(*c->run_speed));
      if (!s.ok()) return s;
    }
  }
  if (b->benchmarks) {
    auto speed = gate_internal::BuildSpeedChecks(*b->benchmarks, *c->benchmarks,
                                                 rules, report.notes);
    if (!speed.ok()) return speed.status();
    for (GateCheck& check : *speed) report.checks.push_back(std::move(check));
  }
  return report;
}

Result<GateReport> RunGateOnFiles(const std::vector<std::string>& baseline,
                                  const std::vector<std::string>& current,
                                  const GateRules& rules) {
  std::vector<GateInputFile> b, c;
  for (const std::string& path : baseline) {
    auto f = LoadGateInput(path);
    if (!f.ok()) return f.status();
    b.push_back(std::move(*f));
  }
  for (const std::string& path : current) {
    auto f = LoadGateInput(path);
    if (!f.ok()) return f.status();
    c.push_back(std::move(*f));
  }
  return RunGate(std::move(b), std::move(c), rules);
}

}  // namespace ieval
