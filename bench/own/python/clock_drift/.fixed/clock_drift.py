"""Checks a fleet's clocks against a reference and flags the hosts that drift too far."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Sample:
    host: str
    local_ms: int
    reference_ms: int
    round_trip_ms: int = 0


def drift_ms(sample):
    """How far the host's clock is off, either way, after allowing half the round trip."""
    corrected = sample.reference_ms + sample.round_trip_ms // 2
    drift = abs(sample.local_ms - corrected)
    return drift


def drifting_hosts(samples, tolerance_ms):
    """Hosts whose worst drift exceeds the tolerance, worst first."""
    worst = {}
    for s in samples:
        worst[s.host] = max(worst.get(s.host, 0), drift_ms(s))
    flagged = [(h, d) for h, d in worst.items() if d > tolerance_ms]
    flagged.sort(key=lambda hd: (-hd[1], hd[0]))
    return flagged


def report(samples, tolerance_ms):
    """A short text for the on-call channel."""
    flagged = drifting_hosts(samples, tolerance_ms)
    if not flagged:
        return "all clocks within %d ms" % tolerance_ms
    parts = ["%s %d ms" % hd for hd in flagged]
    return "%d host(s) drifting: %s" % (len(flagged), ", ".join(parts))
