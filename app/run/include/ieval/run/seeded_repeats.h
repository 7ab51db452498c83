// How `ieval run --repeats K` makes repeat r of a variant differ from the
// others when the variant has an integer "seed" option (an extractor or
// plug-in that declares one): the same options with seed + r. (Every
// extractor, external programs included, also sees IEVAL_REPEAT = r: the
// runner sets it, runner.h.)
#ifndef IEVAL_RUN_SEEDED_REPEATS_H_
#define IEVAL_RUN_SEEDED_REPEATS_H_

#include "ieval/extractors/registry.h"
#include "ieval/extractors/variants.h"
#include "ieval/run/runner.h"

namespace ieval {

// The option offset by the repeat index.
inline constexpr char kSeedOption[] = "seed";

// The RepeatFactory of the variants of `set` (both must outlive it): a
// variant whose options hold an integer "seed" is created, in repeat r,
// from its options with seed + r, as VariantSet::Create creates it (a
// missing requirement stays kUnavailable; other errors name the variant
// and the seed); any other variant as in repeat 0.
RepeatFactory SeededRepeats(const ExtractorRegistry& registry,
                            const VariantSet& set);

}  // namespace ieval

#endif  // IEVAL_RUN_SEEDED_REPEATS_H_
