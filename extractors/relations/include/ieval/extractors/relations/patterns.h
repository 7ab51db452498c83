// The relation patterns: for two neighbouring LOC/PER/ORG mentions A and B
// of one sentence (A first), a pattern looks at the text before A (back to
// the previous such mention or the sentence start), between A and B, and
// after B (to the next mention or the sentence end), all case-folded with
// white space collapsed and ’ as '. The first pattern that matches, in a
// fixed priority order, gives the relation and its direction.
#ifndef IEVAL_EXTRACTORS_RELATIONS_PATTERNS_H_
#define IEVAL_EXTRACTORS_RELATIONS_PATTERNS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ieval {

struct PairContext {
  std::string a_type;  // PER, ORG or LOC
  std::string b_type;
  std::string left;   // normalised text before A
  std::string gap;    // between A and B
  std::string right;  // after B
};

struct PatternMatch {
  std::string type;  // relation type of gold/labels.json
  bool a_is_head = true;
};

// The relation the context states, if any. Thread-safe.
std::optional<PatternMatch> MatchPatterns(const PairContext& context);

// Patterns that failed to compile (a bug: tests assert this is empty).
std::vector<std::string> PatternErrors();

// Lower case (full case folding, accents kept), typographic apostrophes as
// ', guillemets and quotes as ", every white-space run (NBSP, U+202F
// included) as one space.
std::string NormalizeContext(std::string_view utf8);

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_RELATIONS_PATTERNS_H_
