// Thank-you and signposting at the end; the "are you still there?" prompt; display settings.

#include <optional>
#include <string>

#include <imgui.h>

#include "ui/interface_text.h"
#include "ui/respondent_screens.h"
#include "ui/widgets.h"

namespace yousaid::ui {

namespace {
constexpr float kColumnEm = 30.0f;

Phrase SaveStatePhrase(SaveState state) {
    switch (state) {
        case SaveState::kSaving: return Phrase::kSaving;
        case SaveState::kSaved: return Phrase::kSaved;
        case SaveState::kFailed: return Phrase::kSaveFailed;
        case SaveState::kNothingToSave: return Phrase::kDeclinedThanks;
    }
    return Phrase::kSaving;
}
}  // namespace

void ThankYouScreen::DrawContent(FrameContext& frame) {
    const RespondentSession& session = host_.Session();
    const Survey& survey = session.GetSurvey();
    const std::string& language = session.Language();
    const SaveState save = host_.LastSaveState();
    const bool declined = save == SaveState::kNothingToSave;
    frame.title = declined ? Say(Phrase::kDeclinedThanks, language) : Say(Phrase::kThankYou, language);
    const std::string status = declined ? std::string() : Say(SaveStatePhrase(save), language);
    frame.announcement = frame.title + ". " + status;
    frame.speech_text = frame.announcement;
    if (!declined && !host_.YouSaidCards().empty()) frame.speech_text += " " + Say(Phrase::kSeeWhatChanged, language);
    BeginColumn(kColumnEm);
    DrawRespondentToolbar(frame, host_);
    VerticalGap(1.0f);
    Heading(frame, frame.title);
    if (!declined) {
        if (save == SaveState::kFailed) {
            ImGui::PushStyleColor(ImGuiCol_Text, frame.theme.focus_ring);
            BoldParagraph(frame, status);
            ImGui::PopStyleColor();
        } else {
            BoldParagraph(frame, status);
        }
        if (!survey.closing.IsEmpty()) Paragraph(survey.closing.In(language));
        // Where the station shows what changed, the person is told where to look for it.
        if (!host_.YouSaidCards().empty()) Paragraph(Say(Phrase::kSeeWhatChanged, language));
    }
    VerticalGap(0.6f);
    // Everyone goes on to who they can contact; nothing ends the survey before that page.
    if (BigButton(frame, "next", Say(Phrase::kNext, language))) host_.NextFinishPage();
    EndColumn();
}

namespace {

// The answer the survey's contacts depend on (an age band, say), when there is one.
std::optional<std::string> ContactsAnswer(const RespondentSession& session) {
    const std::string& question_id = session.GetSurvey().contacts.depends_on;
    if (question_id.empty()) return std::nullopt;
    const Answer* answer = session.AnswerTo(question_id);
    if (answer == nullptr || answer->kind != AnswerKind::kOption) return std::nullopt;
    return answer->option_id;
}

// One contact: its name, the number to call (as text, so it can be read, copied and spoken),
// what they help with, and when they answer.
std::string DrawContact(FrameContext& frame, const Contact& contact, const std::string& language) {
    std::string spoken = contact.name.In(language) + ".";
    BoldParagraph(frame, contact.name.In(language));
    if (!contact.number.empty()) {
        const std::string phone = Say(Phrase::kPhone, language) + ": " + contact.number;
        LargeParagraph(frame, phone);
        spoken += " " + phone + ".";
    }
    Paragraph(contact.helps_with.In(language));
    spoken += " " + contact.helps_with.In(language);
    if (!contact.hours.IsEmpty()) {
        Paragraph(contact.hours.In(language), true);
        spoken += " " + contact.hours.In(language) + ".";
    }
    if (!contact.web.empty()) {
        const std::string web = Say(Phrase::kWebsite, language) + ": " + contact.web;
        Paragraph(web);
        spoken += " " + web + ".";
    }
    return spoken;
}

}  // namespace

void SignpostingScreen::DrawContent(FrameContext& frame) {
    const RespondentSession& session = host_.Session();
    const Survey& survey = session.GetSurvey();
    const std::string& language = session.Language();
    const bool young_people = survey.audience == SurveyAudience::kYoungPeople;
    frame.title = Say(young_people ? Phrase::kWorriedTitle : Phrase::kAdviceTitle, language);
    const std::string body = young_people ? Say(Phrase::kWorriedBody, language) + " " + Say(Phrase::kWorriedContacts, language)
                                          : Say(Phrase::kAdviceBody, language);
    frame.announcement = frame.title;
    frame.speech_text = frame.title + ". " + body;
    BeginColumn(kColumnEm);
    DrawRespondentToolbar(frame, host_);
    VerticalGap(0.6f);
    Heading(frame, frame.title);
    Paragraph(body);
    for (const Contact* contact : survey.contacts.For(ContactsAnswer(session))) {
        VerticalGap(0.3f);
        ImGui::Separator();
        frame.speech_text += " " + DrawContact(frame, *contact, language);
    }
    if (young_people) {
        VerticalGap(0.3f);
        ImGui::Separator();
        Paragraph(Say(Phrase::kTrustedAdult, language));
        frame.speech_text += " " + Say(Phrase::kTrustedAdult, language);
    }
    VerticalGap(0.6f);
    Paragraph(Say(Phrase::kNextPerson, language), true);
    if (BigButton(frame, "finish", Say(Phrase::kFinish, language))) host_.FinishAndReset();
    EndColumn();
}

void StillThereScreen::DrawContent(FrameContext& frame) {
    const std::string& language = host_.Session().Language();
    frame.title = Say(Phrase::kStillThere, language);
    const std::string body = Say(Phrase::kStillThereBody, language, host_.SecondsBeforeTimeout());
    frame.announcement =
        frame.title + " " + Say(Phrase::kStillThereBody, language, AnnouncedSeconds(host_.SecondsBeforeTimeout()));
    frame.speech_text = frame.title + " " + body;
    BeginColumn(kColumnEm);
    // The language button too, so a parent who walked away can read the prompt in theirs.
    DrawRespondentToolbar(frame, host_, ToolbarButtons::kWithoutSettings);
    VerticalGap(2.0f);
    Heading(frame, frame.title);
    Paragraph(body);
    VerticalGap(0.6f);
    if (BigButton(frame, "still_here", Say(Phrase::kImHere, language))) host_.StillHere();
    EndColumn();
}

// The live region speaks whenever the announcement changes: so the countdown is in it when
// the prompt appears and again at 20, 10 and 5 seconds left, never every second.
int StillThereScreen::AnnouncedSeconds(int seconds_left) {
    if (announced_seconds_ < 0 || seconds_left > announced_seconds_) return announced_seconds_ = seconds_left;
    for (const int step : {20, 10, 5}) {
        if (seconds_left <= step && step < announced_seconds_) return announced_seconds_ = seconds_left;
    }
    return announced_seconds_;
}

void DisplaySettingsScreen::DrawContent(FrameContext& frame) {
    RespondentSession& session = host_.Session();
    const std::string& language = session.Language();
    DisplaySettings& display = host_.Display();
    frame.title = Say(Phrase::kSettings, language);
    frame.announcement = frame.title;
    frame.speech_text = frame.title;
    BeginColumn(kColumnEm);
    Heading(frame, frame.title);
    BoldParagraph(frame, Say(Phrase::kTextSize, language));
    const std::pair<TextSize, Phrase> sizes[] = {{TextSize::kStandard, Phrase::kStandardText},
                                                 {TextSize::kLarge, Phrase::kLargeText},
                                                 {TextSize::kExtraLarge, Phrase::kExtraLargeText}};
    for (const auto& [size, phrase] : sizes) {
        if (ChoiceTile(frame, std::string("text_size:") + std::to_string(static_cast<int>(size)), Say(phrase, language),
                       display.text_size == size, ItemRole::Radio, "text_size")) {
            display.text_size = size;
        }
    }
    VerticalGap(0.3f);
    if (ChoiceTile(frame, "high_contrast", Say(Phrase::kHighContrast, language), display.high_contrast,
                   ItemRole::Checkbox, {})) {
        display.high_contrast = !display.high_contrast;
    }
    if (ChoiceTile(frame, "dyslexia_font", Say(Phrase::kDyslexiaFont, language), display.dyslexia_font,
                   ItemRole::Checkbox, {})) {
        display.dyslexia_font = !display.dyslexia_font;
    }
    const Survey& survey = session.GetSurvey();
    if (survey.languages.size() > 1) {
        VerticalGap(0.3f);
        BoldParagraph(frame, Say(Phrase::kLanguage, language));
        for (const std::string& offered : survey.languages) {
            if (ChoiceTile(frame, "language:" + offered, LanguageName(offered), offered == language, ItemRole::Radio, "language")) {
                session.SetLanguage(offered);
            }
        }
    }
    EndColumn();
}

void DisplaySettingsScreen::DrawFooter(FrameContext& frame) {
    BeginColumn(kColumnEm);
    if (BigButton(frame, "done", Say(Phrase::kDone, host_.Session().Language()))) host_.CloseSettings();
    EndColumn();
}

}  // namespace yousaid::ui
