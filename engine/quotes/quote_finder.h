#ifndef LEDE_ENGINE_QUOTES_QUOTE_FINDER_H_
#define LEDE_ENGINE_QUOTES_QUOTE_FINDER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/analysis.h"

namespace lede {

struct QuoteSpec {};

// QuoteFinder
//
// Finds quotations and attributes each to a speaker entity and a cue.
//
// Quotes are the runs of words inside quotation marks (see quote_marks.h for
// which marks and how they pair): one `Quote` per contiguous run, so a quote
// split around "she said" gives two, both attributed. A quote of several
// paragraphs (news convention: each paragraph reopens the quote) is one
// `Quote` whose span covers all of them. Runs that look like titles ("One
// Hundred Years of Solitude") are dropped, and so are short runs with no
// attribution (scare quotes) and single-quoted runs with no attribution.
//
// Attribution, in order of preference: the words after the quote
// ("QUOTE," X said / said X / X told reporters / according to X / per X /
// as X put it / "QUOTE" — X, a byline with a dash as the cue); the words
// before it in the same sentence (X said, "QUOTE" / X said: "QUOTE" / X said
// the plan is "partial quote" / X's claim that "QUOTE" / X, who joked,
// "QUOTE" / X: "QUOTE" in a transcript; in a nested report, the subject of
// the main reporting clause: X said that Y called it "QUOTE"), else that
// sentence's subject with its verb as the cue ("The nominee also vowed to
// punish "QUOTE""); an earlier quote of the same sentence ("duped" by "a
// con"); the previous quote's speaker when this quote continues it (same or
// next paragraph); a sentence in the previous paragraph that introduces the
// speaker ("The Times reports:"). In "She said she recalls ...", the inner
// pronoun stands for the sentence's subject. Cue words that can be plural
// nouns ("claims", "tweets") count only in a verb reading, passives ("he was
// called") name no speaker, and a nominal speaker needs a head that can
// speak (a person, group, organization or document noun).
//
// Speakers are resolved against `*entities`: a name mention overlapping the
// speaker phrase, else an entity whose name or surname matches ("Kirby" →
// "John Kirby"); a pronoun to the nearest person (he, she) or organization
// (it, they) mentioned outside quotes, preferring one in subject position
// within a few sentences ("Obama said after meeting Putin. He ..." →
// Obama), and skipping people whose known gender (from Mr./Ms., a common
// first name or an earlier he/she) disagrees; a relative "who"/"which" to
// the mention right before it; a definite title ("the spokesman",
// "Russia's president") to a person earlier introduced with that title
// ("spokesman John Kirby"). Indefinite speakers ("a source") are never
// resolved.
//
// Immutable after Create(); safe to share across threads. Linear in the
// length of the text (plus n log n in the number of mentions).
class QuoteFinder {
 public:
  static absl::StatusOr<std::unique_ptr<QuoteFinder>> Create(
      const QuoteSpec& spec);
  ~QuoteFinder();

  // Quotes in document order: the DIRECT quotes described above and, for
  // sentences with no quotation marks, INDIRECT ones (reported speech: "X
  // said (that) CLAUSE", "X told Y that CLAUSE", "CLAUSE, according to X";
  // the span is the reported clause). The mentions that name
  // speakers but are not yet mentions of their entity ("he", "the
  // spokesman", or a name the entity stage missed) are added to that entity
  // in `*entities` (typed PRONOUN, NOMINAL or PROPER, keeping document
  // order), so every `Quote::speaker_span` of a quote with a non-empty
  // `speaker` is a mention of the entity named by `Quote::speaker`.
  //
  // When a speaker is a capitalized name that no entity covers (the entity
  // stage may miss it), a new `Entity` is appended to `*entities`: named by
  // the name without leading titles ("Officer Tusk" → "Tusk", "Russian
  // President Vladimir Putin" → "Vladimir Putin"), typed ORGANIZATION when
  // the name holds an organization word or is an acronym and PERSON
  // otherwise, with salience 0.
  //
  // When the phrase naming the speaker is found but cannot be resolved (a
  // pronoun with no person before it, "a source"), `speaker` is empty while
  // `has_speaker_span` is true and `speaker_span` marks the phrase.
  //
  // REQUIRES: `seg` is the segmentation of `text`; `entities` is not null.
  std::vector<Quote> Find(std::string_view text, const Segmentation& seg,
                          std::vector<Entity>* entities) const;

  struct Lexicon;

 private:
  QuoteFinder();
  std::unique_ptr<const Lexicon> lex_;
};

}  // namespace lede

#endif  // LEDE_ENGINE_QUOTES_QUOTE_FINDER_H_
