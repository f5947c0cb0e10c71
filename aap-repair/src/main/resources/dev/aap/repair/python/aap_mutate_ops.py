"""The operator families. Each takes (context, collector) and proposes replacements through the collector."""
import ast
import copy
import sys

from aap_mutate_scope import BUILTIN_SWAPS, FUNCS, FileFacts, Scope, call_name, is_int

CMP = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
       ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in"}
CMP_NEAR = {ast.Lt: [ast.LtE, ast.Gt, ast.NotEq], ast.LtE: [ast.Lt, ast.GtE], ast.Gt: [ast.GtE, ast.Lt, ast.NotEq],
            ast.GtE: [ast.Gt, ast.LtE], ast.Eq: [ast.NotEq, ast.Is, ast.LtE, ast.GtE],
            ast.NotEq: [ast.Eq, ast.IsNot, ast.Lt, ast.Gt], ast.Is: [ast.IsNot, ast.Eq],
            ast.IsNot: [ast.Is, ast.NotEq], ast.In: [ast.NotIn], ast.NotIn: [ast.In]}
ORDER = [ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE]
BIN = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%", ast.Pow: "**",
       ast.LShift: "<<", ast.RShift: ">>", ast.BitOr: "|", ast.BitXor: "^", ast.BitAnd: "&"}
BIN_NEAR = {ast.Add: [ast.Sub, ast.Mult], ast.Sub: [ast.Add], ast.Mult: [ast.Div, ast.FloorDiv, ast.Add, ast.Pow],
            ast.Div: [ast.FloorDiv, ast.Mult], ast.FloorDiv: [ast.Div, ast.Mod, ast.Mult],
            ast.Mod: [ast.FloorDiv, ast.Div], ast.Pow: [ast.Mult], ast.LShift: [ast.RShift],
            ast.RShift: [ast.LShift], ast.BitOr: [ast.BitAnd, ast.BitXor], ast.BitAnd: [ast.BitOr, ast.BitXor],
            ast.BitXor: [ast.BitAnd, ast.BitOr]}
