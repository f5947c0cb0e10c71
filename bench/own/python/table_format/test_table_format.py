from table_format import pad, render, to_text, truncate


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


def test_long_cells_are_truncated():
    assert truncate("abcdefgh", 6) == "abc..."
    assert to_text(["name"], [["a very long name"]], max_cell=8) == "  name  \n--------\na ver...\n"
