// A score file (`ieval score --json`) read back by `gate` and `compare`.
#include "read_back.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ieval::fuzz::ReadBack(ieval::fuzz::AsText(data, size), "scores.json");
  return 0;
}
