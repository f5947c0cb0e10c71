# Summarises the tests of Python files for aap's test-integrity guard.
# Reads {"before": text-or-null, "after": text-or-null} as JSON on stdin and writes {"before": summary,
# "after": summary}; a summary is {"error": message} when the text does not parse. It only parses the text with
# ast: it never imports or runs the code it looks at.
import ast
import json
import sys

OPS = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
       ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in"}
STRONG_OPS = {"==", "is"}
NEUTRAL_OPS = {"in", "not in"}
WEAK_CALLS = {"assertTrue", "assertFalse", "assertIsNotNone", "assertNotEqual", "assertNotEquals", "assertGreater",
              "assertGreaterEqual", "assertLess", "assertLessEqual", "assertIsNot", "assertNotIn",
              "assertNotAlmostEqual", "assertIsInstance", "assert_called", "assert_awaited"}
STRONG_CALLS = {"assertIs", "assertIsNone", "assertIn", "assertRaises", "assertRaisesRegex", "assertWarns",
                "assertRegex", "assert_has_calls", "assert_any_call", "assert_not_called"}
UNCONDITIONAL_SKIPS = {"skip", "xfail", "expectedFailure", "skipTest", "SkipTest"}
DECORATOR_SKIPS = {"skip", "skipif", "xfail", "skipIf", "skipUnless", "expectedFailure"}
BODY_SKIPS = {"skip", "xfail", "importorskip", "skipTest"}


def dotted(node):
    """a.b.c for a name or attribute chain (the called function for a call), else None."""
    if isinstance(node, ast.Call):
        return dotted(node.func)
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return base + "." + node.attr if base else None
    return None


def clone(node):
    """A copy of a syntax tree without positions; several times faster than copy.deepcopy, which matters for
    test files with thousands of assertions."""
    if isinstance(node, ast.AST):
        new = node.__class__()
        for field, value in ast.iter_fields(node):
            setattr(new, field, clone(value))
        return new
    if isinstance(node, list):
        return [clone(x) for x in node]
    return node


def last(name):
    return name.rsplit(".", 1)[-1] if name else ""


def shown(node):
    return " ".join(ast.unparse(node).split())


