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
# in a method, this many of the instance's attributes (`self.limit`) join the local names
MAX_ATTRS = 2
# lengths of list names (`len(items)`) among the numbers compared or combined
MAX_LENGTHS = 2


def _name(text):
    """The expression of an ingredient: a name, an attribute such as `self.limit`, or `len(items)`."""
    if text.isidentifier():
        return ast.Name(id=text, ctx=ast.Load())
    return ast.parse(text, mode="eval").body


def _numbers(ctx, node):
    """Ingredients for comparisons and arithmetic: names known to hold ints first, then other non-list names,
    then the lengths of list names; at most MAX_NAMES, since pairs of them grow quadratically."""
    names = scope_names(ctx, node)
    listish = ctx.listish(node)
    intish = ctx.intish(node)
    ints = [v for v in names if v in intish] + [v for v in names if v not in intish and v not in listish]
    lengths = ["len(%s)" % v for v in scope_names(ctx, node, truth=True) if v in listish][:MAX_LENGTHS]
    room = MAX_NAMES - min(len(lengths), 1)  # one length at least, when there is a list
    return (ints[:room] + lengths)[:MAX_NAMES]


def _not(node):
    return ast.UnaryOp(op=ast.Not(), operand=node)


def _cmp(a, op, b):
    return ast.Compare(left=_name(a), ops=[op()], comparators=[_name(b)])


def scope_names(ctx, node, exclude=(), truth=False):
    """Variables usable at node, parameters and earlier locals first, minus excluded and callable names. In a
    method the receiver itself gives way to a few of its attributes (`self.limit`): those the method reads, then
    those the class tests for truth (truth=True, for clauses) or computes and compares with (for values)."""
    called = _called(ctx)
    receiver = _receiver(ctx, node)
    out = [v for v in ctx.variables(node) if v not in exclude and v not in called and v not in ctx.facts.imports
           and v != receiver]
    attrs = [a for a in _attributes(ctx, node, receiver, truth) if a not in exclude]
    return out[:MAX_NAMES] + attrs[:MAX_ATTRS]


def _called(ctx):
    """Names the module calls as functions, found once per file rather than once per node."""
    if "_called" not in ctx.__dict__:
        ctx._called = {n.func.id for n in ast.walk(ctx.tree.module)
                       if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    return ctx._called


def used_names(node):
    """The names and receiver attributes (`self.limit`) an expression or statement mentions."""
    out = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Name):
            out.add(n.id)
        elif isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name):
            out.add(n.value.id + "." + n.attr)
    return out


def _receiver(ctx, node):
    """`self` (or `cls`, whatever the first parameter is called) when node is in a method of a class."""
    fn = ctx.function(node)
    if fn is None or not fn.args.args or not isinstance(ctx.tree.up(fn), ast.ClassDef) \
            or any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in fn.decorator_list):
        return None
    return fn.args.args[0].arg


def _attributes(ctx, node, receiver, truth):
    """Attributes the class assigns through the receiver (data, not methods), likeliest partners first."""
    if receiver is None:
        return []
    fn = ctx.function(node)
    memo = ctx.__dict__.setdefault("_attributes", {})  # one walk of the class per method, not per node
    key = (id(fn), truth)
    if key not in memo:
        memo[key] = _attributes_of(ctx, fn, receiver, truth)
    return memo[key]


def _attributes_of(ctx, fn, receiver, truth):
    cls = ctx.tree.up(fn)
    methods = {f.name for f in cls.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))}
    assigned = []
    truthy = []  # assigned a bool or a container, or tested as a condition
    operands = []  # computed or compared with
    for n in ast.walk(cls):
        targets = n.targets if isinstance(n, ast.Assign) \
            else [n.target] if isinstance(n, (ast.AugAssign, ast.AnnAssign)) else []
        for t in targets:
            if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == receiver \
                    and t.attr not in methods and t.attr not in assigned:
                assigned.append(t.attr)
            value = getattr(n, "value", None)
            if isinstance(t, ast.Attribute) and (isinstance(value, (ast.List, ast.Dict, ast.Set, ast.ListComp))
                                                 or (isinstance(value, ast.Constant) and type(value.value) is bool)):
                truthy.append(t)
        if isinstance(n, ast.BinOp):
            operands += [n.left, n.right]
        elif isinstance(n, ast.Compare):
            operands += [n.left] + n.comparators
        elif isinstance(n, ast.AugAssign):
            operands += [n.target, n.value]
        elif isinstance(n, (ast.If, ast.While, ast.IfExp, ast.Assert)):
            truthy.append(n.test)
        elif isinstance(n, ast.BoolOp):
            truthy += n.values
        elif isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.Not):
            truthy.append(n.operand)

    def own(x):
        return isinstance(x, ast.Attribute) and isinstance(x.value, ast.Name) and x.value.id == receiver \
            and x.attr in assigned

    read = [x.attr for x in sorted((x for x in ast.walk(fn) if own(x)), key=lambda x: (x.lineno, x.col_offset))]
    # an attribute named like a local (`attempt` and `max_attempts`) is its likely bound or partner
    words = set()
    for v in ctx.scope(fn.body[0]).names:
        words |= _words(v)
    named_alike = [a for a in assigned if _words(a) & words]
    preferred = [x.attr for x in (truthy if truth else operands) if own(x)]
    return [receiver + "." + a for a in dict.fromkeys(read + named_alike + preferred + assigned)]


