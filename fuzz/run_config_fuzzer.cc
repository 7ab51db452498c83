// A run config (`ieval run --config`, reports/run.json).
#include "fuzz_support.h"
#include "ieval/run/run_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ieval;
  const std::string path =
      fuzz::WriteScratch(fuzz::AsText(data, size), "run.json");
  auto config = LoadRunConfig(path);
  if (config.ok()) {
    fuzz::Require(config->jobs >= 1, "a config's jobs are at least 1");
    const BootstrapOptions& b = config->statistics.bootstrap;
    fuzz::Require(b.resamples >= 1, "a config's resamples are at least 1");
    fuzz::Require(b.confidence > 0 && b.confidence < 1,
                  "a config's confidence is in (0, 1)");
    fuzz::Require(config->statistics.alpha > 0 && config->statistics.alpha < 1,
                  "a config's alpha is in (0, 1)");
  }
  return 0;
}
