#ifndef LEDE_ENGINE_QUOTES_TEST_UTIL_H_
#define LEDE_ENGINE_QUOTES_TEST_UTIL_H_

// Helpers for the quote stage's tests: paragraphs and entities made by hand,
// so the tests do not depend on the segmenter or the entity stage.

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "engine/analysis.h"

namespace lede::testing {

// ParagraphsOf()
//
// A segmentation holding only the paragraphs of `text`: its non-blank lines.
inline Segmentation ParagraphsOf(std::string_view text) {
  Segmentation seg;
  size_t p = 0;
  while (p <= text.size()) {
    size_t e = text.find('\n', p);
    if (e == std::string_view::npos) e = text.size();
    size_t b = p, q = e;
    while (b < q && (text[b] == ' ' || text[b] == '\r')) ++b;
    while (q > b && (text[q - 1] == ' ' || text[q - 1] == '\r')) --q;
    if (q > b) {
      Paragraph para;
      para.span = {static_cast<int32_t>(b), static_cast<int32_t>(q)};
      seg.paragraphs.push_back(para);
    }
    p = e + 1;
  }
  return seg;
}

// MakeEntity()
//
// An entity named `name` with a PROPER mention at every whole-word
// occurrence of each of `surfaces` (longer surfaces first; no overlaps).
inline Entity MakeEntity(std::string_view text, std::string name,
                         EntityType type, std::vector<std::string> surfaces) {
  Entity e;
  e.name = std::move(name);
  e.type = type;
  std::sort(surfaces.begin(), surfaces.end(),
            [](const std::string& a, const std::string& b) {
              return a.size() > b.size();
            });
  auto word = [&](size_t i) {
    return i < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[i])) ||
            text[i] == '-');
  };
  for (const std::string& s : surfaces) {
    size_t pos = 0;
    while ((pos = text.find(s, pos)) != std::string_view::npos) {
      const size_t end = pos + s.size();
      const bool whole = (pos == 0 || !word(pos - 1)) && !word(end);
      bool overlaps = false;
      for (const EntityMention& m : e.mentions) {
        overlaps = overlaps || (m.span.begin < static_cast<int32_t>(end) &&
                                static_cast<int32_t>(pos) < m.span.end);
      }
      if (whole && !overlaps) {
        e.mentions.push_back(
            {{static_cast<int32_t>(pos), static_cast<int32_t>(end)},
             MentionType::kProper});
      }
      pos = end;
    }
  }
  std::sort(e.mentions.begin(), e.mentions.end(),
            [](const EntityMention& a, const EntityMention& b) {
              return a.span.begin < b.span.begin;
            });
  return e;
}

}  // namespace lede::testing

#endif  // LEDE_ENGINE_QUOTES_TEST_UTIL_H_
