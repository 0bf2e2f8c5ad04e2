#ifndef LEDE_TESTS_FUZZ_FUZZ_CHECKS_H_
#define LEDE_TESTS_FUZZ_FUZZ_CHECKS_H_

// Span invariants shared by the fuzz targets. A violation prints what is
// wrong and aborts, which libFuzzer reports as a crash with the input.

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "engine/analysis.h"
#include "engine/text/segmentation_checks.h"

namespace lede::fuzz {

[[noreturn]] inline void Fail(const std::string& what) {
  std::fprintf(stderr, "INVARIANT VIOLATED: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}

inline void Require(bool ok, const std::string& what) {
  if (!ok) Fail(what);
}

// True when `offset` is the start of a UTF-8 sequence or the end of text.
inline bool OnBoundary(std::string_view text, int64_t offset) {
  if (offset < 0 || offset > static_cast<int64_t>(text.size())) return false;
  if (offset == static_cast<int64_t>(text.size())) return true;
  return (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

inline std::string Describe(const char* what, ByteSpan s) {
  return std::string(what) + " [" + std::to_string(s.begin) + ", " +
         std::to_string(s.end) + ")";
}

// In bounds, begin <= end (non-empty when `non_empty`), both on code point
// boundaries.
inline void CheckSpan(std::string_view text, ByteSpan s, const char* what,
                      bool non_empty = true) {
  Require(s.begin >= 0 && s.begin <= s.end &&
              s.end <= static_cast<int64_t>(text.size()),
          Describe(what, s) + " out of bounds (text " +
              std::to_string(text.size()) + " bytes)");
  if (non_empty) Require(s.begin < s.end, Describe(what, s) + " is empty");
  Require(OnBoundary(text, s.begin) && OnBoundary(text, s.end),
          Describe(what, s) + " not on UTF-8 boundaries");
}

inline void CheckSegmentationOrDie(std::string_view text,
                                   const Segmentation& seg) {
  const std::string err = CheckSegmentation(text, seg);
  Require(err.empty(), "segmentation: " + err);
}

// Entities: every mention a valid span, mentions in document order,
// salience in [0, 1]; entities by salience, highest first.
inline void CheckEntities(std::string_view text,
                          const std::vector<Entity>& entities,
                          bool sorted_by_salience) {
  for (size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    Require(e.salience >= 0 && e.salience <= 1,
            "entity '" + e.name + "' salience " + std::to_string(e.salience));
    Require(!e.mentions.empty(), "entity '" + e.name + "' has no mentions");
    for (size_t m = 0; m < e.mentions.size(); ++m) {
      CheckSpan(text, e.mentions[m].span, "mention");
      if (m > 0) {
        Require(e.mentions[m - 1].span.begin <= e.mentions[m].span.begin,
                Describe("mention", e.mentions[m].span) + " of '" + e.name +
                    "' out of document order");
      }
    }
    if (sorted_by_salience && i > 0) {
      Require(entities[i - 1].salience >= e.salience,
              "entities not sorted by salience at '" + e.name + "'");
    }
  }
}

// Dates: valid spans, document order, non-overlapping.
inline void CheckDates(std::string_view text,
                       const std::vector<TimeExpression>& dates) {
  for (size_t i = 0; i < dates.size(); ++i) {
    CheckSpan(text, dates[i].span, "date");
    if (i > 0) {
      Require(dates[i - 1].span.end <= dates[i].span.begin,
              Describe("date", dates[i].span) + " overlaps or precedes " +
                  Describe("date", dates[i - 1].span));
    }
  }
}

// Quotes: valid spans in document order; a quote with a speaker name and a
// speaker span names an entity one of whose mentions is that span.
// `entities` is what the caller got back; when it did not ask for entities
// (`entities_returned` false) speakers cannot be checked against them.
inline void CheckQuotes(std::string_view text, const std::vector<Quote>& quotes,
                        const std::vector<Entity>& entities,
                        bool entities_returned = true) {
  for (size_t i = 0; i < quotes.size(); ++i) {
    const Quote& q = quotes[i];
    CheckSpan(text, q.span, "quote", /*non_empty=*/false);
    if (i > 0) {
      Require(quotes[i - 1].span.begin <= q.span.begin,
              Describe("quote", q.span) + " out of document order");
    }
    if (!q.has_speaker_span) continue;
    CheckSpan(text, q.speaker_span, "speaker span");
    if (q.speaker.empty() || !entities_returned) continue;
    bool found = false;
    for (const Entity& e : entities) {
      if (e.name != q.speaker) continue;
      for (const EntityMention& m : e.mentions) {
        if (m.span == q.speaker_span) found = true;
      }
    }
    Require(found, Describe("speaker span", q.speaker_span) + " of speaker '" +
                       q.speaker + "' is no mention of an entity so named");
  }
}

// Summary: at most `max` sentences, valid distinct indexes, scores in
// [0, 1]; document order, or best first with `score_order`.
inline void CheckSummary(const std::vector<SummarySentence>& summary,
                         const Segmentation& seg, int max, bool score_order) {
  Require(static_cast<int>(summary.size()) <= max,
          "summary has " + std::to_string(summary.size()) +
              " sentences, asked for at most " + std::to_string(max));
  for (size_t i = 0; i < summary.size(); ++i) {
    const SummarySentence& s = summary[i];
    Require(s.sentence_index >= 0 &&
                s.sentence_index < static_cast<int>(seg.sentences.size()),
            "summary sentence index " + std::to_string(s.sentence_index));
    Require(!std::isnan(s.score) && s.score >= 0 && s.score <= 1,
            "summary score " + std::to_string(s.score));
    if (i == 0) continue;
    if (score_order) {
      Require(summary[i - 1].score >= s.score, "summary not best first");
    } else {
      Require(summary[i - 1].sentence_index < s.sentence_index,
              "summary not in document order (or repeats a sentence)");
    }
  }
}

}  // namespace lede::fuzz

#endif  // LEDE_TESTS_FUZZ_FUZZ_CHECKS_H_
