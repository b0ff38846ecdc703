#include <emscripten.h>

#include <cstdlib>
#include <cstring>

#include <sodium.h>

#include "core/io/json_document.h"

#include "platform/accessible_layer.h"

namespace {

EM_JS(void, yousaid_js_publish_accessible, (const char* json), {
    Module.yousaidAccessible.publish(UTF8ToString(json));
});

EM_JS(char*, yousaid_js_take_accessible_events, (), {
    const text = Module.yousaidAccessible.take();
    const size = lengthBytesUTF8(text) + 1;
    const pointer = _malloc(size);
    stringToUTF8(text, pointer, size);
    return pointer;
});

EM_JS(int, yousaid_js_speech_available, (const char* language), {
    return Module.yousaidAccessible.speechAvailable(UTF8ToString(language)) ? 1 : 0;
});

EM_JS(void, yousaid_js_speak, (const char* text, const char* language), {
    Module.yousaidAccessible.speak(UTF8ToString(text), UTF8ToString(language));
});

EM_JS(void, yousaid_js_stop_speaking, (), { Module.yousaidAccessible.stop(); });

}  // namespace

namespace yousaid::platform {

void PublishAccessibleScreen(const std::string& json) { yousaid_js_publish_accessible(json.c_str()); }

std::vector<AccessibleEvent> TakeAccessibleEvents() {
    char* raw = yousaid_js_take_accessible_events();
    rapidjson::Document document;
    yousaid::ParseJson(document, raw);
    // What was typed may be a passphrase: the copy in the heap is overwritten before it goes.
    sodium_memzero(raw, std::strlen(raw));
    std::free(raw);
    std::vector<AccessibleEvent> events;
    if (document.HasParseError() || !document.IsArray()) return events;
    for (const auto& value : document.GetArray()) {
        if (!value.IsObject() || !value.HasMember("kind") || !value.HasMember("id")) continue;
        AccessibleEvent event;
        const std::string kind = value["kind"].GetString();
        event.kind = kind == "text"    ? AccessibleEvent::Kind::kTextChanged
                     : kind == "focus" ? AccessibleEvent::Kind::kFocus
                     : kind == "caret" ? AccessibleEvent::Kind::kCaret
                     : kind == "test"  ? AccessibleEvent::Kind::kTestCommand
                                       : AccessibleEvent::Kind::kActivate;
        event.item_id = value["id"].GetString();
        if (value.HasMember("text") && value["text"].IsString()) event.text = value["text"].GetString();
        if (value.HasMember("caret") && value["caret"].IsInt()) event.caret = value["caret"].GetInt();
        if (value.HasMember("selectionEnd") && value["selectionEnd"].IsInt()) {
            event.selection_end = value["selectionEnd"].GetInt();
        }
        events.push_back(std::move(event));
    }
    return events;
}

bool SpeechAvailable(const std::string& language) { return yousaid_js_speech_available(language.c_str()) != 0; }

void Speak(const std::string& text, const std::string& language) { yousaid_js_speak(text.c_str(), language.c_str()); }

void StopSpeaking() { yousaid_js_stop_speaking(); }

}  // namespace yousaid::platform
