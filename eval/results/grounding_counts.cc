#include "grounding_counts.h"

#include <nlohmann/json.hpp>

#include "ieval/core/status_macros.h"

namespace ieval {
namespace {

using nlohmann::json;

json Prf(const PrfCounts& c) { return {c.tp, c.fp, c.fn}; }

// [tp, fp, fn], each a multiple of `step`.
Result<PrfCounts> ReadPrf(const JsonValue& v, double step) {
  if (!v.is_array() || v.size() != 3) return v.Expected("[tp, fp, fn]");
  const std::vector<JsonValue> e = v.Elements();
  PrfCounts c;
  IEVAL_ASSIGN_OR_RETURN(c.tp, e[0].Count(step));
  IEVAL_ASSIGN_OR_RETURN(c.fp, e[1].Count(step));
  IEVAL_ASSIGN_OR_RETURN(c.fn, e[2].Count(step));
  return c;
}

Result<int64_t> ReadCount(const JsonValue& v) { return v.Integer(0); }

Result<StringCounts> ReadStrings(const JsonValue& v) {
  IEVAL_ASSIGN_OR_RETURN(PrfCounts c, ReadPrf(v, 1));
  return StringCounts{static_cast<int64_t>(c.tp), static_cast<int64_t>(c.fp),
                      static_cast<int64_t>(c.fn)};
}

}  // namespace

void EncodeGrounding(const GroundingSummary& s, std::string* out) {
  const GroundCounts& c = s.counts;
  json j = {{"documents", s.documents},
            {"grounded_documents", s.grounded_documents},
            {"given", s.given},
            {"counts",
             {c.predictions, c.exact, c.normalised, c.fuzzy, c.ungrounded,
              c.ambiguous}}};
  json by = json::array();
  for (const AlignmentCredit& a : s.by_alignment.by)
    by.push_back({a.predictions, a.tp[0], a.tp[1], a.tp[2], a.tp[3]});
  j["by_alignment"] = std::move(by);
  json per_type = json::object();
  for (const auto& [type, counts] : s.strings.per_type)
    per_type[type] = {counts.tp, counts.fp, counts.fn};
  const StringCounts& o = s.strings.overall;
  j["strings"] = {{"overall", {o.tp, o.fp, o.fn}},
                  {"per_type", std::move(per_type)}};
  json policies = json::array();
  for (const PrfCounts& p : s.strict_by_policy) policies.push_back(Prf(p));
  j["strict_by_policy"] = std::move(policies);
  *out += j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Status DecodeGrounding(const JsonValue& v, GroundingSummary* s) {
  IEVAL_RETURN_IF_ERROR(
      v.OnlyKeys({"by_alignment", "counts", "documents", "given",
                  "grounded_documents", "strict_by_policy", "strings"}));
  IEVAL_ASSIGN_OR_RETURN(JsonValue documents, v.Get("documents"));
  IEVAL_ASSIGN_OR_RETURN(s->documents, ReadCount(documents));
  IEVAL_ASSIGN_OR_RETURN(JsonValue grounded, v.Get("grounded_documents"));
  IEVAL_ASSIGN_OR_RETURN(s->grounded_documents, ReadCount(grounded));
  IEVAL_ASSIGN_OR_RETURN(JsonValue given, v.Get("given"));
  IEVAL_ASSIGN_OR_RETURN(s->given, ReadCount(given));

  IEVAL_ASSIGN_OR_RETURN(JsonValue counts, v.Get("counts"));
  if (!counts.is_array() || counts.size() != 6)
    return counts.Expected(
        "[predictions, exact, normalised, fuzzy, ungrounded, ambiguous]");
  const std::vector<JsonValue> c = counts.Elements();
  int64_t* fields[] = {&s->counts.predictions, &s->counts.exact,
                       &s->counts.normalised,  &s->counts.fuzzy,
                       &s->counts.ungrounded,  &s->counts.ambiguous};
  for (size_t i = 0; i < 6; ++i) {
    IEVAL_ASSIGN_OR_RETURN(*fields[i], ReadCount(c[i]));
  }

  IEVAL_ASSIGN_OR_RETURN(JsonValue by, v.Get("by_alignment"));
  if (!by.is_array() || by.size() != s->by_alignment.by.size())
    return by.Expected("one [predictions, tp…] per alignment (" +
                       std::to_string(s->by_alignment.by.size()) + ")");
  const std::vector<JsonValue> rows = by.Elements();
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].is_array() || rows[i].size() != 5)
      return rows[i].Expected("[predictions, strict, exact, partial, type]");
    const std::vector<JsonValue> r = rows[i].Elements();
    AlignmentCredit& a = s->by_alignment.by[i];
    IEVAL_ASSIGN_OR_RETURN(a.predictions, ReadCount(r[0]));
    for (size_t m = 0; m < 4; ++m) {
      IEVAL_ASSIGN_OR_RETURN(a.tp[m], r[m + 1].Count(0.5));
    }
  }

  IEVAL_ASSIGN_OR_RETURN(JsonValue strings, v.Get("strings"));
  IEVAL_RETURN_IF_ERROR(strings.OnlyKeys({"overall", "per_type"}));
  IEVAL_ASSIGN_OR_RETURN(JsonValue overall, strings.Get("overall"));
  IEVAL_ASSIGN_OR_RETURN(s->strings.overall, ReadStrings(overall));
  IEVAL_ASSIGN_OR_RETURN(JsonValue per_type, strings.Get("per_type"));
  IEVAL_RETURN_IF_ERROR(per_type.ExpectObject());
  for (const auto& [type, counts] : per_type.Members()) {
    IEVAL_ASSIGN_OR_RETURN(s->strings.per_type[type], ReadStrings(counts));
  }

  IEVAL_ASSIGN_OR_RETURN(JsonValue policies, v.Get("strict_by_policy"));
  if (!policies.is_array() || policies.size() != s->strict_by_policy.size())
    return policies.Expected("[tp, fp, fn] for order, first and all");
  const std::vector<JsonValue> p = policies.Elements();
  for (size_t i = 0; i < p.size(); ++i) {
    IEVAL_ASSIGN_OR_RETURN(s->strict_by_policy[i], ReadPrf(p[i], 1));
  }
  return Status::Ok();
}

}  // namespace ieval
