// The documents one benchmark runs over, with what its rates count: each
// document's UTF-8 bytes and ICU tokens (words and punctuation, the tokens
// of tokens/s). For a scaling curve (`ieval bench --sizes 1,10,100`) the
// documents are made `factor` times as long by concatenating the corpus's
// own texts, so longer documents read like the real ones (no text repeats
// within a document while the corpus has more documents than `factor`).
#ifndef IEVAL_APP_BENCH_BENCH_CORPUS_H_
#define IEVAL_APP_BENCH_BENCH_CORPUS_H_

#include <cstdint>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/thread_pool.h"
#include "ieval/core/types.h"

namespace ieval::bench_internal {

struct BenchCorpus {
  int factor = 1;
  std::vector<Document> documents;
  std::vector<int64_t> bytes;   // per document
  std::vector<int64_t> tokens;  // per document
  int64_t total_bytes = 0;
  int64_t total_tokens = 0;
  // The mean document length in bytes: the N of the fitted complexity.
  int64_t MeanBytes() const {
    return documents.empty()
               ? 0
               : total_bytes / static_cast<int64_t>(documents.size());
  }
};

// Document i at `factor` times the length: the texts of documents i, i+1,
// … (cyclically), `factor` of them, joined by a blank line. Its doc_id is
// the original's, with "x<factor>" appended when factor > 1.
// REQUIRES: factor >= 1.
std::vector<Document> Lengthen(const std::vector<Document>& docs, int factor);

// Lengthen(docs, factor) with bytes and tokens counted (on the pool's
// threads). kInternal when ICU cannot segment.
Result<BenchCorpus> MakeBenchCorpus(const std::vector<Document>& docs,
                                    int factor, ThreadPool& pool);

}  // namespace ieval::bench_internal

#endif  // IEVAL_APP_BENCH_BENCH_CORPUS_H_
