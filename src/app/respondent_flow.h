#pragma once
// The respondent's side: which screen a young person or parent sees, worked out from the
// session's step and the few things around it (the settings page, "Are you still there?",
// which finishing page), as a named state with a table of screens.
#include <array>
#include <cstdint>

#include "core/responses/respondent_session.h"
#include "ui/respondent_screens.h"
#include "ui/you_said_screen.h"

namespace yousaid::app {

enum class RespondentState {
    kWelcome,
    kConsent,
    kQuestion,
    kCheck,
    kThankYou,
    kSignposting,
    kSettings,    // the person's own display settings, over any step
    kStillThere,  // nobody has touched the screen for a while: asking, with a countdown
    kYouSaid,     // "Last time, you told us": the station pack's cards, before consent
};

class RespondentFlow {
public:
    explicit RespondentFlow(ui::RespondentHost& host);

    RespondentState State(SessionStep step) const;
    ui::Screen& ScreenFor(RespondentState state);

    // A new person: nothing of the last one's settings or pages left.
    void Reset();
    void ResetQuestion() { question_screen_.Reset(); }

    bool SettingsOpen() const { return settings_open_; }
    void SetSettingsOpen(bool open) { settings_open_ = open; }
    int FinishPage() const { return finish_page_; }
    void SetFinishPage(int page) { finish_page_ = page; }
    bool AskingStillThere() const { return still_there_since_ms_ != 0; }
    std::int64_t StillThereSinceMs() const { return still_there_since_ms_; }
    void StartAskingStillThere(std::int64_t now_ms) { still_there_since_ms_ = now_ms; }
    void StopAskingStillThere() { still_there_since_ms_ = 0; }
    // The person walked away before the end: their survey is closed and only the signposting
    // page is left, until "Finish" or the next timeout starts the next person.
    void CloseEarly() {
        closed_early_ = true;
        settings_open_ = false;
        still_there_since_ms_ = 0;
    }
    bool ClosedEarly() const { return closed_early_; }
    void SetCardsDone() { cards_done_ = true; }

private:
    ui::WelcomeScreen welcome_screen_;
    ui::ConsentScreen consent_screen_;
    ui::QuestionScreen question_screen_;
    ui::CheckScreen check_screen_;
    ui::ThankYouScreen thank_you_screen_;
    ui::SignpostingScreen signposting_screen_;
    ui::DisplaySettingsScreen settings_screen_;
    ui::StillThereScreen still_there_screen_;
    ui::YouSaidScreen you_said_screen_;
    // Indexed by RespondentState.
    std::array<ui::Screen*, 9> table_;
    ui::RespondentHost& host_;

    bool settings_open_ = false;
    int finish_page_ = 0;
    std::int64_t still_there_since_ms_ = 0;  // 0 while not asking
    bool closed_early_ = false;
    bool cards_done_ = false;  // this person has read or skipped the cards
};

}  // namespace yousaid::app
