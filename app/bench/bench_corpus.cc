#include "bench_corpus.h"

#include <string_view>

#include "ieval/run/timing.h"

namespace ieval::bench_internal {

std::vector<Document> Lengthen(const std::vector<Document>& docs, int factor) {
  if (factor <= 1) return docs;
  std::vector<Document> out;
  const size_t n = docs.size();
  for (size_t i = 0; i < n; ++i) {
    Document d;
    d.doc_id = docs[i].doc_id + "x" + std::to_string(factor);
    for (int k = 0; k < factor; ++k) {
      if (k > 0) d.text += "\n\n";
      d.text += docs[(i + static_cast<size_t>(k)) % n].text;
    }
    out.push_back(std::move(d));
  }
  return out;
}

Result<BenchCorpus> MakeBenchCorpus(const std::vector<Document>& docs,
                                    int factor, ThreadPool& pool) {
  BenchCorpus corpus;
  corpus.factor = factor;
  corpus.documents = Lengthen(docs, factor);
  std::vector<std::string_view> texts;
  for (const Document& d : corpus.documents) {
    texts.push_back(d.text);
    corpus.bytes.push_back(static_cast<int64_t>(d.text.size()));
    corpus.total_bytes += corpus.bytes.back();
  }
  auto tokens = CountTokens(texts, pool);
  if (!tokens.ok()) return tokens.status();
  corpus.tokens = std::move(*tokens);
  for (int64_t t : corpus.tokens) corpus.total_tokens += t;
  return corpus;
}

}  // namespace ieval::bench_internal
