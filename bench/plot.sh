#!/usr/bin/env bash
# Turns the bench scripts' tables (bench/results/*.tsv) into PNGs under docs/bench/, one per table present.
# Uses Debian's python3 and python3-matplotlib (installed if missing; PyPI is not needed), not whichever python3
# comes first on PATH.
# Usage: bench/plot.sh
source "$(dirname "$0")/lib.sh"
python=/usr/bin/python3
"$python" -c 'import matplotlib' 2>/dev/null || apt_install python3 python3-matplotlib
mkdir -p "$home/docs/bench"
"$python" "$home/bench/plot.py" "$results" "$home/docs/bench"
