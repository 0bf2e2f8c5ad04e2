#include "engine/text/segmentation_checks.h"

#include "absl/strings/str_cat.h"
#include "engine/text/char_class.h"
#include "engine/text/utf8.h"

namespace lede {
namespace {

using text_internal::SpaceLengthAt;

bool IsSpaceBefore(std::string_view text, int32_t end) {
  int len;
  const char32_t cp = DecodeUtf8Before(text, end, &len);
  return text_internal::IsSpaceCodePoint(cp);
}

std::string CheckSpan(std::string_view text, ByteSpan s, const char* what,
                      size_t index) {
  if (s.begin < 0 || s.end > static_cast<int32_t>(text.size()) || s.empty()) {
    return absl::StrCat(what, " ", index, ": empty or out of range [", s.begin,
                        ",", s.end, ")");
  }
  if (!IsUtf8Boundary(text, s.begin) || !IsUtf8Boundary(text, s.end)) {
    return absl::StrCat(what, " ", index, ": not on a code point boundary");
  }
  if (SpaceLengthAt(text, s.begin) > 0 || IsSpaceBefore(text, s.end)) {
    return absl::StrCat(what, " ", index, ": whitespace at an edge");
  }
  return "";
}

}  // namespace

std::string CheckSegmentation(std::string_view text, const Segmentation& seg) {
  const int32_t np = static_cast<int32_t>(seg.paragraphs.size());
  const int32_t ns = static_cast<int32_t>(seg.sentences.size());
  const int32_t nt = static_cast<int32_t>(seg.tokens.size());
  int32_t next_sentence = 0;
  int32_t prev_end = 0;
  for (int32_t p = 0; p < np; ++p) {
    const Paragraph& para = seg.paragraphs[p];
    std::string e = CheckSpan(text, para.span, "paragraph", p);
    if (!e.empty()) return e;
    if (para.span.begin < prev_end)
      return absl::StrCat("paragraph ", p, ": out of order");
    prev_end = para.span.end;
    if (para.first_sentence != next_sentence || para.sentence_count <= 0) {
      return absl::StrCat("paragraph ", p, ": bad sentence range");
    }
    next_sentence += para.sentence_count;
    if (next_sentence > ns)
      return absl::StrCat("paragraph ", p, ": too many sentences");
    if (seg.sentences[para.first_sentence].span.begin != para.span.begin ||
        seg.sentences[next_sentence - 1].span.end != para.span.end) {
      return absl::StrCat("paragraph ", p, ": sentences do not fill it");
    }
  }
  if (next_sentence != ns) return "sentences outside paragraphs";

  int32_t next_token = 0;
  prev_end = 0;
  for (int32_t s = 0; s < ns; ++s) {
    const SentenceInfo& si = seg.sentences[s];
    std::string e = CheckSpan(text, si.span, "sentence", s);
    if (!e.empty()) return e;
    if (si.span.begin < prev_end)
      return absl::StrCat("sentence ", s, ": out of order");
    prev_end = si.span.end;
    if (si.paragraph < 0 || si.paragraph >= np) {
      return absl::StrCat("sentence ", s, ": bad paragraph index");
    }
    const ByteSpan ps = seg.paragraphs[si.paragraph].span;
    if (si.span.begin < ps.begin || si.span.end > ps.end) {
      return absl::StrCat("sentence ", s, ": outside its paragraph");
    }
    if (si.first_token != next_token || si.token_count <= 0) {
      return absl::StrCat("sentence ", s, ": bad token range");
    }
    next_token += si.token_count;
    if (next_token > nt)
      return absl::StrCat("sentence ", s, ": too many tokens");
    if (seg.tokens[si.first_token].span.begin != si.span.begin ||
        seg.tokens[next_token - 1].span.end != si.span.end) {
      return absl::StrCat("sentence ", s, ": tokens do not fill it");
    }
    int32_t tprev = si.span.begin;
    for (int32_t t = si.first_token; t < next_token; ++t) {
      const ByteSpan ts = seg.tokens[t].span;
      std::string te = CheckSpan(text, ts, "token", t);
      if (!te.empty()) return te;
      if (ts.begin < tprev) return absl::StrCat("token ", t, ": out of order");
      // Between tokens only whitespace; inside a token none.
      for (int32_t i = tprev; i < ts.begin;) {
        const int l = SpaceLengthAt(text, i);
        if (l == 0) {
          return absl::StrCat("byte ", i, " before token ", t,
                              " is in no token");
        }
        i += l;
      }
      for (int32_t i = ts.begin; i < ts.end;) {
        if (SpaceLengthAt(text, i) > 0) {
          return absl::StrCat("token ", t, ": contains whitespace");
        }
        int len = 1;
        if (static_cast<unsigned char>(text[i]) >= 0x80)
          DecodeUtf8(text, i, &len);
        i += len;
      }
      tprev = ts.end;
    }
  }
  if (next_token != nt) return "tokens outside sentences";
  // Between paragraphs and sentences: whitespace only.
  int32_t pos = 0;
  for (int32_t s = 0; s < ns; ++s) {
    for (int32_t i = pos; i < seg.sentences[s].span.begin;) {
      const int l = SpaceLengthAt(text, i);
      if (l == 0) return absl::StrCat("byte ", i, " is in no sentence");
      i += l;
    }
    pos = seg.sentences[s].span.end;
  }
  for (int32_t i = pos; i < static_cast<int32_t>(text.size());) {
    const int l = SpaceLengthAt(text, i);
    if (l == 0) return absl::StrCat("byte ", i, " is in no sentence");
    i += l;
  }
  return "";
}

}  // namespace lede
