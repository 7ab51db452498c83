// A fixed set of threads that run one batch of tasks at a time, for
// pipelines where the thread that hands out a batch has work of its own in
// the meantime (`ieval score` reads the next documents while the current
// ones are parsed and scored): Start() hands the batch to the helpers and
// returns at once; Finish() runs what is left on the calling thread too and
// returns when every task is done. The threads live as long as the pool, so
// a batch costs a wake-up, not a thread creation, and each thread keeps its
// malloc arena and caches warm from batch to batch.
//
// Each thread owns a contiguous share of a batch's tasks and runs it from
// the front; a thread done with its share takes tasks from the back of the
// others'. So task i goes to the same thread from batch to batch unless
// the load says otherwise: a caller that lays out related work of
// consecutive batches at the same index (`ieval score` parses document i,
// then scores pair i in the next batch) keeps each document's memory on the
// thread that allocated it, which frees it without contention.
#ifndef IEVAL_PIPELINE_TASK_POOL_H_
#define IEVAL_PIPELINE_TASK_POOL_H_

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

class TaskPool {
 public:
  // `threads` counts the calling thread: threads - 1 helpers are started
  // (none for 1, when everything runs in Finish()).
  explicit TaskPool(int threads);
  ~TaskPool();
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;

  // The number of threads, the calling one included.
  int threads() const { return threads_; }

  // Hands out task(i, worker) for i in [0, n), each exactly once; worker
  // is the running thread's number in [0, threads()), 0 being the caller
  // (so per-worker state needs no lock). With one thread the tasks run in
  // increasing i. `task` must stay alive until Finish() returns.
  // REQUIRES: no batch under way; n < 2^32.
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

  void Help(int worker);
  void RunTasks(int worker);

  const int threads_;
  std::function<void(size_t, int)> task_;
  std::unique_ptr<Share[]> shares_;  // one per thread
  std::mutex mutex_;
  std::condition_variable start_;  // a new batch, or stopping
  std::condition_variable done_;   // the helpers left the batch
  unsigned generation_ = 0;        // batches started
  int busy_ = 0;                   // helpers still in the current batch
  bool stop_ = false;
  std::vector<std::thread> helpers_;
};

}  // namespace ieval

#endif  // IEVAL_PIPELINE_TASK_POOL_H_
