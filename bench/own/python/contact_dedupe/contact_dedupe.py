"""Merges a contact list imported from several address books, dropping duplicates."""
from dataclasses import dataclass


@dataclass
class Contact:
    name: str
    email: str
    phone: str = ""


def normalize_email(email):
    local, _, domain = email.strip().lower().partition("@")
    if domain in ("gmail.com", "googlemail.com"):
        local = local.split("+", 1)[0].replace(".", "")
        domain = "gmail.com"
    return local + "@" + domain


def dedupe(contacts, known=()):
    """The first contact for each address, in input order; a later duplicate may fill a missing phone.

    Addresses of the known contacts (the address book already holds them) are left out of the result.
    """
    seen = set()
    for c in known:
        seen.add(normalize_email(c.email))
    kept = {}
    result = []
    for c in contacts:
        key = normalize_email(c.email)
        if key in seen:
            if key in kept and not kept[key].phone and c.phone:
                kept[key].phone = c.phone
            continue
        kept[key] = c
        result.append(c)
    return result
