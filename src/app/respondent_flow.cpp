#include "app/respondent_flow.h"

namespace yousaid::app {

RespondentFlow::RespondentFlow(ui::RespondentHost& host)
    : welcome_screen_(host),
      consent_screen_(host),
      question_screen_(host),
      check_screen_(host),
      thank_you_screen_(host),
      signposting_screen_(host),
      settings_screen_(host),
      still_there_screen_(host),
      you_said_screen_(host),
      table_{&welcome_screen_, &consent_screen_, &question_screen_,   &check_screen_,  &thank_you_screen_,
             &signposting_screen_, &settings_screen_, &still_there_screen_, &you_said_screen_},
      host_(host) {}

RespondentState RespondentFlow::State(SessionStep step) const {
    if (still_there_since_ms_ != 0) return RespondentState::kStillThere;
    if (settings_open_) return RespondentState::kSettings;
    if (closed_early_) return RespondentState::kSignposting;
    switch (step) {
        case SessionStep::kWelcome: return RespondentState::kWelcome;
        case SessionStep::kConsent:
            return cards_done_ || host_.YouSaidCards().empty() ? RespondentState::kConsent : RespondentState::kYouSaid;
        case SessionStep::kQuestion: return RespondentState::kQuestion;
        case SessionStep::kCheck: return RespondentState::kCheck;
        case SessionStep::kFinished: return finish_page_ == 0 ? RespondentState::kThankYou : RespondentState::kSignposting;
    }
    return RespondentState::kWelcome;
}

ui::Screen& RespondentFlow::ScreenFor(RespondentState state) { return *table_[static_cast<std::size_t>(state)]; }

void RespondentFlow::Reset() {
    question_screen_.Reset();
    you_said_screen_.Reset();
    cards_done_ = false;
    settings_open_ = false;
    finish_page_ = 0;
    still_there_since_ms_ = 0;
    closed_early_ = false;
}

}  // namespace yousaid::app
