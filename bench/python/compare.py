"""Cross-language benchmarks of bcc-image, and the ratio table of its targets.

scripts/bench.sh runs this after building the release binaries, the wheel and
the criterion benchmarks. Every ratio comes from this one run: the loops that
a ratio compares run alternately, REPETITIONS times, and each side's median is
used. The servers are bench-responder (responds at once, counts connections)
and, for the figures beside it, bcc-emulator (verifies every signature).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import timeit
import urllib.request

import bcc_image
from baidubce import protocol
from baidubce.auth import bce_v1_signer
from baidubce.auth.bce_credentials import BceCredentials
from baidubce.bce_client_configuration import BceClientConfiguration
from baidubce.http import bce_http_client, handler, http_headers, http_methods
from baidubce.retry.retry_policy import NoRetryPolicy

ACCESS_KEY_ID = "bench-ak"
SECRET_ACCESS_KEY = "bench-sk"
IMAGE_ID = "m-1849ef6b"
CLIENT_TOKEN = "1849ef6b-f73c-4f5d-b88b-259ca47af849"
TIMESTAMP = 1439266649
REPETITIONS = 5


def median_of(runs):
    return statistics.median(runs)


# --- servers ---------------------------------------------------------------


def start_server(command, env=None):
    """Start a server that prints `listening on URL` first; return (process, URL)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    line = process.stdout.readline()
    if not line.startswith("listening on "):
        process.kill()
        raise RuntimeError(f"{command[0]} did not start: first line {line!r}")
    return process, line.split()[-1]


def stop_server(process):
    process.terminate()
    process.wait(timeout=10)


def responder_stats(endpoint):
    with urllib.request.urlopen(endpoint + "/_responder/stats") as response:
        return json.load(response)


def responder_reset(endpoint):
    urllib.request.urlopen(urllib.request.Request(endpoint + "/_responder/reset", method="POST")).read()


# --- loops -----------------------------------------------------------------


def bcc_loop(client, count):
    started = time.perf_counter()
    for _ in range(count):
        client.rename_image(IMAGE_ID, "newName")
    return (time.perf_counter() - started) / count


