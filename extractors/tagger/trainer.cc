#include "ieval/extractors/tagger/trainer.h"

#include <algorithm>
#include <chrono>
#include <numeric>

#include "ieval/extractors/tagger/features.h"
#include "ieval/extractors/tagger/viterbi.h"

namespace ieval::tagger {
namespace {

struct Example {
  SequenceFeatures features;
  std::vector<int> gold;
};

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since)
      .count();
}

// splitmix64: a tiny, fully specified generator, so the visiting order is
// the same on every platform.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  uint64_t state_;
};

void Shuffle(std::vector<size_t>* v, Rng* rng) {
  for (size_t i = v->size(); i > 1; --i) {
    const size_t j = static_cast<size_t>(rng->Next() % i);
    std::swap((*v)[i - 1], (*v)[j]);
  }
}

// The gold labels of every sequence of one document (see TrainingStats for
// what happens to misaligned and overlapping mentions).
void GoldLabels(const AnnotatedDocument& doc, const TokenizedText& tt,
                const TrainOptions& options, TrainingStats* stats,
                std::vector<std::vector<int>>* labels) {
  const std::vector<Token>& tokens = tt.tokens;
  std::vector<const Mention*> mentions;
  for (const Mention& m : doc.annotations.mentions) {
    if (std::find(options.types.begin(), options.types.end(), m.type) !=
        options.types.end())
      mentions.push_back(&m);
  }
  stats->mentions += static_cast<int64_t>(mentions.size());
  std::stable_sort(mentions.begin(), mentions.end(),
                   [](const Mention* a, const Mention* b) {
                     return a->length() > b->length();
                   });
  // Type index + 1 of the mention covering each token, 0 when none.
  std::vector<int> owner(tokens.size(), 0);
  std::vector<TokenSpan> spans;  // in document token indices
  for (const Mention* m : mentions) {
    auto first = std::lower_bound(
        tokens.begin(), tokens.end(), m->start,
        [](const Token& t, int64_t start) { return t.start < start; });
    auto last = first;
    while (last != tokens.end() && last->end <= m->end) ++last;
    const bool aligned = first != last && first->start == m->start &&
                         std::prev(last)->end == m->end;
    if (!aligned) ++stats->misaligned;
    if (first == last) continue;
    const auto b = static_cast<size_t>(first - tokens.begin());
    const auto e = static_cast<size_t>(last - tokens.begin());
    if (std::any_of(owner.begin() + static_cast<ptrdiff_t>(b),
                    owner.begin() + static_cast<ptrdiff_t>(e),
                    [](int o) { return o != 0; })) {
      ++stats->overlapping;
      continue;
    }
    const int type = static_cast<int>(
        std::find(options.types.begin(), options.types.end(), m->type) -
        options.types.begin());
    std::fill(owner.begin() + static_cast<ptrdiff_t>(b),
              owner.begin() + static_cast<ptrdiff_t>(e), type + 1);
    spans.push_back({static_cast<int>(b), static_cast<int>(e), type});
  }
  std::sort(
      spans.begin(), spans.end(),
      [](const TokenSpan& a, const TokenSpan& b) { return a.begin < b.begin; });
  labels->clear();
  for (size_t k = 0; k < tt.sequences(); ++k) {
    const int begin = static_cast<int>(tt.sequence_starts[k]);
    const int end = static_cast<int>(tt.sequence_starts[k + 1]);
    std::vector<TokenSpan> local;
    for (const TokenSpan& s : spans) {
      // A mention across a line break is cut into one piece per line.
      const int b = std::max(s.begin, begin), e = std::min(s.end, end);
      if (b < e) local.push_back({b - begin, e - begin, s.type});
    }
    labels->push_back(SpansToLabels(options.scheme, end - begin, local));
  }
}

}  // namespace

