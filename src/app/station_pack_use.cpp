// Station packs on a tablet: chosen in station setup, checked whole, shown on their own
// page, then used in one step (the survey, the settings and the "You said, we did" cards).
#include <cstdio>
#include <filesystem>

#include "app/app.h"
#include "core/base/file_io.h"
#include "platform/file_exchange.h"

namespace yousaid::app {

using ui::StaffPage;
using ui::StaffRole;

namespace {

constexpr char kCardsFileName[] = "station_cards.json";
constexpr std::uint64_t kMaxCardsFileBytes = 1 << 20;

}  // namespace

void App::ChooseStationPack() {
    if (!Allowed(StaffRole::kVolunteer)) return;
    picking_ = PickPurpose::kStationPack;
    platform::OpenFilePicker(".json");
}

// A pack that does not read whole changes nothing: setup stays as it was and says why.
void App::TakeStationPack(const std::string& file_name, const std::string& bytes) {
    Result<StationPack> read = ReadStationPack(bytes, file_name);
    if (!read.ok()) {
        notice_ = file_name + " was not used, and nothing on this tablet changed:\n" + read.Message();
        return;
    }
    pending_pack_ = std::move(*read.value);
    GoTo(StaffPage::kStationPack);
}

void App::UseStationPack() {
    if (!Allowed(StaffRole::kVolunteer) || !pending_pack_) return;
    const StationPack pack = std::move(*pending_pack_);
    pending_pack_.reset();
    GoTo(StaffPage::kSetup);
    StationCards cards;
    cards.survey_id = pack.survey.id;
    cards.prepared_by = pack.prepared_by;
    cards.cards = pack.cards;
    const Status saved_cards = ReplaceSettingsFile(data_dir_ + "/" + kCardsFileName, StationCardsJson(cards));
    if (!saved_cards.ok()) {
        notice_ = "The station pack was not used: " + saved_cards.Message();
        return;
    }
    station_cards_ = std::move(cards);
    const std::string keys_text = UsePackKeys(pack.public_keys);
    AddSurveyFiles({{pack.survey.id + ".json", pack.survey_text}}, true);
    draft_config_.survey_id = pack.survey.id;
    draft_config_.wave = pack.defaults.wave;
    draft_config_.default_language = pack.defaults.default_language;
    draft_config_.default_answer_mode = pack.defaults.default_answer_mode;
    draft_config_.idle_timeout_seconds = pack.defaults.idle_timeout_seconds;
    draft_config_.keep_partial_answers = pack.defaults.keep_partial_answers;
    const std::string cards_text = pack.cards.empty() ? std::string("no cards")
                                   : pack.cards.size() == 1 ? std::string("1 card")
                                                            : std::to_string(pack.cards.size()) + " cards";
    notice_ = "Using the station pack from " + pack.prepared_by + ": \"" + pack.survey.title.English() + "\", wave " +
              pack.defaults.wave + ", " + cards_text + "." + keys_text + " Check the event and the place, then tap Save.";
    Sync();
}

void App::DiscardStationPack() {
    pending_pack_.reset();
    GoTo(StaffPage::kSetup);
    notice_ = "The station pack was not used. Nothing on this tablet changed.";
}

// The cards of the pack last used. A damaged file shows no cards and says why to staff.
void App::LoadStationCards() {
    const std::string path = data_dir_ + "/" + kCardsFileName;
    std::error_code error;
    if (!std::filesystem::exists(path, error)) return;
    const FileReadResult file = ReadWholeFile(path, kMaxCardsFileBytes);
    Result<StationCards> read = file.outcome == FileReadOutcome::kRead
                                    ? ReadStationCards(file.bytes, kCardsFileName)
                                    : Result<StationCards>::Failure(file.error);
    if (!read.ok()) {
        notice_ = "The \"You said, we did\" cards on this tablet could not be read, so none are shown: " + read.Message() +
                  "\nLoad the station pack again.";
        std::fprintf(stderr, "%s\n", notice_.c_str());
        return;
    }
    station_cards_ = std::move(*read.value);
}

const std::vector<StationCard>& App::YouSaidCards() const {
    static const std::vector<StationCard> kNone;
    return station_cards_.survey_id == ActiveSurveyId() ? station_cards_.cards : kNone;
}

}  // namespace yousaid::app
