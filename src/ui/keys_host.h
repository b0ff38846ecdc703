#pragma once
// What the workspace's Keys view (keys_view.h) needs from the app: the officer's keys
// unlocked on this device (in memory only), making a new key, and unlocking one from its
// private key file. Making and unlocking each take about a second (Argon2id at 64 MiB): the
// app starts them only after a frame that says so has been drawn.
#include <optional>
#include <string>
#include <vector>

#include "core/base/problem.h"

namespace yousaid::ui {

// One key unlocked on this device: its name, id and the id's four words.
struct UnlockedKey {
    std::string key_id;
    std::string name;
    std::string words;
};

// A key just made, whose two files can be downloaded.
struct CreatedKey {
    std::string key_id;
    std::string words;
    std::string name;
    std::string private_file_name;  // officer_key_<id>.private.json
    std::string public_file_name;
};

enum class KeyWork { kNone, kCreating, kUnlocking };

struct KeysNotice {
    KeyWork about = KeyWork::kNone;  // which part of the view says it (kNone: the unlocked keys')
    std::string message;            // "Unlocked: ..." / "Locked: ..."
    std::vector<Problem> problems;  // a wrong passphrase, a file that is not a key
};

class KeysHost {
public:
    virtual ~KeysHost() = default;
    virtual const std::vector<UnlockedKey>& UnlockedKeys() const = 0;
    // Starts making a key pair sealed under `passphrase` (checked by the view: long enough,
    // typed twice alike). The host keeps its own copy only until the work is done, then wipes it.
    virtual void CreateKey(const std::string& name, const std::string& passphrase) = 0;
    virtual const std::optional<CreatedKey>& Created() const = 0;
    virtual void DownloadCreatedKey(bool private_file) = 0;
    // Opens the file picker for a private key file; the file chosen is named by ChosenKeyFile.
    virtual void ChooseKeyFile() = 0;
    virtual const std::string& ChosenKeyFile() const = 0;
    // Starts unlocking the chosen file with `passphrase` (a copy, wiped once tried).
    virtual void UnlockKey(const std::string& passphrase) = 0;
    virtual void RemoveKey(const std::string& key_id) = 0;
    // Every unlocked key wiped.
    virtual void LockKeys() = 0;
    virtual KeyWork Working() const = 0;
    // The view drew a frame saying what is being worked on: the work may start.
    virtual void WorkShown() = 0;
    virtual const KeysNotice& KeyNotice() const = 0;
    // Four random words (from secure randomness) the officer may use as a passphrase.
    virtual std::string OfferPassphraseWords() = 0;
};

}  // namespace yousaid::ui
