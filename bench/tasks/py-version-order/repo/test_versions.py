import pytest

from versions import is_newer, latest, parse, update_message


def test_parse_accepts_a_leading_v():
    assert parse("v1.2.3") == parse("1.2.3")


def test_parse_rejects_what_is_not_a_version():
    with pytest.raises(ValueError):
        parse("1.2")
    with pytest.raises(ValueError):
        parse("1.x.3")


def test_a_later_patch_is_newer():
    assert is_newer("1.2.4", "1.2.3")
    assert not is_newer("1.2.3", "1.2.4")


def test_the_same_version_is_not_newer():
    assert not is_newer("2.0.0", "v2.0.0")


def test_latest_of_several():
    assert latest(["1.0.0", "1.2.0", "1.1.5"]) == "1.2.0"


def test_update_message_names_the_new_version():
    assert update_message("1.1.0", ["1.0.0", "1.2.0"]) == "version 1.2.0 is available (you have 1.1.0)"
    assert update_message("1.2.0", ["1.2.0"]) == "you are up to date (1.2.0)"
