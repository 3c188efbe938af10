"""The suite runs against the installed wheel, not the source tree."""

from pathlib import Path

import bcc_image


def test_package_imported_from_site_packages():
    assert "site-packages" in Path(bcc_image.__file__).parts


def test_type_marker_installed():
    assert (Path(bcc_image.__file__).parent / "py.typed").is_file()


def test_stubs_installed():
    assert (Path(bcc_image.__file__).parent / "_native.pyi").is_file()
