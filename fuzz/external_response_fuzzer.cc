// The external extractor's response parser: one line an extractor printed
// for a document. The input is the document's text, a NUL byte, then the
// response line (without a NUL, the response to an empty text). Whatever it
// answers, a mention accepted is a span of the text whose text, when given,
// is that span.
#include <string>

#include "fuzz_support.h"
#include "ieval/core/offset_index.h"
#include "ieval/extractors/external/external_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ieval;
  const std::string_view input = fuzz::AsText(data, size);
  const size_t nul = input.find('\0');
  Document doc;
  doc.doc_id = "d1";
  if (nul != std::string_view::npos) doc.text = input.substr(0, nul);
  // The gold's text is valid UTF-8: the readers refuse any other.
  if (FindInvalidUtf8(doc.text)) return 0;
  const std::string line(nul == std::string_view::npos ? input
                                                       : input.substr(nul + 1));
  const OffsetIndex index(doc.text);
  for (OffsetUnit unit :
       {OffsetUnit::kCodepoint, OffsetUnit::kByte, OffsetUnit::kUtf16}) {
    auto annotations = ParseExternalResponse(doc, line, unit);
    if (!annotations.ok()) continue;
    for (const Mention& m : annotations->mentions) {
      fuzz::Require(
          0 <= m.start && m.start <= m.end && m.end <= index.codepoints(),
          "an accepted mention is a span of the text");
      if (m.text)
        fuzz::Require(*m.text == index.Slice(doc.text, m.start, m.end),
                      "an accepted mention's text is its span");
    }
  }
  return 0;
}
