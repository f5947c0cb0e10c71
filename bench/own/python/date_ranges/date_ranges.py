"""Date ranges for bookings: length in nights, overlap and the free gaps in a calendar."""
from datetime import date, timedelta


def nights(check_in, check_out):
    if check_out < check_in:
        raise ValueError("check-out %s is before check-in %s" % (check_out, check_in))
    return (check_out - check_in).days


def overlaps(a, b):
    """Two (check_in, check_out) stays overlap when they share a night."""
    return a[0] < b[1] and b[0] < a[1]


def gaps(bookings, start, end, min_nights=1):
    """Free (from, to) periods of at least min_nights between start and end, given sorted bookings."""
    free = []
    cursor = start
    for check_in, check_out in sorted(bookings):
        if check_in > cursor and nights(check_in, cursor) >= min_nights:
            free.append((cursor, check_in))
        cursor = max(cursor, check_out)
    if cursor < end and nights(cursor, end) >= min_nights:
        free.append((cursor, end))
    return free


def occupancy(bookings, start, end):
    """Share of nights between start and end that are booked."""
    total = nights(start, end)
    booked = sum(nights(max(a, start), min(b, end)) for a, b in bookings if overlaps((a, b), (start, end)))
    return booked / total if total else 0.0


def d(day):
    return date(2024, 7, 1) + timedelta(days=day - 1)