ARITH = [ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow]
BITS = [ast.BitOr, ast.BitXor, ast.BitAnd, ast.LShift, ast.RShift]
ATOMS = (ast.Name, ast.Constant, ast.Call, ast.Attribute, ast.Subscript, ast.List, ast.Dict, ast.Set,
         ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
OLD_FSTRINGS = sys.version_info < (3, 12)


class Context:
    """The nodes on the requested lines and the scope facts the operators consult."""

    def __init__(self, tree, lines):
        self.tree = tree
        self.src = tree.src
        self.lines = lines
        self.facts = FileFacts(tree.module)
        self.scopes = {}
        self.nodes = []
        skip = set()
        for node in ast.walk(tree.module):
            if id(node) in skip:
                continue
            if OLD_FSTRINGS and isinstance(node, ast.JoinedStr):
                skip.update(id(n) for n in ast.walk(node))
                continue
            if getattr(node, "lineno", None) in lines and isinstance(node, (ast.expr, ast.stmt)):
                self.nodes.append(node)
        self.nodes.sort(key=lambda n: (n.lineno, n.col_offset))

    def of(self, *kinds):
        return [n for n in self.nodes if isinstance(n, kinds)]

    def function(self, node):
        for a in self.tree.ancestors(node):
            if isinstance(a, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return a
        return None

    def scope(self, node):
        fn = self.function(node)
        key = id(fn) if fn is not None else 0
        if key not in self.scopes:
            self.scopes[key] = Scope(fn) if fn is not None else self.facts.module_scope
        return self.scopes[key]

    def variables(self, node):
        """Variables usable at node: the function's own first, then comprehension targets, then module ones.
        A local first assigned below the node is left out (reading it there raises UnboundLocalError) unless a
        loop around the node assigns it: the next iteration can read it."""
        scope = self.scope(node)
        line = getattr(node, "lineno", None)
        names = list(scope.names)
        if line is not None and isinstance(scope.node, FUNCS):
            in_loops = set()
            for a in self.tree.ancestors(node):
                if a is scope.node:
                    break
                if isinstance(a, (ast.For, ast.AsyncFor, ast.While)):
                    in_loops.update(n.id for n in ast.walk(a)
                                    if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store))
            names = [n for n in names if scope.first_line.get(n, 0) < line or n in in_loops]
        for a in self.tree.ancestors(node):
            if isinstance(a, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
                for gen in a.generators:
                    names.extend(t.id for t in ast.walk(gen.target) if isinstance(t, ast.Name))
        names.extend(self.facts.module_vars)
        seen, out = set(), []
        for n in names:
            if n not in seen and n not in self.facts.defs:
                seen.add(n)
                out.append(n)
        return out

    def intish(self, node):
        return self.scope(node).intish | self.facts.module_scope.intish

    def listish(self, node):
        return self.scope(node).listish | self.facts.module_scope.listish

    def seg(self, node):
        return self.src.seg(node)

    def wrapped(self, node):
        s = self.seg(node)
        return s if isinstance(node, ATOMS) else "(" + s + ")"

    def with_gap(self, node, a, b, new_op):
        """node's text with the operator token between children a and b replaced by new_op, or None."""
        s0, _ = self.src.span(node)
        _, ea = self.src.span(a)
        sb, _ = self.src.span(b)
        gap = self.src.text[ea:sb]
        if "#" in gap:
            return None
        core = gap.strip("() \t\r\n\\")
        if not core:
            return None
        i = gap.index(core)
        text = self.seg(node)
        return text[:ea - s0 + i] + new_op + text[ea - s0 + i + len(core):]


def texts(*variants):
    out = []
    for v in variants:
        if v is not None and v not in out:
            out.append(v)
    return out


def clone(node, **changes):
    new = copy.copy(node)
    for k, v in changes.items():
        setattr(new, k, v)
    return new


def name(id_):
    return ast.Name(id=id_, ctx=ast.Load())


def const(value):
    return ast.Constant(value=value)


def int_const(value):
    # the parser reads -1 as a minus applied to 1, so that is the tree a negative literal must match
    return const(value) if value >= 0 else ast.UnaryOp(op=ast.USub(), operand=const(-value))


def comparison_operator(ctx, col):
    for node in ctx.of(ast.Compare):
        operands = [node.left] + node.comparators
        for i, op in enumerate(node.ops):
            near = CMP_NEAR.get(type(op), [])
            others = [o for o in ORDER if o is not type(op) and o not in near] if type(op) in ORDER else []
            for new_op, prior in [(o, 0.55) for o in near] + [(o, 0.3) for o in others]:
                ops = list(node.ops)
                ops[i] = new_op()
                text = ctx.with_gap(node, operands[i], operands[i + 1], CMP[new_op])
                col.replace(node, clone(node, ops=ops), texts(text), "comparison-operator", prior,
                            "'%s' -> '%s'" % (CMP[type(op)], CMP[new_op]))


def binary_operator(ctx, col):
    for node in ctx.of(ast.BinOp):
        for new_op, prior in alternatives(type(node.op)):
            text = ctx.with_gap(node, node.left, node.right, BIN[new_op])
            col.replace(node, clone(node, op=new_op()), texts(text), "arithmetic-operator", prior,
                        "'%s' -> '%s'" % (BIN.get(type(node.op), "?"), BIN[new_op]))
    for node in ctx.of(ast.AugAssign):
        for new_op, prior in alternatives(type(node.op)):
            text = ctx.with_gap(node, node.target, node.value, BIN[new_op] + "=")
            col.replace(node, clone(node, op=new_op()), texts(text), "augmented-assignment-operator", prior,
                        "'%s=' -> '%s='" % (BIN.get(type(node.op), "?"), BIN[new_op]))


def alternatives(op):
    near = BIN_NEAR.get(op, [])
    family = ARITH if op in ARITH else BITS if op in BITS else []
    return [(o, 0.5) for o in near] + [(o, 0.25) for o in family if o is not op and o not in near]


def boolean_operator(ctx, col):
    for node in ctx.of(ast.BoolOp):
        new_op = ast.Or if isinstance(node.op, ast.And) else ast.And
        text = ctx.seg(node)
        s0 = ctx.src.span(node)[0]
        for a, b in reversed(list(zip(node.values, node.values[1:]))):
            ea, sb = ctx.src.span(a)[1], ctx.src.span(b)[0]
            gap = text[ea - s0:sb - s0]
            word = "or" if new_op is ast.Or else "and"
            core = gap.strip("() \t\r\n\\")
            if core not in ("and", "or"):
                text = None
                break
            i = gap.index(core)
            text = text[:ea - s0 + i] + word + text[ea - s0 + i + len(core):]
        col.replace(node, clone(node, op=new_op()), texts(text), "boolean-operator", 0.45)
        for i in range(len(node.values)):
            rest = node.values[:i] + node.values[i + 1:]
            new = rest[0] if len(rest) == 1 else clone(node, values=rest)
            joined = (" and " if isinstance(node.op, ast.And) else " or ").join(ctx.seg(v) for v in rest)
            col.replace(node, new, texts(joined), "drop-condition-operand", 0.25)


def negation(ctx, col):
    for node in ctx.of(ast.UnaryOp):
        if isinstance(node.op, ast.Not):
            col.replace(node, node.operand, texts(ctx.seg(node.operand)), "drop-not", 0.4)
        elif isinstance(node.op, ast.USub) and not isinstance(node.operand, ast.Constant):
            col.replace(node, node.operand, texts(ctx.seg(node.operand)), "drop-minus", 0.2)
    for test in conditions(ctx):
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            continue
        new = ast.UnaryOp(op=ast.Not(), operand=test)
        col.replace(test, new, texts("not " + ctx.seg(test), "not " + ctx.wrapped(test), "not (%s)" % ctx.seg(test)),
                    "negate-condition", 0.35)
        for value in (True, False):
            col.replace(test, const(value), texts(str(value)), "constant-condition", 0.15)


def conditions(ctx):
    for node in ctx.of(ast.If, ast.While, ast.IfExp, ast.Assert):
        if node.test.lineno in ctx.lines:
            yield node.test
    for node in ctx.of(ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp):
        for gen in node.generators:
            for cond in gen.ifs:
                yield cond


def literals(ctx, col):
    for node in ctx.of(ast.Constant):
        v = node.value
        if type(v) is bool:
            col.replace(node, const(not v), texts(str(not v)), "boolean-constant", 0.35)
        elif type(v) is int:
            for delta in (1, -1):
                nv = v + delta
                col.replace(node, int_const(nv), texts(str(nv)), "literal-off-by-one", 0.45)
            for nv in (0, 1, -1):
                if nv != v and abs(nv - v) != 1:
                    col.replace(node, int_const(nv), texts(str(nv)), "numeric-constant", 0.2)
        elif type(v) is float:
            for nv in (0.0, 1.0):
                if nv != v:
                    col.replace(node, const(nv), texts(repr(nv)), "numeric-constant", 0.15)
        elif v is None:
            for nv in (0, False):
                col.replace(node, const(nv), texts(repr(nv)), "numeric-constant", 0.1)
    for node in ctx.of(ast.Compare):
        if len(node.ops) != 1 or not is_int(node.comparators[0]) or type(node.ops[0]) not in ORDER:
            continue
        c = node.comparators[0]
        for new_op in ORDER:
            if new_op is type(node.ops[0]):
                continue
            for delta in (1, -1):
                new = clone(node, ops=[new_op()], comparators=[const(c.value + delta)])
                text = ctx.with_gap(node, node.left, c, CMP[new_op])
                if text is not None:
                    text = text[:len(text) - len(ctx.seg(c))] + str(c.value + delta)
                col.replace(node, new, texts(text), "comparison-and-literal", 0.3)


def off_by_one(ctx, col):
    for node, prior in off_by_one_sites(ctx):
        for op, sign in ((ast.Add, "+"), (ast.Sub, "-")):
            new = ast.BinOp(left=node, op=op(), right=const(1))
            col.replace(node, new, texts("%s %s 1" % (ctx.seg(node), sign), "%s %s 1" % (ctx.wrapped(node), sign)),
                        "expression-off-by-one", prior)


def off_by_one_sites(ctx):
    seen = set()
    for node in ctx.nodes:
        if isinstance(node, ast.Call):
            for a in node.args:
                if intish_expr(ctx, a):
                    yield from once(seen, a, 0.4 if call_name(node) == "range" else 0.3)
        elif isinstance(node, ast.Subscript):
            index = node.slice.value if isinstance(node.slice, getattr(ast, "Index", ())) else node.slice
            if isinstance(index, ast.Slice):
                for part in (index.lower, index.upper):
                    if part is not None and not is_int(part):
                        yield from once(seen, part, 0.4)
            elif not isinstance(index, (ast.Tuple, ast.Constant)):
                yield from once(seen, index, 0.4)
        elif isinstance(node, ast.Return) and node.value is not None and intish_expr(ctx, node.value):
            yield from once(seen, node.value, 0.3)
        elif isinstance(node, ast.Compare):
            for c in [node.left] + node.comparators:
                if intish_expr(ctx, c) and not is_int(c):
                    yield from once(seen, c, 0.2)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.Add, ast.Sub)):
            # a count used in arithmetic, e.g. `len(xs) * [0]`, is a classic off-by-one spot
            for x in (node.left, node.right):
                if isinstance(x, ast.Call) and intish_expr(ctx, x):
                    yield from once(seen, x, 0.3)


