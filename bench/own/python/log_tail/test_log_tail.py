from log_tail import count_by_level, grep_context, since, tail

LOG = ["boot", "start web", "ERROR disk", "retry", "start web", "ok", "ERROR net", "done"]


def test_tail_returns_the_last_lines():
    assert tail(LOG, 2) == ["ERROR net", "done"]
    assert tail(LOG, 0) == []
    assert tail(["a"], 5) == ["a"]


def test_since_uses_the_last_marker():
    assert since(LOG, "start web") == ["ok", "ERROR net", "done"]


def test_since_a_marker_on_the_first_line():
    assert since(LOG, "boot") == LOG[1:]


def test_since_without_the_marker_keeps_everything():
    assert since(LOG, "shutdown") == LOG


def test_grep_context_merges_overlapping_windows():
    assert grep_context(LOG, "ERROR", 1) == ["start web", "ERROR disk", "retry", "ok", "ERROR net", "done"]


def test_count_by_level():
    counts = count_by_level(LOG)
    assert counts["ERROR"] == 2
    assert counts["OTHER"] == 6
    assert counts["DEBUG"] == 0
