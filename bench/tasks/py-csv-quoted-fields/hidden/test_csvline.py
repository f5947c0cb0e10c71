import pytest

from csvline import parse_row, read_rows, split_fields


def test_plain_fields():
    assert split_fields("42,Smith,London\n") == ["42", "Smith", "London"]


def test_quotes_around_a_field_are_dropped():
    assert split_fields('7,"Jones",Leeds') == ["7", "Jones", "Leeds"]


def test_empty_fields_are_kept():
    assert split_fields("1,,3,") == ["1", "", "3", ""]
    assert split_fields('a,"",b') == ["a", "", "b"]


def test_other_separator():
    assert split_fields("1;2;3", sep=";") == ["1", "2", "3"]


def test_short_rows_are_padded():
    assert parse_row("1,Ann", ["id", "name", "city"]) == {"id": "1", "name": "Ann", "city": ""}


def test_long_rows_are_refused():
    with pytest.raises(ValueError):
        parse_row("1,Ann,York,extra", ["id", "name", "city"])


def test_read_rows_uses_the_header():
    rows = read_rows(["id,name\r\n", "1,Ann\r\n", "\n", "2,Bob\r\n"])
    assert rows == [{"id": "1", "name": "Ann"}, {"id": "2", "name": "Bob"}]


def test_a_comma_inside_quotes_belongs_to_the_field():
    assert split_fields('42,"Smith, John",London') == ["42", "Smith, John", "London"]
    assert split_fields('"a,b,c"') == ["a,b,c"]


def test_doubled_quotes_inside_quotes_are_one_quote():
    assert split_fields('9,"5"" screen, matte",12.50') == ["9", '5" screen, matte', "12.50"]
    assert split_fields('"""quoted"""') == ['"quoted"']


def test_rows_with_quoted_commas_fit_the_header():
    rows = read_rows(["id,name,city\n", '1,"Smith, John","Bath, Somerset"\n'])
    assert rows == [{"id": "1", "name": "Smith, John", "city": "Bath, Somerset"}]