def adjust_by_name(ctx, col):
    """An int argument of a call shifted by another int name in scope: `f(xs, k)` -> `f(xs, k - n)`."""
    for node in ctx.of(ast.Call):
        for a in node.args:
            # the argument's own type is often unknown (a parameter); the other name must be int-ish
            if not isinstance(a, ast.Name) or a.id in ctx.listish(a):
                continue
            others = [n for n in sorted(ctx.intish(a)) if n != a.id][:8]
            for other in others:
                for op, sign in ((ast.Sub, "-"), (ast.Add, "+")):
                    new = ast.BinOp(left=a, op=op(), right=name(other))
                    col.replace(a, new, texts("%s %s %s" % (a.id, sign, other)), "adjust-by-name", 0.2)


def once(seen, node, prior):
    if id(node) not in seen:
        seen.add(id(node))
        yield node, prior


def intish_expr(ctx, node):
    if isinstance(node, ast.Name):
        return node.id in ctx.intish(node)
    if isinstance(node, ast.Call):
        return call_name(node) in ("len", "int", "abs", "sum")
    if isinstance(node, ast.BinOp):
        return isinstance(node.op, (ast.Add, ast.Sub, ast.FloorDiv, ast.Mult, ast.Mod)) and \
            any(intish_expr(ctx, x) or is_int(x) for x in (node.left, node.right))
    return False


