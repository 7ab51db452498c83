// The fast path of ParseAnnotatedDocument (annotation_scanner.h) must give
// exactly what nlohmann's DOM path gives — the same document, the same
// problems — on any input: it reads well-formed documents itself and hands
// everything else over. Checked on hand-written documents and on thousands
// of mutations of them (a byte deleted, inserted, replaced, or a piece
// repeated), most of which are invalid in some way.
#include "ieval/io/annotation_scanner.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "ieval/io/annotation_json.h"

namespace ieval {
namespace {

struct Outcome {
  std::optional<AnnotatedDocument> doc;
  std::vector<std::string> problems;
};

FormatReadOptions Lenient() {
  FormatReadOptions options;
  options.ignore_unknown_keys = true;
  return options;
}

// What `parse` (either path) makes of `json`.
Outcome Parse(decltype(&ParseAnnotatedDocument) parse, const std::string& json,
              const FormatReadOptions& options = FormatReadOptions()) {
  Outcome o;
  std::vector<Status> problems;
  o.doc = parse(json, "f.jsonl", 3, &problems, options);
  for (const Status& s : problems) o.problems.push_back(s.ToString());
  return o;
}

bool Scans(const std::string& json, bool ignore_unknown_keys = true) {
  AnnotatedDocument doc;
  return ScanWellFormedDocument(json, 1, &doc, ignore_unknown_keys);
}

// Empty when equal, else what differs.
std::string Differences(const Outcome& a, const Outcome& b) {
  if (a.problems != b.problems) return "problems";
  if (a.doc.has_value() != b.doc.has_value()) return "document read or not";
  if (!a.doc) return "";
  const AnnotatedDocument& x = *a.doc;
  const AnnotatedDocument& y = *b.doc;
  if (x.document.doc_id != y.document.doc_id) return "doc_id";
  if (x.document.text != y.document.text) return "text";
  if (x.has_text != y.has_text) return "has_text";
  if (x.offset_unit != y.offset_unit) return "offset_unit";
  if (!(x.annotations == y.annotations)) return "annotations";
  if (x.source_file != y.source_file || x.source_line != y.source_line)
    return "source";
  if (x.mention_lines != y.mention_lines) return "mention_lines";
  return "";
}

// Empty when the fast path reads `json` as the DOM path does, else what
// differs.
std::string FastVersusDom(const std::string& json,
                          const FormatReadOptions& options = Lenient()) {
  return Differences(Parse(ParseAnnotatedDocument, json, options),
                     Parse(ParseAnnotatedDocumentWithDom, json, options));
}

const std::vector<std::string>& Seeds() {
  static const std::vector<std::string> seeds = {
      // Gold with text, non-ASCII, escapes, a surrogate pair, values.
      R"({"doc_id":"d1","text":"Kim \"J\u00f6ng\" Un\n\u00ab\u00a0Cor\u00e9e \ud83d\ude00 \\ \/ \t x","offset_unit":"codepoint","entities":[{"id":"T1","start":0,"end":3,"type":"PER","text":"Kim","entity":"kim","value":null},{"id":"T2","start":19,"end":24,"type":"LOC","entity":null,"value":11000}],"relations":[{"type":"near","head":"T1","tail":"T2"}]})",
      // A prediction without text, byte offsets, no ids, unknown fields.
      R"( {"doc_id": "d2", "offset_unit": "byte", "score": 0.25, "meta": {"a": [1, -2, 3.5, true, false, null, {"b": "c"}], "e": []},
  "entities": [ {"start": 4, "end": 15, "type": "ORG", "confidence": 0.9},
                {"start": 0, "end": 2, "type": "PER", "text": "Ki"} ],
  "relations": null, "text": null } )",
      // Pretty-printed (.json): mention lines are searched for.
      "{\n \"doc_id\": \"d3\",\n \"text\": \"Moscou et Pyongyang.\",\n"
      " \"entities\": [\n  {\"id\": \"T1\", \"start\": 0, \"end\": 6, "
      "\"type\": \"LOC\"},\n  {\"id\": \"T2\", \"start\": 10, \"end\": 19, "
      "\"type\": \"LOC\", \"value\": -0}\n ],\n \"relations\": [\n  "
      "{\"tail\": \"T2\", \"head\": \"T1\", \"type\": \"allied_with\", "
      "\"note\": \"x\"}\n ]\n}\n",
      // UTF-16 offsets past an emoji; offsets off the text (reported by
      // ResolveOffsets on both paths).
      R"({"doc_id":"d4","text":"😀 Paris","offset_unit":"utf16","entities":[{"id":"a","start":3,"end":8,"type":"LOC"},{"id":"b","start":7,"end":99,"type":"LOC"}]})",
      R"({"doc_id":"d5","entities":[],"relations":[]})",
  };
  return seeds;
}

