"""Release versions of the form MAJOR.MINOR.PATCH, as the update checker compares them."""


def parse(version):
    """Splits "1.4.2" (a leading "v" is allowed) into its three parts."""
    text = version.strip()
    if text.startswith("v"):
        text = text[1:]
    parts = text.split(".")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise ValueError("not a version: %r" % version)
    return parts


def is_newer(candidate, current):
    """True when candidate is a later release than current."""
    return parse(candidate) > parse(current)


def latest(versions):
    """The latest of the given versions, as the caller wrote it."""
    if not versions:
        raise ValueError("no versions given")
    best = versions[0]
    for v in versions[1:]:
        if is_newer(v, best):
            best = v
    return best


def update_message(installed, available):
    """What the update checker tells a user running `installed` when `available` lists the published releases."""
    newest = latest(available)
    if is_newer(newest, installed):
        return "version %s is available (you have %s)" % (newest, installed)
    return "you are up to date (%s)" % installed
