"""Warehouse bins with a fixed capacity: receiving, picking and a reorder list."""


class Bin:
    def __init__(self, sku, capacity, level=0, reorder_at=0):
        self.sku = sku
        self.capacity = capacity
        self.level = level
        self.reorder_at = reorder_at

    def receive(self, qty):
        """Stores what fits and returns the quantity that did not fit (sent back to the supplier)."""
        if qty < 0:
            raise ValueError("cannot receive a negative quantity")
        before = self.level
        self.level = self.level + qty
        return qty - (self.level - before)

    def pick(self, qty):
        if qty > self.level:
            raise ValueError("only %d of %s in stock" % (self.level, self.sku))
        self.level -= qty

    @property
    def free(self):
        return self.capacity - self.level


def reorder_list(bins):
    """(sku, quantity to fill the bin) for every bin at or below its reorder point."""
    return [(b.sku, b.free) for b in bins if b.level <= b.reorder_at]
