#include "ieval/results/metrics.h"

namespace ieval {
namespace {

bool IsEntityMode(const std::string& m) {
  return m == "strict" || m == "exact" || m == "partial" || m == "type";
}
bool IsRelationMode(const std::string& m) {
  return m == "strict" || m == "boundaries";
}
// A path of the counts families: "entities.…", "relations.…".
bool IsCountsFamily(const std::vector<std::string>& parts) {
  return parts[0] == "entities" || parts[0] == "relations";
}
bool IsStatistic(const std::string& s) {
  return s == "precision" || s == "recall" || s == "f1";
}

const TypedCounts* ModeCounts(const DocumentScores& s, const MetricRef& m) {
  if (m.family == MetricRef::Family::kRelations) {
    if (m.mode == "strict") return &s.relations.strict;
    if (m.mode == "boundaries") return &s.relations.boundaries;
    return nullptr;
  }
  for (SpanMode mode : kSpanModes)
    if (m.mode == SpanModeName(mode)) return &s.entities.mode(mode);
  return nullptr;
}

}  // namespace

std::string MetricRef::Name() const {
  std::string name = family == Family::kEntities ? "entities." : "relations.";
  name += mode;
  if (!type.empty()) name += "." + type;
  return name;
}

std::string MetricRef::CountsPath() const {
  std::string path =
      (family == Family::kEntities ? "entities." : "relations.") + mode;
  return type.empty() ? path + ".overall" : path + ".per_type." + type;
}

std::vector<std::string> SplitMetricPath(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t dot = path.find('.', start);
    parts.push_back(path.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

Result<MetricRef> ParseMetric(const std::string& name) {
  std::vector<std::string> parts = SplitMetricPath(name);
  // The long forms: family.mode.overall, family.mode.per_type.TYPE.
  if (parts.size() == 3 && parts[2] == "overall") parts.pop_back();
  if (parts.size() >= 4 && parts[2] == "per_type")
    parts.erase(parts.begin() + 2);
  MetricRef m;
  m.family = parts[0] == "relations" ? MetricRef::Family::kRelations
                                     : MetricRef::Family::kEntities;
  const bool family = parts[0] == "entities" || parts[0] == "relations";
  if (parts.size() >= 2) m.mode = parts[1];
  // A type may hold dots ("entities.strict.a.b"): the rest of the path.
  for (size_t i = 2; i < parts.size(); ++i)
    m.type += (i > 2 ? "." : "") + parts[i];
  const bool ok =
      family && parts.size() >= 2 &&
      (m.family == MetricRef::Family::kEntities ? IsEntityMode(m.mode)
                                                : IsRelationMode(m.mode)) &&
      (parts.size() == 2 || !m.type.empty());
  if (!ok) {
    return Status::Usage(
        "unknown metric \"" + name +
        "\": expected entities.strict|exact|partial|type or "
        "relations.strict|boundaries, optionally followed by .TYPE "
        "(entities.strict.PER)");
  }
  return m;
}

PrfCounts CountsOf(const DocumentScores& scores, const MetricRef& metric) {
  const TypedCounts* t = ModeCounts(scores, metric);
  if (t == nullptr) return {};
  if (metric.type.empty()) return t->overall;
  auto it = t->per_type.find(metric.type);
  return it == t->per_type.end() ? PrfCounts{} : it->second;
}

std::string LongMetricPath(const std::string& path) {
  const std::vector<std::string> parts = SplitMetricPath(path);
  if (parts.size() == 3)
    return parts[0] + "." + parts[1] + ".overall." + parts[2];
  if (parts.size() == 4 && IsCountsFamily(parts) && IsStatistic(parts[3]) &&
      parts[2] != "overall" && parts[2] != "per_type")
    return parts[0] + "." + parts[1] + ".per_type." + parts[2] + "." + parts[3];
  return "";
}

std::string CountsPathOf(const std::string& path) {
  const std::vector<std::string> parts = SplitMetricPath(path);
  std::string prefix;
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    if (i + 2 == parts.size() && i == 2 &&
        (parts[i] == "overall" || parts[i] == "micro"))
      break;
    prefix += (prefix.empty() ? "" : ".") + parts[i];
  }
  return prefix;
}

}  // namespace ieval
