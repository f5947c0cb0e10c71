import pytest

from version_compare import compare, newest, parse, upgrades


def test_numeric_not_textual_order():
    assert compare("1.10", "1.9") > 0


def test_trailing_zeros_do_not_matter():
    assert compare("2.0.0", "v2") == 0


def test_a_longer_version_with_same_prefix_is_newer():
    assert compare("1.2.1", "1.2") > 0
    assert compare("1.2", "1.2.1") < 0


def test_newest_of_several():
    assert newest(["0.9", "1.0.1", "1.0"]) == "1.0.1"


def test_upgrades_are_sorted_oldest_first():
    assert upgrades("1.2", ["1.10", "1.1", "1.2.1", "1.3"]) == ["1.2.1", "1.3", "1.10"]


def test_garbage_is_rejected():
    with pytest.raises(ValueError):
        parse("1.x")
