"""Tail and follow helpers for line-oriented log files kept in memory."""


def tail(lines, n):
    """The last n lines (all of them when there are fewer)."""
    if n <= 0:
        return []
    return lines[-n:]


def since(lines, marker):
    """The lines after the last line containing marker; all lines when the marker never appears."""
    for i in range(len(lines) - 1, 0, -1):
        if marker in lines[i]:
            return lines[i + 1:]
    return list(lines)


def grep_context(lines, needle, context=1):
    """Lines containing needle with `context` lines around each, overlapping windows merged."""
    keep = set()
    for i, line in enumerate(lines):
        if needle in line:
            keep.update(range(max(0, i - context), min(len(lines), i + context + 1)))
    return [lines[i] for i in sorted(keep)]


LEVELS = ("DEBUG", "INFO", "WARN", "ERROR")


def count_by_level(lines):
    """How many lines start with each level word; lines without one are counted as OTHER."""
    counts = {level: 0 for level in LEVELS}
    counts["OTHER"] = 0
    for line in lines:
        word = line.split(" ", 1)[0]
        counts[word if word in counts else "OTHER"] += 1
    return counts
