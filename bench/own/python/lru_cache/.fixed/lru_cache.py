"""A least-recently-used cache with hit statistics, for memoising slow lookups."""
from collections import OrderedDict


class LruCache:
    def __init__(self, capacity):
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._items = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key, default=None):
        if key not in self._items:
            self.misses += 1
            return default
        self.hits += 1
        self._items.move_to_end(key)
        return self._items[key]

    def put(self, key, value):
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self.capacity:
            self._items.popitem(last=False)

    def get_or_load(self, key, loader):
        value = self.get(key, _MISSING)
        if value is _MISSING:
            value = loader(key)
            self.put(key, value)
        return value

    def keys(self):
        """Keys from least to most recently used."""
        return list(self._items)


_MISSING = object()
