// Reading annotation files (eval/io/): parsing JSONL documents into
// AnnotatedDocuments (UTF-8 check, fields, offsets resolved to code points)
// and the streaming CorpusReader over a file, on 100, 1,000 and 10,000
// documents of the synthetic corpus (gold lines carry the text, about 2 KB
// each; prediction lines only mentions).
//
// Baseline (x_baseline): parsing the same lines with nlohmann::json into a
// DOM and nothing more — the JSON library's own floor. BM_JsonLineScan (a
// memchr line scan of the same bytes) is there to read both against.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <unistd.h>

#include "bench_util.h"
#include "ieval/io/annotation_json.h"
#include "ieval/io/corpus_reader.h"
#include "tools/synthetic.h"

namespace ieval {
namespace {

struct JsonInput {
  std::string gold;  // JSONL
  std::string pred;
  SyntheticTally tally;
  int64_t pred_mentions = 0;
};

const JsonInput& Input(int64_t documents) {
  static std::map<int64_t, JsonInput> cache;
  auto it = cache.find(documents);
  if (it != cache.end()) return it->second;
  auto corpus = SyntheticCorpus::Create(bench::SharedDir());
  bench::Check(corpus.ok(), "synthetic corpus vocabulary");
  JsonInput input;
  AnnotatedDocument gold, pred;
  for (int64_t d = 0; d < documents; ++d) {
    (*corpus)->Next(&gold, &pred, nullptr);
    input.gold += SyntheticJsonLine(gold) + "\n";
    input.pred += SyntheticJsonLine(pred) + "\n";
  }
  input.tally = (*corpus)->tally();
  return cache.emplace(documents, std::move(input)).first->second;
}

const std::string& Side(const JsonInput& input, bool gold) {
  return gold ? input.gold : input.pred;
}

// Calls f(line, line_number) for every line of `text`.
template <typename F>
void ForEachLine(const std::string& text, F&& f) {
  const char* p = text.data();
  const char* end = p + text.size();
  int64_t number = 0;
  while (p < end) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
    if (nl == nullptr) nl = end;
    f(std::string_view(p, static_cast<size_t>(nl - p)), ++number);
    p = nl + 1;
  }
}

void ParseDom(const std::string& text) {
  ForEachLine(text, [](std::string_view line, int64_t) {
    auto json = nlohmann::json::parse(line.begin(), line.end());
    benchmark::DoNotOptimize(json);
  });
}

void SetRates(benchmark::State& state, const std::string& text,
              int64_t documents) {
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(text.size()));
  state.SetItemsProcessed(state.iterations() * documents);
  state.SetComplexityN(documents);
}

void BM_JsonLineScan(benchmark::State& state, bool gold) {
  const JsonInput& input = Input(state.range(0));
  const std::string& text = Side(input, gold);
  for (auto _ : state) {
    int64_t lines = 0;
    ForEachLine(text, [&](std::string_view, int64_t) { ++lines; });
    bench::Check(lines == input.tally.documents, "line count");
  }
  SetRates(state, text, input.tally.documents);
}

void BM_JsonDomOnly(benchmark::State& state, bool gold) {
  const JsonInput& input = Input(state.range(0));
  const std::string& text = Side(input, gold);
  for (auto _ : state) ParseDom(text);
  SetRates(state, text, input.tally.documents);
}

void BM_ParseAnnotatedDocument(benchmark::State& state, bool gold) {
  const JsonInput& input = Input(state.range(0));
  const std::string& text = Side(input, gold);
  const int64_t want =
      gold ? input.tally.gold_mentions : input.tally.pred_mentions;
  bench::RatioTimer ratio([&] { ParseDom(text); });
  for (auto _ : state) {
    ratio.Time([&] {
      std::vector<Status> problems;
      int64_t mentions = 0;
      ForEachLine(text, [&](std::string_view line, int64_t number) {
        auto doc =
            ParseAnnotatedDocument(line, "bench.jsonl", number, &problems);
        mentions += static_cast<int64_t>(doc->annotations.mentions.size());
      });
      bench::Check(problems.empty() && mentions == want, "every mention read");
    });
  }
  ratio.Report(state);
  SetRates(state, text, input.tally.documents);
}

// The streaming reader over a real file (the page cache keeps it warm).
void BM_CorpusReader(benchmark::State& state, bool gold) {
  const JsonInput& input = Input(state.range(0));
  const std::string& text = Side(input, gold);
  const std::string path =
      (std::filesystem::temp_directory_path() /
       ("ieval_json_bench_" + std::to_string(::getpid()) + ".jsonl"))
          .string();
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  const int64_t want =
      gold ? input.tally.gold_mentions : input.tally.pred_mentions;
  bench::RatioTimer ratio([&] { ParseDom(text); });
  for (auto _ : state) {
    ratio.Time([&] {
      auto reader = CorpusReader::Open(path);
      bench::Check(reader.ok(), "open");
      std::vector<Status> problems;
      AnnotatedDocument doc;
      int64_t mentions = 0;
      while ((*reader)->Next(&doc, &problems))
        mentions += static_cast<int64_t>(doc.annotations.mentions.size());
      bench::Check(problems.empty() && mentions == want, "every mention read");
    });
  }
  ratio.Report(state);
  std::filesystem::remove(path);
  SetRates(state, text, input.tally.documents);
}

void BM_SerializeAnnotatedDocument(benchmark::State& state) {
  auto batch = MakeSyntheticBatch(bench::SharedDir(), state.range(0), false);
  bench::Check(batch.ok(), "synthetic corpus");
  int64_t bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    for (const AnnotatedDocument& d : batch->gold)
      bytes += static_cast<int64_t>(SerializeAnnotatedDocument(d).size());
  }
  state.SetBytesProcessed(state.iterations() * bytes);
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetComplexityN(state.range(0));
}

// 1x, 10x, 100x: 100, 1,000, 10,000 documents.
void Sizes(benchmark::internal::Benchmark* b) {
  b->RangeMultiplier(10)
      ->Range(100, 10000)
      ->ArgName("docs")
      ->Unit(benchmark::kMillisecond)
      ->Complexity(benchmark::oN);
}

BENCHMARK_CAPTURE(BM_JsonLineScan, gold, true)->Apply(Sizes);
BENCHMARK_CAPTURE(BM_JsonDomOnly, gold, true)->Apply(Sizes);
BENCHMARK_CAPTURE(BM_ParseAnnotatedDocument, gold, true)->Apply(Sizes);
BENCHMARK_CAPTURE(BM_CorpusReader, gold, true)->Apply(Sizes);
BENCHMARK_CAPTURE(BM_JsonLineScan, pred, false)->Apply(Sizes);
BENCHMARK_CAPTURE(BM_JsonDomOnly, pred, false)->Apply(Sizes);
BENCHMARK_CAPTURE(BM_ParseAnnotatedDocument, pred, false)->Apply(Sizes);
BENCHMARK_CAPTURE(BM_CorpusReader, pred, false)->Apply(Sizes);
BENCHMARK(BM_SerializeAnnotatedDocument)->Apply(Sizes);

}  // namespace
}  // namespace ieval

BENCHMARK_MAIN();
