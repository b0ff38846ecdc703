// libFuzzer target for the station pack and the tablet's cards file: no input may crash the
// readers, every refusal must say where, and whatever they accept must write and read back
// to the same bytes.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/station/station_pack.h"

namespace {

void Require(bool condition) {
    if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const yousaid::Result<yousaid::StationPack> pack = yousaid::ReadStationPack(input, "pack.json");
    if (pack.ok()) {
        Require(pack.value->cards.size() <= yousaid::kMaxStationCards);
        const std::string written = yousaid::StationPackJson(*pack.value);
        const yousaid::Result<yousaid::StationPack> again = yousaid::ReadStationPack(written, "pack.json");
        Require(again.ok());
        Require(yousaid::StationPackJson(*again.value) == written);
    } else {
        Require(!pack.problems.empty());
        for (const yousaid::Problem& problem : pack.problems) Require(problem.file == "pack.json");
    }
    const yousaid::Result<yousaid::StationCards> cards = yousaid::ReadStationCards(input, "cards.json");
    if (cards.ok()) {
        const std::string written = yousaid::StationCardsJson(*cards.value);
        const yousaid::Result<yousaid::StationCards> again = yousaid::ReadStationCards(written, "cards.json");
        Require(again.ok());
        Require(yousaid::StationCardsJson(*again.value) == written);
    } else {
        Require(!cards.problems.empty());
    }
    return 0;
}
