#ifndef LEDE_ENGINE_ENTITIES_ENTITY_RECOGNIZER_H_
#define LEDE_ENGINE_ENTITIES_ENTITY_RECOGNIZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/analysis.h"

namespace lede {

struct EntitySpec {
  // Directory holding the entity models (ner.bin and gazetteers).
  std::string model_dir;
};

// EntityRecognizer
//
// Finds named entities and groups their mentions into canonical entities:
// MONEY and PERCENT by rules, the other types by the trained sequence tagger,
// then grouped within the document ("Putin" is a mention of "Vladimir
// Putin"), typed consistently and scored for salience.
//
// Immutable after Create(); safe to share across threads.
class EntityRecognizer {
 public:
  static absl::StatusOr<std::unique_ptr<EntityRecognizer>> Create(
      const EntitySpec& spec);
  ~EntityRecognizer();

  // Entities sorted by salience, highest first; each entity's mentions in
  // document order. REQUIRES: `seg` is the segmentation of `text`.
  std::vector<Entity> Recognize(std::string_view text,
                                const Segmentation& seg) const;

  // Identifies the loaded model, e.g. "ner v1 (conll2003)"; empty when none.
  std::string ModelId() const;

 private:
  EntityRecognizer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lede

#endif  // LEDE_ENGINE_ENTITIES_ENTITY_RECOGNIZER_H_
