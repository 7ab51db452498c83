// Place names from the CLDR data that ships inside ICU (Unicode licence):
// countries and territories (Locale::getDisplayCountry plus CLDR's "short"
// and "variant" names), continents and world regions (icu::Region), and the
// exemplar cities of time zones (TimeZoneNames::getExemplarLocationName).
// Ids are slugs of the English name ("Corée du Nord" -> north_korea,
// "Moscou" -> moscow), so French and English names of one place share one.
#ifndef IEVAL_EXTRACTORS_GAZETTEER_CLDR_NAMES_H_
#define IEVAL_EXTRACTORS_GAZETTEER_CLDR_NAMES_H_

#include <string>
#include <vector>

#include "ieval/extractors/gazetteer/name_lists.h"

namespace ieval {

// Names in `language` ("fr", "en"); sources "cldr-countries",
// "cldr-regions" and "cldr-cities". All are LOC.
std::vector<NameEntry> CldrCountries(const std::string& language);
std::vector<NameEntry> CldrRegions(const std::string& language);
std::vector<NameEntry> CldrCities(const std::string& language);

// "icu-72.1 cldr-42.0": what the names above come from.
std::string CldrVersion();

}  // namespace ieval

#endif  // IEVAL_EXTRACTORS_GAZETTEER_CLDR_NAMES_H_
