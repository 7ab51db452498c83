// `ieval conlleval`'s input: conlleval.pl's chunking of any column file, in
// its tagged and raw (-r) modes, and the report it prints (plain and -l).
#include "fuzz_support.h"
#include "ieval/sequence/conll_reader.h"
#include "ieval/sequence/conlleval.h"
#include "ieval/sequence/sequence_score.h"
#include "memory_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ieval;
  for (bool raw : {false, true}) {
    fuzz::MemoryFile file(fuzz::AsText(data, size));
    if (!file.get()) return 0;
    ConllReader reader(file.get(), "<stdin>");
    SequenceOptions options;
    options.conlleval = ConllevalOptions{raw, raw ? "OUT" : "O"};
    auto result = ScoreConll(reader, options);
    if (!result.ok()) continue;
    const SequenceCounts& counts = result->counts;
    fuzz::Require(counts.correct_tags <= counts.tokens,
                  "no more correct tags than tokens");
    for (const auto& [type, c] : counts.per_type)
      fuzz::Require(c.correct >= 0 && c.gold >= 0 && c.predicted >= 0,
                    "chunk counts are not negative");
    (void)FormatConllevalReport(counts, false);
    (void)FormatConllevalReport(counts, true);
  }
  return 0;
}
