#!/usr/bin/env bash
# Runs the reliability checks that `cargo test` does not:
#   1. each cargo-fuzz target for FUZZ_SECONDS (default 5) on a scratch corpus
#      and the seeds in fuzz/seeds/<target>, past crashes included;
#   2. the C programs (ABI cases, example, concurrency, TLS) under valgrind,
#      against emulators that the Rust test harness starts on 127.0.0.1.
# Installs cargo-fuzz, and openssl and a C++ compiler through apt-get, when they
# are missing. Prints "N passed, M failed" and exits non-zero if any check failed.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

fuzz_seconds=${FUZZ_SECONDS:-5}
target_dir=${CARGO_TARGET_DIR:-$root/target}
fuzz_targets=(error_body image_name signing c_abi_strings)

# valgrind exits with 1 on any memory error, and on definite or indirect leaks.
# "Possibly lost" and "still reachable" blocks are not errors: Rust's runtime keeps
# a few allocations until exit. tests/valgrind.supp explains its two entries.
valgrind_command="valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect \
--error-exitcode=1 --suppressions=$root/tests/valgrind.supp"

# Each C program test, as "test binary::test name".
c_program_tests=(
    c_programs::c_abi_cases_pass
    c_programs::c_example_renames_image
    c_programs::c_example_prints_full_error
    c_programs::c_log_callback_and_profile
    concurrency::c_shared_client_renames_once
    tls::c_ca_file_option
)

passed=0
failed=0
failed_names=()

# Runs one named check and counts it as passed or failed, with its run time.
check() {
    local name=$1
    shift
    local started=$SECONDS
    echo "==> $name"
    if "$@"; then
        passed=$((passed + 1))
        echo "    passed in $((SECONDS - started)) s"
    else
        failed=$((failed + 1))
        failed_names+=("$name")
        echo "    FAILED after $((SECONDS - started)) s"
    fi
}

# Installs a Debian package with apt-get, as root or through sudo.
apt_install() {
    if ! command -v apt-get >/dev/null; then
        echo "error: $1 is missing and apt-get is not available; install $1 and rerun" >&2
        return 1
    fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo=sudo
    fi
    # A fresh machine has no package lists yet, so update them once first.
    if [ -z "${apt_lists_updated:-}" ]; then
        $sudo apt-get update -qq || return 1
        apt_lists_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$1"
}

install_tools() {
    command -v valgrind >/dev/null || apt_install valgrind || return 1
    # The TLS tests make their certificates with the openssl command.
    command -v openssl >/dev/null || apt_install openssl || return 1
    # libfuzzer-sys compiles libFuzzer, which is C++.
    command -v c++ >/dev/null || apt_install g++ || return 1
    if ! cargo fuzz --version >/dev/null 2>&1; then
        cargo install cargo-fuzz --locked || return 1
    fi
}

# cargo-fuzz needs nightly flags (-Z sanitizer=address). RUSTC_BOOTSTRAP=1 lets
# the stable toolchain accept them, so no nightly toolchain is installed.
build_fuzzers() {
    (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz build --target-dir "$target_dir/fuzz")
}

run_fuzzer() {
    local target=$1
    local corpus=$target_dir/fuzz-corpus/$target
    local artifacts=$target_dir/fuzz-artifacts/$target
    mkdir -p "$corpus" "$artifacts"
    # libFuzzer writes new inputs to the first folder only, and a crashing input
    # goes under target/, so the seeds in the repository stay unchanged. The
    # seeds include past crashes (regression-*), which libFuzzer runs before it
    # mutates anything.
    (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run --target-dir "$target_dir/fuzz" "$target" "$corpus" "seeds/$target" \
        -- -max_total_time="$fuzz_seconds" -print_final_stats=1 -artifact_prefix="$artifacts/")
}

# Runs one C program test under valgrind. The harness in tests/c_harness runs
# every C program under BCC_C_TEST_WRAPPER.
run_c_program_test() {
    local binary=${1%%::*}
    local test_name=${1##*::}
    BCC_C_TEST_WRAPPER=$valgrind_command cargo test --quiet --test "$binary" -- --exact "$test_name"
}

check "install missing tools" install_tools
check "build the fuzzers" build_fuzzers
for target in "${fuzz_targets[@]}"; do
    check "fuzz $target for $fuzz_seconds s" run_fuzzer "$target"
done

# Builds the test binaries once, so the timings below are of the runs.
check "build the C program tests" cargo test --quiet --no-run --test c_programs --test concurrency --test tls
for test in "${c_program_tests[@]}"; do
    check "valgrind: $test" run_c_program_test "$test"
done

echo
if [ "$failed" -gt 0 ]; then
    printf 'failed: %s\n' "${failed_names[@]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
