#include "core/survey/contacts.h"

#include <algorithm>

#include "core/survey/survey.h"

namespace yousaid {

namespace {

using JsonValue = rapidjson::Value;

std::string StringOf(const JsonValue& value) { return std::string(value.GetString(), value.GetStringLength()); }

std::string At(const std::string& path, std::size_t index) { return path + "[" + std::to_string(index) + "]"; }

// A plain string field (numbers and web addresses are not translated); empty when absent.
std::string ReadPlainString(const JsonValue& object, const char* key, const std::string& path,
                            const ContactsReading& reading) {
    const auto member = object.FindMember(key);
    if (member == object.MemberEnd()) return {};
    if (!member->value.IsString() || member->value.GetStringLength() == 0) {
        reading.report(path + "." + key, "must be a text that is not empty");
        return {};
    }
    return StringOf(member->value);
}

// A phone number is read out and dialled as written: digits, spaces and a leading +.
bool IsPhoneNumber(const std::string& number) {
    int digits = 0;
    for (std::size_t index = 0; index < number.size(); ++index) {
        const char c = number[index];
        if (c >= '0' && c <= '9') {
            ++digits;
        } else if (c != ' ' && !(c == '+' && index == 0)) {
            return false;
        }
    }
    return digits >= 3;
}

std::vector<std::string> ReadForAnswers(const JsonValue& contact, const std::string& path,
                                        const ContactsReading& reading) {
    std::vector<std::string> ids;
    const auto member = contact.FindMember("for_answers");
    if (member == contact.MemberEnd()) return ids;
    const std::string list_path = path + ".for_answers";
    if (!member->value.IsArray() || member->value.Empty()) {
        reading.report(list_path, "must be a list of option ids, or left out to show the contact to everyone");
        return ids;
    }
    for (rapidjson::SizeType index = 0; index < member->value.Size(); ++index) {
        const JsonValue& entry = member->value[index];
        if (!entry.IsString()) {
            reading.report(At(list_path, index), "must be an option id");
            continue;
        }
        ids.push_back(StringOf(entry));
    }
    return ids;
}

Contact ReadOneContact(const JsonValue& value, const std::string& path, const ContactsReading& reading) {
    Contact contact;
    reading.check_fields(value, path, {"name", "number", "helps_with", "hours", "web", "for_answers"});
    contact.name = reading.read_text(value, "name", path, true);
    contact.helps_with = reading.read_text(value, "helps_with", path, true);
    contact.hours = reading.read_text(value, "hours", path, false);
    contact.number = ReadPlainString(value, "number", path, reading);
    if (!contact.number.empty() && !IsPhoneNumber(contact.number)) {
        reading.report(path + ".number", "must be a phone number as it is dialled, such as \"0800 1111\"");
    }
    contact.web = ReadPlainString(value, "web", path, reading);
    contact.for_answers = ReadForAnswers(value, path, reading);
    return contact;
}

}  // namespace

std::vector<const Contact*> SurveyContacts::For(const std::optional<std::string>& chosen_option) const {
    const auto names_chosen = [&](const Contact& contact) {
        return std::find(contact.for_answers.begin(), contact.for_answers.end(), *chosen_option) !=
               contact.for_answers.end();
    };
    // An answer no contact names ("prefer not to say") tells us no more than no answer.
    const bool known = !depends_on.empty() && chosen_option.has_value() &&
                       std::any_of(contacts.begin(), contacts.end(), names_chosen);
    std::vector<const Contact*> shown;
    for (const Contact& contact : contacts) {
        if (!known || contact.for_answers.empty() || names_chosen(contact)) shown.push_back(&contact);
    }
    return shown;
}

SurveyContacts ReadContacts(const JsonValue& value, const ContactsReading& reading) {
    SurveyContacts read;
    const std::string path = "contacts";
    if (!value.IsObject()) {
        reading.report(path, "must be an object with \"list\" (and \"depends_on\" when they depend on an answer)");
        return read;
    }
    reading.check_fields(value, path, {"depends_on", "list"});
    read.depends_on = ReadPlainString(value, "depends_on", path, reading);
    const auto list = value.FindMember("list");
    if (list == value.MemberEnd() || !list->value.IsArray() || list->value.Empty()) {
        reading.report(path + ".list", "must be a list of at least one contact");
        return read;
    }
    for (rapidjson::SizeType index = 0; index < list->value.Size(); ++index) {
        const std::string contact_path = At(path + ".list", index);
        if (!list->value[index].IsObject()) {
            reading.report(contact_path, "must be an object with a name and what they help with");
            continue;
        }
        read.contacts.push_back(ReadOneContact(list->value[index], contact_path, reading));
    }
    return read;
}

void CheckContacts(const Survey& survey, const std::function<void(const std::string&, std::string)>& report) {
    const SurveyContacts& contacts = survey.contacts;
    const Question* question = contacts.depends_on.empty() ? nullptr : survey.FindQuestion(contacts.depends_on);
    if (!contacts.depends_on.empty() && (question == nullptr || question->kind != QuestionKind::kSingleChoice)) {
        report("contacts.depends_on", "'" + contacts.depends_on + "' is not a single_choice question of this survey");
        return;
    }
    for (std::size_t index = 0; index < contacts.contacts.size(); ++index) {
        const Contact& contact = contacts.contacts[index];
        const std::string path = At("contacts.list", index) + ".for_answers";
        if (question == nullptr) {
            if (!contact.for_answers.empty()) report(path, "needs \"depends_on\": the question whose answer it names");
            continue;
        }
        for (const std::string& id : contact.for_answers) {
            if (question->FindOption(id) == nullptr) {
                report(path, "'" + id + "' is not an option of question '" + question->id + "'");
            }
        }
    }
}

}  // namespace yousaid
