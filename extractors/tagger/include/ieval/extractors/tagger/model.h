// A trained tagger: the hashed feature-weight table, label transition
// scores and what is needed to use them (label scheme, types, feature and
// dictionary versions), and its compact file format.
//
// File (little-endian): "IEVALTAG", format version (u32), feature version
// (u32), scheme, hash bits, weight bits (8 or 16), types, dictionary id,
// training id; float32 start, end and transition scores; a float32 scale per
// label; then only the non-zero rows of the table, each as a varint row
// delta and one quantised weight per label; an FNV-1a checksum of all that
// precedes it. Feature hashing spreads ~1 M features over 2^hash_bits rows
// and quantisation keeps 8 or 16 bits of each weight: a few MB at most.
#ifndef IEVAL_EXTRACTORS_TAGGER_MODEL_H_
#define IEVAL_EXTRACTORS_TAGGER_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ieval/core/status.h"
#include "ieval/extractors/tagger/features.h"
#include "ieval/extractors/tagger/label_scheme.h"

namespace ieval::tagger {

inline constexpr uint32_t kModelFormatVersion = 1;

struct TaggerModel {
  uint32_t feature_version = kFeatureVersion;
  int hash_bits = 18;
  LabelScheme scheme = LabelScheme::kBio;
  std::vector<std::string> types;  // e.g. PER, ORG, LOC
  std::string dictionary_id;       // "" when trained without a dictionary
  std::string training_id;         // free text: data, seed, epochs
  // (2^hash_bits) x num_labels(), row-major.
  std::vector<float> weights;
  std::vector<float> transitions;  // num_labels() x num_labels(), from x to
  std::vector<float> start;        // num_labels()
  std::vector<float> end;          // num_labels()
  // 16 hex digits identifying the file the model was read from (empty for
  // a model trained in memory and not yet saved).
  std::string fingerprint;

  int num_labels() const {
    return NumLabels(scheme, static_cast<int>(types.size()));
  }
  // An empty model of the right shape (all scores 0).
  static TaggerModel Empty(std::vector<std::string> types, LabelScheme scheme,
                           int hash_bits);
};

// Emission scores of a sequence: emissions[t * L + l] = sum of the weights
// of token t's feature rows for label l. `weights` as TaggerModel::weights.
void ScoreTokens(const float* weights, int num_labels,
                 const SequenceFeatures& features,
                 std::vector<float>* emissions);

// `weight_bits` is 8 or 16. Sets nothing in `model`; the fingerprint of the
// bytes is what LoadModel will report.
std::string SerializeModel(const TaggerModel& model, int weight_bits = 16);
// Checks magic, versions, sizes and checksum; `name` locates messages.
Result<TaggerModel> ParseModel(std::string_view bytes, const std::string& name);
Status SaveModel(const TaggerModel& model, const std::string& path,
                 int weight_bits = 16);
Result<TaggerModel> LoadModel(const std::string& path);

// FNV-1a 64 of `bytes` as 16 hex digits.
std::string Fingerprint(std::string_view bytes);

}  // namespace ieval::tagger

#endif  // IEVAL_EXTRACTORS_TAGGER_MODEL_H_