TEST(AnnotationScanner, ReadsWellFormedDocumentsAsTheDomParserDoes) {
  for (const std::string& seed : Seeds()) {
    EXPECT_TRUE(Scans(seed)) << seed;
    EXPECT_EQ(FastVersusDom(seed), "") << seed;
    EXPECT_EQ(FastVersusDom(seed, FormatReadOptions()), "") << seed;
  }
}

// Keys the format does not define: the scanner hands them over, and both
// paths name each key and the one probably meant, in the document, an
// entity and a relation; --ignore-unknown-keys reads past them.
TEST(AnnotationScanner, UnknownKeysAreNamedUnlessIgnored) {
  const std::string json =
      R"({"doc_id":"d","entites":[],"entities":[{"start":1,"end":2,)"
      R"("tpye":"A","type":"A"}],"relations":[{"type":"r","head":"a",)"
      R"("tail":"b","score":1}]})";
  EXPECT_FALSE(Scans(json, false));
  EXPECT_TRUE(Scans(json, true));
  for (auto parse : {ParseAnnotatedDocument, ParseAnnotatedDocumentWithDom}) {
    const Outcome strict = Parse(parse, json);
    ASSERT_EQ(strict.problems.size(), 3u);
    EXPECT_NE(strict.problems[0].find(
                  "d: unknown key \"entites\" (did you mean \"entities\"?) "
                  "in a document"),
              std::string::npos)
        << strict.problems[0];
    EXPECT_NE(strict.problems[1].find("#1: unknown key \"tpye\" (did you "
                                      "mean \"type\"?) in an entity"),
              std::string::npos)
        << strict.problems[1];
    EXPECT_NE(strict.problems[2].find("relations[0]: unknown key \"score\" "
                                      "in a relation (its keys: type, head, "
                                      "tail; --ignore-unknown-keys"),
              std::string::npos)
        << strict.problems[2];
    const Outcome lenient = Parse(parse, json, Lenient());
    EXPECT_TRUE(lenient.problems.empty());
    ASSERT_TRUE(lenient.doc.has_value());
    EXPECT_EQ(lenient.doc->annotations.mentions.size(), 1u);
  }
  EXPECT_EQ(FastVersusDom(json, FormatReadOptions()), "");
}

