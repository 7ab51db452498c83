#include "ieval/results/metrics.h"

namespace ieval {
namespace {

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

Result<MetricRef> ParseMetric(const std::string& name) {
  MetricRef m;
  std::string rest;
  if (name.rfind("entities.", 0) == 0) {
    rest = name.substr(9);
  } else if (name.rfind("relations.", 0) == 0) {
    m.family = MetricRef::Family::kRelations;
    rest = name.substr(10);
  }
  const size_t dot = rest.find('.');
  m.mode = rest.substr(0, dot);
  if (dot != std::string::npos) m.type = rest.substr(dot + 1);
  const bool entity_mode = m.mode == "strict" || m.mode == "exact" ||
                           m.mode == "partial" || m.mode == "type";
  const bool relation_mode = m.mode == "strict" || m.mode == "boundaries";
  const bool ok = !rest.empty() &&
                  (m.family == MetricRef::Family::kEntities ? entity_mode
                                                            : relation_mode) &&
                  (dot == std::string::npos || !m.type.empty());
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

}  // namespace ieval
