from slugify import SlugRegistry, slugify


def test_words_are_joined_by_single_dashes():
    assert slugify("Hello,  World -- again") == "hello-world-again"


def test_non_ascii_letters_are_dropped():
    assert slugify("Café Crème") == "caf-crme"


def test_long_titles_are_cut_at_a_word_boundary():
    assert slugify("one two three four", max_length=9) == "one-two"


def test_a_title_without_letters_gets_a_placeholder():
    assert slugify("!!! ???") == "untitled"


def test_registry_numbers_repeated_titles():
    r = SlugRegistry()
    assert [r.claim("Release notes"), r.claim("release NOTES"), r.claim("Release notes")] == [
        "release-notes", "release-notes-2", "release-notes-3"]


def test_digits_are_kept():
    assert slugify("Top 10 tips for 2024") == "top-10-tips-for-2024"
