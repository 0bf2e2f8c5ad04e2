// Fuzzes ModelFile::Parse on corrupt files. The first byte chooses the
// expected kind and whether the fuzzer appends a valid checksum, so that
// mutations reach the header and section table instead of stopping at the
// checksum. Sections of a parsed file are read with ByteReader.

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/model/model_file.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

// FNV-1a 64, the container's checksum (docs in engine/model/model_file.h).
uint64_t Fnv1a(std::string_view data) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (mode & 1) {
    lede::ByteWriter w;
    w.U64(Fnv1a(bytes));
    bytes += w.data();
  }
  const std::string_view kind = (mode & 2) ? "summary" : "ner";
  const uint32_t version = (mode & 4) ? 2 : 1;
  auto file = lede::ModelFile::Parse(bytes, "fuzz.bin", kind, version);
  if (!file.ok()) {
    lede::fuzz::Require(!file.status().message().empty(), "empty error");
    return 0;
  }
  lede::fuzz::Require(file->kind() == kind && file->model_version() == version,
                      "accepted a file of another kind or version");
  for (std::string_view name :
       {"meta", "weights", "gazetteer", "clusters", "selftest", "info", ""}) {
    auto section = file->Section(name);
    lede::fuzz::Require(section.ok() == file->HasSection(name),
                        "Section() and HasSection() disagree");
    if (!section.ok()) continue;
    lede::ByteReader r(*section);
    while (r.ok() && !r.done()) {
      switch (r.U8() % 6) {
        case 0:
          r.U32();
          break;
        case 1:
          r.U64();
          break;
        case 2:
          r.VarU();
          break;
        case 3:
          r.F32();
          break;
        case 4:
          r.Str();
          break;
        case 5:
          r.Raw(r.U8());
          break;
      }
    }
  }
  return 0;
}
