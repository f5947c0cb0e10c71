"""A game leaderboard: best score per player, top-N and a player's rank."""
import heapq


class Leaderboard:
    def __init__(self):
        self._best = {}

    def record(self, player, score):
        """Keeps the player's best score; returns True when this score is a new personal best."""
        if score < 0:
            raise ValueError("scores are never negative")
        previous = self._best.get(player)
        if previous is not None and previous >= score:
            return False
        self._best[player] = score
        return True

    def top(self, n):
        """The n best (player, score) pairs, highest first; ties go to the earlier name alphabetically."""
        return heapq.nlargest(n, self._best.items(), key=lambda ps: (ps[1], _reverse_name(ps[0])))

    def rank(self, player):
        """1 for the leader; players with the same score share a rank."""
        score = self._best[player]
        return 1 + sum(1 for s in self._best.values() if s > score)


def _reverse_name(name):
    return [-ord(ch) for ch in name]
