#include "engine/entities/resolver.h"

namespace lede {
namespace {

// One entity per mention, named by its text; replaced by the real resolver.
class SimpleResolver : public Resolver {
 public:
  std::vector<Entity> Resolve(std::string_view text, const Segmentation&,
                              std::vector<TaggedMention> mentions) const override {
    std::vector<Entity> out;
    for (const auto& m : mentions) {
      Entity e;
      e.name = std::string(m.span.Of(text));
      e.type = m.type;
      e.salience = 0;
      e.mentions.push_back({m.span, MentionType::kProper});
      out.push_back(std::move(e));
    }
    return out;
  }
};

}  // namespace

absl::StatusOr<std::unique_ptr<Resolver>> Resolver::Create(const ResolverSpec&) {
  return std::unique_ptr<Resolver>(new SimpleResolver());
}

}  // namespace lede
