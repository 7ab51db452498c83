// Reading annotations in every format (eval/io/formats.h): the same gold
// documents of the synthetic corpus (bench/tools/synthetic.h) written in
// each format into a temporary folder, then read back whole by
// ReadAnnotations, against reading our JSONL of the same annotations
// (x_baseline: ReadCorpus over the .jsonl). Target: every format at most 2x
// (bench/README.md, "Reading each format").
//
// BM_ConllSpanScore: what `ieval score --gold G.conll --pred P.conll` does
// on 1M tokens — both files read, tokens checked equal, spans aligned and
// scored — against `ieval score --conll` in conlleval mode on the same
// tokens and tags (x_baseline). Target: at most 3x.
//   build/release/bench/formats_bench
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <unistd.h>

#include "bench_util.h"
#include "ieval/io/atomic_file.h"
#include "ieval/io/conll_format.h"
#include "ieval/io/formats.h"
#include "ieval/score/scorer.h"
#include "ieval/sequence/conll_reader.h"
#include "ieval/sequence/sequence_score.h"
#include "tools/synthetic.h"

namespace ieval {
namespace {

namespace fs = std::filesystem;

// Tokens of `text` at white space (the CoNLL writer cuts them at mention
// boundaries too).
std::vector<TokenSpan> SpaceTokens(const std::string& text) {
  std::vector<TokenSpan> tokens;
  int64_t cp = 0, start = -1;
  for (size_t i = 0; i <= text.size(); ++i) {
    const bool end = i == text.size();
    const unsigned char c = end ? ' ' : static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && start >= 0) {
      tokens.push_back({start, cp});
      start = -1;
    } else if (!space && start < 0) {
      start = cp;
    }
    ++cp;
  }
  return tokens;
}

// The folders written, removed when the benchmark exits.
std::vector<std::string>& Written() {
  static std::vector<std::string> dirs;
  return dirs;
}

void RemoveWritten() {
  std::error_code ec;
  for (const std::string& dir : Written()) fs::remove_all(dir, ec);
}

struct FormatFiles {
  std::string dir;
  std::map<AnnotationFormat, std::string> path;
  int64_t documents = 0;
  int64_t mentions = 0;
  int64_t bytes = 0;  // of the JSONL
};

const FormatFiles& Files(int64_t documents) {
  static std::map<int64_t, FormatFiles> cache;
  auto it = cache.find(documents);
  if (it != cache.end()) return it->second;
  auto synthetic = SyntheticCorpus::Create(bench::SharedDir());
  bench::Check(synthetic.ok(), "synthetic corpus vocabulary");
  Corpus corpus;
  AnnotatedDocument gold, pred;
  FormatFiles files;
  for (int64_t d = 0; d < documents; ++d) {
    (*synthetic)->Next(&gold, &pred, nullptr);
    gold.annotations.relations.clear();  // not every format holds them
    files.mentions += static_cast<int64_t>(gold.annotations.mentions.size());
    corpus.documents.push_back(gold);
  }
  files.documents = documents;
  files.dir = (fs::temp_directory_path() /
               ("ieval_formats_bench_" + std::to_string(getpid()) + "_" +
                std::to_string(documents)))
                  .string();
  fs::create_directories(files.dir);
  if (Written().empty()) std::atexit(RemoveWritten);
  Written().push_back(files.dir);
  std::vector<std::vector<TokenSpan>> tokens;
  std::vector<std::vector<int64_t>> sentences;
  for (const AnnotatedDocument& d : corpus.documents) {
    tokens.push_back(SpaceTokens(d.document.text));
    sentences.push_back({0});
  }
  const std::pair<AnnotationFormat, const char*> kOut[] = {
      {AnnotationFormat::kIeval, "gold.jsonl"},
      {AnnotationFormat::kConll, "gold.conll"},
      {AnnotationFormat::kBrat, "brat"},
      {AnnotationFormat::kLabelStudio, "gold.json"},
      {AnnotationFormat::kDoccano, "doccano.jsonl"},
      {AnnotationFormat::kSpacy, "spacy.jsonl"},
      {AnnotationFormat::kWebannoTsv, "webanno"},
  };
  for (const auto& [format, name] : kOut) {
    const std::string path = files.dir + "/" + name;
    bench::Check(
        WriteAnnotations(corpus, path, format, tokens, sentences, "").ok(),
        "writing the format");
    files.path[format] = path;
  }
  files.bytes =
      static_cast<int64_t>(fs::file_size(files.path[AnnotationFormat::kIeval]));
  return cache.emplace(documents, std::move(files)).first->second;
}

int64_t ReadMentions(const FormatFiles& files, AnnotationFormat format) {
  std::vector<FormatRepair> repairs;
  std::vector<Status> problems;
  auto corpus = ReadAnnotations(files.path.at(format), format, {}, {}, &repairs,
                                &problems);
  bench::Check(corpus.ok() && problems.empty(), "reading succeeds");
  int64_t mentions = 0;
  for (const AnnotatedDocument& d : corpus->documents)
    mentions += static_cast<int64_t>(d.annotations.mentions.size());
  return mentions;
}

void BM_ReadFormat(benchmark::State& state, AnnotationFormat format) {
  const FormatFiles& files = Files(state.range(0));
  bench::Check(ReadMentions(files, format) == files.mentions,
               "every mention read back");
  bench::RatioTimer ratio(
      [&] { ReadMentions(files, AnnotationFormat::kIeval); });
  for (auto _ : state) ratio.Time([&] { ReadMentions(files, format); });
  ratio.Report(state);
  state.counters["documents"] = static_cast<double>(files.documents);
  state.counters["mentions"] = static_cast<double>(files.mentions);
}

// The 1M-token CoNLL input as conll_bench makes it, and as two files of
// token + tag (gold and predictions) for the span score.
struct ConllPair {
  std::string three_columns;
  std::string gold;
  std::string pred;
  int64_t tokens = 0;
};

const ConllPair& Pair(int64_t tokens) {
  static std::map<int64_t, ConllPair> cache;
  auto it = cache.find(tokens);
  if (it != cache.end()) return it->second;
  auto synthetic = SyntheticCorpus::Create(bench::SharedDir());
  bench::Check(synthetic.ok(), "synthetic corpus vocabulary");
  ConllPair pair;
  AnnotatedDocument gold, pred;
  while ((*synthetic)->tally().tokens < tokens)
    (*synthetic)->Next(&gold, &pred, &pair.three_columns);
  pair.tokens = (*synthetic)->tally().tokens;
  size_t pos = 0;
  const std::string& text = pair.three_columns;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    const std::string_view line(text.data() + pos, eol - pos);
    pos = eol + 1;
    const size_t a = line.find(' ');
    if (a == std::string_view::npos) {
      pair.gold += std::string(line) + "\n";
      pair.pred += std::string(line) + "\n";
      continue;
    }
    const size_t b = line.rfind(' ');
    pair.gold += std::string(line.substr(0, b)) + "\n";
    pair.pred +=
        std::string(line.substr(0, a)) + std::string(line.substr(b)) + "\n";
  }
  return cache.emplace(tokens, std::move(pair)).first->second;
}

