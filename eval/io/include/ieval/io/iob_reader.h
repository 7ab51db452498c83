// Token-per-line column files — CoNLL-2003, conlleval's input, the Europeana
// Newspapers `.bio` files — read into sentences of (token, tag), their tag
// sequences turned into spans under IOB1, IOB2 or IOBES/BILOU, and the whole
// turned into annotation documents (a detokenised text with code-point
// mentions), so scorers and the tagger trainer see one format whatever the
// corpus came in.
//
// Files without blank lines (Europeana has none) are cut into sentences after
// sentence-final punctuation, never inside an entity; files without
// -DOCSTART- lines can be grouped into documents of N sentences.
#ifndef IEVAL_IO_IOB_READER_H_
#define IEVAL_IO_IOB_READER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/types.h"

namespace ieval {

// kIob1: CoNLL-2003 (I- everywhere, B- only between two adjacent entities of
// one type). kIob2: B- opens every entity ("BIO"). kIobes: S-/B-/I-/E-, read
// with BILOU's U- and L- as synonyms of S- and E-.
enum class TagScheme { kIob1, kIob2, kIobes };

// "IOB1"; "IOB2" or "BIO"; "IOBES", "BIOES" or "BILOU" (case-insensitive).
std::optional<TagScheme> ParseTagScheme(std::string_view name);

struct TaggedSentence {
  std::vector<std::string> tokens;
  std::vector<std::string> tags;  // parallel to tokens
  int64_t first_line = 0;         // 1-based line of the first token
};

struct TaggedDocument {
  std::string doc_id;
  std::vector<TaggedSentence> sentences;
};

struct IobReadOptions {
  // Column separator: 0 = any run of spaces and tabs (conlleval's default).
  char delimiter = 0;
  // The token is the first column and the tag the last one.
  // Cut sentences longer than this after sentence-final punctuation ('.',
  // '!', '?' tagged O, not after a one-letter or title abbreviation such as
  // "M ." and not before a lower-case word), and anything still longer at
  // the first O-O boundary past the limit. 0 = keep blank-line sentences as
  // they are. Europeana needs it: the file is one 205,916-token "sentence".
  int max_sentence_tokens = 0;
  // Group sentences into documents of this many when the file has no
  // -DOCSTART- lines (0 = the whole file is one document). Document ids are
  // <file stem>-<index, 4 digits from 0000>.
  int sentences_per_document = 0;
};

// Reads a column file. Tags must be O or <prefix>-<TYPE> with a prefix the
// scheme allows; anything else is kInvalidInput naming file and line.
// -DOCSTART- lines (first column) start a new document and are dropped.
Result<std::vector<TaggedDocument>> ReadIobFile(const std::string& path,
                                                TagScheme scheme,
                                                const IobReadOptions& options);
// The same from memory; `file` names the source in messages.
Result<std::vector<TaggedDocument>> ParseIob(std::string_view content,
                                             const std::string& file,
                                             TagScheme scheme,
                                             const IobReadOptions& options);

// One entity as token indices [begin, end).
struct TokenChunk {
  int64_t begin = 0;
  int64_t end = 0;
  std::string type;
  friend bool operator==(const TokenChunk&, const TokenChunk&) = default;
};

// The entities of one tag sequence. Lenient as conlleval.pl is: an I- (or
// E-) tag that cannot continue the current entity starts a new one, so
// IOB2 input with a stray I- still reads. Tags that are not of the form
// O / X-TYPE are treated as O (ReadIobFile rejects them before this).
std::vector<TokenChunk> ChunkTags(const std::vector<std::string>& tags,
                                  TagScheme scheme);

// Joins tokens into running French text: one space between tokens, none
// before , . ) ] … or after ( [ and elided words (l' d' qu' jusqu’ …).
// `starts` receives each token's first code point.
std::string Detokenize(const std::vector<std::string>& tokens,
                       std::vector<int64_t>* starts);

// A tagged document as an annotation document: sentences detokenised one
// per line (joined by '\n'), entities as mentions T1, T2… with code-point
// offsets and their text.
AnnotatedDocument TaggedToAnnotated(const TaggedDocument& doc,
                                    TagScheme scheme);

}  // namespace ieval

#endif  // IEVAL_IO_IOB_READER_H_
