// Throughput of every registered extractor (one benchmark per registry
// entry, registered at run time), on the five gold texts and on 10, 100 and
// 1,000 documents of the synthetic corpus (about 1.6 KB of text each).
// Reports bytes/s, documents/s (items) and tokens/s (ICU words).
//
// Baseline (x_baseline): ICU word segmentation of the same texts
// (eval/text/include/ieval/text/segmenter.h), which every rule-based back end
// starts with. Targets (bench/README.md, "Extractors"): rules and gazetteer
// within 3x of it; the statistical tagger at least 200,000 tokens/s on one
// core.
//   build/release/bench/extractor_bench --benchmark_filter=rules
// Extractors that cannot be created with their default options (external
// commands, plug-ins, models not given) are listed on stderr and skipped.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench_util.h"
#include "ieval/extractors/builtin.h"
#include "ieval/extractors/registry.h"
#include "ieval/io/corpus_reader.h"
#include "ieval/text/segmenter.h"
#include "tools/synthetic.h"

namespace ieval {
namespace {

struct TextSet {
  std::vector<Document> documents;
  int64_t bytes = 0;
  int64_t words = 0;  // ICU tokens (words and punctuation)
};

Segmenter& ThisSegmenter() {
  static std::unique_ptr<Segmenter> segmenter = [] {
    auto s = Segmenter::Create("fr");
    bench::Check(s.ok(), "ICU segmenter");
    return std::move(s).value();
  }();
  return *segmenter;
}

// The baseline: ICU words of every text.
int64_t SegmentAll(const TextSet& set) {
  int64_t words = 0;
  for (const Document& d : set.documents)
    words += static_cast<int64_t>(ThisSegmenter().Words(d.text).size());
  benchmark::DoNotOptimize(words);
  return words;
}

void Finish(TextSet& set) {
  for (const Document& d : set.documents)
    set.bytes += static_cast<int64_t>(d.text.size());
  set.words = SegmentAll(set);
}

// The texts of the gold documents (only doc_id and text reach extractors).
TextSet GoldTexts() {
  TextSet set;
  std::vector<Status> problems;
  auto corpus = ReadCorpus(bench::SourceDir() + "/gold/docs", &problems);
  bench::Check(corpus.ok() && problems.empty() && !corpus->documents.empty(),
               "gold/docs readable");
  for (const AnnotatedDocument& d : corpus->documents)
    set.documents.push_back(d.document);
  Finish(set);
  return set;
}

TextSet SyntheticTexts(int64_t documents) {
  TextSet set;
  auto batch = MakeSyntheticBatch(bench::SharedDir(), documents, false);
  bench::Check(batch.ok(), "synthetic corpus");
  for (const AnnotatedDocument& d : batch->gold)
    set.documents.push_back(d.document);
  Finish(set);
  return set;
}

void SetRates(benchmark::State& state, const TextSet& set) {
  state.SetBytesProcessed(state.iterations() * set.bytes);
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(set.documents.size()));
  state.counters["tokens_per_second"] =
      benchmark::Counter(static_cast<double>(state.iterations() * set.words),
                         benchmark::Counter::kIsRate);
}

// The synthetic sets by number of documents (filled by main).
std::map<int64_t, std::unique_ptr<TextSet>>& SyntheticSets() {
  static std::map<int64_t, std::unique_ptr<TextSet>> sets;
  return sets;
}

// The set a benchmark runs on: `set` when given, else the synthetic set of
// state.range(0) documents (the scaling runs, with ->Complexity).
const TextSet& SetOf(benchmark::State& state, const TextSet* set) {
  if (set != nullptr) return *set;
  const TextSet& synthetic = *SyntheticSets().at(state.range(0));
  state.SetComplexityN(synthetic.bytes);
  return synthetic;
}

void BM_IcuWords(benchmark::State& state, const TextSet* given) {
  const TextSet* set = &SetOf(state, given);
  for (auto _ : state) {
    bench::Check(SegmentAll(*set) == set->words, "same words");
  }
  SetRates(state, *set);
}

int64_t ExtractAll(const Extractor& extractor, const TextSet& set) {
  int64_t mentions = 0;
  for (const Document& d : set.documents) {
    auto result = extractor.Extract(d);
    bench::Check(result.ok(), "extraction succeeds");
    mentions += static_cast<int64_t>(result->mentions.size() +
                                     result->relations.size());
  }
  return mentions;
}

void BM_Extract(benchmark::State& state, const Extractor* extractor,
                const TextSet* given) {
  const TextSet* set = &SetOf(state, given);
  const int64_t found = ExtractAll(*extractor, *set);
  bench::RatioTimer ratio([&] { SegmentAll(*set); });
  for (auto _ : state) {
    ratio.Time([&] {
      bench::Check(ExtractAll(*extractor, *set) == found,
                   "same output every iteration");
    });
  }
  ratio.Report(state);
  state.counters["found"] = static_cast<double>(found);
  SetRates(state, *set);
}

}  // namespace
}  // namespace ieval

int main(int argc, char** argv) {
  using namespace ieval;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  // Inputs live until the end of main, as the benchmarks point to them.
  const auto gold = std::make_unique<TextSet>(GoldTexts());
  for (int64_t n : {10, 100, 1000})
    SyntheticSets()[n] = std::make_unique<TextSet>(SyntheticTexts(n));
  // One family per extractor: the gold texts, then 1x, 10x, 100x.
  auto add = [&](const std::string& name, auto function, auto... args) {
    benchmark::RegisterBenchmark((name + "/gold").c_str(), function, args...,
                                 gold.get())
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(name.c_str(), function, args...,
                                 static_cast<const TextSet*>(nullptr))
        ->RangeMultiplier(10)
        ->Range(10, 1000)
        ->ArgName("docs")
        ->Unit(benchmark::kMillisecond)
        ->Complexity(benchmark::oN);
  };
  add("BM_IcuWords", BM_IcuWords);

  ExtractorRegistry registry;
  BuiltinPaths paths;
  paths.tagger_model =
      bench::SourceDir() + "/extractors/tagger/model/fr-news.ietag";
  paths.plugin_dir = IEVAL_BENCH_PLUGIN_DIR;
  RegisterBuiltinExtractors(registry, paths);
  std::vector<std::unique_ptr<Extractor>> extractors;
  for (const ExtractorInfo& info : registry.all()) {
    auto created = registry.Create(info.name, {});
    if (!created.ok()) {
      std::fprintf(stderr, "extractor_bench: skipping %s: %s\n",
                   info.name.c_str(), created.status().ToString().c_str());
      continue;
    }
    extractors.push_back(std::move(created).value());
    add("BM_Extract/" + info.name, BM_Extract,
        static_cast<const Extractor*>(extractors.back().get()));
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
