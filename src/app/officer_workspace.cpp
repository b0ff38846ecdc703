#include "app/officer_workspace.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <utility>

#include "core/station/settings_file.h"
#include "platform/file_exchange.h"

namespace yousaid::app {

namespace {

std::string ReadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The one file kept in a side folder, if any.
std::optional<std::filesystem::path> OnlyFileIn(const std::string& folder) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
        if (entry.is_regular_file()) return entry.path();
    }
    return std::nullopt;
}

const char* MimeTypeOf(const std::string& file_name) {
    return file_name.size() > 4 && file_name.compare(file_name.size() - 4, 4, ".csv") == 0 ? "text/csv"
                                                                                          : "application/json";
}

}  // namespace

OfficerWorkspace::OfficerWorkspace(const std::map<std::string, Survey>& surveys, const ResponseStore& store,
                                   std::string folder, WorkspaceServices services)
    : surveys_(surveys), store_(store), folder_(std::move(folder)), services_(std::move(services)) {}

std::unique_ptr<WorkspaceFeature> MakeWorkspaceFeature(const std::map<std::string, Survey>& surveys,
                                                       const ResponseStore& store, std::string folder,
                                                       WorkspaceServices services) {
    return std::make_unique<OfficerWorkspace>(surveys, store, std::move(folder), std::move(services));
}

std::vector<const Survey*> OfficerWorkspace::SurveysHeld() const {
    std::set<std::string> ids;
    for (const Response& response : store_.Responses()) ids.insert(response.survey_id);
    std::vector<const Survey*> held;
    for (const std::string& id : ids) {
        const auto found = surveys_.find(id);
        if (found != surveys_.end()) held.push_back(&found->second);
    }
    return held;
}

const Survey* OfficerWorkspace::CurrentSurvey() const {
    const auto found = surveys_.find(choices_.survey_id);
    return found == surveys_.end() ? nullptr : &found->second;
}

void OfficerWorkspace::SetChoices(const ui::WorkspaceChoices& choices) {
    const bool new_survey = choices.survey_id != choices_.survey_id;
    choices_ = choices;
    if (!new_survey) return;
    // Another survey has other dimensions, waves and files: its settings start afresh.
    settings_ = ReportSettings{};
    choices_.reported_wave.clear();
    choices_.shown_breakdown = 0;
    choices_.shown_group = 0;
    LoadSideFiles();
    ++inputs_generation_;
}

void OfficerWorkspace::SetSettings(const ReportSettings& settings) {
    settings_ = settings;
    ++inputs_generation_;
}

bool OfficerWorkspace::Refresh() {
    if (choices_.survey_id.empty() || CurrentSurvey() == nullptr) {
        const std::vector<const Survey*> held = SurveysHeld();
        if (held.empty()) return false;
        ui::WorkspaceChoices first = choices_;
        first.survey_id = held.front()->id;
        SetChoices(first);
    }
    if (encoded_generation_ != store_generation_ || encoded_survey_id_ != choices_.survey_id) {
        EncodeStore();
        tabulated_generation_ = 0;
    }
    if (tabulated_generation_ == inputs_generation_) return false;
    Tabulate();
    return true;
}

// Every response of the survey's current version, encoded once per change of the store.
void OfficerWorkspace::EncodeStore() {
    const Survey& survey = *CurrentSurvey();
    encoded_.emplace(survey);
    encode_problems_.clear();
    std::size_t other_versions = 0;
    for (const Response& response : store_.Responses()) {
        if (response.survey_id != survey.id) continue;
        if (response.survey_version != survey.version) {
            ++other_versions;
            continue;
        }
        if (std::optional<Problem> problem = encoded_->Add(response)) encode_problems_.push_back(std::move(*problem));
    }
    if (other_versions > 0) {
        encode_problems_.push_back(Problem::Saying(std::to_string(other_versions) + " responses are for another version of " +
                                                   survey.id + " and are not in these figures"));
    }
    encoded_generation_ = store_generation_;
    encoded_survey_id_ = survey.id;
}

void OfficerWorkspace::Tabulate() {
    tabulated_generation_ = inputs_generation_;
    report_.reset();
    file_names_.clear();
    problems_ = encode_problems_;
    if (!encoded_ || encoded_->RowCount() == 0) return;
    Result<OfficerReport> produced = ProduceOfficerReport(*encoded_, settings_, population_ ? &*population_ : nullptr,
                                                          kpis_ ? &*kpis_ : nullptr);
    if (!produced.ok()) {
        problems_.insert(problems_.end(), produced.problems.begin(), produced.problems.end());
        return;
    }
    report_ = std::move(produced.value);
    file_names_ = report_->FileNames();
    const std::vector<std::string>& waves = report_->report.waves;
    if (std::find(waves.begin(), waves.end(), choices_.reported_wave) == waves.end()) choices_.reported_wave.clear();
    if (choices_.shown_breakdown >= report_->report.breakdowns.size()) choices_.shown_breakdown = 0;
}

