#include "ieval/pipeline/score_stream.h"

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>

#include "ieval/core/offset_index.h"
#include "ieval/core/string_table.h"
#include "ieval/core/thread_pool.h"
#include "ieval/io/annotation_json.h"
#include "ieval/io/offsets.h"
#include "ieval/validate/validator.h"

namespace ieval {
namespace {

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
  // Its counts, for StreamScoreOptions::on_document.
  std::optional<DocumentScores> scores;
};

// The raw documents of one side of a batch, back to back in one buffer
// reused from batch to batch: its size follows the batch's total, where a
// buffer per document would keep the largest document each slot ever held.
struct RawBatch {
  struct Doc {
    size_t begin, size;  // in text
    size_t file;         // in files
    int64_t line;
  };
  std::string text;
  std::vector<std::string> files;
  std::vector<Doc> docs;
  // Documents a reader of another format handed read already, by index in
  // docs (RawDocument::parsed); empty when there is none.
  std::vector<std::optional<AnnotatedDocument>> parsed;

  size_t size() const { return docs.size(); }
  bool empty() const { return docs.empty(); }
  void Clear() {
    text.clear();
    files.clear();
    docs.clear();
    parsed.clear();
  }
  void Add(RawDocument& raw) {
    if (files.empty() || files.back() != raw.file) files.push_back(raw.file);
    if (raw.parsed) {
      parsed.resize(docs.size() + 1);
      parsed.back() = std::move(raw.parsed);
      raw.parsed.reset();
    }
    docs.push_back({text.size(), raw.json.size(), files.size() - 1, raw.line});
    text += raw.json;
  }
  std::string_view json(size_t i) const {
    return std::string_view(text).substr(docs[i].begin, docs[i].size);
  }
  const std::string& file(size_t i) const { return files[docs[i].file]; }
};

// One batch of documents of each side: read, then parsed, then paired. The
// problems are those of reading, then of parsing and pairing, in order.
struct Batch {
  RawBatch gold, pred;
  std::vector<Parsed> parsed_gold, parsed_pred;
  std::vector<Status> gold_problems, pred_problems;
  // Nothing was read.
  bool empty() const {
    return gold.empty() && pred.empty() && gold_problems.empty() &&
           pred_problems.empty();
  }
  // Parsed documents or problems not handed on yet.
  bool pending() const {
    return !parsed_gold.empty() || !parsed_pred.empty() ||
           !gold_problems.empty() || !pred_problems.empty();
  }
};

// A document waiting for its partner, with its place in reading order.
struct Waiting {
  int64_t sequence;
  AnnotatedDocument doc;
};

class Streamer {
 public:
  explicit Streamer(const StreamScoreOptions& options)
      : options_(options), pool_(std::max(1, options.jobs)) {
    workers_ = std::make_unique<Worker[]>(
        static_cast<size_t>(std::max(1, options.jobs)));
    for (int j = 0; j < std::max(1, options.jobs); ++j)
      workers_[static_cast<size_t>(j)].shard =
          CorpusScores(options.score.max_examples, options.keep_documents);
    gold_validate_.labels = options.labels;
    gold_validate_.gold = true;
    gold_validate_.allow_nested = options.allow_nested;
    pred_validate_.gold = false;
  }

