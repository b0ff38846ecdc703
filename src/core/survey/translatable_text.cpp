#include "core/survey/translatable_text.h"

#include <utility>

namespace yousaid {

namespace {
const std::string& EmptyString() {
    static const std::string empty;
    return empty;
}
}  // namespace

TranslatableText::TranslatableText(std::string english) {
    by_language_.emplace(kEnglish, std::move(english));
}

bool TranslatableText::Has(const std::string& language) const {
    return by_language_.find(language) != by_language_.end();
}

const std::string& TranslatableText::English() const {
    const auto found = by_language_.find(kEnglish);
    return found == by_language_.end() ? EmptyString() : found->second;
}

const std::string& TranslatableText::In(const std::string& language) const {
    const auto found = by_language_.find(language);
    return found == by_language_.end() ? English() : found->second;
}

void TranslatableText::Set(const std::string& language, std::string text) {
    by_language_[language] = std::move(text);
}

}  // namespace yousaid
