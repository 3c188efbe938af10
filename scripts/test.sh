#!/usr/bin/env bash
# Runs every test suite: Rust (library, C ABI, emulator), Python, and the native
# C/C++ install and scripting tests. Exits non-zero when any suite fails.
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
    if [ -x "$suite" ]; then
        echo "==> $suite"
        "$suite"
    fi
done
echo "==> all suites passed"
