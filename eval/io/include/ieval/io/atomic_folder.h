// Replacing a folder of outputs as one unit (what `ieval run` writes to its
// --out): the new outputs are written into a fresh sibling folder
// `.<name>.new<pid>`, which then takes the folder's place in one step
// (renameat2 RENAME_EXCHANGE), so that a reader, or a run killed at any
// moment (SIGKILL included), finds either all of the previous outputs or all
// of the new ones.
//
// Where RENAME_EXCHANGE is not supported (kernels before 3.15, some network
// and FUSE file systems) the folder is renamed aside to `.<name>.old<pid>`
// and the new one renamed into place: two renames, with a moment between
// them when the folder is missing; the next commit of the same folder
// renames it back when a run died in that moment.
//
// Nothing is deleted that a run did not write: the folder keeps a list of
// the files a run wrote (`.ieval-outputs`); every other entry of the old
// folder (and of its predictions/ subfolder) is moved into the new one, and
// only the listed files leave with the old folder. A folder without the list
// (written before it existed) has its report.json, report.md and
// report.html replaced and every other entry kept.
//
// A symbolic link at the folder's path is followed: the folder it points to
// is replaced and the link stays.
#ifndef IEVAL_IO_ATOMIC_FOLDER_H_
#define IEVAL_IO_ATOMIC_FOLDER_H_

#include <memory>
#include <string>
#include <vector>

#include "ieval/core/status.h"

namespace ieval {

class FolderCommit {
 public:
  // Prepares to replace `folder` (which need not exist): recovers what
  // runs killed during an earlier commit of it left (see above), refuses
  // (kIoError, before anything is written) a path that is not a folder or
  // whose `subfolders` (e.g. "predictions") are not folders, and creates the
  // fresh staging folder.
  static Result<std::unique_ptr<FolderCommit>> Begin(
      const std::string& folder, const std::vector<std::string>& subfolders);
  // Removes the staging folder unless committed.
  ~FolderCommit();
  FolderCommit(const FolderCommit&) = delete;
  FolderCommit& operator=(const FolderCommit&) = delete;

  // Where the new outputs are written.
  const std::string& staging() const { return staging_; }
  // The folder replaced (a link at the given path resolved).
  const std::string& folder() const { return folder_; }
  // True when the folder existed before (there are previous outputs).
  bool had_previous() const { return had_previous_; }

  // Makes the staging folder the folder: `written` are the files written
  // into it, relative to it. After success the previous outputs are gone
  // and the entries the previous run did not write are in the new folder.
  Status Commit(const std::vector<std::string>& written);

 private:
  FolderCommit(std::string folder, std::string staging,
               std::vector<std::string> subfolders, bool had_previous)
      : folder_(std::move(folder)),
        staging_(std::move(staging)),
        subfolders_(std::move(subfolders)),
        had_previous_(had_previous) {}

  std::string folder_;
  std::string staging_;
  // Created when the run wrote nothing into them, so that the previous
  // run's files in them are never taken for entries to keep.
  std::vector<std::string> subfolders_;
  bool had_previous_;
  bool committed_ = false;
};

// The name of the list of files a run wrote, in each committed folder.
inline constexpr char kOutputsListName[] = ".ieval-outputs";

}  // namespace ieval

#endif  // IEVAL_IO_ATOMIC_FOLDER_H_
