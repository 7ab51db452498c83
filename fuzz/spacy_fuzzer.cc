// spaCy / Prodigy JSONL (--format spacy), read and written back.
#include "format_reader.h"
#include "ieval/io/spacy_format.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ieval;
  fuzz::ReadAndWriteBack(
      fuzz::AsText(data, size),
      [](std::string_view content, const FormatReadOptions& options,
         std::vector<FormatRepair>* repairs) {
        return ReadSpacy(content, "f", options, repairs);
      },
      [](const Corpus& corpus) { return WriteSpacy(corpus); });
  return 0;
}
