// The checked JSON layer (json_reader.h) every JSON file but annotations
// goes through: parse, then visit every value with every accessor. A value
// is described, dumped and read back to the same text.
#include <string>

#include "fuzz_support.h"
#include "ieval/io/json_reader.h"

namespace ieval {
namespace {

void Visit(const JsonValue& v) {
  (void)v.Describe();
  (void)v.String();
  (void)v.Bool();
  (void)v.Integer();
  (void)v.Integer(0, 100);
  (void)v.Unsigned();
  (void)v.Number(0, 1);
  (void)v.Count();
  (void)v.Count(0.5);
  (void)v.OneOf({"a", "b"});
  (void)v.OnlyKeys({"a"});
  (void)v.Get("a");
  for (const auto& [key, member] : v.Members()) Visit(member);
  for (const JsonValue& element : v.Elements()) Visit(element);
}

}  // namespace
}  // namespace ieval

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ieval;
  auto doc = JsonDocument::Parse(fuzz::AsText(data, size), "f.json");
  if (!doc.ok()) return 0;
  Visit(doc->root());
  const std::string dumped = doc->root().Dump();
  auto again = JsonDocument::Parse(dumped, "dumped.json");
  fuzz::Require(again.ok(), "a dumped document parses");
  fuzz::Require(again->root().Dump() == dumped,
                "a dumped document dumps to the same text");
  return 0;
}
