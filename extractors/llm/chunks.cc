#include "ieval/extractors/llm/chunks.h"

#include <memory>

#include "ieval/core/offset_index.h"
#include "ieval/text/segmenter.h"

namespace ieval::llm {

std::vector<Chunk> ChunkText(std::string_view utf8, int64_t chunk_chars) {
  const OffsetIndex index(utf8);
  const int64_t n = index.codepoints();
  std::vector<int64_t> cuts = {0};  // chunk starts
  if (chunk_chars > 0 && n > chunk_chars) {
    // ICU iterators keep state: one segmenter per thread.
    thread_local std::unique_ptr<Segmenter> segmenter;
    if (!segmenter) {
      auto created = Segmenter::Create("fr");
      if (created.ok()) segmenter = std::move(*created);
    }
    std::vector<int64_t> starts = {0};
    if (segmenter) starts = SentenceStarts(*segmenter, utf8);
    for (size_t i = 1; i < starts.size(); ++i) {
      // Cut before sentence i when the chunk would grow past the limit.
      const int64_t next_end = i + 1 < starts.size() ? starts[i + 1] : n;
      if (next_end - cuts.back() > chunk_chars) cuts.push_back(starts[i]);
    }
  }
  std::vector<Chunk> chunks;
  for (size_t i = 0; i < cuts.size(); ++i) {
    Chunk c;
    c.start = cuts[i];
    c.end = i + 1 < cuts.size() ? cuts[i + 1] : n;
    const int64_t b = index.CodepointToByte(c.start);
    c.text = std::string(
        utf8.substr(static_cast<size_t>(b),
                    static_cast<size_t>(index.CodepointToByte(c.end) - b)));
    chunks.push_back(std::move(c));
  }
  return chunks;
}

}  // namespace ieval::llm
