#include "ui/interface_text.h"

#include <map>
#include <utility>

namespace yousaid::ui {

namespace {

using PhraseBook = std::map<Phrase, std::pair<std::string, std::string>>;  // English, Polish

const PhraseBook& Phrases() {
    static const PhraseBook book = {
        {Phrase::kStart, {"Start", "Zacznij"}},
        {Phrase::kNext, {"Next", "Dalej"}},
        {Phrase::kBack, {"Back", "Wstecz"}},
        {Phrase::kSkip, {"Skip", "Pomiń"}},
        {Phrase::kYes, {"Yes", "Tak"}},
        {Phrase::kNo, {"No", "Nie"}},
        {Phrase::kSubmit, {"Send my answers", "Wyślij moje odpowiedzi"}},
        {Phrase::kChange, {"Change", "Zmień"}},
        {Phrase::kFinish, {"Finish", "Zakończ"}},
        {Phrase::kReadAloud, {"Read aloud", "Czytanie na głos"}},
        {Phrase::kSettings, {"Text and colours", "Tekst i kolory"}},
        {Phrase::kDone, {"Done", "Gotowe"}},
        {Phrase::kQuestionOf, {"Question {1} of {2}", "Pytanie {1} z {2}"}},
        {Phrase::kNotATest, {"This is not a test. There are no right or wrong answers.",
                             "To nie jest test. Nie ma dobrych ani złych odpowiedzi."}},
        {Phrase::kAnonymous, {"We do not ask for your name.", "Nie pytamy o imię ani nazwisko."}},
        {Phrase::kWhoSees, {"Your answers are put together with everyone else's, so nobody can tell which are yours. Nobody after you on this tablet can see them.",
                            "Państwa odpowiedzi łączymy z odpowiedziami innych osób, więc nikt nie będzie wiedział, które są Państwa. Następna osoba na tym tablecie ich nie zobaczy."}},
        {Phrase::kCanSkip, {"You can skip any question you do not want to answer, and go back to change an answer.",
                            "Każde pytanie, na które nie chcą Państwo odpowiadać, można pominąć, a do odpowiedzi można wrócić i ją zmienić."}},
        {Phrase::kConsentQuestion, {"Are you happy to answer some questions?", "Czy zgadzają się Państwo odpowiedzieć na kilka pytań?"}},
        {Phrase::kConsentYes, {"Yes, I am happy to take part", "Tak, chcę wziąć udział"}},
        {Phrase::kConsentNo, {"No, not today", "Nie, nie dzisiaj"}},
        {Phrase::kCheckTitle, {"Check your answers", "Prosimy sprawdzić odpowiedzi"}},
        {Phrase::kCheckIntro, {"You can change any answer before you send them.",
                               "Przed wysłaniem mogą Państwo zmienić każdą odpowiedź."}},
        {Phrase::kNotAnswered, {"Not answered", "Brak odpowiedzi"}},
        {Phrase::kSkipped, {"Skipped", "Pominięto"}},
        {Phrase::kThankYou, {"Thank you for your answers", "Dziękujemy za odpowiedzi"}},
        {Phrase::kSaving, {"Saving your answers…", "Zapisujemy Państwa odpowiedzi…"}},
        {Phrase::kSaved, {"Your answers are saved.", "Państwa odpowiedzi są zapisane."}},
        {Phrase::kSaveFailed, {"Your answers could not be saved. Please tell the person running this survey.",
                               "Nie udało się zapisać odpowiedzi. Prosimy powiedzieć o tym osobie prowadzącej ankietę."}},
        {Phrase::kWorriedTitle, {"If anything worried you", "Jeśli coś Państwa zaniepokoiło"}},
        {Phrase::kWorriedBody, {"If any of these questions made you feel worried or upset, you do not have to deal with it alone.",
                                "Jeśli któreś z pytań Państwa zmartwiło lub zdenerwowało, nie muszą Państwo radzić sobie z tym sami."}},
        {Phrase::kTrustedAdult, {"You can also talk to an adult you trust: a teacher, your social worker, your personal adviser or the person running this survey.",
                                 "Mogą Państwo też porozmawiać z dorosłym, któremu Państwo ufają: nauczycielem, pracownikiem socjalnym, doradcą lub osobą prowadzącą ankietę."}},
        {Phrase::kStillThere, {"Are you still there?", "Czy nadal są tu Państwo?"}},
        {Phrase::kStillThereBody, {"We will close this survey in {1} seconds so the next person can start.",
                                   "Za {1} sekund zamkniemy ankietę, żeby mogła zacząć następna osoba."}},
        {Phrase::kImHere, {"Yes, I am still here", "Tak, nadal tu jestem"}},
        {Phrase::kTextSize, {"Text size", "Rozmiar tekstu"}},
        {Phrase::kStandardText, {"Standard", "Standardowy"}},
        {Phrase::kLargeText, {"Large", "Duży"}},
        {Phrase::kExtraLargeText, {"Extra large", "Bardzo duży"}},
        {Phrase::kHighContrast, {"High contrast colours", "Wysoki kontrast"}},
        {Phrase::kDyslexiaFont, {"Dyslexia-friendly letters", "Czcionka dla osób z dysleksją"}},
        {Phrase::kLanguage, {"Language", "Język"}},
        {Phrase::kOn, {"On", "Włączone"}},
        {Phrase::kOff, {"Off", "Wyłączone"}},
        {Phrase::kTapToType, {"Tap here to type", "Proszę dotknąć tutaj, aby pisać"}},
        {Phrase::kBefore, {"Before", "Przedtem"}},
        {Phrase::kNow, {"Now", "Teraz"}},
        {Phrase::kOutOf10, {"{1} out of 10", "{1} na 10"}},
        {Phrase::kGettingReady, {"Getting ready…", "Przygotowujemy…"}},
        {Phrase::kDeclinedThanks, {"That is fine. Thank you for stopping by.", "Nie ma problemu. Dziękujemy za odwiedziny."}},
        {Phrase::kCharactersLeft, {"{1} characters left", "Pozostało znaków: {1}"}},
        {Phrase::kChooseAny, {"Choose as many as you like.", "Można wybrać kilka odpowiedzi."}},
        {Phrase::kMoreAnswersBelow, {"More answers below", "Więcej odpowiedzi poniżej"}},
        {Phrase::kYouToldUsTitle, {"Last time, you told us", "Ostatnio powiedzieli nam Państwo"}},
        {Phrase::kYouToldUs, {"You told us", "Powiedzieli nam Państwo"}},
        {Phrase::kSoWe, {"What we are doing about it", "Co z tym robimy"}},
        {Phrase::kCardOf, {"{1} of {2}", "{1} z {2}"}},
        {Phrase::kSkipToSurvey, {"Skip to the survey", "Przejdź do ankiety"}},
        {Phrase::kSeeWhatChanged, {"You will see what changed next time on this tablet, and on the poster at your school or club.",
                                   "To, co zmienimy, zobaczą Państwo następnym razem na tym tablecie oraz na plakacie w szkole lub klubie."}},
        {Phrase::kNextPerson, {"Hand the tablet back or let the next person start.",
                               "Prosimy oddać tablet lub pozwolić zacząć następnej osobie."}},
        {Phrase::kStationNotReady, {"This survey is not ready", "Ta ankieta nie jest gotowa"}},
        {Phrase::kChooseOrSkip, {"Choose an answer, or tap Skip", "Prosimy wybrać odpowiedź lub dotknąć „Pomiń”"}},
        {Phrase::kChooseToGoOn, {"Choose an answer to go on", "Prosimy wybrać odpowiedź, aby przejść dalej"}},
        {Phrase::kAdviceTitle, {"Advice and support", "Porady i wsparcie"}},
        {Phrase::kAdviceBody, {"If you would like advice or support, you can contact:",
                               "Jeśli potrzebują Państwo porady lub wsparcia, mogą się Państwo zwrócić do:"}},
        {Phrase::kWorriedContacts, {"You can contact:", "Mogą się Państwo zwrócić do:"}},
        {Phrase::kPhone, {"Phone", "Telefon"}},
        {Phrase::kWebsite, {"Website", "Strona internetowa"}},
        {Phrase::kAskStaff, {"Please ask a member of staff.", "Prosimy poprosić o pomoc kogoś z obsługi."}},
    };
    return book;
}

}  // namespace

const std::string& Say(Phrase phrase, const std::string& language) {
    const auto& entry = Phrases().at(phrase);
    return language == "pl" ? entry.second : entry.first;
}

std::string Say(Phrase phrase, const std::string& language, int first, int second) {
    std::string text = Say(phrase, language);
    const std::pair<const char*, int> fills[] = {{"{1}", first}, {"{2}", second}};
    for (const auto& [marker, value] : fills) {
        const std::size_t at = text.find(marker);
        if (at != std::string::npos) text.replace(at, 3, std::to_string(value));
    }
    return text;
}

std::string LanguageName(const std::string& language) {
    if (language == "en") return "English";
    if (language == "pl") return "Polski";
    return language;
}

std::string LanguageNames(const std::vector<std::string>& languages) {
    std::string names;
    for (const std::string& language : languages) names += (names.empty() ? "" : " / ") + LanguageName(language);
    return names;
}

}  // namespace yousaid::ui
