// Internal to ieval::io (nlohmann in the interface): the one JSON parser
// behind json_reader.h and the annotation readers. It is nlohmann's, driven
// through its SAX interface so that it can refuse what nlohmann's own DOM
// parser accepts: nesting deeper than a limit (code walking a tree, such as
// dump() or a copy, recurses), a key repeated in one object (the last value
// would silently win) and, like nlohmann, a number no double can hold. Its
// messages never quote the input: a broken file may hold a secret, and the
// message may end up in a CI log.
#ifndef IEVAL_EVAL_IO_JSON_PARSE_H_
#define IEVAL_EVAL_IO_JSON_PARSE_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace ieval {

// Why a text could not be parsed, and where.
struct JsonParseError {
  size_t byte = 0;  // 0-based offset into the text
  // Where in the tree, as a JSON path ("$.entities[2]"); "$" when the text
  // is not valid JSON (the path of a syntax error would be a guess).
  std::string path = "$";
  // "syntax error while parsing object - unexpected end of input; expected
  // string literal", "duplicate key \"start\"", "nested deeper than 512
  // levels, the limit of every JSON file ieval reads", "number overflow:
  // a 6-character number beyond the range of a double".
  std::string what;
  bool syntax = true;  // invalid JSON; false: valid JSON that is refused
};

// Parses `text` into `*out`. On failure returns false and fills `*error`;
// `*out` is then unspecified.
bool ParseJsonTree(std::string_view text, int max_depth, nlohmann::json* out,
                   JsonParseError* error);

// Line and column (1-based; the column in bytes) of byte `pos` of `text`.
std::pair<int64_t, int64_t> JsonLineColumn(std::string_view text, size_t pos);

// The message of `error`, for a text whose first line is line 1: "invalid
// JSON at column 7: …" for a syntax error, "$.a.b: duplicate key \"c\"
// (column 7)" otherwise. The line goes to the caller's Where.
std::string JsonErrorMessage(const JsonParseError& error, int64_t column);

// A JSON path step: ".name" for a plain key, "[\"odd key\"]" otherwise.
std::string JsonPathKey(std::string_view key);

// `s` as a JSON string literal for a message, cut after 60 bytes (at a
// character boundary) with "…".
std::string JsonQuoted(std::string_view s);

}  // namespace ieval

#endif  // IEVAL_EVAL_IO_JSON_PARSE_H_
