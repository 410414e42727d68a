#!/usr/bin/env bash
# Regenerate the expected outputs of the differential test suite from CPython 3.11.
#
# For every test program tests/python/<area>/<name>.py (helpers are skipped: files named
# mod_*.py and anything inside a folder named pkg_*), this runs
#     python3 <name>.py
# with the test's folder as working directory, PYTHONHASHSEED=0, stdin from /dev/null,
# and writes
#     <name>.out   CPython's stdout (always)
#     <name>.exit  only if the exit code is non-zero: two lines, the exit code and the
#                  last non-empty line of stderr (empty if stderr was empty)
# The runtime's differential test (runtime/tests/differential.rs) compares hotpy against
# these files in the same way.
#
# Usage: tests/regen.sh [SUBSTRING...]   (only regenerate tests whose path contains one of them)
# Env:   PYTHON=python3.11 to pick the interpreter (must be CPython 3.11).
set -u
PY="${PYTHON:-python3}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/python"

ver="$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if [ "$ver" != "3.11" ]; then
    echo "regen.sh: $PY is Python $ver, expected 3.11" >&2
    exit 2
fi

count=0
nonzero=0
while IFS= read -r -d '' test; do
    rel="${test#"$root"/}"
    if [ "$#" -gt 0 ]; then
        keep=0
        for pat in "$@"; do
            case "$rel" in *"$pat"*) keep=1 ;; esac
        done
        [ "$keep" = 1 ] || continue
    fi
    dir="$(dirname "$test")"
    name="$(basename "$test" .py)"
    errfile="$(mktemp)"
    (
        cd "$dir" &&
        PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 PYTHONIOENCODING=utf-8 \
            timeout 60 "$PY" "$name.py" </dev/null >"$name.out" 2>"$errfile"
    )
    code=$?
    if [ "$code" -ne 0 ]; then
        last="$(grep -v '^[[:space:]]*$' "$errfile" | tail -n 1)"
        printf '%s\n%s\n' "$code" "$last" >"$dir/$name.exit"
        nonzero=$((nonzero + 1))
    else
        rm -f "$dir/$name.exit"
    fi
    rm -f "$errfile"
    count=$((count + 1))
done < <(find "$root" -name '*.py' ! -name 'mod_*' ! -path '*/pkg_*' -print0 | sort -z)

find "$root" -name __pycache__ -type d -prune -exec rm -rf {} +
echo "regenerated $count tests ($nonzero with a non-zero exit code)"
