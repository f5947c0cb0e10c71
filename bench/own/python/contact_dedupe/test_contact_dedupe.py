from contact_dedupe import Contact, dedupe, normalize_email


def test_gmail_dots_and_tags_are_ignored():
    assert normalize_email(" Jane.Doe+news@GoogleMail.com") == "janedoe@gmail.com"


def test_other_domains_keep_dots():
    assert normalize_email("j.doe@example.org") == "j.doe@example.org"


def test_duplicates_are_dropped_keeping_the_first():
    contacts = [Contact("Jane", "jane@x.io"), Contact("Bob", "bob@x.io"), Contact("J. Doe", "JANE@x.io")]
    assert [c.name for c in dedupe(contacts)] == ["Jane", "Bob"]


def test_a_duplicate_fills_in_a_missing_phone():
    contacts = [Contact("Jane", "jane@x.io"), Contact("Jane D", "jane@x.io", "555-0101")]
    merged = dedupe(contacts)
    assert len(merged) == 1
    assert merged[0].phone == "555-0101"


def test_distinct_contacts_are_all_kept():
    contacts = [Contact("A", "a@x.io"), Contact("B", "b@x.io")]
    assert dedupe(contacts) == contacts


def test_known_addresses_are_not_imported_again():
    known = [Contact("Me", "me@x.io")]
    contacts = [Contact("Me too", "ME@x.io"), Contact("Ann", "ann@x.io"), Contact("Ann B", "ann@x.io")]
    assert [c.name for c in dedupe(contacts, known)] == ["Ann"]
