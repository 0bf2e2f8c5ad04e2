#include "engine/entities/demonyms.h"

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace lede {
namespace {

// {adjective, country, plural people noun when not "adjective + s"}.
// An empty third field means the people are "adjective + s" when the
// adjective ends in "n" or "i" ("Russians", "Iraqis") and have no separate
// plural otherwise ("French", "Swiss").
constexpr Demonym kDemonyms[] = {
    {"Afghan", "Afghanistan", ""},
    {"Albanian", "Albania", ""},
    {"Algerian", "Algeria", ""},
    {"American", "United States", ""},
    {"Angolan", "Angola", ""},
    {"Argentine", "Argentina", "Argentines"},
    {"Argentinian", "Argentina", ""},
    {"Armenian", "Armenia", ""},
    {"Australian", "Australia", ""},
    {"Austrian", "Austria", ""},
    {"Azerbaijani", "Azerbaijan", ""},
    {"Bahraini", "Bahrain", ""},
    {"Bangladeshi", "Bangladesh", ""},
    {"Belarusian", "Belarus", ""},
    {"Belgian", "Belgium", ""},
    {"Bolivian", "Bolivia", ""},
    {"Bosnian", "Bosnia and Herzegovina", ""},
    {"Brazilian", "Brazil", ""},
    {"British", "United Kingdom", "Britons"},
    {"Bulgarian", "Bulgaria", ""},
    {"Burmese", "Myanmar", ""},
    {"Cambodian", "Cambodia", ""},
    {"Cameroonian", "Cameroon", ""},
    {"Canadian", "Canada", ""},
    {"Chadian", "Chad", ""},
    {"Chilean", "Chile", "Chileans"},
    {"Chinese", "China", ""},
    {"Colombian", "Colombia", ""},
    {"Congolese", "Congo", ""},
    {"Croatian", "Croatia", "Croats"},
    {"Cuban", "Cuba", ""},
    {"Cypriot", "Cyprus", "Cypriots"},
    {"Czech", "Czech Republic", "Czechs"},
    {"Danish", "Denmark", "Danes"},
    {"Dutch", "Netherlands", ""},
    {"Ecuadorian", "Ecuador", ""},
    {"Egyptian", "Egypt", ""},
    {"Emirati", "United Arab Emirates", ""},
    {"English", "England", ""},
    {"Eritrean", "Eritrea", ""},
    {"Estonian", "Estonia", ""},
    {"Ethiopian", "Ethiopia", ""},
    {"Filipino", "Philippines", "Filipinos"},
    {"Finnish", "Finland", "Finns"},
    {"French", "France", ""},
    {"Georgian", "Georgia", ""},
    {"German", "Germany", ""},
    {"Ghanaian", "Ghana", ""},
    {"Greek", "Greece", "Greeks"},
    {"Guatemalan", "Guatemala", ""},
    {"Haitian", "Haiti", ""},
    {"Honduran", "Honduras", ""},
    {"Hungarian", "Hungary", ""},
    {"Icelandic", "Iceland", "Icelanders"},
    {"Indian", "India", ""},
    {"Indonesian", "Indonesia", ""},
    {"Iranian", "Iran", ""},
    {"Iraqi", "Iraq", ""},
    {"Irish", "Ireland", ""},
    {"Israeli", "Israel", ""},
    {"Italian", "Italy", ""},
    {"Ivorian", "Ivory Coast", ""},
    {"Jamaican", "Jamaica", ""},
    {"Japanese", "Japan", ""},
    {"Jordanian", "Jordan", ""},
    {"Kazakh", "Kazakhstan", "Kazakhs"},
    {"Kenyan", "Kenya", ""},
    {"Korean", "Korea", ""},
    {"Kosovar", "Kosovo", "Kosovars"},
    {"Kuwaiti", "Kuwait", ""},
    {"Kyrgyz", "Kyrgyzstan", ""},
    {"Lao", "Laos", ""},
    {"Latvian", "Latvia", ""},
    {"Lebanese", "Lebanon", ""},
    {"Libyan", "Libya", ""},
    {"Lithuanian", "Lithuania", ""},
    {"Malaysian", "Malaysia", ""},
    {"Malian", "Mali", ""},
    {"Maltese", "Malta", ""},
    {"Mexican", "Mexico", ""},
    {"Moldovan", "Moldova", ""},
    {"Mongolian", "Mongolia", ""},
    {"Montenegrin", "Montenegro", ""},
    {"Moroccan", "Morocco", ""},
    {"Mozambican", "Mozambique", ""},
    {"Namibian", "Namibia", ""},
    {"Nepali", "Nepal", ""},
    {"Nepalese", "Nepal", ""},
    {"New Zealander", "New Zealand", "New Zealanders"},
    {"Nicaraguan", "Nicaragua", ""},
    {"Nigerian", "Nigeria", ""},
    {"Nigerien", "Niger", ""},
    {"North Korean", "North Korea", ""},
    {"North Macedonian", "North Macedonia", ""},
    {"Macedonian", "North Macedonia", ""},
    {"Norwegian", "Norway", ""},
    {"Omani", "Oman", ""},
    {"Pakistani", "Pakistan", ""},
    {"Palestinian", "Palestine", ""},
    {"Panamanian", "Panama", ""},
    {"Paraguayan", "Paraguay", ""},
    {"Peruvian", "Peru", ""},
    {"Polish", "Poland", "Poles"},
    {"Portuguese", "Portugal", ""},
    {"Qatari", "Qatar", ""},
    {"Romanian", "Romania", ""},
    {"Russian", "Russia", ""},
    {"Rwandan", "Rwanda", ""},
    {"Salvadoran", "El Salvador", ""},
    {"Saudi", "Saudi Arabia", ""},
    {"Saudi Arabian", "Saudi Arabia", ""},
    {"Scottish", "Scotland", "Scots"},
    {"Senegalese", "Senegal", ""},
    {"Serbian", "Serbia", "Serbs"},
    {"Singaporean", "Singapore", ""},
    {"Slovak", "Slovakia", "Slovaks"},
    {"Slovenian", "Slovenia", ""},
    {"Somali", "Somalia", ""},
    {"South African", "South Africa", ""},
    {"South Korean", "South Korea", ""},
    {"South Sudanese", "South Sudan", ""},
    {"Spanish", "Spain", "Spaniards"},
    {"Sri Lankan", "Sri Lanka", ""},
    {"Sudanese", "Sudan", ""},
    {"Swedish", "Sweden", "Swedes"},
    {"Swiss", "Switzerland", ""},
    {"Syrian", "Syria", ""},
    {"Taiwanese", "Taiwan", ""},
    {"Tajik", "Tajikistan", "Tajiks"},
    {"Tanzanian", "Tanzania", ""},
    {"Thai", "Thailand", "Thais"},
    {"Tunisian", "Tunisia", ""},
    {"Turkish", "Turkey", "Turks"},
    {"Turkmen", "Turkmenistan", ""},
    {"Ugandan", "Uganda", ""},
    {"Ukrainian", "Ukraine", ""},
    {"Uruguayan", "Uruguay", ""},
    {"Uzbek", "Uzbekistan", "Uzbeks"},
    {"Venezuelan", "Venezuela", ""},
    {"Vietnamese", "Vietnam", ""},
    {"Welsh", "Wales", ""},
    {"Yemeni", "Yemen", ""},
    {"Zambian", "Zambia", ""},
    {"Zimbabwean", "Zimbabwe", ""},
    // Regions, peoples and former states that news reports as nationalities.
    {"African", "Africa", ""},
    {"Arab", "Arab world", "Arabs"},
    {"Asian", "Asia", ""},
    {"Chechen", "Chechnya", "Chechens"},
    {"Crimean", "Crimea", ""},
    {"European", "Europe", ""},
    {"Kurdish", "Kurdistan", "Kurds"},
    {"Latin American", "Latin America", ""},
    {"Soviet", "Soviet Union", "Soviets"},
    {"Tibetan", "Tibet", ""},
    {"Uighur", "Xinjiang", ""},
    {"Uyghur", "Xinjiang", ""},
    {"Rohingya", "Myanmar", "Rohingyas"},
    {"Pashtun", "Afghanistan", ""},
    {"Tamil", "Tamil Nadu", "Tamils"},
    {"Maori", "New Zealand", "Maoris"},
    {"Hispanic", "Hispanic America", "Hispanics"},
    {"Latino", "Latin America", "Latinos"},
    {"Bedouin", "Arabia", "Bedouins"},
    {"Druze", "Levant", ""},
    // Religious groups, which news reports like nationalities.
    {"Muslim", "Islam", "Muslims"},
    {"Christian", "Christianity", ""},
    {"Jewish", "Judaism", "Jews"},
    {"Buddhist", "Buddhism", "Buddhists"},
    {"Hindu", "Hinduism", "Hindus"},
    {"Sikh", "Sikhism", "Sikhs"},
    {"Catholic", "Catholicism", "Catholics"},
    {"Protestant", "Protestantism", "Protestants"},
    {"Sunni", "Sunni Islam", ""},
    {"Shiite", "Shia Islam", "Shiites"},
};

// Short forms and alternative names of countries in the table.
constexpr std::string_view kCountryAliases[] = {
    "us",
    "usa",
    "america",
    "united states of america",
    "uk",
    "britain",
    "great britain",
    "the netherlands",
    "holland",
    "uae",
    "drc",
    "dprk",
    "south korea",
    "north korea",
    "czechia",
    "burma",
    "cote d'ivoire",
    "russian federation",
    "gaza",
    "west bank",
    "taiwan",
    "hong kong",
    "macau",
    "vatican",
};

std::string Key(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    if (c == '-') c = ' ';
    out.push_back(c);
  }
  return out;
}

struct Tables {
  absl::flat_hash_map<std::string, const Demonym*> demonyms;
  absl::flat_hash_set<std::string> countries;

  Tables() {
    for (const Demonym& d : kDemonyms) {
      demonyms.emplace(Key(d.adjective), &d);
      if (!d.people.empty()) {
        demonyms.emplace(Key(d.people), &d);
      } else if (d.adjective.back() == 'n' || d.adjective.back() == 'i') {
        demonyms.emplace(Key(d.adjective) + "s", &d);
      }
      countries.insert(Key(d.country));
    }
    for (std::string_view a : kCountryAliases) countries.insert(std::string(a));
  }
};

const Tables& GetTables() {
  static const Tables* const tables = new Tables();
  return *tables;
}

}  // namespace

const Demonym* FindDemonym(std::string_view key) {
  const auto& t = GetTables().demonyms;
  auto it = t.find(std::string(key));
  return it == t.end() ? nullptr : it->second;
}

bool IsCountryName(std::string_view key) {
  return GetTables().countries.contains(std::string(key));
}

}  // namespace lede
