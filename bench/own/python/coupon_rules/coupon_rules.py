"""Decides which coupons apply to a shopping cart and what they take off."""
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Coupon:
    code: str
    percent_off: int
    minimum_total: float
    expires: date
    categories: frozenset = field(default_factory=frozenset)


@dataclass(frozen=True)
class Line:
    sku: str
    category: str
    price: float
    quantity: int

    @property
    def total(self):
        return self.price * self.quantity


def eligible_total(coupon, lines):
    """The part of the cart the coupon may discount: every line, or only its categories."""
    if not coupon.categories:
        return sum(l.total for l in lines)
    return sum(l.total for l in lines if l.category in coupon.categories)


def applies(coupon, lines, today):
    base = eligible_total(coupon, lines)
    return base > 0 and base >= coupon.minimum_total


def best_discount(coupons, lines, today):
    """The largest discount any single applicable coupon gives, with its code (None when none applies)."""
    best_code, best_amount = None, 0.0
    for coupon in coupons:
        if not applies(coupon, lines, today):
            continue
        amount = round(eligible_total(coupon, lines) * coupon.percent_off / 100, 2)
        if amount > best_amount:
            best_code, best_amount = coupon.code, amount
    return best_code, best_amount
