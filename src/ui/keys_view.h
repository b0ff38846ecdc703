#pragma once
// The workspace's Keys view: the officer's keys unlocked on this device, unlocking a key
// from its private key file, and making a new key ("Create an officer key"). Passphrases are
// typed into masked fields and wiped from this view's buffers as soon as they are handed on,
// when the view is left and when it goes.
#include <string>

#include "ui/frame_context.h"
#include "ui/keys_host.h"

namespace yousaid::ui {

class KeysView {
public:
    explicit KeysView(KeysHost& host) : host_(host) {}
    ~KeysView();
    KeysView(const KeysView&) = delete;
    KeysView& operator=(const KeysView&) = delete;
    void Draw(FrameContext& frame);
    // Forgets everything typed here (the passphrases wiped).
    void Wipe();

private:
    void DrawUnlocked(FrameContext& frame);
    void DrawUnlock(FrameContext& frame);
    void DrawCreate(FrameContext& frame);
    void DrawCreated(FrameContext& frame, const CreatedKey& created);
    void Create();

    KeysHost& host_;
    std::string unlock_passphrase_;
    std::string name_;
    std::string passphrase_;
    std::string passphrase_again_;
    std::string offered_words_;  // shown so the officer can write them down and type them
    std::string create_problem_;  // too short, or the two not alike
};

}  // namespace yousaid::ui
