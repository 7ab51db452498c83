// "Did you mean": the known name closest to a misspelt one, for the
// messages about unknown keys (annotation files, labels.json, configs), so
// a typo such as "entites" names "entities" instead of being read as a key
// nobody uses.
#ifndef IEVAL_IO_CLOSEST_NAME_H_
#define IEVAL_IO_CLOSEST_NAME_H_

#include <initializer_list>
#include <string>
#include <string_view>

namespace ieval {

// The edit distance of `a` and `b` (insertions, deletions, substitutions
// and swaps of neighbours), ASCII letters compared without case (so "Type"
// is 0 from "type" and "tpye" 1).
size_t EditDistance(std::string_view a, std::string_view b);

// The name of `known` nearest to `name` when it is close (at most a third
// of `name`'s length away, and at least one edit for short names), ties to
// the first; empty when none is.
std::string ClosestName(std::string_view name,
                        std::initializer_list<std::string_view> known);

// " (did you mean \"entities\"?)" for ClosestName's answer, else "".
std::string DidYouMean(std::string_view name,
                       std::initializer_list<std::string_view> known);

}  // namespace ieval

#endif  // IEVAL_IO_CLOSEST_NAME_H_
