// WebAnno TSV 3.x, as WebAnno and INCEpTION export one document:
//   #FORMAT=WebAnno TSV 3.3
//   #T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value
//
//
//   #Text=Kim Jong Un est arrivé.
//   1-1	0-3	Kim	*[1]	PER[1]
//   1-2	4-8	Jong	*[1]	PER[1]
//   …
// The named-entity layer is read: each annotation's `value` is the mention
// type, its `identifier` the mention's entity; multi-token annotations carry
// a disambiguation id (`PER[1]`), stacked ones are separated by `|`, `_`
// marks an empty column and `*` an empty feature. eval/io/README.md
// ("WebAnno TSV") states every rule.
//
// Offsets count UTF-16 units, the length of a Java string; they are
// converted to code points. The text is rebuilt as INCEpTION rebuilds it:
// each sentence's #Text= lines (unescaped, joined by line breaks), then a
// line break, then spaces up to the next sentence's first token (the file
// does not say which characters lay between sentences). Unlike INCEpTION,
// the line break after the last sentence is not added, since the file does
// not state one. Every token is checked against the rebuilt text.
#ifndef IEVAL_IO_WEBANNO_TSV_FORMAT_H_
#define IEVAL_IO_WEBANNO_TSV_FORMAT_H_

#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/types.h"
#include "ieval/io/format_options.h"

namespace ieval {

// Reads one document's file (`content`, the bytes of `file`); the document id
// is the file's stem ("doc1.tsv" -> "doc1"). Mention ids are T1, T2… in the
// order their first token comes. A file without a named-entity layer is an
// error naming the layers it has. The first relation layer between named
// entities is read (a relation on its dependent's first token, the BT_
// column naming the governor's: head = governor, tail = dependent, type =
// the first feature); chain layers are not read. options: only
// ignore_unknown_keys is meaningful (the format has no keys).
Result<Corpus> ReadWebannoTsv(std::string_view content, const std::string& file,
                              const FormatReadOptions& options,
                              std::vector<FormatRepair>* repairs);

// One document as a WebAnno TSV 3.3 file that INCEpTION imports and
// ReadWebannoTsv reads back to the same text, spans, types and entities
// (mention ids T1, T2…). Tokens are the text's runs of non-white-space, also
// cut at every mention boundary; a sentence ends at a line break followed by
// the next token or by spaces only, so the rebuilt text is the text itself
// (white space before the first token other than spaces is rebuilt as
// spaces). Relations are written as a webanno.custom.Relation layer (its
// `label` the type); `value` is not written. REQUIRES: the document has
// its text.
std::string WriteWebannoTsvDocument(const AnnotatedDocument& doc);

// The format holds one document per file: the corpus's one document
// (WriteWebannoTsvDocument), the header alone for an empty corpus.
// REQUIRES: at most one document (a folder of files is written one
// WriteWebannoTsvDocument per document, named <doc_id>.tsv).
std::string WriteWebannoTsv(const Corpus& corpus);

}  // namespace ieval

#endif  // IEVAL_IO_WEBANNO_TSV_FORMAT_H_
