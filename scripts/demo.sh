#!/usr/bin/env bash
# Renames image m-1849ef6b to newName through the C example and the bundled
# emulator, then shows the emulator's record of the new name.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> building the library, the emulator and the C example"
cargo build --quiet -p bcc-image -p bcc-emulator
mkdir -p target/demo
cc -std=c11 -Wall -Wextra -Werror -Iinclude examples/c/rename.c \
    -Ltarget/debug -Wl,-rpath,"$PWD/target/debug" -lbcc_image -o target/demo/rename

# Demo credentials, known only to this emulator.
export BCE_ACCESS_KEY_ID=demo-access-key
export BCE_SECRET_ACCESS_KEY=demo-secret-key
unset BCE_SECURITY_TOKEN

echo "==> starting the emulator with image m-1849ef6b named oldName"
target/debug/bcc-emulator --listen 127.0.0.1:0 \
    --credentials "$BCE_ACCESS_KEY_ID:$BCE_SECRET_ACCESS_KEY" \
    --image m-1849ef6b=oldName >target/demo/emulator.out 2>target/demo/emulator.log &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true' EXIT

# The emulator prints "listening on http://127.0.0.1:PORT" as its first line.
endpoint=""
for _ in $(seq 100); do
    endpoint=$(sed -n 's/^listening on //p' target/demo/emulator.out)
    [ -n "$endpoint" ] && break
    sleep 0.1
done
if [ -z "$endpoint" ]; then
    echo "the emulator did not start; its log:" >&2
    cat target/demo/emulator.log >&2
    exit 1
fi
echo "    emulator at $endpoint"

echo "==> renaming m-1849ef6b to newName through the C API"
target/demo/rename "$endpoint" m-1849ef6b newName

echo "==> the emulator's record"
sleep 0.2 # The emulator writes its log line after it sends the response.
grep 'renamed m-1849ef6b' target/demo/emulator.log
python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1] + "/_emulator/images").read().decode())' "$endpoint"

kill "$emulator_pid"
wait "$emulator_pid" 2>/dev/null || true
trap - EXIT
echo "==> emulator stopped"
