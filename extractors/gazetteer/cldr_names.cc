#include "cldr_names.h"

#include <unicode/locid.h>
#include <unicode/region.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/ulocdata.h>
#include <unicode/ures.h>
#include <unicode/uversion.h>

#include <map>
#include <memory>

#include "ieval/extractors/lexicon/normalize.h"

namespace ieval {
namespace {

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string TrimSpaces(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  return s;
}

// CLDR's alternative country names of `locale` ("Countries%short",
// "Countries%variant"): region code -> name.
std::map<std::string, std::string> AltCountryNames(const char* locale,
                                                   const char* table) {
  std::map<std::string, std::string> names;
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* bundle =
      ures_openDirect(U_ICUDATA_NAME "-region", locale, &status);
  UResourceBundle* alt = ures_getByKey(bundle, table, nullptr, &status);
  while (U_SUCCESS(status) && ures_hasNext(alt)) {
    int32_t length = 0;
    const char* key = nullptr;
    const UChar* value = ures_getNextString(alt, &length, &key, &status);
    if (U_SUCCESS(status) && key != nullptr) {
      names[key] = Utf8(icu::UnicodeString(value, length));
    }
  }
  ures_close(alt);
  ures_close(bundle);
  return names;
}

std::string DisplayCountry(const char* code, const char* language) {
  icu::UnicodeString name;
  icu::Locale("", code).getDisplayCountry(icu::Locale(language), name);
  const std::string out = Utf8(name);
  return out == code ? std::string() : out;
}

// "Tripoli (Libye)" -> "Tripoli", "Knox [Indiana]" -> "Knox"; the bracketed
// part goes to `inner` when it is wanted.
std::string SplitQualifier(const std::string& name, std::string* inner) {
  const size_t open = name.find_first_of("([");
  if (open == std::string::npos) return name;
  const size_t close = name.find_first_of(")]", open);
  if (inner != nullptr && close != std::string::npos) {
    *inner = TrimSpaces(name.substr(open + 1, close - open - 1));
  }
  return TrimSpaces(name.substr(0, open));
}

// Adds `name` and its spelling variants: without a leading article ("Le
// Caire" -> also "Caire", as in "au Caire"), "&" spelled "and".
void AddVariants(const std::string& name, const std::string& id,
                 const std::string& source, std::vector<NameEntry>& out) {
  if (name.empty() || !StartsUpper(name)) return;
  out.push_back({name, "LOC", id, source});
  for (const char* article : {"Le ", "La ", "Les ", "L\xE2\x80\x99", "L'"}) {
    const std::string prefix(article);
    if (name.size() > prefix.size() && name.starts_with(prefix)) {
      out.push_back({name.substr(prefix.size()), "LOC", id, source});
    }
  }
  const size_t amp = name.find(" & ");
  if (amp != std::string::npos) {
    out.push_back({name.substr(0, amp) + " and " + name.substr(amp + 3), "LOC",
                   id, source});
  }
}

// Codes that are not places: the world, pseudo-regions, and the groupings
// CLDR lists among regions that are organisations (EU, UN, euro area).
bool IsExcludedRegion(const std::string& code) {
  return code == "001" || code == "QO" || code == "EU" || code == "EZ" ||
         code == "UN" || code == "ZZ";
}

// Time zones whose exemplar "city" is a research station or a small town
// named for a US county subdivision: rarely meant, often a surname.
bool IsExcludedZone(const std::string& zone) {
  for (const char* prefix :
       {"Antarctica/", "America/Indiana/", "America/Kentucky/",
        "America/North_Dakota/", "Etc/", "SystemV/"}) {
    if (zone.starts_with(prefix)) return true;
  }
  return false;
}

}  // namespace

std::vector<NameEntry> CldrCountries(const std::string& language) {
  const auto en_short = AltCountryNames("en", "Countries%short");
  const auto short_names = AltCountryNames(language.c_str(), "Countries%short");
  const auto variants = AltCountryNames(language.c_str(), "Countries%variant");
  std::vector<NameEntry> out;
  for (const char* const* code = icu::Locale::getISOCountries();
       *code != nullptr; ++code) {
    if (IsExcludedRegion(*code)) continue;
    // The id: the English name, or its short form when that is a name and
    // not an abbreviation ("Hong Kong", not "Hong Kong SAR China"; but
    // "United States", not "US").
    std::string english = DisplayCountry(*code, "en");
    auto found = en_short.find(*code);
    if (found != en_short.end() && found->second.size() >= 4 &&
        found->second.find('.') == std::string::npos) {
      english = found->second;
    }
    if (english.empty()) continue;
    const std::string id = Slug(english);
    std::vector<std::string> names = {DisplayCountry(*code, language.c_str())};
    for (const auto* alt : {&short_names, &variants}) {
      auto it = alt->find(*code);
      if (it != alt->end() && it->second.find('.') == std::string::npos) {
        names.push_back(it->second);
      }
    }
    for (const std::string& name : names) {
      std::string inner;
      AddVariants(SplitQualifier(name, &inner), id, "cldr-countries", out);
      if (inner.size() > 3) AddVariants(inner, id, "cldr-countries", out);
    }
  }
  return out;
}

std::vector<NameEntry> CldrRegions(const std::string& language) {
  std::vector<NameEntry> out;
  for (URegionType type : {URGN_CONTINENT, URGN_SUBCONTINENT, URGN_GROUPING}) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::StringEnumeration> codes(
        icu::Region::getAvailable(type, status));
    if (U_FAILURE(status) || codes == nullptr) continue;
    const char* code = nullptr;
    while ((code = codes->next(nullptr, status)) != nullptr &&
           U_SUCCESS(status)) {
      if (IsExcludedRegion(code)) continue;
      const std::string english = DisplayCountry(code, "en");
      if (english.empty()) continue;
      AddVariants(DisplayCountry(code, language.c_str()), Slug(english),
                  "cldr-regions", out);
    }
  }
  return out;
}

std::vector<NameEntry> CldrCities(const std::string& language) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZoneNames> names(icu::TimeZoneNames::createInstance(
      icu::Locale(language.c_str()), status));
  std::unique_ptr<icu::TimeZoneNames> english(
      icu::TimeZoneNames::createInstance(icu::Locale("en"), status));
  std::unique_ptr<icu::StringEnumeration> zones(
      icu::TimeZone::createTimeZoneIDEnumeration(
          UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
  std::vector<NameEntry> out;
  if (U_FAILURE(status)) return out;
  const icu::UnicodeString* zone = nullptr;
  while ((zone = zones->snext(status)) != nullptr && U_SUCCESS(status)) {
    if (IsExcludedZone(Utf8(*zone))) continue;
    icu::UnicodeString local;
    icu::UnicodeString english_name;
    names->getExemplarLocationName(*zone, local);
    english->getExemplarLocationName(*zone, english_name);
    const std::string id = Slug(SplitQualifier(Utf8(english_name), nullptr));
    if (id.empty()) continue;
    AddVariants(SplitQualifier(Utf8(local), nullptr), id, "cldr-cities", out);
  }
  return out;
}

std::string CldrVersion() {
  UVersionInfo cldr;
  UErrorCode status = U_ZERO_ERROR;
  ulocdata_getCLDRVersion(cldr, &status);
  char buffer[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(cldr, buffer);
  return std::string("icu-") + U_ICU_VERSION + " cldr-" +
         (U_SUCCESS(status) ? buffer : "unknown");
}

}  // namespace ieval
