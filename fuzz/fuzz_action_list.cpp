// libFuzzer target for the "You said, we did" backup file: no input may crash the reader,
// every refusal must name the file, and whatever it accepts must write back to a file that
// reads as the same list, and merge into itself with nothing to change and no conflict.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/actions/action_list.h"

namespace {

void Require(bool condition) {
    if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const yousaid::Result<yousaid::ActionList> read = yousaid::ParseActionListJson(input, "backup.json");
    if (!read.ok()) {
        Require(!read.problems.empty());
        for (const yousaid::Problem& problem : read.problems) Require(problem.file == "backup.json");
        return 0;
    }
    const std::string written = yousaid::ActionListJson(*read.value);
    const yousaid::Result<yousaid::ActionList> again = yousaid::ParseActionListJson(written, "backup.json");
    Require(again.ok());
    Require(yousaid::ActionListJson(*again.value) == written);
    yousaid::ActionList held = *read.value;
    const yousaid::ActionMergeReport merged = yousaid::MergeActionLists(held, *again.value);
    Require(merged.added == 0 && merged.updated == 0 && merged.conflicts.empty());
    Require(merged.unchanged == read.value->Items().size());
    return 0;
}
