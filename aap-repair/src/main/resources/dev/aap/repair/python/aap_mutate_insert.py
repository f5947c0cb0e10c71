"""Operators that insert a missing statement next to a suspicious line: a call or assignment seen elsewhere in
the same function or class (its names adapted to the ones in scope), a `break`/`continue`/`return`, or a
missing `else` branch. Inserted text is re-indented to the line it joins."""
import ast
import builtins

from aap_mutate_scope import FUNCS, own_nodes

MAX_STATEMENTS = 10
MAX_RETURNS = 3
JUMPS = (ast.Return, ast.Break, ast.Continue, ast.Raise)
BUILTINS = set(dir(builtins))


class Spot:
    """A place to insert lines: an offset at the start of a line and the indent the inserted lines take."""

    def __init__(self, offset, indent, where):
        self.offset = offset
        self.indent = indent
        self.where = where


def _own_line(ctx, node):
    """The node's indent when it starts its line, else None."""
    indent = ctx.src.lines[node.lineno - 1][:node.col_offset]
    return indent if not indent.strip() else None


def _line_after(ctx, node):
    return ctx.src.starts[node.end_lineno] if node.end_lineno < len(ctx.src.starts) else len(ctx.src.text)


def spots(ctx, node):
    indent = _own_line(ctx, node)
    if indent is None or not isinstance(ctx.tree.up(node), (ast.FunctionDef, ast.AsyncFunctionDef, ast.stmt)):
        return []
    out = [Spot(ctx.src.starts[node.lineno - 1], indent, "before line %d" % node.lineno)]
    after = _line_after(ctx, node)
    # nothing runs after a jump, and a last line without a newline has no line start to insert at
    if not isinstance(node, JUMPS) and ctx.src.text[after - 1:after] == "\n":
        out.append(Spot(after, indent, "after line %d" % node.end_lineno))
    return out


def _enclosing_loops(ctx, node):
    for a in ctx.tree.ancestors(node):
        if isinstance(a, FUNCS + (ast.ClassDef,)):
            return
        if isinstance(a, (ast.For, ast.While)):
            yield a


def _loop_targets(loops):
    out = []
    for loop in loops:
        if isinstance(loop, ast.For):
            out.extend(t.id for t in ast.walk(loop.target) if isinstance(t, ast.Name))
    return out


def _pool(ctx, node):
    """Simple one-line statements of the same function (nearest first), then of the class's other methods."""
    fn = ctx.function(node)
    if fn is None:
        return []
    own = sorted((s for s in own_nodes(fn) if _ingredient(s) and s.lineno not in ctx.lines),
                 key=lambda s: abs(s.lineno - node.lineno))
    cls = ctx.tree.up(fn)
    others = []
    if isinstance(cls, ast.ClassDef):
        for m in cls.body:
            if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef)) and m is not fn and m.name != "__init__":
                others.extend(s for s in own_nodes(m) if _ingredient(s))
    seen, out = set(), []
    for s in own + others:
        text = ctx.seg(s)
        if text not in seen:
            seen.add(text)
            out.append(s)
    return out[:MAX_STATEMENTS]


def _ingredient(s):
    if not isinstance(s, ast.stmt) or s.lineno != s.end_lineno:
        return False
    if isinstance(s, ast.Expr):
        return isinstance(s.value, ast.Call)
    return isinstance(s, (ast.Assign, ast.AugAssign)) or (isinstance(s, ast.AnnAssign) and s.value is not None)


def adapted(ctx, stmt, node):
    """stmt's text with names not visible at node (another function's parameter, another loop's variable)
    replaced by the enclosing loops' variables or, failing that, the other names in scope; at most two versions."""
    loops = list(_enclosing_loops(ctx, node))
    live_loop_vars = set(_loop_targets(loops))
    scope = ctx.scope(node)
    visible = set(ctx.variables(node)) | set(ctx.facts.defs) | ctx.facts.imports | BUILTINS
    foreign = {n.id for n in ast.walk(stmt) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
               and (n.id not in visible or (n.id in scope.loop_vars and n.id not in live_loop_vars))}
    if ctx.function(stmt) is not ctx.function(node):
        foreign |= {n.id for n in ast.walk(stmt) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
                    and n.id not in visible}
    text = ctx.seg(stmt)
    if not foreign:
        return _with_locals(ctx, text, node) + [text]
    if len(foreign) > 1:
        return []
    old = foreign.pop()
    used = {n.id for n in ast.walk(stmt) if isinstance(n, ast.Name)}
    choices = [v for v in _loop_targets(loops) + ctx.variables(node) if v != old and v not in used]
    out = []
    for new in choices[:2]:
        out.append(_rename(ctx, stmt, old, new))
    return out


def _with_locals(ctx, text, node):
    """text with a computed part replaced by the local that already holds it at node (`seen.add(norm(c.email))`
    -> `seen.add(key)` after `key = norm(c.email)`), as people write it; empty when no local holds one."""
    fn = ctx.function(node)
    if fn is None:
        return []
    out = text
    for s in own_nodes(fn):
        if isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name) \
                and s.lineno < node.lineno and isinstance(s.value, (ast.Call, ast.Attribute, ast.BinOp, ast.Subscript)):
            value = ctx.seg(s.value)
            if value in out and not out.startswith(s.targets[0].id + " ") and _same_loop(ctx, s, node):
                out = out.replace(value, s.targets[0].id)
    return [out] if out != text else []


def _same_loop(ctx, assign, node):
    """The assignment's value still describes the current iteration at node: no loop of its own ends before."""
    loops = set(map(id, _enclosing_loops(ctx, node)))
    return all(id(loop) in loops for loop in _enclosing_loops(ctx, assign))


