// The threads of a command, owned by whoever runs the command: `ieval run`
// makes one pool of --jobs threads and hands it to every parallel step
// (reading the gold, extracting, scoring, statistics, writing the reports);
// `ieval score`'s streaming engine owns one for its batches. There is no
// process-wide pool: a pool is created, passed and destroyed like any
// other value, and its destructor joins its threads.
//
// The threads live as long as the pool, so a parallel step costs a
// wake-up, not a thread creation, and each thread keeps its malloc heap
// and caches warm from step to step (bench/README.md, "--jobs").
//
// Two ways to hand out work:
//   Run(body)           body(worker) once on every thread; ParallelFor and
//                       ParallelForOrdered below hand out indices one at a
//                       time from a shared counter this way, so a few slow
//                       indices do not leave a thread idle.
//   Start(n, task) …    a batch of n tasks; each thread owns a contiguous
//   Finish()            share and runs it from the front, a thread done with
//                       its share takes tasks from the back of the others'.
//                       Task i thus goes to the same thread from batch to
//                       batch unless the load says otherwise, and Start()
//                       returns at once, so the caller can prepare the next
//                       batch meanwhile (`ieval score` reads while the
//                       previous documents are scored).
//
// One step at a time: a Run() or ParallelFor…() called while the pool is
// busy (from another thread, or from inside a task) runs everything on the
// calling thread as worker 0, so two steps that overlap (the report page
// rendered while the predictions are written) never wait for each other.
#ifndef IEVAL_CORE_THREAD_POOL_H_
#define IEVAL_CORE_THREAD_POOL_H_

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace ieval {

class ThreadPool {
 public:
  // `threads` counts the calling thread: max(1, threads) - 1 helpers are
  // started (none for 1, when everything runs on the caller).
  explicit ThreadPool(int threads);
  // Joins the helpers. REQUIRES: no step under way.
  ~ThreadPool();
  // Threads are not copied or moved: tasks hold pointers into the pool.
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  // The number of threads, the calling one included.
  int threads() const { return threads_; }

  // Calls body(worker) once on each thread (worker in [0, threads()), 0
  // being the caller) and returns when every call has returned. When the
  // pool is busy: body(0) on the caller alone.
  void Run(const std::function<void(int worker)>& body);

  // Hands out task(i, worker) for i in [0, n), each exactly once; worker is
  // the running thread's number in [0, threads()), 0 being the caller (so
  // per-worker state needs no lock). With one thread the tasks run in
  // increasing i, all in Finish(). `task` must stay alive until Finish()
  // returns. REQUIRES: no other step under way on this pool; n < 2^32.
  void Start(size_t n, std::function<void(size_t, int)> task);
  // Runs the tasks not yet taken on this thread (worker 0) and waits for
  // the helpers' last ones.
  void Finish();

 private:
  // The tasks [front, back) of one thread's share not taken yet, packed in
  // one word (front in the low half) so either end is taken with one CAS.
  struct alignas(64) Share {
    std::atomic<uint64_t> bounds{0};
  };
  static bool TakeFront(Share& share, size_t* task);
  static bool TakeBack(Share& share, size_t* task);
  void RunTasks(int worker);

  // Wakes the helpers to run body_; false (and nothing started) when the
  // pool is busy.
  bool Dispatch(std::function<void(int)> body);
  // Waits for the helpers of the step under way, then frees the pool.
  void Wait();
  void Help(int worker);

  const int threads_;
  std::unique_ptr<Share[]> shares_;  // one per thread
  std::function<void(size_t, int)> task_;
  std::atomic<bool> busy_{false};  // a step is under way
  std::mutex mutex_;
  std::condition_variable start_;  // a new step, or stopping
  std::condition_variable done_;   // the helpers left the step
  std::function<void(int)> body_;  // guarded by mutex_
  unsigned generation_ = 0;        // steps started; guarded by mutex_
  int running_ = 0;                // helpers still in the step; guarded
  bool stop_ = false;              // guarded by mutex_
  std::vector<std::thread> helpers_;
};

// Calls `fn(i)` once for every i in [0, n), on the pool's threads (all on
// the calling thread, in order, for a one-thread or busy pool). `fn` must
// be safe to call concurrently for different indices and must not throw.
void ParallelFor(ThreadPool& pool, size_t n,
                 const std::function<void(size_t)>& fn);

// As ParallelFor, then `commit(i)` for every i in increasing order, each
// after `work(i)` has returned: never two commits at once, and a commit
// sees everything its `work` wrote. Commits run on whichever thread
// finished the index the next commit waits for, outside any lock, so the
// serial step overlaps the parallel one, and results that must come out in
// order (a file's lines, sums that keep the first examples seen) are the
// same for every number of threads.
void ParallelForOrdered(ThreadPool& pool, size_t n,
                        const std::function<void(size_t)>& work,
                        const std::function<void(size_t)>& commit);

}  // namespace ieval

#endif  // IEVAL_CORE_THREAD_POOL_H_
