#include "accuracy.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "ieval/core/text_format.h"
#include "ieval/results/metrics.h"
#include "ieval/results/run_result.h"
#include "ieval/stats/paired.h"
#include "metrics.h"

namespace ieval::gate_internal {
namespace {

// Values equal up to rounding of sums of doubles count as equal: a drop of
// 1e-15 is no drop.
constexpr double kEpsilon = 1e-12;

std::string RuleLabel(const AccuracyRule& rule, size_t index) {
  return rule.name.empty() ? "accuracy[" + std::to_string(index) + "]"
                           : rule.name;
}

std::string Criteria(const AccuracyRule& rule, const GateStatistics& st,
                     bool by_repeats = false) {
  std::vector<std::string> parts;
  if (rule.min) parts.push_back("≥ " + Fixed(*rule.min));
  if (rule.max_drop || rule.max_relative_drop) {
    std::string drop = "drop ≤ ";
    if (rule.max_drop && rule.max_relative_drop)
      drop += "max(" + Fixed(*rule.max_drop) + ", " +
              Fixed(*rule.max_relative_drop * 100, 1) + " % of baseline)";
    else if (rule.max_drop)
      drop += Fixed(*rule.max_drop);
    else
      drop += Fixed(*rule.max_relative_drop * 100, 1) + " % of baseline";
    if (rule.require_significance && by_repeats)
      drop +=
          ", unless within the baseline's run-to-run spread (Student's "
          "t of the mean against its repeats" +
          std::string(st.holm ? ", Holm" : "") +
          ", α = " + Fixed(rule.alpha, 2) + ")";
    else if (rule.require_significance)
      drop += ", unless not significant (" +
              std::string(st.test == GateTest::kBootstrap
                              ? "paired bootstrap"
                              : "approximate randomization") +
              (st.holm ? ", Holm" : "") + ", α = " + Fixed(rule.alpha, 2) +
              "); when the test cannot reach α, " +
              (rule.when_underpowered.value_or(st.when_underpowered) ==
                       WhenUnderpowered::kPass
                   ? "a drop beyond it passes"
                   : "the tolerance decides");
    parts.push_back(drop);
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

// The variants of `in` a rule's globs select; kInvalidInput when a glob
// selects none (a rule that checks nothing is a mistake).
Result<std::vector<std::string>> SelectVariants(const AccuracyRule& rule,
                                                const std::string& label,
                                                const AccuracyInput& in) {
  std::vector<std::string> out;
  for (const std::string& glob : rule.variants) {
    bool any = false;
    for (const VariantScores& v : in.variants)
      if (GlobMatch(glob, v.name)) {
        any = true;
        if (std::find(out.begin(), out.end(), v.name) == out.end())
          out.push_back(v.name);
      }
    if (!any) {
      std::string names;
      for (const VariantScores& v : in.variants)
        names += (names.empty() ? "" : ", ") + v.name;
      return Status::InvalidInput("rule " + label + ": variant \"" + glob +
                                  "\" is not in " + in.path +
                                  " (its variants: " + names + ")");
    }
  }
  return out;
}

// The metric keys `rule.metric` names in one variant (baseline or current
// side, whichever ran). kInvalidInput when it names nothing.
Result<std::vector<std::string>> SelectMetrics(const std::string& pattern,
                                               const std::string& label,
                                               const VariantScores& a,
                                               const VariantScores* b,
                                               const std::string& path) {
  for (const std::string& form : {pattern, LongMetricPath(pattern)}) {
    if (form.empty()) continue;
    std::set<std::string> keys;
    for (const VariantScores* v : {&a, b})
      if (v != nullptr)
        for (std::string& k : MatchMetricKeys(form, v->metrics))
          keys.insert(std::move(k));
    if (!keys.empty())
      return std::vector<std::string>(keys.begin(), keys.end());
  }
  return Status::InvalidInput(
      "rule " + label + ": metric \"" + pattern + "\" is not in variant \"" +
      a.name + "\" of " + path +
      " (metric paths look like entities.strict.f1, "
      "entities.strict.per_type.LOC.f1, relations.strict.f1, "
      "values.DATE.accuracy, clusters.conll_f1; see ieval gate --help)");
}

// Documents whose value moved, largest drops first.
std::vector<DocumentChange> DocumentChanges(
    const std::vector<std::string>& doc_ids, const PerDocumentCounts& b,
    const PerDocumentCounts& c, const VariantScores& vb,
    const VariantScores& vc, bool entity_metric) {
  std::vector<DocumentChange> out;
  // The error categories are those of entity mentions: shown beside entity
  // metrics only, where they explain the change.
  std::vector<std::string> error_columns;
  for (const auto& [key, column] : vb.documents.columns)
    if (entity_metric && key.rfind("errors.", 0) == 0 &&
        key != "errors.correct")
      error_columns.push_back(key);
  for (size_t i = 0; i < doc_ids.size(); ++i) {
    DocumentChange d;
    d.doc_id = doc_ids[i];
    d.baseline = F1(b.units[i]);
    d.current = F1(c.units[i]);
    if (std::fabs(d.current - d.baseline) <= kEpsilon &&
        b.counts[i] == c.counts[i])
      continue;
    d.counts_before = b.counts[i];
    d.counts_after = c.counts[i];
    // The error categories of this document that moved most.
    std::vector<std::pair<double, std::string>> moved;
    auto at = [&](const VariantScores& v, const std::string& key) {
      const auto& ids = v.documents.doc_ids;
      const auto* column = v.documents.Find(key);
      const auto it = std::find(ids.begin(), ids.end(), doc_ids[i]);
      if (column == nullptr || it == ids.end()) return 0.0;
      return (*column)[static_cast<size_t>(it - ids.begin())];
    };
    for (const std::string& key : error_columns) {
      const double delta = at(vc, key) - at(vb, key);
      if (delta != 0) moved.emplace_back(-std::fabs(delta), key);
    }
    std::sort(moved.begin(), moved.end());
    for (size_t k = 0; k < moved.size() && k < 2; ++k) {
      const std::string& key = moved[k].second;
      const double delta = at(vc, key) - at(vb, key);
      d.errors += (k ? ", " : "") + key.substr(7) + " " +
                  (delta > 0 ? "+" : "\u2212") + Count(std::fabs(delta));
    }
    out.push_back(std::move(d));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
    return x.current - x.baseline < y.current - y.baseline;
  });
  if (out.size() > 5) out.resize(5);
  return out;
}

std::vector<ErrorChange> ErrorChanges(const VariantScores& vb,
                                      const VariantScores& vc) {
  std::set<std::string> kinds;
  for (const auto& [k, n] : vb.error_counts) kinds.insert(k);
  for (const auto& [k, n] : vc.error_counts) kinds.insert(k);
  std::vector<ErrorChange> out;
  for (const std::string& k : kinds) {
    if (k == "correct") continue;
    const auto b = vb.error_counts.find(k);
    const auto c = vc.error_counts.find(k);
    ErrorChange e{k, b == vb.error_counts.end() ? 0 : b->second,
                  c == vc.error_counts.end() ? 0 : c->second};
    if (e.baseline != e.current) out.push_back(e);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
    return std::fabs(x.current - x.baseline) >
           std::fabs(y.current - y.baseline);
  });
  if (out.size() > 6) out.resize(6);
  return out;
}

// Checks that the per-document counts add up to the corpus value.
Status CheckSum(const PerDocumentCounts& d, double value,
                const VariantScores& v, const std::string& key,
                const std::string& path) {
  PrfCounts sum;
  for (const PrfCounts& u : d.units) sum += u;
  if (std::fabs(F1(sum) - value) <= 1e-9) return Status::Ok();
  return Status::InvalidInput(
      "variant \"" + v.name + "\": " + key + " is " + Fixed(value, 6) +
          " but its documents' counts give " + Fixed(F1(sum), 6) +
          "; the file's per-document counts do not add up (edited by hand?)",
      Where{path, 0, "", ""});
}

// Fills the values, per-document changes and paired tests of one check.
Status Measure(GateCheck& check, const AccuracyInput& in_b,
               const AccuracyInput& in_c, const VariantScores& vb,
               const VariantScores& vc, const AccuracyRule& rule,
               const GateStatistics& st) {
  check.baseline = vb.metrics.at(check.metric);
  check.current = vc.metrics.at(check.metric);
  const bool entity_metric = check.metric.rfind("entities.", 0) == 0;
  if (entity_metric) check.errors = ErrorChanges(vb, vc);
  const auto db = DecomposeMetric(vb.documents, check.metric, in_b.doc_ids);
  const auto dc = DecomposeMetric(vc.documents, check.metric, in_b.doc_ids);
  if (!db || !dc || in_b.doc_ids.empty()) return Status::Ok();
  Status s = CheckSum(*db, check.baseline, vb, check.metric, in_b.path);
  if (s.ok()) s = CheckSum(*dc, check.current, vc, check.metric, in_c.path);
  if (!s.ok()) return s;
  check.documents =
      DocumentChanges(in_b.doc_ids, *db, *dc, vb, vc, entity_metric);
  // Repeats give the values (means) of every rule's check, and the test of
  // those that require significance.
  auto by_repeats = TestAgainstRepeats(check, in_b, in_c, vb, vc, st);
  if (!by_repeats.ok()) return by_repeats.status();
  if (*by_repeats) {
    check.criteria = Criteria(rule, st, true);
    return Status::Ok();
  }
  return TestCheck(check, *db, *dc, in_b, in_c, vb, vc, rule, st);
}

}  // namespace

Result<std::vector<PendingCheck>> BuildAccuracyChecks(
    const AccuracyInput& baseline, const AccuracyInput& current,
    const GateRules& rules) {
  std::vector<PendingCheck> out;
  for (size_t r = 0; r < rules.accuracy.size(); ++r) {
    const AccuracyRule& rule = rules.accuracy[r];
    const std::string label = RuleLabel(rule, r);
    auto names = SelectVariants(rule, label, baseline);
    if (!names.ok()) return names.status();
    for (const std::string& name : *names) {
      const VariantScores& vb = *baseline.Find(name);
      const VariantScores& vc = *current.Find(name);
      const bool ok_b = vb.status == "ok", ok_c = vc.status == "ok";
      GateCheck base;
      base.kind = GateCheck::Kind::kAccuracy;
      base.rule_index = static_cast<int>(r);
      base.rule = label;
      base.subject = name;
      base.criteria = Criteria(rule, rules.statistics);
      if (!ok_b && !ok_c) {
        base.metric = rule.metric;
        base.outcome = CheckOutcome::kSkip;
        base.decided_by = Decider::kRun;
        base.reason = "the variant did not run in the baseline (" + vb.status +
                      ") nor in the current (" + vc.status + ")";
        out.push_back({base, true});
        continue;
      }
      const VariantScores& any = ok_b ? vb : vc;
      const std::string& any_path = ok_b ? baseline.path : current.path;
      auto keys = SelectMetrics(rule.metric, label, any,
                                ok_b && ok_c ? &vc : nullptr, any_path);
      if (!keys.ok()) return keys.status();
      for (const std::string& key : *keys) {
        PendingCheck p{base, false};
        GateCheck& check = p.check;
        check.metric = key;
        const bool in_b = ok_b && vb.metrics.count(key);
        const bool in_c = ok_c && vc.metrics.count(key);
        if (!ok_c) {
          // A variant that crashed is a regression; one skipped for a
          // missing requirement (Node.js not installed…) says nothing about
          // its accuracy: not judged, and the reason says why.
          const bool skipped = vc.status == "skipped";
          check.outcome = skipped ? CheckOutcome::kSkip : CheckOutcome::kFail;
          check.decided_by = Decider::kRun;
          check.reason = "the variant " + vc.status + " in the current run" +
                         (vc.error.empty() ? "" : ": " + vc.error) +
                         (skipped ? " (not judged)" : "");
          p.decided = true;
        } else if (!in_c || (ok_b && !in_b)) {
          if (!IsGlob(rule.metric))
            return Status::InvalidInput("rule " + label + ": metric \"" + key +
                                        "\" of variant \"" + name +
                                        "\" is missing from " +
                                        (in_c ? baseline.path : current.path));
          check.outcome = CheckOutcome::kSkip;
          check.reason = std::string("only in the ") +
                         (in_c ? "current" : "baseline") +
                         " results (the rule's pattern matched it there)";
          p.decided = true;
        } else if (!ok_b) {
          check.current = vc.metrics.at(key);  // floor only; decided below
        } else {
          Status s =
              Measure(check, baseline, current, vb, vc, rule, rules.statistics);
          if (!s.ok()) return s;
        }
        out.push_back(std::move(p));
      }
    }
  }
  return out;
}

std::vector<std::string> SignificanceNotes(const std::vector<GateCheck>& checks,
                                           int64_t documents,
                                           const GateRules& rules) {
  std::vector<std::string> notes;
  const bool any =
      std::any_of(rules.accuracy.begin(), rules.accuracy.end(),
                  [](const AccuracyRule& r) { return r.require_significance; });
  if (!any || documents <= 0) return notes;
  int tested = 0, underpowered = 0, passing = 0;
  const GateCheck* first = nullptr;
  for (const GateCheck& c : checks) {
    if (c.kind != GateCheck::Kind::kAccuracy || std::isnan(c.p_floor)) continue;
    ++tested;
    if (!c.underpowered) continue;
    ++underpowered;
    if (first == nullptr) first = &c;
    const AccuracyRule& rule =
        rules.accuracy[static_cast<size_t>(c.rule_index)];
    if (rule.when_underpowered.value_or(rules.statistics.when_underpowered) ==
        WhenUnderpowered::kPass)
      ++passing;
  }
  if (first != nullptr) {
    std::string note = std::to_string(underpowered) + " of " +
                       std::to_string(tested) +
                       " checks that require significance cannot reach "
                       "it: " +
                       first->power + " (" + first->power_why + "). ";
    if (passing == underpowered)
      note +=
          "Their rules say \"when_underpowered\": \"pass\", so a drop "
          "beyond the tolerance passes untested: this gate cannot fail on "
          "it.";
    else if (passing > 0)
      note += "The tolerance decides them instead, except for " +
              std::to_string(passing) +
              " whose rules say \"when_underpowered\": \"pass\" (a drop "
              "beyond the tolerance passes untested).";
    else
      note +=
          "The tolerance decides them instead (\"when_underpowered\": "
          "\"tolerance\"): a drop beyond it fails.";
    note += " Gate on more documents for a test that can decide.";
    notes.push_back(std::move(note));
  }
  for (const GateCheck& c : checks)
    if (c.sentence_test && !c.sentence_test->available) {
      notes.push_back(
          "With fewer than " + std::to_string(kFewDocuments) +
          " documents the verdict reports the sentence-level test beside "
          "the document-level one, but it is unavailable here: " +
          c.sentence_test->unavailable + ".");
      break;
    }
  if (rules.statistics.test == GateTest::kBootstrap && documents < 20)
    notes.push_back("With " + std::to_string(documents) +
                    " documents the paired bootstrap is over-confident "
                    "(p-values too small); approximate randomization "
                    "(\"test\": \"randomization\") is valid for few units.");
  return notes;
}

}  // namespace ieval::gate_internal
