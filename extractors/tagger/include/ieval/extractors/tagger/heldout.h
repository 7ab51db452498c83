// Held-out evaluation for training runs: every K-th document of each source
// is kept out of training, and the trained tagger is then scored (strict,
// strict_summary.h) and timed on those documents only.
#ifndef IEVAL_EXTRACTORS_TAGGER_HELDOUT_H_
#define IEVAL_EXTRACTORS_TAGGER_HELDOUT_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/types.h"
#include "ieval/extractors/extractor.h"
#include "ieval/extractors/tagger/training_sources.h"
#include "ieval/score/counts.h"

namespace ieval::tagger {

// What one source gave to the split, for the training log.
struct SourceSplit {
  std::string name;
  int64_t documents = 0;
  int64_t mentions = 0;  // of every type, held out or not
  int64_t held_out = 0;
};

struct HeldoutSplit {
  // Copies of the documents trained on, source after source.
  std::vector<AnnotatedDocument> train;
  // The held-out documents by source name (sources of the same name share
  // an entry), pointing into the sources given to SplitHeldout: valid while
  // those live.
  std::map<std::string, std::vector<const AnnotatedDocument*>> heldout;
  std::vector<SourceSplit> sources;  // in the order given
  // Fingerprint (model.h) of the serialised training documents: changes
  // when anything trained on changes, for the model's training id.
  std::string training_fingerprint;
};

// The K-th, 2K-th, … document of each source (K = `every`) is held out;
// `every` 0 holds nothing out.
HeldoutSplit SplitHeldout(const std::vector<TrainingSource>& sources,
                          int every);

// Strict counts of `tagger` on `docs`, summed (StrictSpanCounts). The
// extractor's first error, if any.
Result<TypedCounts> ScoreHeldout(
    const Extractor& tagger, const std::vector<const AnnotatedDocument*>& docs,
    const std::vector<std::string>& types);

// Tagging speed on one thread, ICU segmentation included: the best of
// `passes` passes over `docs` (the machine may be busy; the best pass is the
// least disturbed), and the tagger tokens of those documents.
struct TaggingSpeed {
  int64_t tokens = 0;
  double seconds = 0;  // of the best pass
};
Result<TaggingSpeed> MeasureTaggingSpeed(
    const Extractor& tagger, const std::vector<const AnnotatedDocument*>& docs,
    int passes = 3);

}  // namespace ieval::tagger

#endif  // IEVAL_EXTRACTORS_TAGGER_HELDOUT_H_
