// Token-sequence scoring of CoNLL files (eval/sequence/): the streaming
// reader (line by line, and as the scorers scan), conlleval.pl's scorer (`ieval
// conlleval`, `ieval score --conll`) and seqeval's default and strict modes,
// over 10k, 100k and 1M tokens of the synthetic corpus
// (bench/tools/synthetic.h).
//
// Baseline (x_baseline): reading the same bytes through the same stdio
// path in 1 MiB blocks and finding every line with memchr — the least any
// line-by-line scorer must do. Target: conlleval and score --conll under
// 3x that on 1M tokens (bench/README.md, "Token-sequence scoring (CoNLL)").
//   build/release/bench/conll_bench --benchmark_filter=1000000
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "bench_util.h"
#include "ieval/sequence/conll_reader.h"
#include "ieval/sequence/conll_scan.h"
#include "ieval/sequence/conlleval.h"
#include "ieval/sequence/sequence_score.h"
#include "tools/synthetic.h"

namespace ieval {
namespace {

struct ConllInput {
  std::string text;
  SyntheticTally tally;
};

// At least `tokens` tokens of CoNLL (whole documents), made once per size.
const ConllInput& Input(int64_t tokens) {
  static std::map<int64_t, ConllInput> cache;
  auto it = cache.find(tokens);
  if (it != cache.end()) return it->second;
  auto corpus = SyntheticCorpus::Create(bench::SharedDir());
  bench::Check(corpus.ok(), "synthetic corpus vocabulary");
  ConllInput input;
  AnnotatedDocument gold, pred;
  while ((*corpus)->tally().tokens < tokens)
    (*corpus)->Next(&gold, &pred, &input.text);
  input.tally = (*corpus)->tally();
  return cache.emplace(tokens, std::move(input)).first->second;
}

// A FILE* over the in-memory text, so the reader's stdio path is measured
// without the disk.
struct MemoryFile {
  explicit MemoryFile(const std::string& text)
      : file(fmemopen(const_cast<char*>(text.data()), text.size(), "rb")) {
    bench::Check(file != nullptr, "fmemopen");
  }
  ~MemoryFile() { std::fclose(file); }
  std::FILE* file;
};

// The baseline: fread in 1 MiB blocks, memchr every line.
int64_t LineScan(const std::string& text) {
  MemoryFile in(text);
  static std::vector<char> buffer(1 << 20);
  int64_t lines = 0;
  size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), in.file)) > 0) {
    const char* p = buffer.data();
    const char* end = p + n;
    while ((p = static_cast<const char*>(std::memchr(p, '\n', end - p)))) {
      ++lines;
      ++p;
    }
  }
  benchmark::DoNotOptimize(lines);
  return lines;
}

void SetRates(benchmark::State& state, const ConllInput& input) {
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(input.text.size()));
  state.SetItemsProcessed(state.iterations() * input.tally.tokens);
  state.counters["tokens"] = static_cast<double>(input.tally.tokens);
  state.SetComplexityN(input.tally.tokens);
}

void BM_ConllLineScan(benchmark::State& state) {
  const ConllInput& input = Input(state.range(0));
  // One line per token and one blank line per sentence.
  const int64_t expected = input.tally.tokens + input.tally.sentences;
  for (auto _ : state) {
    bench::Check(LineScan(input.text) == expected, "line count");
  }
  SetRates(state, input);
}

// Times `read` over a reader of the input's bytes (opened inside the
// timing) against the line scan of the same bytes.
template <class Read>
void TimeReading(benchmark::State& state, const ConllInput& input,
                 const Read& read) {
  bench::RatioTimer ratio([&] { LineScan(input.text); });
  for (auto _ : state) {
    ratio.Time([&] {
      MemoryFile in(input.text);
      ConllReader reader(in.file, "bench");
      read(reader);
    });
  }
  ratio.Report(state);
  SetRates(state, input);
}

void BM_ConllReader(benchmark::State& state) {
  const ConllInput& input = Input(state.range(0));
  TimeReading(state, input, [&](ConllReader& reader) {
    ConllLine line;
    int64_t tokens = 0;
    while (reader.Next(&line)) tokens += !line.boundary();
    bench::Check(tokens == input.tally.tokens, "reader token count");
  });
}

