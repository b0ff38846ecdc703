#pragma once
// What the respondent screens ask of the app around them: the session, saving, speech and
// the person's own display settings. The app implements it; screens only draw and ask.
#include <cstdint>
#include <string>
#include <vector>

#include "core/responses/respondent_session.h"
#include "core/station/station_pack.h"
#include "ui/display_settings.h"

namespace yousaid::ui {

enum class SaveState { kNothingToSave, kSaving, kSaved, kFailed };

class RespondentHost {
public:
    virtual ~RespondentHost() = default;

    virtual RespondentSession& Session() = 0;
    virtual std::int64_t NowMs() const = 0;
    // Storage is loaded and answers can be taken.
    virtual bool ReadyForRespondents() const = 0;
    // The station's survey loaded. When it did not, nobody may start: a parent-carer stall
    // must never collect answers to another survey, so the welcome screen asks for staff.
    virtual bool SurveyAvailable() const = 0;

    virtual void Submit() = 0;
    virtual void Decline() = 0;
    // Back to the welcome screen with nothing of this person left on screen.
    virtual void FinishAndReset() = 0;
    virtual SaveState LastSaveState() const = 0;

    virtual bool ReadAloudAvailable() const = 0;
    virtual void ReadAloud(const std::string& text) = 0;

    virtual DisplaySettings& Display() = 0;
    virtual void OpenSettings() = 0;
    virtual void CloseSettings() = 0;

    // "Are you still there?": seconds left before the session closes; the person answers.
    virtual int SecondsBeforeTimeout() const = 0;
    virtual void StillHere() = 0;

    // Which of the two finishing pages shows: thank-you, then signposting (for everyone).
    virtual int FinishPage() const = 0;
    virtual void NextFinishPage() = 0;

    // "You said, we did" cards from the officer's station pack, for this station's survey;
    // empty when there are none. They show after the welcome screen, before consent.
    virtual const std::vector<StationCard>& YouSaidCards() const = 0;
    // The person read the cards, or skipped them: on to the survey.
    virtual void CardsDone() = 0;

    // The staff area's door: the welcome screen's top-left corner, held for two seconds (or
    // activated from the accessible layer, which the PIN still guards).
    virtual void StaffCorner(bool held, bool activated) = 0;
};

}  // namespace yousaid::ui
