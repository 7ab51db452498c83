// Offset conversion (eval/core/include/ieval/core/offset_index.h,
// eval/io/include/ieval/io/offsets.h): checking UTF-8, building a document's
// OffsetIndex, converting every mention's offsets between code points, UTF-8
// bytes and UTF-16 units, and resolving a byte-offset prediction against its
// text, on 100, 1,000 and 10,000 documents of the synthetic corpus (French
// text: é, « », U+00A0, U+202F).
//
// Baseline (x_baseline): one pass over the same bytes counting code points
// (the bytes that are not UTF-8 continuation bytes) — what building any
// index must at least read.
#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <vector>

#include "bench_util.h"
#include "ieval/core/offset_index.h"
#include "ieval/io/offsets.h"
#include "tools/synthetic.h"

namespace ieval {
namespace {

struct OffsetInput {
  std::vector<AnnotatedDocument> gold;
  std::vector<OffsetIndex> indexes;  // one per document
  int64_t bytes = 0;
  int64_t codepoints = 0;
  int64_t mentions = 0;
};

const OffsetInput& Input(int64_t documents) {
  static std::map<int64_t, OffsetInput> cache;
  auto it = cache.find(documents);
  if (it != cache.end()) return it->second;
  auto batch = MakeSyntheticBatch(bench::SharedDir(), documents, false);
  bench::Check(batch.ok(), "synthetic corpus");
  OffsetInput input;
  input.gold = std::move(batch->gold);
  for (const AnnotatedDocument& d : input.gold) {
    input.indexes.emplace_back(d.document.text);
    input.bytes += static_cast<int64_t>(d.document.text.size());
    input.codepoints += input.indexes.back().codepoints();
    input.mentions += static_cast<int64_t>(d.annotations.mentions.size());
  }
  return cache.emplace(documents, std::move(input)).first->second;
}

int64_t CountCodepoints(const OffsetInput& input) {
  int64_t n = 0;
  for (const AnnotatedDocument& d : input.gold)
    for (char c : d.document.text)
      n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  benchmark::DoNotOptimize(n);
  return n;
}

void SetRates(benchmark::State& state, const OffsetInput& input,
              int64_t items) {
  state.SetBytesProcessed(state.iterations() * input.bytes);
  state.SetItemsProcessed(state.iterations() * items);
  state.SetComplexityN(input.bytes);
}

void BM_CountCodepoints(benchmark::State& state) {
  const OffsetInput& input = Input(state.range(0));
  for (auto _ : state) {
    bench::Check(CountCodepoints(input) == input.codepoints, "code points");
  }
  SetRates(state, input, static_cast<int64_t>(input.gold.size()));
}

void BM_FindInvalidUtf8(benchmark::State& state) {
  const OffsetInput& input = Input(state.range(0));
  bench::RatioTimer ratio([&] { CountCodepoints(input); });
  for (auto _ : state) {
    ratio.Time([&] {
      for (const AnnotatedDocument& d : input.gold)
        bench::Check(!FindInvalidUtf8(d.document.text), "valid UTF-8");
    });
  }
  ratio.Report(state);
  SetRates(state, input, static_cast<int64_t>(input.gold.size()));
}

void BM_BuildOffsetIndex(benchmark::State& state) {
  const OffsetInput& input = Input(state.range(0));
  bench::RatioTimer ratio([&] { CountCodepoints(input); });
  for (auto _ : state) {
    ratio.Time([&] {
      int64_t codepoints = 0;
      for (const AnnotatedDocument& d : input.gold)
        codepoints += OffsetIndex(d.document.text).codepoints();
      bench::Check(codepoints == input.codepoints, "code points");
    });
  }
  ratio.Report(state);
  SetRates(state, input, static_cast<int64_t>(input.gold.size()));
}

// Every mention's start and end, code point -> unit -> code point, on
// prebuilt indexes.
void RoundTrip(benchmark::State& state, OffsetUnit unit) {
  const OffsetInput& input = Input(state.range(0));
  bench::RatioTimer ratio([&] { CountCodepoints(input); });
  for (auto _ : state) {
    ratio.Time([&] {
      for (size_t d = 0; d < input.gold.size(); ++d) {
        const OffsetIndex& index = input.indexes[d];
        for (const Mention& m : input.gold[d].annotations.mentions) {
          for (int64_t cp : {m.start, m.end}) {
            const auto back =
                index.ToCodepoint(index.FromCodepoint(cp, unit), unit);
            bench::Check(back && *back == cp, "round trip");
          }
        }
      }
    });
  }
  ratio.Report(state);
  SetRates(state, input, 2 * input.mentions);
}

void BM_RoundTripBytes(benchmark::State& state) {
  RoundTrip(state, OffsetUnit::kByte);
}
void BM_RoundTripUtf16(benchmark::State& state) {
  RoundTrip(state, OffsetUnit::kUtf16);
}

// A prediction in byte offsets read against its gold text: index, then
// every offset resolved and checked (what `ieval score` does per document).
void BM_ResolveByteOffsets(benchmark::State& state) {
  const OffsetInput& input = Input(state.range(0));
  std::vector<AnnotatedDocument> in_bytes = input.gold;
  for (size_t d = 0; d < in_bytes.size(); ++d) {
    in_bytes[d].offset_unit = OffsetUnit::kByte;
    for (Mention& m : in_bytes[d].annotations.mentions) {
      m.start = input.indexes[d].CodepointToByte(m.start);
      m.end = input.indexes[d].CodepointToByte(m.end);
    }
  }
  bench::RatioTimer ratio([&] { CountCodepoints(input); });
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<AnnotatedDocument> docs = in_bytes;  // resolved in place
    state.ResumeTiming();
    ratio.Time([&] {
      std::vector<Status> problems;
      for (AnnotatedDocument& d : docs) {
        ResolveOffsets(d, OffsetIndex(d.document.text), Where{}, &problems);
      }
      bench::Check(problems.empty(), "every offset on a character boundary");
    });
    state.PauseTiming();
    for (size_t d = 0; d < docs.size(); ++d)
      bench::Check(docs[d].annotations == input.gold[d].annotations,
                   "resolved back to the code points");
    state.ResumeTiming();
  }
  ratio.Report(state);
  SetRates(state, input, 2 * input.mentions);
}

// 1x, 10x, 100x: 100, 1,000, 10,000 documents.
void Sizes(benchmark::internal::Benchmark* b) {
  b->RangeMultiplier(10)
      ->Range(100, 10000)
      ->ArgName("docs")
      ->Unit(benchmark::kMicrosecond)
      ->Complexity(benchmark::oN);
}

BENCHMARK(BM_CountCodepoints)->Apply(Sizes);
BENCHMARK(BM_FindInvalidUtf8)->Apply(Sizes);
BENCHMARK(BM_BuildOffsetIndex)->Apply(Sizes);
BENCHMARK(BM_RoundTripBytes)->Apply(Sizes);
BENCHMARK(BM_RoundTripUtf16)->Apply(Sizes);
BENCHMARK(BM_ResolveByteOffsets)->Apply(Sizes);

}  // namespace
}  // namespace ieval

BENCHMARK_MAIN();
