#pragma once
// One respondent's answer to one question. Stored on the device and exchanged in
// response files, so the serialized form is versioned and names its kind in words.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <cereal/cereal.hpp>
#include <cereal/types/set.hpp>
#include <cereal/types/string.hpp>

namespace yousaid {

enum class AnswerKind : std::int32_t {
    // The respondent saw the question and chose to move on: kept apart from "never shown"
    // so analytics can count item non-response.
    kSkipped = 0,
    // single_choice, scale_1_5, yes_sometimes_no, and the non-substantive options of
    // rating, number, text and before-and-now questions (e.g. "don't know" on a 0-10 rating).
    kOption = 1,
    // multiple_choice, always, so analytics has one shape to count; a non-substantive
    // option there stands alone in the set.
    kOptions = 2,
    kInteger = 3,       // rating_0_10, number
    kText = 4,          // short_text
    kBeforeAndNow = 5,  // before_and_now
};

std::string_view AnswerKindName(AnswerKind kind);
std::optional<AnswerKind> ParseAnswerKind(std::string_view name);

struct Answer {
    AnswerKind kind = AnswerKind::kSkipped;
    std::string option_id;             // kOption
    std::set<std::string> option_ids;  // kOptions
    std::int32_t value = 0;            // kInteger
    std::string text;                  // kText
    std::int32_t before = 0;           // kBeforeAndNow
    std::int32_t now = 0;

    static Answer Skipped();
    static Answer Choice(std::string option_id);
    static Answer Choices(std::set<std::string> option_ids);
    static Answer Integer(std::int32_t value);
    static Answer Text(std::string text);
    static Answer BeforeAndNow(std::int32_t before, std::int32_t now);

    bool IsSkipped() const { return kind == AnswerKind::kSkipped; }

    // Compares only the fields that belong to the kind, so stale fields never make two
    // equal answers look like a conflict.
    friend bool operator==(const Answer& a, const Answer& b);
    friend bool operator!=(const Answer& a, const Answer& b) { return !(a == b); }

    // The fields that belong to the answer's kind; saving and loading walk the same list.
    template <class Archive, class Self>
    static void ArchiveKindFields(Archive& archive, Self& self) {
        switch (self.kind) {
            case AnswerKind::kSkipped:
                break;
            case AnswerKind::kOption:
                archive(cereal::make_nvp("option_id", self.option_id));
                break;
            case AnswerKind::kOptions:
                archive(cereal::make_nvp("option_ids", self.option_ids));
                break;
            case AnswerKind::kInteger:
                archive(cereal::make_nvp("value", self.value));
                break;
            case AnswerKind::kText:
                archive(cereal::make_nvp("text", self.text));
                break;
            case AnswerKind::kBeforeAndNow:
                archive(cereal::make_nvp("before", self.before), cereal::make_nvp("now", self.now));
                break;
        }
    }

    template <class Archive>
    void save(Archive& archive, const std::uint32_t /*version*/) const {
        archive(cereal::make_nvp("kind", std::string(AnswerKindName(kind))));
        ArchiveKindFields(archive, *this);
    }

    template <class Archive>
    void load(Archive& archive, const std::uint32_t version) {
        if (version > kSerialVersion) {
            throw cereal::Exception("answer was written by a newer version of Yousaid");
        }
        *this = Answer{};
        std::string kind_name;
        archive(cereal::make_nvp("kind", kind_name));
        const auto parsed = ParseAnswerKind(kind_name);
        if (!parsed) throw cereal::Exception("unknown answer kind '" + kind_name + "'");
        kind = *parsed;
        ArchiveKindFields(archive, *this);
    }

    static constexpr std::uint32_t kSerialVersion = 1;
};

// Answers keyed by question id; std::map keeps files and comparisons deterministic.
using AnswerMap = std::map<std::string, Answer>;

}  // namespace yousaid

CEREAL_CLASS_VERSION(yousaid::Answer, yousaid::Answer::kSerialVersion)