// The reader as the scorers read it (ConllReader::Scan, conll_scan.h):
// regular lines straight from the index, two views a token, no scoring.
struct TokenCounter {
  int64_t tokens = 0;
  void Boundary() {}
  void Token(std::string_view, std::string_view, int64_t, bool) { ++tokens; }
};

void BM_ConllScan(benchmark::State& state) {
  const ConllInput& input = Input(state.range(0));
  TimeReading(state, input, [&](ConllReader& reader) {
    TokenCounter counter;
    bench::Check(reader.Scan(counter), "scan succeeds");
    bench::Check(counter.tokens == input.tally.tokens, "scan token count");
  });
}

// Checks counts every scorer must agree on, known by construction.
void CheckCounts(const SequenceCounts& counts, const ConllInput& input,
                 const SequenceCounts& first) {
  bench::Check(counts.tokens == input.tally.tokens, "token count");
  bench::Check(counts.Total().gold == input.tally.gold_chunks, "gold chunks");
  bench::Check(counts == first, "same counts every iteration");
}

void BM_Conlleval(benchmark::State& state) {
  const ConllInput& input = Input(state.range(0));
  auto score = [&] {
    // What `ieval conlleval` runs (app/cli/conlleval_command.cc).
    MemoryFile in(input.text);
    ConllReader reader(in.file, "bench");
    auto result = ScoreConll(reader, SequenceOptions{});
    bench::Check(result.ok(), "conlleval succeeds");
    // conlleval.pl's report is part of what `ieval conlleval` does.
    benchmark::DoNotOptimize(FormatConllevalReport(result->counts, false));
    return std::move(result).value().counts;
  };
  const SequenceCounts first = score();
  CheckCounts(first, input, first);
  bench::Check(first.sentences == input.tally.sentences, "sentences");
  bench::RatioTimer ratio([&] { LineScan(input.text); });
  for (auto _ : state) ratio.Time([&] { CheckCounts(score(), input, first); });
  ratio.Report(state);
  SetRates(state, input);
}

// `ieval score --conll` in each mode: ScoreConll plus the table.
void ScoreMode(benchmark::State& state, SequenceMode mode) {
  const ConllInput& input = Input(state.range(0));
  SequenceOptions options;
  options.mode = mode;
  options.scheme = Scheme::kIOB2;
  auto score = [&] {
    MemoryFile in(input.text);
    ConllReader reader(in.file, "bench");
    auto result = ScoreConll(reader, options);
    bench::Check(result.ok(), "ScoreConll succeeds");
    benchmark::DoNotOptimize(FormatSequenceTable("bench", options, *result));
    return std::move(result).value().counts;
  };
  const SequenceCounts first = score();
  CheckCounts(first, input, first);
  bench::RatioTimer ratio([&] { LineScan(input.text); });
  for (auto _ : state) ratio.Time([&] { CheckCounts(score(), input, first); });
  ratio.Report(state);
  SetRates(state, input);
}

void BM_ScoreConll_Conlleval(benchmark::State& state) {
  ScoreMode(state, SequenceMode::kConlleval);
}
void BM_ScoreConll_Seqeval(benchmark::State& state) {
  ScoreMode(state, SequenceMode::kSeqeval);
}
void BM_ScoreConll_StrictIob2(benchmark::State& state) {
  ScoreMode(state, SequenceMode::kStrict);
}

// 1x, 10x, 100x: 10k, 100k, 1M tokens.
void Sizes(benchmark::internal::Benchmark* b) {
  b->RangeMultiplier(10)
      ->Range(10000, 1000000)
      ->ArgName("tokens")
      ->Unit(benchmark::kMillisecond)
      ->Complexity(benchmark::oN);
}

BENCHMARK(BM_ConllLineScan)->Apply(Sizes);
BENCHMARK(BM_ConllReader)->Apply(Sizes);
BENCHMARK(BM_ConllScan)->Apply(Sizes);
BENCHMARK(BM_Conlleval)->Apply(Sizes);
BENCHMARK(BM_ScoreConll_Conlleval)->Apply(Sizes);
BENCHMARK(BM_ScoreConll_Seqeval)->Apply(Sizes);
BENCHMARK(BM_ScoreConll_StrictIob2)->Apply(Sizes);

}  // namespace
}  // namespace ieval

BENCHMARK_MAIN();
