// The whole-file read and the flushed write that every stored or imported file goes through.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <string>

#include "core/base/file_io.h"
#include "response_fixtures.h"

using response_fixtures::ReadBytes;
using response_fixtures::ScratchDirectory;
using yousaid::FileReadOutcome;
using yousaid::ReadWholeFile;
using yousaid::WriteAllAndSync;

namespace {

void Write(const std::string& path, const std::string& bytes) {
    const int descriptor = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(descriptor >= 0);
    CHECK(WriteAllAndSync(descriptor, bytes, path) == "");
    ::close(descriptor);
}

}  // namespace

TEST_CASE("a file is read whole, bytes exactly as written, up to and including the limit") {
    ScratchDirectory scratch;
    const std::string path = scratch.File("settings.json");
    std::string bytes(200000, 'x');  // several read buffers' worth
    bytes[0] = '\0';
    bytes[199999] = '\xFF';
    Write(path, bytes);
    CHECK(ReadBytes(path) == bytes);

    const auto read = ReadWholeFile(path, bytes.size());
    CHECK(read.outcome == FileReadOutcome::kRead);
    CHECK(read.bytes == bytes);
    CHECK(read.error.empty());
    CHECK(read.size_on_disk == bytes.size());

    Write(path, "");
    const auto empty = ReadWholeFile(path, 0);
    CHECK(empty.outcome == FileReadOutcome::kRead);
    CHECK(empty.bytes.empty());
}

TEST_CASE("a missing file is told apart from one over the limit, and neither hands back bytes") {
    ScratchDirectory scratch;
    const auto missing = ReadWholeFile(scratch.File("nothing_here"), 100);
    CHECK(missing.outcome == FileReadOutcome::kMissing);
    CHECK(missing.bytes.empty());

    const std::string path = scratch.File("big.yslog");
    Write(path, std::string(101, 'y'));
    const auto big = ReadWholeFile(path, 100);
    CHECK(big.outcome == FileReadOutcome::kTooBig);
    CHECK(big.bytes.empty());
    CHECK(big.error == path + " is larger than 100 bytes");
    CHECK(big.size_on_disk == 101u);  // refused by its size, which callers can report
}

TEST_CASE("a directory where a file should be is a failure that names the path") {
    ScratchDirectory scratch;
    const auto read = ReadWholeFile(scratch.File(""), 100);
    CHECK(read.outcome == FileReadOutcome::kFailed);
    CHECK(read.bytes.empty());
    CHECK(read.error.find(scratch.File("")) != std::string::npos);
    CHECK_FALSE(read.size_on_disk.has_value());
}

TEST_CASE("a write to a descriptor that cannot take it says so, naming the file") {
    ScratchDirectory scratch;
    const std::string path = scratch.File("read_only");
    Write(path, "abc");
    const int descriptor = ::open(path.c_str(), O_RDONLY);
    REQUIRE(descriptor >= 0);
    const std::string failure = WriteAllAndSync(descriptor, "more", path);
    ::close(descriptor);
    CHECK(failure.rfind("cannot write to " + path + ": ", 0) == 0);
    CHECK(ReadBytes(path) == "abc");
}
