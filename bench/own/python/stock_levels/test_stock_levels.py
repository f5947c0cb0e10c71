import pytest

from stock_levels import Bin, reorder_list


def test_receive_within_capacity_keeps_everything():
    b = Bin("bolt", 100, level=20)
    assert b.receive(30) == 0
    assert b.level == 50


def test_receive_beyond_capacity_returns_the_overflow():
    b = Bin("bolt", 100, level=90)
    assert b.receive(25) == 15
    assert b.level == 100
    assert b.free == 0


def test_pick_more_than_stocked_is_refused():
    b = Bin("nut", 10, level=3)
    with pytest.raises(ValueError):
        b.pick(4)
    assert b.level == 3


def test_negative_receipts_are_refused():
    with pytest.raises(ValueError):
        Bin("nut", 10).receive(-1)


def test_reorder_list_fills_bins_up_to_capacity():
    bins = [Bin("a", 50, level=5, reorder_at=10), Bin("b", 50, level=30, reorder_at=10)]
    assert reorder_list(bins) == [("a", 45)]
