"""Shell-style name patterns (`*` any run of characters, `?` one character) for file filters."""


def matches(pattern, name):
    if not pattern:
        return not name
    head = pattern[0]
    if head == "*":
        # try every split: the star eats nothing, one character, two...
        for i in range(len(name) + 1):
            if matches(pattern[1:], name[i:]):
                return True
        return False
    if not name:
        return False
    if head == "?" or head == name[0]:
        return matches(pattern[1:], name[1:])
    return False


def select(names, include, exclude=()):
    """The names matching any include pattern and no exclude pattern, in the given order."""
    return [n for n in names
            if any(matches(p, n) for p in include) and not any(matches(p, n) for p in exclude)]


def expand(pattern):
    """Expands one level of braces: `*.{py,txt}` stands for `*.py` and `*.txt`."""
    start = pattern.find("{")
    end = pattern.find("}", start + 1)
    if start < 0 or end < 0:
        return [pattern]
    head, tail = pattern[:start], pattern[end + 1:]
    return [head + option + tail for option in pattern[start + 1:end].split(",")]


def matches_any(patterns, name):
    return any(matches(p, name) for pattern in patterns for p in expand(pattern))
