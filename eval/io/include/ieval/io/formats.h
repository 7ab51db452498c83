// The format registry: every command reads annotations through it, so each
// format (format_options.h) is read the same way everywhere.
//
// `auto` is resolved from the path and, when the name says too little, the
// content: a folder of .ann files is brat; .conll/.bio/.iob (or lines of a
// token and an O / X-TYPE tag) conll; a .tsv starting "#FORMAT=WebAnno TSV
// 3" webanno-tsv; JSON whose first record has `annotations` and `data` is
// label-studio, `labels` or `entities` of `start_offset`s doccano, `spans`
// or `ents` spacy, `doc_id` with `entities` of `start`s ieval. When nothing
// decides — or a folder mixes formats — it is an error saying what was
// seen and naming the option that says the format: never a guess that
// reads zero annotations.
//
// ieval's own JSON/JSONL keeps its streaming reader (corpus_reader.h); the
// other formats are read whole and served through the same CorpusReader.
#ifndef IEVAL_IO_FORMATS_H_
#define IEVAL_IO_FORMATS_H_

#include <memory>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/types.h"
#include "ieval/io/conll_format.h"
#include "ieval/io/corpus_reader.h"
#include "ieval/io/format_options.h"

namespace ieval {

// `format` itself unless it is kAuto. `option` names the command-line
// option that sets the format, for the error ("--gold-format").
Result<AnnotationFormat> ResolveFormat(const std::string& path,
                                       AnnotationFormat format,
                                       const std::string& option);

// What reading needs beyond the options.
struct FormatContext {
  // conll: texts of documents known from elsewhere (the gold's, when
  // predictions are read against it), used when --text is not given.
  const DocumentTexts* texts = nullptr;
  // conll: receives each document's token column (CheckSameTokens).
  std::vector<ConllTokens>* conll_tokens = nullptr;
};

// Reads a whole corpus in `format` (resolved already). Problems of single
// ieval JSON documents go to `problems` (the document is skipped, as
// ReadCorpus does); the other readers stop at their first error, returned.
Result<Corpus> ReadAnnotations(const std::string& path, AnnotationFormat format,
                               const FormatReadOptions& options,
                               const FormatContext& context,
                               std::vector<FormatRepair>* repairs,
                               std::vector<Status>* problems);

// A reader over the corpus: ieval's JSON streams from the files; the other
// formats are read whole first (their errors returned here).
Result<std::unique_ptr<CorpusReader>> OpenAnnotations(
    const std::string& path, AnnotationFormat format,
    const FormatReadOptions& options, const FormatContext& context,
    std::vector<FormatRepair>* repairs);

// The repairs for people, one line each:
//   "<path> (conll): IOB2: an I- tag opening an entity, read as B- ×3
//    (first at pred.conll:12)". Empty when there is none.
std::string DescribeRepairs(const std::string& path, AnnotationFormat format,
                            const std::vector<FormatRepair>& repairs);

// Writes `corpus` to `path` in `format` (conll: see WriteConll, the caller
// tokenises; `scheme` for conll only). Files are written atomically.
Status WriteAnnotations(const Corpus& corpus, const std::string& path,
                        AnnotationFormat format,
                        const std::vector<std::vector<TokenSpan>>& tokens,
                        const std::vector<std::vector<int64_t>>& sentences,
                        const std::string& scheme);

}  // namespace ieval

#endif  // IEVAL_IO_FORMATS_H_
