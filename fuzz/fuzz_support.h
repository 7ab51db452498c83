// What the fuzz targets share: the input as text, a scratch file for the
// readers that take a path, and a property check that stops the fuzzer.
// Every target is one LLVMFuzzerTestOneInput; a crash, a sanitizer report or
// a failed property is a bug (fuzz/README.md).
#ifndef IEVAL_FUZZ_FUZZ_SUPPORT_H_
#define IEVAL_FUZZ_FUZZ_SUPPORT_H_

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace ieval::fuzz {

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The input written to a file named `name` in this process's own folder
// under the temporary directory (a reader that takes a path reads it from
// there; the next input overwrites it).
inline std::string WriteScratch(std::string_view bytes,
                                const std::string& name) {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() /
             ("ieval-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  const std::string path = (dir / name).string();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

// A property every input must keep; when it does not, the fuzzer stops here
// and saves the input.
inline void Require(bool holds, const char* property) {
  if (holds) return;
  std::fprintf(stderr, "property violated: %s\n", property);
  std::abort();
}

}  // namespace ieval::fuzz

#endif  // IEVAL_FUZZ_FUZZ_SUPPORT_H_
