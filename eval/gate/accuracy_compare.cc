// CheckComparable (accuracy.h): the two accuracy files must describe the
// same evaluation — options, documents, gold and variants — or their
// numbers mean different things and no verdict is possible (exit 2).
#include <algorithm>
#include <set>
#include <unordered_map>

#include "accuracy.h"
#include "ieval/core/text_format.h"

namespace ieval::gate_internal {
namespace {

Status Mismatch(const std::string& what) {
  return Status::InvalidInput("baseline and current are not comparable: " +
                              what);
}

// Up to three names, then "and N more".
std::string Some(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < 3; ++i)
    out += (i ? ", " : "") + ("\"" + names[i] + "\"");
  if (names.size() > 3)
    out += " and " + std::to_string(names.size() - 3) + " more";
  return out;
}

std::vector<std::string> Minus(const std::vector<std::string>& a,
                               const std::vector<std::string>& b) {
  const std::set<std::string> in_b(b.begin(), b.end());
  std::vector<std::string> out;
  for (const std::string& x : a)
    if (in_b.count(x) == 0) out.push_back(x);
  return out;
}

// What the gold holds in each document, read off any variant's counts:
// gold mentions, gold mentions per type (strict tp + fn), gold relations.
// Every variant of a file is scored against the same gold, so one ok
// variant per file suffices.
std::map<std::string, std::map<std::string, double>> GoldProfile(
    const VariantScores& v) {
  std::map<std::string, std::map<std::string, double>> profile;
  const DocumentColumns& d = v.documents;
  for (const auto& [key, column] : d.columns) {
    std::string label;
    double sign = 1;
    if (key == "gold_mentions") {
      label = "gold mentions";
    } else if (key.rfind("entities.strict.per_type.", 0) == 0 &&
               (key.ends_with(".tp") || key.ends_with(".fn"))) {
      const std::string type = key.substr(25, key.size() - 25 - 3);
      label = "gold " + type + " mentions";
    } else if (key == "relations.strict.tp" || key == "relations.strict.fn") {
      label = "gold relations";
    } else {
      continue;
    }
    for (size_t i = 0; i < d.doc_ids.size(); ++i)
      profile[d.doc_ids[i]][label] += sign * column[i];
  }
  return profile;
}

const VariantScores* FirstOk(const AccuracyInput& in) {
  for (const VariantScores& v : in.variants)
    if (v.status == "ok") return &v;
  return nullptr;
}

}  // namespace

Status CheckComparable(const AccuracyInput& baseline,
                       const AccuracyInput& current) {
  if (baseline.kind != current.kind)
    return Mismatch("the baseline " + baseline.path + " is " +
                    GateInputKindName(baseline.kind) + " but the current " +
                    current.path + " is " + GateInputKindName(current.kind) +
                    "; compare like with like");
  if (!baseline.options.empty() && !current.options.empty() &&
      baseline.options != current.options)
    return Mismatch("scored with different options (baseline " +
                    baseline.options + ", current " + current.options +
                    "); rescore one of them with the other's options");
  const auto missing = Minus(baseline.doc_ids, current.doc_ids);
  const auto extra = Minus(current.doc_ids, baseline.doc_ids);
  if (!missing.empty() || !extra.empty()) {
    std::string what = "different documents:";
    if (!missing.empty())
      what += " " + Some(missing) + " only in the baseline " + baseline.path +
              (extra.empty() ? "" : ";");
    if (!extra.empty())
      what += " " + Some(extra) + " only in the current " + current.path;
    return Mismatch(what + " (was the gold changed? then update the baseline)");
  }
  std::vector<std::string> names_b, names_c;
  for (const auto& v : baseline.variants) names_b.push_back(v.name);
  for (const auto& v : current.variants) names_c.push_back(v.name);
  const auto gone = Minus(names_b, names_c);
  const auto added = Minus(names_c, names_b);
  if (!gone.empty() || !added.empty()) {
    std::string what = "different variants:";
    if (!gone.empty()) what += " " + Some(gone) + " missing from the current";
    if (!gone.empty() && !added.empty()) what += ";";
    if (!added.empty()) what += " " + Some(added) + " not in the baseline";
    return Mismatch(what +
                    " (a variant added or removed on purpose needs "
                    "ieval gate --update-baseline)");
  }
  const VariantScores* vb = FirstOk(baseline);
  const VariantScores* vc = FirstOk(current);
  if (vb == nullptr || vc == nullptr) return Status::Ok();
  auto gold_b = GoldProfile(*vb);
  auto gold_c = GoldProfile(*vc);
  for (const std::string& doc : baseline.doc_ids) {
    auto& pb = gold_b[doc];
    auto& pc = gold_c[doc];
    std::set<std::string> labels;
    for (const auto& [k, x] : pb) labels.insert(k);
    for (const auto& [k, x] : pc) labels.insert(k);
    for (const std::string& label : labels)
      if (pb[label] != pc[label])
        return Mismatch("different gold: document \"" + doc + "\" has " +
                        Count(pb[label]) + " " + label + " in the baseline " +
                        baseline.path + " and " + Count(pc[label]) +
                        " in the current " + current.path);
  }
  return Status::Ok();
}

}  // namespace ieval::gate_internal
