#include "core/officer/report_responses.h"

#include <filesystem>
#include <set>
#include <utility>

#include "core/analytics/encoded_responses_builder.h"
#include "core/responses/answer_checking.h"
#include "core/responses/response_set.h"
#include "core/responses/sealed_response.h"
#include "core/storage/response_import.h"

namespace yousaid {

namespace {

std::string FileNameOf(const std::string& path) { return std::filesystem::path(path).filename().string(); }

// What reading the response files found, file by file, so that every line can be listed in
// the order of the files, whichever step found it.
struct ResponseFileFindings {
    explicit ResponseFileFindings(std::size_t file_count) : problems(file_count), merged(file_count, false) {}

    // The officer's unlocked keys (none without --key): sealed responses are opened as read.
    const Keyring* keyring = nullptr;

    std::vector<std::vector<std::string>> problems;  // by file
    std::vector<bool> merged;                        // the file was read, and its responses offered
    std::vector<std::string> notes;
    std::set<ResponseId> conflicting_ids;
    std::vector<Problem> encoding_problems;  // a bug upstream if ever seen
};

// The sealed responses of one file, as they were opened.
struct SealedInFile {
    std::size_t count = 0;
    std::vector<std::string> unopened;  // "response <id>: <why>", left out of the figures
    std::vector<std::string> invalid;   // opened, but their answers are not valid for the survey
};

// Opens a sealed response in place; false when it stays out of the figures (listed in `sealed`).
bool OpenSealed(Response& response, const Survey& survey, const ResponseFileFindings& findings,
                SealedInFile& sealed) {
    ++sealed.count;
    if (findings.keyring == nullptr) return false;
    Result<Response> opened = OpenSealedResponse(response, *findings.keyring);
    const std::string which = "response " + response.id.ToHex() + ": ";
    if (!opened.ok()) {
        sealed.unopened.push_back(which + opened.Message());
        return false;
    }
    const std::vector<std::string> problems = CheckResponse(survey, *opened.value);
    for (const std::string& problem : problems) sealed.invalid.push_back(which + problem);
    if (!problems.empty()) return false;
    response = std::move(*opened.value);
    return true;
}

// Without a key, sealed responses make the figures incomplete: bad input, saying which keys
// open them. With keys, a response that does not open is left out and listed, and every
// other response still counts.
void ReportSealed(const std::string& file_name, const SealedInFile& sealed, std::size_t file_index,
                  ResponseFileFindings& findings) {
    std::vector<std::string>& problems = findings.problems[file_index];
    if (sealed.count > 0 && findings.keyring == nullptr) {
        problems.push_back(file_name + ": " + std::to_string(sealed.count) +
                           " responses are sealed to an officer's key; give its private key file with --key FILE");
    }
    for (const std::string& line : sealed.invalid) problems.push_back(file_name + ": " + line);
    if (sealed.unopened.empty()) return;
    findings.notes.push_back(file_name + ": " + std::to_string(sealed.unopened.size()) + " of " +
                             std::to_string(sealed.count) +
                             " sealed responses could not be opened and are left out of the figures:");
    for (const std::string& line : sealed.unopened) findings.notes.push_back("  " + file_name + ": " + line);
}

// Reads one file, handing each response to the builder as it is read. A file refused as a
// whole is taken back out of the builder: its responses do not count, as if never offered.
void ReadResponseFile(const std::string& path, std::size_t file_index, const Survey& survey,
                      EncodedResponsesBuilder& builder, ResponseFileFindings& findings) {
    if (!std::filesystem::is_regular_file(path)) {
        findings.problems[file_index].push_back(path + ": no such file");
        return;
    }
    builder.Checkpoint();
    std::size_t accepted = 0;
    std::size_t already_held = 0;
    SealedInFile sealed;
    const LoadedResponses loaded =
        StreamResponsesFromFile(path, survey, [&](Response&& response) {
            if (response.IsSealed() && !OpenSealed(response, survey, findings, sealed)) return;
            ++accepted;
            EncodedResponsesBuilder::Offered offered = builder.Offer(response);
            if (offered.problem) findings.encoding_problems.push_back(std::move(*offered.problem));
            if (offered.outcome == MergeOutcome::kAlreadyHeld) ++already_held;
            if (offered.outcome == MergeOutcome::kConflict) findings.conflicting_ids.insert(response.id);
        });
    const std::vector<std::string> lines = loaded.ProblemLines();
    findings.problems[file_index].insert(findings.problems[file_index].end(), lines.begin(), lines.end());
    if (!loaded.ok()) {
        builder.Rollback();
        return;
    }
    ReportSealed(loaded.file_name, sealed, file_index, findings);
    findings.merged[file_index] = true;
    if (accepted == 0 && sealed.unopened.empty()) findings.notes.push_back(loaded.file_name + ": no responses (a header only?)");
    if (loaded.other_surveys > 0) {
        findings.notes.push_back(loaded.file_name + ": " + std::to_string(loaded.other_surveys) +
                                 " responses to other surveys left out");
    }
    if (already_held > 0) {
        findings.notes.push_back(loaded.file_name + ": " + std::to_string(already_held) +
                                 " responses already read from an earlier file, counted once");
    }
}

// The builder keeps only fingerprints, so what differs in a conflict is worked out by reading
// the files again, keeping whole only the responses under the conflicting ids. Only a report
// that is refused anyway pays for this.
void DescribeConflicts(const std::vector<std::string>& files, const Survey& survey,
                       ResponseFileFindings& findings) {
    ResponseSet held;
    for (std::size_t index = 0; index < files.size(); ++index) {
        if (!findings.merged[index]) continue;
        const std::string file_name = FileNameOf(files[index]);
        StreamResponsesFromFile(files[index], survey, [&](Response&& response) {
            if (findings.conflicting_ids.count(response.id) == 0) return;
            if (held.Offer(response) != MergeOutcome::kConflict) return;
            findings.problems[index].push_back(file_name + ": response " + response.id.ToHex() +
                                               " differs from a response with the same id in an earlier file: " +
                                               DescribeResponseDifferences(*held.Find(response.id), response));
        });
    }
}

}  // namespace

Result<ReportResponses> LoadResponsesForReport(const std::vector<std::string>& files, const Survey& survey,
                                               const Keyring* keyring) {
    EncodedResponsesBuilder builder(survey);
    ResponseFileFindings findings(files.size());
    findings.keyring = keyring;
    for (std::size_t index = 0; index < files.size(); ++index) {
        ReadResponseFile(files[index], index, survey, builder, findings);
    }
    if (!findings.conflicting_ids.empty()) DescribeConflicts(files, survey, findings);
    std::string message;
    for (const std::vector<std::string>& lines : findings.problems) {
        for (const std::string& line : lines) message += (message.empty() ? "" : "\n") + line;
    }
    if (!message.empty()) return Result<ReportResponses>::Failure(message);
    if (!findings.encoding_problems.empty()) return Result<ReportResponses>::Failure(findings.encoding_problems);
    std::vector<ResponseId> row_ids = builder.RowIds();
    return Result<ReportResponses>::Success(
        ReportResponses{builder.TakeEncoded(), std::move(row_ids), std::move(findings.notes)});
}


}  // namespace yousaid
