// The one place where a Status becomes a process exit code
// (../shared/INTERFACE.md): 0 done, 1 gate found a regression, 2 bad usage or
// bad input, 3 an extractor failed.
#ifndef IEVAL_APP_CLI_EXIT_CODES_H_
#define IEVAL_APP_CLI_EXIT_CODES_H_

#include "ieval/core/status.h"

namespace ieval {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRegression = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitExtractorFailed = 3;
inline constexpr int kExitInternal = 70;  // EX_SOFTWARE: a bug in ieval

inline int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk:
      return kExitOk;
    case Status::Code::kInvalidInput:
    case Status::Code::kUsage:
    case Status::Code::kIoError:
    case Status::Code::kUnavailable:
      return kExitBadInput;
    case Status::Code::kExtractorFailed:
      return kExitExtractorFailed;
    case Status::Code::kInternal:
      break;
  }
  return kExitInternal;
}

}  // namespace ieval

#endif  // IEVAL_APP_CLI_EXIT_CODES_H_
