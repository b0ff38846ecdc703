#pragma once
// The one way to include RapidJSON in this project. cereal configures RapidJSON to throw
// instead of asserting; a file that included RapidJSON on its own would compile the same
// inline functions with an aborting assert, and the linker may keep either copy, so damaged
// JSON could end the app. Including cereal's JSON archive first gives every file the same
// (throwing) RapidJSON.
#include <cereal/archives/json.hpp>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string_view>

namespace yousaid {

// Every JSON text Yousaid reads itself goes through this one parse: the same flags and the
// same input stream, so that one copy of RapidJSON's parser is linked rather than one per
// combination (each is tens of kilobytes of a tablet's download). Iterative, so deeply
// nested input cannot exhaust the stack; validating UTF-8; not full precision (Debian's
// RapidJSON 1.1.0 crashes in it: see survey_loader.cpp).
inline constexpr unsigned kJsonParseFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;

inline void ParseJson(rapidjson::Document& document, std::string_view text) {
    document.Parse<kJsonParseFlags>(text.data(), text.size());
}

}  // namespace yousaid
