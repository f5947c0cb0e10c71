import io

import pytest

from logfilter import main, read_entries, select

LOG = """\
2024-05-01T09:59:58 INFO service started
2024-05-01T10:00:00 DEBUG cache warmed
2024-05-01T10:00:05 ERROR payment failed
Traceback (most recent call last):
  ValueError: card declined
2024-05-01T11:30:00 WARNING disk 91% full
2024-05-02T08:00:00 INFO nightly report sent
"""


@pytest.fixture
def log_file(tmp_path):
    path = tmp_path / "app.log"
    path.write_text(LOG, encoding="utf-8")
    return str(path)


def run(*argv):
    out = io.StringIO()
    assert main(list(argv), out=out) == 0
    return out.getvalue()


def test_continuation_lines_belong_to_their_entry():
    entries = read_entries(LOG.splitlines())
    assert len(entries) == 5
    assert entries[2].lines[1] == "Traceback (most recent call last):"


def test_select_by_level():
    entries = read_entries(LOG.splitlines())
    assert [e.level for e in select(entries, "WARNING")] == ["ERROR", "WARNING"]


def test_everything_by_default(log_file):
    assert run(log_file) == LOG


def test_level_and_grep(log_file):
    assert run(log_file, "--level", "INFO", "--grep", "card") == (
        "2024-05-01T10:00:05 ERROR payment failed\n"
        "Traceback (most recent call last):\n"
        "  ValueError: card declined\n")


def test_unknown_level_is_a_usage_error(log_file):
    with pytest.raises(SystemExit) as e:
        main([log_file, "--level", "LOUD"], out=io.StringIO())
    assert e.value.code == 2


def test_since_keeps_entries_at_or_after_the_time(log_file):
    assert run(log_file, "--since", "2024-05-01T10:00:05") == (
        "2024-05-01T10:00:05 ERROR payment failed\n"
        "Traceback (most recent call last):\n"
        "  ValueError: card declined\n"
        "2024-05-01T11:30:00 WARNING disk 91% full\n"
        "2024-05-02T08:00:00 INFO nightly report sent\n")


def test_since_a_date_means_from_midnight(log_file):
    assert run(log_file, "--since", "2024-05-02") == "2024-05-02T08:00:00 INFO nightly report sent\n"


def test_since_combines_with_level_and_grep(log_file):
    assert run(log_file, "--since", "2024-05-01T10:00:00", "--level", "WARNING") == (
        "2024-05-01T10:00:05 ERROR payment failed\n"
        "Traceback (most recent call last):\n"
        "  ValueError: card declined\n"
        "2024-05-01T11:30:00 WARNING disk 91% full\n")
    assert run(log_file, "--since", "2024-05-01T10:00:06", "--grep", "report") == (
        "2024-05-02T08:00:00 INFO nightly report sent\n")


def test_since_that_is_not_a_time_is_a_usage_error(log_file):
    assert run(log_file, "--since", "2024-05-02T08:00:00") == "2024-05-02T08:00:00 INFO nightly report sent\n"
    with pytest.raises(SystemExit) as e:
        main([log_file, "--since", "yesterday"], out=io.StringIO())
    assert e.value.code == 2
