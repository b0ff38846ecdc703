#include "app/officer_workspace.h"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <set>
#include <tuple>
#include <utility>

#include "core/actions/action_report.h"
#include "core/base/file_io.h"
#include "core/base/text.h"
#include "core/station/settings_file.h"
#include "core/station/station_pack.h"
#include "platform/file_exchange.h"

namespace yousaid::app {

namespace {

// Population, KPI and override files are a few kilobytes; anything near this is not one.
constexpr std::uint64_t kMaxSideFileBytes = 16u * 1024u * 1024u;

// A side file as it was kept, or the problem that stops it being read.
Result<std::string> ReadSideFile(const std::filesystem::path& path) {
    FileReadResult file = ReadWholeFile(path.string(), kMaxSideFileBytes);
    if (file.outcome != FileReadOutcome::kRead) {
        Problem problem = Problem::Saying(file.error.empty() ? "could not be read" : file.error);
        problem.file = path.filename().string();
        return Result<std::string>::Failure(std::move(problem));
    }
    return Result<std::string>::Success(std::move(file.bytes));
}

// The file kept in a side folder, if any: the newest, should a crash have left the one it
// replaced beside it (or half a write, which ReplaceSettingsFile names ".tmp").
std::optional<std::filesystem::path> KeptFileIn(const std::string& folder) {
    std::error_code error;
    std::optional<std::filesystem::path> newest;
    std::filesystem::file_time_type newest_time;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        if (!entry.is_regular_file() || entry.path().extension() == ".tmp") continue;
        const std::filesystem::file_time_type written = entry.last_write_time(error);
        if (!newest || written > newest_time) {
            newest = entry.path();
            newest_time = written;
        }
    }
    return newest;
}

const char* MimeTypeOf(const std::string& file_name) {
    const std::string extension = std::filesystem::path(file_name).extension().string();
    if (extension == ".csv") return "text/csv";
    if (extension == ".html") return "text/html";
    return "application/json";
}

// Reads a kept side file with `parse` (which checks it against the survey), as `state` shows it.
// `input`, when given, is set to the file as report.html lists it.
template <typename File, typename Parse>
std::optional<File> LoadSideFile(const std::filesystem::path& path, ui::SideFileState& state, Parse parse,
                                 std::optional<ReportInputFile>* input = nullptr, const char* role = "") {
    const std::string name = path.filename().string();
    Result<std::string> bytes = ReadSideFile(path);
    Result<File> read = bytes.ok() ? parse(*bytes.value, name) : Result<File>::Failure(std::move(bytes.problems));
    state = {name, read.problems};
    if (input != nullptr && read.ok()) *input = DescribeInputFile(role, name, *bytes.value);
    return std::move(read.value);
}

}  // namespace

OfficerWorkspace::OfficerWorkspace(const std::map<std::string, Survey>& surveys, OfficerPaths paths,
                                   WorkspaceServices services)
    : surveys_(surveys),
      paths_(std::move(paths)),
      folder_(paths_.side_files),
      services_(std::move(services)),
      actions_(paths_.actions, services_,
               {[this] { return Report(); }, [this] { return choices_.survey_id; }, [this] { ActionsChanged(); }}),
      keys_({[this] { KeyringChanged(); }, [this] { services_.pick_side_file(SideFileKind::kOfficerKey); },
             [this] { return services_.now_ms(); }}) {}

void OfficerWorkspace::KeyringChanged() {
    ++keyring_generation_;
    if (!store_) return;  // not opened yet: it opens with the keyring as it is then
    // An import holds the store it writes to: the store is opened again once it is done.
    if (import_job_ || !import_queue_.empty()) {
        reopen_after_import_ = true;
        return;
    }
    OpenStore();
}

void OfficerWorkspace::Left() {
    keys_.Forget();
    screen_.WipeTyped();
}

std::unique_ptr<WorkspaceFeature> MakeWorkspaceFeature(const std::map<std::string, Survey>& surveys, OfficerPaths paths,
                                                       WorkspaceServices services) {
    return std::make_unique<OfficerWorkspace>(surveys, std::move(paths), std::move(services));
}

std::vector<Survey> OfficerWorkspace::KnownSurveys() const {
    std::vector<Survey> known;
    for (const auto& [id, survey] : surveys_) known.push_back(survey);
    return known;
}

