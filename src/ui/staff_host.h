#pragma once
// What the staff screens ask of the app: the PIN, the station's settings, what the device
// holds, export, import and clearing. The app implements it; the screens only draw and ask.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/station/station_config.h"
#include "core/survey/survey.h"

namespace yousaid::ui {

enum class StaffPage { kPin, kHome, kSetup, kImport, kClear, kClearConfirm };

struct SurveyTally {
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
    std::string last_response_time;  // "14:05", or empty when none yet
    std::uint64_t not_exported = 0;
    bool everything_saved = true;
    std::string save_problem;        // why saving failed, when it did
    double storage_used_bytes = -1;  // -1 when the browser does not say
    double storage_available_bytes = -1;
    int persistence = -1;            // -1 unknown, 0 refused, 1 granted
    std::vector<std::string> warnings;
};

class StaffHost {
public:
    virtual ~StaffHost() = default;

    virtual StaffPage Page() const = 0;
    virtual void GoTo(StaffPage page) = 0;
    virtual void LeaveStaffArea() = 0;

    virtual bool HasPin() const = 0;
    // Empty when the PIN opened the staff area; otherwise what to tell the volunteer.
    virtual std::string TryPin(const std::string& pin) = 0;
    virtual std::string ChoosePin(const std::string& pin) = 0;
    virtual int SecondsLocked() const = 0;

    virtual const std::map<std::string, Survey>& Surveys() const = 0;
    virtual StationConfig& DraftConfig() = 0;
    // Problems with the draft (nothing saved), or none (saved and in use).
    virtual std::vector<Problem> SaveDraftConfig() = 0;

    virtual StationOverview Overview() const = 0;
    virtual void ExportResponses(bool as_json) = 0;
    virtual void ChooseFilesToImport() = 0;
    // A survey file from disk, checked before it is offered (problems go to Notice()).
    virtual void ChooseSurveyFile() = 0;
    virtual const std::vector<std::string>& ImportLines() const = 0;
    virtual void ClearDevice() = 0;

    // The last thing that happened, for a line at the top of the staff screens.
    virtual const std::string& Notice() const = 0;
};

}  // namespace yousaid::ui
