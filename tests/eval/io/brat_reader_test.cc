#include "ieval/io/brat_reader.h"

#include <gtest/gtest.h>

namespace ieval {
namespace {

// "Élise vit à Séoul." — accents before the spans make byte, UTF-16 and
// code-point offsets differ.
const std::string kText = "\xC3\x89lise vit \xC3\xA0 S\xC3\xA9oul.";

BratDocument Parse(const std::string& ann,
                   OffsetUnit unit = OffsetUnit::kCodepoint) {
  auto doc = ParseBrat("d", kText, ann, "d.ann", unit);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? *doc : BratDocument{};
}

TEST(ParseBrat, OffsetsAreCodepointsOfTheText) {
  const BratDocument doc =
      Parse("T1\tPER 0 5\t\xC3\x89lise\nT2\tGPE 12 17\tS\xC3\xA9oul\n");
  ASSERT_EQ(doc.entities.size(), 2u);
  EXPECT_EQ(doc.entities[1].type, "GPE");
  EXPECT_EQ(doc.entities[1].fragments, (std::vector<BratFragment>{{12, 17}}));
  EXPECT_EQ(doc.entities[1].line, 2);
}

TEST(ParseBrat, ByteOffsetsAreConvertedToCodepoints) {
  // "Séoul" is bytes 14..20 (É, à and é take two bytes each).
  const BratDocument doc =
      Parse("T1\tGPE 14 20\tS\xC3\xA9oul\n", OffsetUnit::kByte);
  ASSERT_EQ(doc.entities.size(), 1u);
  EXPECT_EQ(doc.entities[0].fragments, (std::vector<BratFragment>{{12, 17}}));
}

TEST(ParseBrat, OffsetInsideACharacterIsAnErrorNamingTheAnnotation) {
  auto doc =
      ParseBrat("d", kText, "T1\tGPE 16 20\tx\n", "d.ann", OffsetUnit::kByte);
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().ToString().find("d.ann:1: d: T1:"), std::string::npos)
      << doc.status().ToString();
}

TEST(ParseBrat, SpanPastTheTextIsAnError) {
  EXPECT_FALSE(ParseBrat("d", kText, "T1\tPER 0 99\tx\n", "d.ann").ok());
}

TEST(ParseBrat, KeepsNestedSpansDiscontinuousFragmentsAndRelations) {
  const BratDocument doc = Parse(
      "T1\tPER 0 9\t\xC3\x89lise vit\nT2\tPER 0 5\t\xC3\x89lise\n"
      "T3\tLOC 0 5;12 17\t\xC3\x89lise S\xC3\xA9oul\n"
      "R1\tlives_in Arg1:T2 Arg2:T3\nA1\tNegated T1\n#1\tAnnotatorNotes "
      "T1\tx\n");
  ASSERT_EQ(doc.entities.size(), 3u);
  EXPECT_EQ(doc.entities[2].fragments.size(), 2u);
  ASSERT_EQ(doc.relations.size(), 1u);
  EXPECT_EQ(doc.relations[0].arg2, "T3");
}

TEST(ParseBrat, RelationToAnUnknownIdIsAnError) {
  EXPECT_FALSE(
      ParseBrat("d", kText, "T1\tPER 0 5\tx\nR1\tr Arg1:T1 Arg2:T9\n", "d.ann")
          .ok());
}

TEST(BratToAnnotated, TrimsTrailingSpaceAndLeadingPunctuation) {
  // fr-litbank ends half its spans with a space; some start with ".".
  auto doc =
      ParseBrat("d", ".Kim vit\xC2\xA0 ici", "T1\tPER 0 5\t.Kim \n", "d.ann");
  ASSERT_TRUE(doc.ok());
  const AnnotatedDocument a = BratToAnnotated(*doc, {});
  ASSERT_EQ(a.annotations.mentions.size(), 1u);
  EXPECT_EQ(a.annotations.mentions[0].start, 1);
  EXPECT_EQ(a.annotations.mentions[0].end, 4);
  EXPECT_EQ(*a.annotations.mentions[0].text, "Kim");
}

TEST(BratToAnnotated, MapsTypesAndDropsUnmapped) {
  const BratDocument doc =
      Parse("T1\tPER 0 5\tx\nT2\tGPE 12 17\tx\nT3\tFAC 6 9\tx\n");
  BratConversion c;
  c.type_map = {{"PER", "PER"}, {"GPE", "LOC"}};
  const AnnotatedDocument a = BratToAnnotated(doc, c);
  ASSERT_EQ(a.annotations.mentions.size(), 2u);
  EXPECT_EQ(a.annotations.mentions[1].type, "LOC");
  EXPECT_EQ(*a.annotations.mentions[1].text, "S\xC3\xA9oul");
}

TEST(BratToAnnotated, FlattenKeepsTheLongestAndMergesDuplicates) {
  const BratDocument doc = Parse(
      "T1\tPER 0 5\tx\nT2\tPER 0 5\tx\nT3\tPER 0 9\tx\nT4\tLOC 12 17\tx\n");
  EXPECT_EQ(BratToAnnotated(doc, {}).annotations.mentions.size(), 3u);
  BratConversion flat;
  flat.flatten = true;
  const AnnotatedDocument a = BratToAnnotated(doc, flat);
  ASSERT_EQ(a.annotations.mentions.size(), 2u);
  EXPECT_EQ(a.annotations.mentions[0].id, "T3");
  EXPECT_EQ(a.annotations.mentions[1].id, "T4");
}

TEST(BratToAnnotated, DiscontinuousSpansFollowThePolicy) {
  const BratDocument doc = Parse("T1\tLOC 0 5;12 17\tx\n");
  BratConversion c;
  c.discontinuous = DiscontinuousPolicy::kCover;
  EXPECT_EQ(BratToAnnotated(doc, c).annotations.mentions[0].end, 17);
  c.discontinuous = DiscontinuousPolicy::kFragments;
  const auto pieces = BratToAnnotated(doc, c).annotations.mentions;
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[1].id, "T1.2");
  EXPECT_EQ(pieces[1].start, 12);
  c.discontinuous = DiscontinuousPolicy::kSkip;
  EXPECT_TRUE(BratToAnnotated(doc, c).annotations.mentions.empty());
}

TEST(BratToAnnotated, CoverOfFragmentsOutOfOrderIsAForwardSpan) {
  const BratDocument doc = Parse("T1\tLOC 12 17;0 5\tx\n");
  BratConversion c;
  c.discontinuous = DiscontinuousPolicy::kCover;
  c.trim = false;
  const auto mentions = BratToAnnotated(doc, c).annotations.mentions;
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].start, 0);
  EXPECT_EQ(mentions[0].end, 17);
}

}  // namespace
}  // namespace ieval
