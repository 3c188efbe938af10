#!/usr/bin/env bash
# Tests bcc-image as a C, C++ and scripting user would get it. It builds the
# library and the emulator and runs `make install` into a temporary prefix.
# Then it builds consumers with pkg-config and with CMake, and runs them, the
# C++ wrapper tests, the ctypes test and the LuaJIT example, each against its
# own bcc-emulator on 127.0.0.1.
#
# Usage: scripts/test-native.sh
# Installs missing tools (cmake, pkg-config, g++, make, python3, luajit,
# valgrind) with apt-get. Prints one line per check and ends with
# "N passed, M failed"; exits non-zero when a check failed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}

# Credentials that only the emulators started here accept.
export BCE_ACCESS_KEY_ID=native-test-access-key
export BCE_SECRET_ACCESS_KEY=native-test-secret-key
unset BCE_SECURITY_TOKEN BCE_ENDPOINT BCE_REGION
IMAGE_ID=m-1849ef6b

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bcc-native.XXXXXX")
PREFIX=$WORK/prefix
# Each check runs in a subshell, so the emulators' PIDs go to a file that the
# parent shell reads to stop them.
EMULATOR_PIDS=$WORK/emulator.pids
touch "$EMULATOR_PIDS"

stop_emulators() {
    local pid
    while read -r pid; do
        kill "$pid" 2>/dev/null || true
    done <"$EMULATOR_PIDS"
    : >"$EMULATOR_PIDS"
}

cleanup() {
    stop_emulators
    rm -rf "$WORK"
}
trap cleanup EXIT

# --- Tools -------------------------------------------------------------------

