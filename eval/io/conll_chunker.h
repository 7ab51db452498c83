// Entities of a tag sequence under one scheme, read leniently as
// conlleval.pl reads them, with every departure from the scheme counted as a
// repair (conll_format.h).
#ifndef IEVAL_IO_CONLL_CHUNKER_H_
#define IEVAL_IO_CONLL_CHUNKER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/io/format_options.h"
#include "ieval/sequence/seqeval.h"

namespace ieval {

// One entity as token indices [begin, end) of a document.
struct ConllChunk {
  int64_t begin = 0;
  int64_t end = 0;
  std::string_view type;
};

class ConllChunker {
 public:
  ConllChunker(Scheme scheme, const std::string& file,
               std::vector<FormatRepair>* repairs)
      : scheme_(scheme), file_(file), repairs_(repairs) {}

  // Whether `prefix` (B, I, E, S, L, U) belongs to the scheme.
  static bool Allows(Scheme scheme, char prefix);

  // Token `index` tagged `prefix`-`type` ('O': outside), on `line`.
  void Add(char prefix, std::string_view type, int64_t index, int64_t line);
  // A sentence or document ends: an open entity ends too.
  void End(int64_t line) { Close(false, line); }

  std::vector<ConllChunk>& chunks() { return chunks_; }

 private:
  void Start(std::string_view type, int64_t index);
  // Ends the open entity, if any; `marked` when its tag said so (E-, S-).
  void Close(bool marked, int64_t line);
  void Repair(const char* what, int64_t line);

  Scheme scheme_;
  const std::string& file_;
  std::vector<FormatRepair>* repairs_;
  bool open_ = false;
  ConllChunk current_;
  std::vector<ConllChunk> chunks_;
};

}  // namespace ieval

#endif  // IEVAL_IO_CONLL_CHUNKER_H_
