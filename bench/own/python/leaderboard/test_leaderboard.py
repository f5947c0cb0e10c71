import pytest

from leaderboard import Leaderboard


def board():
    b = Leaderboard()
    for player, score in [("ann", 40), ("bob", 75), ("cid", 60), ("dee", 75), ("eve", 10)]:
        b.record(player, score)
    return b


def test_only_a_better_score_replaces_the_best():
    b = Leaderboard()
    assert b.record("ann", 50)
    assert not b.record("ann", 30)
    assert b.record("ann", 70)
    assert b.top(1) == [("ann", 70)]


def test_top_lists_the_highest_scores_first():
    assert board().top(3) == [("bob", 75), ("dee", 75), ("cid", 60)]


def test_top_with_more_than_there_are_players():
    assert len(board().top(10)) == 5


def test_tied_players_share_a_rank():
    b = board()
    assert (b.rank("bob"), b.rank("dee"), b.rank("cid"), b.rank("eve")) == (1, 1, 3, 5)


def test_negative_scores_are_refused():
    with pytest.raises(ValueError):
        Leaderboard().record("x", -1)