void OfficerWorkspace::OpenStore() {
    opening_.reset();
    store_ = std::make_unique<OfficerStore>(KnownSurveys());
    store_->SetKeyring(&keys_.Ring());
    const OfficerStoreOpenReport report = store_->Open(paths_.store, paths_.legacy_log);
    if (!keys_.Ring().Empty() && store_->SegmentsToSeal() > 0) opening_.emplace(store_->BeginOpening());
    store_problems_ = report.problems;
    if (!report.ok) store_problems_.push_back(Problem::Saying("The officer store could not be opened: " + report.message));
    if (report.migrated > 0) services_.sync();
    LoadThemes();
    actions_.Load();
    summarised_generation_ = 0;
    tabulated_store_generation_ = 0;
    // Locked again, nothing opened before stays on screen.
    report_.reset();
    comments_ = {};
    comment_keys_.clear();
    comments_stale_ = true;
}

void OfficerWorkspace::QueueImport(std::vector<platform::PickedFile> files) {
    if (!import_job_ && import_queue_.empty()) {
        import_files_started_ = 0;
        import_files_total_ = 0;
    }
    import_files_total_ += files.size();
    for (platform::PickedFile& file : files) import_queue_.push_back(std::move(file));
}

namespace {

// Complete, partial and refused per wave, in the waves' natural order ("2", "10", "2024").
std::vector<ui::WaveCounts> CountsByWave(const EncodedResponses& encoded) {
    const std::vector<std::string>& waves = encoded.FieldValues(ResponseField::kWave);
    const std::vector<std::uint32_t>& wave_codes = encoded.FieldCodes(ResponseField::kWave);
    std::vector<ui::WaveCounts> counts(waves.size());
    for (std::size_t row = 0; row < encoded.RowCount(); ++row) {
        ui::WaveCounts& wave = counts[wave_codes[row]];
        wave.complete += encoded.Status(row) == ResponseStatus::kComplete;
        wave.partial += encoded.Status(row) == ResponseStatus::kPartial;
        wave.refused += encoded.Status(row) == ResponseStatus::kRefused;
    }
    for (std::size_t code = 0; code < waves.size(); ++code) counts[code].wave = waves[code];
    std::sort(counts.begin(), counts.end(),
              [](const ui::WaveCounts& a, const ui::WaveCounts& b) { return NaturalLess(a.wave, b.wave); });
    return counts;
}

ui::ImportedFileOutcome OutcomeOf(const ImportReport& report) {
    ui::ImportedFileOutcome outcome;
    outcome.summary = report.Summary();
    outcome.details = report.DetailLines();
    outcome.refused = report.file_rejected || report.write_failed;
    for (const RejectedResponse& rejected : report.rejected) {
        outcome.details.push_back(rejected.which + " left out: " + rejected.reason);
    }
    return outcome;
}

// Rows read between looks at the clock: small enough that a slice overruns its deadline by
// little, large enough that the clock is not read for every row.
constexpr std::size_t kRowsPerStep = 500;

}  // namespace

// Sealed answers are opened before any import goes on: both change the store.
void OfficerWorkspace::TickOpening(std::int64_t deadline_ms) {
    constexpr std::size_t kSealedPerStep = 64;
    bool done = false;
    do {
        done = opening_->Step(kSealedPerStep);
    } while (!done && services_.now_ms() < deadline_ms);
    sealed_.opening = opening_->Progress();
    if (!done) return;
    for (const Problem& problem : opening_->Problems()) store_problems_.push_back(problem);
    opening_.reset();
    sealed_.opening.reset();
    summarised_generation_ = 0;
    services_.sync();
}

bool OfficerWorkspace::TickImport(std::int64_t deadline_ms, std::vector<ui::ImportedFileOutcome>& finished) {
    if (store_ && opening_) {
        TickOpening(deadline_ms);
        return true;
    }
    if (!store_ || (!import_job_ && import_queue_.empty())) return false;
    do {
        if (!import_job_) {
            platform::PickedFile file = std::move(import_queue_.front());
            import_queue_.pop_front();
            ++import_files_started_;
            import_job_.emplace(*store_, file.name, std::move(file.bytes), KnownSurveys(), services_.now_ms());
            // The frame that took the file in has copied 26 MB already: reading starts on the next.
            break;
        }
        if (import_job_->Step(kRowsPerStep)) {
            finished.push_back(OutcomeOf(import_job_->Report()));
            import_job_.reset();
            if (import_queue_.empty() && std::exchange(reopen_after_import_, false)) OpenStore();
        } else if (import_job_->Committing()) {
            // One stage of writing the segment per frame, each from the start of its frame.
            break;
        }
    } while ((import_job_ || !import_queue_.empty()) && services_.now_ms() < deadline_ms);
    return true;
}