Result<TaggerModel> TrainTagger(const std::vector<AnnotatedDocument>& documents,
                                const TrainOptions& options,
                                TrainingStats* stats) {
  if (options.types.empty() || options.epochs < 1 || options.hash_bits < 8 ||
      options.hash_bits > 24) {
    return Status::Usage(
        "training needs at least one type, epochs >= 1 and 8 <= hash bits "
        "<= 24");
  }
  const auto start_time = std::chrono::steady_clock::now();
  auto segmenter = Segmenter::Create("fr");
  if (!segmenter.ok()) return segmenter.status();
  *stats = TrainingStats();
  std::vector<Example> examples;
  std::vector<std::vector<int>> labels;
  for (const AnnotatedDocument& doc : documents) {
    if (!doc.has_text) {
      return Status::InvalidInput(
          "a training document needs its text",
          Where{doc.source_file, doc.source_line, doc.document.doc_id, ""});
    }
    FeaturizedText ft = Featurize(**segmenter, options.dictionary.get(),
                                  options.hash_bits, doc.document.text);
    GoldLabels(doc, ft.tokenized, options, stats, &labels);
    for (size_t k = 0; k < ft.sequences.size(); ++k)
      examples.push_back({std::move(ft.sequences[k]), std::move(labels[k])});
    ++stats->documents;
    stats->tokens += static_cast<int64_t>(ft.tokenized.tokens.size());
  }
  stats->sequences = static_cast<int64_t>(examples.size());

  TaggerModel model =
      TaggerModel::Empty(options.types, options.scheme, options.hash_bits);
  model.dictionary_id =
      options.dictionary ? options.dictionary->Id() : std::string();
  model.training_id = options.training_id;
  const int n = model.num_labels();
  const auto un = static_cast<size_t>(n);
  const Constraints allowed =
      MakeConstraints(options.scheme, static_cast<int>(options.types.size()));
  auto mask = [](const std::vector<uint8_t>& a, size_t i) {
    return a[i] ? 0.0f : kForbidden;
  };
  // Averaging without a sum per step: keep w and u = sum of c * update;
  // the average after c steps is w - u / c.
  std::vector<double> sum_w(model.weights.size(), 0.0);
  std::vector<double> sum_t(un * un, 0.0), sum_s(un, 0.0), sum_e(un, 0.0);
  std::vector<float> trans(un * un), start(un), end(un), emissions;
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  Rng rng(options.seed);
  double c = 1;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    const auto epoch_start = std::chrono::steady_clock::now();
    EpochStats es;
    es.epoch = epoch;
    Shuffle(&order, &rng);
    for (size_t index : order) {
      const Example& ex = examples[index];
      for (size_t i = 0; i < un * un; ++i)
        trans[i] = model.transitions[i] + mask(allowed.transition, i);
      for (size_t i = 0; i < un; ++i) {
        start[i] = model.start[i] + mask(allowed.start, i);
        end[i] = model.end[i] + mask(allowed.end, i);
      }
      ScoreTokens(model.weights.data(), n, ex.features, &emissions);
      const int len = static_cast<int>(ex.gold.size());
      const std::vector<int> pred = Viterbi(
          emissions.data(), len, n, trans.data(), start.data(), end.data());
      es.tokens += len;
      if (pred != ex.gold) {
        auto bump = [&](float* w, double* s, size_t i, float d) {
          w[i] += d;
          s[i] += c * d;
        };
        for (int t = 0; t < len; ++t) {
          const auto g = static_cast<size_t>(ex.gold[static_cast<size_t>(t)]);
          const auto p = static_cast<size_t>(pred[static_cast<size_t>(t)]);
          if (t > 0) {
            const auto gp =
                static_cast<size_t>(ex.gold[static_cast<size_t>(t - 1)]);
            const auto pp =
                static_cast<size_t>(pred[static_cast<size_t>(t - 1)]);
            if (gp != pp || g != p) {
              bump(model.transitions.data(), sum_t.data(), gp * un + g, 1);
              bump(model.transitions.data(), sum_t.data(), pp * un + p, -1);
            }
          }
          if (g == p) continue;
          ++es.token_errors;
          const auto ft = static_cast<size_t>(t);
          for (uint32_t k = ex.features.offsets[ft];
               k < ex.features.offsets[ft + 1]; ++k) {
            const size_t row = size_t{ex.features.ids[k]} * un;
            bump(model.weights.data(), sum_w.data(), row + g, 1);
            bump(model.weights.data(), sum_w.data(), row + p, -1);
          }
        }
        const auto g0 = static_cast<size_t>(ex.gold.front());
        const auto p0 = static_cast<size_t>(pred.front());
        if (g0 != p0) {
          bump(model.start.data(), sum_s.data(), g0, 1);
          bump(model.start.data(), sum_s.data(), p0, -1);
        }
        const auto gn = static_cast<size_t>(ex.gold.back());
        const auto pn = static_cast<size_t>(pred.back());
        if (gn != pn) {
          bump(model.end.data(), sum_e.data(), gn, 1);
          bump(model.end.data(), sum_e.data(), pn, -1);
        }
      }
      c += 1;
    }
    es.seconds = Seconds(epoch_start);
    if (options.on_epoch) options.on_epoch(es);
  }
  auto average = [c](std::vector<float>* w, const std::vector<double>& s) {
    for (size_t i = 0; i < w->size(); ++i)
      (*w)[i] = static_cast<float>((*w)[i] - s[i] / c);
  };
  average(&model.weights, sum_w);
  average(&model.transitions, sum_t);
  average(&model.start, sum_s);
  average(&model.end, sum_e);
  stats->seconds = Seconds(start_time);
  return model;
}

}  // namespace ieval::tagger
