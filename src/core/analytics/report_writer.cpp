#include "core/analytics/report_writer.h"

#include "core/io/json_document.h"

#include "core/io/csv.h"

namespace yousaid {

namespace {

CsvCell Text(const std::string& text) { return CsvCell::Text(text); }
CsvCell Count(std::int64_t value) { return CsvCell::Integer(value); }
CsvCell Flag(bool value) { return CsvCell::Integer(value ? 1 : 0); }
CsvCell OptionalCount(const std::optional<std::int64_t>& value) {
    return value ? CsvCell::Integer(*value) : CsvCell::Empty();
}
// Counts of a suppressed row are written empty, not as the zeros the report holds.
CsvCell ShownCount(std::int64_t value, bool suppressed) {
    return suppressed ? CsvCell::Empty() : CsvCell::Integer(value);
}
CsvCell Low(const std::optional<Interval>& interval) {
    return interval ? CsvCell::Number(interval->low) : CsvCell::Empty();
}
CsvCell High(const std::optional<Interval>& interval) {
    return interval ? CsvCell::Number(interval->high) : CsvCell::Empty();
}

const std::string& GroupLabel(const AnalyticsReport& report, std::uint32_t breakdown, std::uint32_t group) {
    return report.breakdowns[breakdown].groups[group];
}

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void Key(JsonWriter& json, const char* name) { json.Key(name); }
void String(JsonWriter& json, const std::string& text) {
    json.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
}
void Number(JsonWriter& json, const std::optional<double>& value) {
    if (value) {
        json.Double(*value);
    } else {
        json.Null();
    }
}
void Integer(JsonWriter& json, const std::optional<std::int64_t>& value) {
    if (value) {
        json.Int64(*value);
    } else {
        json.Null();
    }
}
void ShownInteger(JsonWriter& json, std::int64_t value, bool suppressed) {
    if (suppressed) {
        json.Null();
    } else {
        json.Int64(value);
    }
}
void IntervalFields(JsonWriter& json, const std::optional<Interval>& interval, const char* low, const char* high) {
    Key(json, low);
    Number(json, interval ? std::optional<double>(interval->low) : std::nullopt);
    Key(json, high);
    Number(json, interval ? std::optional<double>(interval->high) : std::nullopt);
}

std::optional<double> FinalCheckpointTarget(const KpiResult& result) {
    if (!result.suggestion.checkpoint) return std::nullopt;
    return result.suggestion.checkpoint->target ? result.suggestion.checkpoint->target : result.definition.target;
}

}  // namespace

std::string ReturnRatesCsv(const AnalyticsReport& report) {
    CsvWriter csv;
    csv.WriteTextRow({"wave", "dimension", "group", "invited", "complete", "partial", "refused", "rr1", "rr2", "coop1",
                      "suppressed"});
    for (const ReturnRateRow& row : report.return_rates) {
        csv.WriteRow({Text(report.waves[row.wave]), Text(report.breakdowns[row.breakdown].dimension),
                      Text(GroupLabel(report, row.breakdown, row.group)), OptionalCount(row.invited),
                      ShownCount(row.complete, row.suppressed), ShownCount(row.partial, row.suppressed),
                      ShownCount(row.refused, row.suppressed), CsvCell::Number(row.rr1_percent),
                      CsvCell::Number(row.rr2_percent), CsvCell::Number(row.coop1_percent), Flag(row.suppressed)});
    }
    return csv.TakeBytes();
}

std::string SatisfactionCsv(const AnalyticsReport& report) {
    CsvWriter csv;
    csv.WriteTextRow({"wave", "dimension", "group", "question", "positive", "valid", "percent", "ci_low", "ci_high",
                      "suppressed"});
    for (const SatisfactionRow& row : report.satisfaction) {
        csv.WriteRow({Text(report.waves[row.wave]), Text(report.breakdowns[row.breakdown].dimension),
                      Text(GroupLabel(report, row.breakdown, row.group)),
                      Text(report.satisfaction_question_ids[row.question]), ShownCount(row.positive, row.suppressed),
                      ShownCount(row.valid, row.suppressed), CsvCell::Number(row.percent), Low(row.interval_percent),
                      High(row.interval_percent), Flag(row.suppressed)});
    }
    return csv.TakeBytes();
}

std::string MeansCsv(const AnalyticsReport& report) {
    CsvWriter csv;
    csv.WriteTextRow({"wave", "dimension", "group", "question", "n", "mean", "sd", "ci_low", "ci_high", "suppressed"});
    for (const MeanRow& row : report.means) {
        csv.WriteRow({Text(report.waves[row.wave]), Text(report.breakdowns[row.breakdown].dimension),
                      Text(GroupLabel(report, row.breakdown, row.group)), Text(report.mean_measures[row.measure].label),
                      ShownCount(row.summary.count, row.suppressed), CsvCell::Number(row.summary.mean),
                      CsvCell::Number(row.summary.standard_deviation), Low(row.summary.confidence_interval),
                      High(row.summary.confidence_interval), Flag(row.suppressed)});
    }
    return csv.TakeBytes();
}

std::string ChangeCsv(const AnalyticsReport& report) {
    CsvWriter csv;
    csv.WriteTextRow({"dimension", "group", "question", "baseline_wave", "wave", "baseline_percent", "percent",
                      "change_pp", "ci_low_pp", "ci_high_pp", "p_value", "verdict", "suppressed"});
    for (const ChangeRow& row : report.changes) {
        csv.WriteRow({Text(report.breakdowns[row.breakdown].dimension), Text(GroupLabel(report, row.breakdown, row.group)),
                      Text(report.satisfaction_question_ids[row.question]), Text(report.waves[row.baseline_wave]),
                      Text(report.waves[row.wave]), CsvCell::Number(row.baseline_percent), CsvCell::Number(row.percent),
                      CsvCell::Number(row.change_points), Low(row.interval_points), High(row.interval_points),
                      CsvCell::Number(row.p_value), Text(ChangeOutcomeName(row.outcome)), Flag(row.suppressed)});
    }
    return csv.TakeBytes();
}

std::string ChangeCountsCsv(const AnalyticsReport& report) {
    CsvWriter csv;
    csv.WriteTextRow({"dimension", "group", "baseline_wave", "wave", "improved", "no_significant_change", "worse",
                      "suppressed", "not_available"});
    for (const ChangeCountRow& row : report.change_counts) {
        csv.WriteRow({Text(report.breakdowns[row.breakdown].dimension), Text(GroupLabel(report, row.breakdown, row.group)),
                      Text(report.waves[row.baseline_wave]), Text(report.waves[row.wave]), Count(row.improved),
                      Count(row.no_significant_change), Count(row.worse), Count(row.suppressed),
                      Count(row.not_available)});
    }
    return csv.TakeBytes();
}

std::string KpisCsv(const AnalyticsReport& report, const std::vector<KpiResult>& kpis) {
    CsvWriter csv;
    csv.WriteTextRow({"kpi", "description", "statistic", "question", "theme", "dimension", "group", "direction",
                      "target", "wave", "measured_on", "value", "ci_low", "ci_high", "base", "baseline_wave",
                      "baseline_value", "checkpoint_date", "checkpoint_target", "suggested_status", "reason",
                      "status_override", "override_note", "status", "suppressed"});
    for (const KpiResult& result : kpis) {
        const KpiDefinition& kpi = result.definition;
        csv.WriteRow({Text(kpi.id), Text(kpi.description), Text(KpiStatisticName(kpi.statistic)), Text(kpi.question),
                      Text(kpi.theme), Text(kpi.dimension), Text(kpi.group), Text(KpiDirectionName(kpi.direction)),
                      CsvCell::Number(kpi.target), Text(result.wave ? report.waves[*result.wave] : kpi.wave),
                      Text(result.measured_on ? result.measured_on->ToIso() : std::string()),
                      CsvCell::Number(result.value), Low(result.interval), High(result.interval),
                      OptionalCount(result.base),
                      Text(kpi.baseline_value ? std::string("(given)")
                                              : (result.baseline_wave ? report.waves[*result.baseline_wave] : "")),
                      CsvCell::Number(result.baseline_value),
                      Text(result.suggestion.checkpoint ? result.suggestion.checkpoint->date.ToIso() : std::string()),
                      CsvCell::Number(FinalCheckpointTarget(result)), Text(KpiStatusName(result.suggestion.status)),
                      Text(result.suggestion.reason),
                      Text(kpi.status_override ? KpiStatusName(*kpi.status_override) : ""), Text(kpi.override_note),
                      Text(KpiStatusName(result.status)), Flag(result.suppressed)});
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

    Key(json, "waves");
    json.StartArray();
    for (std::size_t index = 0; index < report.waves.size(); ++index) {
        json.StartObject();
        Key(json, "wave");
        String(json, report.waves[index]);
        Key(json, "latest_submitted_date");
        if (report.wave_latest_submitted_date[index].empty()) {
            json.Null();
        } else {
            String(json, report.wave_latest_submitted_date[index]);
        }
        json.EndObject();
    }
    json.EndArray();

    Key(json, "breakdowns");
    json.StartArray();
    for (const ReportBreakdown& breakdown : report.breakdowns) {
        json.StartObject();
        Key(json, "dimension");
        String(json, breakdown.dimension);
        Key(json, "fields");
        json.StartArray();
        for (const std::string& field : breakdown.fields) String(json, field);
        json.EndArray();
        Key(json, "groups");
        json.StartArray();
        for (const std::string& group : breakdown.groups) String(json, group);
        json.EndArray();
        json.EndObject();
    }
    json.EndArray();

    auto row_start = [&](std::uint32_t wave, std::uint32_t breakdown, std::uint32_t group) {
        json.StartObject();
        Key(json, "wave");
        String(json, report.waves[wave]);
        Key(json, "dimension");
        String(json, report.breakdowns[breakdown].dimension);
        Key(json, "group");
        String(json, GroupLabel(report, breakdown, group));
    };

    Key(json, "return_rates");
    json.StartArray();
    for (const ReturnRateRow& row : report.return_rates) {
        row_start(row.wave, row.breakdown, row.group);
        Key(json, "invited");
        Integer(json, row.invited);
        Key(json, "complete");
        ShownInteger(json, row.complete, row.suppressed);
        Key(json, "partial");
        ShownInteger(json, row.partial, row.suppressed);
        Key(json, "refused");
        ShownInteger(json, row.refused, row.suppressed);
        Key(json, "rr1");
        Number(json, row.rr1_percent);
        Key(json, "rr2");
        Number(json, row.rr2_percent);
        Key(json, "coop1");
        Number(json, row.coop1_percent);
        Key(json, "suppressed");
        json.Bool(row.suppressed);
        json.EndObject();
    }
    json.EndArray();

    Key(json, "satisfaction");
    json.StartArray();
    for (const SatisfactionRow& row : report.satisfaction) {
        row_start(row.wave, row.breakdown, row.group);
        Key(json, "question");
        String(json, report.satisfaction_question_ids[row.question]);
        Key(json, "positive");
        ShownInteger(json, row.positive, row.suppressed);
        Key(json, "valid");
        ShownInteger(json, row.valid, row.suppressed);
        Key(json, "dont_know");
        ShownInteger(json, row.dont_know, row.suppressed);
        Key(json, "percent");
        Number(json, row.percent);
        IntervalFields(json, row.interval_percent, "ci_low", "ci_high");
        Key(json, "suppressed");
        json.Bool(row.suppressed);
        json.EndObject();
    }
    json.EndArray();

    Key(json, "means");
    json.StartArray();
    for (const MeanRow& row : report.means) {
        row_start(row.wave, row.breakdown, row.group);
        Key(json, "question");
        String(json, report.mean_measures[row.measure].label);
        Key(json, "n");
        ShownInteger(json, row.summary.count, row.suppressed);
        Key(json, "mean");
        Number(json, row.summary.mean);
        Key(json, "sd");
        Number(json, row.summary.standard_deviation);
        IntervalFields(json, row.summary.confidence_interval, "ci_low", "ci_high");
        Key(json, "suppressed");
        json.Bool(row.suppressed);
        json.EndObject();
    }
    json.EndArray();

    Key(json, "change");
    json.StartArray();
    for (const ChangeRow& row : report.changes) {
        json.StartObject();
        Key(json, "dimension");
        String(json, report.breakdowns[row.breakdown].dimension);
        Key(json, "group");
        String(json, GroupLabel(report, row.breakdown, row.group));
        Key(json, "question");
        String(json, report.satisfaction_question_ids[row.question]);
        Key(json, "baseline_wave");
        String(json, report.waves[row.baseline_wave]);
        Key(json, "wave");
        String(json, report.waves[row.wave]);
        Key(json, "baseline_percent");
        Number(json, row.baseline_percent);
        Key(json, "percent");
        Number(json, row.percent);
        Key(json, "change_pp");
        Number(json, row.change_points);
        IntervalFields(json, row.interval_points, "ci_low_pp", "ci_high_pp");
        Key(json, "p_value");
        Number(json, row.p_value);
        Key(json, "verdict");
        if (row.outcome == ChangeOutcome::kNotAvailable) {
            json.Null();
        } else {
            json.String(ChangeOutcomeName(row.outcome));
        }
        Key(json, "suppressed");
        json.Bool(row.suppressed);
        json.EndObject();
    }
    json.EndArray();

    Key(json, "change_counts");
    json.StartArray();
    for (const ChangeCountRow& row : report.change_counts) {
        json.StartObject();
        Key(json, "dimension");
        String(json, report.breakdowns[row.breakdown].dimension);
        Key(json, "group");
        String(json, GroupLabel(report, row.breakdown, row.group));
        Key(json, "baseline_wave");
        String(json, report.waves[row.baseline_wave]);
        Key(json, "wave");
        String(json, report.waves[row.wave]);
        Key(json, "improved");
        json.Int64(row.improved);
        Key(json, "no_significant_change");
        json.Int64(row.no_significant_change);
        Key(json, "worse");
        json.Int64(row.worse);
        Key(json, "suppressed");
        json.Int64(row.suppressed);
        Key(json, "not_available");
        json.Int64(row.not_available);
        json.EndObject();
    }
    json.EndArray();

    Key(json, "kpis");
    if (kpis == nullptr) {
        json.Null();
    } else {
        json.StartArray();
        for (const KpiResult& result : *kpis) {
            const KpiDefinition& kpi = result.definition;
            json.StartObject();
            Key(json, "kpi");
            String(json, kpi.id);
            Key(json, "description");
            String(json, kpi.description);
            Key(json, "statistic");
            json.String(KpiStatisticName(kpi.statistic));
            Key(json, "question");
            String(json, kpi.question);
            Key(json, "theme");
            String(json, kpi.theme);
            Key(json, "dimension");
            String(json, kpi.dimension);
            Key(json, "group");
            String(json, kpi.group);
            Key(json, "direction");
            json.String(KpiDirectionName(kpi.direction));
            Key(json, "target");
            Number(json, kpi.target);
            Key(json, "checkpoints");
            json.StartArray();
            for (const KpiCheckpoint& checkpoint : kpi.checkpoints) {
                json.StartObject();
                Key(json, "date");
                String(json, checkpoint.date.ToIso());
                Key(json, "target");
                Number(json, checkpoint.target);
                json.EndObject();
            }
            json.EndArray();
            Key(json, "wave");
            if (result.wave) {
                String(json, report.waves[*result.wave]);
            } else {
                json.Null();
            }
            Key(json, "measured_on");
            if (result.measured_on) {
                String(json, result.measured_on->ToIso());
            } else {
                json.Null();
            }
            Key(json, "value");
            Number(json, result.value);
            IntervalFields(json, result.interval, "ci_low", "ci_high");
            Key(json, "base");
            Integer(json, result.base);
            Key(json, "baseline_value");
            Number(json, result.baseline_value);
            Key(json, "checkpoint_date");
            if (result.suggestion.checkpoint) {
                String(json, result.suggestion.checkpoint->date.ToIso());
            } else {
                json.Null();
            }
            Key(json, "checkpoint_target");
            Number(json, FinalCheckpointTarget(result));
            Key(json, "suggested_status");
            json.String(KpiStatusName(result.suggestion.status));
            Key(json, "reason");
            String(json, result.suggestion.reason);
            Key(json, "status_override");
            if (kpi.status_override) {
                json.String(KpiStatusName(*kpi.status_override));
            } else {
                json.Null();
            }
            Key(json, "override_note");
            String(json, kpi.override_note);
            Key(json, "status");
            json.String(KpiStatusName(result.status));
            Key(json, "suppressed");
            json.Bool(result.suppressed);
            json.EndObject();
        }
        json.EndArray();
    }

    Key(json, "warnings");
    json.StartArray();
    for (const std::string& warning : report.warnings) String(json, warning);
    json.EndArray();
    json.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::vector<ReportFile> BuildReportFiles(const AnalyticsReport& report, const std::vector<KpiResult>* kpis) {
    std::vector<ReportFile> files;
    files.push_back({"return_rates.csv", ReturnRatesCsv(report)});
    files.push_back({"satisfaction.csv", SatisfactionCsv(report)});
    files.push_back({"means.csv", MeansCsv(report)});
    files.push_back({"change.csv", ChangeCsv(report)});
    files.push_back({"change_counts.csv", ChangeCountsCsv(report)});
    if (kpis != nullptr) files.push_back({"kpis.csv", KpisCsv(report, *kpis)});
    files.push_back({"summary.json", SummaryJson(report, kpis)});
    return files;
}

}  // namespace yousaid
