"""Reads the lines of the shop's customer export (comma-separated, one record per line)."""


def split_fields(line, sep=","):
    """The fields of one line, without its line break; double quotes around a field are not part of its value."""
    fields = []
    for raw in line.rstrip("\r\n").split(sep):
        if len(raw) >= 2 and raw.startswith('"') and raw.endswith('"'):
            raw = raw[1:-1]
        fields.append(raw)
    return fields


def parse_row(line, header):
    """Maps the header's names to the fields of one line; a short line gets empty values for the missing fields."""
    fields = split_fields(line)
    if len(fields) > len(header):
        raise ValueError("%d fields but the header has %d names: %r" % (len(fields), len(header), line))
    return dict(zip(header, fields + [""] * (len(header) - len(fields))))


def read_rows(lines):
    """The records of an export whose first line is the header; blank lines are skipped."""
    lines = [line for line in lines if line.strip()]
    if not lines:
        return []
    header = split_fields(lines[0])
    return [parse_row(line, header) for line in lines[1:]]
