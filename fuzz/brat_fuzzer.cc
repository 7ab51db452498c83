// A BRAT document: the input is NAME.txt's bytes, a NUL byte, then
// NAME.ann's (scripts/fuzz makes the seeds so from tests/bad_inputs/brat;
// without a NUL the whole input is the .ann of an empty text). Read in each
// offset unit, then converted with each discontinuous-entity policy: every
// mention made is inside the text.
#include <string>

#include "fuzz_support.h"
#include "ieval/core/offset_index.h"
#include "ieval/io/brat_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ieval;
  const std::string_view input = fuzz::AsText(data, size);
  const size_t nul = input.find('\0');
  const std::string text(nul == std::string_view::npos ? std::string_view()
                                                       : input.substr(0, nul));
  const std::string_view ann =
      nul == std::string_view::npos ? input : input.substr(nul + 1);
  for (OffsetUnit unit :
       {OffsetUnit::kCodepoint, OffsetUnit::kByte, OffsetUnit::kUtf16}) {
    auto doc = ParseBrat("d", text, ann, "d.ann", unit);
    if (!doc.ok()) continue;
    const int64_t length = CountCodepoints(text);
    for (DiscontinuousPolicy policy :
         {DiscontinuousPolicy::kCover, DiscontinuousPolicy::kFragments,
          DiscontinuousPolicy::kSkip}) {
      for (bool flatten : {false, true}) {
        BratConversion conversion;
        conversion.discontinuous = policy;
        conversion.flatten = flatten;
        const AnnotatedDocument converted = BratToAnnotated(*doc, conversion);
        for (const Mention& m : converted.annotations.mentions)
          fuzz::Require(0 <= m.start && m.start <= m.end && m.end <= length,
                        "a BRAT mention is a span of the text");
      }
    }
  }
  return 0;
}
