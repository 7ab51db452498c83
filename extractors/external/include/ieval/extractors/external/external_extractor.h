// `external`: any program that speaks ieval's JSON Lines protocol on
// stdin/stdout (README.md, "The external protocol") is an extractor — Python,
// Node or shell, without bindings. One request line {"doc_id", "text"} in,
// one response line {"doc_id", "entities", "relations"} out, per document,
// to a child started once and kept for the whole extraction.
//
// A child that crashes, exceeds the per-document timeout (it is killed), or
// answers with anything but a valid response (bad JSON, another doc_id,
// spans outside the text or inside a character) is an extractor failure
// naming the extractor and the document: exit 3, never a hang.
#ifndef IEVAL_EXTRACTORS_EXTERNAL_EXTERNAL_EXTRACTOR_H_
#define IEVAL_EXTRACTORS_EXTERNAL_EXTERNAL_EXTRACTOR_H_

#include <string>

#include "ieval/core/status.h"
#include "ieval/core/types.h"
#include "ieval/extractors/registry.h"

namespace ieval {

// The registration (name "external", options, factory) for builtin.cc.
ExtractorInfo ExternalExtractorInfo();

// One response line of the protocol to `doc`, read as the extractor reads
// it: its mentions and relations with code-point offsets. `unit` is the
// variant's offset_unit, for a response that names none. Anything but a
// valid answer for `doc` is kExtractorFailed saying what is wrong (the
// caller adds the command and the document). Public for the fuzz target.
Result<Annotations> ParseExternalResponse(const Document& doc,
                                          const std::string& line,
                                          OffsetUnit unit);

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_EXTERNAL_EXTERNAL_EXTRACTOR_H_
