// Measuring what a variant costs, and describing the machine it ran on.
//   wall: std::chrono::steady_clock around the extraction;
//   CPU: CLOCK_THREAD_CPUTIME_ID of each worker thread, summed, or
//        CLOCK_PROCESS_CPUTIME_ID of the whole process, plus the user +
//        system time of child processes: read from /proc while they run
//        (an external extractor's program lives as long as its extractor),
//        from getrusage RUSAGE_CHILDREN once reaped;
//   memory: getrusage ru_maxrss, the process-wide high-water mark (it never
//        goes down, so a later variant's figure includes earlier ones); the
//        same mark from /proc/self/status (VmHWM), which can be reset, so
//        `ieval bench` gives each variant its own; the largest child's,
//        live (VmHWM) or reaped (ru_maxrss).
#ifndef IEVAL_RUN_RESOURCES_H_
#define IEVAL_RUN_RESOURCES_H_

#include <cstdint>
#include <string>

#include "ieval/results/run_result.h"

namespace ieval {

// CPU seconds of the calling thread so far.
double ThreadCpuSeconds();
// CPU seconds of the whole process (every thread) so far.
double ProcessCpuSeconds();
// User + system CPU seconds of reaped child processes so far.
double ChildrenCpuSeconds();

// The child processes running now, and their descendants, from /proc
// (each thread's task/<tid>/children).
struct LiveChildren {
  int processes = 0;
  // User + system time of each, with that of the children each has reaped.
  double cpu_seconds = 0;
  int64_t peak_rss_kb = 0;  // the largest VmHWM (peak resident set)
};
LiveChildren ReadLiveChildren();

// CPU seconds of every child process so far, running or reaped:
// ChildrenCpuSeconds() + ReadLiveChildren().cpu_seconds. The difference of
// two readings is what children used between them, also when a child
// exits in between (its time moves from the live to the reaped share).
double AllChildrenCpuSeconds();
// Peak resident set size in KiB: of this process, of its largest reaped
// child.
int64_t PeakRssKb();
int64_t ChildrenPeakRssKb();

// Resets this process's peak resident set (VmHWM) to its current size
// (writing 5 to /proc/self/clear_refs); false where that is not possible.
bool ResetPeakRss();
// This process's peak resident set in KiB since the last ResetPeakRss()
// (VmHWM), or PeakRssKb() without /proc.
int64_t PeakRssSinceResetKb();

MachineInfo DescribeMachine();

// The malloc this process runs on: "mimalloc 2.0.9" when mimalloc replaced
// it (the `ieval` binary is linked with mimalloc unless configured with
// -DIEVAL_MALLOC=system), with ", large OS pages" when it takes 2 MiB
// pages (as `ieval` asks it to), else "glibc malloc". Asked of the running
// process, not of the build: a malloc'd block is checked against
// mimalloc's heap, found with dlsym, so a link that failed to interpose
// shows here.
std::string DescribeAllocator();

// Now, UTC, as "2025-01-31T12:34:56Z".
std::string UtcNow();

}  // namespace ieval

#endif  // IEVAL_RUN_RESOURCES_H_
