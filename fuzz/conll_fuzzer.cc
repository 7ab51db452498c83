// A CoNLL column file through ConllReader and `ieval score --conll`'s three
// scorers, split on one space (the default) and on tabs. Property: Scan()
// (the fast path every scorer uses) sees the lines and the error Next()
// sees.
#include <cstdio>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "ieval/sequence/conll_reader.h"
#include "ieval/sequence/conll_scan.h"
#include "ieval/sequence/sequence_score.h"
#include "memory_file.h"

namespace ieval {
namespace {

struct Lines {
  std::vector<std::string> seen;  // "B" for a boundary, else gold|pred
  void Boundary() { seen.push_back("B"); }
  void Token(std::string_view gold, std::string_view pred, int64_t number,
             bool docstart) {
    seen.push_back(std::string(gold) + "|" + std::string(pred) + "|" +
                   std::to_string(number) + (docstart ? "D" : ""));
  }
};

void CheckScanMatchesNext(std::string_view text, const std::string& delim) {
  fuzz::MemoryFile a(text), b(text);
  if (!a.get() || !b.get()) return;
  ConllReader next(a.get(), "f.conll", *FieldSplitter::Parse(delim));
  ConllReader scan(b.get(), "f.conll", *FieldSplitter::Parse(delim));
  Lines by_next;
  ConllLine line;
  while (next.Next(&line)) {
    if (line.boundary()) {
      by_next.Boundary();
    } else {
      by_next.Token(line.gold(), line.pred(), line.number, line.docstart());
    }
  }
  Lines by_scan;
  scan.Scan(by_scan);
  fuzz::Require(next.error() == scan.error(),
                "Scan and Next stop on the same error");
  fuzz::Require(next.status().ToString() == scan.status().ToString(),
                "Scan and Next give the same message");
  fuzz::Require(by_next.seen == by_scan.seen,
                "Scan and Next see the same lines");
}

void Score(std::string_view text, const std::string& delim,
           const SequenceOptions& options) {
  fuzz::MemoryFile f(text);
  if (!f.get()) return;
  ConllReader reader(f.get(), "f.conll", *FieldSplitter::Parse(delim));
  auto result = ScoreConll(reader, options);
  if (!result.ok()) return;
  (void)FormatSequenceTable("f.conll", options, *result);
  (void)FormatSequenceJson("f.conll", options, *result);
}

}  // namespace
}  // namespace ieval

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ieval;
  const std::string_view text = fuzz::AsText(data, size);
  for (const std::string delim : {" ", "\\t", "\\s+"}) {
    CheckScanMatchesNext(text, delim);
    SequenceOptions options;
    Score(text, delim, options);
    options.mode = SequenceMode::kSeqeval;
    Score(text, delim, options);
    options.mode = SequenceMode::kStrict;
    for (Scheme scheme : {Scheme::kIOB2, Scheme::kIOBES, Scheme::kBILOU}) {
      options.scheme = scheme;
      Score(text, delim, options);
    }
  }
  return 0;
}
