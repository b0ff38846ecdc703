#include "ui/station_pack_screen.h"

#include <string>

#include <imgui.h>

#include "core/base/calendar.h"
#include "ui/interface_text.h"
#include "ui/staff_widgets.h"
#include "ui/widgets.h"

namespace yousaid::ui {

namespace {

std::string DateInWords(const std::string& iso) {
    const auto date = CalendarDate::FromIso(iso);
    return date ? date->InWords() : iso;
}

std::string MinutesAndSeconds(int seconds) {
    const int minutes = seconds / 60;
    const int rest = seconds % 60;
    std::string text = minutes == 1 ? "1 minute" : std::to_string(minutes) + " minutes";
    if (rest != 0) text += " " + std::to_string(rest) + " seconds";
    return minutes == 0 ? std::to_string(rest) + " seconds" : text;
}

const char* AnswerModeInWords(AnswerMode mode) {
    switch (mode) {
        case AnswerMode::kSelf: return "by themselves";
        case AnswerMode::kHelpedByAdult: return "helped by an adult";
        case AnswerMode::kOnBehalf: return "someone answers on their behalf";
        case AnswerMode::kByPhone: return "by phone";
    }
    return "";
}

void DrawSettings(FrameContext& frame, const StationPack& pack) {
    const StationDefaults& defaults = pack.defaults;
    BoldParagraph(frame, "Survey");
    Paragraph("\"" + pack.survey.title.English() + "\" (version " + std::to_string(pack.survey.version) + ", " +
              std::to_string(pack.survey.questions.size()) + " questions)");
    BoldParagraph(frame, "Settings for this station");
    Paragraph("Wave: " + defaults.wave);
    Paragraph("Starting language: " + LanguageName(defaults.default_language));
    Paragraph(std::string("People answer: ") + AnswerModeInWords(defaults.default_answer_mode));
    Paragraph("\"Are you still there?\" after " + MinutesAndSeconds(defaults.idle_timeout_seconds) + " without a touch");
    Paragraph(defaults.keep_partial_answers ? "Unfinished answers are kept" : "Unfinished answers are discarded");
    Paragraph("The event, the place and the station's name stay as you set them.", true);
}

void DrawCards(FrameContext& frame, const StationPack& pack) {
    if (pack.cards.empty()) {
        BoldParagraph(frame, "No \"You said, we did\" cards");
        return;
    }
    BoldParagraph(frame, "\"You said, we did\" cards shown before the survey (" + std::to_string(pack.cards.size()) + ")");
    for (const StationCard& card : pack.cards) {
        Paragraph("You told us: " + card.you_said.English());
        Paragraph("What we are doing: " + card.we_did.English(), true);
        VerticalGap(0.2f);
    }
}

// The pack's keys as words, to read back to the officer before the pack is used, and what
// using the pack does to the keys this station seals to.
void DrawPackKeys(FrameContext& frame, const StaffHost& host, const StationPack& pack) {
    if (pack.public_keys.Empty()) {
        BoldParagraph(frame, "No officer keys: the keys this station seals answers to stay as they are");
        return;
    }
    BoldParagraph(frame, "Answers will be sealed to " +
                             std::string(pack.public_keys.keys.size() == 1 ? "this key" : "these keys") +
                             " (read the words back to " + pack.prepared_by + ")");
    for (const PublicKeyFile& key : pack.public_keys.keys) Paragraph(KeyInWords(key));
    const bool station_has_other_keys =
        !host.SealingKeysProblem().empty() ||
        (!host.SealingKeys().Empty() && !SameKeys(host.SealingKeys(), pack.public_keys));
    if (station_has_other_keys && host.Role() != StaffRole::kOfficer) {
        FieldProblem(frame, "This station already seals to other keys. Only an officer can change them, so this pack's "
                            "keys will not be used.");
    }
}

}  // namespace

void StationPackScreen::DrawContent(FrameContext& frame) {
    const StationPack* pack = host_.PendingStationPack();
    BeginColumn(kStaffColumnEm);
    if (pack == nullptr) {
        frame.title = "No station pack";
        frame.announcement = frame.title;
        Heading(frame, frame.title);
        StaffNotice(frame, host_);
        EndColumn();
        return;
    }
    frame.title = "Station pack from " + pack->prepared_by;
    frame.announcement = frame.title + ", prepared on " + DateInWords(pack->prepared_on) +
                         ". Check it before you use it.";
    Heading(frame, frame.title);
    Paragraph("Prepared on " + DateInWords(pack->prepared_on) + ". Nothing changes on this tablet until you use it.");
    // The keys first: their words are what the volunteer reads back to the officer.
    VerticalGap(0.4f);
    DrawPackKeys(frame, host_, *pack);
    VerticalGap(0.4f);
    DrawSettings(frame, *pack);
    VerticalGap(0.4f);
    DrawCards(frame, *pack);
    if (host_.Role() != StaffRole::kOfficer) {
        VerticalGap(0.4f);
        BoldParagraph(frame, "Only use a pack that " + pack->prepared_by +
                                 " gave you or sent you. If you are not sure, ask them first.");
    }
    EndColumn();
}

void StationPackScreen::DrawFooter(FrameContext& frame) {
    const StationPack* pack = host_.PendingStationPack();
    BeginColumn(kStaffColumnEm);
    if (pack != nullptr) {
        // A volunteer's tap names the officer: their confirmation of where the pack came from.
        const std::string use = host_.Role() == StaffRole::kOfficer
                                    ? std::string("Use this pack")
                                    : "Yes, it is from " + pack->prepared_by + ": use it";
        if (BigButton(frame, "use_pack", use, ButtonKind::Primary)) host_.UseStationPack();
    }
    if (BigButton(frame, "discard_pack", pack != nullptr ? "Don't use it" : "Back", ButtonKind::Secondary)) {
        host_.DiscardStationPack();
    }
    EndColumn();
}

}  // namespace yousaid::ui
