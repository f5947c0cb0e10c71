import pytest

from date_ranges import d, gaps, nights, occupancy, overlaps


def test_nights_between_dates():
    assert nights(d(1), d(4)) == 3


def test_reversed_dates_are_refused():
    with pytest.raises(ValueError):
        nights(d(5), d(2))


def test_back_to_back_stays_do_not_overlap():
    assert not overlaps((d(1), d(3)), (d(3), d(5)))
    assert overlaps((d(1), d(4)), (d(3), d(5)))


def test_gaps_between_bookings():
    bookings = [(d(3), d(5)), (d(8), d(10))]
    assert gaps(bookings, d(1), d(12), min_nights=2) == [(d(1), d(3)), (d(5), d(8)), (d(10), d(12))]


def test_short_gaps_are_left_out():
    bookings = [(d(1), d(5)), (d(6), d(9))]
    assert gaps(bookings, d(1), d(9), min_nights=2) == []


def test_occupancy_clips_bookings_to_the_period():
    assert occupancy([(d(1), d(6)), (d(9), d(15))], d(3), d(11)) == pytest.approx(5 / 8)
