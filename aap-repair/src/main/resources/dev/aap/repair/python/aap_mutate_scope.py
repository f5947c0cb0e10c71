"""What the mutation operators need to know about names: which are in scope, which look like ints or lists."""
import ast

FUNCS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
SCOPES = FUNCS + (ast.ClassDef,)
INT_CALLS = {"len", "int", "abs", "sum", "round", "ord", "hash", "bit_length", "index", "count", "find"}
LIST_CALLS = {"list", "sorted", "reversed", "map", "filter", "zip", "range", "enumerate", "tuple", "split"}
LIST_METHODS = {"append", "extend", "insert", "pop", "sort", "reverse", "remove"}
BUILTIN_SWAPS = {"any": ["all"], "all": ["any"], "min": ["max"], "max": ["min"], "sorted": ["reversed", "list"],
                 "reversed": ["sorted", "list"], "list": ["sorted", "reversed", "set"], "set": ["list"],
                 "int": ["round", "abs"], "abs": ["int"], "len": ["sum", "max", "min"], "sum": ["len", "max", "min"],
                 "floor": ["ceil"], "ceil": ["floor"], "isupper": ["islower"], "islower": ["isupper"],
                 "append": ["extend"], "extend": ["append"], "pop": ["popleft"], "popleft": ["pop"],
                 # the standard library's paired names: one end or direction for the other
                 "startswith": ["endswith"], "endswith": ["startswith"], "lstrip": ["rstrip", "strip"],
                 "rstrip": ["lstrip", "strip"], "strip": ["lstrip", "rstrip"], "find": ["rfind"], "rfind": ["find"],
                 "index": ["rindex"], "rindex": ["index"], "split": ["rsplit"], "rsplit": ["split"],
                 "ljust": ["rjust"], "rjust": ["ljust"], "upper": ["lower"], "lower": ["upper"],
                 "nsmallest": ["nlargest"], "nlargest": ["nsmallest"], "bisect_left": ["bisect_right"],
                 "bisect_right": ["bisect_left"], "bisect": ["bisect_left"], "insort": ["insort_left"],
                 "appendleft": ["append"], "remove": ["discard"], "discard": ["remove"],
                 "keys": ["values", "items"], "values": ["keys", "items"], "items": ["keys", "values"],
                 "isdigit": ["isalpha", "isalnum"], "isalpha": ["isdigit", "isalnum"], "isalnum": ["isalpha"],
                 "issubset": ["issuperset"], "issuperset": ["issubset"], "union": ["intersection"],
                 "intersection": ["union", "difference"], "difference": ["intersection"]}


def own_nodes(scope):
    """Nodes of a function or module body, not descending into nested functions or classes."""
    stack = list(ast.iter_child_nodes(scope))
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, SCOPES):
            stack.extend(ast.iter_child_nodes(node))


