// The extractors shipped with ieval. The extractor API (extractor.h,
// registry.h) knows none of them; this library depends on every back end
// and registers each, so the dependencies run one way: back ends -> API,
// builtin -> back ends.
#ifndef IEVAL_EXTRACTORS_BUILTIN_H_
#define IEVAL_EXTRACTORS_BUILTIN_H_

#include "ieval/extractors/registry.h"

namespace ieval {

// Registers every extractor shipped with ieval, one line per back end.
void RegisterBuiltinExtractors(ExtractorRegistry& registry);

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_BUILTIN_H_
