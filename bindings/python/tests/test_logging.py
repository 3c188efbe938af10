"""Rust log records reach the standard logging module under bcc_image."""

import logging

import pytest

from conftest import IMAGE_ID


class ListHandler(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.NOTSET)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def bcc_logger():
    logger = logging.getLogger("bcc_image")
    handler = ListHandler()
    previous_level = logger.level
    logger.addHandler(handler)
    yield logger, handler
    logger.removeHandler(handler)
    logger.setLevel(previous_level)


def test_rename_logged_under_bcc_image(client, bcc_logger):
    logger, handler = bcc_logger
    logger.setLevel(logging.DEBUG)

    client.rename_image(IMAGE_ID, "newName")
    messages = [record.getMessage() for record in handler.records]

    assert any(f"renamed image {IMAGE_ID}" in message for message in messages)


def test_record_logger_is_child(client, bcc_logger):
    logger, handler = bcc_logger
    logger.setLevel(logging.DEBUG)

    client.rename_image(IMAGE_ID, "newName")

    assert handler.records
    assert all(record.name.startswith("bcc_image.") for record in handler.records)


def test_level_change_takes_effect(client, bcc_logger):
    logger, handler = bcc_logger
    logger.setLevel(logging.WARNING)
    client.rename_image(IMAGE_ID, "first")
    quiet_count = len(handler.records)

    # Levels are read on every record, so lowering the level later still works.
    logger.setLevel(logging.DEBUG)
    client.rename_image(IMAGE_ID, "second")

    assert quiet_count == 0
    assert len(handler.records) > 0
