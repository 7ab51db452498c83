// The version ieval reports (--version, report.json).
#ifndef IEVAL_APP_CLI_VERSION_H_
#define IEVAL_APP_CLI_VERSION_H_

#include <string>

namespace ieval {

// "ieval 0.1.0 (git abc1234)" — the git part when the build knew it.
std::string VersionString();

}  // namespace ieval

#endif  // IEVAL_APP_CLI_VERSION_H_
