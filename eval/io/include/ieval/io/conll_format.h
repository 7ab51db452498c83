// CoNLL token columns as an annotation format: one token a line, the token
// in the first column and its tag in the last (or --tag-column N), blank
// lines between sentences, `-DOCSTART-` lines between documents (a
// `-DOCSTART- ID O` line names the document ID; otherwise documents are
// <file stem>-0000, -0001 …, or the file stem when there is one). Tags
// follow a scheme (IOB1, IOB2, IOE1, IOE2, IOBES, BILOU) and are read
// leniently as conlleval.pl does, every repair counted: an I- opening an
// entity under IOB2 is read as B-, an entity left open under IOE2/IOBES ends
// where its tags do.
//
// Spans become character offsets by aligning the tokens to the document's
// text: DIR/<doc_id>.txt (--text DIR), a text given by the caller (the
// gold's, when predictions are read against it), else the tokens joined by
// single spaces, one sentence a line (a repair note says so). CoNLL-U:
// a ten-column line numbered in its first column has its token in the
// second (multiword ranges and empty nodes are skipped); `# newdoc id = X`
// at a sentence start starts document X, and the `# text = …` lines, when
// every sentence has one, are the text the tokens align to. A token that
// is not the next non-space stretch of the text is an error naming the
// file, line, token and the text around it.
#ifndef IEVAL_IO_CONLL_FORMAT_H_
#define IEVAL_IO_CONLL_FORMAT_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/types.h"
#include "ieval/io/format_options.h"

namespace ieval {

// The token column of one document, to check that predictions list the
// gold's tokens (CheckSameTokens).
struct ConllTokens {
  std::string doc_id;
  std::string tokens;          // each followed by '\n' (tokens hold none)
  std::vector<int64_t> lines;  // 1-based, one per token
};

// Texts known from elsewhere, by doc_id.
using DocumentTexts = std::map<std::string, std::string, std::less<>>;

// Reads a CoNLL file held in `content` (`file` names it in messages).
// `texts` (may be null) gives a document's text when --text is not set.
// When `tokens` is not null it receives each document's token column.
Result<Corpus> ReadConll(std::string_view content, const std::string& file,
                         const FormatReadOptions& options,
                         const DocumentTexts* texts,
                         std::vector<FormatRepair>* repairs,
                         std::vector<ConllTokens>* tokens = nullptr);

// kInvalidInput naming the first line where the predictions' tokens (or
// number of documents, or sentence breaks) differ from the gold's: both
// must list the same tokens, line by line. Documents pair by position (the
// caller gives the predictions the gold's ids), so two files without
// -DOCSTART- names, named after different files, still pair.
Status CheckSameTokens(const std::vector<ConllTokens>& gold,
                       const std::string& gold_file,
                       const std::vector<ConllTokens>& pred,
                       const std::string& pred_file);

// One token of a document to write, in code points of its text.
struct TokenSpan {
  int64_t start = 0;
  int64_t end = 0;
};

// Writes `corpus` as 2-column CoNLL (token, tag) in `scheme` (IOB2 when
// empty): `-DOCSTART- <doc_id> O` before each document, a blank line
// between sentences. `tokens[i]` are document i's tokens and
// `sentence_starts[i]` the code points where its sentences start; a token
// crossing a mention boundary is cut there. Mentions that overlap cannot be
// tagged: kInvalidInput naming both.
Result<std::string> WriteConll(
    const Corpus& corpus, const std::vector<std::vector<TokenSpan>>& tokens,
    const std::vector<std::vector<int64_t>>& sentence_starts,
    const std::string& scheme);

}  // namespace ieval

#endif  // IEVAL_IO_CONLL_FORMAT_H_
