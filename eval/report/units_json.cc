// The "units" value of a score file or a variant's scores, and the
// per-document counts of a repeated variant's repeats: each unit's or
// document's counts on a line of its own, so that a gold's hundreds of
// sentences (or K repeats of its documents) add lines, not pages, to
// report.json. Zero counts are left out, as absent types are: a reader
// takes what is missing as 0.
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

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

// {"tp", "fp", "fn", "per_type": {TYPE: {…}}}, what is zero left out.
ordered_json TypedJson(const TypedCounts& t) {
  ordered_json mode = ordered_json::object();
  NonZero(t.overall, mode);
  ordered_json per_type = ordered_json::object();
  for (const auto& [type, c] : t.per_type) {
    ordered_json counts = ordered_json::object();
    NonZero(c, counts);
    if (!counts.empty()) per_type[type] = std::move(counts);
  }
  if (!per_type.empty()) mode["per_type"] = std::move(per_type);
  return mode;
}

ordered_json EntitiesJson(const std::array<TypedCounts, 4>& modes) {
  ordered_json entities = ordered_json::object();
  for (SpanMode m : kSpanModes) {
    ordered_json mode = TypedJson(modes[static_cast<size_t>(m)]);
    if (!mode.empty()) entities[SpanModeName(m)] = std::move(mode);
  }
  return entities;
}

ordered_json UnitJson(const UnitCounts& u) {
  return {{"doc_id", u.doc_id},
          {"start", u.start},
          {"entities", EntitiesJson(u.entities)}};
}

// A document's counts as a repeat keeps them: the entities, relations and
// values of its entry in "documents", under the same keys.
ordered_json RepeatDocumentJson(const DocumentScores& d) {
  ordered_json j = {{"doc_id", d.doc_id},
                    {"entities", EntitiesJson(d.entities.modes)}};
  ordered_json relations = ordered_json::object();
  for (const auto& [name, counts] :
       {std::pair{"strict", &d.relations.strict.overall},
        std::pair{"boundaries", &d.relations.boundaries.overall}}) {
    ordered_json c = ordered_json::object();
    NonZero(*counts, c);
    if (!c.empty()) relations[name] = std::move(c);
  }
  if (!relations.empty()) j["relations"] = std::move(relations);
  ordered_json values = ordered_json::object();
  for (const auto& [type, v] : d.values) {
    ordered_json c = ordered_json::object();
    if (v.matched != 0) c["matched"] = v.matched;
    if (v.correct != 0) c["correct"] = v.correct;
    if (!c.empty()) values[type] = std::move(c);
  }
  if (!values.empty()) j["values"] = std::move(values);
  return j;
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

std::string RepeatDocumentsToJson(
    const std::vector<const CorpusScores*>& repeats, int indent, int depth) {
  const bool pretty = indent >= 0;
  auto line = [&](int level) {
    return pretty
               ? "\n" + std::string(
                            static_cast<size_t>((depth + level) * indent), ' ')
               : std::string();
  };
  std::string out = "[";
  for (size_t r = 0; r < repeats.size(); ++r) {
    out += (r ? "," : "") + line(1) + "[";
    size_t i = 0;
    for (const auto& [id, d] : repeats[r]->documents())
      out += (i++ ? "," : "") + line(2) + RepeatDocumentJson(d).dump();
    if (i > 0) out += line(1);
    out += "]";
  }
  if (!repeats.empty()) out += line(0);
  return out + "]";
}

}  // namespace ieval
