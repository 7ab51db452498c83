#include "eval/cli/score_stream.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>

#include "eval/core/offset_index.h"
#include "eval/core/string_set.h"
#include "eval/io/annotation_json.h"
#include "eval/io/offsets.h"
#include "eval/validate/validator.h"

namespace ieval {
namespace {

// Documents read per side and batch: enough to keep every thread busy
// between two barriers (tens of milliseconds of work), few enough to keep
// memory small (about a megabyte of documents in flight).
constexpr size_t kBatch = 256;

// Runs f(i, worker) for i in [0, n) on up to `jobs` threads; worker is in
// [0, jobs).
template <typename F>
void ParallelFor(int jobs, size_t n, F&& f) {
  const int threads = static_cast<int>(
      std::max<size_t>(1, std::min<size_t>(static_cast<size_t>(jobs), n)));
  std::atomic<size_t> next{0};
  auto work = [&](int worker) {
    for (size_t i = next++; i < n; i = next++) f(i, worker);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& t : pool) t.join();
}

struct Parsed {
  std::optional<AnnotatedDocument> doc;
  std::vector<Status> problems;
};

// A gold document with its prediction (none: predicted nothing).
struct Pair {
  AnnotatedDocument gold;
  std::optional<AnnotatedDocument> pred;
  std::vector<Status> gold_problems;
  std::vector<Status> pred_problems;
};

// A document waiting for its partner, with its place in reading order.
struct Waiting {
  int64_t sequence;
  AnnotatedDocument doc;
};

class Streamer {
 public:
  explicit Streamer(const StreamScoreOptions& options) : options_(options) {
    shards_.reserve(static_cast<size_t>(std::max(1, options.jobs)));
    for (int j = 0; j < std::max(1, options.jobs); ++j)
      shards_.emplace_back(options.score.max_examples, options.keep_documents);
    gold_validate_.labels = options.labels;
    gold_validate_.gold = true;
    pred_validate_.gold = false;
  }

  StreamScoreResult Run(CorpusReader& gold, CorpusReader& pred) {
    // A pipeline of one step per batch: while the documents of batch k+1
    // are parsed, the pairs of batch k are validated and scored, on the
    // same threads (one barrier per batch); reading and pairing by doc_id
    // run in between, on this thread.
    bool gold_done = false, pred_done = false;
    std::vector<RawDocument> raw_gold, raw_pred;
    std::vector<Pair> pairs;  // of the previous batch
    while (!gold_done || !pred_done || !pairs.empty()) {
      // Problems of batch k+1 are listed after those of batch k's pairs.
      std::vector<Status> gold_read_problems, pred_read_problems;
      Read(gold, kBatch, &gold_done, &raw_gold, &gold_read_problems);
      Read(pred, kBatch, &pred_done, &raw_pred, &pred_read_problems);
      std::vector<Parsed> parsed_gold(raw_gold.size());
      std::vector<Parsed> parsed_pred(raw_pred.size());
      const bool score =
          result_.gold_problems.empty() && result_.pred_problems.empty() &&
          gold_read_problems.empty() && pred_read_problems.empty();
      const size_t parses = raw_gold.size() + raw_pred.size();
      ParallelFor(options_.jobs, parses + pairs.size(),
                  [&](size_t i, int worker) {
                    if (i < raw_gold.size()) {
                      Parse(raw_gold[i], &parsed_gold[i]);
                    } else if (i < parses) {
                      Parse(raw_pred[i - raw_gold.size()],
                            &parsed_pred[i - raw_gold.size()]);
                    } else {
                      ProcessPair(pairs[i - parses], score,
                                  shards_[static_cast<size_t>(worker)]);
                    }
                  });
      ListProblems(pairs);
      pairs.clear();
      Append(std::move(gold_read_problems), &result_.gold_problems);
      Append(std::move(pred_read_problems), &result_.pred_problems);
      for (Parsed& p : parsed_gold) AddGold(p, &pairs);
      for (Parsed& p : parsed_pred) AddPred(p, &pairs);
    }
    // Gold documents never predicted; predictions never claimed.
    for (Waiting& w : Drain(waiting_gold_))
      pairs.push_back({std::move(w.doc), {}, {}, {}});
    Process(pairs);
    for (Waiting& w : Drain(waiting_pred_)) {
      const Where where{w.doc.source_file, w.doc.source_line,
                        w.doc.document.doc_id, ""};
      result_.pred_problems.push_back(Status::InvalidInput(
          gold_ids_.Contains(w.doc.document.doc_id)
              ? "duplicate doc_id in the predictions"
              : "doc_id is not in the gold " + options_.gold_name +
                    " (predictions may only name gold documents)",
          where));
    }
    result_.scores = std::move(shards_[0]);
    for (size_t s = 1; s < shards_.size(); ++s) result_.scores += shards_[s];
    return std::move(result_);
  }

 private:
  static void Read(CorpusReader& reader, size_t n, bool* done,
                   std::vector<RawDocument>* raw,
                   std::vector<Status>* problems) {
    raw->resize(n);
    size_t got = 0;
    while (!*done && got < n) {
      if (reader.NextRaw(&(*raw)[got], problems)) {
        ++got;
      } else {
        *done = true;
      }
    }
    raw->resize(got);
  }