class Scope:
    """Names visible in one function (or at module level), in the order they first appear."""

    def __init__(self, node):
        self.node = node
        self.names = []
        self.intish = set()
        self.listish = set()
        self.loop_vars = set()
        self.first_line = {}  # where each local is first assigned; parameters: 0
        if isinstance(node, FUNCS):
            a = node.args
            for arg in getattr(a, "posonlyargs", []) + a.args + a.kwonlyargs:
                self._add(arg.arg)
            for arg in (a.vararg, a.kwarg):
                if arg is not None:
                    self._add(arg.arg)
        nodes = list(own_nodes(node)) if not isinstance(node, ast.Lambda) else list(ast.walk(node.body))
        nodes.sort(key=lambda n: (getattr(n, "lineno", 0), getattr(n, "col_offset", 0)))
        for n in nodes:
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                self._add(n.id)
                self.first_line.setdefault(n.id, n.lineno)
        self._infer(nodes)

    def _add(self, name):
        if name not in self.names:
            self.names.append(name)

    def _infer(self, nodes):
        for n in nodes:
            if isinstance(n, (ast.For, ast.comprehension)):
                for t in ast.walk(n.target):
                    if isinstance(t, ast.Name):
                        self.loop_vars.add(t.id)
                if isinstance(n.iter, ast.Call) and call_name(n.iter) == "range" and isinstance(n.target, ast.Name):
                    self.intish.add(n.target.id)
                if isinstance(n.iter, ast.Name):
                    self.listish.add(n.iter.id)
            elif isinstance(n, ast.Assign):
                for t in n.targets:
                    if isinstance(t, ast.Name):
                        self._value_kind(t.id, n.value)
            elif isinstance(n, ast.AugAssign) and isinstance(n.target, ast.Name):
                self._value_kind(n.target.id, n.value)
            elif isinstance(n, ast.Subscript):
                index = n.slice.value if isinstance(n.slice, getattr(ast, "Index", ())) else n.slice
                for part in (index.lower, index.upper) if isinstance(index, ast.Slice) else (index,):
                    if isinstance(part, ast.Name):
                        self.intish.add(part.id)
                    elif isinstance(part, ast.BinOp):
                        self.intish.update(x.id for x in (part.left, part.right) if isinstance(x, ast.Name))
                if isinstance(n.value, ast.Name) and isinstance(index, ast.Slice):
                    self.listish.add(n.value.id)
            elif isinstance(n, ast.Call):
                name = call_name(n)
                if name == "range":
                    self.intish.update(a.id for a in n.args if isinstance(a, ast.Name))
                if isinstance(n.func, ast.Attribute) and n.func.attr in LIST_METHODS \
                        and isinstance(n.func.value, ast.Name):
                    self.listish.add(n.func.value.id)
            elif isinstance(n, ast.Compare) and isinstance(n.left, ast.Name) \
                    and any(is_int(c) for c in n.comparators) \
                    and not any(isinstance(o, (ast.Is, ast.IsNot, ast.In, ast.NotIn)) for o in n.ops):
                self.intish.add(n.left.id)

    def _value_kind(self, name, value):
        if is_int(value) or (isinstance(value, ast.Call) and call_name(value) in INT_CALLS):
            self.intish.add(name)
        elif isinstance(value, ast.BinOp) and not isinstance(value.op, ast.Add) \
                and any(is_int(x) or (isinstance(x, ast.Name) and x.id in self.intish)
                        or (isinstance(x, ast.Call) and call_name(x) in INT_CALLS) for x in (value.left, value.right)):
            self.intish.add(name)
        elif isinstance(value, ast.BinOp) and any(is_int(x) for x in (value.left, value.right)):
            self.intish.add(name)
        if isinstance(value, (ast.List, ast.ListComp)) or \
                (isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Slice)) or \
                (isinstance(value, ast.Call) and call_name(value) in LIST_CALLS) or \
                (isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add)
                 and any(isinstance(x, (ast.List, ast.ListComp)) for x in (value.left, value.right))):
            self.listish.add(name)


def is_int(node):
    return isinstance(node, ast.Constant) and type(node.value) is int


def call_name(call):
    f = call.func
    if isinstance(f, ast.Name):
        return f.id
    if isinstance(f, ast.Attribute):
        return f.attr
    return None


class FileFacts:
    """Facts about the whole file: module names, functions by arity, attribute names."""

    def __init__(self, module):
        self.module_scope = Scope(module)
        self.defs = {}
        self.imports = set()
        for n in module.body:
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                self.defs[n.name] = n
            elif isinstance(n, (ast.Import, ast.ImportFrom)):
                for alias in n.names:
                    self.imports.add((alias.asname or alias.name).split(".")[0])
        self.module_vars = [n for n in self.module_scope.names if n not in self.defs and n not in self.imports]
        self.calls_by_arity = {}
        self.attrs = []
        for n in ast.walk(module):
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name):
                self.calls_by_arity.setdefault(len(n.args), [])
                if n.func.id not in self.calls_by_arity[len(n.args)]:
                    self.calls_by_arity[len(n.args)].append(n.func.id)
            elif isinstance(n, ast.Attribute) and n.attr not in self.attrs:
                self.attrs.append(n.attr)
        for name, fn in self.defs.items():
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                arity = len(fn.args.args)
                if name not in self.calls_by_arity.setdefault(arity, []):
                    self.calls_by_arity[arity].append(name)
