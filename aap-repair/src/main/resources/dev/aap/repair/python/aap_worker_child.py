"""What a pytest child of aap_worker.py runs, and how its parent follows it over a pipe.

The child reports one line per message: "S <nodeid json>" when a test's call phase starts, "E" when
it ends, "R <result json>" at the end. The parent watches the clock: a test past test_limit, or a batch
past the candidate's timeout, gets its child's process group killed. No signal handler or thread runs
in the child, so projects that use SIGALRM themselves (pytest-timeout, conftest timers) are undisturbed,
and a test stuck in C code is stopped as surely as one stuck in Python.
"""
import json
import os
import select
import time

import pytest

_result_fd = None


class Recorder:
    """pytest plugin: remembers the first failure, counts passes, reports when the session ends."""

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
        yield
        send(b"E\n")

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self, session, exitstatus):
        # Reporting and exiting here skips pytest's teardown (terminal summary, repeated gc.collect()),
        # which costs more than the tests of a small project.
        if _result_fd is not None:
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


def become_child(write_fd, close_fds):
    """Called right after fork: own process group, quiet standard streams, results to write_fd."""
    global _result_fd
    _result_fd = write_fd
    for fd in close_fds:
        try:
            os.close(fd)
        except OSError:
            pass
    try:
        os.setpgid(0, 0)
    except OSError:
        pass
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)


def send(data):
    try:
        while data:
            data = data[os.write(_result_fd, data):]
    except OSError:
        pass  # the server is gone; nobody is left to tell


def report_and_exit(recorder, code):
    result = {"code": code, "passed": recorder.passed, "failure": recorder.failure}
    send(b"R " + json.dumps(result).encode("utf-8") + b"\n")
    os._exit(0)


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
