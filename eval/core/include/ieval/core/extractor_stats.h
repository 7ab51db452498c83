// What an extractor counts of its own work besides its output: an LLM back
// end's requests, tokens, latency, cost and malformed answers. Reports write
// it per variant (report.json: a block named `kind`; report.md: a table) so
// that runs of paid or slow back ends can be compared on what they cost.
// Back ends without counters leave it empty and nothing is written.
#ifndef IEVAL_CORE_EXTRACTOR_STATS_H_
#define IEVAL_CORE_EXTRACTOR_STATS_H_

#include <string>
#include <utility>
#include <vector>

namespace ieval {

using Counters = std::vector<std::pair<std::string, double>>;

struct ExtractorStats {
  // The report.json key of the block ("llm"); empty: nothing to report.
  std::string kind;
  // Corpus totals, in the order they are shown ("requests", "tokens_in", …).
  Counters totals;
  struct Document {
    std::string doc_id;
    Counters counters;
    // What went wrong with this document's answers (a response that is not
    // JSON, a string not in the text), one line each.
    std::vector<std::string> problems;
  };
  // Documents by doc_id.
  std::vector<Document> documents;

  bool empty() const { return kind.empty(); }
};

}  // namespace ieval

#endif  // IEVAL_CORE_EXTRACTOR_STATS_H_
