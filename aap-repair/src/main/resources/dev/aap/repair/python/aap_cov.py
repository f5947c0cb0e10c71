"""pytest plugin: which project lines each test executes (setup + call), and whether it passed.

Loaded with ``-p aap_cov``; writes JSON to the file named by AAP_COV_OUT when the session ends.
Only frames whose code lives under the project root, outside tests, conftest files and installed
packages, get a line tracer, so the suite runs at close to its normal speed.
"""
import json
import os
import sys

import pytest

_ROOT = os.path.abspath(os.environ.get("AAP_COV_ROOT") or os.getcwd())
_OUT = os.environ.get("AAP_COV_OUT")
_SKIP_DIRS = ("site-packages", "dist-packages", ".venv", "venv", ".tox", "tests", "__pycache__")

_wanted = {}
_lines = None
_results = {}


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
    if event == "line" and _lines is not None:
        _lines.add((frame.f_code.co_filename, frame.f_lineno))
    return _local


def _global(frame, event, arg):
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
    yield
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
                      "lines": {f: sorted(ls) for f, ls in files.items()}})
    with open(_OUT, "w", encoding="utf-8") as out:
        json.dump({"tests": tests}, out)
