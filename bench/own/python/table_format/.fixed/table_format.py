"""Renders rows as a plain-text table with per-column alignment."""


def pad(text, width, align):
    gap = width - len(text)
    if gap <= 0:
        return text
    if align == "right":
        return " " * gap + text
    if align == "center":
        left = gap // 2
        return " " * left + text + " " * (gap - left)
    return text + " " * gap


def render(headers, rows, aligns=None):
    """Lines of the table: header, a dashed rule, then the rows; numbers are shown with str()."""
    aligns = aligns or ["left"] * len(headers)
    cells = [[str(c) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, c in enumerate(row):
            widths[i] = max(widths[i], len(c))
    lines = [" | ".join(pad(h, widths[i], "center") for i, h in enumerate(headers))]
    lines.append("-+-".join("-" * w for w in widths))
    for row in cells:
        lines.append(" | ".join(pad(c, widths[i], aligns[i]) for i, c in enumerate(row)))
    return lines


def truncate(text, width):
    """Cuts text to width characters, marking the cut with an ellipsis."""
    if len(text) <= width:
        return text
    return text[: max(0, width - 3)] + "..."


def to_text(headers, rows, aligns=None, max_cell=None):
    if max_cell is not None:
        rows = [[truncate(str(c), max_cell) for c in row] for row in rows]
    return "\n".join(render(headers, rows, aligns)) + "\n"
