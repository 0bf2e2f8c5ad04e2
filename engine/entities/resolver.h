#ifndef LEDE_ENGINE_ENTITIES_RESOLVER_H_
#define LEDE_ENGINE_ENTITIES_RESOLVER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/analysis.h"
#include "engine/entities/tagger.h"

namespace lede {

struct ResolverSpec {
  // Directory with gazetteers the resolver reads (may be empty: built-ins
  // only). The current resolver needs no files: its word lists are built in.
  std::string model_dir;
};

// Resolver
//
// Turns tagged mentions into canonical entities:
//
//  * Cleans each mention: strips surrounding punctuation, a possessive
//    ("Putin's" → "Putin"), leading function and time words ("On Tuesday",
//    "The Kremlin" → "Kremlin", but "The New York Times" and a capitalized
//    "The" inside a sentence stay), trailing lowercase words ("Kremlin
//    announced" → "Kremlin") and, for people, titles and the nationality in
//    front of them ("Russian President Vladimir Putin" → "Vladimir Putin",
//    plus a NATIONALITY mention "Russian"). Drops mentions left with only
//    function words, time words or page boilerplate ("Advertising",
//    "Tuesday"). Initials are kept ("A. Smith" is not the article "A"), as
//    are capitalized function words ending a person's name ("Hla Than")
//    and a bracket closing one opened in the name ("Mladost ( BJ )"). A
//    mention "A/B" is split in two.
//  * Adds MONEY and PERCENT mentions found by rules (see numeric.h); a
//    tagger mention overlapping one is dropped. Money and percentages are
//    grouped by identical normalized amount ("$50 billion" and "$50bn" are
//    one entity, "$50 billion" and "€50 billion" two).
//  * Refines types: a demonym ("Russian", "North Koreans") of any tagger type
//    becomes NATIONALITY; CoNLL MISC becomes EVENT ("World War II",
//    "Olympics"; a name followed by "summit" is extended to include it),
//    WORK_OF_ART (quoted, or after "film", "book", ...), PRODUCT (model
//    numbers like "F-16", or followed by "missiles", "jets", ...) or OTHER.
//    Also: an honorific ("Mr", "Dr", "Professor") makes a person, a news
//    agency ("UPI", "Reuters") an organization, "the Biden administration"
//    a person.
//  * A one-word place or organization that is the first or last word of a
//    person's full name in the document ("Kim said" after "Kim Jong-un")
//    becomes that person, unless a preposition before it marks a place
//    ("in Washington").
//  * Adds untagged exact repeats of names found elsewhere in the document
//    (people, nationalities, multi-word names, names tagged twice).
//  * Datelines: names in the place part of a dateline ("NEW YORK
//    1996-08-31", "WIGAN , England 1996-08-31", "WELLINGTON, March 4") are
//    places (an organization stays one: "UNITED NATIONS 1996-08-29"); the
//    agency in brackets after it ("(Lede Wire)") and a copyright holder
//    ("© 2024 Lede Wire") are organizations.
//  * Makes types consistent: every mention of the same normalized string
//    gets the type with the highest total vote (tagger confidence, context
//    evidence), except mentions whose type a rule established (demonyms,
//    titles, events, numbers, agencies), places the context backs (a place
//    preposition before it, a dateline), and mentions the tagger is sure of
//    (confidence >= 0.9) when no rule typed the string: a name can have two
//    senses in one document that the tagger tells apart ("CHICAGO" the
//    team in a table, the city in "ATLANTA AT CHICAGO").
//  * Groups mentions of one type: identical normalized names; for people, a
//    name without initials and suffixes ("Lloyd J. Austin Jr." ~ "Lloyd
//    Austin"), a shorter name that is the tail of a longer one, and a
//    one-word mention ("Putin", "Kim") attached to the full names whose
//    first or last word it is: the one with the most full mentions, ties to
//    the most recent preceding one (else the earliest). "Kim Jong Il" and
//    "Kim Jong-un" stay apart. For organizations and places, an acronym
//    joins the multi-word name whose initials it spells ("KCNA", "NATO",
//    "U.S."), with or without the function words.
//  * Names each entity by its most complete proper mention (most words, then
//    most frequent, then earliest) and scores salience (see salience.h).
//
// Immutable after Create(); safe to share across threads. Linear in the
// number of mentions (hashed lookups only) and in the length of the text.
class Resolver {
 public:
  static absl::StatusOr<std::unique_ptr<Resolver>> Create(
      const ResolverSpec& spec);
  virtual ~Resolver() = default;

  // Entities sorted by salience (highest first), mentions in document order,
  // every mention of type kProper. `mentions` may come in any order and may
  // overlap (overlaps are resolved first come, longest first).
  // REQUIRES: `seg` is the segmentation of `text` (may be empty); every
  // mention span lies within `text`.
  virtual std::vector<Entity> Resolve(
      std::string_view text, const Segmentation& seg,
      std::vector<TaggedMention> mentions) const = 0;
};

}  // namespace lede

#endif  // LEDE_ENGINE_ENTITIES_RESOLVER_H_