std::optional<ui::ImportProgress> OfficerWorkspace::ImportProgress() const {
    if (!import_job_ && import_queue_.empty()) return std::nullopt;
    ui::ImportProgress progress;
    progress.file_count = import_files_total_;
    progress.file_number = import_job_ ? import_files_started_ : import_files_started_ + 1;
    progress.file_name = import_job_ ? import_job_->FileName() : import_queue_.front().name;
    progress.fraction = import_job_ ? import_job_->Progress() : 0.0;
    progress.opening_sealed = import_job_ && import_job_->OpeningSealed();
    return progress;
}

std::vector<std::string> OfficerWorkspace::Holdings() const {
    std::vector<std::string> lines;
    if (!store_) return lines;
    for (const HeldSurvey& held : store_->Surveys()) {
        for (const ui::WaveCounts& wave : CountsByWave(held.encoded)) {
            lines.push_back(held.encoded.survey().title.English() + ", wave " + wave.wave + ": " +
                            ui::CountText(wave.complete) + " complete, " + ui::CountText(wave.partial) + " partial, " +
                            ui::CountText(wave.refused) + " said no.");
        }
    }
    if (store_->SealedResponses() > 0) {
        lines.push_back(ui::CountText(store_->SealedResponses()) +
                        " responses are sealed: unlock an officer key in the workspace to see their figures.");
    }
    return lines;
}

void OfficerWorkspace::ClearStore() {
    import_queue_.clear();
    import_job_.reset();
    opening_.reset();
    sealed_.opening.reset();
    if (store_) {
        const Status cleared = store_->Clear();
        store_problems_.clear();
        if (!cleared.ok()) store_problems_.push_back(Problem::Saying("The officer store was not cleared: " + cleared.Message()));
    }
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
    // The officer's theme tags and action list are the officer's files too: clearing
    // everything removes them.
    std::filesystem::remove(ThemesPath(), ignored);
    std::filesystem::remove(paths_.actions, ignored);
    LoadThemes();
    actions_.Load();
    // The kept settings went with the folder: the figures go back to the defaults too.
    saved_memory_json_.clear();
    LoadKeptSettings();
    LoadSideFiles();
    ++inputs_generation_;
}

const Survey* OfficerWorkspace::CurrentSurvey() const {
    const auto found = surveys_.find(choices_.survey_id);
    return found == surveys_.end() ? nullptr : &found->second;
}

void OfficerWorkspace::SetChoices(const ui::WorkspaceChoices& choices) {
    const bool new_survey = choices.survey_id != choices_.survey_id;
    choices_ = choices;
    if (!new_survey) {
        SaveKeptSettings();
        return;
    }
    // Another survey has other dimensions, waves and files: its own settings, as kept.
    choices_.reported_wave.clear();
    choices_.shown_breakdown = 0;
    choices_.shown_group = 0;
    LoadSideFiles();
    LoadKeptSettings();
    SaveKeptSettings();  // the survey shown is remembered even if it gives no figures yet
    ++inputs_generation_;
}

void OfficerWorkspace::SetSettings(const ReportSettings& settings) {
    settings_ = settings;
    settings_problems_.clear();  // about the file read back, which these settings now replace
    ++inputs_generation_;
    SaveKeptSettings();
}

bool OfficerWorkspace::Refresh() {
    // A key made or unlocked (about a second of Argon2id), after a frame said so.
    if (keys_.Tick()) return true;
    // A backup or key file taken in (from the file picker, between frames) needs a frame to show it.
    if (std::exchange(file_taken_, false)) return true;
    if (!store_) return false;
    if (summarised_generation_ != store_->Generation() || summarised_survey_id_ != choices_.survey_id) SummariseStore();
    if (choices_.survey_id.empty() || CurrentSurvey() == nullptr) {
        if (surveys_held_.empty()) return false;
        ui::WorkspaceChoices first = choices_;
        first.survey_id = RememberedSurvey();
        SetChoices(first);
        SummariseStore();
    }
    const bool comments_changed = RefreshComments();
    if (tabulated_generation_ == inputs_generation_ && tabulated_store_generation_ == store_->Generation()) {
        return comments_changed;
    }
    Tabulate();
    return true;
}

