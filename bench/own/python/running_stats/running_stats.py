"""Streaming statistics for metrics: count, mean, variance and a z-score outlier check."""
import math


class RunningStats:
    def __init__(self):
        self.n = 0
        self.total = 0.0
        self.total_sq = 0.0
        self.low = None
        self.high = None

    def add(self, value):
        self.n += 1
        self.total += value
        self.total_sq += value * value
        self.low = value if self.low is None else min(self.low, value)
        self.high = value if self.high is None else max(self.high, value)

    def extend(self, values):
        for v in values:
            self.add(v)
        return self

    @property
    def mean(self):
        return self.total / self.n if self.n else 0.0

    @property
    def variance(self):
        """Population variance."""
        if self.n == 0:
            return 0.0
        mean = self.mean
        return max(0.0, self.total_sq / self.n - mean)

    @property
    def stddev(self):
        return math.sqrt(self.variance)

    def is_outlier(self, value, limit=3.0):
        sd = self.stddev
        if sd == 0:
            return value != self.mean
        return abs(value - self.mean) / sd > limit
