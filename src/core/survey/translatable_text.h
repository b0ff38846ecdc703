#pragma once
// A survey text in one or more languages. English is required and is the fallback,
// so a partly translated survey still shows every screen.
#include <cstdint>
#include <map>
#include <string>

#include <cereal/cereal.hpp>
#include <cereal/types/map.hpp>
#include <cereal/types/string.hpp>

namespace yousaid {

inline constexpr const char* kEnglish = "en";

class TranslatableText {
public:
    TranslatableText() = default;
    explicit TranslatableText(std::string english);

    // Empty means "no text": optional texts (help, labels) are simply left empty.
    bool IsEmpty() const { return by_language_.empty(); }
    bool Has(const std::string& language) const;
    const std::string& English() const;
    // The text in `language`, or the English text when that translation is missing.
    const std::string& In(const std::string& language) const;
    void Set(const std::string& language, std::string text);
    const std::map<std::string, std::string>& ByLanguage() const { return by_language_; }

    friend bool operator==(const TranslatableText& a, const TranslatableText& b) {
        return a.by_language_ == b.by_language_;
    }
    friend bool operator!=(const TranslatableText& a, const TranslatableText& b) { return !(a == b); }

    template <class Archive>
    void serialize(Archive& archive, const std::uint32_t /*version*/) {
        archive(cereal::make_nvp("by_language", by_language_));
    }

private:
    std::map<std::string, std::string> by_language_;
};

}  // namespace yousaid

CEREAL_CLASS_VERSION(yousaid::TranslatableText, 1)
