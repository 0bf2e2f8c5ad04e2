#include "engine/entities/entity_recognizer.h"

#include <sys/stat.h>

#include "engine/entities/resolver.h"
#include "engine/entities/tagger.h"

namespace lede {

struct EntityRecognizer::Impl {
  std::unique_ptr<Tagger> tagger;  // null when no model file is present
  std::unique_ptr<Resolver> resolver;
};

EntityRecognizer::EntityRecognizer() : impl_(std::make_unique<Impl>()) {}
EntityRecognizer::~EntityRecognizer() = default;

absl::StatusOr<std::unique_ptr<EntityRecognizer>> EntityRecognizer::Create(
    const EntitySpec& spec) {
  std::unique_ptr<EntityRecognizer> r(new EntityRecognizer());
  const std::string path = spec.model_dir + "/ner.bin";
  struct stat st;
  if (stat(path.c_str(), &st) == 0) {
    auto tagger = Tagger::Load(path);
    if (!tagger.ok()) return tagger.status();
    r->impl_->tagger = *std::move(tagger);
  }
  ResolverSpec rs;
  rs.model_dir = spec.model_dir;
  auto resolver = Resolver::Create(rs);
  if (!resolver.ok()) return resolver.status();
  r->impl_->resolver = *std::move(resolver);
  return r;
}

std::vector<Entity> EntityRecognizer::Recognize(std::string_view text,
                                                const Segmentation& seg) const {
  std::vector<TaggedMention> mentions;
  if (impl_->tagger) mentions = impl_->tagger->Tag(text, seg);
  return impl_->resolver->Resolve(text, seg, std::move(mentions));
}

std::string EntityRecognizer::ModelId() const {
  return impl_->tagger ? impl_->tagger->ModelId() : "";
}

}  // namespace lede
