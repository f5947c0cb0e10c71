"""Reads INI-style settings files into nested dicts, with typed getters."""


class ParseError(ValueError):
    pass


def parse(text):
    sections = {"": {}}
    current = sections[""]
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line[0] in ";#":
            continue
        if line.startswith("[") and line.endswith("]"):
            name = line[1:-1].strip()
            current = sections.setdefault(name, {})
        key, sep, value = line.partition("=")
        if not sep or not key.strip():
            raise ParseError("line %d: expected key = value" % number)
        current[key.strip().lower()] = value.strip()
    return sections


def get_int(sections, section, key, default):
    value = sections.get(section, {}).get(key)
    return default if value is None else int(value)


def get_bool(sections, section, key, default=False):
    value = sections.get(section, {}).get(key)
    if value is None:
        return default
    return value.lower() in ("1", "yes", "true", "on")
