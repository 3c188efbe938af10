"""One client serves several threads, and rename_image releases the GIL."""

import threading
import time

import bcc_image
from conftest import ACCESS_KEY_ID, IMAGE_ID, SECRET_ACCESS_KEY

SERVER_DELAY_SECONDS = 0.5


def test_two_threads_rename_concurrently(emulator):
    client = bcc_image.Client(ACCESS_KEY_ID, SECRET_ACCESS_KEY, endpoint=emulator.endpoint, max_attempts=1)
    # Each request waits on the server, so the calls overlap only if the GIL is
    # released while a thread waits on its response.
    emulator.inject_delay(SERVER_DELAY_SECONDS, times=2)
    targets = {IMAGE_ID: "renamedByFirst", "m-second01": "renamedBySecond"}
    errors = []

    def rename(image_id, name):
        try:
            client.rename_image(image_id, name)
        except bcc_image.BccError as error:
            errors.append(error)

    threads = [threading.Thread(target=rename, args=item) for item in targets.items()]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started

    assert errors == []
    assert emulator.images == targets
    assert elapsed < 2 * SERVER_DELAY_SECONDS


def test_python_runs_during_rename(emulator):
    client = bcc_image.Client(ACCESS_KEY_ID, SECRET_ACCESS_KEY, endpoint=emulator.endpoint, max_attempts=1)
    emulator.inject_delay(SERVER_DELAY_SECONDS)
    ticks = []
    worker = threading.Thread(target=client.rename_image, args=(IMAGE_ID, "newName"))

    worker.start()
    while worker.is_alive():
        ticks.append(time.monotonic())
        time.sleep(0.01)
    worker.join()

    assert len(ticks) > 10
