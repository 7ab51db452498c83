// The shipped gold (gold/docs) against what gold/README.md promises and
// ../shared/ANNOTATION_SPEC.md: one document per seed with the seed's exact
// text; valid against gold/labels.json; trimmed spans; every occurrence of an
// annotated name annotated (exceptions named in gold/GUIDELINES.md); ids and
// values of the right form. That gold/docs is what gold/tools/build_gold.py
// makes of gold/tools/source is checked by the `gold_build_reproduces_docs`
// test (tests/gold/CMakeLists.txt).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <utility>

#include "gold_checks.h"
#include "ieval/io/corpus_reader.h"
#include "ieval/io/labels_io.h"
#include "ieval/validate/validator.h"

namespace ieval {
namespace {
namespace fs = std::filesystem;
using gold::ToCodepoints;

const std::string kGoldDir = std::string(IEVAL_SOURCE_DIR) + "/gold";
const std::string kSeedDir = std::string(IEVAL_SHARED_DIR) + "/seeds";

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class Gold : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    corpus_ = new Corpus;
    problems_ = new std::vector<Status>;
    auto read = ReadCorpus(kGoldDir + "/docs", problems_);
    if (read.ok())
      *corpus_ = std::move(*read);
    else
      problems_->push_back(read.status());
  }
  static void TearDownTestSuite() {
    delete corpus_;
    delete problems_;
  }
  // Calls `check(doc, mention, span)` for every mention of the gold; `span`
  // is the mention's text as code points.
  template <typename Check>
  static void ForEachMention(Check check) {
    for (const AnnotatedDocument& doc : corpus_->documents) {
      const std::u32string text = ToCodepoints(doc.document.text);
      for (const Mention& m : doc.annotations.mentions) {
        ASSERT_TRUE(0 <= m.start && m.start < m.end &&
                    m.end <= static_cast<int64_t>(text.size()))
            << doc.document.doc_id << " " << m.id;
        check(doc, m,
              text.substr(static_cast<size_t>(m.start),
                          static_cast<size_t>(m.end - m.start)));
      }
    }
  }
  static std::string Name(const AnnotatedDocument& doc, const Mention& m) {
    return doc.document.doc_id + " " + m.id + " \"" + m.text.value_or("") +
           "\"";
  }

  static Corpus* corpus_;
  static std::vector<Status>* problems_;
};
Corpus* Gold::corpus_ = nullptr;
std::vector<Status>* Gold::problems_ = nullptr;

TEST_F(Gold, ReadsWithoutProblems) {
  for (const Status& p : *problems_) ADD_FAILURE() << p.ToString();
  EXPECT_EQ(corpus_->documents.size(), 5u);
}

// Equal bytes are equal SHA-256 digests, so comparing the bytes of each seed
// with the gold's `text` checks that the text has the seed's SHA-256 (no
// hashing library is linked for it).
TEST_F(Gold, HasOneDocumentPerSeedWithTheSeedsExactText) {
  std::set<std::string> seeds;
  for (const auto& entry : fs::directory_iterator(kSeedDir)) {
    if (entry.path().extension() != ".txt") continue;
    const std::string doc_id = entry.path().stem().string();
    seeds.insert(doc_id);
    const AnnotatedDocument* doc = corpus_->Find(doc_id);
    ASSERT_NE(doc, nullptr) << "no gold document for seed " << doc_id;
    EXPECT_TRUE(doc->has_text) << doc_id;
    EXPECT_TRUE(doc->document.text == ReadBytes(entry.path()))
        << doc_id << ": the gold text differs from " << entry.path();
  }
  EXPECT_EQ(seeds.size(), 5u) << "seeds in " << kSeedDir;
  for (const AnnotatedDocument& doc : corpus_->documents) {
    EXPECT_TRUE(seeds.count(doc.document.doc_id))
        << doc.document.doc_id << " has no seed";
  }
}

TEST_F(Gold, PassesValidationAgainstTheLabelSet) {
  auto labels = ReadLabelSet(kGoldDir + "/labels.json");
  ASSERT_TRUE(labels.ok()) << labels.status().ToString();
  ValidateOptions options;
  options.labels = &*labels;
  options.gold = true;
  std::vector<Status> problems;
  for (const AnnotatedDocument& doc : corpus_->documents) {
    CheckDocument(doc, doc.document.text, options, &problems);
  }
  for (const Status& p : problems) ADD_FAILURE() << p.ToString();
}

TEST_F(Gold, MentionIdsAreT1ToTnInTextOrder) {
  for (const AnnotatedDocument& doc : corpus_->documents) {
    const auto& mentions = doc.annotations.mentions;
    for (size_t i = 0; i < mentions.size(); ++i) {
      EXPECT_EQ(mentions[i].id, "T" + std::to_string(i + 1))
          << doc.document.doc_id;
      if (i > 0) {
        EXPECT_LE(mentions[i - 1].end, mentions[i].start)
            << doc.document.doc_id << " " << mentions[i].id;
      }
    }
  }
}

TEST_F(Gold, EveryMentionCarriesItsText) {
  ForEachMention([](const AnnotatedDocument& doc, const Mention& m,
                    const std::u32string& span) {
    ASSERT_TRUE(m.text.has_value()) << Name(doc, m);
    EXPECT_EQ(ToCodepoints(*m.text), span) << Name(doc, m);
  });
}

