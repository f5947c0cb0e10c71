"""logfilter: prints the entries of an application log that match the given filters.

An entry starts with a line "2024-05-01T10:00:00 LEVEL message"; the lines after it that do not start with a
timestamp (a stack trace, a multi-line message) belong to it.
"""
import argparse
import re
import sys
from datetime import datetime

LEVELS = ["DEBUG", "INFO", "WARNING", "ERROR"]
_START = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}) (DEBUG|INFO|WARNING|ERROR) ")


class Entry:
    """One log entry: when it was written, its level, and its lines (the first one included)."""

    def __init__(self, time, level, lines):
        self.time = time
        self.level = level
        self.lines = lines


def read_entries(lines):
    """Groups raw lines into entries; lines before the first entry are dropped."""
    entries = []
    for line in lines:
        m = _START.match(line)
        if m:
            entries.append(Entry(datetime.fromisoformat(m.group(1)), m.group(2), [line]))
        elif entries:
            entries[-1].lines.append(line)
    return entries


def select(entries, min_level="DEBUG", grep=None):
    """The entries at min_level or above whose text contains grep (when given)."""
    rank = LEVELS.index(min_level)
    return [e for e in entries
            if LEVELS.index(e.level) >= rank and (grep is None or any(grep in line for line in e.lines))]


def main(argv=None, out=None):
    out = out or sys.stdout
    parser = argparse.ArgumentParser(prog="logfilter", description="Print the matching entries of a log file.")
    parser.add_argument("file", help="the log file")
    parser.add_argument("--level", choices=LEVELS, default="DEBUG", help="lowest level to show (default: DEBUG)")
    parser.add_argument("--grep", help="only entries containing this text")
    args = parser.parse_args(argv)
    with open(args.file, encoding="utf-8") as f:
        entries = read_entries(f.read().splitlines())
    for entry in select(entries, args.level, args.grep):
        out.write("\n".join(entry.lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
