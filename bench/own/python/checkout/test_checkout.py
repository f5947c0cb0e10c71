import pytest

from checkout import Item, discounted, total, with_tax


def test_discount_rounds_to_the_nearest_cent():
    assert discounted(999, 15) == 849


def test_invalid_discount_is_refused():
    with pytest.raises(ValueError):
        discounted(100, 120)


def test_small_order_pays_shipping_and_tax():
    assert total([Item("pen", 250, 2)], 10) == with_tax(500 + 495, 10)


def test_discounted_lines_and_free_shipping():
    items = [Item("chair", 4000, 2, discount_percent=25), Item("lamp", 1500, 1)]
    assert total(items, 0) == 7500


def test_an_empty_order_costs_nothing():
    assert total([], 20) == 0
