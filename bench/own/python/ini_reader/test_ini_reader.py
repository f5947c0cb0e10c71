import pytest

from ini_reader import ParseError, get_bool, get_int, parse

SAMPLE = """
; global settings
name = demo

[server]
Port = 8080
debug = yes

[cache]
# size in entries
size=500
"""


def test_sections_and_keys():
    s = parse(SAMPLE)
    assert s[""] == {"name": "demo"}
    assert s["server"] == {"port": "8080", "debug": "yes"}


def test_comments_are_ignored():
    assert parse(SAMPLE)["cache"] == {"size": "500"}


def test_typed_getters_with_defaults():
    s = parse(SAMPLE)
    assert get_int(s, "server", "port", 80) == 8080
    assert get_int(s, "server", "workers", 4) == 4
    assert get_bool(s, "server", "debug")
    assert not get_bool(s, "cache", "debug")


def test_a_line_without_equals_is_an_error_with_its_number():
    with pytest.raises(ParseError, match="line 2"):
        parse("[a]\njust words\n")


def test_repeated_section_merges():
    s = parse("[a]\nx=1\n[b]\ny=2\n[a]\nz=3\n")
    assert s["a"] == {"x": "1", "z": "3"}
