#include "app/officer_keys.h"

#include <algorithm>

#include "platform/file_exchange.h"
#include "platform/platform.h"

namespace yousaid::app {

namespace {

// Private key files are well under a kilobyte; anything near this is not one.
constexpr std::size_t kMaxKeyFileBytes = 64 * 1024;

std::string PrivateFileName(const std::string& key_id) { return "officer_key_" + key_id + ".private.json"; }
std::string PublicFileName(const std::string& key_id) { return "officer_key_" + key_id + ".public.json"; }

}  // namespace

OfficerKeys::~OfficerKeys() { WipeText(pending_passphrase_); }

void OfficerKeys::StartWork(ui::KeyWork work, const std::string& passphrase) {
    WipeText(pending_passphrase_);
    pending_passphrase_ = passphrase;
    work_ = work;
    work_shown_ = false;
    notice_ = {work, {}, {}};
}

void OfficerKeys::CreateKey(const std::string& name, const std::string& passphrase) {
    if (work_ != ui::KeyWork::kNone) return;
    created_.reset();
    created_files_.reset();
    pending_name_ = name;
    StartWork(ui::KeyWork::kCreating, passphrase);
}

void OfficerKeys::UnlockKey(const std::string& passphrase) {
    if (work_ != ui::KeyWork::kNone || chosen_text_.empty()) return;
    StartWork(ui::KeyWork::kUnlocking, passphrase);
}

bool OfficerKeys::Tick() {
    if (work_ == ui::KeyWork::kNone || !work_shown_) return false;
    if (work_ == ui::KeyWork::kCreating) {
        RunCreate();
    } else {
        RunUnlock();
    }
    WipeText(pending_passphrase_);
    work_ = ui::KeyWork::kNone;
    work_shown_ = false;
    return true;
}

void OfficerKeys::RunCreate() {
    const std::string today = platform::LocalDate(hooks_.now_ms());
    Result<OfficerKeyFiles> made = CreateOfficerKey(pending_name_, today, pending_passphrase_);
    if (!made.ok()) {
        notice_.problems = made.problems;
        return;
    }
    const std::string& id = made.value->key_id;
    created_ = ui::CreatedKey{id, KeyIdWords(id), pending_name_, PrivateFileName(id), PublicFileName(id)};
    created_files_ = std::move(*made.value);
    const Result<PublicKeyFile> made_public = ReadPublicKeyFile(created_files_->public_file, PublicFileName(id));
    if (made_public.ok()) AddStationKey(pack_keys_, *made_public.value);
}

void OfficerKeys::RunUnlock() {
    const std::int64_t started = hooks_.now_ms();
    Result<KeyPair> unlocked = UnlockPrivateKeyFile(chosen_text_, pending_passphrase_, chosen_name_);
    if (!unlocked.ok()) {
        // Nothing else changes: the keys unlocked before stay, the file stays chosen.
        notice_.problems = unlocked.problems;
        return;
    }
    const std::string id = KeyIdOf(unlocked.value->public_key);
    const std::string& name = chosen_public_.name;
    if (!keyring_.Has(id)) unlocked_.push_back({id, name, KeyIdWords(id)});
    keyring_.Add(*unlocked.value);
    AddStationKey(pack_keys_, chosen_public_);  // already there when unlocked before: nothing to add
    notice_.message = "Unlocked " + name + "'s key (" + KeyIdWords(id) + ") in " +
                      std::to_string(hooks_.now_ms() - started) + " ms.";
    hooks_.keyring_changed();
}

void OfficerKeys::AcceptKeyFile(const std::string& name, const std::string& bytes) {
    notice_ = {ui::KeyWork::kUnlocking, {}, {}};
    if (bytes.size() > kMaxKeyFileBytes) {
        notice_.problems = {Problem::Saying(name + " is not a key file")};
        return;
    }
    const Result<PrivateKeyFile> read = ReadPrivateKeyFile(bytes, name);
    if (read.ok()) {
        chosen_name_ = name;
        chosen_text_ = bytes;
        chosen_public_ = read.value->public_part;
        return;
    }
    // Not a private key file: a recovery key's public file goes into the station packs.
    const Result<PublicKeyFile> public_key = ReadPublicKeyFile(bytes, name);
    if (!public_key.ok()) {
        notice_.problems = read.problems;
        return;
    }
    const Status added = AddStationKey(pack_keys_, *public_key.value);
    notice_.message = added.ok() ? "Added " + KeyInWords(*public_key.value) +
                                       " to the station packs made here: tablets set up with them seal answers to it too."
                                 : added.Message();
}

void OfficerKeys::DownloadCreatedKey(bool private_file) {
    if (!created_files_ || !created_) return;
    const std::string& name = private_file ? created_->private_file_name : created_->public_file_name;
    const std::string& text = private_file ? created_files_->private_file : created_files_->public_file;
    if (platform::OfferDownload(name, text, "application/json") == platform::DownloadOutcome::kUnavailable) {
        notice_ = {ui::KeyWork::kCreating, "", {Problem::Saying(name + " could not be offered as a download here.")}};
    }
}

void OfficerKeys::RemoveKey(const std::string& key_id) {
    if (!keyring_.Has(key_id)) return;
    keyring_.Remove(key_id);
    unlocked_.erase(std::remove_if(unlocked_.begin(), unlocked_.end(),
                                   [&](const ui::UnlockedKey& key) { return key.key_id == key_id; }),
                    unlocked_.end());
    notice_ = {ui::KeyWork::kNone, "Locked key " + KeyIdWords(key_id) + ".", {}};
    hooks_.keyring_changed();
}

void OfficerKeys::LockKeys() {
    const bool had_keys = !keyring_.Empty();
    keyring_.Lock();
    unlocked_.clear();
    notice_ = {ui::KeyWork::kNone, had_keys ? "Every key is locked: they are wiped from this page's memory." : "", {}};
    if (had_keys) hooks_.keyring_changed();
}

void OfficerKeys::Forget() {
    WipeText(pending_passphrase_);
    work_ = ui::KeyWork::kNone;
    work_shown_ = false;
    chosen_name_.clear();
    chosen_text_.clear();
    chosen_public_ = {};
    pack_keys_ = {};
    created_.reset();
    created_files_.reset();
    LockKeys();
    notice_ = {};
}

std::string OfficerKeys::OfferPassphraseWords() {
    return RandomPassphraseWords([](std::uint8_t* out, std::size_t count) { platform::FillSecureRandom(out, count); });
}

}  // namespace yousaid::app
