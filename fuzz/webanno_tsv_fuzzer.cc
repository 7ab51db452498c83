// A WebAnno TSV 3 file (INCEpTION) (--format webanno-tsv), read and written
// back.
#include "format_reader.h"
#include "ieval/io/webanno_tsv_format.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ieval;
  fuzz::ReadAndWriteBack(
      fuzz::AsText(data, size),
      [](std::string_view content, const FormatReadOptions& options,
         std::vector<FormatRepair>* repairs) {
        return ReadWebannoTsv(content, "f", options, repairs);
      },
      [](const Corpus& corpus) { return WriteWebannoTsv(corpus); });
  return 0;
}
