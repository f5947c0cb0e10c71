"""Turns titles into URL slugs and keeps slugs unique within a site."""

SEPARATORS = " -_./"


def slugify(title, max_length=40):
    """Lower-case ASCII letters and digits, words joined by single dashes, cut at a word boundary."""
    words, current = [], []
    for ch in title.lower():
        if ch.isalnum():
            current.append(ch)
        elif ch in SEPARATORS and current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    slug = ""
    for word in words:
        candidate = word if not slug else slug + "-" + word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or "untitled"


class SlugRegistry:
    """Hands out slugs, adding -2, -3, ... when a title's slug is already taken."""

    def __init__(self):
        self._taken = set()

    def claim(self, title):
        base = slugify(title)
        slug, n = base, 1
        while slug in self._taken:
            n += 1
            slug = "%s-%d" % (base, n)
        self._taken.add(slug)
        return slug