def _words(name):
    """The words of an identifier, lower case and singular: `maxAttempts`, `max_attempts` -> {max, attempt}."""
    spaced = "".join(" " + ch.lower() if ch.isupper() else ch for ch in name).replace("_", " ")
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in spaced.split() if len(w) >= 3}


def _clauses(ctx, node, exclude):
    for v in scope_names(ctx, node, exclude, truth=True):
        yield _name(v), v
        yield _not(_name(v)), "not " + v


def extend_condition(ctx, col):
    """`if a > 0:` -> `if a > 0 and items:` / `if a > 0 or not items:`: narrowed or widened by one clause."""
    for test in conditions(ctx):
        if isinstance(test, ast.Constant):
            continue
        for clause, text in _clauses(ctx, test, used_names(test)):
            for op, word in ((ast.And, " and "), (ast.Or, " or ")):
                values = test.values + [clause] if isinstance(test, ast.BoolOp) and isinstance(test.op, op) \
                    else [test, clause]
                new = ast.BoolOp(op=op(), values=values)
                col.replace(test, new, [ctx.seg(test) + word + text, ctx.wrapped(test) + word + text],
                            "extend-condition", 0.25)
        if _rejects(ctx, test):
            _guard(ctx, col, test)


def _rejects(ctx, test):
    """The test of an `if` whose branch raises or returns at once: a guard that refuses input."""
    parent = ctx.tree.up(test)
    if not isinstance(parent, ast.If) or parent.test is not test:
        return False
    first = parent.body[0]
    return isinstance(first, ast.Raise) or isinstance(first, ast.Return) and \
        (first.value is None or isinstance(first.value, ast.Constant) or _negative_int(first.value))


def _guard(ctx, col, test):
    """`if qty > limit:` -> `if qty <= 0 or qty > limit:`: a guard that also refuses a number it tests when it
    is not positive, the check first as people write it."""
    # numbers: the names the test orders (`count > free`)
    ordered = set()
    for c in ast.walk(test):
        if isinstance(c, ast.Compare) and any(isinstance(o, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)) for o in c.ops):
            ordered |= {x.id for x in [c.left] + c.comparators if isinstance(x, ast.Name)}
    names = sorted(ordered)[:2]
    for v in names:
        for op, sym in ((ast.LtE, "<="), (ast.Lt, "<")):
            clause = ast.Compare(left=_name(v), ops=[op()], comparators=[ast.Constant(value=0)])
            values = [clause] + (test.values if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or)
                                 else [test])
            text = "%s %s 0" % (v, sym)
            col.replace(test, ast.BoolOp(op=ast.Or(), values=values),
                        [text + " or " + ctx.seg(test), text + " or " + ctx.wrapped(test)], "extend-condition", 0.2)


def condition_from_scope(ctx, col):
    """`while True:` -> `while queue:`: a constant condition replaced by one over the names in scope."""
    for test in conditions(ctx):
        if not isinstance(test, ast.Constant):
            continue
        for new, text in _boolean_expressions(ctx, test):
            col.replace(test, new, [text], "condition-from-scope", 0.25)


def _boolean_expressions(ctx, node):
    for v in scope_names(ctx, node, truth=True):
        yield _name(v), v
        yield _not(_name(v)), "not " + v
    ints = _numbers(ctx, node)
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
    names = _numbers(ctx, node)
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
        ints = [v for v in scope_names(ctx, node, used_names(node)) if v not in ctx.listish(node)]
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
