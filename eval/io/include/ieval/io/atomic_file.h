// Writing output files so that a reader never sees half of one: write to a
// temporary file in the same folder, then rename it over the target (atomic
// on POSIX file systems). A failed or interrupted write leaves the target as
// it was.
#ifndef IEVAL_IO_ATOMIC_FILE_H_
#define IEVAL_IO_ATOMIC_FILE_H_

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "ieval/core/status.h"

namespace ieval {

// Writes `content` to `path` atomically, creating missing parent folders.
Status WriteFileAtomically(const std::string& path, std::string_view content);

// For output too large to build in memory: Append() pieces, then Commit().
// Destroying it without Commit() removes the temporary file.
class AtomicFileWriter {
 public:
  static Result<std::unique_ptr<AtomicFileWriter>> Open(
      const std::string& path);
  ~AtomicFileWriter();
  // Not copyable or movable: it owns an open FILE* and a temp-file name.
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  Status Append(std::string_view data);
  // Writes out what is buffered and waits until the data is on disk
  // (fsync), so that a later Commit() has little left to wait for: a
  // caller can sync one file on another thread while it writes the next
  // (not at the same time as Append or Commit on this one).
  Status Sync();
  Status Commit();

 private:
  AtomicFileWriter(std::string path, std::string temp_path, std::FILE* file)
      : path_(std::move(path)), temp_path_(std::move(temp_path)), file_(file) {}

  static constexpr size_t kBufferBytes = 256 * 1024;

  std::string path_;
  std::string temp_path_;
  std::unique_ptr<char[]> buffer_;  // outlives file_: closed first
  std::FILE* file_;
  bool committed_ = false;
};

// Reads a whole file.
Result<std::string> ReadFile(const std::string& path);

}  // namespace ieval

#endif  // IEVAL_IO_ATOMIC_FILE_H_
