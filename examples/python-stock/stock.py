"""Stock levels of the shop's warehouse."""


class Stock:
    """Units on hand per product code."""

    def __init__(self):
        self._units = {}

    def add(self, code, units):
        """Puts units of a product into stock."""
        if units <= 0:
            raise ValueError("units must be positive")
        self._units[code] = self._units.get(code, 0) + units

    def remove(self, code, units):
        """Takes units of a product out of stock and returns how many are left."""
        left = self._units.get(code, 0) - units
        self._units[code] = left
        return left

    def on_hand(self, code):
        """Units of a product in stock (0 for an unknown product)."""
        return self._units.get(code, 0)
