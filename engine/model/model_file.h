#ifndef LEDE_ENGINE_MODEL_MODEL_FILE_H_
#define LEDE_ENGINE_MODEL_MODEL_FILE_H_

// The container every lede model file uses: a magic number, a format
// version, the model's kind and version, named sections of bytes, and a
// checksum over all of it; ModelWriter::Serialize() writes the layout.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace lede {

// ModelWriter
//
// Builds a model file in memory. Sections keep the order they were added in.
//
// Example:
//   ModelWriter w("ner", 1);
//   w.AddSection("weights", bytes);
//   absl::Status s = w.WriteToFile("models/ner.bin");
class ModelWriter {
 public:
  ModelWriter(std::string kind, uint32_t model_version);
  void AddSection(std::string name, std::string data);
  std::string Serialize() const;
  absl::Status WriteToFile(const std::string& path) const;

 private:
  std::string kind_;
  uint32_t model_version_;
  std::vector<std::pair<std::string, std::string>> sections_;
};

// ModelFile
//
// A parsed model file. Owns its bytes; `Section()` views stay valid as long as
// the ModelFile lives. Immutable after loading, so safe to share across
// threads.
class ModelFile {
 public:
  // Loads and verifies `path`: magic, container version, checksum, and that
  // the file is of `expected_kind` at `expected_version`. Errors name the path
  // and what is wrong ("models/ner.bin: model version 3, this build reads
  // version 1; retrain or use a matching build").
  static absl::StatusOr<ModelFile> Load(const std::string& path,
                                        std::string_view expected_kind,
                                        uint32_t expected_version);
  // As Load(), from bytes; `name` is used in error messages.
  static absl::StatusOr<ModelFile> Parse(std::string bytes,
                                         std::string_view name,
                                         std::string_view expected_kind,
                                         uint32_t expected_version);

  const std::string& kind() const { return kind_; }
  uint32_t model_version() const { return model_version_; }
  bool HasSection(std::string_view name) const;
  // The section names in file order.
  std::vector<std::string> SectionNames() const;
  // NOT_FOUND naming the section when absent.
  absl::StatusOr<std::string_view> Section(std::string_view name) const;

 private:
  std::string bytes_;
  std::string kind_;
  uint32_t model_version_ = 0;
  std::map<std::string, std::pair<size_t, size_t>, std::less<>> sections_;
};

// ByteWriter / ByteReader
//
// Little-endian primitives for section payloads. ByteReader never reads past
// its end: after an overrun every further read returns zero and `ok()` turns
// false, so a loader checks once at the end.
class ByteWriter {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U32(uint32_t v);
  void U64(uint64_t v);
  void VarU(uint64_t v);
  void F32(float v);
  void Str(std::string_view s);  // varint length + bytes
  std::string& data() { return out_; }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  uint8_t U8();
  uint32_t U32();
  uint64_t U64();
  uint64_t VarU();
  float F32();
  std::string_view Str();
  // Reads `n` raw bytes.
  std::string_view Raw(size_t n);
  bool ok() const { return ok_; }
  bool done() const { return pos_ == in_.size(); }
  size_t remaining() const { return in_.size() - pos_; }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace lede

#endif  // LEDE_ENGINE_MODEL_MODEL_FILE_H_
