"""Fork server that validates candidate patches with pytest.

Protocol: one JSON object per line on stdin, one JSON answer per line on stdout.
  request: {"changed": {relpath: text}, "first": [nodeid], "rest": [nodeid], "timeout": seconds,
            "test_limit": seconds (optional: a single test's call phase may take at most this long)}
  answer:  {"verdict": "plausible", "tests": n}
         | {"verdict": "compile", "message": m}
         | {"verdict": "failed", "test": nodeid, "message": m, "timedOut": bool}
         | {"verdict": "crashed", "message": m}

Each test batch runs in a forked child, so the project's own modules are imported afresh (from the
candidate's text) in every child and never in the server. The server runs the project's pytest session
itself up to the start of collection (options, ini file, plugins, conftest files, fixtures), then forks
there for every batch; a child only collects and runs its tests. A candidate that changes a file the
server has imported (a conftest, or what a conftest imports) or a non-Python file (configuration, data)
goes to a second worker in --classic mode, where every child starts its pytest session from scratch.
When the project's session does not come up at all, the server turns itself into that classic worker.
"""
import gc
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.getcwd())
# No .pyc is ever written for a candidate: two candidates of equal size written within the same second
# would otherwise share one stale cache entry.
sys.dont_write_bytecode = True

import pytest  # noqa: E402  (after the bytecode setting on purpose)

from aap_worker_child import Recorder, become_child, report_and_exit, watch_child  # noqa: E402

# --tb=line: the failure message comes from the report's crash line either way, and the long formats
# cost more than the rest of a failing child (a RecursionError's thousand frames above all).
ARGS = ["-x", "-q", "--tb=line", "-p", "no:cacheprovider", "--rootdir", ROOT]
SERVER_PID = os.getpid()
REQUESTS = os.fdopen(os.dup(0), "r", encoding="utf-8")
PROTOCOL = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
LOG = os.dup(2)
_OWN_FDS = (REQUESTS.fileno(), PROTOCOL.fileno(), LOG)


class Forked(BaseException):
    """Raised in a fresh child of the session server to leave the server loop and go on collecting."""

    def __init__(self, tests):
        super().__init__()
        self.tests = tests


def run_batch(tests, deadline, test_limit, start_child):
    """Runs pytest on node ids in a forked child; returns (result dict or None, timeout dict or None)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        start_child(list(tests), read_fd, write_fd)  # never returns: exits, or raises Forked
        os._exit(70)
    os.close(write_fd)
    try:
        result, timeout = watch_child(read_fd, deadline, test_limit)
    finally:
        os.close(read_fd)
    if timeout is not None:
        for kill in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
            try:
                kill()
            except OSError:
                pass
    os.waitpid(pid, 0)
    return result, timeout


def fresh_session_child(tests, read_fd, write_fd):
    """Classic mode: the child runs a whole pytest session of its own."""
    try:
        become_child(write_fd, (read_fd,) + _OWN_FDS)
        recorder = Recorder()
        code = 3
        try:
            code = int(pytest.main(ARGS + tests, plugins=[recorder]))
        except BaseException as e:  # the child must always report, whatever the candidate does
            if recorder.failure is None:
                recorder.failure = {"test": "<pytest>", "message": "%s: %s" % (type(e).__name__, e)}
        report_and_exit(recorder, code)
    finally:
        os._exit(70)


def session_child(tests, read_fd, write_fd):
    """Session mode: the child goes back into the server's pytest session and collects its tests."""
    try:
        become_child(write_fd, (read_fd,) + _OWN_FDS)
    except BaseException:
        os._exit(70)
    raise Forked(tests)


