#pragma once
// The app's own words (buttons, headings, the welcome and signposting screens) in every
// language a shipped survey offers. Survey wording comes from the survey file instead.
#include <string>
#include <vector>

namespace yousaid::ui {

enum class Phrase {
    kStart, kNext, kBack, kSkip, kYes, kNo, kSubmit, kChange, kFinish, kReadAloud, kSettings,
    kDone, kQuestionOf, kNotATest, kAnonymous, kWhoSees, kCanSkip, kConsentQuestion,
    kConsentYes, kConsentNo, kCheckTitle, kCheckIntro, kNotAnswered, kSkipped, kThankYou,
    kSaving, kSaved, kSaveFailed, kWorriedTitle, kWorriedBody, kTrustedAdult,
    kStillThere, kStillThereBody, kImHere, kTextSize, kStandardText, kLargeText,
    kExtraLargeText, kHighContrast, kDyslexiaFont, kLanguage, kOn, kOff, kTapToType,
    kBefore, kNow, kOutOf10, kGettingReady, kDeclinedThanks, kCharactersLeft, kChooseAny,
    kNextPerson, kStationNotReady, kAskStaff, kChooseOrSkip, kChooseToGoOn, kAdviceTitle,
    kAdviceBody, kWorriedContacts, kPhone, kWebsite, kMoreAnswersBelow,
    kYouToldUsTitle, kYouToldUs, kSoWe, kCardOf, kSkipToSurvey, kSeeWhatChanged,
};

// The phrase in `language`, or in English when there is no translation.
const std::string& Say(Phrase phrase, const std::string& language);
// The phrase with its numbers filled in: Say(kQuestionOf, "en", 4, 12) is "Question 4 of 12".
std::string Say(Phrase phrase, const std::string& language, int first, int second = 0);
// A language's own name for itself ("English", "Polski").
std::string LanguageName(const std::string& language);
// Every language's own name, in the order given: "English / Polski". The language button is
// labelled so in every language, so that whoever cannot read the current one finds theirs.
std::string LanguageNames(const std::vector<std::string>& languages);

}  // namespace yousaid::ui
