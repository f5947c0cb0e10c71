"""pytest plugin: which project lines each test executes (setup + call), and whether it passed.

Loaded with ``-p aap_cov``; writes JSON to the file named by AAP_COV_OUT when the session ends.
Only frames whose code lives under the project root, outside tests, conftest files and installed
packages, get a line tracer, so the suite runs at close to its normal speed.

Each test also gets its duration (setup + call, seconds), and a test whose call phase runs longer than
AAP_COV_TEST_LIMIT seconds (default 3; 0 for no limit) is stopped by raising TestTimeLimit from the tracer:
it counts as failed and keeps the lines it ran so far. The clock is read only every few thousand trace
events, so the check costs next to nothing.
"""
import json
import os
import sys
import time

import pytest

_ROOT = os.path.abspath(os.environ.get("AAP_COV_ROOT") or os.getcwd())
_OUT = os.environ.get("AAP_COV_OUT")
_SKIP_DIRS = ("site-packages", "dist-packages", ".venv", "venv", ".tox", "tests", "__pycache__")

_LIMIT = float(os.environ.get("AAP_COV_TEST_LIMIT") or 3)
_CHECK_EVERY = 4096

_wanted = {}
_lines = None
_results = {}
_deadline = None
_events = 0


class TestTimeLimit(BaseException):
    """Stops a test that ran past AAP_COV_TEST_LIMIT; a BaseException so that ``except Exception`` in the
    code under test does not swallow it."""

    __test__ = False


def _check_clock():
    global _events, _deadline
    _events = 0
    if _deadline is not None and time.monotonic() > _deadline:
        _deadline = None  # raise once; the test is failing from here on
        raise TestTimeLimit("test ran longer than %gs (AAP_COV_TEST_LIMIT)" % _LIMIT)


def _is_source(filename):
    path = os.path.abspath(filename)
    if not path.startswith(_ROOT + os.sep) or not path.endswith(".py"):
        return None
    rel = os.path.relpath(path, _ROOT)
    parts = rel.split(os.sep)
    base = parts[-1]
    if base == "conftest.py" or base.startswith("test_") or base.endswith("_test.py"):
        return None
    if any(p in _SKIP_DIRS for p in parts[:-1]):
        return None
    return "/".join(parts)


def _local(frame, event, arg):
    global _events
    if event == "line" and _lines is not None:
        _lines.add((frame.f_code.co_filename, frame.f_lineno))
        _events += 1
        if _events >= _CHECK_EVERY:
            _check_clock()
    return _local


def _global(frame, event, arg):
    global _events
    _events += 1
    if _events >= _CHECK_EVERY:
        _check_clock()
    filename = frame.f_code.co_filename
    rel = _wanted.get(filename, 0)
    if rel == 0:
        rel = _wanted[filename] = _is_source(filename)
    if rel is None:
        return None
    return _local


def _start():
    global _lines
    _lines = set()
    sys.settrace(_global)


def _stop():
    sys.settrace(None)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    _start()
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    global _deadline, _events
    if _LIMIT > 0:
        _deadline = time.monotonic() + _LIMIT
        _events = 0
    try:
        yield
    finally:
        _deadline = None
        _stop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    _stop()
    lines = _lines if _lines is not None else set()
    entry = _results.setdefault(item.nodeid, {"outcome": "passed", "lines": set()})
    entry["lines"] |= lines
    yield


def pytest_runtest_logreport(report):
    entry = _results.setdefault(report.nodeid, {"outcome": "passed", "lines": set()})
    if report.when in ("setup", "call"):
        entry["duration"] = entry.get("duration", 0.0) + report.duration
    if report.failed:
        entry["outcome"] = "failed"
    elif report.skipped and entry["outcome"] != "failed":
        entry["outcome"] = "skipped"


def pytest_sessionfinish(session, exitstatus):
    _stop()
    if not _OUT:
        return
    tests = []
    for nodeid, entry in _results.items():
        if entry["outcome"] == "skipped":
            continue
        files = {}
        for filename, line in entry["lines"]:
            rel = _wanted.get(filename)
            if rel:
                files.setdefault(rel, set()).add(line)
        tests.append({"id": nodeid, "passed": entry["outcome"] == "passed",
                      "seconds": round(entry.get("duration", 0.0), 6),
                      "lines": {f: sorted(ls) for f, ls in files.items()}})
    with open(_OUT, "w", encoding="utf-8") as out:
        json.dump({"tests": tests}, out)
