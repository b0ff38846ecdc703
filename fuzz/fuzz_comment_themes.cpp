// libFuzzer target for ParseThemeTagsJson, the officer's comment themes file (themes.json).
// No input may crash it; a refusal must say why; an accepted file must write back to JSON
// that reads as the same tags, and tagging and untagging must keep it readable.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/analytics/comment_themes.h"

namespace {

void Require(bool condition) {
    if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    yousaid::Result<yousaid::ThemeTags> read = yousaid::ParseThemeTagsJson(text, "themes.json");
    if (!read.ok()) {
        Require(!read.problems.empty());
        for (const yousaid::Problem& problem : read.problems) Require(!problem.message.empty());
        return 0;
    }
    const std::string written = yousaid::ThemeTagsJson(*read.value);
    yousaid::Result<yousaid::ThemeTags> again = yousaid::ParseThemeTagsJson(written, "themes.json");
    Require(again.ok());
    Require(yousaid::ThemeTagsJson(*again.value) == written);
    // Every tag taken off and put back leaves a file that still reads.
    yousaid::ThemeTags& tags = *again.value;
    if (!tags.Tags().empty()) {
        const yousaid::CommentTags first = tags.Tags().front();
        for (const std::string& theme : first.themes) Require(tags.Remove(first.comment, theme));
        for (const std::string& theme : first.themes) Require(tags.Add(first.comment, theme).ok());
    }
    Require(yousaid::ParseThemeTagsJson(yousaid::ThemeTagsJson(tags), "themes.json").ok());
    return 0;
}