int64_t SpanScore(const ConllPair& pair) {
  std::vector<FormatRepair> repairs;
  std::vector<ConllTokens> gold_tokens, pred_tokens;
  auto gold =
      ReadConll(pair.gold, "gold.conll", {}, nullptr, &repairs, &gold_tokens);
  auto pred =
      ReadConll(pair.pred, "pred.conll", {}, nullptr, &repairs, &pred_tokens);
  bench::Check(gold.ok() && pred.ok(), "CoNLL read");
  bench::Check(
      CheckSameTokens(gold_tokens, "gold.conll", pred_tokens, "pred.conll")
          .ok(),
      "same tokens");
  CorpusScores scores;
  ScoreOptions options;
  for (size_t i = 0; i < gold->documents.size(); ++i)
    scores.Add(ScoreDocument(gold->documents[i].document,
                             gold->documents[i].annotations,
                             pred->documents[i].annotations, options));
  return static_cast<int64_t>(gold->documents.size());
}

void Conlleval(const ConllPair& pair) {
  std::FILE* in = fmemopen(const_cast<char*>(pair.three_columns.data()),
                           pair.three_columns.size(), "rb");
  ConllReader reader(in, "bench");
  auto result = ScoreConll(reader, SequenceOptions{});
  bench::Check(result.ok(), "conlleval succeeds");
  benchmark::DoNotOptimize(result->counts);
  std::fclose(in);
}

void BM_ConllSpanScore(benchmark::State& state) {
  const ConllPair& pair = Pair(state.range(0));
  bench::RatioTimer ratio([&] { Conlleval(pair); });
  for (auto _ : state) ratio.Time([&] { SpanScore(pair); });
  ratio.Report(state);
  state.counters["tokens"] = static_cast<double>(pair.tokens);
}

BENCHMARK_CAPTURE(BM_ReadFormat, ieval, AnnotationFormat::kIeval)
    ->Arg(100)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ReadFormat, conll, AnnotationFormat::kConll)
    ->Arg(100)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ReadFormat, brat, AnnotationFormat::kBrat)
    ->Arg(100)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ReadFormat, label_studio, AnnotationFormat::kLabelStudio)
    ->Arg(100)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ReadFormat, doccano, AnnotationFormat::kDoccano)
    ->Arg(100)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ReadFormat, spacy, AnnotationFormat::kSpacy)
    ->Arg(100)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ReadFormat, webanno_tsv, AnnotationFormat::kWebannoTsv)
    ->Arg(100)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ConllSpanScore)
    ->Arg(10000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ieval

BENCHMARK_MAIN();
