// The progress line `ieval run` keeps on a terminal's stderr: variant,
// documents done, rate and ETA, redrawn in place at most ten times a second.
#ifndef IEVAL_APP_CLI_PROGRESS_LINE_H_
#define IEVAL_APP_CLI_PROGRESS_LINE_H_

#include <chrono>
#include <cstdio>
#include <string>

#include "ieval/run/runner.h"

namespace ieval {

class ProgressLine {
 public:
  // Disabled: every call does nothing.
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  bool enabled() const { return enabled_; }

  void Show(const RunProgress& p) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (p.done < p.total && now - last_ < std::chrono::milliseconds(100))
      return;
    last_ = now;
    const double rate =
        p.seconds > 0 ? static_cast<double>(p.done) / p.seconds : 0;
    const double eta =
        rate > 0 ? static_cast<double>(p.total - p.done) / rate : 0;
    std::fprintf(stderr,
                 "\r\033[K[%d/%d] %s: %lld/%lld documents, %.1f docs/s, "
                 "ETA %.0f s",
                 p.variant_index + 1, p.variants, p.variant.c_str(),
                 static_cast<long long>(p.done),
                 static_cast<long long>(p.total), rate, eta);
    std::fflush(stderr);
    shown_ = true;
  }
  // Ends the line (once something was shown).
  void Finish() {
    if (enabled_ && shown_) std::fputs("\r\033[K", stderr);
    shown_ = false;
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace ieval

#endif  // IEVAL_APP_CLI_PROGRESS_LINE_H_