const EncodedResponses* OfficerWorkspace::Encoded() const {
    const Survey* survey = CurrentSurvey();
    if (survey == nullptr || !store_) return nullptr;
    const HeldSurvey* held = store_->Find(survey->id, survey->version);
    return held == nullptr ? nullptr : &held->encoded;
}

// What report.html lists: the survey file, every imported file that held responses to the
// survey (once each, however often imported), and the population and KPI files.
std::vector<ReportInputFile> OfficerWorkspace::InputFiles() const {
    std::vector<ReportInputFile> files;
    const auto [survey_name, survey_sha] = services_.survey_file(choices_.survey_id);
    if (!survey_name.empty()) files.push_back({"survey", survey_name, survey_sha});
    for (const ImportedFile& imported : store_->Files()) {
        if (!imported.Holds(choices_.survey_id)) continue;
        const ReportInputFile file{"responses", imported.file_name, imported.sha256};
        const bool listed = std::any_of(files.begin(), files.end(), [&file](const ReportInputFile& other) {
            return other.name == file.name && other.sha256 == file.sha256;
        });
        if (!listed) files.push_back(file);
    }
    if (population_input_) files.push_back(*population_input_);
    if (kpi_input_) files.push_back(*kpi_input_);
    if (ThemeInput()) files.push_back(DescribeInputFile("themes", kThemeTagsFileName, ThemeTagsJson(themes_)));
    return files;
}

void OfficerWorkspace::Tabulate() {
    tabulated_generation_ = inputs_generation_;
    tabulated_store_generation_ = store_->Generation();
    report_.reset();
    file_names_.clear();
    problems_ = store_problems_;
    const Survey* survey = CurrentSurvey();
    std::size_t other_versions = 0;
    for (const HeldSurvey& held : store_->Surveys()) {
        if (survey != nullptr && held.encoded.survey().id == survey->id && held.encoded.survey().version != survey->version) {
            other_versions += held.encoded.RowCount();
        }
    }
    if (other_versions > 0) {
        problems_.push_back(Problem::Saying(std::to_string(other_versions) + " responses are for another version of " +
                                            survey->id + " and are not in these figures"));
    }
    const EncodedResponses* encoded = Encoded();
    if (encoded == nullptr || encoded->RowCount() == 0) return;
    ReportSettings settings = settings_;
    settings.input_files = InputFiles();
    const std::optional<CommentThemeInput> themes = ThemeInput();
    Result<OfficerReport> produced = ProduceOfficerReport(*encoded, settings, population_ ? &*population_ : nullptr,
                                                          kpis_ ? &*kpis_ : nullptr, themes ? &*themes : nullptr);
    if (!produced.ok()) {
        problems_.insert(problems_.end(), produced.problems.begin(), produced.problems.end());
        return;
    }
    report_ = std::move(produced.value);
    themes_in_report_ = themes.has_value();
    ActionsChanged();
    if (pending_shown_) {
        ApplyShown(*pending_shown_);
        pending_shown_.reset();
    }
    const std::vector<std::string>& waves = report_->report.waves;
    if (std::find(waves.begin(), waves.end(), choices_.reported_wave) == waves.end()) choices_.reported_wave.clear();
    if (choices_.shown_breakdown >= report_->report.breakdowns.size()) choices_.shown_breakdown = 0;
    SaveKeptSettings();
}

