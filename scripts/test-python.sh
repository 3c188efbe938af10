#!/usr/bin/env bash
# Builds the Python wheel, installs it into a virtualenv, and runs the pytest
# suite against the installed package, official SDK interop tests included.
# Then installs the wheel alone into a fresh virtualenv and runs the README's
# Python snippet there. Exits non-zero when any step fails.
#
# Needs Rust, a C compiler, and CPython 3.9 or later with pip and venv. The
# tools virtualenv (target/py-venv) is kept between runs to save the downloads.
set -euo pipefail
cd "$(dirname "$0")/.."

repository_root="$(pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repository_root/target}"
python="${PYTHON:-python3}"
tools_venv="$CARGO_TARGET_DIR/py-venv"
fresh_venv="$CARGO_TARGET_DIR/py-fresh-venv"
wheel_dir="$CARGO_TARGET_DIR/wheels"

echo "==> Python tools virtualenv: $tools_venv"
if [ ! -x "$tools_venv/bin/python" ]; then
    "$python" -m venv "$tools_venv"
fi
"$tools_venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    -r bindings/python/requirements-test.txt

echo "==> Building the wheel"
# A debug build, because it compiles faster and the suite waits on sockets,
# not on CPU. From a cold target directory on a 2-core machine, the debug
# build took 1 min 52 s and `maturin build --release` 2 min 45 s.
rm -f "$wheel_dir"/bcc_image-*.whl
(cd bindings/python && "$tools_venv/bin/maturin" build --quiet --out "$wheel_dir")
wheel="$(ls "$wheel_dir"/bcc_image-*.whl)"
echo "built $wheel"

echo "==> Installing the wheel and running pytest"
"$tools_venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    --force-reinstall --no-deps "$wheel"
# Running from target/ keeps the source tree's python/ directory off sys.path,
# so the tests import the installed package.
(cd "$CARGO_TARGET_DIR" && "$tools_venv/bin/python" -m pytest -p no:cacheprovider -q -rs \
    "$repository_root/bindings/python/tests")

echo "==> Installing the wheel into a fresh virtualenv and running the README snippet"
"$python" -m venv --clear "$fresh_venv"
"$fresh_venv/bin/python" -m pip install --quiet --disable-pip-version-check "$wheel"
(cd "$CARGO_TARGET_DIR" && "$fresh_venv/bin/python" \
    "$repository_root/bindings/python/tests/readme_snippet.py" "$repository_root/README.md")

echo "==> Python tests passed"
