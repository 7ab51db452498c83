// A fixed set of threads that run one batch of tasks at a time, for
// pipelines where the thread that hands out a batch has work of its own in
// the meantime (`ieval score` reads the next documents while the current
// ones are parsed and scored): Start() hands the batch to the helpers and
// returns at once; Finish() runs what is left on the calling thread too and
// returns when every task is done. The threads live as long as the pool, so
// a batch costs a wake-up, not a thread creation, and each thread keeps its
// malloc arena and caches warm from batch to batch.
#ifndef IEVAL_EVAL_CLI_TASK_POOL_H_
#define IEVAL_EVAL_CLI_TASK_POOL_H_

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ieval {

class TaskPool {
 public:
  // `threads` counts the calling thread: threads - 1 helpers are started
  // (none for 1, when everything runs in Finish()).
  explicit TaskPool(int threads);
  ~TaskPool();
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;

  // The number of threads, the calling one included.
  int threads() const { return static_cast<int>(helpers_.size()) + 1; }

  // Hands out task(i, worker) for i in [0, n), each exactly once, in
  // increasing i; worker is the running thread's number in [0, threads()),
  // 0 being the caller (so per-worker state needs no lock). `task` must
  // stay alive until Finish() returns. REQUIRES: no batch under way.
  void Start(size_t n, std::function<void(size_t, int)> task);
  // Runs the tasks not yet taken on this thread (worker 0) and waits for
  // the helpers' last ones.
  void Finish();

 private:
  void Help(int worker);
  void RunTasks(int worker);

  std::function<void(size_t, int)> task_;
  size_t n_ = 0;
  std::atomic<size_t> next_{0};
  std::mutex mutex_;
  std::condition_variable start_;  // a new batch, or stopping
  std::condition_variable done_;   // the helpers left the batch
  unsigned generation_ = 0;        // batches started
  int busy_ = 0;                   // helpers still in the current batch
  bool stop_ = false;
  std::vector<std::thread> helpers_;
};

}  // namespace ieval

#endif  // IEVAL_EVAL_CLI_TASK_POOL_H_
