import pytest

from tokenizer import TokenError, names, tokenize


def test_numbers_names_and_operators():
    assert tokenize("price*2") == [("name", "price"), ("op", "*"), ("number", "2")]


def test_spaces_are_skipped_and_decimals_kept():
    assert tokenize(" 1.5 + .25 ") == [("number", "1.5"), ("op", "+"), ("number", ".25")]


def test_parentheses():
    assert [k for k, _ in tokenize("(a - b)")] == ["lparen", "name", "op", "name", "rparen"]


def test_empty_text_has_no_tokens():
    assert tokenize("") == []


def test_unknown_character_is_reported_with_its_position():
    with pytest.raises(TokenError, match="at 2"):
        tokenize("a $ b")


def test_names_are_listed_once_in_order():
    assert names("rate * base + rate_2 - base") == ["rate", "base", "rate_2"]
