import pytest

from pagination import links, page, page_count

ITEMS = list(range(1, 24))  # 23 results


def test_first_page_starts_with_the_first_item():
    p = page(ITEMS, 1, 10)
    assert p.items == list(range(1, 11))
    assert not p.has_previous and p.has_next


def test_last_page_is_partial():
    p = page(ITEMS, 3, 10)
    assert p.items == [21, 22, 23]
    assert p.total_pages == 3 and not p.has_next


def test_page_count_rounds_up_and_is_never_zero():
    assert (page_count(23, 10), page_count(20, 10), page_count(0, 10)) == (3, 2, 1)


def test_page_zero_is_refused():
    with pytest.raises(ValueError):
        page(ITEMS, 0)


def test_links_around_the_current_page():
    assert links(6, 12) == [1, 4, 5, 6, 7, 8, 12]
    assert links(1, 3) == [1, 2, 3]
