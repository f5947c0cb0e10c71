from datetime import date

from coupon_rules import Coupon, Line, applies, best_discount, eligible_total

TODAY = date(2024, 5, 10)
CART = [Line("A1", "books", 12.5, 2), Line("K9", "kitchen", 40.0, 1)]


def test_eligible_total_counts_only_the_coupon_categories():
    c = Coupon("READ", 10, 0, date(2024, 12, 31), frozenset({"books"}))
    assert eligible_total(c, CART) == 25.0


def test_coupon_below_minimum_does_not_apply():
    c = Coupon("BIG", 20, 100, date(2024, 12, 31))
    assert not applies(c, CART, TODAY)


def test_expired_coupon_does_not_apply():
    c = Coupon("OLD", 50, 10, date(2024, 5, 9))
    assert not applies(c, CART, TODAY)


def test_coupon_is_valid_on_its_last_day():
    c = Coupon("LAST", 5, 10, TODAY)
    assert applies(c, CART, TODAY)


def test_best_discount_skips_an_expired_better_coupon():
    coupons = [Coupon("OLD", 50, 10, date(2024, 1, 1)), Coupon("TEN", 10, 10, date(2024, 6, 1))]
    assert best_discount(coupons, CART, TODAY) == ("TEN", 6.5)


def test_no_coupon_for_a_category_not_in_the_cart():
    coupons = [Coupon("GARDEN", 30, 0, date(2024, 12, 31), frozenset({"garden"}))]
    assert best_discount(coupons, CART, TODAY) == (None, 0.0)