// One pass over the store's columns, once per change of it or of the survey shown.
void OfficerWorkspace::SummariseStore() {
    surveys_held_.clear();
    for (const HeldSurvey& held : store_->Surveys()) {
        const auto found = surveys_.find(held.encoded.survey().id);
        if (found == surveys_.end() || held.encoded.RowCount() == 0) continue;
        if (std::find(surveys_held_.begin(), surveys_held_.end(), &found->second) == surveys_held_.end()) {
            surveys_held_.push_back(&found->second);
        }
    }
    // A survey held only sealed can be chosen too, and its population file loaded, so that its
    // return rates show before a key is unlocked.
    for (const SealedCount& count : store_->SealedCounts()) {
        const auto found = surveys_.find(count.group.survey_id);
        if (found == surveys_.end()) continue;
        if (std::find(surveys_held_.begin(), surveys_held_.end(), &found->second) == surveys_held_.end()) {
            surveys_held_.push_back(&found->second);
        }
    }
    held_ = {};
    if (const EncodedResponses* encoded = Encoded()) {
        held_.by_wave = CountsByWave(*encoded);
        std::set<std::pair<std::uint32_t, std::uint32_t>> place_codes;
        const std::vector<std::string>& stations = encoded->FieldValues(ResponseField::kStation);
        const std::vector<std::string>& events = encoded->FieldValues(ResponseField::kEvent);
        for (std::size_t row = 0; row < encoded->RowCount(); ++row) {
            place_codes.emplace(encoded->FieldCodes(ResponseField::kStation)[row],
                                encoded->FieldCodes(ResponseField::kEvent)[row]);
        }
        std::set<std::string> places;
        for (const auto& [station, event] : place_codes) {
            const std::string& station_id = stations[station].empty() ? std::string("(no station)") : stations[station];
            places.insert(events[event].empty() ? station_id : station_id + " at " + events[event]);
        }
        held_.places.assign(places.begin(), places.end());
    }
    for (const ImportedFile& file : store_->Files()) {
        if (!file.Holds(choices_.survey_id)) continue;
        held_.files.push_back({file.file_name,
                               platform::LocalDate(file.imported_at_ms) + " " + platform::LocalTimeOfDay(file.imported_at_ms),
                               file.AddedTo(choices_.survey_id), file.format});
    }
    SummariseSealed();
    summarised_generation_ = store_->Generation();
    summarised_survey_id_ = choices_.survey_id;
}

void OfficerWorkspace::SummariseSealed() {
    const std::optional<double> opening = sealed_.opening;
    sealed_ = {};
    sealed_.opening = opening;
    sealed_.responses = store_->SealedResponses();
    sealed_.keys_unlocked = !keys_.Ring().Empty();
    std::map<std::tuple<std::string, std::string, std::string>, ui::SealedSummary::Row> rows;
    for (const SealedCount& count : store_->SealedCounts()) {
        const ReadableGroup& group = count.group;
        const auto survey = surveys_.find(group.survey_id);
        const std::string title = survey != surveys_.end() ? survey->second.title.English() : group.survey_id;
        const std::string station = group.station_id.empty() ? std::string("(no station)") : group.station_id;
        const std::string place = group.event_id.empty() ? station : station + " at " + group.event_id;
        // The wave's total (place "": first in the map's order), then this station's row.
        for (const std::string& where : {std::string(), place}) {
            ui::SealedSummary::Row& row = rows[{title, group.wave, where}];
            row.survey_title = title;
            row.wave = group.wave;
            row.place = where;
            if (where.empty() && population_ && group.survey_id == choices_.survey_id) {
                row.invited = InvitedEveryone(*population_, group.wave);
            }
            switch (static_cast<ResponseStatus>(group.status)) {
                case ResponseStatus::kComplete: row.complete += count.responses; break;
                case ResponseStatus::kPartial: row.partial += count.responses; break;
                case ResponseStatus::kRefused: row.refused += count.responses; break;
            }
        }
    }
    for (auto& [key, row] : rows) sealed_.rows.push_back(std::move(row));
    for (const Problem& problem : store_->Unopened()) sealed_.unopened.push_back(problem.ToString());
}

std::string OfficerWorkspace::SideFolder(SideFileKind kind) const {
    return folder_ + "/" + choices_.survey_id + (kind == SideFileKind::kPopulation ? "/population" : "/kpis");
}

std::string OfficerWorkspace::KpiOverridesPath() const { return folder_ + "/" + choices_.survey_id + "/kpi_overrides.json"; }

std::string OfficerWorkspace::KeptSettingsPath() const {
    return folder_ + "/" + choices_.survey_id + "/" + kReportSettingsFileName;
}

