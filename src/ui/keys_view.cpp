#include "ui/keys_view.h"

#include <imgui.h>

#include "core/crypto/sealed_box.h"
#include "core/keys/officer_key.h"
#include "ui/staff_widgets.h"
#include "ui/widgets.h"

namespace yousaid::ui {

namespace {

constexpr int kMaxPassphraseBytes = 200;

void DrawNotice(FrameContext& frame, const KeysNotice& notice) {
    for (const Problem& problem : notice.problems) StaffWarning(frame, problem.ToString());
    if (!notice.message.empty()) BoldParagraph(frame, notice.message);
}

}  // namespace

KeysView::~KeysView() { Wipe(); }

void KeysView::Wipe() {
    WipeText(unlock_passphrase_);
    WipeText(passphrase_);
    WipeText(passphrase_again_);
    WipeText(offered_words_);
    create_problem_.clear();
}

void KeysView::Draw(FrameContext& frame) {
    Heading(frame, "Keys");
    Paragraph("Answers sealed to an officer's key can be read only where that key is unlocked with its passphrase. "
              "Unlocked keys stay in this page's memory only: locking, leaving the figures or walking away (the "
              "idle timeout) wipes them.");
    DrawUnlocked(frame);
    DrawUnlock(frame);
    DrawCreate(frame);
}

void KeysView::DrawUnlocked(FrameContext& frame) {
    Heading(frame, "Unlocked keys");
    const std::vector<UnlockedKey>& keys = host_.UnlockedKeys();
    if (keys.empty()) Paragraph("No key is unlocked here.");
    for (const UnlockedKey& key : keys) {
        Paragraph(key.name + ": " + key.words + " (key id " + key.key_id + ")");
        if (BigButton(frame, "keys_remove:" + key.key_id, "Lock " + key.name + "'s key", ButtonKind::Secondary,
                      host_.Working() == KeyWork::kNone)) {
            host_.RemoveKey(key.key_id);
        }
    }
    if (!keys.empty() && BigButton(frame, "keys_lock", "Lock: wipe every unlocked key", ButtonKind::Danger,
                                   host_.Working() == KeyWork::kNone)) {
        host_.LockKeys();
    }
}

void KeysView::DrawUnlock(FrameContext& frame) {
    Heading(frame, "Unlock a key");
    const std::string& chosen = host_.ChosenKeyFile();
    Paragraph(chosen.empty() ? "Choose your private key file (officer_key_....private.json), then type its passphrase."
                             : "Key file: " + chosen);
    Paragraph("A recovery key's public file (officer_key_....public.json, a colleague's or the team's) can be chosen "
              "here too: the station packs made here then seal answers to it as well.",
              true);
    const bool idle = host_.Working() == KeyWork::kNone;
    if (BigButton(frame, "keys_choose_file", chosen.empty() ? "Choose a private key file" : "Choose another key file",
                  ButtonKind::Secondary, idle)) {
        host_.ChooseKeyFile();
    }
    MaskedField(frame, "unlock_passphrase", "Passphrase of this key", unlock_passphrase_, kMaxPassphraseBytes);
    if (BigButton(frame, "keys_unlock", "Unlock", ButtonKind::Primary,
                  idle && !chosen.empty() && !unlock_passphrase_.empty())) {
        host_.UnlockKey(unlock_passphrase_);
        WipeText(unlock_passphrase_);
    }
    if (host_.Working() == KeyWork::kUnlocking) {
        BoldParagraph(frame, "Unlocking the key: this takes a second or two...");
        host_.WorkShown();
    }
    if (host_.KeyNotice().about != KeyWork::kCreating) DrawNotice(frame, host_.KeyNotice());
}

void KeysView::DrawCreate(FrameContext& frame) {
    Heading(frame, "Create an officer key");
    StaffWarning(frame, "If the private key file or its passphrase is lost, nobody can ever read the answers sealed "
                        "to this key: not you, not the council, not the people who made this app. There is no reset.");
    Paragraph("Make a second key too, a recovery key kept by a colleague or in the team's safe, and give stations "
              "both public keys: then one lost passphrase does not lose a year's answers.");
    TextField(frame, "key_name", "Whose key is it (a name or a team)", name_, 80);
    const bool idle = host_.Working() == KeyWork::kNone;
    // The words come before the boxes they are typed into.
    if (BigButton(frame, "keys_offer_words", "Offer six random words", ButtonKind::Secondary, idle)) {
        WipeText(offered_words_);
        offered_words_ = host_.OfferPassphraseWords();
    }
    if (!offered_words_.empty()) {
        BoldParagraph(frame, "Suggested passphrase: " + offered_words_);
        Paragraph("Write it down and keep it apart from the key file, then type it in both boxes below.");
    }
    MaskedField(frame, "key_passphrase", "Passphrase, at least 12 characters", passphrase_, kMaxPassphraseBytes);
    MaskedField(frame, "key_passphrase_again", "The same passphrase again", passphrase_again_, kMaxPassphraseBytes);
    if (!create_problem_.empty()) StaffWarning(frame, create_problem_);
    if (BigButton(frame, "keys_create", "Create the key", ButtonKind::Primary, idle && !name_.empty())) Create();
    if (name_.empty()) DescribeLastItem(frame, "Type whose key it is first.");
    if (host_.Working() == KeyWork::kCreating) {
        BoldParagraph(frame, "Making the key, and unlocking it once to check it: this takes a few seconds...");
        host_.WorkShown();
    }
    if (host_.KeyNotice().about == KeyWork::kCreating) DrawNotice(frame, host_.KeyNotice());
    if (host_.Created()) DrawCreated(frame, *host_.Created());
}

void KeysView::Create() {
    create_problem_ = PassphraseProblem(passphrase_);
    if (create_problem_.empty() && passphrase_ != passphrase_again_) {
        create_problem_ = "The two passphrases are not the same. Type it again in both boxes.";
    }
    if (!create_problem_.empty()) {
        WipeText(passphrase_again_);
        return;
    }
    host_.CreateKey(name_, passphrase_);
    WipeText(passphrase_);
    WipeText(passphrase_again_);
    WipeText(offered_words_);
}

void KeysView::DrawCreated(FrameContext& frame, const CreatedKey& created) {
    BoldParagraph(frame, "Key made for " + created.name + ": " + created.words + " (key id " + created.key_id +
                             "). It unlocked once with its passphrase.");
    Paragraph("Download both files now. Keep the private key file safe, apart from its passphrase; the public key "
              "file goes to the stations.");
    const float half = (ColumnWidth() - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (BigButton(frame, "download_private_key", "Download the private key file", ButtonKind::Primary, true, half)) {
        host_.DownloadCreatedKey(true);
    }
    ImGui::SameLine();
    if (BigButton(frame, "download_public_key", "Download the public key file", ButtonKind::Secondary, true, half)) {
        host_.DownloadCreatedKey(false);
    }
}

}  // namespace yousaid::ui
