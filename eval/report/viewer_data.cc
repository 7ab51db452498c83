#include "ieval/report/viewer_data.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "ieval/core/thread_pool.h"
#include "ieval/score/alignment.h"
#include "ieval/score/span_scorer.h"

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

// One gold document of the viewer; its entity types go to `types`.
ordered_json GoldDocument(const AnnotatedDocument& d, const Annotations& gold,
                          std::set<std::string>& types) {
  ordered_json mentions = ordered_json::array();
  for (const Mention& m : gold.mentions) {
    mentions.push_back(
        {{"s", m.start}, {"e", m.end}, {"t", m.type}, {"id", m.id}});
    types.insert(m.type);
  }
  ordered_json doc;
  doc["doc_id"] = d.document.doc_id;
  doc["text"] = d.document.text;
  doc["gold"] = std::move(mentions);
  doc["relations"] = Relations(gold);
  return doc;
}

// One document of a variant: its predictions (none when null) and the
// error kind of every predicted and gold mention.
ordered_json VariantDocument(const Annotations& gold,
                             const Annotations* predicted,
                             const ScoreOptions& options,
                             std::set<std::string>& types) {
  const Annotations pred = predicted != nullptr
                               ? PrepareAnnotations(*predicted, true, options)
                               : Annotations{};
  const Alignment a =
      Align(gold.mentions, pred.mentions, AlignPreference::kBoundaryFirst,
            options.min_overlap);
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
  for (size_t g = 0; g < gold.mentions.size(); ++g) {
    const int32_t pair = a.gold_pair[g];
    gold_kind.push_back(
        pair < 0 ? "missed" : PairKind(a.pairs[static_cast<size_t>(pair)]));
  }
  ordered_json doc;
  doc["pred"] = std::move(mentions);
  doc["gold_kind"] = std::move(gold_kind);
  doc["relations"] = Relations(pred);
  return doc;
}

}  // namespace

std::string ViewerDataJson(const RunResult& run, int max_documents,
                           ThreadPool& pool) {
  const ScoreOptions& options = run.score_options;
  const size_t n = std::min(run.gold.size(),
                            static_cast<size_t>(std::max(0, max_documents)));
  std::vector<const VariantResult*> ok;
  for (const VariantResult& v : run.variants)
    if (v.status == VariantStatus::kOk) ok.push_back(&v);
  // Each document's part, made on the threads and gathered in order.
  struct Part {
    ordered_json gold;
    std::vector<ordered_json> variants;  // one per ok variant
    std::set<std::string> types;
  };
  std::vector<Part> parts(n);
  ParallelFor(pool, n, [&](size_t i) {
    Part& part = parts[i];
    const Annotations gold =
        PrepareAnnotations(run.gold[i].annotations, false, options);
    part.gold = GoldDocument(run.gold[i], gold, part.types);
    for (const VariantResult* v : ok) {
      const Annotations* predicted =
          i < v->predictions.size() ? &v->predictions[i] : nullptr;
      part.variants.push_back(
          VariantDocument(gold, predicted, options, part.types));
    }
  });

  std::set<std::string> types;
  ordered_json documents = ordered_json::array();
  for (Part& part : parts) {
    documents.push_back(std::move(part.gold));
    types.insert(part.types.begin(), part.types.end());
  }
  ordered_json variants = ordered_json::array();
  for (size_t k = 0; k < ok.size(); ++k) {
    ordered_json docs = ordered_json::array();
    for (Part& part : parts) docs.push_back(std::move(part.variants[k]));
    ordered_json variant;
    variant["name"] = ok[k]->name;
    variant["docs"] = std::move(docs);
    variants.push_back(std::move(variant));
  }
  ordered_json root;
  root["symmetric"] = options.symmetric_relations;
  root["types"] = types;
  root["total_documents"] = static_cast<int64_t>(run.gold.size());
  root["truncated"] = n < run.gold.size();
  root["documents"] = std::move(documents);
  root["variants"] = std::move(variants);
  return root.dump();
}

}  // namespace ieval
