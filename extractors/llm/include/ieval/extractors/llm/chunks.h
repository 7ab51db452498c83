// Long documents are sent to a model in pieces: chunks of at most
// `chunk_chars` code points that end on sentence boundaries (eval/text's
// ICU sentence segmentation), so no name is cut in two. What the model
// returns for a chunk is grounded in that chunk, and the chunk's start is
// added to the offsets.
#ifndef IEVAL_EXTRACTORS_LLM_CHUNKS_H_
#define IEVAL_EXTRACTORS_LLM_CHUNKS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ieval::llm {

struct Chunk {
  int64_t start = 0;  // code points of the document
  int64_t end = 0;
  std::string text;  // the document's code points [start, end)
};

// Consecutive chunks covering all of `utf8` (valid UTF-8): whole sentences
// as long as they fit in `chunk_chars` code points; a sentence longer than
// that is a chunk of its own. `chunk_chars` 0: one chunk. An empty text
// gives one empty chunk.
std::vector<Chunk> ChunkText(std::string_view utf8, int64_t chunk_chars);

}  // namespace ieval::llm

#endif  // IEVAL_EXTRACTORS_LLM_CHUNKS_H_
