#pragma once
// Who is signed in to the staff area, as which role, since when. A state, not a screen:
// every staff and officer page and every staff request checks it. Leaving the staff area,
// the idle timeout and a reload (it lives only in memory) end it.
#include <cstdint>

#include "ui/staff_host.h"

namespace yousaid::app {

class StaffAuthentication {
public:
    void SignIn(ui::StaffRole role, std::int64_t now_ms) {
        role_ = role;
        since_ms_ = now_ms;
    }
    // Back to a volunteer (a forgotten officer PIN was cleared); never up.
    void LowerTo(ui::StaffRole role) {
        if (Allows(role)) role_ = role;
    }
    void End() {
        role_ = ui::StaffRole::kNone;
        since_ms_ = 0;
    }
    ui::StaffRole Role() const { return role_; }
    std::int64_t SinceMs() const { return since_ms_; }
    // An officer may do everything a volunteer may.
    bool Allows(ui::StaffRole needed) const { return static_cast<int>(role_) >= static_cast<int>(needed); }

private:
    ui::StaffRole role_ = ui::StaffRole::kNone;
    std::int64_t since_ms_ = 0;
};

}  // namespace yousaid::app
