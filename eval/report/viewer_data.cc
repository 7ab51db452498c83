#include "eval/report/viewer_data.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "eval/score/alignment.h"
#include "eval/score/span_scorer.h"

namespace ieval {
namespace {

using nlohmann::ordered_json;

const char* PairKind(const AlignedPair& p) {
  if (p.exact) return p.same_type ? "correct" : "wrong_type";
  return p.same_type ? "wrong_boundary" : "wrong_type_and_boundary";
}

ordered_json Relations(const Annotations& a) {
  std::map<std::string, int64_t> index;
  for (size_t i = 0; i < a.mentions.size(); ++i)
    index.emplace(a.mentions[i].id, static_cast<int64_t>(i));
  ordered_json out = ordered_json::array();
  for (const Relation& r : a.relations) {
    auto h = index.find(r.head), t = index.find(r.tail);
    if (h == index.end() || t == index.end()) continue;
    out.push_back({{"t", r.type}, {"h", h->second}, {"tl", t->second}});
  }
  return out;
}

}  // namespace

std::string ViewerDataJson(const RunResult& run, int max_documents) {
  const ScoreOptions& options = run.score_options;
  const size_t n = std::min(run.gold.size(),
                            static_cast<size_t>(std::max(0, max_documents)));
  std::vector<Annotations> gold(n);
  std::set<std::string> types;
  ordered_json documents = ordered_json::array();
  for (size_t i = 0; i < n; ++i) {
    const AnnotatedDocument& d = run.gold[i];
    gold[i] = PrepareAnnotations(d.annotations, false, options);
    ordered_json mentions = ordered_json::array();
    for (const Mention& m : gold[i].mentions) {
      mentions.push_back(
          {{"s", m.start}, {"e", m.end}, {"t", m.type}, {"id", m.id}});
      types.insert(m.type);
    }
    documents.push_back({{"doc_id", d.document.doc_id},
                         {"text", d.document.text},
                         {"gold", mentions},
                         {"relations", Relations(gold[i])}});
  }
  ordered_json variants = ordered_json::array();
  for (const VariantResult& v : run.variants) {
    if (v.status != VariantStatus::kOk) continue;
    ordered_json docs = ordered_json::array();
    for (size_t i = 0; i < n; ++i) {
      const Annotations pred =
          i < v.predictions.size()
              ? PrepareAnnotations(v.predictions[i], true, options)
              : Annotations{};
      const Alignment a =
          Align(gold[i].mentions, pred.mentions,
                AlignPreference::kBoundaryFirst, options.min_overlap);
      ordered_json mentions = ordered_json::array();
      for (size_t p = 0; p < pred.mentions.size(); ++p) {
        const Mention& m = pred.mentions[p];
        const int32_t pair = a.pred_pair[p];
        mentions.push_back(
            {{"s", m.start},
             {"e", m.end},
             {"t", m.type},
             {"k", pair < 0 ? "spurious"
                            : PairKind(a.pairs[static_cast<size_t>(pair)])}});
        types.insert(m.type);
      }
      ordered_json gold_kind = ordered_json::array();
      for (size_t g = 0; g < gold[i].mentions.size(); ++g) {
        const int32_t pair = a.gold_pair[g];
        gold_kind.push_back(
            pair < 0 ? "missed" : PairKind(a.pairs[static_cast<size_t>(pair)]));
      }
      docs.push_back({{"pred", mentions},
                      {"gold_kind", gold_kind},
                      {"relations", Relations(pred)}});
    }
    variants.push_back({{"name", v.name}, {"docs", docs}});
  }
  ordered_json root;
  root["symmetric"] = options.symmetric_relations;
  root["types"] = types;
  root["total_documents"] = static_cast<int64_t>(run.gold.size());
  root["truncated"] = n < run.gold.size();
  root["documents"] = documents;
  root["variants"] = variants;
  return root.dump();
}

}  // namespace ieval
