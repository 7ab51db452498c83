// Training the tagger: an averaged structured perceptron (Collins 2002) over
// the hashed features of features.h, decoding with constrained Viterbi as
// the tagger does. Deterministic: documents are visited in an order drawn
// from `seed` by our own shuffle (std::shuffle differs between standard
// libraries), every update is a ±1 count, so the same data, options and
// seed give the same model bytes.
#ifndef IEVAL_EXTRACTORS_TAGGER_TRAINER_H_
#define IEVAL_EXTRACTORS_TAGGER_TRAINER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/core/types.h"
#include "ieval/extractors/tagger/dictionary.h"
#include "ieval/extractors/tagger/model.h"

namespace ieval::tagger {

struct EpochStats {
  int epoch = 0;             // 1-based
  int64_t tokens = 0;        // tokens visited
  int64_t token_errors = 0;  // tokens whose decoded label was wrong
  double seconds = 0;        // this epoch
};

struct TrainOptions {
  // Mention types to learn; mentions of other types are ignored (their
  // tokens count as O).
  std::vector<std::string> types = {"PER", "ORG", "LOC"};
  LabelScheme scheme = LabelScheme::kBio;
  int hash_bits = 18;
  int epochs = 10;
  uint64_t seed = 1;
  // Null: no dictionary features. Models remember its Id().
  std::shared_ptr<const TokenDictionary> dictionary;
  std::string training_id;                          // stored in the model as is
  std::function<void(const EpochStats&)> on_epoch;  // progress, optional
};

// What the training documents held, for logs.
struct TrainingStats {
  int64_t documents = 0;
  int64_t sequences = 0;
  int64_t tokens = 0;
  int64_t mentions = 0;  // of the trained types, as given
  // Mentions whose start or end falls inside a token: trained on the
  // tokens they fully cover (dropped if none).
  int64_t misaligned = 0;
  // Mentions dropped because they overlap a longer one (labels are flat).
  int64_t overlapping = 0;
  double seconds = 0;  // feature extraction and all epochs
};

// REQUIRES: documents carry their text; offsets are code points.
// Fails (kUsage) on bad options; documents without text are kInvalidInput.
Result<TaggerModel> TrainTagger(const std::vector<AnnotatedDocument>& documents,
                                const TrainOptions& options,
                                TrainingStats* stats);

}  // namespace ieval::tagger

#endif  // IEVAL_EXTRACTORS_TAGGER_TRAINER_H_
