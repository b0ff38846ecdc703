#include "core/analytics/report_writer.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/io/csv.h"
#include "core/io/json_document.h"

namespace yousaid {

namespace {

// The last bits of log, exp and lgamma differ between glibc (native) and musl (WebAssembly);
// at 12 digits both builds write the same bytes, and 12 digits are more than any reader needs.
constexpr int kReportSignificantDigits = 12;

}  // namespace

double ReportFigure(double value) {
    if (!std::isfinite(value) || value == std::floor(value)) return value;  // integers stay integers
    char digits[40];
    std::snprintf(digits, sizeof digits, "%.*g", kReportSignificantDigits, value);
    return std::strtod(digits, nullptr);
}

namespace {

CsvCell CsvOf(const ReportCell& cell) {
    switch (cell.kind) {
        case ReportCell::Kind::kText:
            return CsvCell::Text(cell.text);
        case ReportCell::Kind::kInteger:
            return CsvCell::Integer(cell.integer);
        case ReportCell::Kind::kNumber:
            return CsvCell::Number(ReportFigure(cell.number));
        case ReportCell::Kind::kFlag:
            return CsvCell::Integer(cell.flag ? 1 : 0);
        case ReportCell::Kind::kEmpty:
        case ReportCell::Kind::kList:  // JSON-only columns hold lists
            break;
    }
    return CsvCell::Empty();
}

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void Key(JsonWriter& json, const std::string& name) {
    json.Key(name.c_str(), static_cast<rapidjson::SizeType>(name.size()));
}
void String(JsonWriter& json, const std::string& text) {
    json.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
}
void StringOrNull(JsonWriter& json, const std::string& text) {
    if (text.empty()) {
        json.Null();
    } else {
        String(json, text);
    }
}

void WriteCell(JsonWriter& json, const ReportCell& cell) {
    switch (cell.kind) {
        case ReportCell::Kind::kEmpty:
            json.Null();
            return;
        case ReportCell::Kind::kText:
            String(json, cell.text);
            return;
        case ReportCell::Kind::kInteger:
            json.Int64(cell.integer);
            return;
        case ReportCell::Kind::kNumber:
            json.Double(ReportFigure(cell.number));
            return;
        case ReportCell::Kind::kFlag:
            json.Bool(cell.flag);
            return;
        case ReportCell::Kind::kList:
            json.StartArray();
            for (const std::vector<ReportCell>& record : cell.list) {
                json.StartObject();
                for (std::size_t field = 0; field < record.size(); ++field) {
                    Key(json, cell.list_fields[field]);
                    WriteCell(json, record[field]);
                }
                json.EndObject();
            }
            json.EndArray();
            return;
    }
}

// "name": [ {column: value, ...} per row ], columns that are for CSV only left out.
void WriteTable(JsonWriter& json, const ReportTable& table) {
    Key(json, table.name);
    json.StartArray();
    for (std::size_t row = 0; row < table.row_count; ++row) {
        json.StartObject();
        for (std::size_t column = 0; column < table.columns.size(); ++column) {
            if (table.columns[column].use == ColumnUse::kCsvOnly) continue;
            Key(json, table.columns[column].name);
            WriteCell(json, table.Cell(row, column));
        }
        json.EndObject();
    }
    json.EndArray();
}

void WriteSurveyAndOptions(JsonWriter& json, const AnalyticsReport& report) {
    Key(json, "survey");
    json.StartObject();
    Key(json, "id");
    String(json, report.survey_id);
    Key(json, "version");
    json.Int(report.survey_version);
    json.EndObject();

    Key(json, "options");
    json.StartObject();
    Key(json, "min_cell");
    json.Int64(report.options.min_cell);
    Key(json, "include_dont_know");
    json.Bool(report.options.include_dont_know);
    Key(json, "baseline_wave");
    if (report.baseline_wave) {
        String(json, report.waves[*report.baseline_wave]);
    } else {
        json.Null();
    }
    Key(json, "significance_level");
    json.Double(report.options.significance_level);
    json.EndObject();
}

void WriteWavesAndBreakdowns(JsonWriter& json, const AnalyticsReport& report) {
    Key(json, "waves");
    json.StartArray();
    for (std::size_t index = 0; index < report.waves.size(); ++index) {
        json.StartObject();
        Key(json, "wave");
        String(json, report.waves[index]);
        Key(json, "latest_submitted_date");
        StringOrNull(json, report.wave_latest_submitted_date[index]);
        json.EndObject();
    }
    json.EndArray();

    Key(json, "breakdowns");
    json.StartArray();
    for (const ReportBreakdown& breakdown : report.breakdowns) {
        json.StartObject();
        Key(json, "dimension");
        String(json, breakdown.dimension);
        for (const auto& [name, values] : {std::make_pair("fields", &breakdown.fields),
                                          std::make_pair("groups", &breakdown.groups)}) {
            Key(json, name);
            json.StartArray();
            for (const std::string& value : *values) String(json, value);
            json.EndArray();
        }
        json.EndObject();
    }
    json.EndArray();
}

// "suppression": {"return_rates": {"primary": n, "secondary": n, "audit": n}, ..., "total": {...}}
void WriteSuppressionTallies(JsonWriter& json, const AnalyticsReport& report) {
    Key(json, "suppression");
    json.StartObject();
    SuppressionTally total;
    std::vector<std::pair<const char*, const SuppressionTally*>> tables = {
        {"return_rates", &report.return_rates_hidden},
        {"satisfaction", &report.satisfaction_hidden},
        {"means", &report.means_hidden}};
    if (report.has_comment_themes) tables.emplace_back("comment_themes", &report.comment_themes_hidden);
    tables.emplace_back("total", &total);
    for (const auto& [name, tally] : tables) {
        if (tally != &total) {
            total.primary += tally->primary;
            total.secondary += tally->secondary;
            total.audit += tally->audit;
        }
        Key(json, name);
        json.StartObject();
        for (const auto& [rule, count] : {std::make_pair("primary", tally->primary),
                                          std::make_pair("secondary", tally->secondary),
                                          std::make_pair("audit", tally->audit)}) {
            Key(json, rule);
            json.Int64(count);
        }
        json.EndObject();
    }
    json.EndObject();
}

}  // namespace

std::string TableCsv(const ReportTable& table) {
    CsvWriter csv;
    std::vector<std::size_t> shown;
    std::vector<std::string> header;
    for (std::size_t column = 0; column < table.columns.size(); ++column) {
        if (table.columns[column].use == ColumnUse::kJsonOnly) continue;
        shown.push_back(column);
        header.push_back(table.columns[column].name);
    }
    csv.WriteTextRow(header);
    std::vector<CsvCell> cells;
    for (std::size_t row = 0; row < table.row_count; ++row) {
        cells.clear();
        for (const std::size_t column : shown) cells.push_back(CsvOf(table.Cell(row, column)));
        csv.WriteRow(cells);
    }
    return csv.TakeBytes();
}

std::string SummaryJson(const AnalyticsReport& report, const std::vector<KpiResult>* kpis) {
    rapidjson::StringBuffer buffer;
    JsonWriter json(buffer);
    json.StartObject();
    Key(json, "format");
    json.String("yousaid-report");
    Key(json, "format_version");
    json.Int(1);
    WriteSurveyAndOptions(json, report);
    WriteWavesAndBreakdowns(json, report);
    for (const ReportTable& table : ReportTables(report, kpis)) WriteTable(json, table);
    if (kpis == nullptr) {
        Key(json, "kpis");
        json.Null();
    }
    WriteSuppressionTallies(json, report);
    Key(json, "warnings");
    json.StartArray();
    for (const std::string& warning : report.warnings) String(json, warning);
    json.EndArray();
    json.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::vector<ReportFile> BuildReportFiles(const AnalyticsReport& report, const std::vector<KpiResult>* kpis) {
    std::vector<ReportFile> files;
    for (const ReportTable& table : ReportTables(report, kpis)) files.push_back({table.name + ".csv", TableCsv(table)});
    files.push_back({"summary.json", SummaryJson(report, kpis)});
    return files;
}

std::vector<std::string> ReportFileNames(const AnalyticsReport& report, const std::vector<KpiResult>* kpis) {
    std::vector<std::string> names;
    for (const ReportTable& table : ReportTables(report, kpis)) names.push_back(table.name + ".csv");
    names.push_back("summary.json");
    return names;
}

std::optional<ReportFile> BuildReportFile(const AnalyticsReport& report, const std::vector<KpiResult>* kpis,
                                          const std::string& name) {
    if (name == "summary.json") return ReportFile{name, SummaryJson(report, kpis)};
    for (const ReportTable& table : ReportTables(report, kpis)) {
        if (table.name + ".csv" == name) return ReportFile{name, TableCsv(table)};
    }
    return std::nullopt;
}

}  // namespace yousaid