// The survey's settings as the officer left them; defaults when there are none, or when the
// file cannot be used (the problem is on the Settings view, and the next change replaces it).
void OfficerWorkspace::LoadKeptSettings() {
    settings_ = ReportSettings{};
    settings_problems_.clear();
    pending_shown_.reset();
    saved_settings_json_.clear();
    const Survey* survey = CurrentSurvey();
    if (survey == nullptr || !std::filesystem::exists(KeptSettingsPath())) return;
    ui::SideFileState state;
    std::optional<KeptReportSettings> kept = LoadSideFile<KeptReportSettings>(
        KeptSettingsPath(), state, [](const std::string& bytes, const std::string& name) {
            return ParseReportSettingsJson(bytes, name);
        });
    settings_problems_ = std::move(state.problems);
    if (!kept) {
        settings_problems_.push_back(Problem::Saying("The figures use the default settings instead."));
        saved_settings_json_ = ReportSettingsJson({});
        return;
    }
    const std::vector<Problem> dropped = DropUnknownBreakdowns(kept->settings, *survey, state.file_name);
    settings_problems_.insert(settings_problems_.end(), dropped.begin(), dropped.end());
    settings_ = std::move(kept->settings);
    pending_shown_ = std::move(kept->shown);
    // As read, less what was dropped: rewritten only once the officer changes something.
    saved_settings_json_ = ReportSettingsJson({settings_, *pending_shown_});
}

// What is on screen, by name, for the kept file.
ShownFigures OfficerWorkspace::ShownNow() const {
    if (pending_shown_) return *pending_shown_;
    ShownFigures shown;
    shown.reported_wave = choices_.reported_wave;
    shown.order = kSatisfactionOrderNames[static_cast<std::size_t>(choices_.order)];
    if (!report_) return shown;
    const std::vector<ReportBreakdown>& breakdowns = report_->report.breakdowns;
    if (choices_.shown_breakdown == 0 || choices_.shown_breakdown >= breakdowns.size()) return shown;
    const ReportBreakdown& breakdown = breakdowns[choices_.shown_breakdown];
    shown.breakdown = breakdown.dimension;
    if (choices_.shown_group < breakdown.groups.size()) shown.group = breakdown.groups[choices_.shown_group];
    return shown;
}

// The figures shown as kept, found by name in the new report; what it no longer has stays
// at its default.
void OfficerWorkspace::ApplyShown(const ShownFigures& shown) {
    const AnalyticsReport& report = report_->report;
    choices_.reported_wave = shown.reported_wave;
    for (std::size_t order = 0; order < std::size(kSatisfactionOrderNames); ++order) {
        if (shown.order == kSatisfactionOrderNames[order]) choices_.order = static_cast<ui::SatisfactionOrder>(order);
    }
    const std::optional<std::uint32_t> breakdown = shown.breakdown.empty() ? std::nullopt : report.FindBreakdown(shown.breakdown);
    if (!breakdown) return;
    choices_.shown_breakdown = *breakdown;
    choices_.shown_group = report.FindGroup(*breakdown, shown.group).value_or(0);
}

// Writes each kept file when what it would hold has changed, replaced in one step. A file
// that could not be read stays as it was until the officer changes something: one from a
// newer Yousaid is not overwritten just by looking.
void OfficerWorkspace::SaveKeptSettings() {
    if (CurrentSurvey() == nullptr) return;
    const std::string settings_json = ReportSettingsJson({settings_, ShownNow()});
    const std::string memory_json = WorkspaceMemoryJson(choices_.survey_id);
    if (settings_json == saved_settings_json_ && memory_json == saved_memory_json_) return;
    std::error_code ignored;
    std::filesystem::create_directories(folder_ + "/" + choices_.survey_id, ignored);
    Status saved = Succeeded();
    if (settings_json != saved_settings_json_) saved = ReplaceSettingsFile(KeptSettingsPath(), settings_json);
    if (saved.ok() && memory_json != saved_memory_json_) saved = ReplaceSettingsFile(MemoryPath(), memory_json);
    if (!saved.ok()) {
        settings_problems_ = {Problem::Saying("The settings were not kept on this device: " + saved.Message())};
        return;
    }
    saved_settings_json_ = settings_json;
    saved_memory_json_ = memory_json;
    services_.sync();
}

// The survey last shown, if the store still holds it; otherwise the first it holds.
std::string OfficerWorkspace::RememberedSurvey() {
    if (std::filesystem::exists(MemoryPath())) {
        ui::SideFileState state;
        const std::optional<std::string> remembered = LoadSideFile<std::string>(
            MemoryPath(), state, [](const std::string& bytes, const std::string& name) {
                return ParseWorkspaceMemoryJson(bytes, name);
            });
        if (remembered) saved_memory_json_ = WorkspaceMemoryJson(*remembered);
        for (const Survey* survey : surveys_held_) {
            if (remembered && survey->id == *remembered) return survey->id;
        }
    }
    return surveys_held_.front()->id;
}

