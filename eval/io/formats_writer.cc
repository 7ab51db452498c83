// WriteAnnotations (formats.h).
#include <filesystem>

#include "ieval/io/atomic_file.h"
#include "ieval/io/brat_format.h"
#include "ieval/io/doccano_format.h"
#include "ieval/io/formats.h"
#include "ieval/io/label_studio_format.h"
#include "ieval/io/spacy_format.h"
#include "ieval/io/webanno_tsv_format.h"

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
    case AnnotationFormat::kWebannoTsv: {
      // One document per file: PATH.tsv for one, else a folder of
      // <doc_id>.tsv.
      if (corpus.documents.size() == 1 && path.ends_with(".tsv"))
        return WriteFileAtomically(path, WriteWebannoTsv(corpus));
      std::error_code ec;
      std::filesystem::create_directories(path, ec);
      if (ec)
        return Status::IoError("cannot create the folder: " + ec.message(),
                               Where{path, 0, "", ""});
      for (const AnnotatedDocument& doc : corpus.documents) {
        const std::string& id = doc.document.doc_id;
        if (id.empty() || id.find_first_of("/\\") != std::string::npos)
          return Status::InvalidInput(
              "this doc_id cannot name a file",
              Where{doc.source_file, doc.source_line, id, ""});
        if (Status s = WriteFileAtomically(
                (std::filesystem::path(path) / (id + ".tsv")).string(),
                WriteWebannoTsvDocument(doc));
            !s.ok())
          return s;
      }
      return Status::Ok();
    }
    default:
      return Status::Unavailable(std::string("writing the ") +
                                 AnnotationFormatName(format) +
                                 " format is not available in this build");
  }
}

}  // namespace ieval
