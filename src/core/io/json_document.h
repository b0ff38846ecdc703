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
