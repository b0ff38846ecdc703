// The one way the core reports bad input: a Problem says where (file, spreadsheet row or
// JSON path, field) and what, in words a council officer or a volunteer can act on; a
// Result<T> carries either a usable value or the problems that stopped it. Loaders never
// throw on bad input and list every problem they find, not just the first, so a person can
// fix a file in one pass.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace yousaid {

struct Problem {
    std::string file;       // the file's name as the person gave it; empty when not from a file
    std::uint32_t row = 0;  // 1-based spreadsheet row (a header is row 1); 0: not about one row
    std::string path;       // JSON path, e.g. "questions[4].options[2].text"; empty for none
    std::string field;      // column or setting name, e.g. "invited"; empty for the whole row
    std::string message;    // e.g. "'ten' is not a whole number"

    // "population.csv: row 5, field 'invited': 'ten' is not a whole number",
    // "pupil.json: questions[4].text: missing English text"; the parts that are empty are left out.
    std::string ToString() const;

    // A problem that is about no file or place: a setting, a PIN, a write.
    static Problem Saying(std::string message) {
        Problem problem;
        problem.message = std::move(message);
        return problem;
    }
};

// Every problem on its own line.
std::string DescribeProblems(const std::vector<Problem>& problems);

template <typename T>
struct Result {
    std::optional<T> value;         // set when the input can be used
    std::vector<Problem> problems;  // without a value: why not; with one: what was tolerated

    bool ok() const { return value.has_value(); }

    static Result Success(T result_value, std::vector<Problem> tolerated = {}) {
        Result result;
        result.value = std::move(result_value);
        result.problems = std::move(tolerated);
        return result;
    }
    static Result Failure(std::vector<Problem> reasons) {
        Result result;
        result.problems = std::move(reasons);
        return result;
    }
    static Result Failure(Problem reason) { return Failure(std::vector<Problem>{std::move(reason)}); }
    // A failure with only a message, for input that is not a file (a PIN, a write).
    static Result Failure(std::string message) { return Failure(Problem::Saying(std::move(message))); }

    // Every problem on its own line (DescribeProblems); empty when there are none.
    std::string Message() const { return DescribeProblems(problems); }
};

// The value of an operation that gives nothing back (a save, an append) but can fail:
// Result<Done>, called Status, so that every operation reports failure the same way.
struct Done {};
using Status = Result<Done>;

inline Status Succeeded() { return Status::Success(Done{}); }

}  // namespace yousaid
