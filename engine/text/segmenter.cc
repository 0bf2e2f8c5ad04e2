#include "engine/text/segmenter.h"

#include "absl/strings/ascii.h"

namespace lede {

absl::StatusOr<std::unique_ptr<Segmenter>> Segmenter::Create(
    const SegmenterSpec&) {
  return std::unique_ptr<Segmenter>(new Segmenter());
}

// First version: paragraphs at line breaks, sentences at . ! ? followed by
// space, tokens at spaces and ASCII punctuation.
Segmentation Segmenter::Segment(std::string_view text) const {
  Segmentation seg;
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t p = 0;
  while (p < n) {
    int32_t e = p;
    while (e < n && text[e] != '\n') ++e;
    int32_t b = p;
    while (b < e && absl::ascii_isspace(static_cast<unsigned char>(text[b]))) ++b;
    int32_t q = e;
    while (q > b && absl::ascii_isspace(static_cast<unsigned char>(text[q - 1]))) --q;
    if (q > b) {
      Paragraph para;
      para.span = {b, q};
      para.first_sentence = static_cast<int32_t>(seg.sentences.size());
      int32_t s = b;
      for (int32_t i = b; i < q; ++i) {
        char c = text[i];
        bool end = (c == '.' || c == '!' || c == '?') &&
                   (i + 1 == q || text[i + 1] == ' ');
        if (end || i + 1 == q) {
          SentenceInfo si;
          si.span = {s, i + 1};
          si.paragraph = static_cast<int32_t>(seg.paragraphs.size());
          si.first_token = static_cast<int32_t>(seg.tokens.size());
          int32_t t = s;
          while (t <= i) {
            while (t <= i && text[t] == ' ') ++t;
            if (t > i) break;
            int32_t u = t;
            if (absl::ascii_ispunct(static_cast<unsigned char>(text[t]))) {
              ++u;
            } else {
              while (u <= i && text[u] != ' ' &&
                     !absl::ascii_ispunct(static_cast<unsigned char>(text[u])))
                ++u;
            }
            Token tok;
            tok.span = {t, u};
            tok.space_before = t == s || text[t - 1] == ' ';
            seg.tokens.push_back(tok);
            t = u;
          }
          si.token_count = static_cast<int32_t>(seg.tokens.size()) - si.first_token;
          seg.sentences.push_back(si);
          s = i + 1;
          while (s < q && text[s] == ' ') ++s;
          i = s - 1;
        }
      }
      para.sentence_count =
          static_cast<int32_t>(seg.sentences.size()) - para.first_sentence;
      seg.paragraphs.push_back(para);
    }
    p = e + 1;
  }
  return seg;
}

}  // namespace lede
