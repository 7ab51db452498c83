#include "ieval/io/atomic_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>

namespace ieval {
namespace fs = std::filesystem;

namespace {

Status WriteError(const std::string& path, const std::string& what) {
  return Status::IoError(what + ": " + std::strerror(errno),
                         Where{path, 0, "", ""});
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// The descriptor a stream path names (/dev/stdout, /dev/fd/3, …), or -1.
int StreamDescriptor(const std::string& path) {
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    const std::string_view p(path);
    if (p.substr(0, prefix.size()) == prefix &&
        AllDigits(p.substr(prefix.size())) && p.size() - prefix.size() < 6)
      return std::stoi(path.substr(prefix.size()));
  }
  return -1;
}

// What an output path is (the header lists the cases).
enum class Target { kReplace, kWriteThrough, kStream };

Result<Target> Classify(const std::string& path, int* stream_fd) {
  *stream_fd = StreamDescriptor(path);
  if (*stream_fd >= 0) return Target::kStream;
  struct stat st {};
  if (lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Target::kReplace;
    return WriteError(path, "cannot write");
  }
  if (S_ISREG(st.st_mode)) return Target::kReplace;
  if (S_ISDIR(st.st_mode)) {
    return Status::IoError("is a folder; give the path of a file",
                           Where{path, 0, "", ""});
  }
  if (!S_ISLNK(st.st_mode)) return Target::kWriteThrough;
  struct stat pointed {};
  if (stat(path.c_str(), &pointed) == 0 && !S_ISREG(pointed.st_mode) &&
      !S_ISDIR(pointed.st_mode))
    return Target::kWriteThrough;  // a link to a device or FIFO
  std::error_code ec;
  const fs::path to = fs::read_symlink(path, ec);
  return Status::IoError(
      "is a symbolic link" + (ec ? "" : " (to " + to.string() + ")") +
          "; ieval replaces output files and does not write through a link, "
          "so that a link planted in a shared folder cannot send the output "
          "elsewhere: remove the link or give the path it points to",
      Where{path, 0, "", ""});
}

// Folders already cleaned of stale temporary files by this process.
void CleanOnce(const std::string& folder) {
  static std::mutex mu;
  static std::set<std::string> cleaned;
  {
    std::lock_guard<std::mutex> lock(mu);
    if (!cleaned.insert(folder).second) return;
  }
  RemoveStaleTemporaryFiles(folder);
}

}  // namespace

long TemporaryNamePid(std::string_view name, std::string_view kind) {
  if (name.size() < 2 || name[0] != '.') return 0;
  const std::string marker = "." + std::string(kind);
  const size_t at = name.rfind(marker);
  if (at == std::string_view::npos || at == 0) return 0;
  std::string_view rest = name.substr(at + marker.size());
  // `.<n>` after the pid: the name tried when the first one was taken.
  if (const size_t dot = rest.find('.'); dot != std::string_view::npos) {
    if (!AllDigits(rest.substr(dot + 1))) return 0;
    rest = rest.substr(0, dot);
  }
  if (!AllDigits(rest) || rest.size() > 9) return 0;
  return std::stol(std::string(rest));
}

bool ProcessGone(long pid) {
  return pid > 0 && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

void RemoveStaleTemporaryFiles(const std::string& folder) {
  DIR* dir = opendir(folder.empty() ? "." : folder.c_str());
  if (dir == nullptr) return;
  const int fd = dirfd(dir);
  while (const dirent* entry = readdir(dir)) {
    const long pid = TemporaryNamePid(entry->d_name, "tmp");
    if (pid == 0 || pid == getpid() || !ProcessGone(pid)) continue;
    struct stat st {};
    if (fstatat(fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
        S_ISREG(st.st_mode) && st.st_uid == geteuid())
      unlinkat(fd, entry->d_name, 0);
  }
  closedir(dir);
}

Result<std::unique_ptr<AtomicFileWriter>> AtomicFileWriter::Open(
    const std::string& path) {
  int stream_fd = -1;
  auto target_kind = Classify(path, &stream_fd);
  if (!target_kind.ok()) return target_kind.status();
  std::FILE* file = nullptr;
  std::string temp;
  if (*target_kind == Target::kStream) {
    std::fflush(stdout);  // what was printed before comes first
    const int fd = dup(stream_fd);
    if (fd < 0 || (file = fdopen(fd, "wb")) == nullptr)
      return WriteError(path, "cannot write");
  } else if (*target_kind == Target::kWriteThrough) {
    // Neither created nor truncated: a device or FIFO is written as it is.
    const int fd = open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0 || (file = fdopen(fd, "wb")) == nullptr)
      return WriteError(path, "cannot write");
  } else {
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
    CleanOnce(target.parent_path().string());
    // Same folder as the target, so rename() stays on one file system; a
    // leading dot keeps it out of folder listings that read *.json.
    const std::string base =
        (target.parent_path() /
         ("." + target.filename().string() + ".tmp" + std::to_string(getpid())))
            .string();
    int fd = -1;
    for (int n = 0; n < 100 && fd < 0; ++n) {
      temp = n == 0 ? base : base + "." + std::to_string(n);
      fd = open(temp.c_str(),
                O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
      if (fd < 0 && errno != EEXIST) break;
    }
    if (fd < 0 || (file = fdopen(fd, "wb")) == nullptr) {
      if (fd >= 0) close(fd);
      return WriteError(path, "cannot write a temporary file " + temp);
    }
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
  if (!committed_ && !temp_path_.empty()) std::remove(temp_path_.c_str());
}

Status AtomicFileWriter::Append(std::string_view data) {
  if (std::fwrite(data.data(), 1, data.size(), file_) != data.size())
    return WriteError(path_, "write failed");
  return Status::Ok();
}

Status AtomicFileWriter::Sync() {
  if (std::fflush(file_) != 0) return WriteError(path_, "cannot write");
  // A device or pipe has no disk to wait for.
  if (!writes_through() && fsync(fileno(file_)) != 0)
    return WriteError(path_, "cannot write");
  return Status::Ok();
}

Status AtomicFileWriter::Commit() {
  const bool flushed = std::fflush(file_) == 0 &&
                       (writes_through() || fsync(fileno(file_)) == 0);
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!flushed || !closed ||
      (!writes_through() &&
       std::rename(temp_path_.c_str(), path_.c_str()) != 0))
    return WriteError(path_, "cannot write");
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

std::string UnsafeFileNameReason(std::string_view name) {
  if (name.empty()) return "it is empty";
  if (name == "." || name == "..") return "it names a folder";
  if (name.size() > 250) return "it is longer than 250 bytes";
  for (const char c : name) {
    if (c == '/') return "it holds a '/'";
    if (c == '\0') return "it holds a NUL character";
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      return "it holds a control character";
  }
  return "";
}

std::string QuotedForMessage(std::string_view name) {
  std::string out = "\"";
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", u);
      out += hex;
    } else {
      out += c;
    }
  }
  return out + "\"";
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
