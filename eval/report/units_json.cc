// The "units" value of a score file or a variant's scores: each finer
// unit's entity counts (ieval/score/units.h) on a line of its own, so that
// a gold's hundreds of sentences add lines, not pages, to report.json.
// Zero counts are left out, as absent types are: a reader takes what is
// missing as 0.
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "ieval/report/score_report.h"

namespace ieval {
namespace {

using nlohmann::ordered_json;

// The counts of `c` that are not zero (a count: an integer when it is one).
void NonZero(const PrfCounts& c, ordered_json& into) {
  for (const auto& [key, v] :
       {std::pair{"tp", c.tp}, std::pair{"fp", c.fp}, std::pair{"fn", c.fn}}) {
    if (v == 0) continue;
    if (std::floor(v) == v && std::fabs(v) < 9e15)
      into[key] = static_cast<int64_t>(v);
    else
      into[key] = v;
  }
}

ordered_json UnitJson(const UnitCounts& u) {
  ordered_json entities = ordered_json::object();
  for (SpanMode m : kSpanModes) {
    const TypedCounts& t = u.entities[static_cast<size_t>(m)];
    ordered_json mode = ordered_json::object();
    NonZero(t.overall, mode);
    ordered_json per_type = ordered_json::object();
    for (const auto& [type, c] : t.per_type) {
      ordered_json counts = ordered_json::object();
      NonZero(c, counts);
      if (!counts.empty()) per_type[type] = std::move(counts);
    }
    if (!per_type.empty()) mode["per_type"] = std::move(per_type);
    if (!mode.empty()) entities[SpanModeName(m)] = std::move(mode);
  }
  return {{"doc_id", u.doc_id}, {"start", u.start}, {"entities", entities}};
}

}  // namespace

std::string UnitsToJson(const CorpusUnits& units, int indent, int depth) {
  const bool pretty = indent >= 0;
  auto line = [&](int level) {
    return pretty
               ? "\n" + std::string(
                            static_cast<size_t>((depth + level) * indent), ' ')
               : std::string();
  };
  std::string out = "{";
  bool first = true;
  for (const auto& [name, list] : {std::pair{"sentences", &units.sentences},
                                   std::pair{"mentions", &units.mentions}}) {
    if (!*list) continue;
    out += (first ? "" : ",") + line(1) + "\"" + name +
           "\":" + (pretty ? " " : "") + "[";
    first = false;
    for (size_t i = 0; i < (*list)->size(); ++i)
      out += (i ? "," : "") + line(2) + UnitJson((**list)[i]).dump();
    if (!(*list)->empty()) out += line(1);
    out += "]";
  }
  if (!first) out += line(0);
  return out + "}";
}

}  // namespace ieval
