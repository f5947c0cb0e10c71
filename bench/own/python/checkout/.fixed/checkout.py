"""Totals an order: line discounts, a shipping charge and tax, all in cents."""
from dataclasses import dataclass

FREE_SHIPPING_FROM = 5000
SHIPPING = 495


@dataclass(frozen=True)
class Item:
    name: str
    unit_cents: int
    quantity: int
    discount_percent: int = 0


def discounted(cents, percent):
    """cents reduced by percent, rounded half up to a whole cent."""
    if not 0 <= percent <= 100:
        raise ValueError("discount must be between 0 and 100 percent")
    return (cents * (100 - percent) + 50) // 100


def with_tax(cents, rate_percent):
    return cents + (cents * rate_percent + 50) // 100


def total(items, tax_percent):
    subtotal = 0
    for item in items:
        subtotal += discounted(item.unit_cents * item.quantity, item.discount_percent)
    shipping = 0 if subtotal >= FREE_SHIPPING_FROM or subtotal == 0 else SHIPPING
    return with_tax(subtotal + shipping, tax_percent)
