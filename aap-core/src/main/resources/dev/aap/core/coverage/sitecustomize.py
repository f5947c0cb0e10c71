# aap diff coverage: loaded by Python at start-up because aap puts this directory first on PYTHONPATH for the
# verification's test run. It records the lines executed in the files a patch changes (AAP_DIFFCOV_FILES) and, at
# exit, writes them with the lines that hold code (co_lines of every code object) to AAP_DIFFCOV_OUT/<pid>.json.
import os
import sys


def _chain_next_sitecustomize():
    # this file shadows any sitecustomize the interpreter already had; run that one too so the project sees no change
    import importlib.machinery
    import importlib.util
    here = os.path.dirname(os.path.abspath(__file__))
    rest = [p for p in sys.path if os.path.abspath(p or ".") != here]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", rest)
    if spec is not None and spec.origin and os.path.abspath(spec.origin) != os.path.abspath(__file__):
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
        except Exception:
            pass


def _code_lines(path):
    with open(path, "rb") as f:
        source = f.read()
    lines = set()
    todo = [compile(source, path, "exec", dont_inherit=True)]
    while todo:
        code = todo.pop()
        for _, _, line in code.co_lines():
            if line is not None and line > 0:
                lines.add(line)
        todo.extend(c for c in code.co_consts if hasattr(c, "co_lines"))
    return lines


def _start(out_dir, files):
    import atexit
    import json
    import threading
    wanted = {}
    for f in files:
        wanted[os.path.realpath(f)] = f
    hits = {f: set() for f in files}
    by_code_file = {}

    def local(frame, event, arg):
        if event == "line":
            by_code_file[frame.f_code.co_filename].add(frame.f_lineno)
        return local

    def call(frame, event, arg):
        name = frame.f_code.co_filename
        found = by_code_file.get(name, False)
        if found is False:
            original = wanted.get(os.path.realpath(name)) if name and not name.startswith("<") else None
            found = hits[original] if original is not None else None
            by_code_file[name] = found
        return local if found is not None else None

    def write():
        sys.settrace(None)
        result = {}
        for f, executed in hits.items():
            try:
                coverable = sorted(_code_lines(f))
                result[f] = {"executed": sorted(executed), "coverable": coverable}
            except (OSError, SyntaxError, ValueError) as e:
                result[f] = {"executed": sorted(executed), "error": str(e)}
        os.makedirs(out_dir, exist_ok=True)
        tmp = os.path.join(out_dir, "%d.json.tmp" % os.getpid())
        with open(tmp, "w") as out:
            json.dump({"pid": os.getpid(), "files": result}, out)
        os.replace(tmp, os.path.join(out_dir, "%d.json" % os.getpid()))

    atexit.register(write)
    threading.settrace(call)
    sys.settrace(call)


_chain_next_sitecustomize()
if os.environ.get("AAP_DIFFCOV_OUT") and os.environ.get("AAP_DIFFCOV_FILES"):
    _start(os.environ["AAP_DIFFCOV_OUT"], [f for f in os.environ["AAP_DIFFCOV_FILES"].split(os.pathsep) if f])
