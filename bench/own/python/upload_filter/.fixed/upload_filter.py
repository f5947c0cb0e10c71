"""Decides which uploaded files a document store accepts, by extension and size."""

ALLOWED = (".pdf", ".docx", ".txt", ".md")
MAX_BYTES = 10 * 1024 * 1024


def extension_ok(filename, allowed=ALLOWED):
    name = filename.lower().strip()
    return name.endswith(allowed) and not name.startswith(".")


def check(filename, size):
    """None when the upload is accepted, else the reason it is refused."""
    if size <= 0:
        return "empty file"
    if size > MAX_BYTES:
        return "larger than %d MB" % (MAX_BYTES // (1024 * 1024))
    if not extension_ok(filename):
        return "type not accepted"
    return None


def split_batch(files):
    """(accepted names, {refused name: reason}) for a batch of (name, size) pairs."""
    accepted, refused = [], {}
    for name, size in files:
        reason = check(name, size)
        if reason is None:
            accepted.append(name)
        else:
            refused[name] = reason
    return accepted, refused
