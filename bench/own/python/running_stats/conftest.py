"""Test harness for this bench package, not part of the program under test.

A buggy program may loop forever, so each test gets OWN_TEST_TIMEOUT seconds (default 5) of wall time,
enforced with SIGALRM (POSIX, main thread). OWN_TEST_TIMEOUT=0 turns the limit off.
"""
import os
import signal

import pytest

LIMIT_S = float(os.environ.get("OWN_TEST_TIMEOUT", "5"))


class TestTookTooLong(Exception):
    pass


def _expired(signum, frame):
    raise TestTookTooLong("test ran longer than %s s (OWN_TEST_TIMEOUT)" % LIMIT_S)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    if LIMIT_S <= 0:
        yield
        return
    old = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, LIMIT_S)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