ensure_tools() {
    if ! command -v cargo >/dev/null; then
        echo "cargo not found: install Rust with rustup, then run this script again" >&2
        exit 1
    fi

    local missing=()
    command -v cmake >/dev/null || missing+=(cmake)
    command -v pkg-config >/dev/null || missing+=(pkg-config)
    command -v g++ >/dev/null || missing+=(g++)
    command -v make >/dev/null || missing+=(make)
    command -v python3 >/dev/null || missing+=(python3)
    command -v luajit >/dev/null || missing+=(luajit)
    command -v valgrind >/dev/null || missing+=(valgrind)
    if [ ${#missing[@]} -eq 0 ]; then
        return
    fi

    echo "installing ${missing[*]} with apt-get"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo=sudo
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# --- Checks ------------------------------------------------------------------

PASSED=0
FAILED=0
mkdir -p "$WORK/logs"

# Runs a command as one check, with its output in a log that is shown on failure.
# The subshell runs outside any `if`, because bash ignores `set -e` in a
# function that is called as an `if` condition.
check() {
    local name=$1
    shift
    local log="$WORK/logs/${name// /_}.log"
    local status=0
    local start=$SECONDS
    set +e
    (
        set -e
        "$@"
    ) >"$log" 2>&1
    status=$?
    set -e
    stop_emulators

    if [ "$status" -eq 0 ]; then
        PASSED=$((PASSED + 1))
        echo "ok   $name ($((SECONDS - start)) s)"
    else
        FAILED=$((FAILED + 1))
        echo "FAIL $name (exit status $status)"
        sed 's/^/     /' "$log" | tail -n 40
    fi
}

# Starts a bcc-emulator on a free port of 127.0.0.1 and sets ENDPOINT from
# the first line it prints, `listening on http://127.0.0.1:PORT`.
start_emulator() {
    # The file exists before the emulator starts, so the loop can read it at once.
    local output
    output=$(mktemp "$WORK/emulator.XXXXXX")
    "$CARGO_TARGET_DIR/release/bcc-emulator" --listen 127.0.0.1:0 \
        --credentials "$BCE_ACCESS_KEY_ID:$BCE_SECRET_ACCESS_KEY" --image "$IMAGE_ID=oldName" \
        >"$output" 2>"$output.log" &
    echo $! >>"$EMULATOR_PIDS"

    local line=""
    for _ in $(seq 100); do
        line=$(head -n 1 "$output")
        if [ -n "$line" ]; then
            break
        fi
        sleep 0.1
    done
    case "$line" in
        "listening on http://"*) ENDPOINT=${line#listening on } ;;
        *) echo "the emulator did not start; its log:" >&2; cat "$output.log" >&2; exit 1 ;;
    esac
}

# Prints the emulator's current name of an image, from its control endpoint.
image_name() {
    python3 - "$ENDPOINT" "$1" <<'EOF'
import json, sys, urllib.request
with urllib.request.urlopen(sys.argv[1] + "/_emulator/images", timeout=5) as response:
    images = json.load(response)["images"]
print(next(image["name"] for image in images if image["id"] == sys.argv[2]))
EOF
}

# Runs a rename program against a fresh emulator and checks the image's name.
rename_with() {
    start_emulator
    "$@" "$ENDPOINT" "$IMAGE_ID" newName
    test "$(image_name "$IMAGE_ID")" = newName
}

# --- Install -----------------------------------------------------------------

check_install_layout() {
    local soname
    soname=$(readelf -d "$PREFIX/lib/libbcc_image.so.$VERSION" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
    test "$soname" = libbcc_image.so.0.1
    test "$(readlink "$PREFIX/lib/libbcc_image.so.0.1")" = "libbcc_image.so.$VERSION"
    test "$(readlink "$PREFIX/lib/libbcc_image.so")" = libbcc_image.so.0.1
    test -f "$PREFIX/lib/libbcc_image.a"
    test -f "$PREFIX/include/bcc_image.h"
    test -f "$PREFIX/include/bcc_image.hpp"
    test -f "$PREFIX/lib/pkgconfig/bcc_image.pc"
    test -f "$PREFIX/lib/cmake/bcc_image/bcc_imageConfig.cmake"
    test -f "$PREFIX/lib/cmake/bcc_image/bcc_imageConfigVersion.cmake"
}

check_versions() {
    test "$(pkg-config --modversion bcc_image)" = "$VERSION"
    cc -std=c11 -Wall -Wextra -Werror tests/install/version.c -o "$WORK/version" \
        $(pkg-config --cflags --libs bcc_image) -Wl,-rpath,"$PREFIX/lib"
    "$WORK/version" "$VERSION"
}

# --- Consumers ---------------------------------------------------------------

# These commands are the ones README.md gives.
check_pkg_config_dynamic() {
    cc -std=c11 -Wall -Wextra -Werror examples/c/rename.c -o "$WORK/rename" \
        $(pkg-config --cflags --libs bcc_image) -Wl,-rpath,"$(pkg-config --variable=libdir bcc_image)"
    readelf -d "$WORK/rename" | grep 'NEEDED.*libbcc_image.so.0.1'
    rename_with "$WORK/rename"
}

check_pkg_config_static() {
    cc -std=c11 -Wall -Wextra -Werror examples/c/rename.c -o "$WORK/rename-static" \
        $(pkg-config --cflags bcc_image) \
        -Wl,--as-needed -Wl,-Bstatic -lbcc_image -Wl,-Bdynamic $(pkg-config --static --libs bcc_image)
    if readelf -d "$WORK/rename-static" | grep 'NEEDED.*libbcc_image'; then
        echo "the static consumer still needs the shared library"
        return 1
    fi
    rename_with "$WORK/rename-static"
}

# The flags of the "Link flags" table in README.md, without pkg-config.
check_documented_link_flags() {
    test "$(pkg-config --cflags bcc_image | xargs)" = "-I$PREFIX/include"
    test "$(pkg-config --libs bcc_image | xargs)" = "-L$PREFIX/lib -lbcc_image"

    cc -std=c11 -Wall -Wextra -Werror examples/c/rename.c -o "$WORK/rename-flags" \
        -I$PREFIX/include -L$PREFIX/lib -lbcc_image -Wl,-rpath,$PREFIX/lib
    rename_with "$WORK/rename-flags"

    cc -std=c11 -Wall -Wextra -Werror examples/c/rename.c -o "$WORK/rename-flags-static" \
        -I$PREFIX/include $PREFIX/lib/libbcc_image.a -lc -lm -lrt -lpthread -lgcc_s -lutil -ldl
    rename_with "$WORK/rename-flags-static"
}

check_cpp_example() {
    g++ -std=c++17 -Wall -Wextra -Werror examples/cpp/rename.cpp -o "$WORK/rename-cpp" \
        $(pkg-config --cflags --libs bcc_image)
    LD_LIBRARY_PATH="$PREFIX/lib" rename_with "$WORK/rename-cpp"
}

check_cmake_build() {
    cmake -S tests/install/cmake -B "$WORK/cmake-build" -DCMAKE_PREFIX_PATH="$PREFIX"
    cmake --build "$WORK/cmake-build"
}

check_cpp_wrapper() {
    g++ -std=c++17 -Wall -Wextra -Werror -Wpedantic tests/cpp/wrapper_test.cpp -o "$WORK/wrapper_test" \
        $(pkg-config --cflags --libs bcc_image) -Wl,-rpath,"$PREFIX/lib"
    start_emulator
    # Rust's runtime keeps a few allocations until exit, which valgrind calls
    # "possibly lost"; a leak of the wrapper would be "definitely lost".
    valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
        "$WORK/wrapper_test" "$ENDPOINT"
}

check_ctypes() {
    start_emulator
    python3 tests/scripting/ctypes_test.py "$ENDPOINT"
}

check_luajit() {
    rename_with luajit examples/scripting/rename_luajit.lua
}

# Uninstalling leaves no file of the package in the prefix.
check_uninstall() {
    make uninstall PREFIX="$PREFIX"
    local left
    left=$(find "$PREFIX" -type f -o -type l)
    if [ -n "$left" ]; then
        echo "make uninstall left: $left"
        return 1
    fi
}

# --- Main --------------------------------------------------------------------

ensure_tools
VERSION=$(sed -n 's/^version *= *"\(.*\)"/\1/p' Cargo.toml | head -n 1)
export PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig"
# The scripting examples load the library by path, as they do after a user's install.
export BCC_IMAGE_LIBRARY="$PREFIX/lib/libbcc_image.so.0.1"

START=$(date +%s)
check "build emulator" cargo build --release -p bcc-emulator
check "make install" make install PREFIX="$PREFIX"
if [ "$FAILED" -ne 0 ]; then
    echo "$PASSED passed, $FAILED failed"
    exit 1
fi

check "install layout" check_install_layout
check "versions match Cargo.toml" check_versions
check "pkg-config dynamic consumer" check_pkg_config_dynamic
check "pkg-config static consumer" check_pkg_config_static
check "documented link flags" check_documented_link_flags
check "C++ example with pkg-config" check_cpp_example
check "cmake consumer build" check_cmake_build
check "cmake C consumer" rename_with "$WORK/cmake-build/rename_c"
check "cmake C static consumer" rename_with "$WORK/cmake-build/rename_c_static"
check "cmake C++ consumer" rename_with "$WORK/cmake-build/rename_cpp"
check "C++ wrapper tests" check_cpp_wrapper
check "ctypes test" check_ctypes
check "LuaJIT example" check_luajit
check "make uninstall" check_uninstall

echo "took $(($(date +%s) - START)) s"
echo "$PASSED passed, $FAILED failed"
test "$FAILED" -eq 0
