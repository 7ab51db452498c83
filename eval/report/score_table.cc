// ScoresToText (declared in score_report.h): the readable tables `ieval
// score` prints without --json.
#include <cstdarg>
#include <cstdio>
#include <set>
#include <string>

#include "ieval/core/text_format.h"
#include "ieval/report/grounding_report.h"
#include "ieval/report/score_report.h"
#include "ieval/score/averages.h"

namespace ieval {
namespace {

// printf into a std::string.
__attribute__((format(printf, 1, 2))) std::string Format(const char* format,
                                                         ...) {
  va_list args;
  va_start(args, format);
  va_list again;
  va_copy(again, args);
  const int n = std::vsnprintf(nullptr, 0, format, args);
  va_end(args);
  std::string out(static_cast<size_t>(n > 0 ? n : 0) + 1, '\0');
  std::vsnprintf(out.data(), out.size(), format, again);
  va_end(again);
  out.resize(static_cast<size_t>(n > 0 ? n : 0));
  return out;
}

std::string PrfRow(const std::string& label, const std::string& name,
                   const PrfCounts* c, const Prf& p) {
  std::string row = Format("%-10s %-22s", label.c_str(), name.c_str());
  if (c) {
    row += Format(" %8s %8s %8s", Count(c->tp).c_str(), Count(c->fp).c_str(),
                  Count(c->fn).c_str());
  } else {
    row += std::string(27, ' ');
  }
  row += Format("  %6.4f  %6.4f  %6.4f", p.precision, p.recall, p.f1);
  if (c) row += Format(" %8s", Count(c->gold()).c_str());
  return row + "\n";
}

std::string TypedTable(const std::string& label, const TypedCounts& t) {
  std::string out;
  std::string first = label;
  for (const auto& [type, c] : t.per_type) {
    out += PrfRow(first, type, &c, Micro(c));
    first.clear();
  }
  out += PrfRow(first, "micro (overall)", &t.overall, Micro(t.overall));
  out += PrfRow("", "macro", nullptr, Macro(t.per_type));
  out += PrfRow("", "weighted", nullptr, Weighted(t.per_type));
  return out;
}

std::string Header(const char* first) {
  return Format("%-10s %-22s %8s %8s %8s  %6s  %6s  %6s %8s\n", first, "type",
                "tp", "fp", "fn", "prec", "recall", "f1", "support");
}

}  // namespace

std::string ScoresToText(const CorpusScores& scores,
                         const ScoreOptions& options,
                         const GroundingSummary* grounding) {
  const DocumentScores& total = scores.total();
  std::string out = Format(
      "Entities: %lld gold and %lld predicted mentions in %lld documents\n\n",
      static_cast<long long>(total.entities.gold_mentions),
      static_cast<long long>(total.entities.predicted_mentions),
      static_cast<long long>(scores.document_count()));
  out += Header("mode");
  for (SpanMode m : kSpanModes) {
    out += TypedTable(SpanModeName(m), total.entities.mode(m));
    const DocumentAverage avg = PerDocument(scores, m);
    out += PrfRow(
        "",
        Format("per document (%lld)", static_cast<long long>(avg.documents)),
        nullptr, avg.mean);
  }

  out += "\nSemEval-2013 task 9.1 (nervaluate's counting, SemEval formulas)\n";
  out += Format("%-9s %8s %9s %8s %8s %8s %8s %8s  %6s  %6s  %6s\n", "scheme",
                "correct", "incorrect", "partial", "missed", "spurious",
                "possible", "actual", "prec", "recall", "f1");
  for (SemevalScheme s : kSemevalSchemes) {
    const SemevalCounts& c = total.entities.scheme(s).overall;
    const bool half = SemevalHalfCredit(s);
    const double p = SemevalPrecision(c, half), r = SemevalRecall(c, half);
    out += Format(
        "%-9s %8lld %9lld %8lld %8lld %8lld %8lld %8lld  %6.4f  "
        "%6.4f  %6.4f\n",
        SemevalSchemeName(s), static_cast<long long>(c.correct),
        static_cast<long long>(c.incorrect), static_cast<long long>(c.partial),
        static_cast<long long>(c.missed), static_cast<long long>(c.spurious),
        static_cast<long long>(c.possible()),
        static_cast<long long>(c.actual()), p, r, F1(p, r));
  }

  out += "\nRelations\n" + Header("mode");
  out += TypedTable("strict", total.relations.strict);
  out += TypedTable("boundaries", total.relations.boundaries);

  out += "\nValues (strictly matched mentions with a gold value)\n";
  out +=
      Format("%-12s %8s %8s %9s\n", "type", "matched", "correct", "accuracy");
  for (const std::string& type : options.value_types) {
    auto it = total.values.find(type);
    const ValueCounts v = it == total.values.end() ? ValueCounts{} : it->second;
    out += Format("%-12s %8lld %8lld %9.4f\n", type.c_str(),
                  static_cast<long long>(v.matched),
                  static_cast<long long>(v.correct), Accuracy(v));
  }

  const ClusterCounts& cl = total.clusters;
  out += "\nEntity clusters (CoNLL-2012 scorer v8.01 definitions)\n";
  out += Format("%-12s %8s %9s %8s\n", "metric", "recall", "precision", "f1");
  auto ratio = [&](const char* name, const RatioCounts& c) {
    out += Format("%-12s %8.4f %9.4f %8.4f\n", name, Recall(c), Precision(c),
                  F1(c));
  };
  ratio("MUC", cl.muc);
  ratio("B3", cl.b3);
  ratio("CEAFe", cl.ceafe);
  ratio("CEAFm", cl.ceafm);
  const BlancScore blanc = Blanc(cl);
  out += Format("%-12s %8.4f %9.4f %8.4f\n", "BLANC", blanc.recall,
                blanc.precision, blanc.f1);
  out += Format("%-12s %8s %9s %8.4f\n", "CoNLL F1", "", "", ConllF1(cl));

  const ErrorAnalysis& e = total.entities.errors;
  out += "\nErrors (each gold/predicted pair, boundary-first alignment)\n";
  for (int k = 0; k < kErrorKinds; ++k)
    out += Format("%-24s %8lld\n", ErrorKindName(static_cast<ErrorKind>(k)),
                  static_cast<long long>(e.counts[static_cast<size_t>(k)]));
  std::set<std::string> rows, cols;
  for (const auto& [cell, n] : e.confusion) {
    rows.insert(cell.first);
    cols.insert(cell.second);
  }
  if (!rows.empty()) {
    out += "\nConfusion (rows: gold type, columns: predicted type)\n";
    out += Format("%-12s", "");
    for (const auto& c : cols) out += Format(" %10s", c.c_str());
    out += "\n";
    for (const auto& r : rows) {
      out += Format("%-12s", r.c_str());
      for (const auto& c : cols) {
        auto it = e.confusion.find({r, c});
        out += Format(" %10lld", static_cast<long long>(
                                     it == e.confusion.end() ? 0 : it->second));
      }
      out += "\n";
    }
  }
  for (int k = 1; k < kErrorKinds; ++k) {
    const auto& examples = e.examples[static_cast<size_t>(k)];
    if (examples.empty()) continue;
    out += Format("\nExamples: %s\n", ErrorKindName(static_cast<ErrorKind>(k)));
    for (const ErrorExample& x : examples) {
      auto side = [](const std::optional<ExampleMention>& m) {
        return m ? Format("%s [%lld, %lld) \"%s\"", m->type.c_str(),
                          static_cast<long long>(m->start),
                          static_cast<long long>(m->end), m->text.c_str())
                 : std::string("none");
      };
      out += Format("  %s: gold %s; predicted %s\n", x.doc_id.c_str(),
                    side(x.gold).c_str(), side(x.pred).c_str());
    }
  }
  if (grounding != nullptr && grounding->any())
    out += GroundingToText(*grounding);
  return out;
}

std::string GroundingToText(const GroundingSummary& s) {
  const GroundCounts& c = s.counts;
  std::string out = Format(
      "\nGrounding (predictions given by their text; --ground-policy %s, "
      "--ground-threshold %g)\n",
      GroundPolicyName(s.options.policy), s.options.fuzzy_threshold);
  out += Format(
      "%lld grounded of %lld (rate %.4f): exact %lld, normalised %lld, fuzzy "
      "%lld, ungrounded %lld; ambiguous %lld; %lld given with offsets\n",
      static_cast<long long>(c.predictions - c.ungrounded),
      static_cast<long long>(c.predictions), c.grounding_rate(),
      static_cast<long long>(c.exact), static_cast<long long>(c.normalised),
      static_cast<long long>(c.fuzzy), static_cast<long long>(c.ungrounded),
      static_cast<long long>(c.ambiguous), static_cast<long long>(s.given));
  out += Format("%-11s %11s %8s %8s %8s %8s\n", "alignment", "predictions",
                "strict", "exact", "partial", "type");
  for (MentionAlignment a : kReportedAlignments) {
    const AlignmentCredit& credit = s.by_alignment[a];
    out += Format("%-11s %11lld", MentionAlignmentName(a),
                  static_cast<long long>(credit.predictions));
    for (SpanMode m : kSpanModes) out += Format(" %8.4f", credit.precision(m));
    out += "\n";
  }
  out += "(precision of each alignment's predictions, per mode)\n";
  const StringCounts& t = s.strings.overall;
  const PrfCounts sc{static_cast<double>(t.tp), static_cast<double>(t.fp),
                     static_cast<double>(t.fn)};
  out += Format(
      "string-level (type, normalised text) per document: P %.4f R %.4f F1 "
      "%.4f (tp %lld fp %lld fn %lld)\n",
      Precision(sc), Recall(sc), F1(sc), static_cast<long long>(t.tp),
      static_cast<long long>(t.fp), static_cast<long long>(t.fn));
  out += "strict F1 by policy:";
  for (size_t i = 0; i < kGroundPolicies.size(); ++i)
    out += Format(" %s %.4f", GroundPolicyName(kGroundPolicies[i]),
                  F1(s.strict_by_policy[i]));
  out += Format(" (spread %.4f)\n", s.StrictF1Spread());
  return out;
}

}  // namespace ieval
