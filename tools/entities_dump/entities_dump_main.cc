// entities_dump: prints the entities of one UTF-8 text file, most salient
// first, with every mention and its byte span.
//
// Usage: entities_dump FILE [MODEL_DIR]
//
// MODEL_DIR defaults to $LEDE_MODEL_DIR, else the source tree's models/.
// Without models/ner.bin only MONEY and PERCENT are found.

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_format.h"
#include "engine/entities/entity_recognizer.h"
#include "engine/text/segmenter.h"
#include "engine/text/utf8.h"

#ifndef LEDE_SOURCE_MODEL_DIR
#define LEDE_SOURCE_MODEL_DIR "models"
#endif

namespace {

const char* TypeName(lede::EntityType t) {
  switch (t) {
    case lede::EntityType::kPerson:
      return "PERSON";
    case lede::EntityType::kOrganization:
      return "ORGANIZATION";
    case lede::EntityType::kLocation:
      return "LOCATION";
    case lede::EntityType::kNationality:
      return "NATIONALITY";
    case lede::EntityType::kEvent:
      return "EVENT";
    case lede::EntityType::kWorkOfArt:
      return "WORK_OF_ART";
    case lede::EntityType::kProduct:
      return "PRODUCT";
    case lede::EntityType::kMoney:
      return "MONEY";
    case lede::EntityType::kPercent:
      return "PERCENT";
    case lede::EntityType::kOther:
      return "OTHER";
    default:
      return "UNSPECIFIED";
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: %s FILE [MODEL_DIR]\n", argv[0]);
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 1;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string text = buf.str();
  if (absl::Status s = lede::ValidateUtf8(text); !s.ok()) {
    std::fprintf(stderr, "%s\n", std::string(s.message()).c_str());
    return 1;
  }

  lede::EntitySpec spec;
  if (argc == 3) {
    spec.model_dir = argv[2];
  } else if (const char* env = std::getenv("LEDE_MODEL_DIR"); env && *env) {
    spec.model_dir = env;
  } else {
    spec.model_dir = LEDE_SOURCE_MODEL_DIR;
  }
  auto recognizer = lede::EntityRecognizer::Create(spec);
  if (!recognizer.ok()) {
    std::fprintf(stderr, "%s\n", recognizer.status().ToString().c_str());
    return 1;
  }
  auto segmenter = lede::Segmenter::Create({});
  if (!segmenter.ok()) {
    std::fprintf(stderr, "%s\n", segmenter.status().ToString().c_str());
    return 1;
  }
  const lede::Segmentation seg = (*segmenter)->Segment(text);
  const std::string model = (*recognizer)->ModelId();
  std::printf("# model: %s\n", model.empty() ? "(none)" : model.c_str());
  for (const lede::Entity& e : (*recognizer)->Recognize(text, seg)) {
    std::printf("%.3f\t%s\t%s\t", e.salience, TypeName(e.type), e.name.c_str());
    for (size_t i = 0; i < e.mentions.size(); ++i) {
      const lede::ByteSpan s = e.mentions[i].span;
      std::printf("%s%s@%d-%d", i ? " | " : "", std::string(s.Of(text)).c_str(),
                  s.begin, s.end);
    }
    std::printf("\n");
  }
  return 0;
}
