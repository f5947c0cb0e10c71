import pytest

from stock import Stock


def test_add_then_count():
    s = Stock()
    s.add("A-1", 5)
    s.add("A-1", 2)
    assert s.on_hand("A-1") == 7


def test_remove_returns_units_left():
    s = Stock()
    s.add("B-2", 10)
    assert s.remove("B-2", 4) == 6
    assert s.on_hand("B-2") == 6


def test_adding_nothing_is_refused():
    with pytest.raises(ValueError):
        Stock().add("C-3", 0)
