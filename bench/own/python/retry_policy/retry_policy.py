"""Calls an operation again after transient failures, with exponential backoff between attempts."""


class TransientError(Exception):
    pass


class RetriesExhausted(Exception):
    def __init__(self, attempts, last):
        super().__init__("gave up after %d attempts: %s" % (attempts, last))
        self.attempts = attempts
        self.last = last


class RetryPolicy:
    def __init__(self, max_attempts=3, base_delay=0.1, factor=2.0, max_delay=5.0):
        self.max_attempts = max_attempts
        self.base_delay = base_delay
        self.factor = factor
        self.max_delay = max_delay

    def delay_before(self, attempt):
        """Seconds to wait before the given attempt (attempt 1 starts at once)."""
        if attempt <= 1:
            return 0.0
        return min(self.max_delay, self.base_delay * self.factor ** (attempt - 2))

    def run(self, operation, sleep):
        """Runs operation() until it returns; sleep(seconds) is called between attempts."""
        attempt = 0
        last = None
        while True:
            attempt += 1
            wait = self.delay_before(attempt)
            if wait:
                sleep(wait)
            try:
                return operation()
            except TransientError as e:
                last = e
        raise RetriesExhausted(attempt, last)
