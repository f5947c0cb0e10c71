"""Structural facts about the function around one line, for the overfitting guard (stdin JSON, stdout JSON)."""
import ast
import json
import re
import sys


def enclosing(tree, line):
    best = None
    for n in ast.walk(tree):
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.lineno <= line <= n.end_lineno:
            if best is None or n.lineno >= best.lineno:
                best = n
    return best


def constant(e):
    return isinstance(e, ast.Constant) and isinstance(e.value, (bool, int, type(None)))


def tautology(e):
    if isinstance(e, ast.BoolOp):
        want = isinstance(e.op, ast.Or)
        return any(isinstance(v, ast.Constant) and bool(v.value) == want for v in e.values)
    return False


def self_attr(e):
    if isinstance(e, ast.Attribute) and isinstance(e.value, ast.Name) and e.value.id == "self":
        return e.attr
    return None


def facts(source, line):
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    f = enclosing(tree, line)
    if f is None:
        return None
    conds, returns, exits, assigns = [], [], 0, []
    for n in ast.walk(f):
        if isinstance(n, (ast.If, ast.While, ast.IfExp)):
            conds.append((n.test.lineno, n.test.col_offset, ast.unparse(n.test), constant(n.test) or tautology(n.test)))
        elif isinstance(n, ast.Return):
            returns.append(n.lineno)
            exits += 1
        elif isinstance(n, ast.Raise):
            exits += 1
        elif isinstance(n, ast.Assign) and len(n.targets) == 1 and self_attr(n.targets[0]):
            assigns.append((n.lineno, self_attr(n.targets[0]), ast.unparse(n.value), self_attr(n.value)))
    conds.sort()
    assigns.sort()
    return {
        "conditions": [{"text": c[2], "constant": c[3]} for c in conds],
        "exits": exits,
        "returnLines": sorted(returns),
        "lastStatementLine": f.body[-1].lineno,
        "initializer": f.name == "__init__" or bool(re.match(r"set_?[a-zA-Z]", f.name)),
        "assigns": [{"target": a[1], "value": a[2], "field": a[3]} for a in assigns],
    }


req = json.load(sys.stdin)
json.dump([facts(t, req["line"]) for t in req["texts"]], sys.stdout)
