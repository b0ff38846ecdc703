#pragma once
// The shapes of names that end up in file names, CSV column names and analytics keys
// (survey, question, option and section ids) and of language codes, checked in one place
// for survey files and station settings alike.
#include <cstddef>
#include <string_view>

namespace yousaid {

constexpr std::size_t kMaxIdentifierLength = 64;

// Lowercase ASCII letters, digits and '_', starting with a letter or digit, 1 to 64
// characters: "parent_carer", "q4".
bool IsValidIdentifier(std::string_view id);

// BCP 47-shaped codes such as "en", "pl", "pt-BR": two or three lowercase letters, then any
// number of "-" and 2 to 8 letters or digits. Enough to catch "Polish" or "EN".
bool IsValidLanguageCode(std::string_view code);

}  // namespace yousaid
