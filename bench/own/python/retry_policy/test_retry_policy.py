import pytest

from retry_policy import RetriesExhausted, RetryPolicy, TransientError


def scripted(outcomes):
    """An operation that fails or answers in the order given."""
    queue = list(outcomes)

    def op():
        if not queue:
            raise AssertionError("operation called more often than scripted")
        item = queue.pop(0)
        if isinstance(item, Exception):
            raise item
        return item

    return op


def test_first_success_is_returned_without_sleeping():
    slept = []
    assert RetryPolicy().run(scripted(["ok"]), slept.append) == "ok"
    assert slept == []


def test_transient_failures_are_retried_with_growing_delays():
    slept = []
    op = scripted([TransientError("a"), TransientError("b"), "done"])
    assert RetryPolicy(max_attempts=3).run(op, slept.append) == "done"
    assert slept == [0.1, 0.2]


def test_gives_up_after_max_attempts():
    op = scripted([TransientError("x")] * 2)
    with pytest.raises(RetriesExhausted) as info:
        RetryPolicy(max_attempts=2).run(op, lambda s: None)
    assert info.value.attempts == 2
    assert str(info.value.last) == "x"


def test_delay_is_capped():
    assert RetryPolicy(base_delay=1, factor=10, max_delay=3).delay_before(4) == 3


def test_other_errors_are_not_retried():
    op = scripted([KeyError("k"), "never"])
    with pytest.raises(KeyError):
        RetryPolicy().run(op, lambda s: None)
