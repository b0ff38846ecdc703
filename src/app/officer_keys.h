#pragma once
// The officer's keys on the officer's page: the keyring of keys unlocked here (memory only,
// wiped on locking, leaving the figures or the idle timeout), making a new key and
// unlocking one from its private key file. Argon2id takes about a second at 64 MiB, so the
// work asked for in a frame runs in the app's tick after a frame saying so has been drawn.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/crypto/sealed_box.h"
#include "core/keys/officer_key.h"
#include "core/station/station_keys.h"
#include "ui/keys_host.h"

namespace yousaid::app {

class OfficerKeys : public ui::KeysHost {
public:
    struct Hooks {
        std::function<void()> keyring_changed;  // after every change of the keyring
        std::function<void()> pick_key_file;     // opens the file picker
        std::function<std::int64_t()> now_ms;
    };
    explicit OfficerKeys(Hooks hooks) : hooks_(std::move(hooks)) {}
    ~OfficerKeys() override;
    OfficerKeys(const OfficerKeys&) = delete;
    OfficerKeys& operator=(const OfficerKeys&) = delete;

    const Keyring& Ring() const { return keyring_; }
    // The public keys a station pack made here carries: every key unlocked or made on this
    // page, and public key files chosen (a colleague's or a team's recovery key).
    const StationKeys& PackKeys() const { return pack_keys_; }
    // Runs the work asked for, once a frame has said so; true when anything changed.
    bool Tick();
    // A file chosen in the picker: kept (in memory) to unlock when it reads as a private key
    // file; added to the station packs' keys when it reads as a public key file.
    void AcceptKeyFile(const std::string& name, const std::string& bytes);
    // The officer left the figures (another page, the idle timeout): every key wiped, and
    // every passphrase waiting, the chosen file and the key just made forgotten.
    void Forget();

    // ui::KeysHost
    const std::vector<ui::UnlockedKey>& UnlockedKeys() const override { return unlocked_; }
    void CreateKey(const std::string& name, const std::string& passphrase) override;
    const std::optional<ui::CreatedKey>& Created() const override { return created_; }
    void DownloadCreatedKey(bool private_file) override;
    void ChooseKeyFile() override { hooks_.pick_key_file(); }
    const std::string& ChosenKeyFile() const override { return chosen_name_; }
    void UnlockKey(const std::string& passphrase) override;
    void RemoveKey(const std::string& key_id) override;
    void LockKeys() override;
    ui::KeyWork Working() const override { return work_; }
    void WorkShown() override { work_shown_ = work_ != ui::KeyWork::kNone; }
    const ui::KeysNotice& KeyNotice() const override { return notice_; }
    std::string OfferPassphraseWords() override;

private:
    void RunCreate();
    void RunUnlock();
    void StartWork(ui::KeyWork work, const std::string& passphrase);

    Hooks hooks_;
    Keyring keyring_;
    std::vector<ui::UnlockedKey> unlocked_;  // in the keyring, in the order unlocked
    ui::KeyWork work_ = ui::KeyWork::kNone;
    bool work_shown_ = false;
    std::string pending_passphrase_;  // wiped as soon as the work is done
    std::string pending_name_;
    std::string chosen_name_;
    std::string chosen_text_;  // the private key file (its secret key sealed under the passphrase)
    PublicKeyFile chosen_public_;  // its public part, as the file says
    StationKeys pack_keys_;
    std::optional<OfficerKeyFiles> created_files_;
    std::optional<ui::CreatedKey> created_;
    ui::KeysNotice notice_;
};

}  // namespace yousaid::app
