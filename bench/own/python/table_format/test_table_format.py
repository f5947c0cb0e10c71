from table_format import pad, render


def test_left_and_right_padding():
    assert pad("ab", 5, "left") == "ab   "
    assert pad("ab", 5, "right") == "   ab"


def test_center_puts_the_odd_space_on_the_right():
    assert pad("ab", 5, "center") == " ab  "
    assert pad("ab", 6, "center") == "  ab  "


def test_text_wider_than_the_column_is_kept_whole():
    assert pad("abcdef", 3, "center") == "abcdef"


def test_render_sizes_columns_to_the_widest_cell():
    lines = render(["item", "qty"], [["apple", 3], ["kiwi", 12]], ["left", "right"])
    assert lines == [
        "item  | qty",
        "------+----",
        "apple |   3",
        "kiwi  |  12",
    ]


def test_headers_are_centered():
    lines = render(["id"], [["12345"]])
    assert lines[0] == " id  "
