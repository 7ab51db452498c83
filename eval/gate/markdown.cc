// RenderGateMarkdown (render.h).
#include <algorithm>
#include <cmath>

#include "ieval/core/text_format.h"
#include "ieval/gate/render.h"

namespace ieval {
namespace {

bool IsSpeed(const GateCheck& c) { return c.kind == GateCheck::Kind::kSpeed; }

std::string Code(const std::string& text) {
  return "`" + MarkdownCell(text) + "`";
}

std::string Mark(CheckOutcome o) {
  return o == CheckOutcome::kFail ? "❌" : o == CheckOutcome::kSkip ? "⚪" : "✅";
}

std::string Value(const GateCheck& c, double v) {
  return IsSpeed(c) ? Duration(v) : Fixed(v);
}

std::string ChangeOf(const GateCheck& c) {
  if (std::isnan(c.baseline) || std::isnan(c.current)) return "–";
  if (IsSpeed(c)) return PercentChange(c.current / c.baseline - 1);
  return Change(c.current - c.baseline, 3);
}

std::string Interval(const GateCheck& c) {
  if (IsSpeed(c) || std::isnan(c.ci_lower)) return "–";
  return "[" + Change(c.ci_lower, 3) + ", " + Change(c.ci_upper, 3) + "]";
}

std::string P(const GateCheck& c) {
  if (!c.tested) return "–";
  std::string text = PValue(c.p_value);
  if (!std::isnan(c.p_adjusted) && c.p_adjusted != c.p_value)
    text += " (Holm " + PValue(c.p_adjusted) + ")";
  return text;
}

void Table(std::string& out, const std::vector<const GateCheck*>& checks,
           bool with_mark) {
  out += with_mark ? "| | " : "| ";
  out +=
      "variant / benchmark | metric | baseline | current | change | CI of "
      "change | p | rule |\n";
  out += with_mark ? "|---|" : "|";
  out += "---|---|---:|---:|---:|---|---:|---|\n";
  for (const GateCheck* c : checks) {
    out += "| ";
    if (with_mark) out += Mark(c->outcome) + " | ";
    out += Code(c->subject) + " | " + Code(c->metric) + " | " +
           Value(*c, c->baseline) + " | " + Value(*c, c->current) + " | " +
           ChangeOf(*c) + " | " + Interval(*c) + " | " + P(*c) + " | " +
           MarkdownCell(c->rule) + " |\n";
  }
}

// The sentence-level test reported beside a document-level one.
std::string SentenceTest(const SideTest& t) {
  if (!t.available)
    return "The sentence-level test is unavailable (see the notes).";
  return "Beside the document-level test, the same test over " +
         std::to_string(t.units) + " " + t.unit +
         " gives p = " + PValue(t.p_value) +
         " (reported, not deciding: sentences of one document are not "
         "independent, so this p-value is optimistic; \"unit\": "
         "\"sentences\" lets them decide).";
}

// The headline's note on the sentence-level test of `c`, if it has one.
std::string SentenceClause(const GateCheck& c) {
  if (!c.sentence_test) return "";
  const SideTest& t = *c.sentence_test;
  if (!t.available)
    return " (the sentence-level test is unavailable: no per-sentence "
           "counts)";
  return " (the sentence-level test, reported only, gives p = " +
         PValue(t.p_value) + " over " + std::to_string(t.units) + " " + t.unit +
         ")";
}

void FailureDetail(std::string& out, const GateCheck& c) {
  out += "\n#### " + Code(c.subject) + " · " + Code(c.metric) + "\n\n";
  out += c.reason + ".\n\n";
  out += "Rule *" + MarkdownCell(c.rule) + "*: " + c.criteria + ".";
  if (!std::isnan(c.ci_lower) && c.by_repeats)
    out += " " + Fixed(c.confidence * 100, 0) +
           " % interval of the change of the mean (Student's t with the " +
           "spread of " + std::to_string(c.repeats_baseline) +
           " baseline repeats): " + Interval(c) + ".";
  else if (!std::isnan(c.ci_lower))
    out += " " + Fixed(c.confidence * 100, 0) + " % interval of the change (" +
           "paired bootstrap over " + std::to_string(c.units) + " " + c.unit +
           "): " + Interval(c) + ".";
  if (c.sentence_test) out += " " + SentenceTest(*c.sentence_test);
  if (IsSpeed(c))
    out += " Repetitions: " + std::to_string(c.repetitions_baseline) +
           " baseline, " + std::to_string(c.repetitions_current) +
           " current; rank-biserial effect " + Change(c.rank_biserial, 2) +
           " (+1: every current repetition slower than every baseline one).";
  out += "\n";
  bool any_drop = false;
  for (const DocumentChange& d : c.documents)
    any_drop = any_drop || d.current < d.baseline;
  if (!c.documents.empty()) {
    out += std::string("\nDocuments that changed the most") +
           (c.by_repeats ? ", repeat 0 of each side" : "") +
           (any_drop ? " (largest drops first)" : "") + ":\n\n";
    out +=
        "| document | baseline | current | change | counts before → after "
        "| error categories |\n";
    out += "|---|---:|---:|---:|---|---|\n";
    for (const DocumentChange& d : c.documents)
      out += "| " + Code(d.doc_id) + " | " + Fixed(d.baseline) + " | " +
             Fixed(d.current) + " | " + Change(d.current - d.baseline, 3) +
             " | " + MarkdownCell(d.counts_before) + " → " +
             MarkdownCell(d.counts_after) + " | " +
             (d.errors.empty() ? "–" : MarkdownCell(d.errors)) + " |\n";
  }
}

// The whole-corpus error categories of each variant with a failed check,
// once per variant: they are the same under every check of the variant.
void ErrorTables(std::string& out,
                 const std::vector<const GateCheck*>& failures) {
  std::vector<std::string> shown;
  for (const GateCheck* c : failures) {
    if (IsSpeed(*c) || c->errors.empty() ||
        std::find(shown.begin(), shown.end(), c->subject) != shown.end())
      continue;
    shown.push_back(c->subject);
    out += "\n#### " + Code(c->subject) +
           ": error categories that changed the most (whole corpus)\n\n";
    out += "| category | baseline | current | change |\n";
    out += "|---|---:|---:|---:|\n";
    for (const ErrorChange& e : c->errors) {
      const double d = e.current - e.baseline;
      out += "| " + MarkdownCell(e.category) + " | " + Count(e.baseline) +
             " | " + Count(e.current) + " | " + (d > 0 ? "+" : "\u2212") +
             Count(std::fabs(d)) + " |\n";
    }
  }
}

// A check in a few words: "`score` `entities.strict.overall.f1` 0.949 →
// 0.742 (−0.207)".
std::string Short(const GateCheck& c) {
  std::string out = Code(c.subject) + " " + Code(c.metric);
  if (std::isnan(c.baseline) || std::isnan(c.current))
    return out + ": " + MarkdownCell(c.reason);
  return out + " " + Value(c, c.baseline) + " → " + Value(c, c.current) + " (" +
         ChangeOf(c) + ")";
}

const GateCheck* First(const std::vector<const GateCheck*>& checks,
                       Decider decider) {
  for (const GateCheck* c : checks)
    if (!IsSpeed(*c) && c->decided_by == decider) return c;
  return nullptr;
}

// The verdict and its reason, in one line.
std::string Headline(const GateReport& report,
                     const std::vector<const GateCheck*>& failures,
                     const std::vector<const GateCheck*>& others) {
  std::string out = "## ieval gate: ";
  if (!failures.empty()) {
    out += "❌ regression: " + Short(*failures.front());
    if (failures.size() > 1)
      out += " and " + std::to_string(failures.size() - 1) + " more";
    if (const GateCheck* c = First(failures, Decider::kSpread))
      out +=
          "; the drop is beyond the tolerance and the baseline's "
          "run-to-run spread over " +
          std::to_string(c->repeats_baseline) + " repeats, which decided";
    else if (const GateCheck* c = First(failures, Decider::kUnderpowered))
      out += "; the tolerance decided because " + c->power + SentenceClause(*c);
    else if (First(failures, Decider::kTest) != nullptr)
      out += "; the drop is beyond the tolerance and significant";
    else if (First(failures, Decider::kTolerance) != nullptr)
      out += ", beyond the tolerance";
    else if (First(failures, Decider::kFloor) != nullptr)
      out += ", below the floor";
    return out + "\n";
  }
  out += "✅ pass";
  int untested = 0, noise = 0;
  for (const GateCheck* c : others) {
    untested += c->decided_by == Decider::kUnderpoweredPass;
    noise += c->within_noise;
  }
  if (const GateCheck* c = First(others, Decider::kUnderpoweredPass))
    return out + ", but " + std::to_string(untested) + " drop" +
           (untested == 1 ? "" : "s") +
           " beyond the tolerance passed untested (\"when_underpowered\": "
           "\"pass\") because " +
           c->power + "\n";
  if (const GateCheck* c = First(others, Decider::kSpread); c && noise > 0)
    return out + ": " + std::to_string(noise) + " drop" +
           (noise == 1 ? "" : "s") +
           " beyond the tolerance, within the baseline's run-to-run spread "
           "over " +
           std::to_string(c->repeats_baseline) +
           " repeats, which decided; nothing else dropped\n";
  if (noise > 0)
    return out + ": " + std::to_string(noise) + " drop" +
           (noise == 1 ? "" : "s") +
           " beyond the tolerance, within noise; nothing else dropped\n";
  for (const GateCheck* c : others)
    if (c->underpowered)
      return out + ": no drop beyond the tolerance, which decides because " +
             c->power + "\n";
  if (report.Count(CheckOutcome::kPass) == 0)
    return out + ": nothing was judged\n";
  for (const GateCheck* c : others)
    if (c->by_repeats)
      return out + ": no drop beyond the tolerance (means over " +
             std::to_string(c->repeats_baseline) +
             " baseline repeats; their run-to-run spread judges larger "
             "drops)\n";
  return out + ": no check regressed\n";
}

std::string UnitSingular(GateUnit unit) {
  const std::string plural = GateUnitName(unit);
  return plural.substr(0, plural.size() - 1);
}

std::string Paths(const std::vector<std::string>& paths) {
  std::string out;
  for (const std::string& p : paths) out += (out.empty() ? "" : ", ") + Code(p);
  return out;
}

}  // namespace

std::string RenderGateMarkdown(const GateReport& report) {
  const int failed = report.Count(CheckOutcome::kFail);
  const int passed = report.Count(CheckOutcome::kPass);
  const int skipped = report.Count(CheckOutcome::kSkip);
  const int total = static_cast<int>(report.checks.size());
  std::vector<const GateCheck*> failures, others;
  for (const GateCheck& c : report.checks)
    (c.outcome == CheckOutcome::kFail ? failures : others).push_back(&c);
  std::string out = Headline(report, failures, others) + "\n";
  if (failed > 0)
    out += "**" + std::to_string(failed) + " of " + std::to_string(total) +
           " checks failed**, " + std::to_string(passed) + " passed";
  else
    out += std::to_string(passed) + " of " + std::to_string(total) +
           " checks passed";
  if (skipped > 0) out += ", " + std::to_string(skipped) + " skipped";
  out += ". Baseline " + Paths(report.baseline_paths) + ", current " +
         Paths(report.current_paths);
  std::vector<std::string> scope;
  if (!report.variants.empty()) {
    std::string v = std::to_string(report.documents) + " documents, " +
                    std::to_string(report.variants.size()) + " variant" +
                    (report.variants.size() == 1 ? "" : "s") + " (";
    for (size_t i = 0; i < report.variants.size(); ++i)
      v += (i ? ", " : "") + Code(report.variants[i]);
    scope.push_back(v + ")");
  }
  if (report.benchmarks > 0)
    scope.push_back(std::to_string(report.benchmarks) + " benchmarks");
  for (size_t i = 0; i < scope.size(); ++i) out += (i ? "; " : ": ") + scope[i];
  out += ".\n";

  if (!failures.empty()) {
    out += "\n### What regressed\n\n";
    Table(out, failures, false);
    for (const GateCheck* c : failures) FailureDetail(out, *c);
    ErrorTables(out, failures);
  }
  if (!others.empty()) {
    out += "\n<details><summary>" + std::to_string(passed) + " passed";
    if (skipped > 0) out += ", " + std::to_string(skipped) + " skipped";
    out += "</summary>\n\n";
    Table(out, others, true);
    // The reasons worth reading: skipped checks, and passes that were a
    // change beyond the allowance judged to be noise.
    std::string why;
    for (const GateCheck* c : others)
      if (c->outcome == CheckOutcome::kSkip || c->within_noise ||
          c->decided_by == Decider::kUnderpoweredPass)
        why += "- " + Mark(c->outcome) + " " + Code(c->subject) + " " +
               Code(c->metric) + ": " + MarkdownCell(c->reason) + "\n";
    if (!why.empty())
      out +=
          "\nSkipped, or beyond the allowance but within noise or "
          "untested:\n\n" +
          why;
    out += "\n</details>\n";
  }
  if (!report.notes.empty()) {
    out += "\n### Notes\n\n";
    for (const std::string& n : report.notes) out += "- " + n + "\n";
  }
  const GateStatistics& st = report.statistics;
  bool any_accuracy_test = false;
  for (const GateCheck& c : report.checks)
    any_accuracy_test = any_accuracy_test || (!IsSpeed(c) && c.tested);
  if (any_accuracy_test)
    out += "\n<sub>Accuracy p-values: " +
           std::string(st.test == GateTest::kBootstrap
                           ? "paired bootstrap (shifted null)"
                           : "approximate randomization") +
           ", two-sided, " + std::to_string(st.resamples) +
           " resamples, seed " + std::to_string(st.seed) + ", over per-" +
           UnitSingular(st.unit) +
           " counts (relations, values and clusters per document); "
           "intervals: paired bootstrap " +
           Fixed(st.confidence * 100, 0) + " %" +
           (std::any_of(report.checks.begin(), report.checks.end(),
                        [](const GateCheck& c) { return c.by_repeats; })
                ? "; against a baseline with repeats, Student's t of the "
                  "change of the mean against the baseline's run-to-run "
                  "spread"
                : "") +
           ". Speed: Mann–Whitney U over repetitions.</sub>\n";
  return out;
}

}  // namespace ieval
