#pragma once
// Importing a response file into the officer store: the rules of response_import.h (a file
// damaged as a whole changes nothing; a CSV file is all or nothing; one bad response in a
// transfer file is listed and the others go in), with each response encoded as it is read,
// and the whole file committed as one segment.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/officer/officer_store.h"
#include "core/storage/response_import.h"

namespace yousaid {

// One file's import, done a slice at a time so that a page importing 100,000 responses
// stays responsive: Step does a bounded amount of work and says when the file is done.
class OfficerImportJob {
public:
    OfficerImportJob(OfficerStore& store, std::string file_name, std::string bytes, std::vector<Survey> surveys,
                     std::int64_t imported_at_ms);
    ~OfficerImportJob();
    OfficerImportJob(OfficerImportJob&&) noexcept;
    OfficerImportJob& operator=(OfficerImportJob&&) noexcept;

    // Reads up to about `rows` more rows; true once the file is read, judged and committed
    // (or refused), when Report() says what happened.
    bool Step(std::size_t rows);
    // 0 to 1: how far through the file, or, while OpeningSealed(), through its sealed
    // responses.
    double Progress() const;
    // The file is read, and the sealed responses that a key unlocked here opens are being
    // opened, a slice per Step (one X25519 operation each: 100,000 take tens of seconds in a
    // browser, which keeps drawing its progress bar meanwhile).
    bool OpeningSealed() const;
    // The file is read and its segment is being written: each Step from here is one stage
    // of OfficerStore::Commitment (tens of milliseconds each), best begun on a fresh frame.
    bool Committing() const;
    const std::string& FileName() const;
    const ImportReport& Report() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// The whole file at once (tests and tools).
ImportReport ImportIntoOfficerStore(OfficerStore& store, std::string_view bytes, const std::string& file_name,
                                    const std::vector<Survey>& surveys, std::int64_t imported_at_ms);

}  // namespace yousaid
