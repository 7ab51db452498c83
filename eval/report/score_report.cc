#include "ieval/report/score_report.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <utility>

#include "ieval/score/averages.h"

namespace ieval {
namespace {

using nlohmann::ordered_json;

// A count: an integer when it is one (halves appear only in partial mode).
ordered_json Count(double v) {
  if (std::floor(v) == v && std::fabs(v) < 9e15) return static_cast<int64_t>(v);
  return v;
}

ordered_json PrfJson(const Prf& p) {
  return {{"precision", p.precision}, {"recall", p.recall}, {"f1", p.f1}};
}

ordered_json CountsJson(const PrfCounts& c, bool with_metrics) {
  ordered_json j = {
      {"tp", Count(c.tp)}, {"fp", Count(c.fp)}, {"fn", Count(c.fn)}};
  if (with_metrics) {
    j["precision"] = Precision(c);
    j["recall"] = Recall(c);
    j["f1"] = F1(c);
    j["support"] = Count(c.gold());
  }
  return j;
}

// {overall, per_type, micro, macro, weighted}.
ordered_json TypedJson(const TypedCounts& t) {
  ordered_json j;
  j["overall"] = CountsJson(t.overall, true);
  ordered_json per_type = ordered_json::object();
  for (const auto& [type, c] : t.per_type) per_type[type] = CountsJson(c, true);
  j["per_type"] = std::move(per_type);
  j["micro"] = PrfJson(Micro(t.overall));
  j["macro"] = PrfJson(Macro(t.per_type));
  j["weighted"] = PrfJson(Weighted(t.per_type));
  return j;
}

ordered_json SemevalJson(const SemevalCounts& c, bool half_credit,
                         bool with_metrics) {
  ordered_json j = {{"correct", c.correct},   {"incorrect", c.incorrect},
                    {"partial", c.partial},   {"missed", c.missed},
                    {"spurious", c.spurious}, {"possible", c.possible()},
                    {"actual", c.actual()}};
  if (with_metrics) {
    const double p = SemevalPrecision(c, half_credit);
    const double r = SemevalRecall(c, half_credit);
    j["precision"] = p;
    j["recall"] = r;
    j["f1"] = F1(p, r);
  }
  return j;
}

ordered_json RatioJson(const RatioCounts& c) {
  return {{"recall", Recall(c)},
          {"precision", Precision(c)},
          {"f1", F1(c)},
          {"recall_num", Count(c.recall_num.ToDouble())},
          {"recall_den", Count(c.recall_den.ToDouble())},
          {"precision_num", Count(c.precision_num.ToDouble())},
          {"precision_den", Count(c.precision_den.ToDouble())}};
}

ordered_json LinksJson(const LinkCounts& l) {
  return {{"common", l.common}, {"gold", l.gold}, {"predicted", l.predicted}};
}

ordered_json ExampleMentionJson(const ExampleMention& m) {
  return {
      {"start", m.start}, {"end", m.end}, {"type", m.type}, {"text", m.text}};
}

ordered_json ErrorsJson(const ErrorAnalysis& e, bool with_examples) {
  ordered_json j;
  ordered_json counts;
  for (int k = 0; k < kErrorKinds; ++k)
    counts[ErrorKindName(static_cast<ErrorKind>(k))] =
        e.counts[static_cast<size_t>(k)];
  j["counts"] = std::move(counts);
  if (!with_examples) return j;
  ordered_json confusion = ordered_json::object();
  for (const auto& [cell, n] : e.confusion)
    confusion[cell.first][cell.second] = n;
  j["confusion"] = std::move(confusion);
  ordered_json examples;
  for (int k = 1; k < kErrorKinds; ++k) {
    ordered_json list = ordered_json::array();
    for (const ErrorExample& x : e.examples[static_cast<size_t>(k)]) {
      ordered_json one = {{"doc_id", x.doc_id}};
      one["gold"] = x.gold ? ExampleMentionJson(*x.gold) : ordered_json();
      one["pred"] = x.pred ? ExampleMentionJson(*x.pred) : ordered_json();
      list.push_back(std::move(one));
    }
    examples[ErrorKindName(static_cast<ErrorKind>(k))] = std::move(list);
  }
  j["examples"] = std::move(examples);
  return j;
}

ordered_json ClustersJson(const ClusterCounts& c) {
  ordered_json j;
  j["muc"] = RatioJson(c.muc);
  j["b3"] = RatioJson(c.b3);
  j["ceafe"] = RatioJson(c.ceafe);
  j["ceafm"] = RatioJson(c.ceafm);
  const BlancScore blanc = Blanc(c);
  j["blanc"] = {{"recall", blanc.recall},
                {"precision", blanc.precision},
                {"f1", blanc.f1},
                {"coref_links", LinksJson(c.blanc_coref)},
                {"noncoref_links", LinksJson(c.blanc_noncoref)}};
  j["conll_f1"] = ConllF1(c);
  j["mentions"] = CountsJson(c.mentions, true);
  return j;
}

// One element of "documents". document_json.cc writes the same bytes
// without building the object (DocumentScoresToJson): the two must change
// together (tests/eval/score/document_json_test.cc compares them).
ordered_json DocumentJson(const DocumentScores& d) {
  ordered_json j;
  j["doc_id"] = d.doc_id;
  j["gold_mentions"] = d.entities.gold_mentions;
  j["predicted_mentions"] = d.entities.predicted_mentions;
  ordered_json entities;
  for (SpanMode m : kSpanModes) {
    const TypedCounts& t = d.entities.mode(m);
    ordered_json mode = CountsJson(t.overall, false);
    ordered_json per_type = ordered_json::object();
    for (const auto& [type, c] : t.per_type)
      per_type[type] = CountsJson(c, false);
    mode["per_type"] = std::move(per_type);
    entities[SpanModeName(m)] = std::move(mode);
  }
  j["entities"] = std::move(entities);
  ordered_json semeval;
  for (SemevalScheme s : kSemevalSchemes)
    semeval[SemevalSchemeName(s)] =
        SemevalJson(d.entities.scheme(s).overall, false, false);
  j["semeval"] = std::move(semeval);
  j["errors"] = std::move(ErrorsJson(d.entities.errors, false)["counts"]);
  j["relations"] = {
      {"strict", CountsJson(d.relations.strict.overall, false)},
      {"boundaries", CountsJson(d.relations.boundaries.overall, false)}};
  ordered_json values = ordered_json::object();
  for (const auto& [type, v] : d.values)
    values[type] = {{"matched", v.matched}, {"correct", v.correct}};
  j["values"] = std::move(values);
  auto ratio_counts = [](const RatioCounts& c) {
    return ordered_json{{"recall_num", Count(c.recall_num.ToDouble())},
                        {"recall_den", Count(c.recall_den.ToDouble())},
                        {"precision_num", Count(c.precision_num.ToDouble())},
                        {"precision_den", Count(c.precision_den.ToDouble())}};
  };
  j["clusters"] = {{"muc", ratio_counts(d.clusters.muc)},
                   {"b3", ratio_counts(d.clusters.b3)},
                   {"ceafe", ratio_counts(d.clusters.ceafe)},
                   {"ceafm", ratio_counts(d.clusters.ceafm)},
                   {"blanc_coref", LinksJson(d.clusters.blanc_coref)},
                   {"blanc_noncoref", LinksJson(d.clusters.blanc_noncoref)},
                   {"mentions", CountsJson(d.clusters.mentions, false)}};
  return j;
}

}  // namespace

std::string ScoresToJson(const CorpusScores& scores,
                         const ScoreOptions& options, bool pretty,
                         bool with_documents, const CorpusUnits* units,
                         const std::string& per_document_file) {
  const DocumentScores& total = scores.total();
  ordered_json root;
  ordered_json entities;
  for (SpanMode m : kSpanModes) {
    ordered_json mode = TypedJson(total.entities.mode(m));
    const DocumentAverage avg = PerDocument(scores, m);
    ordered_json per_doc = PrfJson(avg.mean);
    per_doc["documents"] = avg.documents;
    per_doc["empty_documents"] = avg.empty_documents;
    mode["per_document"] = std::move(per_doc);
    entities[SpanModeName(m)] = std::move(mode);
  }
  ordered_json semeval;
  for (SemevalScheme s : kSemevalSchemes) {
    const SemevalBlock& block = total.entities.scheme(s);
    const bool half = SemevalHalfCredit(s);
    ordered_json per_type = ordered_json::object();
    for (const auto& [type, c] : block.per_type)
      per_type[type] = SemevalJson(c, half, true);
    semeval[SemevalSchemeName(s)] = {
        {"overall", SemevalJson(block.overall, half, true)},
        {"per_type", per_type}};
  }
  entities["semeval"] = std::move(semeval);
  root["entities"] = std::move(entities);
  root["relations"] = {{"strict", TypedJson(total.relations.strict)},
                       {"boundaries", TypedJson(total.relations.boundaries)}};
  ordered_json values = ordered_json::object();
  for (const std::string& type : options.value_types) {
    auto it = total.values.find(type);
    const ValueCounts v = it == total.values.end() ? ValueCounts{} : it->second;
    values[type] = {{"matched", v.matched},
                    {"correct", v.correct},
                    {"accuracy", Accuracy(v)}};
  }
  root["values"] = std::move(values);
  root["clusters"] = ClustersJson(total.clusters);
  root["errors"] = ErrorsJson(total.entities.errors, true);
  root["corpus"] = {{"documents", scores.document_count()},
                    {"gold_mentions", total.entities.gold_mentions},
                    {"predicted_mentions", total.entities.predicted_mentions}};
  ordered_json documents = ordered_json::array();
  if (with_documents)
    for (const auto& [id, doc] : scores.documents())
      documents.push_back(DocumentJson(doc));
  root["documents"] = std::move(documents);
  if (!per_document_file.empty()) root["per_document"] = per_document_file;
  ordered_json map = ordered_json::object();
  for (const auto& [from, to] : options.type_map) map[from] = to;
  root["options"] = {{"min_overlap", options.min_overlap},
                     {"types", options.types},
                     {"map", map},
                     {"symmetric_relations", options.symmetric_relations},
                     {"value_types", options.value_types},
                     {"max_examples", options.max_examples}};
  if (units == nullptr || units->empty())
    return root.dump(pretty ? 1 : -1) + "\n";
  // A hole for the units, filled with their one-line-per-unit text.
  root["units"] = ordered_json(ordered_json::value_t::discarded);
  std::string text = root.dump(pretty ? 1 : -1);
  const std::string hole =
      pretty ? "\"units\": <discarded>" : "\"units\":<discarded>";
  const size_t at = text.rfind(hole);
  text.replace(at + hole.size() - 11, 11,
               UnitsToJson(*units, pretty ? 1 : -1, 1));
  return text + "\n";
}

std::string PerDocumentLine(const DocumentScores& document) {
  return DocumentScoresToJson(document, -1, 0) + "\n";
}

}  // namespace ieval
