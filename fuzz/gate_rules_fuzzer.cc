// A gate rules file (`ieval gate --rules`, reports/gate-rules.json).
#include "fuzz_support.h"
#include "ieval/gate/rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ieval;
  auto rules = ParseGateRules(fuzz::AsText(data, size), "rules.json");
  if (rules.ok()) {
    for (const AccuracyRule& rule : rules->accuracy)
      (void)GlobMatch(rule.metric, "entities.strict.overall.f1");
  }
  return 0;
}
