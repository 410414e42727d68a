#!/bin/sh
# Regenerate expected/NAME.out for every benchmark program by running it with
# CPython, the oracle. Usage: regen_expected.sh [PYTHON]   (default: python3)
# Run it only after checking that a change to a program is intended.
set -eu
PYTHON="${1:-python3}"
cd "$(dirname "$0")"
mkdir -p expected
for prog in *.py; do
    name="${prog%.py}"
    printf '%s ... ' "$name"
    "$PYTHON" "$prog" > "expected/$name.out.tmp"
    mv "expected/$name.out.tmp" "expected/$name.out"
    echo ok
done
rm -rf __pycache__
