// A doccano JSONL export (--format doccano), read and written back.
#include "format_reader.h"
#include "ieval/io/doccano_format.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ieval;
  fuzz::ReadAndWriteBack(
      fuzz::AsText(data, size),
      [](std::string_view content, const FormatReadOptions& options,
         std::vector<FormatRepair>* repairs) {
        return ReadDoccano(content, "f", options, repairs);
      },
      [](const Corpus& corpus) { return WriteDoccano(corpus); });
  return 0;
}
