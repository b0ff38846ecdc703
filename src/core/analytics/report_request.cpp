#include "core/analytics/report_request.h"

#include <utility>

#include "core/analytics/report_html.h"
#include "core/base/text.h"
#include "core/crypto/sha256.h"

namespace yousaid {

namespace {

std::string KnownDimensionsText(const Survey& survey) {
    std::string known;
    for (const std::string& candidate : KnownDimensionNames(survey)) known += (known.empty() ? "" : ", ") + candidate;
    return known;
}

// A file's problems, or, once it parses, the survey's objections to it.
template <typename File, typename Check>
Result<File> CheckedAgainstSurvey(Result<File> read, Check check) {
    if (!read.ok()) return read;
    std::vector<Problem> problems = check(*read.value);
    if (!problems.empty()) return Result<File>::Failure(std::move(problems));
    return read;
}

}  // namespace

Result<AnalyticsOptions> ResolveReportSettings(const ReportSettings& settings, const Survey& survey,
                                               const KpiFile* kpis) {
    AnalyticsOptions options;
    if (settings.min_cell) options.min_cell = *settings.min_cell;
    options.include_dont_know = settings.include_dont_know;
    options.baseline_wave = settings.baseline_wave;
    std::vector<Problem> problems;
    for (const std::string& text : settings.breakdowns) {
        const Breakdown breakdown = ParseBreakdown(text);
        if (breakdown.dimensions.empty()) {
            problems.push_back(Problem::Saying("--by needs a dimension name"));
            continue;
        }
        for (const std::string& name : breakdown.dimensions) {
            if (ResolveDimension(survey, name)) continue;
            problems.push_back(Problem::Saying("--by: unknown dimension " + Quoted(name) + " for survey " +
                                              Quoted(survey.id) + " (known: " + KnownDimensionsText(survey) + ")"));
        }
        options.breakdowns.push_back(breakdown);
    }
    if (!problems.empty()) return Result<AnalyticsOptions>::Failure(std::move(problems));
    if (kpis != nullptr) {
        for (const Breakdown& needed : BreakdownsNeededByKpis(*kpis)) options.breakdowns.push_back(needed);
    }
    return Result<AnalyticsOptions>::Success(std::move(options));
}

ReportInputFile DescribeInputFile(std::string role, std::string name, std::string_view bytes) {
    return {std::move(role), std::move(name), Sha256Hex(ComputeSha256(bytes))};
}

std::vector<ReportFile> OfficerReport::Files() const {
    std::vector<ReportFile> files = BuildReportFiles(report, kpis ? &*kpis : nullptr);
    files.push_back({kReportHtmlName, ReportHtml(*this)});
    return files;
}

std::vector<std::string> OfficerReport::FileNames() const {
    std::vector<std::string> names = ReportFileNames(report, kpis ? &*kpis : nullptr);
    names.push_back(kReportHtmlName);
    return names;
}

std::optional<ReportFile> OfficerReport::File(const std::string& name) const {
    if (name == kReportHtmlName) return ReportFile{name, ReportHtml(*this)};
    return BuildReportFile(report, kpis ? &*kpis : nullptr, name);
}

Result<OfficerReport> ProduceOfficerReport(const EncodedResponses& responses, const ReportSettings& settings,
                                           const Population* population, const KpiFile* kpis,
                                           const CommentThemeInput* themes) {
    Result<AnalyticsOptions> options = ResolveReportSettings(settings, responses.survey(), kpis);
    if (!options.ok()) return Result<OfficerReport>::Failure(std::move(options.problems));
    Result<AnalyticsReport> tabulated = TabulateReport(responses, *options.value, population, themes);
    if (!tabulated.ok()) return Result<OfficerReport>::Failure(std::move(tabulated.problems));
    OfficerReport produced;
    produced.report = std::move(*tabulated.value);
    produced.survey = responses.survey();
    produced.settings = settings;
    if (kpis != nullptr) produced.kpis = AssessKpis(produced.report, responses.survey(), *kpis);
    return Result<OfficerReport>::Success(std::move(produced));
}

std::optional<std::uint32_t> OverallSatisfactionQuestion(const AnalyticsReport& report, const Survey& survey) {
    for (std::uint32_t question = 0; question < report.satisfaction_questions.size(); ++question) {
        if (survey.questions[report.satisfaction_questions[question]].theme == "overall") return question;
    }
    return std::nullopt;
}

Result<Population> ReadPopulationFile(std::string_view bytes, const std::string& file_name, const Survey& survey) {
    return CheckedAgainstSurvey(ParsePopulationCsv(bytes, file_name),
                                [&](const Population& population) { return CheckPopulation(population, survey); });
}

Result<KpiFile> ReadKpiFile(std::string_view bytes, const std::string& file_name, const Survey& survey) {
    return CheckedAgainstSurvey(ParseKpiCsv(bytes, file_name),
                                [&](const KpiFile& file) { return CheckKpis(file, survey); });
}

}  // namespace yousaid
