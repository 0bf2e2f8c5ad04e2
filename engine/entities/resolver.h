#ifndef LEDE_ENGINE_ENTITIES_RESOLVER_H_
#define LEDE_ENGINE_ENTITIES_RESOLVER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/analysis.h"
#include "engine/entities/tagger.h"

namespace lede {

struct ResolverSpec {
  // Directory with gazetteers the resolver reads (may be empty: built-ins
  // only).
  std::string model_dir;
};

// Resolver
//
// Turns tagged mentions into canonical entities: adds MONEY and PERCENT
// mentions found by rules, refines CoNLL MISC into NATIONALITY / EVENT /
// WORK_OF_ART / PRODUCT / OTHER, makes types consistent across the document,
// groups mentions ("Putin" → "Vladimir Putin", "KCNA" → "Korean Central News
// Agency", not "Kim Jong Il" with "Kim Jong-un"), names each entity by its
// most complete proper mention and scores salience in [0, 1].
//
// Immutable after Create(); safe to share across threads.
class Resolver {
 public:
  static absl::StatusOr<std::unique_ptr<Resolver>> Create(const ResolverSpec& spec);
  virtual ~Resolver() = default;

  // Entities sorted by salience (highest first), mentions in document order.
  virtual std::vector<Entity> Resolve(std::string_view text,
                                      const Segmentation& seg,
                                      std::vector<TaggedMention> mentions) const = 0;
};

}  // namespace lede

#endif  // LEDE_ENGINE_ENTITIES_RESOLVER_H_
