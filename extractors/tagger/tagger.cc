#include "ieval/extractors/tagger/tagger.h"

#include <algorithm>
#include <mutex>

#include "ieval/core/offset_index.h"
#include "ieval/extractors/tagger/features.h"
#include "ieval/extractors/tagger/viterbi.h"

namespace ieval::tagger {

Result<std::shared_ptr<const TokenDictionary>> DictionaryForId(
    const std::string& id) {
  if (id.empty()) return std::shared_ptr<const TokenDictionary>();
  if (id == CldrPlaceDictionary::kId) {
    auto dict = CldrPlaceDictionary::Create();
    if (!dict.ok()) return dict.status();
    return std::shared_ptr<const TokenDictionary>(*dict);
  }
  return Status::InvalidInput("the model was trained with dictionary '" + id +
                              "', which this ieval does not have (known: " +
                              CldrPlaceDictionary::kId + ")");
}

// Segmenters are not thread-safe and cost an ICU iterator each: keep the
// idle ones for the next call.
struct Tagger::Pool {
  std::mutex mu;
  std::vector<std::unique_ptr<Segmenter>> idle;

  Result<std::unique_ptr<Segmenter>> Take() {
    {
      std::lock_guard<std::mutex> lock(mu);
      if (!idle.empty()) {
        auto s = std::move(idle.back());
        idle.pop_back();
        return s;
      }
    }
    return Segmenter::Create("fr");
  }
  void Give(std::unique_ptr<Segmenter> s) {
    std::lock_guard<std::mutex> lock(mu);
    idle.push_back(std::move(s));
  }
};

Tagger::Tagger(TaggerModel model,
               std::shared_ptr<const TokenDictionary> dictionary,
               std::vector<bool> emit)
    : model_(std::move(model)),
      dictionary_(std::move(dictionary)),
      emit_(std::move(emit)),
      pool_(std::make_unique<Pool>()) {
  const int n = model_.num_labels();
  const Constraints allowed =
      MakeConstraints(model_.scheme, static_cast<int>(model_.types.size()));
  transitions_ = model_.transitions;
  start_ = model_.start;
  end_ = model_.end;
  for (size_t i = 0; i < transitions_.size(); ++i)
    if (!allowed.transition[i]) transitions_[i] = kForbidden;
  for (size_t i = 0; i < static_cast<size_t>(n); ++i) {
    if (!allowed.start[i]) start_[i] = kForbidden;
    if (!allowed.end[i]) end_[i] = kForbidden;
  }
}

Tagger::~Tagger() = default;

Result<std::unique_ptr<Tagger>> Tagger::Create(
    TaggerModel model, std::shared_ptr<const TokenDictionary> dictionary,
    std::vector<std::string> types) {
  const std::string have = dictionary ? dictionary->Id() : "";
  if (have != model.dictionary_id) {
    return Status::Usage("the model was trained with dictionary '" +
                         model.dictionary_id + "' but is run with '" + have +
                         "'");
  }
  std::vector<bool> emit(model.types.size(), types.empty());
  for (const std::string& t : types) {
    auto it = std::find(model.types.begin(), model.types.end(), t);
    if (it == model.types.end()) {
      std::string known;
      for (const auto& k : model.types) known += (known.empty() ? "" : ",") + k;
      return Status::Usage("the tagger model has no type '" + t + "' (it has " +
                           known + ")");
    }
    emit[static_cast<size_t>(it - model.types.begin())] = true;
  }
  return std::unique_ptr<Tagger>(
      new Tagger(std::move(model), std::move(dictionary), std::move(emit)));
}

Result<std::unique_ptr<Tagger>> Tagger::Load(const std::string& path,
                                             std::vector<std::string> types) {
  auto model = LoadModel(path);
  if (!model.ok()) return model.status();
  auto dictionary = DictionaryForId(model->dictionary_id);
  if (!dictionary.ok()) {
    return Status::InvalidInput(dictionary.status().message(),
                                Where{path, 0, "", ""});
  }
  return Create(std::move(*model), *dictionary, std::move(types));
}

std::string Tagger::Version() const {
  std::string v = "f" + std::to_string(model_.feature_version) + "-" +
                  (model_.fingerprint.empty() ? "unsaved" : model_.fingerprint);
  if (dictionary_) v += "+" + dictionary_->Version();
  return v;
}

Result<Annotations> Tagger::Extract(const Document& doc) const {
  auto segmenter = pool_->Take();
  if (!segmenter.ok()) {
    return Status::ExtractorFailed("tagger: " + segmenter.status().message(),
                                   Where{"", 0, doc.doc_id, ""});
  }
  const FeaturizedText ft =
      Featurize(**segmenter, dictionary_.get(), model_.hash_bits, doc.text);
  pool_->Give(std::move(*segmenter));
  const OffsetIndex index(doc.text);
  const int n = model_.num_labels();
  Annotations out;
  std::vector<float> emissions;
  for (size_t k = 0; k < ft.sequences.size(); ++k) {
    const SequenceFeatures& seq = ft.sequences[k];
    ScoreTokens(model_.weights.data(), n, seq, &emissions);
    const std::vector<int> labels =
        Viterbi(emissions.data(), static_cast<int>(seq.size()), n,
                transitions_.data(), start_.data(), end_.data());
    const size_t base = ft.tokenized.sequence_starts[k];
    for (const TokenSpan& s : LabelsToSpans(model_.scheme, labels)) {
      if (!emit_[static_cast<size_t>(s.type)]) continue;
      Mention m;
      m.id = "T" + std::to_string(out.mentions.size() + 1);
      m.start = ft.tokenized.tokens[base + static_cast<size_t>(s.begin)].start;
      m.end = ft.tokenized.tokens[base + static_cast<size_t>(s.end) - 1].end;
      m.type = model_.types[static_cast<size_t>(s.type)];
      m.text = std::string(index.Slice(doc.text, m.start, m.end));
      out.mentions.push_back(std::move(m));
    }
  }
  return out;
}

ExtractorInfo TaggerExtractorInfo(const std::string& default_model) {
  ExtractorInfo info;
  info.name = "tagger";
  info.description =
      "Statistical PER/ORG/LOC tagger: averaged perceptron over hashed "
      "features of ICU words, Viterbi decoding (extractors/tagger/README.md)";
  info.options = {
      {"model", "path", default_model,
       "Model file written by `ieval train-tagger` or scripts/train-tagger"},
      {"types", "string", "",
       "Emit only these types, comma-separated (default: all the model's)"},
  };
  info.capabilities.entity_types = {"PER", "ORG", "LOC"};
  info.create =
      [](const OptionValues& options) -> Result<std::unique_ptr<Extractor>> {
    std::vector<std::string> types;
    const std::string& list = options.at("types");
    for (size_t start = 0; start < list.size();) {
      size_t comma = list.find(',', start);
      if (comma == std::string::npos) comma = list.size();
      if (comma > start) types.push_back(list.substr(start, comma - start));
      start = comma + 1;
    }
    auto tagger = Tagger::Load(options.at("model"), std::move(types));
    if (!tagger.ok()) return tagger.status();
    return std::unique_ptr<Extractor>(std::move(*tagger));
  };
  return info;
}

}  // namespace ieval::tagger
