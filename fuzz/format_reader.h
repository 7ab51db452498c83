// The annotation formats read whole from memory (label-studio, doccano,
// spacy, webanno-tsv, conll: formats.h): each is read with the default
// options and with unknown keys allowed, and what it reads is written back
// in the same format. Every mention read is a span of its document's text.
#ifndef IEVAL_FUZZ_FORMAT_READER_H_
#define IEVAL_FUZZ_FORMAT_READER_H_

#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "ieval/core/offset_index.h"
#include "ieval/io/format_options.h"

namespace ieval::fuzz {

// `read(content, options, repairs)` gives a Result<Corpus>; `write(corpus)`
// writes it.
template <typename Read, typename Write>
void ReadAndWriteBack(std::string_view content, Read read, Write write) {
  for (bool lenient : {false, true}) {
    FormatReadOptions options;
    options.ignore_unknown_keys = lenient;
    std::vector<FormatRepair> repairs;
    auto corpus = read(content, options, &repairs);
    if (!corpus.ok()) continue;
    for (const AnnotatedDocument& doc : corpus->documents) {
      const int64_t length = CountCodepoints(doc.document.text);
      for (const Mention& m : doc.annotations.mentions)
        Require(0 <= m.start && m.start <= m.end && m.end <= length,
                "a mention read is a span of its document's text");
    }
    (void)write(*corpus);
  }
}

}  // namespace ieval::fuzz

#endif  // IEVAL_FUZZ_FORMAT_READER_H_
