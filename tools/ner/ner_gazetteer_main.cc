// ner_gazetteer: rewrites the gazetteer section of a named-entity model from
// the lists it was trained with, leaving every other section as it is.
//
// The table's form can change without retraining (today's form adds prefix
// marks, which let the matcher stop early), but its entries cannot: the
// trained weights refer to the lists by index. So the tool first checks that
// the lists give exactly the model's entries, every phrase key with the same
// lists, and refuses otherwise.
//
//   ner_gazetteer --model=models/ner.bin --gazetteers=models/gazetteers

#include <cstdio>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "engine/entities/gazetteer.h"
#include "engine/entities/ner_tagger.h"
#include "engine/model/model_file.h"
#include "tools/ner/gazetteer_lists.h"

ABSL_FLAG(std::string, model, "models/ner.bin", "model file to read");
ABSL_FLAG(std::string, gazetteers, "models/gazetteers",
          "directory with the gazetteer lists");
ABSL_FLAG(std::string, out, "", "model file to write (default: --model)");

namespace lede {
namespace ner {
namespace {

int Run() {
  const std::string in_path = absl::GetFlag(FLAGS_model);
  std::string out_path = absl::GetFlag(FLAGS_out);
  if (out_path.empty()) out_path = in_path;
  auto file = ModelFile::Load(in_path, kNerModelKind, kNerModelVersion);
  if (!file.ok()) {
    std::fprintf(stderr, "%s\n", file.status().ToString().c_str());
    return 1;
  }
  auto section = file->Section("gazetteer");
  if (!section.ok()) {
    std::fprintf(stderr, "%s: %s\n", in_path.c_str(),
                 section.status().ToString().c_str());
    return 1;
  }
  auto old_table = Gazetteer::Parse(*section);
  if (!old_table.ok()) {
    std::fprintf(stderr, "%s: %s\n", in_path.c_str(),
                 old_table.status().ToString().c_str());
    return 1;
  }
  auto lists = LoadGazetteerLists(absl::GetFlag(FLAGS_gazetteers));
  if (!lists.ok()) {
    std::fprintf(stderr, "%s\n", lists.status().ToString().c_str());
    return 1;
  }
  const auto want = old_table->Entries();
  const auto have = lists->Entries();
  if (want != have || old_table->list_count() != lists->list_count()) {
    std::fprintf(stderr,
                 "%s: the lists give %zu entries in %d lists, the model has "
                 "%zu in %d (or other keys): these are not the lists it was "
                 "trained with; retrain instead\n",
                 in_path.c_str(), have.size(), lists->list_count(), want.size(),
                 old_table->list_count());
    return 1;
  }
  for (int l = 0; l < lists->list_count(); ++l) {
    if (lists->list_name(l) != old_table->list_name(l)) {
      std::fprintf(stderr, "%s: list %d is '%s' in the model, '%s' here\n",
                   in_path.c_str(), l, old_table->list_name(l).c_str(),
                   lists->list_name(l).c_str());
      return 1;
    }
  }
  ModelWriter w(file->kind(), file->model_version());
  for (const std::string& name : file->SectionNames()) {
    if (name == "gazetteer") {
      w.AddSection(name, lists->Serialize());
    } else {
      w.AddSection(name, std::string(*file->Section(name)));
    }
  }
  if (absl::Status s = w.WriteToFile(out_path); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  std::printf(
      "%s: gazetteer of %zu phrase keys in %d lists, %s\n", out_path.c_str(),
      have.size(), lists->list_count(),
      lists->has_prefix_marks() ? "with prefix marks" : "without prefix marks");
  return 0;
}

}  // namespace
}  // namespace ner
}  // namespace lede

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return lede::ner::Run();
}
