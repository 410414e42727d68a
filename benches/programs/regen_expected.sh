#!/bin/sh
# Regenerate the expected outputs of every benchmark program by running it with
# CPython, the oracle: expected/NAME.out for the classic programs,
# threads/expected/PATTERN.out (one thread), gc/expected/live_heap_MB.out and
# startup/expected/NAME.out. Usage: regen_expected.sh [PYTHON]   (default: python3)
# Run it only after checking that a change to a program is intended.
set -eu
PYTHON="${1:-python3}"
cd "$(dirname "$0")"
# regen OUT CMD...: run CMD, keep its stdout as OUT only if it succeeded.
regen() {
    out="$1"
    shift
    printf '%s ... ' "$out"
    "$@" > "$out.tmp"
    mv "$out.tmp" "$out"
    echo ok
}
mkdir -p expected threads/expected gc/expected startup/expected
for prog in *.py; do
    regen "expected/${prog%.py}.out" "$PYTHON" "$prog"
done
for pattern in $("$PYTHON" threads/patterns.py --list); do
    regen "threads/expected/$pattern.out" "$PYTHON" threads/patterns.py "$pattern" 1
done
for mb in 10 100 500; do
    regen "gc/expected/live_heap_$mb.out" "$PYTHON" gc/live_heap.py "$mb"
done
for prog in startup/*.py; do
    name="$(basename "$prog" .py)"
    regen "startup/expected/$name.out" "$PYTHON" "$prog"
done
find . -name __pycache__ -type d -exec rm -rf {} +
