from glob_match import expand, matches, matches_any, select


def test_literal_pattern_matches_only_itself():
    assert matches("setup.py", "setup.py")
    assert not matches("setup.py", "setup.pyc")


def test_star_matches_any_suffix_including_none():
    assert matches("report*", "report")
    assert matches("report*", "report-2024.csv")


def test_question_mark_matches_exactly_one_character():
    assert matches("v?.txt", "v1.txt")
    assert not matches("v?.txt", "v10.txt")


def test_pattern_shorter_than_name_does_not_match():
    assert not matches("log", "logs")


def test_select_applies_includes_then_excludes():
    names = ["a.py", "b.txt", "test_a.py", "c.py"]
    assert select(names, ["*.py"], ["test_*"]) == ["a.py", "c.py"]


def test_braces_expand_to_alternatives():
    assert expand("*.{py,txt}") == ["*.py", "*.txt"]
    assert matches_any(["src/*.{c,h}"], "src/main.h")
    assert not matches_any(["src/*.{c,h}"], "src/main.o")
