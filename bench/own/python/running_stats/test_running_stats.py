import pytest

from running_stats import RunningStats


def test_mean_and_range():
    s = RunningStats().extend([4, 8, 6])
    assert s.mean == 6
    assert (s.low, s.high) == (4, 8)


def test_variance_of_a_known_series():
    s = RunningStats().extend([2, 4, 4, 4, 5, 5, 7, 9])
    assert s.variance == pytest.approx(4.0)
    assert s.stddev == pytest.approx(2.0)


def test_constant_series_has_no_spread():
    s = RunningStats().extend([3, 3, 3])
    assert s.variance == 0


def test_empty_stats_are_zero():
    s = RunningStats()
    assert (s.n, s.mean, s.variance) == (0, 0.0, 0.0)


def test_outlier_detection_uses_the_spread():
    s = RunningStats().extend([10, 12, 11, 9, 10, 11, 12, 9])
    assert s.is_outlier(30)
    assert not s.is_outlier(11)
