# Finds forbidden constructs in Python files for aap's review step.
# Reads {"files": [{"before": text-or-null, "after": text-or-null}, ...]} as JSON on stdin and writes
# {"files": [{"before": scan, "after": scan}, ...]} in the same order. A scan is {"hits": [hit, ...]} or
# {"error": message} when the text does not parse; a hit is {"rule", "line", "key", "snippet", "host"}.
# It only parses the text with ast: it never imports or runs the code it looks at.
import ast
import json
import sys
from urllib.parse import urlsplit

PICKLES = ("pickle", "cPickle", "_pickle", "dill")
PICKLE_CALLS = {m + "." + f for m in PICKLES for f in ("load", "loads", "Unpickler")}
SAFE_LOADERS = {"SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader"}
HTTP_LIBS = ("requests", "httpx")
HTTP_VERBS = ("get", "post", "put", "patch", "delete", "head", "options", "request", "stream")
URL_OPENERS = {"urllib.request.urlopen", "urllib.request.Request", "urllib.urlopen", "urllib2.urlopen",
               "urllib2.Request"}
CONNECTIONS = {"http.client.HTTPConnection", "http.client.HTTPSConnection", "httplib.HTTPConnection",
               "httplib.HTTPSConnection"}
FIXED = {"os.system": "py-os-system", "posix.system": "py-os-system", "os.popen": "py-os-popen",
         "eval": "py-eval", "builtins.eval": "py-eval", "exec": "py-exec", "builtins.exec": "py-exec",
         "marshal.loads": "py-marshal", "marshal.load": "py-marshal",
         "yaml.unsafe_load": "py-yaml-load", "yaml.unsafe_load_all": "py-yaml-load",
         # these two always hand their argument to the shell
         "subprocess.getoutput": "py-shell-true", "subprocess.getstatusoutput": "py-shell-true"}


class Names:
    """What each name of a module stands for: imports (with their aliases), star imports, simple assignments of a
    module or function (run = subprocess.run), and names the module binds itself (which hide builtins)."""

    def __init__(self, tree):
        self.alias = {}
        self.stars = []
        self.local = set()
        # a method binds no name outside its class: a Model.eval method leaves the builtin eval what it is
        methods = {id(m) for c in ast.walk(tree) if isinstance(c, ast.ClassDef) for m in c.body
                   if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.asname:
                        self.alias[a.asname] = a.name
                    else:
                        top = a.name.split(".")[0]
                        self.alias[top] = top
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                for a in node.names:
                    if a.name == "*":
                        self.stars.append(node.module)
                    else:
                        self.alias[a.asname or a.name] = node.module + "." + a.name
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and id(node) not in methods:
                self.local.add(node.name)
            elif isinstance(node, ast.arg):
                self.local.add(node.arg)
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                target = node.targets[0].id
                value = self.resolve(node.value) if isinstance(node.value, (ast.Name, ast.Attribute)) else None
                if value and not value.startswith("<local>.") and (
                        isinstance(node.value, ast.Attribute) or node.value.id in self.alias or value in FIXED):
                    self.alias[target] = value
                else:
                    self.local.add(target)

    def resolve(self, node):
        """The dotted name a callee stands for, with import aliases replaced, or None."""
        if isinstance(node, ast.Name):
            if node.id in self.alias:
                return self.alias[node.id]
            return "<local>." + node.id if node.id in self.local else node.id
        if isinstance(node, ast.Attribute):
            base = self.resolve(node.value)
            return base + "." + node.attr if base else None
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str) \
                and self.resolve(node.func) in ("__import__", "importlib.import_module"):
            return node.args[0].value
        return None

    def candidates(self, func):
        name = self.resolve(func)
        if name is None:
            return []
        out = [name]
        if isinstance(func, ast.Name) and func.id not in self.alias and func.id not in self.local:
            out += [m + "." + func.id for m in self.stars]
        return out


def argument(call, position, keyword):
    for k in call.keywords:
        if k.arg == keyword:
            return k.value
    if len(call.args) > position and not any(isinstance(a, ast.Starred) for a in call.args[:position + 1]):
        return call.args[position]
    return None


def text(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def url_host(node):
    url = text(node)
    if url and url.strip().lower().split("://")[0] in ("http", "https", "ws", "wss"):
        try:
            return urlsplit(url.strip()).hostname or ""
        except ValueError:
            return ""
    return None


def plain_host(node):
    host = text(node)
    if host is None:
        return None
    return (urlsplit("//" + host).hostname or host) if "://" not in host else url_host(node)


def falsy_constant(node):
    return isinstance(node, ast.Constant) and not node.value


def safe_loader(names, node):
    if node is None:
        return False
    name = names.resolve(node) or ""
    return name.rsplit(".", 1)[-1] in SAFE_LOADERS


def network_host(name, call):
    lib, _, verb = name.rpartition(".")
    if lib in HTTP_LIBS and verb in HTTP_VERBS:
        return url_host(argument(call, 1 if verb in ("request", "stream") else 0, "url"))
    if name in URL_OPENERS:
        return url_host(argument(call, 0, "url"))
    if name in CONNECTIONS:
        return plain_host(argument(call, 0, "host"))
    if name == "socket.create_connection":
        address = argument(call, 0, "address")
        if isinstance(address, ast.Tuple) and address.elts:
            return plain_host(address.elts[0])
    return None


def rule_of(names, name, call):
    """(rule, host) for a call of the dotted name, or None."""
    if name in FIXED:
        return FIXED[name], None
    if name.startswith("subprocess."):
        shell = argument(call, 99, "shell")
        return ("py-shell-true", None) if shell is not None and not falsy_constant(shell) else None
    if name in PICKLE_CALLS:
        return "py-pickle", None
    if name in ("yaml.load", "yaml.load_all"):
        return None if safe_loader(names, argument(call, 1, "Loader")) else ("py-yaml-load", None)
    host = network_host(name, call)
    return ("py-network", host) if host is not None else None


def one_line(s, limit=160):
    s = " ".join(s.split())
    return s if len(s) <= limit else s[:limit - 3] + "..."


def scan(source):
    if source is None:
        return {"hits": []}
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
        where = "line %s: " % e.lineno if getattr(e, "lineno", None) else ""
        return {"error": where + (getattr(e, "msg", None) or str(e) or type(e).__name__)}
    names = Names(tree)
    hits = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        for name in names.candidates(node.func):
            found = rule_of(names, name, node)
            if found:
                args = [ast.unparse(a) for a in node.args] + [ast.unparse(k) for k in node.keywords]
                hits.append({"rule": found[0], "line": getattr(node.func, "end_lineno", node.lineno),
                             "key": name + "(" + ", ".join(args) + ")",
                             "snippet": one_line(ast.unparse(node)), "host": found[1]})
                break
    return {"hits": hits}


def main():
    request = json.load(sys.stdin)
    out = [{"before": scan(f.get("before")), "after": scan(f.get("after"))} for f in request["files"]]
    json.dump({"files": out}, sys.stdout)


main()
