// Google Benchmark JSON (--benchmark_format=json) read back by `gate`.
#include "read_back.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ieval::fuzz::ReadBack(ieval::fuzz::AsText(data, size), "bench.json");
  return 0;
}
