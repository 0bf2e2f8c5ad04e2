#ifndef LEDE_SERVICE_OFFSETS_H_
#define LEDE_SERVICE_OFFSETS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "lede/v1/lede.pb.h"

namespace lede {

// OffsetMapper
//
// Converts byte offsets into a UTF-8 text to the caller's unit: bytes,
// UTF-16 code units or code points. Built once per response in O(n / 256)
// memory; each conversion scans at most 255 bytes.
//
// REQUIRES: the text is valid UTF-8, outlives the mapper, and every offset
// passed to Map() is on a code point boundary within [0, text.size()].
class OffsetMapper {
 public:
  OffsetMapper(std::string_view text, v1::EncodingType encoding);
  int32_t Map(int32_t byte_offset) const;

 private:
  static constexpr int kBlock = 256;
  int32_t Count(int32_t begin, int32_t end) const;

  std::string_view text_;
  v1::EncodingType encoding_;
  std::vector<int32_t> block_units_;  // units before each block start
};

}  // namespace lede

#endif  // LEDE_SERVICE_OFFSETS_H_