void OfficerWorkspace::LoadSideFiles() {
    population_.reset();
    kpis_.reset();
    kpi_overrides_.clear();
    population_state_ = {};
    kpi_state_ = {};
    population_input_.reset();
    kpi_input_.reset();
    const Survey* survey = CurrentSurvey();
    if (survey == nullptr) return;
    if (const auto path = KeptFileIn(SideFolder(SideFileKind::kPopulation))) {
        population_ = LoadSideFile<yousaid::Population>(*path, population_state_, [survey](const std::string& bytes, const std::string& name) {
            return ReadPopulationFile(bytes, name, *survey);
        }, &population_input_, "population");
    }
    if (const auto path = KeptFileIn(SideFolder(SideFileKind::kKpis))) {
        kpis_ = LoadSideFile<KpiFile>(*path, kpi_state_, [survey](const std::string& bytes, const std::string& name) {
            return ReadKpiFile(bytes, name, *survey);
        }, &kpi_input_, "kpis");
    }
    if (std::filesystem::exists(KpiOverridesPath())) {
        ui::SideFileState overrides_state;
        std::optional<std::vector<KpiOverride>> read = LoadSideFile<std::vector<KpiOverride>>(
            KpiOverridesPath(), overrides_state, [](const std::string& bytes, const std::string& name) {
                return ParseKpiOverridesJson(bytes, name);
            });
        kpi_state_.problems.insert(kpi_state_.problems.end(), overrides_state.problems.begin(), overrides_state.problems.end());
        if (read) kpi_overrides_ = std::move(*read);
    }
    if (kpis_) ApplyKpiOverrides(*kpis_, kpi_overrides_);
    summarised_generation_ = 0;  // the sealed answers' return rates use the population file
}

void OfficerWorkspace::ActionsChanged() {
    if (!report_) return;
    AddActionKpi(*report_, actions_.ActionItems());
    file_names_ = report_->FileNames();
    // The tags the theme table was counted from, so that the CLI's --themes can count them too.
    if (themes_in_report_) file_names_.push_back(kThemeTagsFileName);
    for (const std::string& name : ActionFileNames(actions_.ActionItems(), *report_)) file_names_.push_back(name);
}

void OfficerWorkspace::AcceptSideFile(SideFileKind kind, const std::string& name, const std::string& bytes) {
    if (kind == SideFileKind::kActions) {
        actions_.MergeBackup(name, bytes);
        file_taken_ = true;
        return;
    }
    if (kind == SideFileKind::kOfficerKey) {
        keys_.AcceptKeyFile(name, bytes);
        file_taken_ = true;
        return;
    }
    const Survey* survey = CurrentSurvey();
    if (survey == nullptr) return;
    ui::SideFileState& state = kind == SideFileKind::kPopulation ? population_state_ : kpi_state_;
    const std::vector<Problem> problems = kind == SideFileKind::kPopulation
                                              ? ReadPopulationFile(bytes, name, *survey).problems
                                              : ReadKpiFile(bytes, name, *survey).problems;
    if (!problems.empty()) {
        // The file held so far stays in use: a bad file never replaces a good one.
        state.problems = problems;
        return;
    }
    // The folder holds one file, under the name the officer knows it by; the old one goes
    // only once the new one is safely written.
    const std::filesystem::path folder = SideFolder(kind);
    const std::filesystem::path kept = folder / std::filesystem::path(name).filename();
    const std::optional<std::filesystem::path> old = KeptFileIn(folder);
    std::error_code ignored;
    std::filesystem::create_directories(folder, ignored);
    const Status saved = ReplaceSettingsFile(kept.string(), bytes);
    if (!saved.ok()) {
        state.problems = {Problem::Saying(name + " was not kept on this device: " + saved.Message())};
        return;
    }
    if (old && *old != kept) std::filesystem::remove(*old, ignored);
    services_.sync();
    LoadSideFiles();
    ++inputs_generation_;
}

void OfficerWorkspace::SetKpiOverride(const std::string& kpi, std::optional<KpiStatus> status, const std::string& note) {
    std::vector<KpiOverride> overrides = kpi_overrides_;
    overrides.erase(std::remove_if(overrides.begin(), overrides.end(),
                                   [&kpi](const KpiOverride& entry) { return entry.kpi == kpi; }),
                    overrides.end());
    if (status) overrides.push_back({kpi, *status, note});
    std::error_code ignored;
    std::filesystem::create_directories(folder_ + "/" + choices_.survey_id, ignored);
    const Status saved = ReplaceSettingsFile(KpiOverridesPath(), KpiOverridesJson(overrides));
    if (!saved.ok()) {
        kpi_state_.problems.push_back(Problem::Saying("the override was not saved: " + saved.Message()));
        return;
    }
    services_.sync();
    LoadSideFiles();
    ++inputs_generation_;
}

