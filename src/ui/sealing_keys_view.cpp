#include "ui/sealing_keys_view.h"

#include <imgui.h>

#include "core/base/calendar.h"

#include "ui/staff_widgets.h"
#include "ui/widgets.h"

namespace yousaid::ui {

void DrawSealingKeys(FrameContext& frame, const StaffHost& host) {
    if (!host.SealingKeysProblem().empty()) {
        FieldProblem(frame, host.SealingKeysProblem());
        return;
    }
    const StationKeys& keys = host.SealingKeys();
    if (keys.Empty()) {
        StaffWarning(frame, "Answers on this tablet are not sealed: anyone who opens this browser's storage or an "
                            "exported file can read them. Ask your officer for a station pack with their key.");
        return;
    }
    BoldParagraph(frame, keys.keys.size() == 1 ? std::string("Answers are sealed to this key:")
                                               : "Answers are sealed to these " + std::to_string(keys.keys.size()) + " keys:");
    for (const PublicKeyFile& key : keys.keys) Paragraph(KeyInWords(key));
    Paragraph("Only the officer who holds a key can read the answers. This tablet cannot read them back.", true);
}

namespace {

// One key: its name, its words, when it was made and its id, and a button to remove it.
void DrawKeyRow(FrameContext& frame, StaffHost& host, const PublicKeyFile& key) {
    BoldParagraph(frame, KeyInWords(key));
    const auto made = CalendarDate::FromIso(key.created);
    Paragraph("Made on " + (made ? made->InWords() : key.created) + ". Key id " + key.key_id + ".", true);
    if (BigButton(frame, "remove_key_" + key.key_id, "Remove " + key.name + "'s key", ButtonKind::Secondary)) {
        host.RemoveOfficerKey(key.key_id);
    }
    VerticalGap(0.3f);
}

}  // namespace

void OfficerKeysScreen::DrawContent(FrameContext& frame) {
    frame.title = "Officer keys";
    frame.announcement = frame.title;
    BeginColumn(kStaffColumnEm);
    Heading(frame, frame.title);
    Paragraph("Every response this station takes is sealed to these public keys as it is saved. Add the officer's key "
              "and a recovery key (a colleague's, or a team key kept in a safe), so that one lost passphrase does "
              "not lose the answers.");
    StaffNotice(frame, host_);
    if (!host_.SealingKeysProblem().empty()) FieldProblem(frame, host_.SealingKeysProblem());
    const StationKeys& keys = host_.SealingKeys();
    if (keys.Empty() && host_.SealingKeysProblem().empty()) {
        StaffWarning(frame, "No key yet: answers on this tablet are not sealed.");
    }
    for (const PublicKeyFile& key : keys.keys) DrawKeyRow(frame, host_, key);
    ImGui::Separator();
    const bool room = keys.keys.size() < kMaxRecipients;
    if (BigButton(frame, "add_public_key", "Add a public key file", ButtonKind::Primary, room)) host_.ChooseOfficerKeyFile();
    if (!room) DescribeLastItem(frame, "A response can be sealed to at most " + std::to_string(kMaxRecipients) + " keys.");
    Paragraph("A public key file is named like officer_key_8336a961f6ffec85.public.json. It cannot open anything: "
              "only its private key file and passphrase can.", true);
    if (BigButton(frame, "keys_back", "Back", ButtonKind::Secondary)) host_.GoTo(StaffPage::kOfficerHome);
    EndColumn();
}

}  // namespace yousaid::ui