def _rename(ctx, stmt, old, new):
    s0 = ctx.src.span(stmt)[0]
    text = ctx.seg(stmt)
    spans = sorted((ctx.src.span(n) for n in ast.walk(stmt) if isinstance(n, ast.Name) and n.id == old),
                   key=lambda sp: -sp[0])
    for s, e in spans:
        text = text[:s - s0] + new + text[e - s0:]
    return text


def insert_statement(ctx, col):
    """`out.append(x)` followed by a copy of `seen.add(x)` from elsewhere in the method or class."""
    for node in _statements(ctx):
        places = spots(ctx, node)
        if not places:
            continue
        for stmt in _pool(ctx, node):
            prior = 0.25 if ctx.function(stmt) is ctx.function(node) else 0.2
            for text in adapted(ctx, stmt, node):
                if text == ctx.seg(node):
                    continue
                for spot in places:
                    col.stmt(node, [(spot.offset, spot.offset, spot.indent + text + "\n")], node.lineno,
                             "insert-statement", prior, "insert '%s' %s" % (text, spot.where))


def _statements(ctx):
    for node in ctx.of(ast.stmt):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) \
                and ctx.function(node) is not None:
            yield node


def _jumps(ctx, node):
    """break/continue inside a loop, and the function's own return statements (or a bare return)."""
    out = []
    if next(_enclosing_loops(ctx, node), None) is not None:
        out += ["break", "continue"]
    fn = ctx.function(node)
    returns = []
    for r in own_nodes(fn):
        if isinstance(r, ast.Return) and r.lineno == r.end_lineno:
            text = ctx.seg(r)
            if text not in returns:
                returns.append(text)
    out += returns[:MAX_RETURNS] if returns else ["return"]
    return out


def insert_jump(ctx, col):
    """A `break`, `continue` or `return` inserted before or after the line."""
    for node in _statements(ctx):
        for spot in spots(ctx, node):
            for text in _jumps(ctx, node):
                col.stmt(node, [(spot.offset, spot.offset, spot.indent + text + "\n")], node.lineno,
                         "insert-jump", 0.2, "insert '%s' %s" % (text, spot.where))


def insert_else(ctx, col):
    """An `if` without `else` given one: the statement after it moved into the branch, or a new statement; an
    `if` right after such an `if` made its `elif`."""
    for node in ctx.of(ast.If, ast.stmt):
        if isinstance(node, ast.If) and not node.orelse:
            _else_for(ctx, col, node, node.lineno)
        else:
            prev = _previous_sibling(ctx, node)
            if isinstance(prev, ast.If) and not prev.orelse:
                _else_for(ctx, col, prev, node.lineno)
        _elif_for(ctx, col, node)


def _elif_for(ctx, col, node):
    """`if a: ...` then `if b: ...` -> `if a: ... elif b: ...`: the second test only when the first failed."""
    prev = _previous_sibling(ctx, node)
    if not isinstance(node, ast.If) or not isinstance(prev, ast.If) or _own_line(ctx, node) is None \
            or _own_line(ctx, node) != _own_line(ctx, prev):
        return
    last = prev
    while len(last.orelse) == 1 and isinstance(last.orelse[0], ast.If):
        last = last.orelse[0]  # the end of an if/elif chain
    if last.orelse:
        return
    start = ctx.src.span(node)[0]
    col.stmt(node, [(start, start + 2, "elif")], node.lineno, "insert-else", 0.25,
             "'if' -> 'elif' after the 'if' at line %d" % prev.lineno)


def _previous_sibling(ctx, node):
    entry = ctx.tree.parent.get(id(node))
    if entry is None or entry[2] is None or entry[2] == 0:
        return None
    return getattr(entry[0], entry[1])[entry[2] - 1]


def _else_for(ctx, col, node, line):
    indent = _own_line(ctx, node)
    body_indent = _own_line(ctx, node.body[0])
    if indent is None or body_indent is None or ctx.function(node) is None or node.lineno == node.body[0].lineno:
        return
    at = _line_after(ctx, node)
    head = indent + "else:\n"
    entry = ctx.tree.parent[id(node)]
    siblings = getattr(entry[0], entry[1])
    nxt = siblings[entry[2] + 1] if entry[2] is not None and entry[2] + 1 < len(siblings) else None
    if nxt is not None and _own_line(ctx, nxt) == indent and not isinstance(nxt, JUMPS):
        end = _line_after(ctx, nxt)
        moved = "".join(body_indent[len(indent):] + ln if ln.strip() else ln
                        for ln in ctx.src.text[at:end].splitlines(True))
        col.stmt(node, [(at, end, head + moved)], line, "insert-else", 0.25,
                 "move '%s' into an else branch" % ctx.seg(nxt))
    for text in _else_bodies(ctx, node):
        col.stmt(node, [(at, at, head + body_indent + text + "\n")], line, "insert-else", 0.2,
                 "else: %s" % text)


def _else_bodies(ctx, node):
    """Assignments to the branch's own targets from other names, pooled statements and jumps."""
    out = []
    for s in node.body:
        if isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name):
            t = s.targets[0].id
            used = {n.id for n in ast.walk(s) if isinstance(n, ast.Name)}
            out += ["%s = %s" % (t, v) for v in ctx.variables(node) if v not in used][:4]
    own = {id(n) for s in node.body for n in ast.walk(s)}
    for stmt in [s for s in _pool(ctx, node) if id(s) not in own][:4]:
        out += adapted(ctx, stmt, node)[:1]
    out += _jumps(ctx, node)
    seen, unique = set(), []
    for t in out:
        if t not in seen:
            seen.add(t)
            unique.append(t)
    return unique


OPERATORS = [insert_statement, insert_else, insert_jump]
