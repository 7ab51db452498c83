// The option values of train-tagger and crossval as trainer options
// (training_args.h).
#include "ieval/extractors/tagger/training_args.h"

#include <gtest/gtest.h>

namespace ieval::tagger {
namespace {

TEST(ToTrainOptions, CopiesTypesAndNumbersAndParsesTheScheme) {
  TrainingArgs args;
  args.types = {"PER", "LOC"};
  args.scheme = "bilou";
  args.epochs = 3;
  args.seed = 42;
  args.hash_bits = 12;
  args.dictionary = "none";
  auto options = ToTrainOptions(args);
  ASSERT_TRUE(options.ok()) << options.status().ToString();
  EXPECT_EQ(options->types, (std::vector<std::string>{"PER", "LOC"}));
  EXPECT_EQ(options->scheme, LabelScheme::kBilou);
  EXPECT_EQ(options->epochs, 3);
  EXPECT_EQ(options->seed, 42u);
  EXPECT_EQ(options->hash_bits, 12);
}

TEST(ToTrainOptions, DictionaryNoneMeansNoDictionaryFeatures) {
  TrainingArgs args;
  args.dictionary = "none";
  auto options = ToTrainOptions(args);
  ASSERT_TRUE(options.ok());
  EXPECT_EQ(options->dictionary, nullptr);
}

TEST(ToTrainOptions, TheDefaultDictionaryIsTheShippedOne) {
  auto options = ToTrainOptions(TrainingArgs{});
  ASSERT_TRUE(options.ok()) << options.status().ToString();
  ASSERT_NE(options->dictionary, nullptr);
  EXPECT_EQ(options->dictionary->Id(), "cldr-places-fr");
}

TEST(ToTrainOptions, UnknownSchemeIsAUsageErrorNamingTheOption) {
  TrainingArgs args;
  args.scheme = "iobes";
  const Status s = ToTrainOptions(args).status();
  EXPECT_EQ(s.code(), Status::Code::kUsage);
  EXPECT_NE(s.message().find("--scheme"), std::string::npos) << s.ToString();
}

TEST(ToTrainOptions, UnknownDictionaryIsAUsageErrorNamingTheOption) {
  TrainingArgs args;
  args.dictionary = "wikidata";
  const Status s = ToTrainOptions(args).status();
  EXPECT_EQ(s.code(), Status::Code::kUsage);
  EXPECT_EQ(s.message(),
            "--dictionary must be none or cldr-places-fr, not 'wikidata'");
}

}  // namespace
}  // namespace ieval::tagger
