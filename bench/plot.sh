#!/usr/bin/env bash
# Turns the bench scripts' tables (bench/results/*.tsv) into PNGs under docs/bench/, one per table present.
# Installs Debian's python3-matplotlib if missing (PyPI is not needed).
# Usage: bench/plot.sh
source "$(dirname "$0")/lib.sh"
python3 -c 'import matplotlib' 2>/dev/null || apt_install python3-matplotlib
mkdir -p "$home/docs/bench"
python3 "$home/bench/plot.py" "$results" "$home/docs/bench"
