#pragma once
// What the staff and officer screens ask of the app: PINs, the station's settings, what the
// device holds, export, import and clearing. The app implements it; the screens only draw
// and ask. Every request is checked again by the app against who is signed in.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/station/station_config.h"
#include "core/station/station_keys.h"
#include "core/station/station_pack.h"
#include "core/survey/survey.h"

namespace yousaid::ui {

// Every page of the staff and officer areas. The app's table says which role each needs.
enum class StaffPage {
    kPin,                // the station PIN (chosen on a fresh device)
    kHome,               // the volunteer's live view
    kSetup,
    kStationPack,        // a station pack, shown before it is used
    kClear,
    kClearConfirm,
    kOfficerPin,         // the officer PIN (chosen the first time, after the station PIN)
    kOfficerHome,
    kImport,
    kStationPinReset,    // the officer chooses a new station PIN
    kClearEverything,
    kClearEverythingConfirm,
    kForgotOfficerPin,   // clearing the officer store is the only way to a new officer PIN
    kForgotOfficerPinConfirm,
    kWorkspace,          // the officer's figures
    kOfficerKeys,        // the public keys this station seals responses to (officer only)
};

// Who is signed in to the staff area; each role may do everything the one before it may.
enum class StaffRole { kNone, kVolunteer, kOfficer };

// The three PIN pads: the station PIN, the officer PIN, and a new station PIN (officer only).
enum class PinPurpose { kStation, kOfficer, kNewStationPin };

struct PinPadState {
    bool choosing = false;       // no PIN yet: the pad chooses one (asked twice)
    bool available = true;       // false: this pad cannot be used now (see why)
    std::string why_unavailable;
    int seconds_locked = 0;
};

struct SurveyTally {
    std::string survey_id;
    std::string survey_title;
    std::uint64_t today = 0;
    std::uint64_t total = 0;
    std::uint64_t complete = 0;
    std::uint64_t partial = 0;
    std::uint64_t refused = 0;
};

// The volunteer's live view of the station.
struct StationOverview {
    std::vector<SurveyTally> surveys;
    std::string active_survey_id;     // the survey respondents are answering; empty when none
    std::string last_response_time;  // "14:05", or empty when none yet
    std::uint64_t station_responses = 0;
    std::uint64_t not_exported = 0;
    std::uint64_t imported_responses = 0;  // in the officer store
    bool everything_saved = true;
    std::string save_problem;        // why saving failed, when it did (empty while a save is under way)
    double storage_used_bytes = -1;  // -1 when the browser does not say
    double storage_available_bytes = -1;
    int persistence = -1;            // -1 unknown, 0 refused, 1 granted
    std::vector<std::string> warnings;
};

// One file of the import just made, as the import screen says it.
struct ImportedFileOutcome {
    std::string summary;               // "tablet3.yousaid: 38 added, 2 already held, ..."
    std::vector<std::string> details;  // each problem once
    bool refused = false;              // nothing of it went in: styled as an error
};

struct ImportProgress {
    std::string file_name;
    std::size_t file_number = 0;  // from 1
    std::size_t file_count = 0;
    double fraction = 0.0;        // through the file, or through its sealed answers
    bool opening_sealed = false;  // the file is read; its sealed answers are being opened
    bool reading = false;         // the browser is still reading the chosen files into the page
};

// The import under way or just made: only this batch, never earlier ones.
struct ImportBatchView {
    std::vector<ImportedFileOutcome> files;
    std::optional<ImportProgress> progress;
    std::vector<std::string> holdings;  // what the store now holds, by survey and wave
};

class StaffHost {
public:
    virtual ~StaffHost() = default;

    virtual StaffPage Page() const = 0;
    virtual StaffRole Role() const = 0;
    // Moves to `page` when the signed-in role may see it; otherwise stays where it is.
    virtual void GoTo(StaffPage page) = 0;
    virtual void LeaveStaffArea() = 0;

    virtual PinPadState PinPad(PinPurpose purpose) const = 0;
    // Empty when the PIN was accepted (or chosen) and the next page opened; otherwise what to
    // tell the person at the pad.
    virtual std::string SubmitPin(PinPurpose purpose, const std::string& pin) = 0;
    virtual bool HasOfficerPin() const = 0;
    // Why `pin` may not be chosen as a new PIN (1234, 0000), in words, at its first entry;
    // empty when it may.
    virtual std::string NewPinProblem(const std::string& pin) const = 0;

    virtual const std::map<std::string, Survey>& Surveys() const = 0;
    virtual StationConfig& DraftConfig() = 0;
    // Problems with the draft, each naming its field (nothing saved); or none: saved, in
    // use, and the live view shows. The event date is typed as the volunteer writes it.
    virtual std::vector<Problem> SaveDraftConfig() = 0;
    // Today's date where the station is ("2026-03-14"): where the date picker starts.
    virtual std::string Today() const = 0;

    virtual StationOverview Overview() const = 0;
    virtual void ExportResponses(bool as_json) = 0;
    virtual void ChooseFilesToImport() = 0;
    // A survey file from disk, checked before it is offered (problems go to Notice()).
    virtual void ChooseSurveyFile() = 0;
    // A station pack from the officer: checked when chosen (problems go to Notice()), then
    // shown on its own page before anything of it is used.
    virtual void ChooseStationPack() = 0;
    // The pack waiting on that page, or nullptr.
    virtual const StationPack* PendingStationPack() const = 0;
    // Uses the waiting pack: its survey, its settings (saved) and its cards. A volunteer's
    // tap is their confirmation that the pack came from the officer it names.
    virtual void UseStationPack() = 0;
    virtual void DiscardStationPack() = 0;

    // Sealing (docs/sealing.md): the officers' public keys this station seals every response
    // to, and why the station's keys file could not be read (empty when it could, or there is
    // none). While that is not empty the station takes no answers.
    virtual const StationKeys& SealingKeys() const = 0;
    virtual const std::string& SealingKeysProblem() const = 0;
    // Officer only: a public key file from disk, checked and added (problems go to Notice()),
    // and removing one by its key id.
    virtual void ChooseOfficerKeyFile() = 0;
    virtual void RemoveOfficerKey(const std::string& key_id) = 0;
    virtual const ImportBatchView& ImportBatch() const = 0;
    // The volunteer's clear: this station's responses only.
    virtual void ClearDevice() = 0;
    // The officer's clear: both stores and the officer's files.
    virtual void ClearEverything() = 0;
    // A forgotten officer PIN: clears the officer store and the officer PIN.
    virtual void ForgetOfficerPin() = 0;

    // The last thing that happened, for a line at the top of the staff screens.
    virtual const std::string& Notice() const = 0;
    // The figures: a page of this app on the officer's page, or else officer.html, opened.
    virtual bool HasWorkspace() const = 0;
    virtual void OpenOfficerPage() = 0;
    // The officer's keys (the figures' Keys view), wanted before any responses exist: a
    // station needs a public key first. On a tablet, the officer's page opens.
    virtual void OpenKeys() = 0;
};

// "4,210": counts on the staff screens are read at a glance.
std::string CountText(std::uint64_t count);
// "1 response" / "312 responses".
std::string ResponsesText(std::uint64_t count);

}  // namespace yousaid::ui
