"""Compares dotted release versions such as 1.10.2 and 1.9, and picks upgrades."""


def parse(version):
    parts = version.strip().lstrip("v").split(".")
    try:
        return [int(p) for p in parts]
    except ValueError:
        raise ValueError("not a dotted version: %r" % version) from None


def compare(a, b):
    """Negative when a is older than b, zero when equal, positive when newer."""
    pa, pb = parse(a), parse(b)
    for x, y in zip(pa, pb):
        if x != y:
            return x - y
    while pa and pa[-1] == 0:
        pa.pop()
    while pb and pb[-1] == 0:
        pb.pop()
    return len(pa) - len(pb)


def newest(versions):
    best = None
    for v in versions:
        if best is None or compare(v, best) > 0:
            best = v
    return best


def upgrades(installed, available):
    """The available versions newer than the installed one, oldest first."""
    newer = [v for v in available if compare(v, installed) > 0]
    for i in range(1, len(newer)):
        j = i
        while j > 0 and compare(newer[j - 1], newer[j]) > 0:
            newer[j - 1], newer[j] = newer[j], newer[j - 1]
            j -= 1
    return newer
