#pragma once
// The officer's report for the README's demo command, as yousaid_report makes it:
//   yousaid_report --survey assets/surveys/pupil.json --responses assets/demo/pupil_responses_2024.csv
//     assets/demo/pupil_responses_2025.csv --population assets/demo/population.csv
//     --kpis assets/demo/kpis.csv --by school --by year_group --by send_status --by school,year_group
// with the same input files listed (so report.html is byte-identical too). Built once per test run.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/analytics/report_request.h"
#include "core/base/file_io.h"
#include "core/responses/response_set.h"
#include "core/storage/response_import.h"
#include "core/survey/survey_loader.h"

namespace demo_report {

inline std::string ReadDemoFile(const std::string& relative_path) {
    const yousaid::FileReadResult read =
        yousaid::ReadWholeFile(std::string(YOUSAID_SOURCE_DIR) + "/" + relative_path, std::uint64_t{1} << 26);
    if (read.outcome != yousaid::FileReadOutcome::kRead) throw std::runtime_error(relative_path + ": " + read.error);
    return read.bytes;
}

inline yousaid::OfficerReport BuildDemoOfficerReport() {
    const std::string survey_path = "assets/surveys/pupil.json";
    const std::vector<std::string> response_paths = {"assets/demo/pupil_responses_2024.csv",
                                                     "assets/demo/pupil_responses_2025.csv"};
    const auto survey_load = yousaid::SurveyLoader::LoadFromFile(std::string(YOUSAID_SOURCE_DIR) + "/" + survey_path);
    if (!survey_load.Ok()) throw std::runtime_error(survey_load.ProblemsText());
    const yousaid::Survey& survey = *survey_load.survey;
    yousaid::ReportSettings settings;
    settings.breakdowns = {"school", "year_group", "send_status", "school,year_group"};
    settings.input_files.push_back(yousaid::DescribeInputFile("survey", "pupil.json", ReadDemoFile(survey_path)));
    yousaid::ResponseSet merged;
    for (const std::string& path : response_paths) {
        const yousaid::LoadedResponses loaded = yousaid::LoadResponsesFromFile(std::string(YOUSAID_SOURCE_DIR) + "/" + path, survey);
        if (!loaded.ok()) throw std::runtime_error(path + ": not loaded");
        for (const yousaid::Response& response : loaded.responses) merged.Offer(response);
        settings.input_files.push_back(
            yousaid::DescribeInputFile("responses", path.substr(path.rfind('/') + 1), ReadDemoFile(path)));
    }
    const std::string population_bytes = ReadDemoFile("assets/demo/population.csv");
    const std::string kpi_bytes = ReadDemoFile("assets/demo/kpis.csv");
    settings.input_files.push_back(yousaid::DescribeInputFile("population", "population.csv", population_bytes));
    settings.input_files.push_back(yousaid::DescribeInputFile("kpis", "kpis.csv", kpi_bytes));
    const auto population = yousaid::ReadPopulationFile(population_bytes, "population.csv", survey);
    const auto kpis = yousaid::ReadKpiFile(kpi_bytes, "kpis.csv", survey);
    if (!population.ok() || !kpis.ok()) throw std::runtime_error("demo population or KPI file not loaded");
    const auto encoded = yousaid::EncodedResponses::FromResponses(survey, merged.All());
    if (!encoded.ok()) throw std::runtime_error(yousaid::DescribeProblems(encoded.problems));
    auto produced = yousaid::ProduceOfficerReport(*encoded.value, settings, &*population.value, &*kpis.value);
    if (!produced.ok()) throw std::runtime_error(yousaid::DescribeProblems(produced.problems));
    return std::move(*produced.value);
}

inline const yousaid::OfficerReport& DemoOfficerReport() {
    static const yousaid::OfficerReport report = BuildDemoOfficerReport();
    return report;
}

}  // namespace demo_report
