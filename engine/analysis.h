#ifndef LEDE_ENGINE_ANALYSIS_H_
#define LEDE_ENGINE_ANALYSIS_H_

// The data that flows between the engine's stages. Every span is a half-open
// `[begin, end)` range of byte offsets into the original UTF-8 text; no stage
// copies or rewrites the text. Conversion to other offset units happens once,
// at the service edge.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lede {

// ByteSpan
//
// `[begin, end)` byte offsets into the analyzed text.
struct ByteSpan {
  int32_t begin = 0;
  int32_t end = 0;

  int32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  std::string_view Of(std::string_view text) const {
    return text.substr(begin, end - begin);
  }
  friend bool operator==(ByteSpan a, ByteSpan b) {
    return a.begin == b.begin && a.end == b.end;
  }
  friend bool operator!=(ByteSpan a, ByteSpan b) { return !(a == b); }
};

// TokenKind
//
// Coarse class of a token, decided by the tokenizer from its characters.
enum class TokenKind : uint8_t {
  kWord,         // letters, possibly with inner apostrophes, hyphens, dots
  kNumber,       // digits, possibly with separators: 1,000  3.5  2024
  kPunctuation,  // one punctuation or symbol character (or "..." / "--")
  kOther,        // emoji, other symbols
};

struct Token {
  ByteSpan span;
  TokenKind kind = TokenKind::kWord;
  // True when whitespace (or the start of text) precedes the token.
  bool space_before = true;
};

struct Paragraph {
  ByteSpan span;
  int32_t first_sentence = 0;  // index into Segmentation::sentences
  int32_t sentence_count = 0;
};

struct SentenceInfo {
  ByteSpan span;
  int32_t paragraph = 0;    // index into Segmentation::paragraphs
  int32_t first_token = 0;  // index into Segmentation::tokens
  int32_t token_count = 0;
};

// Segmentation
//
// Paragraphs, sentences and tokens of a text, each in document order. Every
// token lies inside exactly one sentence and every sentence inside exactly one
// paragraph. Whitespace belongs to none of them.
struct Segmentation {
  std::vector<Paragraph> paragraphs;
  std::vector<SentenceInfo> sentences;
  std::vector<Token> tokens;
};

enum class EntityType : uint8_t {
  kUnspecified = 0,
  kPerson,
  kOrganization,
  kLocation,
  kNationality,
  kEvent,
  kWorkOfArt,
  kProduct,
  kMoney,
  kPercent,
  kOther,
};

enum class MentionType : uint8_t {
  kUnspecified = 0,
  kProper,
  kNominal,
  kPronoun,
};

struct EntityMention {
  ByteSpan span;
  MentionType type = MentionType::kProper;
};

// Entity
//
// One canonical entity of a document with all its mentions in document order.
struct Entity {
  std::string name;  // the most complete proper mention
  EntityType type = EntityType::kUnspecified;
  float salience = 0;  // in [0, 1]
  std::vector<EntityMention> mentions;
};

enum class TimeType : uint8_t {
  kUnspecified = 0,
  kDate,
  kTime,
  kDuration,
  kSet,
};

struct TimeExpression {
  ByteSpan span;
  TimeType type = TimeType::kDate;
  std::string value;  // TIMEX3 value
  std::string mod;    // TIMEX3 modifier or empty
};

enum class QuoteType : uint8_t {
  kUnspecified = 0,
  kDirect,
  kIndirect,
};

struct Quote {
  ByteSpan span;          // the quoted words, without marks
  std::string speaker;    // Entity::name, or empty when unknown
  ByteSpan speaker_span;  // meaningful only when has_speaker_span
  bool has_speaker_span = false;
  std::string cue;  // "said", "according to", ... or empty
  QuoteType type = QuoteType::kDirect;
};

struct SummarySentence {
  int32_t sentence_index = 0;
  float score = 0;
};

}  // namespace lede

#endif  // LEDE_ENGINE_ANALYSIS_H_
