// `ensemble`: combines the output of other variants — the classic "which
// combination wins" question. Members are variants of the same variants file,
// named in `members`; `strategy` is
//   priority  union in member order: a mention is kept unless it overlaps
//             one already kept (earlier members win);
//   vote      a mention (span and type) is kept when at least `min_votes`
//             members (default: a strict majority) found it; overlaps go to
//             the one with more votes, then to the earlier member.
// Relations follow their mentions (and, for vote, need the votes too).
// Members whose extractor declares Capabilities::uses_upstream (the relation
// extractor) do not vote: they run afterwards, in order, over the combined
// output — "union, then relation patterns over the union".
#ifndef IEVAL_EXTRACTORS_ENSEMBLE_ENSEMBLE_EXTRACTOR_H_
#define IEVAL_EXTRACTORS_ENSEMBLE_ENSEMBLE_EXTRACTOR_H_

#include <string>
#include <vector>

#include "ieval/core/types.h"
#include "ieval/extractors/registry.h"

namespace ieval {

// The registration (name "ensemble", options, factory) for builtin.cc.
ExtractorInfo EnsembleExtractorInfo();

// The combination step alone, on the members' checked outputs (in member
// order), for tests and for `ieval run` to recombine cached outputs.
// `min_votes` 0 means a strict majority. Mentions come back sorted by
// start, numbered T1…
Annotations CombineByPriority(const std::vector<Annotations>& outputs);
Annotations CombineByVote(const std::vector<Annotations>& outputs,
                          int64_t min_votes);

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_ENSEMBLE_ENSEMBLE_EXTRACTOR_H_