  static void Parse(const RawDocument& raw, Parsed* parsed) {
    parsed->doc =
        ParseAnnotatedDocument(raw.json, raw.file, raw.line, &parsed->problems);
  }

  static std::vector<Waiting> Drain(
      std::unordered_map<std::string, Waiting>& waiting) {
    std::vector<Waiting> out;
    out.reserve(waiting.size());
    for (auto& [id, w] : waiting) out.push_back(std::move(w));
    waiting.clear();
    std::sort(out.begin(), out.end(), [](const Waiting& a, const Waiting& b) {
      return a.sequence < b.sequence;
    });
    return out;
  }

  void AddGold(Parsed& p, std::vector<Pair>* pairs) {
    Append(std::move(p.problems), &result_.gold_problems);
    if (!p.doc || p.doc->document.doc_id.empty()) return;  // reported
    AnnotatedDocument& doc = *p.doc;
    // A copy: `doc` is moved from below, in the same call that uses the id.
    const std::string id = doc.document.doc_id;
    const Where where{doc.source_file, doc.source_line, id, ""};
    if (!gold_ids_.Insert(id)) {
      result_.gold_problems.push_back(
          Status::InvalidInput("duplicate doc_id", where));
      return;
    }
    if (!doc.has_text) {
      result_.gold_problems.push_back(
          Status::InvalidInput("gold document without \"text\"", where));
      return;
    }
    if (auto w = waiting_pred_.find(id); w != waiting_pred_.end()) {
      pairs->push_back({std::move(doc), std::move(w->second.doc), {}, {}});
      waiting_pred_.erase(w);
      return;
    }
    waiting_gold_.emplace(id, Waiting{sequence_++, std::move(doc)});
  }

  void AddPred(Parsed& p, std::vector<Pair>* pairs) {
    Append(std::move(p.problems), &result_.pred_problems);
    if (!p.doc || p.doc->document.doc_id.empty()) return;  // reported
    AnnotatedDocument& doc = *p.doc;
    const std::string id = doc.document.doc_id;  // a copy, as in AddGold
    if (auto w = waiting_gold_.find(id); w != waiting_gold_.end()) {
      pairs->push_back({std::move(w->second.doc), std::move(doc), {}, {}});
      waiting_gold_.erase(w);
      return;
    }
    const bool seen = gold_ids_.Contains(id);  // its gold is already paired
    if (seen || waiting_pred_.count(id)) {
      result_.pred_problems.push_back(Status::InvalidInput(
          "duplicate doc_id in the predictions",
          Where{doc.source_file, doc.source_line, id, ""}));
      return;
    }
    waiting_pred_.emplace(id, Waiting{sequence_++, std::move(doc)});
  }

  // Validates and scores every pair (in parallel), then lists their
  // problems in order.
  void Process(std::vector<Pair>& pairs) {
    const bool score =
        result_.gold_problems.empty() && result_.pred_problems.empty();
    ParallelFor(options_.jobs, pairs.size(), [&](size_t i, int worker) {
      ProcessPair(pairs[i], score, shards_[static_cast<size_t>(worker)]);
    });
    ListProblems(pairs);
  }

  void ListProblems(std::vector<Pair>& pairs) {
    for (Pair& p : pairs) {
      Append(std::move(p.gold_problems), &result_.gold_problems);
      Append(std::move(p.pred_problems), &result_.pred_problems);
    }
  }

  void ProcessPair(Pair& p, bool score, CorpusScores& shard) const {
    const AnnotatedDocument& g = p.gold;
    const std::string& text = g.document.text;
    CheckDocument(g, text, gold_validate_, &p.gold_problems);
    static const Annotations kNothing;
    const Annotations* predicted = &kNothing;
    if (p.pred) {
      AnnotatedDocument& d = *p.pred;
      const Where where{d.source_file, d.source_line, d.document.doc_id, ""};
      if (d.has_text && d.document.text != text) {
        p.pred_problems.push_back(Status::InvalidInput(
            "\"text\" differs from the gold document's text", where));
      } else {
        if (!d.has_text)
          ResolveOffsets(d, OffsetIndex(text), where, &p.pred_problems);
        CheckDocument(d, text, pred_validate_, &p.pred_problems);
        predicted = &d.annotations;
      }
    }
    if (!score || !p.gold_problems.empty() || !p.pred_problems.empty()) return;
    shard.Add(
        ScoreDocument(g.document, g.annotations, *predicted, options_.score));
  }

  static void Append(std::vector<Status>&& from, std::vector<Status>* to) {
    for (Status& s : from) to->push_back(std::move(s));
  }

  const StreamScoreOptions& options_;
  ValidateOptions gold_validate_;
  ValidateOptions pred_validate_;
  std::vector<CorpusScores> shards_;  // one per worker
  StringSet gold_ids_;
  std::unordered_map<std::string, Waiting> waiting_gold_;
  std::unordered_map<std::string, Waiting> waiting_pred_;
  int64_t sequence_ = 0;
  StreamScoreResult result_;
};

}  // namespace

StreamScoreResult ScoreStreams(CorpusReader& gold, CorpusReader& pred,
                               const StreamScoreOptions& options) {
  return Streamer(options).Run(gold, pred);
}

}  // namespace ieval
