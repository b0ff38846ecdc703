#pragma once
// Who a person can contact if anything in the survey worried them: the signposting screen
// at the end of every survey lists these. Each survey file names its own (see "contacts" in
// docs/survey-format.md), and they may depend on one answer, such as an age band, so that a
// care leaver of 22 is not sent only to Childline, which is for under-19s.
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include "core/io/json_document.h"
#include "core/survey/translatable_text.h"

namespace yousaid {

struct Survey;

struct Contact {
    TranslatableText name;        // "Childline"
    std::string number;           // as it is dialled and read: "0800 1111"; empty when none
    TranslatableText helps_with;  // what they help with, and who for
    TranslatableText hours;       // when they answer; empty when not given
    std::string web;              // "childline.org.uk"; empty when none
    // Option ids of the survey's contacts question for which this contact shows; empty: always.
    std::vector<std::string> for_answers;

    friend bool operator==(const Contact& a, const Contact& b) {
        return a.name == b.name && a.number == b.number && a.helps_with == b.helps_with && a.hours == b.hours &&
               a.web == b.web && a.for_answers == b.for_answers;
    }

    template <class Archive>
    void serialize(Archive& archive, const std::uint32_t /*version*/) {
        archive(cereal::make_nvp("name", name), cereal::make_nvp("number", number),
                cereal::make_nvp("helps_with", helps_with), cereal::make_nvp("hours", hours),
                cereal::make_nvp("web", web), cereal::make_nvp("for_answers", for_answers));
    }
};

struct SurveyContacts {
    std::string depends_on;  // a single-choice question's id; empty: the same list for everyone
    std::vector<Contact> contacts;

    bool IsEmpty() const { return contacts.empty(); }
    // The contacts for a person whose answer to `depends_on` is `chosen_option`: those meant
    // for that answer and those meant for everyone. When the answer is not known (skipped,
    // hidden, or one no contact names, such as "prefer not to say"), every contact shows:
    // nobody is left without the one meant for them.
    std::vector<const Contact*> For(const std::optional<std::string>& chosen_option) const;

    friend bool operator==(const SurveyContacts& a, const SurveyContacts& b) {
        return a.depends_on == b.depends_on && a.contacts == b.contacts;
    }

    template <class Archive>
    void serialize(Archive& archive, const std::uint32_t /*version*/) {
        archive(cereal::make_nvp("depends_on", depends_on), cereal::make_nvp("contacts", contacts));
    }
};

// What reading the contacts borrows from the survey reader, so that every problem is
// reported, and every text read, the same way as the rest of the file.
struct ContactsReading {
    std::function<void(const std::string& path, std::string message)> report;
    std::function<TranslatableText(const rapidjson::Value& object, const char* key, const std::string& path,
                                   bool required)>
        read_text;
    // Reports unknown and repeated fields of an object.
    std::function<void(const rapidjson::Value& object, const std::string& path,
                       std::initializer_list<std::string_view> allowed)>
        check_fields;
};

// Reads the top-level "contacts" object (path "contacts").
SurveyContacts ReadContacts(const rapidjson::Value& value, const ContactsReading& reading);
// Once the questions are known: `depends_on` names a single-choice question and every
// `for_answers` entry is one of its options.
void CheckContacts(const Survey& survey, const std::function<void(const std::string&, std::string)>& report);

}  // namespace yousaid

CEREAL_CLASS_VERSION(yousaid::Contact, 1)
CEREAL_CLASS_VERSION(yousaid::SurveyContacts, 1)
