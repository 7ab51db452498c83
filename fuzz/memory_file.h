// Bytes in memory as a FILE*, for the readers that stream from one.
#ifndef IEVAL_FUZZ_MEMORY_FILE_H_
#define IEVAL_FUZZ_MEMORY_FILE_H_

#include <cstdio>
#include <string>
#include <string_view>

namespace ieval::fuzz {

class MemoryFile {
 public:
  // fmemopen of zero bytes fails: an empty input is an empty temporary file.
  explicit MemoryFile(std::string_view text)
      : bytes_(text),
        file_(bytes_.empty() ? std::tmpfile()
                             : fmemopen(bytes_.data(), bytes_.size(), "rb")) {}
  ~MemoryFile() {
    if (file_) std::fclose(file_);
  }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  std::FILE* get() const { return file_; }  // nullptr when it cannot open

 private:
  std::string bytes_;
  std::FILE* file_;
};

}  // namespace ieval::fuzz

#endif  // IEVAL_FUZZ_MEMORY_FILE_H_