TEST_F(Gold, NoSpanStartsOrEndsWithWhiteSpaceOrPunctuation) {
  ForEachMention([](const AnnotatedDocument& doc, const Mention& m,
                    const std::u32string& span) {
    EXPECT_FALSE(gold::IsExcludedSpanEdge(span.front())) << Name(doc, m);
    EXPECT_FALSE(gold::IsExcludedSpanEdge(span.back())) << Name(doc, m);
  });
}

TEST_F(Gold, NamedEntitiesHaveACanonicalIdAndNoValue) {
  ForEachMention([](const AnnotatedDocument& doc, const Mention& m,
                    const std::u32string&) {
    if (m.type != "PER" && m.type != "ORG" && m.type != "LOC") return;
    ASSERT_TRUE(m.entity.has_value()) << Name(doc, m) << " has no entity id";
    EXPECT_TRUE(gold::IsEntitySlug(*m.entity))
        << Name(doc, m) << " " << *m.entity;
    EXPECT_FALSE(m.value.has_value()) << Name(doc, m);
  });
}

TEST_F(Gold, DatesHaveATimexValueAndNoId) {
  ForEachMention([](const AnnotatedDocument& doc, const Mention& m,
                    const std::u32string&) {
    if (m.type != "DATE") return;
    ASSERT_TRUE(m.value.has_value()) << Name(doc, m) << " has no value";
    EXPECT_TRUE(gold::IsTimexDate(*m.value)) << Name(doc, m) << " " << *m.value;
    EXPECT_FALSE(m.entity.has_value()) << Name(doc, m);
  });
}

// Quantities written in digits must have those digits as their value
// ("11'000" -> "11000"); spelled-out ones only need a decimal value.
TEST_F(Gold, QuantitiesHaveTheirPlainDecimalValueAndNoId) {
  ForEachMention([](const AnnotatedDocument& doc, const Mention& m,
                    const std::u32string& span) {
    if (m.type != "QUANTITY") return;
    ASSERT_TRUE(m.value.has_value()) << Name(doc, m) << " has no value";
    EXPECT_TRUE(gold::IsPlainDecimal(*m.value))
        << Name(doc, m) << " " << *m.value;
    std::string digits;
    for (char32_t c : span) {
      if (c >= U'0' && c <= U'9') digits.push_back(static_cast<char>(c));
    }
    if (!digits.empty()) {
      EXPECT_EQ(*m.value, digits) << Name(doc, m);
    }
    EXPECT_FALSE(m.entity.has_value()) << Name(doc, m);
  });
}

// Ids are corpus-wide: one id names one real-world entity of one type.
TEST_F(Gold, EachEntityIdHasOneType) {
  std::map<std::string, std::pair<std::string, std::string>> first;
  ForEachMention([&](const AnnotatedDocument& doc, const Mention& m,
                     const std::u32string&) {
    if (!m.entity) return;
    auto [it, fresh] =
        first.emplace(*m.entity, std::pair{m.type, Name(doc, m)});
    if (!fresh) {
      EXPECT_EQ(m.type, it->second.first)
          << Name(doc, m) << " vs " << it->second.second;
    }
  });
}

// The same string is annotated the same way everywhere (consistency across
// the five documents): one type and one id or value per surface.
TEST_F(Gold, EachSurfaceHasOneTypeAndOneIdOrValue) {
  std::map<std::string, std::pair<std::string, std::string>> first;
  ForEachMention([&](const AnnotatedDocument& doc, const Mention& m,
                     const std::u32string&) {
    const std::string label =
        m.type + " " + m.entity.value_or("") + m.value.value_or("");
    auto [it, fresh] =
        first.emplace(m.text.value_or(""), std::pair{label, Name(doc, m)});
    if (!fresh) {
      EXPECT_EQ(label, it->second.first)
          << Name(doc, m) << " vs " << it->second.second;
    }
  });
}

std::vector<gold::CompletenessException> GuidelineExceptions() {
  std::vector<std::string> malformed;
  auto exceptions =
      gold::ParseExceptions(ReadBytes(kGoldDir + "/GUIDELINES.md"), &malformed);
  for (const auto& line : malformed) {
    ADD_FAILURE() << "gold/GUIDELINES.md: malformed exception line: " << line;
  }
  return exceptions;
}

TEST_F(Gold, GuidelinesExist) {
  EXPECT_TRUE(fs::exists(kGoldDir + "/GUIDELINES.md"));
}

TEST_F(Gold, EveryOccurrenceOfAnAnnotatedNameIsAnnotatedUnlessExcepted) {
  std::set<std::string> excepted;
  for (const auto& e : GuidelineExceptions()) excepted.insert(e.surface);
  for (const auto& miss : gold::FindUnannotatedOccurrences(*corpus_)) {
    if (!excepted.count(miss.surface)) ADD_FAILURE() << miss.ToString();
  }
}

// An exception that no longer excuses anything is stale and must go, so the
// list in GUIDELINES.md stays the true list.
TEST_F(Gold, EveryExceptionInTheGuidelinesIsNeeded) {
  std::set<std::string> missed;
  for (const auto& miss : gold::FindUnannotatedOccurrences(*corpus_)) {
    missed.insert(miss.surface);
  }
  for (const auto& e : GuidelineExceptions()) {
    EXPECT_TRUE(missed.count(e.surface))
        << "gold/GUIDELINES.md names the exception \"" << e.surface
        << "\", but every occurrence of it is annotated";
  }
}

}  // namespace
}  // namespace ieval
