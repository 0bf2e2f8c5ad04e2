#include "engine/model/model_file.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "engine/text/string_view.h"

namespace lede {
namespace {

constexpr char kMagic[8] = {'L', 'E', 'D', 'E', 'M', 'D', 'L', '\x1a'};
constexpr uint32_t kContainerVersion = 1;

// FNV-1a, 64 bit: enough to catch truncation and bit rot.
uint64_t Checksum(std::string_view data) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace

void ByteWriter::U32(uint32_t v) {
  for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>(v >> (8 * i)));
}
void ByteWriter::U64(uint64_t v) {
  for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>(v >> (8 * i)));
}
void ByteWriter::VarU(uint64_t v) {
  while (v >= 0x80) {
    out_.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out_.push_back(static_cast<char>(v));
}
void ByteWriter::F32(float v) {
  uint32_t u;
  std::memcpy(&u, &v, 4);
  U32(u);
}
void ByteWriter::Str(std::string_view s) {
  VarU(s.size());
  out_.append(s.data(), s.size());
}

std::string_view ByteReader::Raw(size_t n) {
  if (!ok_ || n > in_.size() - pos_) {
    ok_ = false;
    return {};
  }
  std::string_view r = in_.substr(pos_, n);
  pos_ += n;
  return r;
}
uint8_t ByteReader::U8() {
  std::string_view r = Raw(1);
  return r.empty() ? 0 : static_cast<uint8_t>(r[0]);
}
uint32_t ByteReader::U32() {
  std::string_view r = Raw(4);
  if (r.empty()) return 0;
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i)
    v |= uint32_t{static_cast<uint8_t>(r[i])} << (8 * i);
  return v;
}
uint64_t ByteReader::U64() {
  std::string_view r = Raw(8);
  if (r.empty()) return 0;
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i)
    v |= uint64_t{static_cast<uint8_t>(r[i])} << (8 * i);
  return v;
}
uint64_t ByteReader::VarU() {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    uint8_t b = U8();
    if (!ok_) return 0;
    v |= uint64_t{b & 0x7Fu} << shift;
    if (!(b & 0x80)) return v;
  }
  ok_ = false;
  return 0;
}
float ByteReader::F32() {
  uint32_t u = U32();
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}
std::string_view ByteReader::Str() {
  uint64_t n = VarU();
  if (!ok_ || n > remaining()) {
    ok_ = false;
    return {};
  }
  return Raw(static_cast<size_t>(n));
}

ModelWriter::ModelWriter(std::string kind, uint32_t model_version)
    : kind_(std::move(kind)), model_version_(model_version) {}

void ModelWriter::AddSection(std::string name, std::string data) {
  sections_.emplace_back(std::move(name), std::move(data));
}

std::string ModelWriter::Serialize() const {
  ByteWriter w;
  w.data().append(kMagic, sizeof(kMagic));
  w.U32(kContainerVersion);
  w.Str(kind_);
  w.U32(model_version_);
  w.U32(static_cast<uint32_t>(sections_.size()));
  for (const auto& [name, data] : sections_) {
    w.Str(name);
    w.U64(data.size());
    w.data().append(data);
  }
  const uint64_t sum = Checksum(w.data());
  w.U64(sum);
  return std::move(w.data());
}

absl::Status ModelWriter::WriteToFile(const std::string& path) const {
  const std::string bytes = Serialize();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out)
    return absl::InternalError(absl::StrCat(path, ": cannot open for writing"));
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return absl::InternalError(absl::StrCat(path, ": write failed"));
  return absl::OkStatus();
}

absl::StatusOr<ModelFile> ModelFile::Load(const std::string& path,
                                          std::string_view expected_kind,
                                          uint32_t expected_version) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat(
        path,
        ": cannot open model file; check --model_dir (or LEDE_MODEL_DIR)"));
  }
  // One read into a buffer of the file's size: model files are tens of MB.
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0)
    return absl::DataLossError(absl::StrCat(path, ": cannot size file"));
  in.seekg(0, std::ios::beg);
  std::string bytes(static_cast<size_t>(size), '\0');
  if (!in.read(bytes.data(), size)) {
    return absl::DataLossError(absl::StrCat(path, ": read error"));
  }
  return Parse(std::move(bytes), path, expected_kind, expected_version);
}

absl::StatusOr<ModelFile> ModelFile::Parse(std::string bytes,
                                           std::string_view name,
                                           std::string_view expected_kind,
                                           uint32_t expected_version) {
  auto corrupt = [&](std::string_view what) {
    return absl::DataLossError(absl::StrCat(
        AsAbsl(name), ": corrupt model file (", AsAbsl(what), ")"));
  };
  if (bytes.size() < sizeof(kMagic) + 8 ||
      std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        AsAbsl(name), ": not a lede model file (bad magic number)"));
  }
  {
    std::string_view body(bytes.data(), bytes.size() - 8);
    ByteReader tail(std::string_view(bytes).substr(bytes.size() - 8));
    if (Checksum(body) != tail.U64()) return corrupt("checksum mismatch");
  }
  ModelFile m;
  ByteReader r(std::string_view(bytes.data(), bytes.size() - 8));
  r.Raw(sizeof(kMagic));
  const uint32_t container = r.U32();
  if (container != kContainerVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat(AsAbsl(name), ": container format version ", container,
                     ", this build reads ", kContainerVersion));
  }
  m.kind_ = std::string(r.Str());
  m.model_version_ = r.U32();
  if (!r.ok()) return corrupt("truncated header");
  if (m.kind_ != expected_kind) {
    return absl::FailedPreconditionError(
        absl::StrCat(AsAbsl(name), ": is a '", m.kind_, "' model, expected '",
                     AsAbsl(expected_kind), "'"));
  }
  if (m.model_version_ != expected_version) {
    return absl::FailedPreconditionError(
        absl::StrCat(AsAbsl(name), ": model version ", m.model_version_,
                     ", this build reads version ", expected_version,
                     "; retrain the model or use a matching build"));
  }
  const uint32_t count = r.U32();
  for (uint32_t i = 0; i < count && r.ok(); ++i) {
    std::string section(r.Str());
    const uint64_t len = r.U64();
    if (!r.ok() || len > r.remaining()) return corrupt("truncated section");
    const size_t offset = (bytes.size() - 8) - r.remaining();
    r.Raw(static_cast<size_t>(len));
    m.sections_[section] = {offset, static_cast<size_t>(len)};
  }
  if (!r.ok() || !r.done()) return corrupt("bad section table");
  m.bytes_ = std::move(bytes);
  return m;
}

std::vector<std::string> ModelFile::SectionNames() const {
  std::vector<std::pair<size_t, std::string>> by_offset;
  for (const auto& [name, where] : sections_) {
    by_offset.push_back({where.first, name});
  }
  std::sort(by_offset.begin(), by_offset.end());
  std::vector<std::string> names;
  for (auto& [offset, name] : by_offset) names.push_back(std::move(name));
  return names;
}

bool ModelFile::HasSection(std::string_view name) const {
  return sections_.find(name) != sections_.end();
}

absl::StatusOr<std::string_view> ModelFile::Section(
    std::string_view name) const {
  auto it = sections_.find(name);
  if (it == sections_.end()) {
    return absl::NotFoundError(absl::StrCat(
        "model '", kind_, "' has no section '", AsAbsl(name), "'"));
  }
  return std::string_view(bytes_).substr(it->second.first, it->second.second);
}

}  // namespace lede
