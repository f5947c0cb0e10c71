"""Operators that build new expressions from the names in scope: extra condition clauses, conditions and
returned values in place of constants, min/max/abs around an assignment, a variable replaced by an expression
of itself, swapped indexes and a method call replaced by a sibling method. Every ingredient is a name the code
around the line already uses; nothing comes from the tests."""
import ast

from aap_mutate_ops import conditions
from aap_mutate_scope import call_name, is_int

# few names keep the pairwise expressions (comparisons, sums) from growing quadratically
MAX_NAMES = 5
MAX_PARTNERS = 3


def _name(id_):
    return ast.Name(id=id_, ctx=ast.Load())


def _not(node):
    return ast.UnaryOp(op=ast.Not(), operand=node)


def _cmp(a, op, b):
    return ast.Compare(left=_name(a), ops=[op()], comparators=[_name(b)])


def scope_names(ctx, node, exclude=()):
    """Variables usable at node, parameters and earlier locals first, minus excluded and callable names."""
    called = {n.func.id for n in ast.walk(ctx.tree.module) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    out = [v for v in ctx.variables(node) if v not in exclude and v not in called and v not in ctx.facts.imports]
    return out[:MAX_NAMES]


def _clauses(ctx, node, exclude):
    for v in scope_names(ctx, node, exclude):
        yield _name(v), v
        yield _not(_name(v)), "not " + v


def extend_condition(ctx, col):
    """`if a > 0:` -> `if a > 0 and items:` / `if a > 0 or not items:`: narrowed or widened by one clause."""
    for test in conditions(ctx):
        if isinstance(test, ast.Constant):
            continue
        used = {n.id for n in ast.walk(test) if isinstance(n, ast.Name)}
        for clause, text in _clauses(ctx, test, used):
            for op, word in ((ast.And, " and "), (ast.Or, " or ")):
                values = test.values + [clause] if isinstance(test, ast.BoolOp) and isinstance(test.op, op) \
                    else [test, clause]
                new = ast.BoolOp(op=op(), values=values)
                col.replace(test, new, [ctx.seg(test) + word + text, ctx.wrapped(test) + word + text],
                            "extend-condition", 0.25)


def condition_from_scope(ctx, col):
    """`while True:` -> `while queue:`: a constant condition replaced by one over the names in scope."""
    for test in conditions(ctx):
        if not isinstance(test, ast.Constant):
            continue
        for new, text in _boolean_expressions(ctx, test):
            col.replace(test, new, [text], "condition-from-scope", 0.25)


def _boolean_expressions(ctx, node):
    names = scope_names(ctx, node)
    for v in names:
        yield _name(v), v
        yield _not(_name(v)), "not " + v
    ints = [v for v in names if v not in ctx.listish(node)]
    for i, a in enumerate(ints):
        for b in ints[i + 1:]:
            for x, op, sym, y in ((a, ast.Lt, "<", b), (b, ast.Lt, "<", a), (a, ast.LtE, "<=", b),
                                  (b, ast.LtE, "<=", a), (a, ast.Eq, "==", b), (a, ast.NotEq, "!=", b)):
                yield _cmp(x, op, y), "%s %s %s" % (x, sym, y)


def return_expression(ctx, col):
    """`return True` -> `return a <= b`, `return 0` -> `return hi - lo`: a constant result computed instead."""
    for node in ctx.of(ast.Return):
        value = node.value
        if not isinstance(value, ast.Constant) and not _negative_int(value):
            continue
        v = value.value if isinstance(value, ast.Constant) else None
        if type(v) is bool or v is None:
            exprs = _boolean_expressions(ctx, node)
        elif type(v) in (int, float) or _negative_int(value):
            exprs = _arithmetic_expressions(ctx, node)
        else:
            continue
        for new, text in exprs:
            col.replace(value, new, [text], "return-expression", 0.2)


def _negative_int(node):
    return isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and is_int(node.operand)


def _arithmetic_expressions(ctx, node):
    names = [v for v in scope_names(ctx, node) if v not in ctx.listish(node)]
    for v in names:
        yield _name(v), v
    for v in names:
        for op, sym in ((ast.Add, "+"), (ast.Sub, "-")):
            yield ast.BinOp(left=_name(v), op=op(), right=ast.Constant(value=1)), "%s %s 1" % (v, sym)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            for x, op, sym, y in ((a, ast.Add, "+", b), (b, ast.Sub, "-", a), (a, ast.Sub, "-", b),
                                  (a, ast.Mult, "*", b)):
                yield ast.BinOp(left=_name(x), op=op(), right=_name(y)), "%s %s %s" % (x, sym, y)


def wrap_min_max_abs(ctx, col):
    """`total = total + v` -> `total = min(limit, total + v)`: bounded by the target, a literal or a name."""
    for node in ctx.of(ast.Assign, ast.AnnAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        value = node.value
        if value is None or len(targets) != 1 or isinstance(targets[0], ast.Tuple) \
                or isinstance(value, (ast.Constant, ast.List, ast.Dict, ast.Tuple, ast.ListComp)):
            continue
        if isinstance(value, ast.Call) and call_name(value) in ("min", "max", "abs"):
            continue
        target = ctx.seg(targets[0])
        partners = [(ast.Constant(value=0), "0")]
        if isinstance(targets[0], ast.Name):
            partners.insert(0, (_name(target), target))
        used = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
        ints = [v for v in scope_names(ctx, node, used) if v not in ctx.listish(node)]
        partners += [(_name(v), v) for v in ints[:MAX_PARTNERS]]
        for fn in ("min", "max"):
            for partner, text in partners:
                new = ast.Call(func=_name(fn), args=[partner, value], keywords=[])
                col.replace(value, new, ["%s(%s, %s)" % (fn, text, ctx.seg(value))], "wrap-min-max-abs", 0.25)
        col.replace(value, ast.Call(func=_name("abs"), args=[value], keywords=[]), ["abs(%s)" % ctx.seg(value)],
                    "wrap-min-max-abs", 0.25)


def variable_expression(ctx, col):
    """`r` -> `r * r`, `r + 1`, `r - 1`, `-r`, `r // 2`: a variable replaced by a simple expression of itself."""
    for node in ctx.of(ast.Name):
        if not isinstance(node.ctx, ast.Load) or node.id in ctx.facts.defs or node.id in ctx.facts.imports \
                or node.id in ctx.listish(node) or node.id not in ctx.variables(node):
            continue
        parent = ctx.tree.up(node)
        if isinstance(parent, (ast.Attribute, ast.Subscript)) and parent.value is node:
            continue
        if isinstance(parent, ast.Call) and parent.func is node:
            continue
        v = node.id
        one = ast.Constant(value=1)
        two = ast.Constant(value=2)
        variants = [(ast.BinOp(left=_name(v), op=ast.Mult(), right=_name(v)), "%s * %s" % (v, v)),
                    (ast.BinOp(left=_name(v), op=ast.Add(), right=one), v + " + 1"),
                    (ast.BinOp(left=_name(v), op=ast.Sub(), right=one), v + " - 1"),
                    (ast.UnaryOp(op=ast.USub(), operand=_name(v)), "-" + v),
                    (ast.BinOp(left=_name(v), op=ast.FloorDiv(), right=two), v + " // 2")]
        if v not in ctx.intish(node):
            variants.append((ast.BinOp(left=_name(v), op=ast.Div(), right=two), v + " / 2"))
        for new, text in variants:
            col.replace(node, new, [text, "(" + text + ")"], "variable-expression", 0.2)


def swap_index(ctx, col):
    """`m[r][c]` -> `m[c][r]` and `m[r, c]` -> `m[c, r]`."""
    for node in ctx.of(ast.Subscript):
        if not isinstance(node.ctx, ast.Load) and not isinstance(node.ctx, ast.Store):
            continue
        inner = node.value
        if isinstance(inner, ast.Subscript) and not isinstance(inner.slice, ast.Slice) \
                and not isinstance(node.slice, ast.Slice):
            new = ast.Subscript(value=ast.Subscript(value=inner.value, slice=node.slice, ctx=ast.Load()),
                                slice=inner.slice, ctx=node.ctx)
            text = "%s[%s][%s]" % (ctx.seg(inner.value), ctx.seg(node.slice), ctx.seg(inner.slice))
            col.replace(node, new, [text], "swap-index", 0.3)
        elif isinstance(node.slice, ast.Tuple) and len(node.slice.elts) == 2 \
                and not any(isinstance(e, ast.Slice) for e in node.slice.elts):
            a, b = node.slice.elts
            new = ast.Subscript(value=node.value, slice=ast.Tuple(elts=[b, a], ctx=ast.Load()), ctx=node.ctx)
            text = "%s[%s, %s]" % (ctx.seg(node.value), ctx.seg(b), ctx.seg(a))
            col.replace(node, new, [text], "swap-index", 0.3)


def sibling_method(ctx, col):
    """`self.withdraw(x)` -> `self.deposit(x)`: a method call replaced by another method of the same class with
    the same arity; the class is the enclosing one for `self`/`cls`, else the one defining the called name."""
    classes = [n for n in ast.walk(ctx.tree.module) if isinstance(n, ast.ClassDef)]
    for node in ctx.of(ast.Call):
        if not isinstance(node.func, ast.Attribute) or node.keywords \
                or any(isinstance(a, ast.Starred) for a in node.args):
            continue
        owners = _owners(ctx, node, classes)
        prefix = ctx.seg(node.func.value)
        rest = ctx.src.text[ctx.src.span(node.func)[1]:ctx.src.span(node)[1]]
        fn = ctx.function(node)
        # the calling method itself is no sibling: calling it would recurse
        skip = {node.func.attr, fn.name if fn is not None else None}
        for other in _siblings(owners, skip, len(node.args)):
            func = ast.Attribute(value=node.func.value, attr=other, ctx=ast.Load())
            new = ast.Call(func=func, args=node.args, keywords=[])
            col.replace(node, new, ["%s.%s%s" % (prefix, other, rest)], "replace-function", 0.25)


def _owners(ctx, node, classes):
    receiver = node.func.value
    if isinstance(receiver, ast.Name) and receiver.id in ("self", "cls"):
        return [a for a in ctx.tree.ancestors(node) if isinstance(a, ast.ClassDef)][:1]
    return [c for c in classes if any(_methods(c, node.func.attr))]


def _methods(cls, name=None):
    for fn in cls.body:
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) and not fn.name.startswith("__") \
                and not fn.args.vararg and not fn.args.kwonlyargs and (name is None or fn.name == name):
            yield fn


def _siblings(owners, skip, arity):
    out = []
    for cls in owners:
        for fn in _methods(cls):
            if fn.name not in skip and fn.name not in out \
                    and len(fn.args.args) - (0 if _static(fn) else 1) == arity:
                out.append(fn.name)
    return out


def _static(fn):
    return any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in fn.decorator_list)


OPERATORS = [extend_condition, condition_from_scope, return_expression, wrap_min_max_abs, variable_expression,
             swap_index, sibling_method]
