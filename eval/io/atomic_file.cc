#include "ieval/io/atomic_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace ieval {
namespace fs = std::filesystem;

Result<std::unique_ptr<AtomicFileWriter>> AtomicFileWriter::Open(
    const std::string& path) {
  std::error_code ec;
  const fs::path target(path);
  if (target.has_parent_path())
    fs::create_directories(target.parent_path(), ec);
  if (ec) {
    return Status::IoError("cannot create folder " +
                               target.parent_path().string() + ": " +
                               ec.message(),
                           Where{path, 0, "", ""});
  }
  // Same folder as the target, so rename() stays on one file system; a
  // leading dot keeps it out of folder listings that read *.json.
  const std::string temp =
      (target.parent_path() /
       ("." + target.filename().string() + ".tmp" + std::to_string(getpid())))
          .string();
  std::FILE* file = std::fopen(temp.c_str(), "wb");
  if (file == nullptr) {
    return Status::IoError(std::string("cannot write: ") + std::strerror(errno),
                           Where{path, 0, "", ""});
  }
  auto writer =
      std::unique_ptr<AtomicFileWriter>(new AtomicFileWriter(path, temp, file));
  // stdio's own buffer is one file-system block (4 KiB), a write() call per
  // 4 KiB of a report of tens of MB; larger pieces take a fraction of the
  // time (bench/README.md, "Whole process: --jobs"), and the writes happen
  // on the thread that writes the pieces in order while the others wait.
  writer->buffer_ = std::make_unique<char[]>(kBufferBytes);
  std::setvbuf(file, writer->buffer_.get(), _IOFBF, kBufferBytes);
  return writer;
}

AtomicFileWriter::~AtomicFileWriter() {
  if (file_ != nullptr) std::fclose(file_);
  if (!committed_) std::remove(temp_path_.c_str());
}

Status AtomicFileWriter::Append(std::string_view data) {
  if (std::fwrite(data.data(), 1, data.size(), file_) != data.size()) {
    return Status::IoError(std::string("write failed: ") + std::strerror(errno),
                           Where{path_, 0, "", ""});
  }
  return Status::Ok();
}

Status AtomicFileWriter::Sync() {
  if (std::fflush(file_) != 0 || fsync(fileno(file_)) != 0) {
    return Status::IoError(std::string("cannot write: ") + std::strerror(errno),
                           Where{path_, 0, "", ""});
  }
  return Status::Ok();
}

Status AtomicFileWriter::Commit() {
  const bool flushed = std::fflush(file_) == 0 && fsync(fileno(file_)) == 0;
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!flushed || !closed ||
      std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    return Status::IoError(std::string("cannot write: ") + std::strerror(errno),
                           Where{path_, 0, "", ""});
  }
  committed_ = true;
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, std::string_view content) {
  auto opened = AtomicFileWriter::Open(path);
  if (!opened.ok()) return opened.status();
  std::unique_ptr<AtomicFileWriter> writer = std::move(opened).value();
  if (Status s = writer->Append(content); !s.ok()) return s;
  return writer->Commit();
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::IoError(std::string("cannot read: ") + std::strerror(errno),
                           Where{path, 0, "", ""});
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace ieval