def replace_name(ctx, col):
    for node in ctx.of(ast.Name):
        if not isinstance(node.ctx, ast.Load):
            continue
        parent = ctx.tree.up(node)
        if isinstance(parent, ast.Call) and parent.func is node:
            continue
        local = set(ctx.scope(node).names)
        for other in ctx.variables(node):
            if other != node.id:
                col.replace(node, name(other), texts(other), "replace-name", 0.4 if other in local else 0.25)


def replace_subexpression(ctx, col):
    for node in ctx.of(ast.Call, ast.Subscript, ast.Attribute):
        if not isinstance(getattr(node, "ctx", ast.Load()), ast.Load):
            continue
        parent = ctx.tree.up(node)
        if isinstance(parent, ast.Call) and parent.func is node:
            continue
        for other in ctx.variables(node):
            col.replace(node, name(other), texts(other), "replace-expression-by-name", 0.3)


def attribute_name(ctx, col):
    for node in ctx.of(ast.Attribute):
        for attr in ctx.facts.attrs:
            if attr != node.attr:
                text = ctx.seg(node)
                col.replace(node, clone(node, attr=attr), texts(text[:len(text) - len(node.attr)] + attr),
                            "replace-attribute", 0.3)


def call_changes(ctx, col):
    for node in ctx.of(ast.Call):
        args = node.args
        if len(args) >= 2 and not any(isinstance(a, ast.Starred) for a in args):
            for i in range(len(args)):
                for j in range(i + 1, len(args)):
                    swapped = list(args)
                    swapped[i], swapped[j] = args[j], args[i]
                    col.replace(node, clone(node, args=swapped), texts(swap_text(ctx, node, args[i], args[j])),
                                "swap-arguments", 0.4)
        fname = call_name(node)
        if fname is None:
            continue
        names = list(BUILTIN_SWAPS.get(fname, []))
        if isinstance(node.func, ast.Name):
            names += [f for f in ctx.facts.calls_by_arity.get(len(args), []) if f not in names]
        prefix = ctx.seg(node.func)[:-len(fname)]
        for other in names:
            if other == fname:
                continue
            func = clone(node.func, id=other) if isinstance(node.func, ast.Name) else clone(node.func, attr=other)
            text = prefix + other + ctx.src.text[ctx.src.span(node.func)[1]:ctx.src.span(node)[1]]
            col.replace(node, clone(node, func=func), texts(text), "replace-function",
                        0.35 if other in BUILTIN_SWAPS.get(fname, []) else 0.25)