TEST(AnnotationScanner, GivesUpOnWhatTheGeneralParserMustWord) {
  const std::vector<std::string> hand_over = {
      R"({"doc_id":"d","doc_id":"e"})",  // duplicate key
      R"({"doc_id":"d","entities":[{"start":1.0,"end":2,"type":"A"}]})",
      R"({"doc_id":"d","entities":[{"start":1,"end":2,"type":""}]})",
      R"({"doc_id":"d","entities":[{"start":1,"end":2}]})",  // no type
      R"({"doc_id":"d","x":1e999})",                         // overflow
      R"({"doc_id":"d","entities":[{"start":1234567890123456789,"end":2,"type":"A"}]})",
      R"({"doc_id":"d","text":"\udc00"})",   // lone low
      R"({"doc_id":"d","text":"\ud800x"})",  // lone high
      R"({"doc_id":"d","offset_unit":"char"})",
      R"({"doc_id":"d","relations":[{"type":"r","head":"a"}]})",
      R"({"doc_id":"d","entities":[{"id":7,"start":1,"end":2,"type":"A"}]})",
      R"({"doc_id":"d"} x)",
      R"({"doc_id":""})",
      R"({"text":"t"})",
      R"([{"doc_id":"d"}])",
      "\xEF\xBB\xBF{\"doc_id\":\"d\"}",  // a byte order mark
      R"({"doc_id":"d","x":01})",
      R"({"doc_id":"d","x":[1,]})",
      R"({"doc_id":"d","entities":null})",
      R"({"doc_id":"d","entities":[{"start":1,"start":2,"end":2,"type":"A"}]})",
      R"({"doc_id":"d","x":1,"x":2})",  // a repeated key it does not know
      R"({"doc_id":"d","meta":{"a":{"b":1,"b":1}}})",
      R"({"doc_id":"d","entities":[{"start":1,"end":2,"type":"A","c":1,"c":1}]})",
      R"({"doc_id":"d","relations":[{"type":"r","head":"a","tail":"b","n":1,"n":2}]})",
      R"({"doc_id":"d","entities":[{"start":9223372036854775808,"end":2,"type":"A"}]})",
  };
  for (const std::string& json : hand_over) {
    EXPECT_FALSE(Scans(json)) << json;
    EXPECT_EQ(FastVersusDom(json), "") << json;
  }
}

// What the two paths agree on is also right: these are errors, not read as
// something else.
TEST(AnnotationScanner, BothPathsRefuseWhatWouldBeAGuess) {
  const std::vector<std::pair<std::string, std::string>> refused = {
      {R"({"doc_id":"d","entities":null})",
       "\"entities\" must be an array (give [] for none), not null"},
      {R"({"doc_id":"d","entities":[{"id":7,"start":1,"end":2,"type":"A"}]})",
       "\"id\" must be a string, not number 7"},
      {R"({"doc_id":"d","entities":[{"start":1,"end":2,"start":0,"type":"A"}]})",
       "$.entities[0]: duplicate key \"start\""},
      {R"({"doc_id":"d","x":1,"x":1})", "$: duplicate key \"x\""},
      {R"({"doc_id":"d","entities":[{"start":9223372036854775808,"end":2,"type":"A"}]})",
       "\"start\" must be an integer below 2^63, not 9223372036854775808"},
  };
  for (const auto& [json, message] : refused) {
    for (auto parse : {ParseAnnotatedDocument, ParseAnnotatedDocumentWithDom}) {
      const Outcome o = Parse(parse, json);
      ASSERT_EQ(o.problems.size(), 1u) << json;
      EXPECT_NE(o.problems[0].find(message), std::string::npos)
          << o.problems[0];
    }
  }
}

TEST(AnnotationScanner, AgreesWithTheDomParserOnMutatedDocuments) {
  const std::string alphabet = "{}[]\":,\\ 0123456789-.eEuntrfalsd\n\t";
  std::mt19937 rng(2024);
  int scanned = 0, total = 0;
  for (const std::string& seed : Seeds()) {
    for (int round = 0; round < 3000; ++round) {
      std::string json = seed;
      const int edits = 1 + static_cast<int>(rng() % 3);
      for (int e = 0; e < edits && !json.empty(); ++e) {
        const size_t at = rng() % json.size();
        const char c = alphabet[rng() % alphabet.size()];
        switch (rng() % 4) {
          case 0:
            json.erase(at, 1);
            break;
          case 1:
            json.insert(at, 1, c);
            break;
          case 2:
            json[at] = c;
            break;
          default: {  // repeat a piece (duplicate keys, members, elements)
            const size_t n = 1 + rng() % 30;
            json.insert(at, json.substr(rng() % json.size(), n));
          }
        }
      }
      ASSERT_EQ(FastVersusDom(json), "") << json;
      ASSERT_EQ(FastVersusDom(json, FormatReadOptions()), "") << json;
      scanned += Scans(json);
      ++total;
    }
  }
  // Both paths were exercised.
  EXPECT_GT(scanned, total / 20);
  EXPECT_LT(scanned, total - total / 20);
}

}  // namespace
}  // namespace ieval