def bcc_threads(client, count, threads):
    """Seconds per request, all threads together, for `threads` threads on one client."""
    per_thread = count // threads
    workers = [threading.Thread(target=bcc_loop, args=(client, per_thread)) for _ in range(threads)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return (time.perf_counter() - started) / (per_thread * threads)


def sdk_config(endpoint):
    return BceClientConfiguration(
        credentials=BceCredentials(ACCESS_KEY_ID, SECRET_ACCESS_KEY),
        endpoint=endpoint,
        protocol=protocol.HTTP,
        connection_timeout_in_mills=5000,
        retry_policy=NoRetryPolicy(),
    )


def sdk_loop(config, count):
    """The same PUT through the official SDK's send_request, as its BccClient sends calls."""
    body = json.dumps({"name": "newName", "imageId": IMAGE_ID})
    started = time.perf_counter()
    for _ in range(count):
        bce_http_client.send_request(
            config,
            bce_v1_signer.sign,
            [handler.parse_error, handler.parse_json],
            http_methods.PUT,
            b"/v2/image/rename",
            body,
            {http_headers.CONTENT_TYPE: b"application/json;charset=utf-8"},
            {b"clientToken": CLIENT_TOKEN.encode()},
        )
    return (time.perf_counter() - started) / count


def program_loop(command):
    """Run a loop program that prints {"requests", "seconds"}; return seconds per request."""
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result = json.loads(output.strip().splitlines()[-1])
    return result["seconds"] / result["requests"]


# --- measurements ----------------------------------------------------------


def measure_signing():
    host = "127.0.0.1:8080"
    date = "2015-08-11T04:17:29Z"
    content_type = "application/json;charset=utf-8"
    names = ["content-length", "content-type", "host", "x-bce-date"]
    headers = [("host", host), ("content-type", content_type), ("content-length", "41"), ("x-bce-date", date)]

    def ours():
        return bcc_image.sign_request(
            ACCESS_KEY_ID, SECRET_ACCESS_KEY, "PUT", "/v2/image/rename",
            [("clientToken", CLIENT_TOKEN)], headers, TIMESTAMP, 1800, names,
        )

    credentials = BceCredentials(ACCESS_KEY_ID, SECRET_ACCESS_KEY)
    sdk_headers = {name.encode(): value.encode() for name, value in headers}
    sdk_params = {b"clientToken": CLIENT_TOKEN.encode()}
    sdk_names = [name.encode() for name in names]

    def theirs():
        return bce_v1_signer.sign(
            credentials, b"PUT", b"/v2/image/rename", sdk_headers, sdk_params, TIMESTAMP, 1800, sdk_names
        )

    if ours().encode() != theirs():
        raise RuntimeError(f"the signers disagree: {ours()!r} != {theirs()!r}")
    ours_runs, theirs_runs = [], []
    for _ in range(REPETITIONS):
        ours_runs.append(min(timeit.repeat(ours, number=20000, repeat=3)) / 20000)
        theirs_runs.append(min(timeit.repeat(theirs, number=2000, repeat=3)) / 2000)
    return median_of(ours_runs), median_of(theirs_runs)


def measure_python_renames(endpoint, ureq_loop, count, sdk_count):
    """Medians of seconds per request: (bcc_image, official SDK, raw ureq)."""
    client = bcc_image.Client(ACCESS_KEY_ID, SECRET_ACCESS_KEY, endpoint=endpoint)
    bcc_loop(client, 100)
    config = sdk_config(endpoint)
    sdk_loop(config, 10)

    ours, sdk, raw = [], [], []
    for _ in range(REPETITIONS):
        ours.append(bcc_loop(client, count))
        sdk.append(sdk_loop(config, sdk_count))
        if ureq_loop:
            raw.append(program_loop([ureq_loop, endpoint, str(count)]))
    return median_of(ours), median_of(sdk), median_of(raw) if raw else None


def count_client_connections(endpoint, count):
    """Renames `count` times through a new client and returns the connections the responder saw."""
    responder_reset(endpoint)
    client = bcc_image.Client(ACCESS_KEY_ID, SECRET_ACCESS_KEY, endpoint=endpoint)
    bcc_loop(client, count)
    return responder_stats(endpoint)["connections"]


def measure_python_threads(endpoint, count):
    client = bcc_image.Client(ACCESS_KEY_ID, SECRET_ACCESS_KEY, endpoint=endpoint)
    bcc_threads(client, 200, 2)
    one, two = [], []
    for _ in range(REPETITIONS):
        one.append(bcc_threads(client, count, 1))
        two.append(bcc_threads(client, count, 2))
    return median_of(one), median_of(two)


def measure_c(endpoint, c_loop, ureq_loop, count):
    """Medians of seconds per request: C one thread, C two threads, raw ureq."""
    one, two, raw = [], [], []
    for _ in range(REPETITIONS):
        one.append(program_loop([c_loop, endpoint, str(count), "1"]))
        two.append(program_loop([c_loop, endpoint, str(count), "2"]))
        if ureq_loop:
            raw.append(program_loop([ureq_loop, endpoint, str(count)]))
    return median_of(one), median_of(two), median_of(raw) if raw else None


# Peak RSS comes from VmHWM, because ru_maxrss survives exec on Linux and so
# would report the peak of this driver, which has imported both packages.
IMPORT_PROBE = (
    "import sys, time\n"
    "started = time.perf_counter()\n"
    "__import__(sys.argv[1])\n"
    "elapsed = time.perf_counter() - started\n"
    "status = open('/proc/self/status').read()\n"
    "print(elapsed, status.split('VmHWM:')[1].split()[0])\n"
)


def measure_import():
    """Medians of (seconds, peak RSS in KiB) of importing each module in a fresh interpreter."""
    results = {"bcc_image": ([], []), "baidubce.services.bcc.bcc_client": ([], [])}
    for _ in range(REPETITIONS + 2):
        for module, (times, peaks) in results.items():
            output = subprocess.run(
                [sys.executable, "-c", IMPORT_PROBE, module], check=True, capture_output=True, text=True
            ).stdout
            seconds, peak = output.split()
            times.append(float(seconds))
            peaks.append(int(peak))
    return {module: (median_of(times), median_of(peaks)) for module, (times, peaks) in results.items()}


def criterion_median(criterion_dir, name):
    with open(os.path.join(criterion_dir, name, "new", "estimates.json")) as file:
        return json.load(file)["median"]["point_estimate"] * 1e-9


# --- report ----------------------------------------------------------------


def microseconds(seconds):
    return f"{seconds * 1e6:.1f} µs"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responder", required=True, help="path of bench-responder")
    parser.add_argument("--emulator", required=True, help="path of bcc-emulator")
    parser.add_argument("--ureq-loop", required=True, help="path of ureq-loop")
    parser.add_argument("--c-loop", required=True, help="path of the compiled bench/c/rename_loop.c")
    parser.add_argument("--criterion-dir", required=True, help="criterion's output directory, target/criterion")
    parser.add_argument("--output", required=True, help="file to write the Markdown table to")
    parser.add_argument("--requests", type=int, default=3000, help="requests per loop run (default 3000)")
    arguments = parser.parse_args()

    two_hmacs = criterion_median(arguments.criterion_dir, "two_hmacs")
    rename_signing = criterion_median(arguments.criterion_dir, "rename_signed_headers")
    generic_signing = criterion_median(arguments.criterion_dir, "generic_sign")

    print("measuring Python signing", file=sys.stderr)
    sign_ours, sign_sdk = measure_signing()
    print("measuring import time and memory", file=sys.stderr)
    imports = measure_import()

    count = arguments.requests
    sdk_count = max(count // 10, 50)
    responder, responder_url = start_server([arguments.responder])
    emulator_env = dict(os.environ, BCC_LOG="warn")
    emulator, emulator_url = start_server(
        [arguments.emulator, "--listen", "127.0.0.1:0", "--credentials", f"{ACCESS_KEY_ID}:{SECRET_ACCESS_KEY}",
         "--image", f"{IMAGE_ID}=oldName"],
        env=emulator_env,
    )
    try:
        print("measuring Python renames against bench-responder", file=sys.stderr)
        py = measure_python_renames(responder_url, arguments.ureq_loop, count, sdk_count)
        connection_check_count = count * REPETITIONS
        connections = count_client_connections(responder_url, connection_check_count)
        print("measuring Python threads", file=sys.stderr)
        py_one, py_two = measure_python_threads(responder_url, count)
        print("measuring C renames and threads", file=sys.stderr)
        c_one, c_two, c_raw = measure_c(responder_url, arguments.c_loop, arguments.ureq_loop, count * 3)
        print("measuring against bcc-emulator", file=sys.stderr)
        emu = measure_python_renames(emulator_url, arguments.ureq_loop, count // 3, sdk_count // 3)
        emu_c_one, emu_c_two, _ = measure_c(emulator_url, arguments.c_loop, None, count)
    finally:
        stop_server(responder)
        stop_server(emulator)

    py_ours, py_sdk, py_raw = py
    ours_import, ours_peak = imports["bcc_image"]
    sdk_import, sdk_peak = imports["baidubce.services.bcc.bcc_client"]
    targets = [
        ("Rust signing: rename signature / two HMAC-SHA256 with hex key", rename_signing / two_hmacs, "≤ 1.5", rename_signing / two_hmacs <= 1.5),
        ("Python signing: SDK `bce_v1_signer.sign` / `bcc_image.sign_request`", sign_sdk / sign_ours, "≥ 15", sign_sdk / sign_ours >= 15),
        ("Python renames: req/s of `bcc_image.Client` / SDK `send_request`", py_sdk / py_ours, "≥ 4", py_sdk / py_ours >= 4),
        ("Python renames: time per request / raw ureq loop", py_ours / py_raw, "≤ 1.25", py_ours / py_raw <= 1.25),
        (f"Python renames: TCP connections of one client over {connection_check_count} renames", connections, "= 1", connections == 1),
        ("C renames: `bcc_image_rename` loop / raw ureq loop", c_one / c_raw, "≤ 1.2", c_one / c_raw <= 1.2),
        ("C threads: req/s of 2 threads / 1 thread, one client", c_one / c_two, "≥ 1.6", c_one / c_two >= 1.6),
        ("Python threads: req/s of 2 threads / 1 thread, one client", py_one / py_two, "≥ 1.6", py_one / py_two >= 1.6),
        ("Import: `import bcc_image` / `import baidubce.services.bcc.bcc_client`", ours_import / sdk_import, "≤ 0.25", ours_import / sdk_import <= 0.25),
        ("Import: peak RSS of `bcc_image` / SDK", ours_peak / sdk_peak, "< 1", ours_peak < sdk_peak),
    ]
    lines = [
        "| target | measured | required | met |",
        "|---|---|---|---|",
    ]
    for name, value, required, met in targets:
        shown = f"{value}" if isinstance(value, int) else f"{value:.2f}"
        lines.append(f"| {name} | {shown} | {required} | {'yes' if met else 'NO'} |")

    lines += [
        "",
        "| figure | bench-responder | bcc-emulator |",
        "|---|---|---|",
        f"| Rust: two HMAC-SHA256 with hex key (criterion median) | {microseconds(two_hmacs)} | |",
        f"| Rust: rename signature, `RenameRequest::signed_headers` | {microseconds(rename_signing)} | |",
        f"| Rust: general signer `sign::sign` on the same request | {microseconds(generic_signing)} | |",
        f"| Python: `bcc_image.sign_request` | {microseconds(sign_ours)} | |",
        f"| Python: SDK `bce_v1_signer.sign` | {microseconds(sign_sdk)} | |",
        f"| Python: `Client.rename_image`, per request | {microseconds(py_ours)} | {microseconds(emu[0])} |",
        f"| Python: SDK `send_request`, per request | {microseconds(py_sdk)} | {microseconds(emu[1])} |",
        f"| Rust: raw ureq keep-alive loop, per request | {microseconds(py_raw)} (C run: {microseconds(c_raw)}) | {microseconds(emu[2])} |",
        f"| Python: 1 thread / 2 threads, per request | {microseconds(py_one)} / {microseconds(py_two)} | |",
        f"| C: `bcc_image_rename`, 1 thread / 2 threads, per request | {microseconds(c_one)} / {microseconds(c_two)} | {microseconds(emu_c_one)} / {microseconds(emu_c_two)} |",
        f"| Python: import time, `bcc_image` / SDK | {ours_import * 1e3:.1f} ms / {sdk_import * 1e3:.1f} ms | |",
        f"| Python: peak RSS after import, `bcc_image` / SDK | {ours_peak / 1024:.1f} MiB / {sdk_peak / 1024:.1f} MiB | |",
    ]
    table = "\n".join(lines) + "\n"
    with open(arguments.output, "w") as file:
        file.write(table)
    print(table)
    missed = [name for name, _, _, met in targets if not met]
    print("all targets met" if not missed else f"targets NOT met: {'; '.join(missed)}")


if __name__ == "__main__":
    main()
