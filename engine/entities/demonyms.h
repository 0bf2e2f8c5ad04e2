#ifndef LEDE_ENGINE_ENTITIES_DEMONYMS_H_
#define LEDE_ENGINE_ENTITIES_DEMONYMS_H_

// Demonyms and country names, written by hand from public facts (country
// names and their standard English adjectives and nouns for their people).

#include <string_view>

namespace lede {

// Demonym
//
// One nationality: the adjective ("Russian", "North Korean"), the country
// or region it belongs to ("Russia", "North Korea") and the noun for its
// people in the plural when it differs from "adjective + s" ("Chinese",
// "Britons"), else empty.
struct Demonym {
  std::string_view adjective;
  std::string_view country;
  std::string_view people;
};

// FindDemonym()
//
// The demonym whose adjective or plural people noun equals `key`, or null.
// `key` is lowercase ASCII with single spaces between words and hyphens
// written as spaces ("north korean", "americans"). Thread-safe.
const Demonym* FindDemonym(std::string_view key);

// IsCountryName()
//
// True when `key` (normalized as for FindDemonym(), with dots removed:
// "us", "uk") names a country or region of the demonym list, or is a common
// short form of one. Thread-safe.
bool IsCountryName(std::string_view key);

}  // namespace lede

#endif  // LEDE_ENGINE_ENTITIES_DEMONYMS_H_