def compile_error(changed):
    for rel, text in changed.items():
        if not rel.endswith(".py"):
            continue
        try:
            compile(text, rel, "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as e:
            return "%s:%s: %s" % (rel, getattr(e, "lineno", "?"), getattr(e, "msg", str(e)))
    return None


def write_files(changed):
    originals = {}
    for rel, text in changed.items():
        path = os.path.join(ROOT, rel)
        try:
            st = os.stat(path)
            with open(path, "rb") as f:
                originals[path] = (f.read(), st.st_atime_ns, st.st_mtime_ns)
        except FileNotFoundError:
            originals[path] = None
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        if originals[path] is not None and int(os.stat(path).st_mtime) == originals[path][2] // 10**9:
            # a .pyc of the original (same second, maybe same size) must not be taken for the candidate's
            later = originals[path][2] + 2 * 10**9
            os.utime(path, ns=(later, later))
    return originals


def restore_files(originals):
    for path, saved in originals.items():
        if saved is None:
            try:
                os.remove(path)
            except FileNotFoundError:
                pass
        else:
            data, atime, mtime = saved
            with open(path, "wb") as f:
                f.write(data)
            os.utime(path, ns=(atime, mtime))


def under_root(module):
    filename = getattr(module, "__file__", None)
    return bool(filename) and os.path.abspath(filename).startswith(ROOT + os.sep)


def warm_up():
    """Runs one empty session so that plugins and what they import load here once, not in every child."""
    empty = tempfile.mkdtemp(prefix="aap-warm-")
    ini = os.path.join(empty, "pytest.ini")
    with open(ini, "w") as f:
        f.write("[pytest]\n")
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    try:
        pytest.main(["-q", "--co", "-p", "no:cacheprovider", "-c", ini, "--rootdir", empty, empty])
    except BaseException:
        pass  # warming up is an optimisation only
    finally:
        os.dup2(saved, 2)
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)
    for name, module in list(sys.modules.items()):
        if under_root(module):
            del sys.modules[name]


def validate(request, start_child):
    changed = request.get("changed") or {}
    message = compile_error(changed)
    if message is not None:
        return {"verdict": "compile", "message": message}
    deadline = time.monotonic() + float(request.get("timeout", 60))
    test_limit = float(request.get("test_limit") or 0)
    originals = write_files(changed)
    try:
        passed = 0
        for batch in (request.get("first") or [], request.get("rest") or []):
            if not batch:
                continue
            result, timeout = run_batch(batch, deadline, test_limit, start_child)
            if timeout is not None:
                return {"verdict": "failed", "test": timeout["test"] or batch[0], "message": timeout["message"],
                        "timedOut": True}
            if result is None:
                return {"verdict": "crashed", "message": "pytest child died without a result"}
            passed += result["passed"]
            failure = result["failure"]
            if failure is not None:
                return dict(verdict="failed", timedOut=False, **failure)
            if result["code"] != 0:
                return {"verdict": "failed", "test": batch[0], "timedOut": False,
                        "message": "pytest exited with code %d" % result["code"]}
        return {"verdict": "plausible", "tests": passed}
    finally:
        if os.getpid() == SERVER_PID:  # a child leaving with Forked must not undo the candidate
            restore_files(originals)


def serve(handle):
    gc.collect()
    gc.freeze()  # children then neither scan nor copy what the server loaded
    PROTOCOL.write(json.dumps({"ready": True, "pytest": pytest.__version__}) + "\n")
    for line in REQUESTS:
        line = line.strip()
        if not line:
            continue
        try:
            answer = handle(line)
        except Exception as e:  # an answer for every request keeps the Java side in step
            answer = {"verdict": "crashed", "message": "%s: %s" % (type(e).__name__, e)}
        PROTOCOL.write(json.dumps(answer) + "\n")


class ClassicHelper:
    """A --classic worker started on first need, for candidates the session server cannot take."""

    def __init__(self):
        self.process = None

    def validate(self, line):
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--classic"], cwd=ROOT,
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=LOG,
                                            encoding="utf-8")
            if not self.process.stdout.readline():
                return {"verdict": "crashed", "message": "the classic pytest worker did not start"}
        try:
            self.process.stdin.write(line + "\n")
            self.process.stdin.flush()
            answer = self.process.stdout.readline()
        except OSError:
            answer = ""
        if not answer:
            self.process.kill()
            self.process.wait()
            return {"verdict": "crashed", "message": "the classic pytest worker died"}
        return json.loads(answer)


