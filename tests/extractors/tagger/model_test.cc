// The model file: round trip, quantisation error, corrupt files (model.h).
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "ieval/extractors/tagger/model.h"

namespace ieval::tagger {
namespace {

TaggerModel RandomModel() {
  TaggerModel m =
      TaggerModel::Empty({"PER", "ORG", "LOC"}, LabelScheme::kBio, 8);
  m.dictionary_id = "cldr-places-fr";
  m.training_id = "test \xC3\xA9";
  std::mt19937 rng(3);
  std::uniform_real_distribution<float> w(-5.0f, 5.0f);
  std::bernoulli_distribution used(0.3);
  const auto n = static_cast<size_t>(m.num_labels());
  for (size_t row = 0; row < m.weights.size() / n; ++row)
    if (used(rng))
      for (size_t l = 0; l < n; ++l) m.weights[row * n + l] = w(rng);
  for (float& x : m.transitions) x = w(rng);
  for (float& x : m.start) x = w(rng);
  for (float& x : m.end) x = w(rng);
  return m;
}

// Largest |weight| of label l, to bound the quantisation error.
float MaxAbs(const TaggerModel& m, size_t l) {
  const auto n = static_cast<size_t>(m.num_labels());
  float max = 0;
  for (size_t i = l; i < m.weights.size(); i += n)
    max = std::max(max, std::fabs(m.weights[i]));
  return max;
}

void ExpectRoundTrip(int bits) {
  const TaggerModel m = RandomModel();
  const std::string bytes = SerializeModel(m, bits);
  auto back = ParseModel(bytes, "m.ietag");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->types, m.types);
  EXPECT_EQ(back->scheme, m.scheme);
  EXPECT_EQ(back->hash_bits, m.hash_bits);
  EXPECT_EQ(back->dictionary_id, m.dictionary_id);
  EXPECT_EQ(back->training_id, m.training_id);
  EXPECT_EQ(back->transitions, m.transitions);  // stored as float32
  EXPECT_EQ(back->start, m.start);
  EXPECT_EQ(back->fingerprint, Fingerprint(bytes));
  const auto n = static_cast<size_t>(m.num_labels());
  const float steps = bits == 8 ? 127.0f : 32767.0f;
  ASSERT_EQ(back->weights.size(), m.weights.size());
  for (size_t i = 0; i < m.weights.size(); ++i) {
    const float half_step = MaxAbs(m, i % n) / steps / 2;
    ASSERT_NEAR(back->weights[i], m.weights[i], half_step * 1.001f) << i;
  }
}

TEST(TaggerModel, RoundTripsWith16BitWeights) { ExpectRoundTrip(16); }
TEST(TaggerModel, RoundTripsWith8BitWeights) { ExpectRoundTrip(8); }

TEST(TaggerModel, StoresOnlyNonZeroRows) {
  TaggerModel empty = TaggerModel::Empty({"PER"}, LabelScheme::kBio, 16);
  // 65,536 rows x 3 labels of zeros take no room beyond the header.
  EXPECT_LT(SerializeModel(empty, 8).size(), 200u);
}

TEST(TaggerModel, FlippedByteFailsTheChecksum) {
  std::string bytes = SerializeModel(RandomModel(), 8);
  bytes[bytes.size() / 2] ^= 1;
  auto back = ParseModel(bytes, "m.ietag");
  ASSERT_FALSE(back.ok());
  EXPECT_NE(back.status().ToString().find("checksum"), std::string::npos);
  EXPECT_NE(back.status().ToString().find("m.ietag"), std::string::npos);
}

TEST(TaggerModel, TruncatedOrForeignFilesAreRejected) {
  const std::string bytes = SerializeModel(RandomModel(), 8);
  EXPECT_FALSE(ParseModel(bytes.substr(0, bytes.size() - 1), "m").ok());
  EXPECT_FALSE(ParseModel("not a model at all", "m").ok());
  EXPECT_FALSE(ParseModel("", "m").ok());
}

TEST(TaggerModel, ScoreTokensSumsTheFeatureRows) {
  TaggerModel m = TaggerModel::Empty({"PER"}, LabelScheme::kBio, 8);
  m.weights[5 * 3 + 1] = 2.0f;  // row 5, B-PER
  m.weights[7 * 3 + 1] = 0.5f;  // row 7, B-PER
  m.weights[7 * 3 + 0] = 1.0f;  // row 7, O
  SequenceFeatures f{{5, 7, 7}, {0, 2, 3}};
  std::vector<float> e;
  ScoreTokens(m.weights.data(), 3, f, &e);
  EXPECT_EQ(e, (std::vector<float>{1.0f, 2.5f, 0.0f, 1.0f, 0.5f, 0.0f}));
}

}  // namespace
}  // namespace ieval::tagger
