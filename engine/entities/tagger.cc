#include "engine/entities/tagger.h"

#include "engine/entities/ner_tagger.h"
#include "engine/model/model_file.h"

namespace lede {

absl::StatusOr<std::unique_ptr<Tagger>> Tagger::Load(const std::string& path) {
  auto file = ModelFile::Load(path, ner::kNerModelKind, ner::kNerModelVersion);
  if (!file.ok()) return file.status();
  auto tagger = ner::LinearTagger::FromModelFile(*file, path);
  if (!tagger.ok()) return tagger.status();
  return std::unique_ptr<Tagger>(*std::move(tagger));
}

}  // namespace lede
