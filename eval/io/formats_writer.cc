// WriteAnnotations (formats.h).
#include "ieval/io/atomic_file.h"
#include "ieval/io/brat_format.h"
#include "ieval/io/doccano_format.h"
#include "ieval/io/formats.h"
#include "ieval/io/label_studio_format.h"
#include "ieval/io/spacy_format.h"

namespace ieval {

Status WriteAnnotations(const Corpus& corpus, const std::string& path,
                        AnnotationFormat format,
                        const std::vector<std::vector<TokenSpan>>& tokens,
                        const std::vector<std::vector<int64_t>>& sentences,
                        const std::string& scheme) {
  switch (format) {
    case AnnotationFormat::kIeval:
      return WriteCorpus(corpus, path, /*include_text=*/true);
    case AnnotationFormat::kBrat:
      return WriteBrat(corpus, path);
    case AnnotationFormat::kConll: {
      auto text = WriteConll(corpus, tokens, sentences, scheme);
      if (!text.ok()) return text.status();
      return WriteFileAtomically(path, *text);
    }
    case AnnotationFormat::kLabelStudio:
      return WriteFileAtomically(path, WriteLabelStudio(corpus));
    case AnnotationFormat::kDoccano:
      return WriteFileAtomically(path, WriteDoccano(corpus));
    case AnnotationFormat::kSpacy:
      return WriteFileAtomically(path, WriteSpacy(corpus));
    default:
      return Status::Unavailable(std::string("writing the ") +
                                 AnnotationFormatName(format) +
                                 " format is not available in this build");
  }
}

}  // namespace ieval
