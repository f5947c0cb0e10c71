"""Mutation operators for one-line Python bugs.

Reads {"path", "source", "lines", "limit"} as JSON on stdin and writes a JSON list of candidates:
{"edits": [[start, end, replacement]], "line", "operator", "description", "prior"} with offsets in
UTF-16 code units of the source (what Java's String indexes). Each candidate replaces the source
segment of one node (or inserts/deletes one statement); the rest of the file stays byte-identical.
A replacement is kept only when re-parsing the edited text gives exactly the intended tree, which
is also how the script decides whether parentheses are needed.
"""
import ast
import json
import sys

import aap_mutate_clauses
import aap_mutate_insert
import aap_mutate_ops
from aap_mutate_ops import Context

OPERATORS = aap_mutate_ops.OPERATORS + aap_mutate_clauses.OPERATORS + aap_mutate_insert.OPERATORS


class Source:
    """The file text with offsets for (line, UTF-8 column) positions, as the ast module reports them."""

    def __init__(self, text):
        self.text = text
        self.lines = text.splitlines(True)
        self.starts = [0]
        for ln in self.lines:
            self.starts.append(self.starts[-1] + len(ln))
        self.ascii = text.isascii()

    def offset(self, lineno, col):
        base = self.starts[lineno - 1]
        if self.ascii:
            return base + col
        line = self.lines[lineno - 1] if lineno - 1 < len(self.lines) else ""
        return base + len(line.encode("utf-8")[:col].decode("utf-8", "replace"))

    def span(self, node):
        return self.offset(node.lineno, node.col_offset), self.offset(node.end_lineno, node.end_col_offset)

    def seg(self, node):
        s, e = self.span(node)
        return self.text[s:e]

    def line_of(self, offset):
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    def utf16(self, offset):
        if self.ascii:
            return offset
        return offset + sum(1 for ch in self.text[:offset] if ord(ch) > 0xFFFF)


class Tree:
    """The module's AST with parent links and the position of every statement."""

    def __init__(self, src):
        self.src = src
        self.module = ast.parse(src.text)
        self.parent = {}
        for node in ast.walk(self.module):
            for field, value in ast.iter_fields(node):
                if isinstance(value, list):
                    for i, child in enumerate(value):
                        if isinstance(child, ast.AST):
                            self.parent[id(child)] = (node, field, i)
                elif isinstance(value, ast.AST):
                    self.parent[id(value)] = (node, field, None)

    def up(self, node):
        entry = self.parent.get(id(node))
        return entry[0] if entry else None

    def ancestors(self, node):
        node = self.up(node)
        while node is not None:
            yield node
            node = self.up(node)

    def anchor(self, node):
        """(root expression or statement, its statement, path from the module to that statement)."""
        root = node
        while not isinstance(root, ast.stmt):
            parent = self.up(root)
            if isinstance(parent, ast.stmt) or parent is None:
                break
            root = parent
        stmt = root if isinstance(root, ast.stmt) else self.up(root)
        path = []
        cur = root
        while self.up(cur) is not None:
            p, field, idx = self.parent[id(cur)]
            path.append((field, idx))
            cur = p
        path.reverse()
        return root, stmt, path

    def top_level(self, node):
        cur = node
        while True:
            p = self.up(cur)
            if p is None or isinstance(p, ast.Module):
                return cur
            cur = p

    def replaced_dump(self, root, old, new):
        """ast.dump of root with old swapped for new (swapped back afterwards)."""
        if old is root:
            return ast.dump(new)
        p, field, idx = self.parent[id(old)]
        if idx is None:
            setattr(p, field, new)
        else:
            getattr(p, field)[idx] = new
        try:
            return ast.dump(root)
        finally:
            if idx is None:
                setattr(p, field, old)
            else:
                getattr(p, field)[idx] = old


def follow(node, path):
    for field, idx in path:
        node = getattr(node, field)
        if idx is not None:
            node = node[idx]
    return node


