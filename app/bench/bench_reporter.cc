#include "bench_reporter.h"

#include <cmath>

#include <nlohmann/json.hpp>

namespace ieval::bench_internal {
namespace {

double Seconds(double adjusted, benchmark::TimeUnit unit) {
  return adjusted / benchmark::GetTimeUnitMultiplier(unit);
}

// True when the '"' at json[quote] ends a string: not escaped by an odd
// number of backslashes before it.
bool ClosesString(const std::string& json, size_t quote) {
  size_t backslashes = 0;
  while (backslashes < quote && json[quote - 1 - backslashes] == '\\')
    ++backslashes;
  return backslashes % 2 == 0;
}

}  // namespace

BenchReporter::BenchReporter(std::ostream* console, bool color) {
  if (console != nullptr) {
    console_ = std::make_unique<benchmark::ConsoleReporter>(
        color ? benchmark::ConsoleReporter::OO_Color
              : benchmark::ConsoleReporter::OO_None);
    console_->SetOutputStream(console);
    console_->SetErrorStream(console);
  }
  json_.SetOutputStream(&json_text_);
  json_.SetErrorStream(&json_text_);
}

bool BenchReporter::ReportContext(const Context& context) {
  if (context_reported_) return true;
  context_reported_ = true;
  if (console_) console_->ReportContext(context);
  json_.ReportContext(context);
  return true;
}

void BenchReporter::ReportRuns(const std::vector<Run>& runs) {
  json_.ReportRuns(runs);
  bool repeated = false;
  for (const Run& run : runs) {
    repeated = repeated || run.repetitions > 1;
    RunRecord r;
    r.family = family_;
    r.instance = static_cast<int>(run.per_family_instance_index);
    r.name = run.benchmark_name();
    r.aggregate = run.run_type == Run::RT_Aggregate;
    r.aggregate_name = run.aggregate_name;
    r.error = run.error_occurred;
    r.error_message = run.error_message;
    r.iterations = run.iterations;
    r.real_seconds = Seconds(run.GetAdjustedRealTime(), run.time_unit);
    r.cpu_seconds = Seconds(run.GetAdjustedCPUTime(), run.time_unit);
    for (const auto& [name, counter] : run.counters)
      r.counters[name] = counter.value;
    records_.push_back(std::move(r));
  }
  if (!console_) return;
  if (!repeated) {
    console_->ReportRuns(runs);
    return;
  }
  std::vector<Run> shown;
  for (const Run& run : runs)
    if (run.run_type == Run::RT_Aggregate || run.error_occurred)
      shown.push_back(run);
  if (!shown.empty()) console_->ReportRuns(shown);
}

std::string BenchReporter::FinishJson(
    const std::vector<std::pair<std::string, std::string>>& context,
    const std::vector<std::pair<std::string, ExtractorStats>>& usage) {
  json_.Finalize();
  using nlohmann::ordered_json;
  ordered_json root = ordered_json::parse(NullNonFinite(json_text_.str()));
  for (const auto& [key, value] : context) root["context"][key] = value;
  ordered_json& benchmarks = root["benchmarks"];
  for (size_t i = 0; i < benchmarks.size() && i < records_.size(); ++i)
    benchmarks[i]["family_index"] = records_[i].family;
  for (const auto& [variant, stats] : usage) {
    ordered_json totals = ordered_json::object();
    for (const auto& [name, value] : stats.totals) {
      if (std::floor(value) == value && std::fabs(value) < 9e15)
        totals[name] = static_cast<int64_t>(value);  // a count
      else
        totals[name] = value;
    }
    root["ieval_extractor_stats"][variant][stats.kind] = std::move(totals);
  }
  return root.dump(2) + "\n";
}

std::string NullNonFinite(const std::string& json) {
  static constexpr const char* kTokens[] = {"-Infinity", "Infinity", "-NaN",
                                            "NaN"};
  std::string out;
  out.reserve(json.size());
  size_t i = 0;
  while (i < json.size()) {
    // A value follows `": ` when that quote closed a key.
    const bool value_start = i >= 3 && json[i - 1] == ' ' &&
                             json[i - 2] == ':' && json[i - 3] == '"' &&
                             ClosesString(json, i - 3);
    bool replaced = false;
    if (value_start) {
      for (const char* token : kTokens) {
        const std::string_view t(token);
        if (json.compare(i, t.size(), t) == 0) {
          out += "null";
          i += t.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += json[i++];
  }
  return out;
}

}  // namespace ieval::bench_internal
