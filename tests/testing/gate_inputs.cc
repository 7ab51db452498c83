#include "testing/gate_inputs.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

namespace ieval::testing {
namespace {

using nlohmann::ordered_json;

ordered_json Counts(const PrfCounts& c, bool metrics) {
  ordered_json j = {{"tp", c.tp}, {"fp", c.fp}, {"fn", c.fn}};
  if (metrics) {
    j["precision"] = Precision(c);
    j["recall"] = Recall(c);
    j["f1"] = F1(c);
    j["support"] = c.gold();
  }
  return j;
}

ordered_json Prf(double p, double r, double f) {
  return {{"precision", p}, {"recall", r}, {"f1", f}};
}

// {overall, per_type, micro, macro, weighted} of summed counts.
ordered_json Typed(const std::map<std::string, PrfCounts>& types) {
  PrfCounts overall;
  ordered_json per_type = ordered_json::object();
  double macro = 0;
  for (const auto& [type, c] : types) {
    overall += c;
    per_type[type] = Counts(c, true);
    macro += F1(c);
  }
  ordered_json j;
  j["overall"] = Counts(overall, true);
  j["per_type"] = per_type;
  j["micro"] = Prf(Precision(overall), Recall(overall), F1(overall));
  const double m =
      types.empty() ? 0 : macro / static_cast<double>(types.size());
  j["macro"] = Prf(m, m, m);
  j["weighted"] = Prf(m, m, m);
  return j;
}

ordered_json ScoresObject(const std::vector<SynthDoc>& docs,
                          double min_overlap) {
  std::map<std::string, PrfCounts> types;
  PrfCounts relations;
  std::map<std::string, double> errors;
  ordered_json documents = ordered_json::array();
  for (const SynthDoc& d : docs) {
    PrfCounts overall;
    ordered_json per_type = ordered_json::object();
    for (const auto& [type, c] : d.types) {
      overall += c;
      types[type] += c;
      per_type[type] = Counts(c, false);
    }
    relations += d.relations;
    for (const auto& [k, n] : d.errors) errors[k] += n;
    ordered_json mode = Counts(overall, false);
    mode["per_type"] = per_type;
    ordered_json doc;
    doc["doc_id"] = d.id;
    doc["gold_mentions"] = overall.gold();
    doc["predicted_mentions"] = overall.predicted();
    doc["entities"] = {
        {"strict", mode}, {"exact", mode}, {"partial", mode}, {"type", mode}};
    doc["errors"] = d.errors;
    doc["relations"] = {{"strict", Counts(d.relations, false)},
                        {"boundaries", Counts(d.relations, false)}};
    doc["values"] = ordered_json::object();
    documents.push_back(doc);
  }
  ordered_json sentences = ordered_json::array();
  for (const SynthDoc& d : docs)
    for (size_t i = 0; i < d.sentences.size(); ++i) {
      PrfCounts overall;
      ordered_json per_type = ordered_json::object();
      for (const auto& [type, c] : d.sentences[i]) {
        overall += c;
        per_type[type] = Counts(c, false);
      }
      ordered_json mode = Counts(overall, false);
      mode["per_type"] = per_type;
      sentences.push_back({{"doc_id", d.id},
                           {"start", 10 * i},
                           {"entities",
                            {{"strict", mode},
                             {"exact", mode},
                             {"partial", mode},
                             {"type", mode}}}});
    }
  ordered_json root;
  const ordered_json mode = Typed(types);
  root["entities"] = {
      {"strict", mode}, {"exact", mode}, {"partial", mode}, {"type", mode}};
  root["relations"] = {{"strict", Typed({{"rel", relations}})},
                       {"boundaries", Typed({{"rel", relations}})}};
  root["values"] = ordered_json::object();
  root["clusters"] = {{"conll_f1", 0.5}};
  ordered_json error_counts(errors);
  root["errors"] = {{"counts", error_counts}};
  root["corpus"] = {{"documents", docs.size()}};
  root["documents"] = documents;
  if (!sentences.empty()) root["units"] = {{"sentences", sentences}};
  root["options"] = {{"min_overlap", min_overlap},
                     {"types", ordered_json::array()},
                     {"map", ordered_json::object()}};
  return root;
}

}  // namespace

std::vector<SynthDoc> MakeDocs(const std::vector<PrfCounts>& per_doc) {
  std::vector<SynthDoc> docs;
  for (size_t i = 0; i < per_doc.size(); ++i) {
    SynthDoc d;
    d.id = (i < 10 ? "d0" : "d") + std::to_string(i);
    d.types["PER"] = per_doc[i];
    d.types["LOC"] = PrfCounts{2, 0, 0};
    d.relations = PrfCounts{1, 0, 0};
    d.errors = {{"missed", per_doc[i].fn}, {"spurious", per_doc[i].fp}};
    docs.push_back(d);
  }
  return docs;
}

std::vector<SynthDoc> WithSentences(std::vector<SynthDoc> docs, int per_doc) {
  for (SynthDoc& d : docs) {
    d.sentences.assign(static_cast<size_t>(per_doc), {});
    size_t next = 0;
    for (const auto& [type, c] : d.types)
      for (const auto& [n, one] : {std::pair{c.tp, PrfCounts{1, 0, 0}},
                                   std::pair{c.fp, PrfCounts{0, 1, 0}},
                                   std::pair{c.fn, PrfCounts{0, 0, 1}}})
        for (int k = 0; k < static_cast<int>(n); ++k)
          d.sentences[next++ % d.sentences.size()][type] += one;
  }
  return docs;
}

std::vector<SynthDoc> MakeDocs(int n, PrfCounts (*counts)(int)) {
  std::vector<PrfCounts> per_doc;
  for (int i = 0; i < n; ++i) per_doc.push_back(counts(i));
  return MakeDocs(per_doc);
}

std::string ScoreJson(const std::vector<SynthDoc>& docs, double min_overlap) {
  return ScoresObject(docs, min_overlap).dump(1);
}

std::string RunReportJson(
    const std::vector<std::pair<std::string, std::vector<SynthDoc>>>& variants,
    const std::vector<std::string>& failed,
    const std::vector<std::string>& skipped) {
  ordered_json root;
  root["format"] = "ieval-run";
  root["format_version"] = 1;
  ordered_json ids = ordered_json::array();
  if (!variants.empty())
    for (const SynthDoc& d : variants.front().second) ids.push_back(d.id);
  root["gold"] = {{"documents", ids.size()}, {"doc_ids", ids}};
  ordered_json list = ordered_json::array();
  for (const auto& [name, docs] : variants)
    list.push_back({{"name", name},
                    {"status", "ok"},
                    {"error", nullptr},
                    {"throughput", {{"wall_seconds", 0.5}}},
                    {"scores", ScoresObject(docs, 0.0)}});
  for (const std::string& name : failed)
    list.push_back({{"name", name},
                    {"status", "failed"},
                    {"error", "doc d00: the extractor crashed"}});
  for (const std::string& name : skipped)
    list.push_back({{"name", name},
                    {"status", "skipped"},
                    {"error", "needs the program 'node'"}});
  root["variants"] = list;
  return root.dump(1);
}

std::string BenchmarkJson(
    const std::vector<std::pair<std::string, std::vector<double>>>& runs,
    const std::string& host) {
  ordered_json rows = ordered_json::array();
  for (const auto& [name, times] : runs) {
    for (size_t i = 0; i < times.size(); ++i)
      rows.push_back({{"name", name},
                      {"run_name", name},
                      {"run_type", "iteration"},
                      {"repetitions", times.size()},
                      {"repetition_index", i},
                      {"threads", 1},
                      {"iterations", 1000},
                      {"real_time", times[i] / 1000.0},
                      {"cpu_time", times[i] / 1000.0 * 0.99},
                      {"time_unit", "us"}});
    for (const char* aggregate : {"mean", "median", "stddev"})
      rows.push_back({{"name", name + "_" + aggregate},
                      {"run_name", name},
                      {"run_type", "aggregate"},
                      {"aggregate_name", aggregate},
                      {"real_time", 1.0},
                      {"cpu_time", 1.0},
                      {"time_unit", "us"}});
  }
  ordered_json root;
  root["context"] = {
      {"host_name", host}, {"num_cpus", 2}, {"library_build_type", "release"}};
  root["benchmarks"] = rows;
  return root.dump(1);
}

std::vector<double> Samples(int n, double mean, double noise, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<double> out;
  for (int i = 0; i < n; ++i) {
    const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
    out.push_back(mean * (1 + noise * (2 * u - 1)));
  }
  return out;
}

GateInputFile Input(const std::string& text, const std::string& path) {
  auto parsed = ParseGateInput(text, path);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  return parsed.ok() ? *parsed : GateInputFile{};
}

GateRules Rules(const std::string& json) {
  auto rules = ParseGateRules(json, "rules.json");
  EXPECT_TRUE(rules.ok()) << rules.status().ToString();
  return rules.ok() ? *rules : GateRules{};
}

}  // namespace ieval::testing