class Collector:
    """Checks each proposed replacement by re-parsing and keeps the distinct, well-formed ones."""

    def __init__(self, tree, lines):
        self.tree = tree
        self.src = tree.src
        self.lines = lines
        self.seen = set()
        self.out = []

    def _top_slice(self, node):
        top = self.tree.top_level(node)
        first = min([top.lineno] + [d.lineno for d in getattr(top, "decorator_list", [])])
        s0 = self.src.starts[first - 1]
        e0 = self.src.starts[min(top.end_lineno, len(self.src.lines))]
        return top, s0, e0

    def _apply(self, s0, e0, edits):
        text = self.src.text[s0:e0]
        for s, e, rep in sorted(edits, key=lambda x: -x[0]):
            text = text[:s - s0] + rep + text[e - s0:]
        return text

    def _parse(self, text):
        try:
            return ast.parse(text)
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            return None

    def replace(self, old, new, texts, operator, prior, desc=None):
        """Replace node `old` by node `new`, written as the first of `texts` that parses back to it."""
        if not texts:
            return
        root, stmt, path = self.tree.anchor(old)
        top, s0, e0 = self._top_slice(old)
        intended = self.tree.replaced_dump(root, old, new)
        if intended == ast.dump(root):
            return
        s, e = self.src.span(old)
        tried = []
        for t in texts:
            tried.extend([t, "(" + t + ")"])
        for t in tried:
            text = self._apply(s0, e0, [(s, e, t)])
            parsed = self._parse(text)
            if parsed is None:
                continue
            try:
                got = follow(parsed.body[0], path[1:])
            except (AttributeError, IndexError, TypeError):
                continue
            if ast.dump(got) == intended:
                self._add(old.lineno, [(s, e, t)], operator, prior, desc or "%s -> %s" % (self.src.seg(old), t),
                          (s0, text))
                return

    def stmt(self, anchor, edits, line, operator, prior, desc):
        """Statement-level change (insert, delete): kept when the edited text still parses."""
        top, s0, e0 = self._top_slice(anchor)
        text = self._apply(s0, e0, edits)
        if self._parse(text) is None:
            return
        self._add(line, edits, operator, prior, desc, (s0, text))

    def _add(self, line, edits, operator, prior, desc, key):
        if key in self.seen:
            return
        self.seen.add(key)
        edits = [tighten(self.src.text, s, e, rep) for s, e, rep in edits]
        self.out.append({"edits": edits, "line": line, "operator": operator,
                         "description": operator + ": " + shorten(desc), "prior": prior})


def tighten(text, s, e, rep):
    """Shrinks an edit to the part that changes, without cutting through a name or number."""
    old = text[s:e]
    p = 0
    while p < len(old) and p < len(rep) and old[p] == rep[p]:
        p += 1
    q = 0
    while q < len(old) - p and q < len(rep) - p and old[-1 - q] == rep[-1 - q]:
        q += 1
    while p > 0 and (old[p - 1].isalnum() or old[p - 1] == "_"):
        p -= 1
    while q > 0 and (old[len(old) - q].isalnum() or old[len(old) - q] == "_"):
        q -= 1
    return [s + p, e - q, rep[p:len(rep) - q]]


def shorten(text):
    text = " ".join(text.split())
    return text if len(text) <= 90 else text[:87] + "..."


def generate(path, text, lines, limit):
    src = Source(text)
    tree = Tree(src)
    collector = Collector(tree, set(lines))
    context = Context(tree, set(lines))
    for operator in OPERATORS:
        operator(context, collector)
    by_line = {}
    for cand in collector.out:
        by_line.setdefault(cand["line"], []).append(cand)
    result = []
    for line in sorted(by_line):
        ranked = sorted(by_line[line], key=lambda c: -c["prior"])
        result.extend(ranked[:limit])
    for cand in result:
        cand["edits"] = [[src.utf16(s), src.utf16(e), rep, src.line_of(s)] for s, e, rep in cand["edits"]]
    return result


def main():
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    try:
        result = generate(request["path"], request["source"], request.get("lines", []),
                          int(request.get("limit", 300)))
    except SyntaxError as e:
        json.dump({"error": "%s does not parse: line %s: %s" % (request["path"], e.lineno, e.msg)}, sys.stdout)
        return
    json.dump({"candidates": result}, sys.stdout)


if __name__ == "__main__":
    main()
