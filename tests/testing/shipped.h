// The shipped files of the source tree under test, for tests that use the
// built-in extractors with their defaults (the tagger's model, the example
// plug-in) without going through the binary's own lookup.
#ifndef IEVAL_TESTS_TESTING_SHIPPED_H_
#define IEVAL_TESTS_TESTING_SHIPPED_H_

#include <string>

#include "ieval/extractors/builtin.h"

namespace ieval::testing {

// The source tree's files: "extractors/variants.json" -> its full path.
std::string SourcePath(const std::string& relative);

// The tagger model of the source tree and the build's plugins/ folder.
BuiltinPaths ShippedBuiltinPaths();

}  // namespace ieval::testing

#endif  // IEVAL_TESTS_TESTING_SHIPPED_H_
