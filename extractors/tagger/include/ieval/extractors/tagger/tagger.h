// The `tagger` extractor: a statistical PER/ORG/LOC tagger (averaged
// perceptron over hashed features of ICU words, first-order Viterbi). The
// shipped models (model/) are trained on external corpora — Europeana
// Newspapers (CC0) and fr-litbank names (CC BY-SA) — never on ieval's gold;
// extractors/tagger/README.md says how, how well they do, their licences and
// how to retrain.
#ifndef IEVAL_EXTRACTORS_TAGGER_TAGGER_H_
#define IEVAL_EXTRACTORS_TAGGER_TAGGER_H_

#include <memory>
#include <string>
#include <vector>

#include "ieval/extractors/extractor.h"
#include "ieval/extractors/registry.h"
#include "ieval/extractors/tagger/dictionary.h"
#include "ieval/extractors/tagger/model.h"

namespace ieval::tagger {

// The dictionary a model was trained with, by id: null for "", the shipped
// CldrPlaceDictionary for its id; anything else is kInvalidInput.
Result<std::shared_ptr<const TokenDictionary>> DictionaryForId(
    const std::string& id);

class Tagger final : public Extractor {
 public:
  // `dictionary` must have the model's dictionary id (null when the model
  // has none). `types`: emit only these (empty: all of the model's).
  static Result<std::unique_ptr<Tagger>> Create(
      TaggerModel model, std::shared_ptr<const TokenDictionary> dictionary,
      std::vector<std::string> types = {});
  // Loads a model file and its dictionary.
  static Result<std::unique_ptr<Tagger>> Load(
      const std::string& path, std::vector<std::string> types = {});
  ~Tagger() override;

  std::string Name() const override { return "tagger"; }
  // "f<feature version>-<model fingerprint>[+<dictionary version>]".
  std::string Version() const override;
  // Thread-safe: each call borrows a segmenter from a small pool.
  Result<Annotations> Extract(const Document& doc) const override;

  const TaggerModel& model() const { return model_; }

 private:
  struct Pool;
  Tagger(TaggerModel model, std::shared_ptr<const TokenDictionary> dictionary,
         std::vector<bool> emit);

  TaggerModel model_;
  std::shared_ptr<const TokenDictionary> dictionary_;
  std::vector<bool> emit_;  // per type of the model
  // Scores with the label constraints folded in (kForbidden where a move
  // is not allowed).
  std::vector<float> transitions_, start_, end_;
  std::unique_ptr<Pool> pool_;
};

// The registry entry: options `model` (path; default `default_model`, the
// shipped model wherever the application found it) and `types`.
ExtractorInfo TaggerExtractorInfo(const std::string& default_model);

}  // namespace ieval::tagger

#endif  // IEVAL_EXTRACTORS_TAGGER_TAGGER_H_
