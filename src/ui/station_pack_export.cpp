#include "ui/station_pack_export.h"

#include <string>
#include <utility>
#include <vector>

#include <imgui.h>

#include "ui/interface_text.h"
#include "ui/staff_widgets.h"
#include "ui/widgets.h"

namespace yousaid::ui {

void DrawStationPackExport(FrameContext& frame, WorkspaceHost& host, StationPackForm& form) {
    const Survey* survey = host.CurrentSurvey();
    if (survey == nullptr) return;
    Heading(frame, "Station pack");
    Paragraph("One file for a volunteer to set up a tablet: \"" + survey->title.English() +
              "\", the settings below, and the \"You said, we did\" cards chosen for this survey's tablets. Tablets ask "
              "\"Are you still there?\" after 3 minutes and keep unfinished answers; the volunteer can change both.");
    TextField(frame, "pack_prepared_by", "Prepared by (your name, which the volunteer checks)", form.prepared_by, 60);
    TextField(frame, "pack_wave", "Wave the tablets collect (for example 2026)", form.wave, 20);
    if (survey->languages.size() > 1) {
        std::vector<std::pair<std::string, std::string>> languages;
        for (const std::string& language : survey->languages) languages.emplace_back(language, LanguageName(language));
        BoldParagraph(frame, "Starting language");
        const int chosen = TileRow(frame, "pack_language", languages, form.language);
        if (chosen >= 0) form.language = languages[static_cast<std::size_t>(chosen)].first;
    }
    const std::vector<StationCard> cards = host.StationPackCards();
    if (cards.empty()) {
        Paragraph("No cards: no item in \"You said, we did\" is chosen for this survey's tablets.", true);
    } else {
        BoldParagraph(frame, "Cards (" + std::to_string(cards.size()) + "):");
        for (const StationCard& card : cards) {
            Paragraph("You told us: " + card.you_said.English());
            Paragraph("What we are doing: " + card.we_did.English(), true);
        }
    }
    const std::vector<std::string> keys = host.StationPackKeys();
    if (keys.empty()) {
        StaffWarning(frame, "No key: tablets set up with this pack keep answers unsealed. Unlock your key (and choose a "
                            "recovery key's public file) under \"Keys\" first.");
    } else {
        BoldParagraph(frame, "Answers are sealed to " + std::string(keys.size() == 1 ? "this key" : "these keys") +
                                 " (read the words to the volunteer):");
        for (const std::string& key : keys) Paragraph(key);
    }
    if (BigButton(frame, "download_station_pack", "Download the station pack", ButtonKind::Primary)) {
        host.DownloadStationPack(form);
    }
}

}  // namespace yousaid::ui
