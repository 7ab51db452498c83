// Running per-document work on a few threads: the per-document steps of
// `ieval run` (reading the gold, scoring, writing report.json's
// per-document counts and the predictions) share the --jobs threads this
// way. Indices are handed out one at a time from a shared counter, so a few
// slow documents do not leave a thread idle.
//
// Results that must come out in order (a file's lines, sums whose examples
// keep the first ones seen) go through ParallelForOrdered's `commit`: one
// thread at a time commits the finished indices in order while the others
// keep working, so the serial step overlaps the parallel one instead of
// following it, and the output is the same for every number of threads.
#ifndef IEVAL_CORE_PARALLEL_H_
#define IEVAL_CORE_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace ieval {

// Calls `fn()` on `threads` threads at once (the calling thread is one of
// them) and returns when every call has returned. threads <= 1: one call,
// on the calling thread.
void RunOnThreads(int threads, const std::function<void()>& fn);

// Calls `fn(i)` once for every i in [0, n), on min(jobs, n) threads (jobs
// <= 1: all on the calling thread, in order). `fn` must be safe to call
// concurrently for different indices and must not throw.
void ParallelFor(size_t n, int jobs, const std::function<void(size_t)>& fn);

// As ParallelFor, then `commit(i)` for every i in increasing order, each
// after `work(i)` has returned: never two commits at once, and a commit
// sees everything its `work` wrote. Commits run on whichever thread
// finished the index the next commit waits for.
void ParallelForOrdered(size_t n, int jobs,
                        const std::function<void(size_t)>& work,
                        const std::function<void(size_t)>& commit);

}  // namespace ieval

#endif  // IEVAL_CORE_PARALLEL_H_