def is_literal(node):
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        return is_literal(node.operand)
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return all(is_literal(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is not None and is_literal(k) and is_literal(v) for k, v in zip(node.keys, node.values))
    return False


def literals(nodes):
    found = []
    for root in nodes:
        for n in ast.walk(root):
            if isinstance(n, ast.Constant):
                found.append(repr(n.value))
    return ", ".join(found) if found else None


class Locals(ast.NodeTransformer):
    """Numbers a test's local names by their first use in each normalized expression (not in the whole test, so a
    new local elsewhere changes nothing) and inlines names bound once to a literal: a consistent rename of a local
    is no change, and a changed expected value is one even when it sits in a local."""

    def __init__(self, func):
        stores, bound = {}, {}
        args = func.args.posonlyargs + func.args.args + func.args.kwonlyargs + [func.args.vararg, func.args.kwarg]
        for a in args:
            if a is not None:
                stores[a.arg] = 2
        for n in ast.walk(func):
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                stores[n.id] = stores.get(n.id, 0) + 1
            elif isinstance(n, ast.arg) and n.arg not in stores:
                stores[n.arg] = 2
            if (isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                    and is_literal(n.value)):
                bound[n.targets[0].id] = n.value
        self.literal = {k: v for k, v in bound.items() if stores.get(k) == 1}
        self.locals = set(stores)
        self.numbers = {}

    def visit_Name(self, node):
        if isinstance(node.ctx, ast.Load) and node.id in self.literal:
            return clone(self.literal[node.id])
        if node.id in self.locals:
            number = self.numbers.setdefault(node.id, "_v%d" % len(self.numbers))
            return ast.copy_location(ast.Name(id=number, ctx=node.ctx), node)
        return node

    def visit_arg(self, node):
        if node.arg in self.locals:
            node.arg = self.numbers.setdefault(node.arg, "_v%d" % len(self.numbers))
        return node

    def norm(self, node):
        self.numbers = {}
        return self.visit(clone(node))


def assertion(kind, strength, key, subject, expected, node):
    return {"kind": kind, "strength": strength, "key": key, "subject": subject, "expected": expected,
            "shown": shown(node), "line": node.lineno}


def from_assert(stmt, loc):
    test = loc.norm(stmt.test)
    key = "assert " + ast.unparse(test)
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        op = OPS[type(test.ops[0])]
        left, right = test.left, test.comparators[0]
        if op in ("==", "!=", "is", "is not") and is_literal(left) and not is_literal(right):
            left, right = right, left
        strength = "STRONG" if op in STRONG_OPS else "NEUTRAL" if op in NEUTRAL_OPS else "WEAK"
        return assertion("assert " + op, strength, key, ast.unparse(left), ast.unparse(right), stmt)
    if isinstance(test, ast.Compare):
        return assertion("assert chain", "NEUTRAL", key, ast.unparse(test.left), literals([test]), stmt)
    if isinstance(test, ast.Constant):
        return assertion("assert constant", "WEAK", key, "", repr(test.value), stmt)
    if isinstance(test, ast.BoolOp):
        return assertion("assert boolean", "NEUTRAL", key, ast.unparse(test), literals([test]), stmt)
    return assertion("assert truthy", "WEAK", key, ast.unparse(test), literals([test]), stmt)


def call_strength(name):
    if name in WEAK_CALLS:
        return "WEAK"
    if name in STRONG_CALLS or "Equal" in name or name.endswith("_with") or "equal" in name:
        return "STRONG"
    return "NEUTRAL"


def from_call(call, loc):
    name = dotted(call.func)
    tail = last(name)
    is_raises = tail in ("raises", "warns") and (name in ("raises", "warns") or name.startswith("pytest."))
    is_fail = tail == "fail" and name in ("fail", "pytest.fail", "self.fail")
    if not (is_raises or is_fail or tail.startswith("assert")):
        return None
    norm = loc.norm(call)
    key = ast.unparse(norm)
    args = [a for a in norm.args]
    extras = [k for k in norm.keywords if k.arg != "msg"]
    if is_raises:
        expected = ", ".join([ast.unparse(a) for a in args[:1]] + [ast.unparse(k) for k in extras]) or None
        subject = ", ".join(ast.unparse(a) for a in args[1:])
        return assertion(tail, "STRONG", key, subject, expected, call)
    if is_fail:
        return assertion("fail", "NEUTRAL", key, "", None, call)
    strength = call_strength(tail)
    if "Raises" in tail or "Warns" in tail:
        expected = ", ".join(ast.unparse(a) for a in args[:2 if "Regex" in tail else 1]) or None
        return assertion(tail, strength, key, "", expected, call)
    if tail.startswith("assert_") and ("called" in tail or "awaited" in tail or "calls" in tail):
        subject = ast.unparse(norm.func.value) if isinstance(norm.func, ast.Attribute) else ""
        expected = ", ".join([ast.unparse(a) for a in args] + [ast.unparse(k) for k in extras]) or None
        return assertion(tail, strength, key, subject, expected, call)
    if len(args) >= 2:
        first, second = args[0], args[1]
        if is_literal(first) and not is_literal(second):
            first, second = second, first
        rest = [ast.unparse(a) for a in args[2:]] + [ast.unparse(k) for k in extras]
        return assertion(tail, strength, key, ast.unparse(first), ", ".join([ast.unparse(second)] + rest), call)
    return assertion(tail, strength, key, ", ".join(ast.unparse(a) for a in args), literals(args), call)


def skip_name(name, allowed):
    tail = last(name)
    if tail not in allowed:
        return False
    if tail in ("skip", "skipif", "xfail"):
        parts = name.split(".")
        return len(parts) == 1 or parts[-2] in ("mark", "unittest", "pytest")
    return True


def marker(node, name):
    tail = last(name)
    key = name if tail in UNCONDITIONAL_SKIPS else shown(node)
    return {"key": key, "text": shown(node), "line": node.lineno}


def skip_markers(expr):
    """Skip and xfail marks anywhere in a decorator or pytestmark value, including pytest.param(..., marks=...)."""
    found = []

    def visit(n):
        if isinstance(n, (ast.Call, ast.Attribute, ast.Name)):
            name = dotted(n)
            if name and skip_name(name, DECORATOR_SKIPS):
                found.append(marker(n, name))
                return
        for child in ast.iter_child_nodes(n):
            if not (isinstance(n, ast.Call) and child is n.func):
                visit(child)

    visit(expr)
    return found


def timeout_of(exprs):
    for expr in exprs:
        for n in ast.walk(expr):
            if isinstance(n, ast.Call) and last(dotted(n.func)) == "timeout" and "mark" in (dotted(n.func) or ""):
                value = n.args[0] if n.args else next((k.value for k in n.keywords if k.arg == "timeout"), None)
                seconds = None
                if isinstance(value, ast.Constant) and isinstance(value.value, (int, float)) \
                        and not isinstance(value.value, bool):
                    seconds = float(value.value)
                return {"seconds": seconds, "text": shown(n), "line": n.lineno}
    return None


def pytestmark(body):
    for stmt in body:
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            if any(isinstance(t, ast.Name) and t.id == "pytestmark" for t in targets) and stmt.value is not None:
                return [stmt.value]
    return []


def own_nodes(func):
    """Nodes of a function body, not descending into nested functions, lambdas or classes."""
    stack = list(func.body)
    while stack:
        n = stack.pop()
        yield n
        for child in ast.iter_child_nodes(n):
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                stack.append(child)


def parameter_rows(decorators):
    """Each row of @pytest.mark.parametrize is a check of its own: its values usually hold the expected result."""
    rows = []
    for d in decorators:
        if isinstance(d, ast.Call) and last(dotted(d.func)) == "parametrize" and len(d.args) >= 2 \
                and isinstance(d.args[1], (ast.List, ast.Tuple)):
            names = ast.unparse(d.args[0])
            for row in d.args[1].elts:
                text = shown(row)
                rows.append({"kind": "parameters", "strength": "NEUTRAL", "key": "parametrize(%s) %s" % (names, text),
                             "subject": names, "expected": text, "shown": "parametrize row " + text,
                             "line": row.lineno})
    return rows


def test_case(func, scope):
    loc = Locals(func)
    assertions, skips = parameter_rows(func.decorator_list), []
    for n in ast.walk(ast.Module(body=func.body, type_ignores=[])):
        if isinstance(n, ast.Assert):
            assertions.append(from_assert(n, loc))
        elif isinstance(n, ast.Call):
            found = from_call(n, loc)
            if found is not None:
                assertions.append(found)
            elif skip_name(dotted(n.func) or "", BODY_SKIPS):
                skips.append(marker(n, dotted(n.func)))
        elif isinstance(n, ast.Raise) and n.exc is not None and last(dotted(n.exc)) == "SkipTest":
            skips.append(marker(n, dotted(n.exc)))
    for d in func.decorator_list:
        skips.extend(skip_markers(d))
    assertions.sort(key=lambda a: a["line"])
    skips.sort(key=lambda m: m["line"])
    last_assert = max((a["line"] for a in assertions), default=0)
    returns = sorted(n.lineno for n in own_nodes(func) if isinstance(n, ast.Return) and n.lineno < last_assert)
    return {"scope": scope, "name": func.name, "line": func.lineno, "assertions": assertions, "skips": skips,
            "timeout": timeout_of(func.decorator_list), "earlyReturns": returns}


def is_test_class(cls):
    if cls.name.startswith("Test"):
        return True
    return any(last(dotted(b)).endswith("TestCase") for b in cls.bases)


# (scope, source of a test with its decorators) -> (its first line, its summary): a test the change left alone
# is summarized once for both versions
SEEN = {}


def cached_test_case(func, scope, lines):
    first = min([d.lineno for d in func.decorator_list] + [func.lineno])
    source = "\n".join(lines[first - 1:func.end_lineno])
    hit = SEEN.get((scope, source))
    if hit is None:
        result = test_case(func, scope)
        SEEN[(scope, source)] = (first, result)
        return result
    return shifted(hit[1], first - hit[0])


def shifted(value, delta):
    if isinstance(value, dict):
        return {k: v + delta if k == "line" else [x + delta for x in v] if k == "earlyReturns" else shifted(v, delta)
                for k, v in value.items()}
    if isinstance(value, list):
        return [shifted(v, delta) for v in value]
    return value


def collect(body, scope, lines, out):
    for stmt in body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            key = scope + "." + stmt.name if scope else stmt.name
            # a later definition of a name replaces the earlier one, as it does when pytest imports the module
            out["tests"].pop(key, None)
            out["helpers"].pop(key, None)
            if stmt.name.startswith("test"):
                out["tests"][key] = cached_test_case(stmt, scope, lines)
            else:
                out["helpers"][key] = stmt.lineno
        elif isinstance(stmt, ast.ClassDef) and is_test_class(stmt):
            name = scope + "." + stmt.name if scope else stmt.name
            marks = pytestmark(stmt.body)
            skips = [m for d in stmt.decorator_list + marks for m in skip_markers(d)]
            out["scopes"].append({"name": name, "line": stmt.lineno, "skips": skips,
                                  "timeout": timeout_of(stmt.decorator_list + marks)})
            collect(stmt.body, name, lines, out)


def summarize(text):
    if text is None:
        return {"scopes": [], "tests": [], "helpers": {}}
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError) as e:
        return {"error": str(e)}
    marks = pytestmark(tree.body)
    out = {"scopes": [{"name": "", "line": 1, "skips": [m for e in marks for m in skip_markers(e)],
                       "timeout": timeout_of(marks)}], "tests": {}, "helpers": {}}
    collect(tree.body, "", text.split("\n"), out)
    out["tests"] = list(out["tests"].values())
    return out


def main():
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    result = {side: summarize(request.get(side)) for side in ("before", "after")}
    sys.stdout.buffer.write(json.dumps(result).encode("utf-8"))


main()
