#!/usr/bin/env bash
# Runs every test suite: the docs check, Rust (library, C ABI, emulator), Python,
# the native C/C++ install and scripting tests, and the reliability suite (fuzzing
# and the C programs under valgrind). Exits non-zero when any suite fails.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> API docs and README commands"
python3 scripts/check-docs.py

echo "==> Rust tests: library, signing vectors, C programs, emulator"
# default-members leaves out the Python binding, which maturin builds.
cargo test

echo "==> rustdoc builds without warnings"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps -p bcc-image -p bcc-emulator

for suite in scripts/test-python.sh scripts/test-native.sh scripts/test-reliability.sh; do
    echo "==> $suite"
    "$suite"
done
echo "==> all suites passed"
