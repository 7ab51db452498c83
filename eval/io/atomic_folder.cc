#include "ieval/io/atomic_folder.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>

#include "ieval/io/atomic_file.h"

namespace ieval {
namespace fs = std::filesystem;

namespace {

// The list's first line; a staging folder's list says "*" (all ours).
constexpr char kListHeader[] = "# files written by ieval run";
constexpr char kAllOurs[] = "*";

Status FolderError(const std::string& path, const std::string& what) {
  return Status::IoError(what, Where{path, 0, "", ""});
}

std::string Errno() { return std::strerror(errno); }

void SyncFolder(const fs::path& dir) {
  const int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  fsync(fd);
  close(fd);
}

// The entries a folder's list names; nullopt without a list.
std::optional<std::set<std::string>> ReadList(const fs::path& dir) {
  std::ifstream in(dir / kOutputsListName);
  if (!in) return std::nullopt;
  std::set<std::string> names;
  std::string line;
  std::getline(in, line);
  if (line != kListHeader) return std::nullopt;
  while (std::getline(in, line))
    if (!line.empty()) names.insert(line);
  return names;
}

bool Exists(const fs::path& p) {
  struct stat st {};
  return lstat(p.c_str(), &st) == 0;
}

bool IsRealFolder(const fs::path& p) {
  struct stat st {};
  return lstat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Moves the entries of `old_dir` that its run did not write into
// `new_dir` (where the new outputs do not take their names), then removes
// `old_dir`. When one cannot be moved, `old_dir` is kept and named.
Status MoveBackAndRemove(const fs::path& old_dir, const fs::path& new_dir) {
  const std::optional<std::set<std::string>> list = ReadList(old_dir);
  if (list && list->count(kAllOurs)) {
    std::error_code ec;
    fs::remove_all(old_dir, ec);
    return Status::Ok();
  }
  auto ours = [&](const std::string& rel) {
    if (rel == kOutputsListName) return true;
    if (list) return list->count(rel) > 0;
    return rel == "report.json" || rel == "report.md" || rel == "report.html";
  };
  std::string failed;
  auto move = [&](const fs::path& from, const fs::path& to) {
    if (!Exists(to) && std::rename(from.c_str(), to.c_str()) != 0)
      failed = from.string() + ": " + Errno();
  };
  RemoveStaleTemporaryFiles(old_dir.string());
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(old_dir, ec)) {
    const std::string name = entry.path().filename().string();
    const bool listed_folder = list && list->count(name + "/") > 0;
    if ((listed_folder || (!list && name == "predictions")) &&
        IsRealFolder(entry.path()) && IsRealFolder(new_dir / name)) {
      RemoveStaleTemporaryFiles(entry.path().string());
      for (const auto& inner : fs::directory_iterator(entry.path(), ec)) {
        const std::string rel = name + "/" + inner.path().filename().string();
        if (!ours(rel)) move(inner.path(), new_dir / rel);
      }
      continue;
    }
    if (!ours(name)) move(entry.path(), new_dir / name);
  }
  if (ec) failed = old_dir.string() + ": " + ec.message();
  if (!failed.empty()) {
    return FolderError(new_dir.string(),
                       "the new outputs are in place, but the previous "
                       "folder is kept at " +
                           old_dir.string() + " since " + failed +
                           " could not be moved into the new one");
  }
  fs::remove_all(old_dir, ec);
  return Status::Ok();
}

// What killed runs left beside `folder` (named `.<name>.new<pid>` or
// `.<name>.old<pid>`, their process gone): a folder renamed aside is put
// back when `folder` is missing; any other, once what its run did not write
// is moved into `folder`, is removed. Folders without a list are left.
void Recover(const fs::path& folder) {
  const fs::path parent = folder.parent_path();
  const std::string prefix = "." + folder.filename().string() + ".";
  std::error_code ec;
  std::vector<fs::path> stale;
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string kind = name.substr(prefix.size(), 3);
    if ((kind == "new" || kind == "old") &&
        ProcessGone(TemporaryNamePid(name, kind)) && IsRealFolder(entry.path()))
      stale.push_back(entry.path());
  }
  for (const fs::path& dir : stale) {
    if (!ReadList(dir)) continue;
    const bool aside = dir.filename().string()[prefix.size()] == 'o';
    if (aside && !Exists(folder)) {
      std::rename(dir.c_str(), folder.c_str());
    } else if (IsRealFolder(folder)) {
      (void)MoveBackAndRemove(dir, folder);
    }
  }
}

Status WriteList(const fs::path& dir, const std::vector<std::string>& names) {
  std::string text = std::string(kListHeader) + "\n";
  for (const std::string& n : names) text += n + "\n";
  return WriteFileAtomically((dir / kOutputsListName).string(), text);
}

}  // namespace

