"""Order pricing for the shop: bulk discounts and totals in cents."""


def bulk_discount(quantity):
    """Discount rate for an order line: 15% from 100 units, 5% from 10 units, none below."""
    if quantity < 0:
        raise ValueError("quantity must not be negative")
    if quantity >= 100:
        return 0.15
    if quantity > 10:
        return 0.05
    return 0.0


def line_total(unit_cents, quantity):
    """Total of one order line in cents, discount applied, rounded half up."""
    gross = unit_cents * quantity
    return int(gross * (1 - bulk_discount(quantity)) + 0.5)


def order_total(lines):
    """Sum of (unit_cents, quantity) lines in cents."""
    return sum(line_total(unit, qty) for unit, qty in lines)
