#include "service/offsets.h"

namespace lede {

OffsetMapper::OffsetMapper(std::string_view text, v1::EncodingType encoding)
    : text_(text), encoding_(encoding) {
  if (encoding_ == v1::UTF8) return;
  const int32_t n = static_cast<int32_t>(text.size());
  block_units_.reserve(n / kBlock + 1);
  int32_t units = 0;
  for (int32_t b = 0; b <= n; b += kBlock) {
    block_units_.push_back(units);
    units += Count(b, std::min(n, b + kBlock));
  }
}

int32_t OffsetMapper::Count(int32_t begin, int32_t end) const {
  int32_t units = 0;
  const auto* s = reinterpret_cast<const unsigned char*>(text_.data());
  for (int32_t i = begin; i < end; ++i) {
    const unsigned char c = s[i];
    if ((c & 0xC0) != 0x80) ++units;  // a lead byte starts a code point
    if (c >= 0xF0 && encoding_ == v1::UTF16) ++units;  // surrogate pair
  }
  return units;
}

int32_t OffsetMapper::Map(int32_t byte_offset) const {
  if (encoding_ == v1::UTF8) return byte_offset;
  const int32_t block = byte_offset / kBlock;
  return block_units_[block] + Count(block * kBlock, byte_offset);
}

}  // namespace lede
