#include "core/base/problem.h"

namespace yousaid {

std::string Problem::ToString() const {
    std::string location;
    const auto add = [&location](const std::string& part) {
        if (part.empty()) return;
        if (!location.empty()) location += ", ";
        location += part;
    };
    add(row > 0 ? "row " + std::to_string(row) : std::string());
    add(path);
    add(field.empty() ? std::string() : "field '" + field + "'");
    std::string text = file;
    if (!location.empty()) text += (text.empty() ? "" : ": ") + location;
    return text.empty() ? message : text + ": " + message;
}

std::string DescribeProblems(const std::vector<Problem>& problems) {
    std::string text;
    for (const Problem& problem : problems) {
        if (!text.empty()) text += '\n';
        text += problem.ToString();
    }
    return text;
}

}  // namespace yousaid
