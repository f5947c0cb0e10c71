"""Pages through search results: page slices, page counts and the page links to show."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    number: int
    items: list
    total_pages: int

    @property
    def has_next(self):
        return self.number < self.total_pages

    @property
    def has_previous(self):
        return self.number > 1


def page_count(total, size):
    return max(1, -(-total // size))


def page(items, number, size=10):
    """Page `number` (1-based) of the items; numbers past the end give an empty last page."""
    if size < 1 or number < 1:
        raise ValueError("page number and size start at 1")
    start = (number - 1) * size
    return Page(number, items[start:start + size], page_count(len(items), size))


def links(current, total_pages, around=2):
    """Page numbers to link: the first, the last and `around` on each side of the current one."""
    shown = {1, total_pages}
    shown.update(range(max(1, current - around), min(total_pages, current + around) + 1))
    return sorted(shown)
