// The staff area's data, as the app provides it: the live view, station setup, export and
// the officer's import. Each request checks the signed-in role first.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "app/app.h"
#include "core/crypto/sha256.h"
#include "core/officer/segment_file.h"
#include "core/survey/survey_loader.h"
#include "core/responses/transfer_file.h"
#include "platform/file_exchange.h"
#include "platform/platform.h"

namespace yousaid::app {

std::vector<Problem> App::SaveDraftConfig() {
    if (!Allowed(ui::StaffRole::kVolunteer)) return {Problem::Saying(notice_)};
    Result<StationConfig> setup = ReadStationSetup(draft_config_);
    if (!setup.ok()) return setup.problems;
    const Status saved = SaveStationConfig(*setup.value, data_dir_ + "/station.json");
    if (!saved.ok()) return saved.problems;
    station_ = std::move(*setup.value);
    survey_from_address_.clear();  // the volunteer's choice now wins over the address
    Sync();
    GoTo(ui::StaffPage::kHome);
    notice_ = "Station settings saved.";
    return {};
}

std::string App::Today() const { return platform::LocalDate(NowMs()); }

ui::StationOverview App::Overview() const {
    ui::StationOverview overview;
    const std::int64_t now = NowMs();
    const std::string today = platform::LocalDate(now);
    std::int64_t last = 0;
    std::map<std::string, ui::SurveyTally> by_survey;
    if (store_open_) {
        for (const Response& response : store_.Responses()) {
            ui::SurveyTally& tally = by_survey[response.survey_id];
            const auto survey = surveys_.find(response.survey_id);
            tally.survey_id = response.survey_id;
            tally.survey_title = survey != surveys_.end() ? survey->second.title.English() : response.survey_id;
            ++tally.total;
            if (platform::LocalDate(response.submitted_at_ms) == today) ++tally.today;
            switch (response.status) {
                case ResponseStatus::kComplete: ++tally.complete; break;
                case ResponseStatus::kPartial: ++tally.partial; break;
                case ResponseStatus::kRefused: ++tally.refused; break;
            }
            last = std::max(last, response.submitted_at_ms);
        }
        overview.not_exported = store_.NotYetExportedCount();
        overview.station_responses = store_.Count();
    }
    overview.imported_responses = ImportedCount();
    overview.active_survey_id = ActiveSurveyId();
    if (ActiveSurvey() == nullptr) overview.warnings.push_back(SurveyProblemText());
    for (auto& [id, tally] : by_survey) overview.surveys.push_back(tally);
    if (last > 0 && platform::LocalDate(last) == today) overview.last_response_time = platform::LocalTimeOfDay(last);
    const platform::StorageStatus status = platform::CurrentStorageStatus();
    overview.everything_saved = platform::DurableGeneration() >= save_generation_ && status.last_sync_error.empty();
    if (!status.sync_in_flight) overview.save_problem = status.last_sync_error;
    overview.persistence = status.persistence;
    if (status.usage_bytes >= 0 && status.quota_bytes >= 0) {
        overview.storage_used_bytes = status.usage_bytes;
        overview.storage_available_bytes = std::max(0.0, status.quota_bytes - status.usage_bytes);
    }
    if (status.persistence == 0) {
        overview.warnings.push_back("This browser may clear saved responses when space runs short: export often, "
                                    "or add the app to the home screen.");
    }
    if (overview.storage_available_bytes >= 0 && overview.storage_available_bytes < 50.0e6) {
        overview.warnings.push_back("Storage is running low: export the responses and clear the device.");
    }
    if (!store_open_) overview.warnings.push_back("The response store is not open: " + store_message_);
    return overview;
}

void App::ExportResponses(bool as_json) {
    if (!Allowed(ui::StaffRole::kVolunteer)) return;
    if (!store_open_) {
        notice_ = "Nothing to export: the response store is not open.";
        return;
    }
    const std::int64_t now = NowMs();
    const std::vector<Response>& responses = store_.Responses();
    TransferExportSettings settings;
    settings.station_id = station_.station_id;
    settings.event_id = EventId();
    settings.exported_at_ms = now;
    std::string file_name = ExportFileName(station_, now);
    std::string bytes;
    if (as_json) {
        file_name = file_name.substr(0, file_name.rfind('.')) + ".json";
        bytes = WriteResponsesJson(settings, responses);
    } else {
        bytes = WriteTransferFile(settings, responses);
    }
    const platform::DownloadOutcome outcome =
        platform::OfferDownload(file_name, bytes, as_json ? "application/json" : "application/octet-stream");
    if (outcome == platform::DownloadOutcome::kUnavailable) {
        notice_ = "This browser cannot save files. Try another browser on this tablet.";
        return;
    }
    std::vector<ResponseId> ids;
    ids.reserve(responses.size());
    for (const Response& response : responses) ids.push_back(response.id);
    if (outcome == platform::DownloadOutcome::kSharing) {
        pending_share_ = PendingShare{std::move(ids), file_name, !as_json};
        notice_ = "Choose where to keep " + file_name + " in the share sheet.";
        return;
    }
    NoteExport(ids, file_name, !as_json, "Saved");
}

void App::NoteExport(const std::vector<ResponseId>& ids, const std::string& file_name, bool transfer_file,
                     const char* verb) {
    if (transfer_file) {
        const Status marked = store_.MarkExported(ids, NowMs(), file_name);
        if (!marked.ok()) std::fprintf(stderr, "could not note the export: %s\n", marked.Message().c_str());
        Sync();
    }
    notice_ = std::string(verb) + " " + std::to_string(ids.size()) + " responses as " + file_name + ".";
}

// True when the share sheet has answered (the notice changed).
bool App::TakeShareOutcome() {
    if (!pending_share_) return false;
    const platform::ShareResult result = platform::TakeShareResult();
    if (result == platform::ShareResult::kNone) return false;
    if (result == platform::ShareResult::kShared) {
        NoteExport(pending_share_->ids, pending_share_->file_name, pending_share_->transfer_file, "Shared");
    } else {
        notice_ = "The share sheet was closed without saving " + pending_share_->file_name +
                  ": nothing is marked as exported.";
    }
    pending_share_.reset();
    return true;
}

void App::ChooseFilesToImport() {
    if (!Allowed(ui::StaffRole::kOfficer)) return;
    picking_ = PickPurpose::kResponses;
    platform::OpenFilePicker(".yousaid,.json,.csv");
}

void App::ChooseSurveyFile() {
    if (!Allowed(ui::StaffRole::kVolunteer)) return;
    picking_ = PickPurpose::kSurvey;
    platform::OpenFilePicker(".json");
}

void App::AddSurveyFiles(const std::vector<std::pair<std::string, std::string>>& files, bool keep_on_device) {
    for (const auto& [name, text] : files) {
        SurveyLoadResult loaded = SurveyLoader::LoadFromText(text, name);
        if (!loaded.Ok()) {
            // Every problem, each with its place in the file, so the author can fix them all.
            notice_ = name + " was not loaded:\n" + loaded.ProblemsText();
            survey_problems_[name] = loaded.ProblemsText();
            continue;
        }
        const std::string id = loaded.survey->id;
        if (keep_on_device) {
            std::error_code ignored;
            std::filesystem::create_directories(data_dir_ + "/surveys", ignored);
            std::ofstream out(data_dir_ + "/surveys/" + id + ".json", std::ios::binary | std::ios::trunc);
            out << text;
            Sync();
            notice_ = "Loaded \"" + loaded.survey->title.English() + "\" (" +
                      std::to_string(loaded.survey->questions.size()) + " questions).";
            draft_config_.survey_id = id;
        }
        survey_problems_.erase(name);
        surveys_[id] = std::move(*loaded.survey);
        survey_files_[id] = {name, Sha256Hex(ComputeSha256(text))};
        survey_texts_[id] = text;
    }
    // The store reads its columns against the surveys it knows.
    if (workspace_ && device_files_loaded_) workspace_->OpenStore();
}

void App::ImportPickedFiles() {
    std::vector<platform::PickedFile> files = platform::TakePickedFiles();
    if (files.empty()) return;
    // A file chosen before the role ended (the idle timeout) is dropped, unread.
    const bool volunteer_may = picking_ == PickPurpose::kSurvey || picking_ == PickPurpose::kStationPack;
    if (!Allowed(volunteer_may ? ui::StaffRole::kVolunteer : ui::StaffRole::kOfficer)) return;
    if (picking_ == PickPurpose::kStationPack) {
        TakeStationPack(files.front().name, files.front().bytes);
        return;
    }
    if (picking_ == PickPurpose::kPublicKey) {
        TakePublicKeyFile(files.front().name, files.front().bytes);
        return;
    }
    if (picking_ == PickPurpose::kSurvey) {
        std::vector<std::pair<std::string, std::string>> surveys;
        for (platform::PickedFile& file : files) surveys.emplace_back(file.name, std::move(file.bytes));
        AddSurveyFiles(surveys, true);
        return;
    }
    if (picking_ == PickPurpose::kPopulation || picking_ == PickPurpose::kKpis || picking_ == PickPurpose::kActions ||
        picking_ == PickPurpose::kOfficerKey) {
        const SideFileKind kind = picking_ == PickPurpose::kPopulation ? SideFileKind::kPopulation
                                  : picking_ == PickPurpose::kKpis     ? SideFileKind::kKpis
                                  : picking_ == PickPurpose::kActions  ? SideFileKind::kActions
                                                                       : SideFileKind::kOfficerKey;
        if (workspace_) workspace_->AcceptSideFile(kind, files.front().name, files.front().bytes);
        return;
    }
    // Only the officer's page holds the officer store; a tablet's import button opens it.
    if (!workspace_) return;
    StartImportBatch();
    workspace_->QueueImport(std::move(files));
}

// A new import starts a new account of it: earlier results and notices do not linger.
void App::StartImportBatch() {
    if (!import_batch_.progress) import_batch_ = {};
    notice_.clear();
}

// A slice of the import under way, a few tens of milliseconds at a time, so that the page
// keeps drawing (and its progress bar moving) through a large file.
bool App::TickImport() {
    if (!workspace_) return false;
    if (picking_ == PickPurpose::kResponses) {
        if (const std::optional<platform::FilesBeingRead> reading = platform::FilesBeingReadNow()) {
            return ShowFilesBeingRead(*reading);
        }
    }
    constexpr std::int64_t kSliceMs = 40;
    std::vector<ui::ImportedFileOutcome> finished;
    const bool changed = workspace_->TickImport(NowMs() + kSliceMs, finished);
    for (ui::ImportedFileOutcome& file : finished) import_batch_.files.push_back(std::move(file));
    import_batch_.progress = workspace_->ImportProgress();
    // Each finished file is a new segment to make durable; the holdings are said once all are in.
    if (!finished.empty()) Sync();
    if (!finished.empty() && !import_batch_.progress) import_batch_.holdings = workspace_->Holdings();
    return changed;
}

// A large file takes the browser seconds to read: the import's bar says so from the start.
bool App::ShowFilesBeingRead(const platform::FilesBeingRead& reading) {
    if (!import_batch_.progress) StartImportBatch();
    ui::ImportProgress progress;
    progress.file_name = reading.first_name;
    progress.file_number = 1;
    progress.file_count = reading.count;
    progress.fraction = reading.fraction;
    progress.reading = true;
    const bool changed = !import_batch_.progress || !import_batch_.progress->reading ||
                         import_batch_.progress->fraction != progress.fraction;
    import_batch_.progress = progress;
    return changed;
}

std::uint64_t App::ImportedCount() const {
    return workspace_ ? workspace_->ImportedCount() : officer_count_on_tablet_;
}

void App::CountOfficerStoreOnTablet() {
    if (workspace_) return;
    const OfficerPaths paths = OfficerPathsIn(data_dir_);
    officer_count_on_tablet_ = CountOfficerStoreResponses(paths.store);
    // A store of an earlier version not yet moved (the officer's page moves it when it opens).
    std::error_code ignored;
    if (!std::filesystem::exists(paths.legacy_log, ignored)) return;
    ResponseStore legacy;
    ResponseStoreOptions options;
    options.read_only = true;
    if (legacy.Open(paths.legacy_log, options).ok) officer_count_on_tablet_ += legacy.Count();
}

app::WorkspaceServices App::WorkspaceServices() {
    app::WorkspaceServices services;
    services.pick_side_file = [this](SideFileKind kind) { PickSideFile(kind); };
    services.pick_response_files = [this] { ChooseFilesToImport(); };
    services.import_batch = [this]() -> const ui::ImportBatchView& { return import_batch_; };
    services.sync = [this] { Sync(); };
    services.leave = [this] { GoTo(ui::StaffPage::kOfficerHome); };
    services.now_ms = [this] { return NowMs(); };
    services.survey_file = [this](const std::string& survey_id) {
        const auto found = survey_files_.find(survey_id);
        return found == survey_files_.end() ? std::pair<std::string, std::string>() : found->second;
    };
    services.survey_text = [this](const std::string& survey_id) {
        const auto found = survey_texts_.find(survey_id);
        return found == survey_texts_.end() ? std::string() : found->second;
    };
    return services;
}

void App::PickSideFile(SideFileKind kind) {
    if (!Allowed(ui::StaffRole::kOfficer)) return;
    picking_ = kind == SideFileKind::kPopulation ? PickPurpose::kPopulation
               : kind == SideFileKind::kKpis     ? PickPurpose::kKpis
               : kind == SideFileKind::kActions  ? PickPurpose::kActions
                                                 : PickPurpose::kOfficerKey;
    const bool json = kind == SideFileKind::kActions || kind == SideFileKind::kOfficerKey;
    platform::OpenFilePicker(json ? ".json" : ".csv");
}


}  // namespace yousaid::app