std::vector<ui::WaveCounts> OfficerWorkspace::HeldByWave() const {
    std::map<std::string, ui::WaveCounts> by_wave;
    for (const Response& response : store_.Responses()) {
        if (response.survey_id != choices_.survey_id) continue;
        ui::WaveCounts& counts = by_wave[response.wave];
        counts.wave = response.wave;
        counts.complete += response.status == ResponseStatus::kComplete;
        counts.partial += response.status == ResponseStatus::kPartial;
        counts.refused += response.status == ResponseStatus::kRefused;
    }
    std::vector<ui::WaveCounts> waves;
    for (auto& [wave, counts] : by_wave) waves.push_back(counts);
    std::sort(waves.begin(), waves.end(),
              [](const ui::WaveCounts& a, const ui::WaveCounts& b) { return NaturalLess(a.wave, b.wave); });
    return waves;
}

std::vector<std::string> OfficerWorkspace::StationsAndEvents() const {
    std::set<std::string> places;
    for (const Response& response : store_.Responses()) {
        if (response.survey_id != choices_.survey_id) continue;
        places.insert(response.event_id.empty() ? response.station_id : response.station_id + " at " + response.event_id);
    }
    return std::vector<std::string>(places.begin(), places.end());
}

std::string OfficerWorkspace::SideFolder(SideFileKind kind) const {
    return folder_ + "/" + choices_.survey_id + (kind == SideFileKind::kPopulation ? "/population" : "/kpis");
}

std::string OfficerWorkspace::KpiOverridesPath() const { return folder_ + "/" + choices_.survey_id + "/kpi_overrides.json"; }

void OfficerWorkspace::LoadSideFiles() {
    population_.reset();
    kpis_.reset();
    kpi_overrides_.clear();
    population_state_ = {};
    kpi_state_ = {};
    const Survey* survey = CurrentSurvey();
    if (survey == nullptr) return;
    if (const auto path = OnlyFileIn(SideFolder(SideFileKind::kPopulation))) {
        Result<yousaid::Population> read = ReadPopulationFile(ReadFile(*path), path->filename().string(), *survey);
        population_state_ = {path->filename().string(), read.problems};
        population_ = std::move(read.value);
    }
    if (const auto path = OnlyFileIn(SideFolder(SideFileKind::kKpis))) {
        Result<KpiFile> read = ReadKpiFile(ReadFile(*path), path->filename().string(), *survey);
        kpi_state_ = {path->filename().string(), read.problems};
        kpis_ = std::move(read.value);
    }
    if (std::filesystem::exists(KpiOverridesPath())) {
        Result<std::vector<KpiOverride>> read = ParseKpiOverridesJson(ReadFile(KpiOverridesPath()), "kpi_overrides.json");
        kpi_state_.problems.insert(kpi_state_.problems.end(), read.problems.begin(), read.problems.end());
        if (read.ok()) kpi_overrides_ = std::move(*read.value);
    }
    if (kpis_) ApplyKpiOverrides(*kpis_, kpi_overrides_);
}

void OfficerWorkspace::AcceptSideFile(SideFileKind kind, const std::string& name, const std::string& bytes) {
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
    const std::filesystem::path folder = SideFolder(kind);
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
    std::filesystem::create_directories(folder, ignored);
    std::ofstream(folder / std::filesystem::path(name).filename(), std::ios::binary | std::ios::trunc) << bytes;
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

void OfficerWorkspace::ForgetSideFiles() {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
    LoadSideFiles();
    ++inputs_generation_;
}

void OfficerWorkspace::Download(const std::string& file_name) {
    if (!report_) return;
    const std::optional<ReportFile> file = report_->File(file_name);
    if (!file) return;
    const platform::DownloadOutcome outcome = platform::OfferDownload(file->name, file->bytes, MimeTypeOf(file->name));
    download_notice_ = outcome == platform::DownloadOutcome::kUnavailable
                           ? "This browser cannot save files. Try another browser."
                           : "Saved " + file->name + " (" + std::to_string(file->bytes.size()) + " bytes).";
}

}  // namespace yousaid::app
