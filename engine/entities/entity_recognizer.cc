#include "engine/entities/entity_recognizer.h"

namespace lede {

struct EntityRecognizer::Impl {};

EntityRecognizer::EntityRecognizer() : impl_(std::make_unique<Impl>()) {}
EntityRecognizer::~EntityRecognizer() = default;

absl::StatusOr<std::unique_ptr<EntityRecognizer>> EntityRecognizer::Create(
    const EntitySpec&) {
  return std::unique_ptr<EntityRecognizer>(new EntityRecognizer());
}

std::vector<Entity> EntityRecognizer::Recognize(std::string_view,
                                                const Segmentation&) const {
  return {};  // The entity stage lands with the entities issue.
}

std::string EntityRecognizer::ModelId() const { return ""; }

}  // namespace lede
