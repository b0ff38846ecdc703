#include "ui/sealed_summary_view.h"

#include <algorithm>
#include <string>

#include "core/analytics/display_text.h"
#include "ui/staff_host.h"
#include "ui/staff_widgets.h"
#include "ui/widgets.h"

namespace yousaid::ui {

namespace {

// A long list of records that did not open shows its first few: the rest are the same story.
constexpr std::size_t kUnopenedShown = 8;

}  // namespace

void DrawOpeningProgress(const FrameContext& frame, const SealedSummary& sealed) {
    if (!sealed.opening) return;
    ProgressBar(frame, static_cast<float>(*sealed.opening),
                "Opening sealed answers: " + std::to_string(static_cast<int>(*sealed.opening * 100.0)) +
                    "% (keep this page open)");
}

void DrawSealedSummary(const FrameContext& frame, const SealedSummary& sealed) {
    if (sealed.responses == 0) return;
    Heading(frame, "Sealed answers");
    if (sealed.keys_unlocked) {
        Paragraph(CountText(sealed.responses) + " responses stay sealed: the keys unlocked here do not open them.");
    } else {
        Paragraph(CountText(sealed.responses) + " responses are sealed to an officer's key. Their counts show below; "
                  "every figure by group, every satisfaction figure and every comment needs the key. Unlock it under "
                  "\"Keys\".");
    }
    for (const SealedSummary::Row& row : sealed.rows) {
        const std::string counts = CountText(row.complete) + " complete, " + CountText(row.partial) + " partial, " +
                                   CountText(row.refused) + " said no";
        if (!row.place.empty()) {
            Paragraph("    " + row.place + ": " + counts + ".");
            continue;
        }
        const std::string rate =
            row.invited && *row.invited > 0
                ? "; return rate (RR1) " + DisplayPercent(100.0 * static_cast<double>(row.complete) / static_cast<double>(*row.invited)) +
                      " of " + CountText(static_cast<std::uint64_t>(*row.invited)) + " invited"
                : "";
        BoldParagraph(frame, row.survey_title + ", wave " + row.wave + ": " + counts + rate + ".");
    }
    const std::size_t shown = std::min(sealed.unopened.size(), kUnopenedShown);
    for (std::size_t index = 0; index < shown; ++index) StaffWarning(frame, sealed.unopened[index]);
    if (sealed.unopened.size() > shown) {
        Paragraph("and " + CountText(sealed.unopened.size() - shown) + " more like these.", true);
    }
}

}  // namespace yousaid::ui