void OfficerWorkspace::RemoveSideFile(SideFileKind kind) {
    std::error_code ignored;
    std::filesystem::remove_all(SideFolder(kind), ignored);
    services_.sync();
    LoadSideFiles();
    ++inputs_generation_;
}

void OfficerWorkspace::Download(const std::string& file_name) {
    if (!report_) return;
    std::optional<ReportFile> file = file_name == kThemeTagsFileName
                                               ? std::optional<ReportFile>(ReportFile{file_name, ThemeTagsJson(themes_)})
                                               : report_->File(file_name);
    if (!file) file = ActionFile(actions_.ActionItems(), *report_, file_name);
    if (!file) return;
    const platform::DownloadOutcome outcome = platform::OfferDownload(file->name, file->bytes, MimeTypeOf(file->name));
    download_notice_ = outcome == platform::DownloadOutcome::kUnavailable
                           ? "This browser cannot save files. Try another browser."
                           : "Saved " + file->name + " (" + std::to_string(file->bytes.size()) + " bytes).";
}

// The items chosen for this survey's tablets (not dropped), done ones first (they show what
// changed), then in the list's order; at most as many as a tablet shows.
std::vector<StationCard> OfficerWorkspace::StationPackCards() const {
    const Survey* survey = CurrentSurvey();
    if (survey == nullptr) return {};
    std::vector<const ActionItem*> items = actions_.ActionItems().ForStation(survey->id);
    std::stable_partition(items.begin(), items.end(),
                          [](const ActionItem* item) { return item->status == ActionStatus::kDone; });
    std::vector<StationCard> cards;
    for (const ActionItem* item : items) {
        if (cards.size() == kMaxStationCards) break;
        // A card needs both halves in English: "You told us ..." and "so we ...".
        if (TrimSpaces(item->you_said.English()).empty() || TrimSpaces(item->ActionText().English()).empty()) continue;
        cards.push_back(StationCard{item->id, item->you_said, item->ActionText()});
    }
    return cards;
}

// The pack is read back as a tablet will read it before it is offered: a pack a volunteer's
// tablet would refuse is never handed out.
void OfficerWorkspace::DownloadStationPack(const ui::StationPackForm& form) {
    const Survey* survey = CurrentSurvey();
    if (survey == nullptr) return;
    StationPack pack;
    pack.prepared_by = std::string(TrimSpaces(form.prepared_by));
    pack.prepared_on = platform::LocalDate(services_.now_ms());
    pack.survey_text = services_.survey_text(survey->id);
    pack.defaults.wave = std::string(TrimSpaces(form.wave));
    pack.defaults.default_language = form.language;
    pack.cards = StationPackCards();
    pack.public_keys = keys_.PackKeys();
    const std::string json = StationPackJson(pack);
    const Result<StationPack> checked = ReadStationPack(json, "the station pack");
    if (!checked.ok()) {
        download_notice_ = "The station pack was not made:";
        for (const Problem& problem : checked.problems) download_notice_ += "\n" + problem.path + ": " + problem.message;
        return;
    }
    const std::string name = StationPackFileName(*checked.value);
    const platform::DownloadOutcome outcome = platform::OfferDownload(name, json, "application/json");
    download_notice_ = outcome == platform::DownloadOutcome::kUnavailable
                           ? "This browser cannot save files. Try another browser."
                           : "Saved " + name + " (" + std::to_string(json.size()) + " bytes): \"" +
                                 survey->title.English() + "\", wave " + pack.defaults.wave + ", " +
                                 std::to_string(pack.cards.size()) + " cards, " +
                                 std::to_string(pack.public_keys.keys.size()) +
                                 (pack.public_keys.keys.size() == 1 ? " key." : " keys.");
}

std::vector<std::string> OfficerWorkspace::StationPackKeys() const {
    std::vector<std::string> lines;
    for (const PublicKeyFile& key : keys_.PackKeys().keys) lines.push_back(KeyInWords(key));
    return lines;
}

}  // namespace yousaid::app
