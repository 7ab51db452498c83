// A training run from external corpora to a saved model, as
// `ieval train-tagger` and scripts/train-tagger do it: load the sources
// (training_sources.h), hold every K-th document of each out (heldout.h),
// train, save, reload the saved (quantised) weights and measure those on the
// held-out documents — strict P/R/F1 per source and type, and tokens/s — so
// the figures are those of the file that ships.
#ifndef IEVAL_EXTRACTORS_TAGGER_TRAIN_JOB_H_
#define IEVAL_EXTRACTORS_TAGGER_TRAIN_JOB_H_

#include <iosfwd>
#include <map>
#include <optional>
#include <string>

#include "ieval/core/status.h"
#include "ieval/extractors/tagger/heldout.h"
#include "ieval/extractors/tagger/trainer.h"
#include "ieval/extractors/tagger/training_args.h"
#include "ieval/extractors/tagger/training_sources.h"
#include "ieval/score/counts.h"

namespace ieval::tagger {

struct TrainJob {
  TrainingSourceOptions sources;
  TrainingArgs training;
  std::string out;         // the model file, written atomically
  int weight_bits = 8;     // bits per stored weight: 8 or 16
  int heldout_every = 10;  // 0: train on everything, measure nothing
};

struct TrainJobResult {
  TrainingStats stats;
  // Strict counts of the saved model on each source's held-out documents.
  std::map<std::string, TypedCounts> heldout;
  // Absent when nothing is held out.
  std::optional<TaggingSpeed> speed;
};

// Runs the job, writing the training log to `log` as it goes: per source
// its documents, mentions and held-out count, every epoch's token errors,
// what was trained on, the model file's size and version, the held-out
// strict figures and the tagging speed. The model's training id names the
// sources, a fingerprint of the documents trained on and every option, so
// the same inputs give the same model bytes. Errors: ToTrainOptions's and
// LoadTrainingSources's, the trainer's, writing or reloading the model,
// and the tagger's.
Result<TrainJobResult> RunTrainJob(const TrainJob& job, std::ostream& log);

}  // namespace ieval::tagger

#endif  // IEVAL_EXTRACTORS_TAGGER_TRAIN_JOB_H_