  StreamScoreResult Run(CorpusReader& gold, CorpusReader& pred) {
    // A pipeline of one step per batch. Batch k is read in step k-1 (on
    // this thread), parsed in step k (on the pool), paired by doc_id in step
    // k+1 (on this thread) and its problems listed in step k+2; its pairs
    // are scored in step k+2 (on the pool) and their problems listed in
    // step k+3. So in step s the pool parses batch s and scores the pairs
    // of batch s-2 while this thread lists the problems of the pairs of
    // batch s-3 then of batch s-2 — in reading order, as the steps went —
    // reads batch s+1, pairs batch s-1, then joins the pool. Between steps
    // nothing but the hand-over: the pool never waits for this thread's
    // bookkeeping. Batch k lives in batches[k % 4], its pairs in
    // pairs[k % 3].
    std::array<Batch, 4> batches;
    std::array<std::vector<Pair>, 3> pairs;
    auto batch = [&](size_t k) -> Batch& { return batches[k % 4]; };
    auto pairs_of = [&](size_t k) -> std::vector<Pair>& {
      return pairs[k % 3];
    };
    // Batches are numbered from 3, so that s-3 is a batch number in the
    // first step: batches 0 to 2 are empty, with nothing to do.
    Read(gold, pred, &batch(3));
    for (size_t s = 3;; ++s) {
      Batch& parsing = batch(s);
      std::vector<Pair>& scoring = pairs_of(s - 2);
      if (parsing.empty() && !batch(s - 1).pending() && scoring.empty() &&
          pairs_of(s - 3).empty() && !batch(s - 2).pending())
        break;
      parsing.parsed_gold.resize(parsing.gold.size());
      parsing.parsed_pred.resize(parsing.pred.size());
      // Only an optimisation: scores are not used when anything is wrong.
      const bool score =
          result_.gold_problems.empty() && result_.pred_problems.empty();
      // Row i: parse gold and predicted document i of batch s, score pair
      // i of batch s-2 — for corpora in the same order, the pair of the
      // documents parsed at row i then. The pool gives a row to the same
      // thread from batch to batch (thread_pool.h), so most documents are
      // freed by the thread that allocated them.
      const size_t golds = parsing.gold.size(), preds = parsing.pred.size();
      const size_t rows = std::max({golds, preds, scoring.size()});
      pool_.Start(3 * rows, [&](size_t task, int worker) {
        const size_t i = task / 3;
        switch (task % 3) {
          case 0:
            if (i < golds) Parse(parsing.gold, i, &parsing.parsed_gold[i]);
            break;
          case 1:
            if (i < preds) Parse(parsing.pred, i, &parsing.parsed_pred[i]);
            break;
          default:
            if (i < scoring.size()) ProcessPair(scoring[i], score, worker);
        }
      });
      ListProblems(pairs_of(s - 3));
      pairs_of(s - 3).clear();
      Append(&batch(s - 2).gold_problems, &result_.gold_problems);
      Append(&batch(s - 2).pred_problems, &result_.pred_problems);
      Read(gold, pred, &batch(s + 1));  // the slot of batch s-3
      Batch& pairing = batch(s - 1);
      for (Parsed& p : pairing.parsed_gold)
        AddGold(p, &pairing, &pairs_of(s - 1));
      for (Parsed& p : pairing.parsed_pred)
        AddPred(p, &pairing, &pairs_of(s - 1));
      pairing.parsed_gold.clear();
      pairing.parsed_pred.clear();
      pool_.Finish();
    }
    std::vector<Pair> scoring;
    // Gold documents never predicted; predictions never claimed.
    for (Waiting& w : Drain(waiting_gold_))
      scoring.push_back({std::move(w.doc), {}, {}, {}, {}});
    Process(scoring);
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
    result_.scores = std::move(workers_[0].shard);
    for (int w = 1; w < pool_.threads(); ++w)
      result_.scores += std::move(workers_[static_cast<size_t>(w)].shard);
    return std::move(result_);
  }

 private:
  // The next options_.batch documents of each side (empty at the end).
  void Read(CorpusReader& gold, CorpusReader& pred, Batch* batch) {
    const size_t n = std::max<size_t>(1, options_.batch);
    ReadSide(gold, n, &gold_done_, &batch->gold, &batch->gold_problems);
    ReadSide(pred, n, &pred_done_, &batch->pred, &batch->pred_problems);
  }

  void ReadSide(CorpusReader& reader, size_t n, bool* done, RawBatch* raw,
                std::vector<Status>* problems) {
    raw->Clear();
    while (!*done && raw->size() < n) {
      if (reader.NextRaw(&line_, problems)) {
        raw->Add(line_);
      } else {
        *done = true;
      }
    }
  }

