"""Fork server that validates candidate patches with pytest.

Protocol: one JSON object per line on stdin, one JSON answer per line on stdout.
  request: {"changed": {relpath: text}, "first": [nodeid], "rest": [nodeid], "timeout": seconds,
            "test_limit": seconds (optional: a single test's call phase may take at most this long)}
  answer:  {"verdict": "plausible", "tests": n}
         | {"verdict": "compile", "message": m}
         | {"verdict": "failed", "test": nodeid, "message": m, "timedOut": bool}
         | {"verdict": "crashed", "message": m}
pytest is imported once here; each test batch runs in a forked child, so the project's own modules
are imported afresh (from the candidate's text) in every child and never in this process.

The child reports on a pipe, one line per message: "S <nodeid json>" when a test's call phase starts,
"E" when it ends, "R <result json>" at the end. This process watches the clock: a test past test_limit,
or a batch past the candidate's timeout, gets its child's process group killed. No signal handler or
thread runs in the child, so projects that use SIGALRM themselves (pytest-timeout, conftest timers)
are undisturbed, and a test stuck in C code is stopped as surely as one stuck in Python.
"""
import gc
import json
import os
import select
import signal
import sys
import tempfile
import time

ROOT = os.path.abspath(os.getcwd())
# No .pyc is ever written for a candidate: two candidates of equal size written within the same second
# would otherwise share one stale cache entry.
sys.dont_write_bytecode = True

import pytest  # noqa: E402  (after the bytecode setting on purpose)

PROTOCOL = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
os.dup2(2, 1)  # stray prints from here on go to stderr, never into the protocol stream


class Recorder:
    """pytest plugin living in the child: remembers the first failure and counts passes."""

    def __init__(self):
        self.passed = 0
        self.failure = None

    def _fail(self, nodeid, report):
        if self.failure is None:
            self.failure = {"test": nodeid, "message": short_message(report)}

    def pytest_runtest_logreport(self, report):
        if report.failed:
            self._fail(report.nodeid, report)
        elif report.passed and report.when == "call":
            self.passed += 1

    def pytest_collectreport(self, report):
        if report.failed:
            self._fail(report.nodeid or "<collection>", report)

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_call(self, item):
        send(b"S " + json.dumps(item.nodeid).encode("utf-8") + b"\n")
        try:
            yield
        finally:
            send(b"E\n")

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self, session, exitstatus):
        # Reporting and exiting here skips pytest's teardown (terminal summary, repeated gc.collect()),
        # which costs more than the tests of a small project.
        report_and_exit(self, int(exitstatus))


def short_message(report):
    longrepr = report.longrepr
    crash = getattr(longrepr, "reprcrash", None)
    if crash is not None and getattr(crash, "message", None):
        text = crash.message
    elif isinstance(longrepr, tuple) and len(longrepr) == 3:
        text = str(longrepr[2])
    else:
        text = str(longrepr or "")
        lines = [ln for ln in text.splitlines() if ln.startswith("E ")]
        if lines:
            text = "\n".join(ln[1:].strip() for ln in lines[-3:])
    text = text.strip()
    return text[:500] + ("..." if len(text) > 500 else "")


_RESULT_FD = None


def send(data):
    try:
        while data:
            data = data[os.write(_RESULT_FD, data):]
    except OSError:
        pass  # the server is gone; nobody is left to tell


def report_and_exit(recorder, code):
    result = {"code": code, "passed": recorder.passed, "failure": recorder.failure}
    send(b"R " + json.dumps(result).encode("utf-8") + b"\n")
    os._exit(0)


def run_child(args, write_fd):
    global _RESULT_FD
    _RESULT_FD = write_fd
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    recorder = Recorder()
    code = 3
    try:
        code = int(pytest.main(args, plugins=[recorder]))
    except BaseException as e:  # the child must always report, whatever the candidate does
        if recorder.failure is None:
            recorder.failure = {"test": "<pytest>", "message": "%s: %s" % (type(e).__name__, e)}
    report_and_exit(recorder, code)


def run_batch(tests, deadline, test_limit):
    """Runs pytest on node ids in a forked child; returns (result dict or None, timeout dict or None)."""
    args = ["-x", "-q", "--tb=native", "-p", "no:cacheprovider", "--rootdir", ROOT] + list(tests)
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        # The child must never get back into the server loop, whatever the candidate does.
        try:
            os.close(read_fd)
            os.close(PROTOCOL.fileno())
            try:
                os.setpgid(0, 0)
            except OSError:
                pass
            run_child(args, write_fd)
        finally:
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


def watch_child(read_fd, deadline, test_limit):
    """Reads the child's messages until its result; (None, {test, message}) when time ran out first."""
    pending = b""
    current = None  # (nodeid, time its call phase started)
    while True:
        now = time.monotonic()
        if now >= deadline:
            test = current[0] if current else None
            return None, {"test": test, "message": "timed out"}
        until = deadline
        if current is not None and test_limit:
            if now - current[1] >= test_limit:
                return None, {"test": current[0], "message": "test ran longer than %gs" % test_limit}
            until = min(until, current[1] + test_limit)
        ready, _, _ = select.select([read_fd], [], [], until - now)
        if not ready:
            continue
        chunk = os.read(read_fd, 65536)
        if not chunk:
            return None, None
        pending += chunk
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            kind, _, body = line.partition(b" ")
            if kind == b"S":
                current = (json.loads(body.decode("utf-8")), time.monotonic())
            elif kind == b"E":
                current = None
            elif kind == b"R":
                try:
                    return json.loads(body.decode("utf-8")), None
                except ValueError:
                    return None, None


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


def validate(request):
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
            result, timeout = run_batch(batch, deadline, test_limit)
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
        restore_files(originals)


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


def main():
    warm_up()
    gc.collect()
    gc.freeze()  # children then neither scan nor copy what the parent loaded
    PROTOCOL.write(json.dumps({"ready": True, "pytest": pytest.__version__}) + "\n")
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            answer = validate(json.loads(line))
        except Exception as e:  # an answer for every request keeps the Java side in step
            answer = {"verdict": "crashed", "message": "%s: %s" % (type(e).__name__, e)}
        PROTOCOL.write(json.dumps(answer) + "\n")


if __name__ == "__main__":
    main()