def swap_text(ctx, node, a, b):
    s0 = ctx.src.span(node)[0]
    sa, ea = ctx.src.span(a)
    sb, eb = ctx.src.span(b)
    t = ctx.seg(node)
    return t[:sa - s0] + ctx.seg(b) + t[ea - s0:sb - s0] + ctx.seg(a) + t[eb - s0:]


def swap_operands(ctx, col):
    for node in ctx.of(ast.BinOp):
        if isinstance(node.op, (ast.Sub, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow, ast.LShift, ast.RShift, ast.Add)):
            prior = 0.25 if isinstance(node.op, ast.Add) else 0.2
            col.replace(node, clone(node, left=node.right, right=node.left),
                        texts(swap_text(ctx, node, node.left, node.right)), "swap-operands", prior)


def drop_operand(ctx, col):
    for node in ctx.of(ast.BinOp):
        for keep in (node.left, node.right):
            col.replace(node, keep, texts(ctx.seg(keep)), "drop-operand", 0.25)


def reuse_expression(ctx, col):
    """An expression over v re-targeted to w, where w stands alone: f(a[1:], b) -> f(a[1:], b[1:])."""
    names = [n for n in ctx.of(ast.Name) if isinstance(n.ctx, ast.Load)]
    exprs = [e for e in ctx.of(ast.Subscript, ast.Call, ast.BinOp, ast.Attribute)
             if isinstance(getattr(e, "ctx", ast.Load()), ast.Load) and len(ctx.seg(e)) <= 60]
    for w in names:
        parent = ctx.tree.up(w)
        if isinstance(parent, (ast.Subscript, ast.Attribute)) or (isinstance(parent, ast.Call) and parent.func is w):
            continue
        for e in exprs:
            if e.lineno != w.lineno:
                continue
            inner = [n for n in ast.walk(e) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)]
            for v in sorted({n.id for n in inner if n.id != w.id}):
                occurrences = [n for n in inner if n.id == v]
                if any(isinstance(ctx.tree.up(n), ast.Call) and ctx.tree.up(n).func is n for n in occurrences):
                    continue
                new = copy.deepcopy(e)
                for n in ast.walk(new):
                    if isinstance(n, ast.Name) and n.id == v:
                        n.id = w.id
                s0 = ctx.src.span(e)[0]
                text = ctx.seg(e)
                for n in sorted(occurrences, key=lambda n: -ctx.src.span(n)[0]):
                    s, t = ctx.src.span(n)
                    text = text[:s - s0] + w.id + text[t - s0:]
                col.replace(w, new, texts(text), "reuse-expression", 0.25)


def slice_iterable(ctx, col):
    for node in ctx.of(ast.For):
        it = node.iter
        if not isinstance(it, (ast.Name, ast.Attribute, ast.Subscript)):
            continue
        bounds = ["1", "-1"] + sorted(n for n in ctx.intish(node) if n in ctx.variables(node))
        t = ctx.seg(it)
        for b in bounds:
            for lower in (True, False):
                value = ast.Constant(value=int(b)) if b.lstrip("-").isdigit() else name(b)
                if b == "-1":
                    value = ast.UnaryOp(op=ast.USub(), operand=const(1))
                sl = ast.Slice(lower=value if lower else None, upper=None if lower else value, step=None)
                new = ast.Subscript(value=it, slice=sl, ctx=ast.Load())
                text = "%s[%s]" % (t, b + ":" if lower else ":" + b)
                col.replace(it, new, texts(text), "slice-iterable", 0.2)


def widen_none_check(ctx, col):
    for node in ctx.of(ast.Compare):
        if len(node.ops) != 1 or not isinstance(node.comparators[0], ast.Constant) \
                or node.comparators[0].value is not None:
            continue
        op = node.ops[0]
        if not isinstance(op, (ast.Is, ast.IsNot, ast.Eq, ast.NotEq)):
            continue
        joiner = ast.Or if isinstance(op, (ast.Is, ast.Eq)) else ast.And
        prefix = node.left
        while isinstance(prefix, (ast.Attribute, ast.Subscript)):
            prefix = prefix.value
            if not isinstance(prefix, (ast.Name, ast.Attribute, ast.Subscript)):
                break
            check = ast.Compare(left=prefix, ops=[op], comparators=[const(None)])
            new = ast.BoolOp(op=joiner(), values=[check, node])
            word = " or " if joiner is ast.Or else " and "
            text = ctx.seg(prefix) + " " + CMP[type(op)] + " None" + word + ctx.seg(node)
            col.replace(node, new, texts(text), "widen-none-check", 0.35)


