#include "version.h"

namespace ieval {

std::string VersionString() {
  std::string version = "ieval " IEVAL_VERSION;
  const std::string commit = IEVAL_GIT_COMMIT;
  if (!commit.empty()) version += " (git " + commit + ")";
  return version;
}

}  // namespace ieval