Result<std::unique_ptr<FolderCommit>> FolderCommit::Begin(
    const std::string& folder, const std::vector<std::string>& subfolders) {
  std::error_code ec;
  fs::path path = fs::absolute(folder, ec).lexically_normal();
  if (path.filename().empty()) path = path.parent_path();
  if (fs::is_symlink(path, ec)) {
    path = fs::canonical(path, ec);
    if (ec || !fs::is_directory(path)) {
      return FolderError(folder,
                         "is a symbolic link to something that is not a "
                         "folder; give an output folder");
    }
  }
  const bool had_previous = Exists(path);
  if (had_previous && !IsRealFolder(path))
    return FolderError(folder, "is not a folder; give an output folder");
  for (const std::string& sub : subfolders) {
    if (Exists(path / sub) && !IsRealFolder(path / sub)) {
      return FolderError(
          (fs::path(folder) / sub).string(),
          "is not a folder (a file or a symbolic link); ieval run writes a "
          "folder there: remove it or give another output folder");
    }
  }
  fs::create_directories(path.parent_path(), ec);
  if (ec) return FolderError(path.parent_path().string(), ec.message());
  Recover(path);
  const fs::path staging =
      path.parent_path() /
      ("." + path.filename().string() + ".new" + std::to_string(getpid()));
  fs::remove_all(staging, ec);  // this process's own, from an earlier call
  if (mkdir(staging.c_str(), 0777) != 0)
    return FolderError(staging.string(), "cannot create folder: " + Errno());
  auto commit = std::unique_ptr<FolderCommit>(new FolderCommit(
      path.string(), staging.string(), subfolders, had_previous));
  if (Status s = WriteList(staging, {kAllOurs}); !s.ok()) return s;
  return commit;
}

FolderCommit::~FolderCommit() {
  if (committed_) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);
}

Status FolderCommit::Commit(const std::vector<std::string>& written) {
  const fs::path folder(folder_), staging(staging_);
  // Every subfolder written into is listed with a trailing '/'.
  std::vector<std::string> names;
  std::set<std::string> subfolders;
  for (const std::string& sub : subfolders_) {
    fs::create_directories(staging / sub);
    subfolders.insert(sub + "/");
  }
  for (const std::string& w : written) {
    names.push_back(w);
    if (const size_t slash = w.find('/'); slash != std::string::npos)
      subfolders.insert(w.substr(0, slash + 1));
  }
  names.insert(names.end(), subfolders.begin(), subfolders.end());
  if (Status s = WriteList(staging, names); !s.ok()) return s;
  for (const std::string& sub : subfolders) SyncFolder(staging / sub);
  SyncFolder(staging);
  if (!Exists(folder)) {
    if (std::rename(staging.c_str(), folder.c_str()) != 0)
      return FolderError(folder_, "cannot create: " + Errno());
    committed_ = true;
    SyncFolder(folder.parent_path());
    return Status::Ok();
  }
  fs::path old = staging;  // after the exchange, the previous outputs
  if (renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, folder.c_str(),
                RENAME_EXCHANGE) != 0) {
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
      return FolderError(folder_, "cannot replace: " + Errno());
    old = folder.parent_path() / ("." + folder.filename().string() + ".old" +
                                  std::to_string(getpid()));
    if (std::rename(folder.c_str(), old.c_str()) != 0)
      return FolderError(folder_, "cannot replace: " + Errno());
    if (std::rename(staging.c_str(), folder.c_str()) != 0) {
      const std::string why = Errno();
      std::rename(old.c_str(), folder.c_str());
      return FolderError(folder_, "cannot replace: " + why);
    }
  }
  committed_ = true;
  SyncFolder(folder.parent_path());
  return MoveBackAndRemove(old, folder);
}

}  // namespace ieval
