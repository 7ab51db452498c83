// ThreadPool and what runs on it: every index or task exactly once,
// ParallelForOrdered's commits in order after their work, whatever the
// number of threads; helpers reused; a busy pool runs a second step on its
// caller instead of making it wait.
#include "ieval/core/thread_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace ieval {
namespace {

// Some indices take longer, so threads finish out of order.
void Work(size_t i) {
  if (i % 7 == 3) std::this_thread::sleep_for(std::chrono::microseconds(200));
}

TEST(ParallelFor, CallsEveryIndexOnceWhateverTheJobs) {
  for (int jobs : {0, 1, 2, 5}) {
    ThreadPool pool(jobs);
    std::vector<std::atomic<int>> calls(300);
    ParallelFor(pool, calls.size(), [&](size_t i) {
      Work(i);
      ++calls[i];
    });
    for (size_t i = 0; i < calls.size(); ++i)
      EXPECT_EQ(calls[i].load(), 1) << "index " << i << ", jobs " << jobs;
  }
}

TEST(ParallelFor, NothingToDoCallsNothing) {
  ThreadPool pool(4);
  ParallelFor(pool, 0, [](size_t) { ADD_FAILURE() << "called"; });
}

TEST(ParallelForOrdered, CommitsEveryIndexInOrderAfterItsWork) {
  for (int jobs : {1, 2, 4}) {
    ThreadPool pool(jobs);
    const size_t n = 500;
    std::vector<int> worked(n, 0);  // written by work, read by commit
    std::vector<size_t> committed;  // commits never overlap
    std::atomic<int> committing{0};
    ParallelForOrdered(
        pool, n,
        [&](size_t i) {
          Work(i);
          worked[i] = static_cast<int>(i) + 1;
        },
        [&](size_t i) {
          EXPECT_EQ(++committing, 1) << "two commits at once";
          EXPECT_EQ(worked[i], static_cast<int>(i) + 1);
          committed.push_back(i);
          --committing;
        });
    ASSERT_EQ(committed.size(), n) << "jobs " << jobs;
    for (size_t i = 0; i < n; ++i) EXPECT_EQ(committed[i], i);
  }
}

TEST(ParallelForOrdered, OtherThreadsWorkWhileOneCommits) {
  // A slow first commit: with two threads, the other one goes on working
  // meanwhile, so every index is worked before that commit returns.
  std::atomic<size_t> worked{0};
  size_t worked_when_first_commit_ended = 0;
  ThreadPool pool(2);
  ParallelForOrdered(
      pool, 50, [&](size_t) { ++worked; },
      [&](size_t i) {
        if (i != 0) return;
        for (int k = 0; k < 2000 && worked.load() < 50; ++k)
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
        worked_when_first_commit_ended = worked.load();
      });
  EXPECT_EQ(worked_when_first_commit_ended, 50u);
}

TEST(ThreadPool, RunCallsTheBodyOncePerThreadWithItsWorkerNumber) {
  for (int threads : {0, 1, 3}) {
    ThreadPool pool(threads);
    std::vector<std::atomic<int>> calls(static_cast<size_t>(pool.threads()));
    pool.Run([&](int worker) { ++calls[static_cast<size_t>(worker)]; });
    for (const std::atomic<int>& c : calls) EXPECT_EQ(c.load(), 1);
  }
}

// The ids of the threads one Run call ran its calls on.
std::set<std::thread::id> ThreadsOfOneRun(ThreadPool& pool) {
  std::mutex mu;
  std::set<std::thread::id> ids;
  std::atomic<int> arrived{0};
  pool.Run([&](int) {
    ++arrived;
    // Every call waits for the others, so none can run two of them.
    while (arrived.load() < pool.threads()) std::this_thread::yield();
    std::lock_guard<std::mutex> lock(mu);
    ids.insert(std::this_thread::get_id());
  });
  return ids;
}

TEST(ThreadPool, EachCallIsOnItsOwnThreadAndTheCallerIsOne) {
  ThreadPool pool(3);
  const std::set<std::thread::id> ids = ThreadsOfOneRun(pool);
  EXPECT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids.count(std::this_thread::get_id()), 1u);
}

TEST(ThreadPool, LaterStepsReuseTheHelperThreads) {
  ThreadPool pool(3);
  const std::set<std::thread::id> first = ThreadsOfOneRun(pool);
  const std::set<std::thread::id> second = ThreadsOfOneRun(pool);
  EXPECT_EQ(first, second);
}

TEST(ThreadPool, AStepWhileBusyRunsOnItsCallerAlone) {
  // The report's page is rendered (a ParallelFor) while the predictions
  // are written (another): the second must not wait for the first.
  ThreadPool pool(2);
  std::atomic<bool> inner_done{false};
  std::set<std::thread::id> inner;
  std::thread::id other_caller;
  pool.Run([&](int worker) {
    if (worker != 0) {
      // Wait, so the step stays under way while the other thread runs.
      for (int k = 0; k < 5000 && !inner_done; ++k)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      return;
    }
    std::thread other([&] {
      other_caller = std::this_thread::get_id();
      ParallelFor(pool, 100, [&](size_t) {
        static std::mutex mu;
        std::lock_guard<std::mutex> lock(mu);
        inner.insert(std::this_thread::get_id());
      });
      inner_done = true;
    });
    other.join();
  });
  EXPECT_TRUE(inner_done);
  EXPECT_EQ(inner, std::set<std::thread::id>{other_caller});
}

TEST(ThreadPool, ATaskCanRunAStepOfItsOwnOnTheSamePool) {
  ThreadPool pool(2);
  std::atomic<int> calls{0};
  ParallelFor(pool, 4,
              [&](size_t) { ParallelFor(pool, 10, [&](size_t) { ++calls; }); });
  EXPECT_EQ(calls.load(), 40);
}

TEST(ThreadPoolBatch, RunsEveryTaskOnceInEveryBatchOnNumberedWorkers) {
  ThreadPool pool(3);
  EXPECT_EQ(pool.threads(), 3);
  for (size_t n : {0u, 1u, 7u, 1000u}) {
    std::vector<std::atomic<int>> runs(n);
    std::atomic<bool> bad_worker{false};
    pool.Start(n, [&](size_t i, int worker) {
      if (worker < 0 || worker >= 3) bad_worker = true;
      ++runs[i];
    });
    pool.Finish();
    for (size_t i = 0; i < n; ++i) EXPECT_EQ(runs[i], 1) << "task " << i;
    EXPECT_FALSE(bad_worker);
  }
}

TEST(ThreadPoolBatch, AThreadDoneWithItsShareTakesTheOthers) {
  ThreadPool pool(2);
  constexpr size_t kTasks = 10;
  std::vector<int> worker_of(kTasks, -1);
  std::atomic<size_t> done{0};
  pool.Start(kTasks, [&](size_t i, int worker) {
    worker_of[i] = worker;
    ++done;
  });
  // The caller does not join in yet: the helper runs its half, then the
  // caller's.
  for (int wait = 0; done < kTasks && wait < 10000; ++wait)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  pool.Finish();
  EXPECT_EQ(worker_of, std::vector<int>(kTasks, 1));
}

TEST(ThreadPoolBatch, OneThreadRunsEverythingOnTheCallerInFinish) {
  ThreadPool pool(1);
  std::vector<int> order;
  pool.Start(4, [&](size_t i, int worker) {
    EXPECT_EQ(worker, 0);
    order.push_back(static_cast<int>(i));
  });
  EXPECT_TRUE(order.empty());  // nothing runs before Finish()
  pool.Finish();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3}));
}

}  // namespace
}  // namespace ieval
