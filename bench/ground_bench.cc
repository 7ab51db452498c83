// Grounding (eval/ground/include/ieval/ground/grounding.h): placing
// predicted strings without offsets in their document, as LLM extractors
// return them. Inputs: synthetic French documents (bench/tools/synthetic.h)
// joined into one text of 12,000 code points, 100,000 and 1,000,000 bytes,
// and 1,000, 5,000 and 50,000 predicted strings in text order: the
// documents' gold mentions, then spans of one to three words of the text,
// with one string in 20 upper-cased (normalised pass), one in 20 missing
// its second word (fuzzy pass) and one in 50 absent (ungrounded).
//
// Baseline (x_baseline): a std::string_view::find loop over the same text
// for every string, collecting every occurrence (spacy-llm's convention,
// with no normalisation, no fuzzy pass and no assignment). At 1 MB it runs
// on one string in 50 and is scaled by 50 (its cost is linear in the
// number of strings).
#include <benchmark/benchmark.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "bench_util.h"
#include "ieval/core/offset_index.h"
#include "ieval/ground/grounding.h"
#include "tools/synthetic.h"

namespace ieval {
namespace {

struct GroundInput {
  std::string text;
  std::vector<Mention> predicted;
  int64_t absent = 0;  // strings made absent from the text
};

// Whole words only: the text cut at the last space before `codepoints`.
std::string TextOf(const std::vector<AnnotatedDocument>& docs,
                   int64_t codepoints, std::vector<Mention>* mentions) {
  std::string text;
  int64_t length = 0;
  for (const AnnotatedDocument& d : docs) {
    const OffsetIndex index(d.document.text);
    for (Mention m : d.annotations.mentions) {
      m.start += length;
      m.end += length;
      if (m.end <= codepoints) mentions->push_back(std::move(m));
    }
    text += d.document.text;
    text += '\n';
    length += index.codepoints() + 1;
    if (length >= codepoints) break;
  }
  const OffsetIndex index(text);
  if (index.codepoints() > codepoints) {
    text.resize(static_cast<size_t>(index.CodepointToByte(codepoints)));
  }
  return text;
}

const GroundInput& Input(int64_t codepoints, int64_t strings) {
  static std::map<std::pair<int64_t, int64_t>, GroundInput> cache;
  auto it = cache.find({codepoints, strings});
  if (it != cache.end()) return it->second;
  auto batch =
      MakeSyntheticBatch(bench::SharedDir(), codepoints / 400 + 10, false);
  bench::Check(batch.ok(), "synthetic corpus");
  GroundInput input;
  std::vector<Mention> spans;
  input.text = TextOf(batch->gold, codepoints, &spans);
  const OffsetIndex index(input.text);
  // Word starts and ends (code points), for the word spans.
  std::vector<std::pair<int64_t, int64_t>> words;
  {
    const std::string& t = input.text;
    int64_t cp = 0, start = -1;
    for (size_t b = 0; b <= t.size(); ++b) {
      const bool end = b == t.size();
      if (!end && (static_cast<unsigned char>(t[b]) & 0xC0) == 0x80) continue;
      const bool space = end || t[b] == ' ' || t[b] == '\n';
      if (!space && start < 0) start = cp;
      if (space && start >= 0) {
        words.emplace_back(start, cp);
        start = -1;
      }
      ++cp;
    }
  }
  std::mt19937_64 rng(20);
  if (static_cast<int64_t>(spans.size()) > strings) {
    spans.resize(static_cast<size_t>(strings));
  }
  // Each place of the text predicted once.
  std::set<std::pair<int64_t, int64_t>> seen;
  for (const Mention& m : spans) seen.emplace(m.start, m.end);
  while (static_cast<int64_t>(spans.size()) < strings) {
    const size_t w = rng() % (words.size() - 3);
    Mention m;
    m.type = "MISC";
    m.start = words[w].first;
    m.end = words[w + rng() % 3].second;
    if (!seen.emplace(m.start, m.end).second) continue;
    spans.push_back(std::move(m));
  }
  std::stable_sort(
      spans.begin(), spans.end(),
      [](const Mention& a, const Mention& b) { return a.start < b.start; });
  for (size_t i = 0; i < spans.size(); ++i) {
    Mention m = spans[i];
    std::string s(index.Slice(input.text, m.start, m.end));
    if (i % 20 == 7) {
      for (char& c : s) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
      }
    } else if (i % 20 == 13) {
      const size_t a = s.find(' ');
      const size_t b = a == std::string::npos ? a : s.find(' ', a + 1);
      if (b != std::string::npos) s = s.substr(0, a) + s.substr(b);
    } else if (i % 50 == 3) {
      s = "Atlantide engloutie";
      ++input.absent;
    }
    m.text = std::move(s);
    m.start = m.end = 0;
    input.predicted.push_back(std::move(m));
  }
  return cache.emplace(std::make_pair(codepoints, strings), std::move(input))
      .first->second;
}

// Every occurrence of every `step`-th string, by std::string_view::find.
int64_t FindAll(const GroundInput& input, size_t step) {
  const std::string_view text = input.text;
  int64_t found = 0;
  for (size_t i = 0; i < input.predicted.size(); i += step) {
    const std::string& s = *input.predicted[i].text;
    for (size_t at = text.find(s); at != std::string_view::npos;
         at = text.find(s, at + 1)) {
      ++found;
    }
  }
  benchmark::DoNotOptimize(found);
  return found;
}

void Run(benchmark::State& state, const GroundOptions& options) {
  const GroundInput& input = Input(state.range(0), state.range(1));
  const size_t step = input.text.size() > 200000 ? 50 : 1;
  bench::RatioTimer ratio([&] { FindAll(input, step); },
                          static_cast<double>(step));
  GroundCounts counts;
  for (auto _ : state) {
    ratio.Time([&] {
      const GroundResult r = Ground(input.text, input.predicted, options);
      counts = r.counts;
      benchmark::DoNotOptimize(r.mentions.data());
    });
  }
  // Every absent string ungrounded; nearly all others placed (a string
  // cut inside a word or predicted at two places that hold one occurrence
  // is not).
  bench::Check(counts.predictions == state.range(1), "predictions");
  bench::Check(counts.ungrounded >= input.absent, "absent strings");
  bench::Check(counts.ungrounded <= input.absent + counts.predictions / 10,
               "grounding rate");
  bench::Check(counts.normalised > 0 &&
                   (counts.fuzzy > 0) == (options.fuzzy_threshold <= 1.0),
               "every pass");
  ratio.Report(state);
  state.counters["exact"] = static_cast<double>(counts.exact);
  state.counters["normalised"] = static_cast<double>(counts.normalised);
  state.counters["fuzzy"] = static_cast<double>(counts.fuzzy);
  state.counters["ungrounded"] = static_cast<double>(counts.ungrounded);
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(input.text.size()));
  state.SetItemsProcessed(state.iterations() * state.range(1));
}

void BM_Ground(benchmark::State& state) { Run(state, GroundOptions{}); }

// The exact and normalised passes alone (the fuzzy pass turned off): what
// the fuzzy pass adds.
void BM_GroundWithoutFuzzy(benchmark::State& state) {
  GroundOptions options;
  options.fuzzy_threshold = 2.0;
  Run(state, options);
}

BENCHMARK(BM_Ground)
    ->ArgNames({"chars", "strings"})
    ->Args({12000, 1000})
    ->Args({100000, 5000})
    ->Args({1000000, 50000})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GroundWithoutFuzzy)
    ->ArgNames({"chars", "strings"})
    ->Args({12000, 1000})
    ->Args({100000, 5000})
    ->Args({1000000, 50000})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ieval

BENCHMARK_MAIN();
