"""A theatre seat map: rows of seats, booking blocks of adjacent seats."""

FREE, TAKEN = ".", "x"


class SeatMap:
    def __init__(self, rows, seats_per_row):
        self.grid = [[FREE] * seats_per_row for _ in range(rows)]

    @classmethod
    def parse(cls, text):
        lines = [l.strip() for l in text.strip().splitlines()]
        m = cls(len(lines), len(lines[0]))
        m.grid = [list(l) for l in lines]
        return m

    def is_free(self, row, seat):
        return self.grid[seat][row] == FREE

    def book(self, row, seat):
        if not self.is_free(row, seat):
            raise ValueError("seat %d-%d is taken" % (row, seat))
        self.grid[row][seat] = TAKEN

    def find_block(self, size):
        """(row, first seat) of the first run of size free seats, front rows first, or None."""
        for r, line in enumerate(self.grid):
            run = 0
            for s in range(len(line)):
                run = run + 1 if self.is_free(r, s) else 0
                if run == size:
                    return r, s - size + 1
        return None

    def free_count(self):
        return sum(line.count(FREE) for line in self.grid)
