// An IOB column file (`--format iob` corpora) in each tag scheme and both
// column separators, and the annotation documents made from it: every
// entity is a span of the detokenised text whose text is that span.
#include <string>

#include "fuzz_support.h"
#include "ieval/core/offset_index.h"
#include "ieval/io/iob_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ieval;
  const std::string_view text = fuzz::AsText(data, size);
  for (TagScheme scheme :
       {TagScheme::kIob1, TagScheme::kIob2, TagScheme::kIobes}) {
    for (char delimiter : {'\0', '\t'}) {
      IobReadOptions options;
      options.delimiter = delimiter;
      options.sentences_per_document = delimiter == '\t' ? 2 : 0;
      auto docs = ParseIob(text, "f.iob", scheme, options);
      if (!docs.ok()) continue;
      for (const TaggedDocument& tagged : *docs) {
        const AnnotatedDocument doc = TaggedToAnnotated(tagged, scheme);
        const int64_t length = CountCodepoints(doc.document.text);
        for (const Mention& m : doc.annotations.mentions)
          fuzz::Require(0 <= m.start && m.start <= m.end && m.end <= length,
                        "an IOB entity is a span of its document's text");
      }
    }
  }
  return 0;
}
