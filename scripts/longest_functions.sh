#!/usr/bin/env bash
# Lists the longest functions in src/ (lines from signature to closing brace), longest first,
# from universal-ctags' end-line field. Usage: scripts/longest_functions.sh [COUNT]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ctags -R --languages=C++ --kinds-C++=f --fields=+ne -x --_xformat='%{end} %{line} %F %N' src |
  awk '$1 > 0 { printf "%5d  %s:%d  %s\n", $1 - $2 + 1, $3, $2, $4 }' | sort -rn | head -n "${1:-15}"
