// Writing output files so that a reader never sees half of one: write to a
// temporary file in the same folder, then rename it over the target (atomic
// on POSIX file systems). A failed or interrupted write leaves the target as
// it was.
//
// What an output path may be:
// - missing or a regular file: replaced as above. The temporary file
//   `.<name>.tmp<pid>` is created with O_CREAT|O_EXCL|O_NOFOLLOW, so a file
//   or link planted under that name is never written through (another name,
//   `.<name>.tmp<pid>.<n>`, is tried instead). Such temporary files left by
//   runs that were killed (their process is gone, they belong to this user)
//   are removed the first time a process writes into their folder.
// - a device, FIFO or socket (`/dev/null`), or /dev/stdout, /dev/stderr,
//   /dev/fd/N, /proc/self/fd/N: written through, never replaced (the output
//   streams as it is made; a failure can leave part of it there).
// - a symbolic link to anything else: refused (kIoError, exit 2) before
//   anything is written, so a link planted in a shared folder cannot send
//   the output elsewhere; a folder: refused.
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

  // True when the output is a device, FIFO or stream written through.
  bool writes_through() const { return temp_path_.empty(); }

 private:
  AtomicFileWriter(std::string path, std::string temp_path, std::FILE* file)
      : path_(std::move(path)), temp_path_(std::move(temp_path)), file_(file) {}

  static constexpr size_t kBufferBytes = 256 * 1024;

  std::string path_;
  std::string temp_path_;           // empty: written through
  std::unique_ptr<char[]> buffer_;  // outlives file_: closed first
  std::FILE* file_;
  bool committed_ = false;
};

// Removes, in `folder`, the temporary files `.<name>.tmp<pid>[.<n>]` of
// processes that no longer run (regular files of this user only). Open()
// calls it once per folder and process; exposed for the folders that
// `ieval run` commits as a whole.
void RemoveStaleTemporaryFiles(const std::string& folder);

// The process id in a temporary name `.<name>.tmp<pid>[.<n>]` (also
// `.<name>.new<pid>` and `.<name>.old<pid>`, the folders of
// atomic_folder.h), or 0 when `file_name` is not one.
long TemporaryNamePid(std::string_view file_name, std::string_view kind);

// True when process `pid` no longer exists.
bool ProcessGone(long pid);

// Why `name` (a doc_id, a variant name) cannot be used as a file name in
// an output folder, or "" when it can: empty, "." or "..", a '/', NUL or
// another control character, or longer than 250 bytes.
std::string UnsafeFileNameReason(std::string_view name);

// `name` in double quotes for a message, control characters and NUL
// written as \xNN.
std::string QuotedForMessage(std::string_view name);

// Reads a whole file.
Result<std::string> ReadFile(const std::string& path);

}  // namespace ieval

#endif  // IEVAL_IO_ATOMIC_FILE_H_
