// The gazetteer's data files (data/*.tsv), compiled into the binary at build
// time by embed_data.cmake, so `ieval` finds them wherever it is installed.
// The `data_dir` option reads a folder instead.
#ifndef IEVAL_EXTRACTORS_GAZETTEER_EMBEDDED_DATA_H_
#define IEVAL_EXTRACTORS_GAZETTEER_EMBEDDED_DATA_H_

#include <string_view>
#include <vector>

namespace ieval {

struct EmbeddedFile {
  std::string_view name;     // file name, e.g. "organisations.tsv"
  std::string_view content;  // the bytes as in the source tree
};

// In file-name order.
const std::vector<EmbeddedFile>& EmbeddedGazetteerFiles();

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_GAZETTEER_EMBEDDED_DATA_H_
