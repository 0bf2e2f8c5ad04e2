// Fuzzes Tagger::Load with corrupt copies of models/ner.bin written to a
// temporary file: raw byte edits and truncation (which the checksum must
// catch), and edits inside one section of a re-checksummed copy (which the
// section decoders and the self-test must catch). A model that loads must
// tag a sample text within the span contract.

#include <fuzzer/FuzzedDataProvider.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/entities/ner_tagger.h"
#include "engine/entities/tagger.h"
#include "engine/model/model_file.h"
#include "engine/pipeline.h"
#include "engine/text/segmenter.h"
#include "tests/fuzz/fuzz_checks.h"
#include "tests/fuzz/stages_common.h"

namespace {

constexpr const char* kSections[] = {"meta", "weights", "gazetteer", "clusters",
                                     "selftest"};

struct Original {
  std::string bytes;
  std::vector<std::pair<std::string, std::string>> sections;
};

const Original& GetOriginal() {
  static const Original* o = [] {
    auto* o = new Original;
    const std::string path = lede::DefaultModelDir() + "/ner.bin";
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    o->bytes = ss.str();
    auto file = lede::ModelFile::Parse(o->bytes, path, lede::ner::kNerModelKind,
                                       lede::ner::kNerModelVersion);
    if (!file.ok()) {
      std::fprintf(stderr, "%s\n",
                   std::string(file.status().message()).c_str());
      std::abort();
    }
    for (const char* name : kSections) {
      if (auto s = file->Section(name); s.ok()) {
        o->sections.emplace_back(name, std::string(*s));
      }
    }
    return o;
  }();
  return *o;
}

std::string TempPath() {
  return "/tmp/lede_fuzz_ner_" + std::to_string(getpid()) + ".bin";
}

void Mutate(FuzzedDataProvider& in, std::string* bytes) {
  const int edits = in.ConsumeIntegralInRange<int>(0, 8);
  for (int i = 0; i < edits && !bytes->empty(); ++i) {
    const size_t at = in.ConsumeIntegralInRange<size_t>(0, bytes->size() - 1);
    (*bytes)[at] = static_cast<char>(in.ConsumeIntegral<uint8_t>());
  }
  if (in.ConsumeBool()) {
    bytes->resize(in.ConsumeIntegralInRange<size_t>(0, bytes->size()));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const lede::Segmenter& segmenter = lede::fuzz::CreatedOrDie(
      lede::Segmenter::Create(lede::SegmenterSpec{}), "segmenter");
  const Original& original = GetOriginal();
  FuzzedDataProvider in(data, size);
  std::string bytes;
  if (in.ConsumeBool()) {
    bytes = original.bytes;
    Mutate(in, &bytes);
  } else {
    const size_t victim =
        in.ConsumeIntegralInRange<size_t>(0, original.sections.size());
    const bool drop = in.ConsumeBool();
    const bool replace = in.ConsumeBool();
    lede::ModelWriter w(std::string(lede::ner::kNerModelKind),
                        lede::ner::kNerModelVersion);
    for (size_t i = 0; i < original.sections.size(); ++i) {
      std::string section = original.sections[i].second;
      if (i == victim) {
        if (drop) continue;
        if (replace) {
          section = in.ConsumeRandomLengthString(256);
        } else {
          Mutate(in, &section);
        }
      }
      w.AddSection(original.sections[i].first, std::move(section));
    }
    bytes = w.Serialize();
  }
  const std::string path = TempPath();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  auto tagger = lede::Tagger::Load(path);
  std::remove(path.c_str());
  if (!tagger.ok()) {
    lede::fuzz::Require(!tagger.status().message().empty(), "empty error");
    return 0;
  }
  const std::string text =
      "WELLINGTON, March 3 (Lede) - Maria Ngata of the Harbour Board said "
      "Tom Reid would visit Paris and the United Nations.\nApple Inc. agreed.";
  const lede::Segmentation seg = segmenter.Segment(text);
  const auto mentions = (*tagger)->Tag(text, seg);
  for (size_t i = 0; i < mentions.size(); ++i) {
    lede::fuzz::CheckSpan(text, mentions[i].span, "tagged mention");
    lede::fuzz::Require(
        mentions[i].confidence >= 0 && mentions[i].confidence <= 1,
        "confidence out of [0, 1]");
    if (i > 0) {
      lede::fuzz::Require(mentions[i - 1].span.end <= mentions[i].span.begin,
                          "tagged mentions overlap or out of order");
    }
  }
  return 0;
}
