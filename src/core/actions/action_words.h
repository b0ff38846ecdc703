#pragma once
// The few words the quoted figure and the poster need, in English and in Polish for parents
// and carers (formal, "Państwo", as the parent-carer survey is). Internal to core/actions.
#include <string>

#include "core/actions/action_list.h"

namespace yousaid {

struct ActionWords {
    const char* everyone;
    const char* wave;
    const char* since;
    const char* you_said;
    const char* we_did;
    const char* we_will;
    const char* we_are_doing;
    const char* by;
    const char* updated;
    const char* heading;
};

inline constexpr ActionWords kEnglishWords{"Everyone", "wave", "since", "You said", "We did", "We will", "We are doing", "By",
                              "Updated", "You said, we did"};
inline constexpr ActionWords kPolishWords{"Wszyscy", "fala", "od", "Powiedzieli Pa\xC5\x84stwo", "Zrobili\xC5\x9Bmy",
                             "Zrobimy", "Robimy", "Do", "Zaktualizowano", "Powiedzieli Pa\xC5\x84stwo, zrobili\xC5\x9Bmy"};

inline const ActionWords& WordsIn(const std::string& language) { return language == kPolish ? kPolishWords : kEnglishWords; }

}  // namespace yousaid