def lists(ctx, col):
    for node in ctx.of(ast.List):
        if not node.elts:
            col.replace(node, ast.List(elts=[node], ctx=ast.Load()), texts("[[]]"), "wrap-empty-list", 0.3)
        elif len(node.elts) == 1 and isinstance(node.elts[0], ast.List) and not node.elts[0].elts:
            col.replace(node, node.elts[0], texts("[]"), "unwrap-empty-list", 0.3)
    for node in ctx.of(ast.Return):
        value = node.value
        if value is None:
            continue
        listish = ctx.listish(node) & set(ctx.variables(node))
        used = {n.id for n in ast.walk(value) if isinstance(n, ast.Name)}
        looks_list = isinstance(value, (ast.List, ast.ListComp)) or \
            (isinstance(value, ast.Name) and value.id in listish) or \
            (isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add))
        if not looks_list:
            continue
        for y in sorted(listish - used):
            for new, text in ((ast.BinOp(left=value, op=ast.Add(), right=name(y)), ctx.seg(value) + " + " + y),
                              (ast.BinOp(left=name(y), op=ast.Add(), right=value), y + " + " + ctx.seg(value))):
                col.replace(value, new, texts(text), "add-list-operand", 0.25)


def statements(ctx, col):
    for node in ctx.of(ast.stmt):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        delete_statement(ctx, col, node)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            fn = ctx.function(node)
            if fn is not None and call_name(node.value) == fn.name:
                s, _ = ctx.src.span(node)
                col.replace(node, ast.Return(value=node.value), texts("return " + ctx.seg(node)),
                            "insert-return", 0.4)
        insert_assignments(ctx, col, node)


def delete_statement(ctx, col, node):
    parent, field, idx = ctx.tree.parent[id(node)]
    body = getattr(parent, field)
    s, e = ctx.src.span(node)
    line_start = ctx.src.starts[node.lineno - 1]
    line_end = ctx.src.starts[node.end_lineno] if node.end_lineno < len(ctx.src.starts) else len(ctx.src.text)
    own_lines = ctx.src.text[line_start:s].strip() == "" and ctx.src.text[e:line_end].strip() in ("", ";")
    if len(body) == 1 or not own_lines or isinstance(node, (ast.If, ast.For, ast.While, ast.With, ast.Try)):
        if isinstance(node, ast.Pass) or len(ctx.seg(node).splitlines()) > 1:
            return
        col.stmt(node, [(s, e, "pass")], node.lineno, "delete-statement", 0.12, "replace '%s' with pass" % ctx.seg(node))
    else:
        col.stmt(node, [(line_start, line_end, "")], node.lineno, "delete-statement", 0.15,
                 "delete '%s'" % ctx.seg(node))


def insert_assignments(ctx, col, node):
    fn = ctx.function(node)
    if fn is None:
        return
    loop = next((a for a in ctx.tree.ancestors(node) if isinstance(a, (ast.For, ast.While))), None)
    assigned = [n for n in ctx.scope(node).names if n not in ctx.scope(node).loop_vars]
    nearby = {n.id for n in ast.walk(loop if loop is not None else node) if isinstance(n, ast.Name)}
    pairs = [(a, b) for a in assigned for b in ctx.variables(node) if a != b and (a in nearby or b in nearby)]
    indent = ctx.src.lines[node.lineno - 1][:node.col_offset]
    if indent.strip():
        return
    spots = [(ctx.src.starts[node.lineno - 1], indent, node.lineno, "before line %d" % node.lineno)]
    if loop is not None and loop.body[-1].end_lineno < len(ctx.src.starts):
        last = loop.body[-1]
        last_indent = ctx.src.lines[last.lineno - 1][:last.col_offset]
        if not last_indent.strip():
            spots.append((ctx.src.starts[last.end_lineno], last_indent, last.end_lineno, "at the end of the loop"))
    for a, b in pairs[:40]:
        for offset, ind, line, where in spots:
            col.stmt(node, [(offset, offset, "%s%s = %s\n" % (ind, a, b))], node.lineno, "insert-assignment", 0.15,
                     "insert '%s = %s' %s" % (a, b, where))


OPERATORS = [comparison_operator, binary_operator, boolean_operator, negation, literals, off_by_one, adjust_by_name,
             replace_name,
             replace_subexpression, attribute_name, call_changes, swap_operands, drop_operand, reuse_expression,
             slice_iterable, widen_none_check, lists, statements]
