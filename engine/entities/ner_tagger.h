#ifndef LEDE_ENGINE_ENTITIES_NER_TAGGER_H_
#define LEDE_ENGINE_ENTITIES_NER_TAGGER_H_

// LinearTagger: the Tagger behind models/ner.bin, and the layout of that
// file. engine/model/model_file.h is the container; the "ner" kind at
// kNerModelVersion has these sections:
//
//   meta       Str model id, U8 feature-set version
//   weights    LinearModel::Serialize()
//   gazetteer  Gazetteer::Serialize()
//   clusters   VarU n, then n × (U64 word hash, U32 path)
//   selftest   Str text, VarU tokens × (VarU begin, VarU end), VarU
//              sentences × (VarU first token, VarU count), VarU mentions ×
//              (VarU begin, VarU end, U8 type): what the model must find in
//              the text at load time.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/analysis.h"
#include "engine/entities/features.h"
#include "engine/entities/gazetteer.h"
#include "engine/entities/ner_model.h"
#include "engine/entities/tagger.h"
#include "engine/model/model_file.h"

namespace lede {
namespace ner {

inline constexpr std::string_view kNerModelKind = "ner";
inline constexpr uint32_t kNerModelVersion = 1;
inline constexpr uint8_t kFeatureSetVersion = 2;

// Longest run of tokens decoded at once; longer sentences are decoded in
// pieces, so memory stays bounded on hostile input.
inline constexpr int32_t kMaxDecodeTokens = 256;

// LinearTagger
//
// Feature extraction, hashed linear scores and constrained Viterbi, sentence
// by sentence. Immutable after construction; safe to share across threads.
class LinearTagger : public Tagger {
 public:
  // A tagger from its parts (for the trainer and tests).
  LinearTagger(LinearModel model, Gazetteer gazetteer, WordClusters clusters,
               std::string model_id);

  // A tagger from a parsed model file; checks the self-test.
  static absl::StatusOr<std::unique_ptr<LinearTagger>> FromModelFile(
      const ModelFile& file, std::string_view name);

  std::vector<TaggedMention> Tag(std::string_view text,
                                 const Segmentation& seg) const override;
  std::string ModelId() const override { return model_id_; }

  // The label of every token of `seg` (LabelSet order), for the trainer's
  // diagnostics and tests.
  std::vector<uint8_t> Labels(std::string_view text,
                              const Segmentation& seg) const;

  const LinearModel& model() const { return model_; }
  const Gazetteer& gazetteer() const { return gazetteer_; }
  const WordClusters& clusters() const { return clusters_; }
  const FeatureExtractor& extractor() const { return extractor_; }

  // Serialized sections of a model file holding this tagger, with a
  // self-test built from `selftest_text` and `selftest_seg`.
  void AddSections(std::string_view selftest_text,
                   const Segmentation& selftest_seg, ModelWriter* w) const;

 private:
  // Decodes every sentence; calls `sink(first_token, labels, count,
  // emissions)` for each decoded run.
  template <typename Sink>
  void Decode(std::string_view text, const Segmentation& seg,
              Sink&& sink) const;

  LinearModel model_;
  LabelSet labels_;
  // The model's transition scores with the label constraints folded in,
  // built once at construction (not per sentence).
  TransitionTable transitions_;
  Gazetteer gazetteer_;
  WordClusters clusters_;
  FeatureExtractor extractor_;
  std::string model_id_;
};

// Serialization of WordClusters for the "clusters" section.
std::string SerializeClusters(const WordClusters& clusters);
absl::StatusOr<WordClusters> ParseClusters(std::string_view bytes);

}  // namespace ner
}  // namespace lede

#endif  // LEDE_ENGINE_ENTITIES_NER_TAGGER_H_
