// What the app tells the page after each drawn frame: the accessible layer's screen (always)
// and, on a test page, a fuller report for browser tests.
#include <sstream>

#include "core/io/json_document.h"

#include "app/app.h"
#include "platform/durable_storage.h"

namespace yousaid::app {

namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void WriteString(JsonWriter& writer, const char* key, const std::string& value) {
    writer.Key(key);
    writer.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void WriteNumber(JsonWriter& writer, const char* key, float value) {
    writer.Key(key);
    writer.Double(static_cast<double>(value));
}

// Where the words were drawn, and whether a word had to be split to fit.
void WriteTextExtent(JsonWriter& writer, const ui::InteractiveItem& item) {
    writer.Key("text");
    writer.StartObject();
    WriteNumber(writer, "x", item.text_x);
    WriteNumber(writer, "y", item.text_y);
    WriteNumber(writer, "width", item.text_width);
    WriteNumber(writer, "height", item.text_height);
    writer.Key("wordsBroken");
    writer.Bool(item.words_broken);
    writer.EndObject();
}

void WriteItem(JsonWriter& writer, const ui::InteractiveItem& item) {
    writer.StartObject();
    WriteString(writer, "id", item.id);
    WriteString(writer, "label", item.label);
    WriteString(writer, "role", ui::ItemRoleName(item.role));
    WriteNumber(writer, "x", item.x);
    WriteNumber(writer, "y", item.y);
    WriteNumber(writer, "width", item.width);
    WriteNumber(writer, "height", item.height);
    if (item.role == ui::ItemRole::Text || item.text_width > 0) WriteTextExtent(writer, item);
    if (item.role == ui::ItemRole::Text) {
        WriteString(writer, "textKind", ui::TextKindName(item.text_kind));
        writer.Key("visible");
        writer.Bool(item.fully_visible);
        writer.EndObject();
        return;
    }
    writer.Key("enabled");
    writer.Bool(item.enabled);
    writer.Key("checked");
    writer.Bool(item.checked);
    writer.Key("hovered");
    writer.Bool(item.hovered);
    writer.Key("visible");
    writer.Bool(item.fully_visible);
    if (!item.group.empty()) WriteString(writer, "group", item.group);
    if (!item.description.empty()) WriteString(writer, "description", item.description);
    if (!item.key_shortcut.empty()) WriteString(writer, "keyShortcut", item.key_shortcut);
    if (item.role == ui::ItemRole::TextField) {
        // A masked field's text never leaves the app: only how much of it there is.
        WriteString(writer, "value", item.masked ? std::string() : item.value);
        if (item.masked) {
            writer.Key("masked");
            writer.Bool(true);
            writer.Key("entered");
            writer.Int(item.entered);
        }
        WriteString(writer, "placeholder", item.placeholder);
        writer.Key("maxLength");
        writer.Int(item.max_length);
        writer.Key("caret");
        writer.Int(item.caret);
        if (item.caret >= 0) {
            WriteNumber(writer, "caretX", item.caret_x);
            WriteNumber(writer, "caretY", item.caret_y);
            WriteNumber(writer, "caretHeight", item.caret_height);
        }
    }
    writer.EndObject();
}

// Which of the frame's items a list holds: the accessible layer takes controls and text in
// reading order; the test report keeps controls ("items") apart from text ("texts").
enum class ItemKinds { kControls, kTexts, kBoth };

void WriteItems(JsonWriter& writer, const char* key, const ui::InteractiveItemList& items, ItemKinds kinds) {
    writer.Key(key);
    writer.StartArray();
    for (const ui::InteractiveItem& item : items.Items()) {
        const bool text = item.role == ui::ItemRole::Text;
        if ((text && kinds == ItemKinds::kControls) || (!text && kinds == ItemKinds::kTexts)) continue;
        if (items.Published(item)) WriteItem(writer, item);
    }
    writer.EndArray();
}

void WriteGroups(JsonWriter& writer, const ui::InteractiveItemList& items) {
    writer.Key("groups");
    writer.StartArray();
    for (const ui::ItemGroup& group : items.Groups()) {
        writer.StartObject();
        WriteString(writer, "id", group.id);
        WriteString(writer, "role", group.role == ui::ItemRole::Radio ? "radiogroup" : "group");
        WriteString(writer, "labelledBy", group.label_item);
        writer.EndObject();
    }
    writer.EndArray();
}

const char* StaffRoleName(ui::StaffRole role) {
    switch (role) {
        case ui::StaffRole::kNone: return "none";
        case ui::StaffRole::kVolunteer: return "volunteer";
        case ui::StaffRole::kOfficer: return "officer";
    }
    return "none";
}

const char* SaveStateName(ui::SaveState state) {
    switch (state) {
        case ui::SaveState::kNothingToSave: return "nothing";
        case ui::SaveState::kSaving: return "saving";
        case ui::SaveState::kSaved: return "saved";
        case ui::SaveState::kFailed: return "failed";
    }
    return "nothing";
}

void WriteSession(JsonWriter& writer, const RespondentSession& session, bool survey_available) {
    writer.Key("session");
    writer.StartObject();
    WriteString(writer, "surveyId", session.GetSurvey().id);
    writer.Key("surveyAvailable");
    writer.Bool(survey_available);
    WriteString(writer, "language", session.Language());
    const Question* question = session.CurrentQuestion();
    WriteString(writer, "questionId", question != nullptr ? question->id : std::string());
    writer.Key("questionNumber");
    writer.Int(session.CurrentQuestionNumber());
    writer.Key("shownCount");
    writer.Int(session.ShownQuestionCount());
    writer.Key("answerCount");
    writer.Uint64(session.Answers().size());
    writer.EndObject();
}

// The stored responses, so tests can compare what was tapped with what was kept.
void WriteStored(JsonWriter& writer, const ResponseStore& store, bool open) {
    writer.Key("stored");
    writer.StartArray();
    if (open) {
        for (const Response& response : store.Responses()) {
            std::ostringstream json;
            {
                cereal::JSONOutputArchive archive(json, cereal::JSONOutputArchive::Options::NoIndent());
                archive(cereal::make_nvp("response", response));
            }
            writer.RawValue(json.str().c_str(), json.str().size(), rapidjson::kObjectType);
        }
    }
    writer.EndArray();
}

// Every loaded survey's questions and languages, so a test can visit each question without
// knowing the survey files.
void WriteSurveys(JsonWriter& writer, const std::map<std::string, Survey>& surveys) {
    writer.Key("surveys");
    writer.StartArray();
    for (const auto& [id, survey] : surveys) {
        writer.StartObject();
        WriteString(writer, "id", id);
        writer.Key("languages");
        writer.StartArray();
        for (const std::string& language : survey.languages) writer.String(language.c_str());
        writer.EndArray();
        writer.Key("questions");
        writer.StartArray();
        for (const Question& question : survey.questions) writer.String(question.id.c_str());
        writer.EndArray();
        writer.EndObject();
    }
    writer.EndArray();
}

}  // namespace

std::string App::AccessibleScreenJson() const {
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.StartObject();
    WriteString(writer, "screen", CurrentScreenName());
    WriteString(writer, "title", title_);
    WriteString(writer, "announcement", announcement_);
    WriteItems(writer, "items", items_, ItemKinds::kBoth);
    WriteGroups(writer, items_);
    writer.EndObject();
    return buffer.GetString();
}

std::string App::FrameReportJson(const DrawnFrame& frame) const {
    rapidjson::StringBuffer buffer;
    JsonWriter writer(buffer);
    writer.StartObject();
    writer.Key("frame");
    writer.Uint64(frame.number);
    writer.Key("moreFramesDue");
    writer.Bool(frame.more_frames_due);
    writer.Key("inputTakenAt");
    writer.Double(frame.input_taken_at_ms);
    WriteString(writer, "screen", CurrentScreenName());
    WriteString(writer, "title", title_);
    WriteString(writer, "announcement", announcement_);
    // Every word of the screen's text, as read aloud: lets a test see what a screen says.
    WriteString(writer, "speech", speech_text_);
    writer.Key("fontsLoaded");
    writer.Bool(fonts_.LastError().empty());
    WriteString(writer, "fontError", fonts_.LastError());
    writer.Key("viewport");
    writer.StartObject();
    writer.Key("width");
    writer.Int(frame.css_width);
    writer.Key("height");
    writer.Int(frame.css_height);
    WriteNumber(writer, "devicePixelRatio", frame.device_pixel_ratio);
    writer.EndObject();
    writer.Key("display");
    writer.StartObject();
    writer.Key("textSize");
    writer.Double(static_cast<double>(display_.BodyTextSize()));
    writer.Key("highContrast");
    writer.Bool(display_.high_contrast);
    writer.Key("dyslexiaFont");
    writer.Bool(display_.dyslexia_font);
    writer.EndObject();
    WriteSession(writer, *session_, SurveyAvailable());
    WriteSurveys(writer, surveys_);
    writer.Key("storage");
    writer.StartObject();
    writer.Key("open");
    writer.Bool(store_open_);
    WriteString(writer, "openReport", store_message_);
    writer.Key("responses");
    writer.Uint64(store_open_ ? store_.Responses().size() : 0);
    WriteString(writer, "saveState", SaveStateName(LastSaveState()));
    writer.Key("durableGeneration");
    writer.Uint64(platform::DurableGeneration());
    // The last save's sealing alone (null until one is sealed): the storage's write is apart.
    writer.Key("lastSealMs");
    if (last_seal_ms_ < 0) {
        writer.Null();
    } else {
        writer.Double(last_seal_ms_);
    }
    writer.EndObject();
    writer.Key("staff");
    writer.StartObject();
    WriteString(writer, "notice", notice_);
    WriteString(writer, "role", StaffRoleName(staff_.Auth().Role()));
    writer.Key("importLines");
    writer.StartArray();
    for (const ui::ImportedFileOutcome& file : import_batch_.files) {
        writer.String(file.summary.c_str(), static_cast<rapidjson::SizeType>(file.summary.size()));
        for (const std::string& detail : file.details) writer.String(("    " + detail).c_str());
    }
    writer.EndArray();
    writer.Key("officerResponses");
    writer.Uint64(ImportedCount());
    writer.Key("notExported");
    writer.Uint64(store_open_ ? store_.NotYetExportedCount() : 0);
    // How far the hold on the staff corner has got (the ring drawn under the finger), 0 to 1.
    writer.Key("doorProgress");
    writer.Double(static_cast<double>(StaffDoorProgress()));
    writer.EndObject();
    WriteStored(writer, store_, store_open_);
    WriteItems(writer, "items", items_, ItemKinds::kControls);
    WriteItems(writer, "texts", items_, ItemKinds::kTexts);
    WriteGroups(writer, items_);
    WriteString(writer, "drawnText", drawn_text_);
    writer.EndObject();
    return buffer.GetString();
}

}  // namespace yousaid::app
