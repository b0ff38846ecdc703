#include "core/analytics/report_tables.h"

#include <utility>

namespace yousaid {

ReportCell ReportCell::Text(std::string value) {
    ReportCell cell;
    cell.kind = Kind::kText;
    cell.text = std::move(value);
    return cell;
}

ReportCell ReportCell::Integer(std::int64_t value) {
    ReportCell cell;
    cell.kind = Kind::kInteger;
    cell.integer = value;
    return cell;
}

ReportCell ReportCell::Number(double value) {
    ReportCell cell;
    cell.kind = Kind::kNumber;
    cell.number = value;
    return cell;
}

ReportCell ReportCell::Flag(bool value) {
    ReportCell cell;
    cell.kind = Kind::kFlag;
    cell.flag = value;
    return cell;
}

ReportCell ReportCell::Integer(const std::optional<std::int64_t>& value) { return value ? Integer(*value) : Empty(); }
ReportCell ReportCell::Number(const std::optional<double>& value) { return value ? Number(*value) : Empty(); }

namespace {

using Cell = ReportCell;
constexpr ColumnUse kEverywhere = ColumnUse::kEverywhere;
constexpr ColumnUse kCsvOnly = ColumnUse::kCsvOnly;
constexpr ColumnUse kJsonOnly = ColumnUse::kJsonOnly;

// A column of a table whose rows are `Row`s.
template <class Row>
struct ColumnOf {
    const char* name;
    ColumnUse use;
    Cell (*value)(const AnalyticsReport& report, const Row& row);
};

template <class Row>
using Columns = std::vector<ColumnOf<Row>>;

// The table reads `rows` and `columns` (a function's static) in place.
template <class Row>
ReportTable MakeTable(const char* name, const AnalyticsReport& report, const std::vector<Row>& rows,
                      const Columns<Row>& columns) {
    ReportTable table;
    table.name = name;
    for (const ColumnOf<Row>& column : columns) table.columns.push_back(ReportColumn{column.name, column.use});
    table.row_count = rows.size();
    table.cell = [&report, &rows, &columns](std::size_t row, std::size_t column) {
        return columns[column].value(report, rows[row]);
    };
    return table;
}

// Counts of a suppressed row are empty, not the zeros the report holds.
Cell Shown(std::int64_t value, bool suppressed) { return suppressed ? Cell::Empty() : Cell::Integer(value); }
Cell Low(const std::optional<Interval>& interval) {
    return interval ? Cell::Number(interval->low) : Cell::Empty();
}
Cell High(const std::optional<Interval>& interval) {
    return interval ? Cell::Number(interval->high) : Cell::Empty();
}

// The columns that say where a row belongs.
template <class Row>
Cell WaveOf(const AnalyticsReport& report, const Row& row) {
    return Cell::Text(report.waves[row.wave]);
}
template <class Row>
Cell BaselineWaveOf(const AnalyticsReport& report, const Row& row) {
    return Cell::Text(report.waves[row.baseline_wave]);
}
template <class Row>
Cell DimensionOf(const AnalyticsReport& report, const Row& row) {
    return Cell::Text(report.breakdowns[row.breakdown].dimension);
}
template <class Row>
Cell GroupOf(const AnalyticsReport& report, const Row& row) {
    return Cell::Text(report.breakdowns[row.breakdown].groups[row.group]);
}
template <class Row>
Cell SuppressedOf(const AnalyticsReport&, const Row& row) {
    return Cell::Flag(row.suppressed);
}

// wave, dimension and group, then `figures`.
template <class Row>
Columns<Row> ByWaveAndGroup(Columns<Row> figures) {
    Columns<Row> columns{{"wave", kEverywhere, WaveOf<Row>},
                         {"dimension", kEverywhere, DimensionOf<Row>},
                         {"group", kEverywhere, GroupOf<Row>}};
    columns.insert(columns.end(), figures.begin(), figures.end());
    return columns;
}

// dimension, group, question (when given), baseline_wave and wave, then `figures`.
template <class Row>
Columns<Row> ByGroupAgainstBaseline(Columns<Row> question, Columns<Row> figures) {
    Columns<Row> columns{{"dimension", kEverywhere, DimensionOf<Row>}, {"group", kEverywhere, GroupOf<Row>}};
    columns.insert(columns.end(), question.begin(), question.end());
    columns.push_back({"baseline_wave", kEverywhere, BaselineWaveOf<Row>});
    columns.push_back({"wave", kEverywhere, WaveOf<Row>});
    columns.insert(columns.end(), figures.begin(), figures.end());
    return columns;
}

using Report = const AnalyticsReport&;

}  // namespace

ReportTable ReturnRatesTable(const AnalyticsReport& report) {
    using Row = const ReturnRateRow&;
    static const Columns<ReturnRateRow> kColumns = ByWaveAndGroup<ReturnRateRow>({
        {"invited", kEverywhere, [](Report, Row row) { return Cell::Integer(row.invited); }},
        {"complete", kEverywhere, [](Report, Row row) { return Shown(row.complete, row.suppressed); }},
        {"partial", kEverywhere, [](Report, Row row) { return Shown(row.partial, row.suppressed); }},
        {"refused", kEverywhere, [](Report, Row row) { return Shown(row.refused, row.suppressed); }},
        {"rr1", kEverywhere, [](Report, Row row) { return Cell::Number(row.rr1_percent); }},
        {"rr2", kEverywhere, [](Report, Row row) { return Cell::Number(row.rr2_percent); }},
        {"coop1", kEverywhere, [](Report, Row row) { return Cell::Number(row.coop1_percent); }},
        {"suppressed", kEverywhere, SuppressedOf<ReturnRateRow>},
    });
    return MakeTable("return_rates", report, report.return_rates, kColumns);
}

ReportTable SatisfactionTable(const AnalyticsReport& report) {
    using Row = const SatisfactionRow&;
    static const Columns<SatisfactionRow> kColumns = ByWaveAndGroup<SatisfactionRow>({
        {"question", kEverywhere,
         [](Report r, Row row) { return Cell::Text(r.satisfaction_question_ids[row.question]); }},
        {"positive", kEverywhere, [](Report, Row row) { return Shown(row.positive, row.suppressed); }},
        {"valid", kEverywhere, [](Report, Row row) { return Shown(row.valid, row.suppressed); }},
        {"dont_know", kJsonOnly, [](Report, Row row) { return Shown(row.dont_know, row.suppressed); }},
        {"percent", kEverywhere, [](Report, Row row) { return Cell::Number(row.percent); }},
        {"ci_low", kEverywhere, [](Report, Row row) { return Low(row.interval_percent); }},
        {"ci_high", kEverywhere, [](Report, Row row) { return High(row.interval_percent); }},
        {"suppressed", kEverywhere, SuppressedOf<SatisfactionRow>},
    });
    return MakeTable("satisfaction", report, report.satisfaction, kColumns);
}

ReportTable MeansTable(const AnalyticsReport& report) {
    using Row = const MeanRow&;
    static const Columns<MeanRow> kColumns = ByWaveAndGroup<MeanRow>({
        {"question", kEverywhere, [](Report r, Row row) { return Cell::Text(r.mean_measures[row.measure].label); }},
        {"n", kEverywhere, [](Report, Row row) { return Shown(row.summary.count, row.suppressed); }},
        {"mean", kEverywhere, [](Report, Row row) { return Cell::Number(row.summary.mean); }},
        {"sd", kEverywhere, [](Report, Row row) { return Cell::Number(row.summary.standard_deviation); }},
        {"ci_low", kEverywhere, [](Report, Row row) { return Low(row.summary.confidence_interval); }},
        {"ci_high", kEverywhere, [](Report, Row row) { return High(row.summary.confidence_interval); }},
        {"suppressed", kEverywhere, SuppressedOf<MeanRow>},
    });
    return MakeTable("means", report, report.means, kColumns);
}

ReportTable ChangeTable(const AnalyticsReport& report) {
    using Row = const ChangeRow&;
    static const Columns<ChangeRow> kColumns = ByGroupAgainstBaseline<ChangeRow>(
        {{"question", kEverywhere,
          [](Report r, Row row) { return Cell::Text(r.satisfaction_question_ids[row.question]); }}},
        {
            {"baseline_percent", kEverywhere, [](Report, Row row) { return Cell::Number(row.baseline_percent); }},
            {"percent", kEverywhere, [](Report, Row row) { return Cell::Number(row.percent); }},
            {"change_pp", kEverywhere, [](Report, Row row) { return Cell::Number(row.change_points); }},
            {"ci_low_pp", kEverywhere, [](Report, Row row) { return Low(row.interval_points); }},
            {"ci_high_pp", kEverywhere, [](Report, Row row) { return High(row.interval_points); }},
            {"p_value", kEverywhere, [](Report, Row row) { return Cell::Number(row.p_value); }},
            {"verdict", kEverywhere,
             [](Report, Row row) {
                 return row.outcome == ChangeOutcome::kNotAvailable ? Cell::Empty()
                                                                    : Cell::Text(ChangeOutcomeName(row.outcome));
             }},
            {"suppressed", kEverywhere, SuppressedOf<ChangeRow>},
        });
    return MakeTable("change", report, report.changes, kColumns);
}

ReportTable ChangeCountsTable(const AnalyticsReport& report) {
    using Row = const ChangeCountRow&;
    static const Columns<ChangeCountRow> kColumns = ByGroupAgainstBaseline<ChangeCountRow>(
        {}, {
                {"improved", kEverywhere, [](Report, Row row) { return Cell::Integer(row.improved); }},
                {"no_significant_change", kEverywhere,
                 [](Report, Row row) { return Cell::Integer(row.no_significant_change); }},
                {"worse", kEverywhere, [](Report, Row row) { return Cell::Integer(row.worse); }},
                {"suppressed", kEverywhere, [](Report, Row row) { return Cell::Integer(row.suppressed); }},
                {"not_available", kEverywhere, [](Report, Row row) { return Cell::Integer(row.not_available); }},
            });
    return MakeTable("change_counts", report, report.change_counts, kColumns);
}

ReportTable CommentThemesTable(const AnalyticsReport& report) {
    using Row = const CommentThemeRow&;
    static const Columns<CommentThemeRow> kColumns = ByWaveAndGroup<CommentThemeRow>({
        {"question", kEverywhere, [](Report r, Row row) { return Cell::Text(r.comment_theme_items[row.item].question); }},
        {"theme", kEverywhere, [](Report r, Row row) { return Cell::Text(r.comment_theme_items[row.item].theme); }},
        {"comments", kEverywhere, [](Report, Row row) { return Shown(row.comments, row.suppressed); }},
        {"suppressed", kEverywhere, SuppressedOf<CommentThemeRow>},
    });
    return MakeTable("comment_themes", report, report.comment_themes, kColumns);
}

namespace {

std::optional<double> FinalCheckpointTarget(const KpiResult& result) {
    if (!result.suggestion.checkpoint) return std::nullopt;
    return result.suggestion.checkpoint->target ? result.suggestion.checkpoint->target : result.definition.target;
}

Cell CheckpointsOf(const KpiDefinition& kpi) {
    Cell cell;
    cell.kind = Cell::Kind::kList;
    cell.list_fields = {"date", "target"};
    for (const KpiCheckpoint& checkpoint : kpi.checkpoints) {
        cell.list.push_back({Cell::Text(checkpoint.date.ToIso()), Cell::Number(checkpoint.target)});
    }
    return cell;
}

// The wave measured; the spreadsheet names the wave the KPI file asked for when none was.
Cell KpiWaveForCsv(Report report, const KpiResult& result) {
    return Cell::Text(result.wave ? report.waves[*result.wave] : result.definition.wave);
}
Cell KpiWaveForJson(Report report, const KpiResult& result) {
    return result.wave ? Cell::Text(report.waves[*result.wave]) : Cell::Empty();
}

Cell KpiBaselineWave(Report report, const KpiResult& result) {
    if (result.definition.baseline_value) return Cell::Text("(given)");
    return Cell::Text(result.baseline_wave ? report.waves[*result.baseline_wave] : std::string());
}

Cell KpiCheckpointDate(Report, const KpiResult& result) {
    if (!result.suggestion.checkpoint) return Cell::Empty();
    return Cell::Text(result.suggestion.checkpoint->date.ToIso());
}

}  // namespace

ReportTable KpisTable(const AnalyticsReport& report, const std::vector<KpiResult>& kpis) {
    using Row = const KpiResult&;
    static const Columns<KpiResult> kColumns = {
        {"kpi", kEverywhere, [](Report, Row row) { return Cell::Text(row.definition.id); }},
        {"description", kEverywhere, [](Report, Row row) { return Cell::Text(row.definition.description); }},
        {"statistic", kEverywhere,
         [](Report, Row row) { return Cell::Text(KpiStatisticName(row.definition.statistic)); }},
        {"question", kEverywhere, [](Report, Row row) { return Cell::Text(row.definition.question); }},
        {"theme", kEverywhere, [](Report, Row row) { return Cell::Text(row.definition.theme); }},
        {"dimension", kEverywhere, [](Report, Row row) { return Cell::Text(row.definition.dimension); }},
        {"group", kEverywhere, [](Report, Row row) { return Cell::Text(row.definition.group); }},
        {"direction", kEverywhere,
         [](Report, Row row) { return Cell::Text(KpiDirectionName(row.definition.direction)); }},
        {"target", kEverywhere, [](Report, Row row) { return Cell::Number(row.definition.target); }},
        {"checkpoints", kJsonOnly, [](Report, Row row) { return CheckpointsOf(row.definition); }},
        {"wave", kCsvOnly, KpiWaveForCsv},
        {"wave", kJsonOnly, KpiWaveForJson},
        {"measured_on", kEverywhere,
         [](Report, Row row) { return row.measured_on ? Cell::Text(row.measured_on->ToIso()) : Cell::Empty(); }},
        {"value", kEverywhere, [](Report, Row row) { return Cell::Number(row.value); }},
        {"ci_low", kEverywhere, [](Report, Row row) { return Low(row.interval); }},
        {"ci_high", kEverywhere, [](Report, Row row) { return High(row.interval); }},
        {"base", kEverywhere, [](Report, Row row) { return Cell::Integer(row.base); }},
        {"baseline_wave", kCsvOnly, KpiBaselineWave},
        {"baseline_value", kEverywhere, [](Report, Row row) { return Cell::Number(row.baseline_value); }},
        {"checkpoint_date", kEverywhere, KpiCheckpointDate},
        {"checkpoint_target", kEverywhere, [](Report, Row row) { return Cell::Number(FinalCheckpointTarget(row)); }},
        {"suggested_status", kEverywhere,
         [](Report, Row row) { return Cell::Text(KpiStatusName(row.suggestion.status)); }},
        {"reason", kEverywhere, [](Report, Row row) { return Cell::Text(row.suggestion.reason); }},
        {"status_override", kEverywhere,
         [](Report, Row row) {
             const auto& override_status = row.definition.status_override;
             return override_status ? Cell::Text(KpiStatusName(*override_status)) : Cell::Empty();
         }},
        {"override_note", kEverywhere, [](Report, Row row) { return Cell::Text(row.definition.override_note); }},
        {"status", kEverywhere, [](Report, Row row) { return Cell::Text(KpiStatusName(row.status)); }},
        {"suppressed", kEverywhere, SuppressedOf<KpiResult>},
    };
    return MakeTable("kpis", report, kpis, kColumns);
}

std::vector<ReportTable> ReportTables(const AnalyticsReport& report, const std::vector<KpiResult>* kpis) {
    std::vector<ReportTable> tables{ReturnRatesTable(report), SatisfactionTable(report), MeansTable(report),
                                    ChangeTable(report), ChangeCountsTable(report)};
    if (kpis != nullptr) tables.push_back(KpisTable(report, *kpis));
    if (report.has_comment_themes) tables.push_back(CommentThemesTable(report));
    return tables;
}

}  // namespace yousaid
