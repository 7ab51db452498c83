// A label set (labels.json beside a gold corpus, `--labels`).
#include "fuzz_support.h"
#include "ieval/io/labels_io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ieval;
  const std::string path =
      fuzz::WriteScratch(fuzz::AsText(data, size), "labels.json");
  (void)ReadLabelSet(path);
  return 0;
}
