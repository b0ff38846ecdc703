#include "core/analytics/population.h"

#include <map>
#include <tuple>

#include "core/io/csv.h"

namespace yousaid {

namespace {

constexpr const char* kCrossingSign = "\xC3\x97";  // ×

}  // namespace

std::vector<std::string> SplitCrossing(std::string_view text) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    std::size_t position = 0;
    const std::string_view sign(kCrossingSign);
    while (position < text.size()) {
        if (text.substr(position, sign.size()) == sign) {
            parts.push_back(TrimCellSpaces(text.substr(start, position - start)));
            position += sign.size();
            start = position;
        } else if (text[position] == '*') {
            parts.push_back(TrimCellSpaces(text.substr(start, position - start)));
            ++position;
            start = position;
        } else {
            ++position;
        }
    }
    parts.push_back(TrimCellSpaces(text.substr(start)));
    return parts;
}

PopulationLoadResult ParsePopulationCsv(std::string_view bytes, const std::string& file_name) {
    PopulationLoadResult result;
    auto problem = [&](std::uint32_t row, const std::string& field, const std::string& message) {
        result.problems.push_back(Problem{file_name, row, "", field, message});
    };

    const CsvReadResult csv = ReadCsv(bytes);
    if (!csv.ok) {
        problem(csv.error.row, "", csv.error.Describe());
        return result;
    }
    if (csv.rows.empty() || IsBlankCsvRow(csv.rows.front())) {
        problem(0, "", "the file is empty; it needs the header wave,dimension,group,invited");
        return result;
    }
    const CsvHeader header = CsvHeader::Map(csv.rows.front(), {"dimension", "group", "invited"}, {"wave"});
    if (!header.ok()) {
        problem(1, "", header.Describe() + " (the header is wave,dimension,group,invited)");
        return result;
    }
    const std::size_t dimension_index = *header.IndexOf("dimension");
    const std::size_t group_index = *header.IndexOf("group");
    const std::size_t invited_index = *header.IndexOf("invited");
    const std::optional<std::size_t> wave_index = header.IndexOf("wave");

    Population population;
    population.file_name = file_name;
    std::map<std::tuple<std::string, std::string, std::string>, std::uint32_t> first_row_of;
    for (std::size_t index = 1; index < csv.rows.size(); ++index) {
        const CsvRow& cells = csv.rows[index];
        if (IsBlankCsvRow(cells)) continue;
        const auto row = static_cast<std::uint32_t>(index + 1);
        auto cell = [&cells](std::size_t at) { return at < cells.size() ? TrimCellSpaces(cells[at]) : std::string(); };

        PopulationEntry entry;
        entry.row = row;
        entry.wave = wave_index ? cell(*wave_index) : std::string();
        entry.dimension = cell(dimension_index);
        entry.group = cell(group_index);
        bool ok = true;
        if (entry.dimension.empty()) {
            problem(row, "dimension", "is empty; write 'all' for everybody, or a dimension such as 'school'");
            ok = false;
        }
        if (entry.group.empty()) {
            problem(row, "group", "is empty; write 'all' for everybody, or a group such as a school's option id");
            ok = false;
        }
        const std::string invited_text = cell(invited_index);
        const std::optional<std::int64_t> invited = ParseWholeNumberCell(invited_text);
        if (invited_text.empty()) {
            problem(row, "invited", "is empty; write how many people were invited (0 for an event stall)");
            ok = false;
        } else if (!invited || *invited < 0) {
            problem(row, "invited", "'" + invited_text + "' is not a whole number of people (0 or more)");
            ok = false;
        } else {
            entry.invited = *invited;
        }
        if (!ok) continue;
        const auto key = std::make_tuple(entry.wave, entry.dimension, entry.group);
        const auto [found, inserted] = first_row_of.emplace(key, row);
        if (!inserted) {
            problem(row, "group",
                    "wave '" + entry.wave + "', " + entry.dimension + " '" + entry.group + "' is already given in row " +
                        std::to_string(found->second));
            continue;
        }
        population.entries.push_back(std::move(entry));
    }
    if (result.problems.empty()) result.population = std::move(population);
    return result;
}

}  // namespace yousaid
