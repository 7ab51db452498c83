// A CoNLL file read as annotations (--format conll: tokens aligned to a
// text made of them), in each scheme and with the tag in the second column.
#include "format_reader.h"
#include "ieval/io/conll_format.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ieval;
  for (const char* scheme : {"", "IOB1", "IOBES", "BILOU"}) {
    for (int tag_column : {0, 2}) {
      fuzz::ReadAndWriteBack(
          fuzz::AsText(data, size),
          [&](std::string_view content, FormatReadOptions options,
              std::vector<FormatRepair>* repairs) {
            options.scheme = scheme;
            options.tag_column = tag_column;
            std::vector<ConllTokens> tokens;
            return ReadConll(content, "f.conll", options, nullptr, repairs,
                             &tokens);
          },
          [](const Corpus&) { return 0; });
    }
  }
  return 0;
}
