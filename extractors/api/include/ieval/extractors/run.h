// Calling an extractor the way every command does: run it, then check what
// it returned so that a buggy back end is an extractor failure (exit 3)
// naming it and the document, never a corrupt prediction file.
#ifndef IEVAL_EXTRACTORS_RUN_H_
#define IEVAL_EXTRACTORS_RUN_H_

#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/thread_pool.h"
#include "ieval/core/types.h"
#include "ieval/extractors/extractor.h"

namespace ieval {

// Runs extractor.Extract(doc) and checks the result: every span lies inside
// the text (code points, start < end) and has a type; mention ids are unique
// (empty ones are numbered T1, T2, … after the others); relations have a type
// and name existing mentions (exact duplicates are dropped). Each mention's
// `text` is set from its span. `label` names the extractor in messages (a
// variant name, or the extractor's). Failures are kExtractorFailed with the
// document in Where.
Result<Annotations> RunExtractor(const Extractor& extractor,
                                 const Document& doc, const std::string& label);

// The second entry point (Extractor::ExtractWithUpstream): returns `upstream`
// plus what the extractor added, checked as above, with every mention
// renumbered T1… (upstream's first, in order) and relations remapped; an
// added relation's head/tail names an added mention when one has that id,
// else an upstream one. REQUIRES: `upstream` passed these checks.
Result<Annotations> RunExtractorOver(const Extractor& extractor,
                                     const Document& doc,
                                     const Annotations& upstream,
                                     const std::string& label);

// RunExtractor over every document on the pool's threads.
// Results are in document order. On failures, returns the first failing
// document's error (in document order) and stops handing out new documents.
Result<std::vector<Annotations>> ExtractAll(const Extractor& extractor,
                                            const std::vector<Document>& docs,
                                            const std::string& label,
                                            ThreadPool& pool);

// The documents an extractor is run on, text only, in name order:
// a folder of UTF-8 .txt files (doc_id = file name without .txt), or
// (ReadGoldDocuments) an annotation corpus whose texts alone are kept.
// Errors are kIoError/kInvalidInput naming the file (and byte offset of
// invalid UTF-8); an empty folder is an error too.
Result<std::vector<Document>> ReadTextDocuments(const std::string& folder);
Result<std::vector<Document>> ReadGoldDocuments(const std::string& path);

// The checks alone, on annotations from any source (the ensemble checks its
// members' output with them).
Status CheckExtractorOutput(const Document& doc, const std::string& label,
                            Annotations& annotations);

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_RUN_H_
