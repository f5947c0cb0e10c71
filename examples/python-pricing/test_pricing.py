import pytest

from pricing import bulk_discount, line_total, order_total


def test_no_discount_for_small_orders():
    assert bulk_discount(1) == 0.0
    assert bulk_discount(9) == 0.0


def test_ten_units_get_the_small_discount():
    assert bulk_discount(10) == 0.05


def test_hundred_units_get_the_large_discount():
    assert bulk_discount(100) == 0.15
    assert bulk_discount(250) == 0.15


def test_line_total_applies_discount():
    assert line_total(200, 10) == 1900
    assert line_total(200, 3) == 600


def test_order_total_sums_lines():
    assert order_total([(200, 3), (100, 100)]) == 600 + 8500


def test_negative_quantity_is_rejected():
    with pytest.raises(ValueError):
        bulk_discount(-1)
