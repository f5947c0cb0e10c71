import pytest

from seat_map import SeatMap


def test_booking_marks_only_that_seat():
    m = SeatMap(2, 5)
    m.book(1, 3)
    assert not m.is_free(1, 3)
    assert m.is_free(0, 3)
    assert m.free_count() == 9


def test_a_seat_cannot_be_booked_twice():
    m = SeatMap(3, 3)
    m.book(0, 2)
    with pytest.raises(ValueError):
        m.book(0, 2)


def test_find_block_skips_rows_without_room():
    m = SeatMap.parse("""
        ..x..
        x....
    """)
    assert m.find_block(3) == (1, 1)


def test_find_block_in_the_front_row():
    m = SeatMap.parse("""
        x...x.
        ......
    """)
    assert m.find_block(2) == (0, 1)


def test_no_block_when_the_house_is_full():
    m = SeatMap.parse("""
        x.x
        .x.
    """)
    assert m.find_block(2) is None