class RewriteCache:
    """Test modules rewritten for assertions once, in the server, instead of in every child.

    pytest parses each test module, rewrites its asserts and compiles it on import; with no .pyc written that
    is a third of a child's collection time. The server does it before forking, keyed by the file's bytes,
    so every child of a candidate that leaves the test files alone imports the ready code object."""

    def __init__(self, config):
        self.config = config
        self.done = {}
        try:
            from _pytest.assertion import rewrite
            self.original = rewrite._rewrite_test
        except (ImportError, AttributeError):
            return  # another pytest: every child rewrites for itself, as before
        if config.getoption("assertmode", "rewrite") != "rewrite":
            return
        rewrite._rewrite_test = self.rewrite

    def rewrite(self, fn, config):
        key = self.key(fn)
        hit = self.done.get(key) if key is not None else None
        if hit is None:
            hit = self.original(fn, config)
        return hit

    @staticmethod
    def key(fn):
        try:
            with open(fn, "rb") as f:
                return str(fn), f.read()
        except OSError:
            return None

    def prepare(self, node_ids):
        """Rewrites the test files the node ids name, unless done for the same bytes already."""
        from pathlib import Path
        for path in {nid.split("::", 1)[0] for nid in node_ids}:
            fn = Path(ROOT, path)
            key = self.key(fn) if path.endswith(".py") else None
            if key is None or key in self.done:
                continue
            try:
                self.done[key] = self.original(fn, self.config)
            except Exception:
                pass  # a test file that does not parse is reported by the child that imports it


class SessionServer:
    """pytest plugin: serves requests from inside the project's session, just before collection."""

    def __init__(self):
        self.entered = False
        self.imported = set()
        self.classic = ClassicHelper()
        self.rewrites = None

    @pytest.hookimpl(tryfirst=True)
    def pytest_collection(self, session):
        if self.entered:
            return None
        self.entered = True
        for module in list(sys.modules.values()):
            if under_root(module):
                self.imported.add(os.path.abspath(module.__file__))
        self.rewrites = RewriteCache(session.config)
        try:
            serve(self.handle)
        except Forked as child:
            session.config.args = child.tests
            return None
        os._exit(0)

    def handle(self, line):
        request = json.loads(line)
        if any(self.needs_classic(rel) for rel in request.get("changed") or {}):
            return self.classic.validate(line)
        if hasattr(self.rewrites, "original"):
            self.rewrites.prepare((request.get("first") or []) + (request.get("rest") or []))
        return validate(request, session_child)

    def needs_classic(self, rel):
        path = os.path.abspath(os.path.join(ROOT, rel))
        return not rel.endswith(".py") or os.path.basename(rel) == "conftest.py" or path in self.imported


def classic_main():
    warm_up()
    serve(lambda line: validate(json.loads(line), fresh_session_child))


def session_main():
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)  # pytest's own output, in the server and in every child, goes nowhere
    os.close(devnull)
    recorder = Recorder()
    server = SessionServer()
    code = 3
    try:
        code = int(pytest.main(ARGS, plugins=[recorder, server]))
    except BaseException as e:
        if os.getpid() == SERVER_PID and server.entered:
            raise
        if recorder.failure is None:
            recorder.failure = {"test": "<pytest>", "message": "%s: %s" % (type(e).__name__, e)}
    if os.getpid() != SERVER_PID:
        report_and_exit(recorder, code)  # the session ended without passing through the recorder's hook
    if server.entered:
        os._exit(0)
    # The project's session never reached collection (a broken ini file or conftest): every child will
    # then report that error itself.
    os.dup2(REQUESTS.fileno(), 0)
    os.dup2(PROTOCOL.fileno(), 1)
    os.dup2(LOG, 2)
    os.execv(sys.executable, [sys.executable, os.path.abspath(__file__), "--classic"])


if __name__ == "__main__":
    if "--classic" in sys.argv[1:]:
        os.dup2(2, 1)  # stray prints from here on go to stderr, never into the protocol stream
        classic_main()
    else:
        session_main()
