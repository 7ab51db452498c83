// Measuring what a variant costs, and describing the machine it ran on.
//   wall: std::chrono::steady_clock around the extraction;
//   CPU: CLOCK_THREAD_CPUTIME_ID of each worker thread, summed, plus the
//        user + system time of child processes reaped meanwhile (getrusage
//        RUSAGE_CHILDREN: an external extractor's process counts once it
//        has exited, i.e. when the variant is torn down);
//   memory: getrusage ru_maxrss, the process-wide high-water mark (it never
//        goes down, so a later variant's figure includes earlier ones), and
//        the largest reaped child's.
#ifndef IEVAL_RUN_RESOURCES_H_
#define IEVAL_RUN_RESOURCES_H_

#include <cstdint>
#include <string>

#include "ieval/results/run_result.h"

namespace ieval {

// CPU seconds of the calling thread so far.
double ThreadCpuSeconds();
// User + system CPU seconds of reaped child processes so far.
double ChildrenCpuSeconds();
// Peak resident set size in KiB: of this process, of its largest reaped
// child.
int64_t PeakRssKb();
int64_t ChildrenPeakRssKb();

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
