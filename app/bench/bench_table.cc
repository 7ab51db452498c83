#include "bench_table.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "ieval/core/text_format.h"
#include "ieval/stats/summary.h"

namespace ieval::bench_internal {
namespace {

constexpr char kNone[] = "–";

// A rate: "0.31", "12.5", "850", "12.3k", "4.56M".
std::string Rate(double v) {
  if (v >= 1e6) return Fixed(v / 1e6, 2) + "M";
  if (v >= 1e4) return Fixed(v / 1e3, 1) + "k";
  if (v >= 100) return Fixed(v, 0);
  if (v >= 10) return Fixed(v, 1);
  return Fixed(v, 2);
}

// Milliseconds with about three significant digits.
std::string Ms(double v) {
  if (v >= 100) return Fixed(v, 0);
  if (v >= 10) return Fixed(v, 1);
  if (v >= 1) return Fixed(v, 2);
  return Fixed(v, 3);
}

// The repetitions of one benchmark instance, counter by counter.
struct Instance {
  std::vector<const RunRecord*> runs;  // iteration runs
  std::string error;
  std::string Name() const { return runs.empty() ? "" : runs.front()->name; }
  std::vector<double> Values(const std::string& counter) const {
    std::vector<double> out;
    for (const RunRecord* r : runs) {
      auto it = r->counters.find(counter);
      if (it != r->counters.end()) out.push_back(it->second);
    }
    return out;
  }
  std::string Median(const std::string& counter,
                     const std::function<std::string(double)>& format) const {
    const std::vector<double> v = Values(counter);
    return v.empty() ? kNone : format(Summarize(v).median);
  }
  double MedianRealSeconds() const {
    std::vector<double> v;
    for (const RunRecord* r : runs) v.push_back(r->real_seconds);
    return Summarize(v).median;
  }
};

std::vector<std::string> Row(const Instance& in, const FamilyInfo& family,
                             const std::string& name) {
  if (!in.error.empty())
    return {name,  kNone, "failed", kNone, kNone, kNone, kNone,
            kNone, kNone, kNone,    kNone, kNone, kNone, kNone};
  auto fixed2 = [](double v) { return Fixed(v, 2); };
  auto times = [](double v) { return Fixed(v, 2) + "x"; };
  const std::vector<double> docs = in.Values("documents_per_second");
  std::string rss =
      in.Median("peak_rss_mb", [](double v) { return Fixed(v, 1); });
  const std::vector<double> children = in.Values("children_peak_rss_mb");
  if (!children.empty())
    rss +=
        " + " + Fixed(*std::max_element(children.begin(), children.end()), 1);
  return {name,
          std::to_string(in.runs.size()),
          docs.empty() ? kNone : Rate(Summarize(docs).median),
          docs.size() > 1 ? Fixed(100 * Summarize(docs).cv, 1) + " %" : kNone,
          in.Median("tokens_per_second", Rate),
          in.Median("bytes_per_second", [](double v) { return Rate(v / 1e6); }),
          in.Median("x_icu_words", times),
          in.Median("latency_p50_ms", Ms),
          in.Median("latency_p95_ms", Ms),
          in.Median("latency_p99_ms", Ms),
          in.Median("latency_max_ms", Ms),
          in.Median("cpu_per_wall", fixed2),
          family.startup_seconds < 0 ? kNone : Ms(family.startup_seconds * 1e3),
          rss};
}

std::string Aligned(const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> width(rows.front().size(), 0);
  auto length = [](const std::string& s) {
    size_t n = 0;  // code points: "–" and "²" are one column
    for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
    return n;
  };
  for (const auto& row : rows)
    for (size_t i = 0; i < row.size(); ++i)
      width[i] = std::max(width[i], length(row[i]));
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      const std::string pad(width[i] - length(row[i]), ' ');
      line += i == 0 ? row[i] + pad : "  " + pad + row[i];
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace

ComplexityFit FitComplexity(const std::vector<double>& n,
                            const std::vector<double>& seconds) {
  struct Curve {
    const char* name;
    double (*f)(double);
  };
  static constexpr Curve kCurves[] = {
      {"O(1)", [](double) { return 1.0; }},
      {"O(log N)", [](double x) { return std::log2(x); }},
      {"O(N)", [](double x) { return x; }},
      {"O(N log N)", [](double x) { return x * std::log2(x); }},
      {"O(N²)", [](double x) { return x * x; }},
      {"O(N³)", [](double x) { return x * x * x; }},
  };
  ComplexityFit best;
  double mean = 0;
  for (double t : seconds) mean += t;
  mean /= static_cast<double>(std::max<size_t>(seconds.size(), 1));
  bool first = true;
  for (const Curve& curve : kCurves) {
    double ff = 0, tf = 0;
    for (size_t i = 0; i < n.size(); ++i) {
      ff += curve.f(n[i]) * curve.f(n[i]);
      tf += seconds[i] * curve.f(n[i]);
    }
    const double coefficient = ff > 0 ? tf / ff : 0;
    double squares = 0;
    for (size_t i = 0; i < n.size(); ++i) {
      const double r = seconds[i] - coefficient * curve.f(n[i]);
      squares += r * r;
    }
    const double rms =
        mean > 0 ? std::sqrt(squares / static_cast<double>(n.size())) / mean
                 : 0;
    if (first || rms < best.rms) best = {curve.name, rms};
    first = false;
  }
  return best;
}

std::string RenderTable(const std::string& heading,
                        const std::vector<RunRecord>& records,
                        const std::vector<FamilyInfo>& families,
                        const std::vector<std::string>& notes) {
  std::vector<std::vector<std::string>> rows = {
      {"benchmark", "reps", "docs/s", "cv", "tokens/s", "MB/s", "x ICU",
       "p50 ms", "p95 ms", "p99 ms", "max ms", "CPU/wall", "start-up ms",
       "RSS MB"}};
  std::vector<std::string> fits;
  for (size_t f = 0; f < families.size(); ++f) {
    const FamilyInfo& family = families[f];
    std::map<int, Instance> instances;
    for (const RunRecord& r : records) {
      if (r.family != static_cast<int>(f) || r.aggregate) continue;
      Instance& in = instances[r.instance];
      if (r.error) {
        if (in.error.empty()) in.error = r.error_message;
      } else {
        in.runs.push_back(&r);
      }
    }
    std::vector<double> n, seconds;
    for (const auto& [index, in] : instances) {
      std::string name = family.name;
      if (!family.factors.empty() &&
          index < static_cast<int>(family.factors.size()))
        name += "/length:" + std::to_string(family.factors[index]);
      rows.push_back(Row(in, family, name));
      if (in.error.empty() && !in.runs.empty() &&
          index < static_cast<int>(family.complexity_n.size())) {
        n.push_back(static_cast<double>(family.complexity_n[index]));
        seconds.push_back(in.MedianRealSeconds());
      }
    }
    if (n.size() >= 2) {
      const ComplexityFit fit = FitComplexity(n, seconds);
      fits.push_back(family.name + ": " + fit.big_o + " (RMS " +
                     Fixed(100 * fit.rms, 0) + " %)");
    }
  }
  std::string out = heading + "\n\n" + Aligned(rows);
  if (!fits.empty()) {
    out +=
        "\nFitted complexity of the wall time per document against its "
        "length in bytes:\n";
    for (const std::string& line : fits) out += "  " + line + "\n";
  }
  if (!notes.empty()) out += "\n";
  for (const std::string& note : notes) out += note + "\n";
  return out;
}

}  // namespace ieval::bench_internal
