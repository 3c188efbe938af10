"""validate_image_name applies BCC's image name rule."""

import pytest

import bcc_image

VALID_NAMES = [
    ("single letter", "a"),
    ("baidu example", "newName"),
    ("all special characters", "a-b_c/d.e"),
    ("digits after letter", "Z0123456789"),
    ("han ideographs", "a镜像名称"),
    ("extension b ideograph", "a\U00020000"),
    ("65 ascii characters", "a" * 65),
    ("letter then 64 han", "a" + "镜" * 64),
]

INVALID_NAMES = [
    ("empty", "", "empty"),
    ("66 characters", "a" * 66, "66 characters"),
    ("letter then 65 han", "a" + "镜" * 65, "66 characters"),
    ("starts with digit", "1abc", "must start with an ASCII letter"),
    ("starts with han", "镜像", "must start with an ASCII letter"),
    ("starts with dash", "-abc", "must start with an ASCII letter"),
    ("space", "new name", "' '"),
    ("plus sign", "a+b", "'+'"),
    ("accented letter", "café", "'é'"),
    ("emoji", "a😀", "'😀'"),
    ("hiragana", "aあ", "'あ'"),
    ("fullwidth letter", "aＡ", "'Ａ'"),
]


@pytest.mark.parametrize("name", [name for _, name in VALID_NAMES], ids=[case for case, _ in VALID_NAMES])
def test_valid_name_accepted(name):
    assert bcc_image.validate_image_name(name) is None


@pytest.mark.parametrize(
    "name,fragment", [(name, fragment) for _, name, fragment in INVALID_NAMES], ids=[case for case, _, _ in INVALID_NAMES]
)
def test_invalid_name_rejected(name, fragment):
    with pytest.raises(bcc_image.InvalidArgumentError) as raised:
        bcc_image.validate_image_name(name)

    assert fragment in str(raised.value)


def test_invalid_name_is_value_error():
    with pytest.raises(ValueError):
        bcc_image.validate_image_name("1abc")


def test_invalid_name_made_no_attempt():
    with pytest.raises(bcc_image.InvalidArgumentError) as raised:
        bcc_image.validate_image_name("")

    assert raised.value.attempts == 0