  void Parse(RawBatch& raw, size_t i, Parsed* parsed) const {
    if (i < raw.parsed.size() && raw.parsed[i]) {
      parsed->doc = std::move(raw.parsed[i]);
      return;
    }
    parsed->doc =
        ParseAnnotatedDocument(raw.json(i), raw.file(i), raw.docs[i].line,
                               &parsed->problems, options_.read);
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

  // Pairs a gold document of `batch` (or leaves it waiting); its problems
  // go to the batch's.
  void AddGold(Parsed& p, Batch* batch, std::vector<Pair>* pairs) {
    Append(&p.problems, &batch->gold_problems);
    if (!p.doc || p.doc->document.doc_id.empty()) return;  // reported
    AnnotatedDocument& doc = *p.doc;
    // A copy: `doc` is moved from below, in the same call that uses the id.
    const std::string id = doc.document.doc_id;
    auto problem = [&](const char* what) {
      batch->gold_problems.push_back(Status::InvalidInput(
          what, Where{doc.source_file, doc.source_line, id, ""}));
    };
    if (!gold_ids_.Intern(id).second) return problem("duplicate doc_id");
    if (result_.gold_ids.size() < kIdsShown) result_.gold_ids.push_back(id);
    if (!doc.has_text) return problem("gold document without \"text\"");
    if (auto w = waiting_pred_.find(id); w != waiting_pred_.end()) {
      ++result_.paired;
      pairs->push_back({std::move(doc), std::move(w->second.doc), {}, {}, {}});
      waiting_pred_.erase(w);
      return;
    }
    waiting_gold_.emplace(id, Waiting{sequence_++, std::move(doc)});
  }

  void AddPred(Parsed& p, Batch* batch, std::vector<Pair>* pairs) {
    Append(&p.problems, &batch->pred_problems);
    if (!p.doc || p.doc->document.doc_id.empty()) return;  // reported
    AnnotatedDocument& doc = *p.doc;
    const std::string id = doc.document.doc_id;  // a copy, as in AddGold
    if (result_.pred_ids.size() < kIdsShown) result_.pred_ids.push_back(id);
    if (auto w = waiting_gold_.find(id); w != waiting_gold_.end()) {
      ++result_.paired;
      pairs->push_back({std::move(w->second.doc), std::move(doc), {}, {}, {}});
      waiting_gold_.erase(w);
      return;
    }
    const bool seen = gold_ids_.Contains(id);  // its gold is already paired
    if (seen || waiting_pred_.count(id)) {
      batch->pred_problems.push_back(Status::InvalidInput(
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
    pool_.Start(pairs.size(), [&](size_t i, int worker) {
      ProcessPair(pairs[i], score, worker);
    });
    pool_.Finish();
    ListProblems(pairs);
  }

  void ListProblems(std::vector<Pair>& pairs) {
    for (Pair& p : pairs) {
      Append(&p.gold_problems, &result_.gold_problems);
      Append(&p.pred_problems, &result_.pred_problems);
      if (p.scores && result_.gold_problems.empty() &&
          result_.pred_problems.empty())
        options_.on_document(*p.scores);
      p.scores.reset();
    }
  }

  void ProcessPair(Pair& p, bool score, int worker) {
    ValidateAndScore(p, score, worker);
    // The documents are freed here, in parallel, rather than serially on
    // the reading thread when the batch is cleared.
    p.gold = AnnotatedDocument();
    p.pred.reset();
  }

  void ValidateAndScore(Pair& p, bool score, int worker) {
    const AnnotatedDocument& g = p.gold;
    const std::string& text = g.document.text;
    // One index for the pair, in this thread's reused tables.
    Worker& mine = workers_[static_cast<size_t>(worker)];
    OffsetIndex& index = mine.index;
    index.Rebuild(text);
    CheckDocument(g, text, index, gold_validate_, &p.gold_problems);
    static const Annotations kNothing;
    const Annotations* predicted = &kNothing;
    if (p.pred) {
      AnnotatedDocument& d = *p.pred;
      const Where where{d.source_file, d.source_line, d.document.doc_id, ""};
      if (d.has_text && d.document.text != text) {
        p.pred_problems.push_back(Status::InvalidInput(
            "\"text\" differs from the gold document's text", where));
      } else {
        if (!d.has_text) ResolveOffsets(d, index, where, &p.pred_problems);
        CheckDocument(d, text, index, pred_validate_, &p.pred_problems);
        predicted = &d.annotations;
      }
    }
    if (!score || !p.gold_problems.empty() || !p.pred_problems.empty()) return;
    DocumentScores scores = ScoreDocument(g.document, g.annotations, *predicted,
                                          options_.score, &index);
    if (options_.on_document) {
      p.scores = scores;
      for (auto& examples : p.scores->entities.errors.examples)
        examples.clear();
    }
    mine.shard.Add(std::move(scores));
    if (options_.on_scored) options_.on_scored(worker, g, *predicted);
  }

  // Moves the problems of `from` to the end of `to`.
  static void Append(std::vector<Status>* from, std::vector<Status>* to) {
    for (Status& s : *from) to->push_back(std::move(s));
    from->clear();
  }

  static constexpr size_t kIdsShown = 3;
  const StreamScoreOptions& options_;
  ValidateOptions gold_validate_;
  ValidateOptions pred_validate_;
  ThreadPool pool_;
  // One per worker: what each worker writes, on cache lines of its own: two
  // workers' counts or index side by side made every update of one a cache miss
  // for the other (false sharing).
  struct alignas(128) Worker {
    CorpusScores shard;
    OffsetIndex index;  // of the current pair's text, tables reused
  };
  std::unique_ptr<Worker[]> workers_;
  bool gold_done_ = false, pred_done_ = false;
  RawDocument line_;  // NextRaw's buffer
  StringTable gold_ids_;
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
