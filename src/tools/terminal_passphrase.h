#pragma once
// Asking for a passphrase on the terminal without echo, for the command-line tools. The
// passphrase is never printed, logged or written.
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

namespace yousaid::tools {

inline std::string ReadHidden(const std::string& prompt) {
    std::fprintf(stderr, "%s", prompt.c_str());
    termios before{};
    const bool terminal = tcgetattr(STDIN_FILENO, &before) == 0;
    if (terminal) {
        termios hidden = before;
        hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &hidden);
    }
    std::string line;
    std::getline(std::cin, line);
    if (terminal) tcsetattr(STDIN_FILENO, TCSANOW, &before);
    std::fprintf(stderr, "\n");
    return line;
}

}  // namespace yousaid::tools
