#!/usr/bin/env bash
# Runs every benchmark and writes the table of target ratios, all measured in
# this one run, to stdout and to target/bench/results.md.
#
# Builds the release library, bcc-emulator, the bench programs (bench/) and a
# release wheel; installs the wheel and Baidu's bce-python-sdk 0.9.79 into
# target/py-venv; runs the criterion signing benchmarks (benches/signing.rs),
# then bench/python/compare.py. Every server listens on 127.0.0.1. The last
# line says whether every target was met. The exit status is non-zero only when
# a step fails, because a missed target is a measurement, not an error.
set -euo pipefail
cd "$(dirname "$0")/.."

repository_root="$(pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repository_root/target}"
python="${PYTHON:-python3}"
tools_venv="$CARGO_TARGET_DIR/py-venv"
wheel_dir="$CARGO_TARGET_DIR/bench/wheels"
release="$CARGO_TARGET_DIR/release"
results="$CARGO_TARGET_DIR/bench/results.md"
mkdir -p "$CARGO_TARGET_DIR/bench"

echo "==> Building the release library, emulator and bench programs" >&2
cargo build --quiet --release -p bcc-image -p bcc-emulator -p bcc-image-bench
cc -O2 -std=c11 -Wall -Wextra -Werror -Iinclude bench/c/rename_loop.c \
    -L"$release" -Wl,-rpath,"$release" -lbcc_image -lpthread -o "$release/rename_loop"

echo "==> Building the release wheel into $tools_venv" >&2
if [ ! -x "$tools_venv/bin/python" ]; then
    "$python" -m venv "$tools_venv"
fi
"$tools_venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    -r bindings/python/requirements-test.txt
rm -f "$wheel_dir"/bcc_image-*.whl
# On CPython 3.10 and later, measure the abi3-py310 wheel, which reads str
# arguments without an intermediate bytes object. WHEEL_ABI=py39 measures the
# wheel that also loads on 3.9.
wheel_features=()
if [ "${WHEEL_ABI:-}" != py39 ] && "$tools_venv/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
    wheel_features=(--no-default-features --features abi3-py310)
fi
echo "    maturin features: ${wheel_features[*]:-default (abi3-py39)}" >&2
(cd bindings/python && "$tools_venv/bin/maturin" build --quiet --release "${wheel_features[@]}" --out "$wheel_dir")
"$tools_venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    --force-reinstall --no-deps "$wheel_dir"/bcc_image-*.whl

echo "==> Running the criterion signing benchmarks" >&2
cargo bench --quiet --bench signing -- --noplot >&2

echo "==> Running the Python and C comparisons" >&2
# Running from target/ keeps bindings/python/python off sys.path, so the
# installed wheel is what gets measured.
(cd "$CARGO_TARGET_DIR" && "$tools_venv/bin/python" "$repository_root/bench/python/compare.py" \
    --responder "$release/bench-responder" \
    --emulator "$release/bcc-emulator" \
    --ureq-loop "$release/ureq-loop" \
    --c-loop "$release/rename_loop" \
    --criterion-dir "$CARGO_TARGET_DIR/criterion" \
    --output "$results")
echo "==> Table written to $results" >&2
