#include "core/analytics/population.h"

#include <map>
#include <tuple>

#include "core/base/text.h"

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
            parts.emplace_back(TrimSpaces(text.substr(start, position - start)));
            position += sign.size();
            start = position;
        } else if (text[position] == '*') {
            parts.emplace_back(TrimSpaces(text.substr(start, position - start)));
            ++position;
            start = position;
        } else {
            ++position;
        }
    }
    parts.emplace_back(TrimSpaces(text.substr(start)));
    return parts;
}

namespace {

// One row of the file, or nullopt (with its problems reported) when it cannot be used.
std::optional<PopulationEntry> ReadPopulationRow(const OfficerCsvRow& row, OfficerCsvFile& file) {
    PopulationEntry entry;
    entry.row = row.Number();
    entry.wave = row.Cell("wave");
    entry.dimension = row.Cell("dimension");
    entry.group = row.Cell("group");
    bool ok = true;
    if (entry.dimension.empty()) {
        file.Report(entry.row, "dimension", "is empty; write 'all' for everybody, or a dimension such as 'school'");
        ok = false;
    }
    if (entry.group.empty()) {
        file.Report(entry.row, "group", "is empty; write 'all' for everybody, or a group such as a school's option id");
        ok = false;
    }
    const std::string invited_text = row.Cell("invited");
    const std::optional<std::int64_t> invited = ParseWholeNumberCell(invited_text);
    if (invited_text.empty()) {
        file.Report(entry.row, "invited", "is empty; write how many people were invited (0 for an event stall)");
        ok = false;
    } else if (!invited || *invited < 0) {
        file.Report(entry.row, "invited", Quoted(invited_text) + " is not a whole number of people (0 or more)");
        ok = false;
    } else {
        entry.invited = *invited;
    }
    if (!ok) return std::nullopt;
    return entry;
}

}  // namespace

Result<Population> ParsePopulationCsv(std::string_view bytes, const std::string& file_name) {
    OfficerCsvFile file(file_name);
    if (!file.Read(bytes, "the header wave,dimension,group,invited") ||
        !file.MapHeader({"dimension", "group", "invited"}, {"wave"}, "the header is wave,dimension,group,invited")) {
        return file.Finish<Population>(std::nullopt);
    }
    Population population;
    population.file_name = file_name;
    std::map<std::tuple<std::string, std::string, std::string>, std::uint32_t> first_row_of;
    file.ForEachRow([&](const OfficerCsvRow& row) {
        std::optional<PopulationEntry> entry = ReadPopulationRow(row, file);
        if (!entry) return;
        const auto [found, inserted] = first_row_of.emplace(std::make_tuple(entry->wave, entry->dimension, entry->group),
                                                            entry->row);
        if (!inserted) {
            file.Report(entry->row, "group",
                        "wave '" + entry->wave + "', " + entry->dimension + " '" + entry->group +
                            "' is already given in row " + std::to_string(found->second));
            return;
        }
        population.entries.push_back(std::move(*entry));
    });
    return file.Finish(std::optional<Population>(std::move(population)));
}

std::optional<std::int64_t> InvitedEveryone(const Population& population, std::string_view wave) {
    std::optional<std::int64_t> every_wave;
    for (const PopulationEntry& entry : population.entries) {
        if (entry.dimension != "all" || entry.group != "all") continue;
        if (entry.wave == wave) return entry.invited;
        if (entry.wave.empty()) every_wave = entry.invited;
    }
    return every_wave;
}

}  // namespace yousaid
