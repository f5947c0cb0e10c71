from upload_filter import check, extension_ok, split_batch


def test_known_extensions_are_accepted_in_any_case():
    assert extension_ok("Report.PDF")
    assert extension_ok("notes.md")


def test_a_name_that_only_mentions_an_extension_is_refused():
    assert not extension_ok("pdf-viewer.exe")
    assert not extension_ok("report.pdf.exe")


def test_hidden_files_are_refused():
    assert not extension_ok(".secret.txt")


def test_size_limits():
    assert check("a.txt", 0) == "empty file"
    assert check("a.txt", 11 * 1024 * 1024) == "larger than 10 MB"
    assert check("a.txt", 10) is None


def test_batch_is_split_with_reasons():
    accepted, refused = split_batch([("cv.docx", 2048), ("run.sh", 10), ("empty.md", 0)])
    assert accepted == ["cv.docx"]
    assert refused == {"run.sh": "type not accepted", "empty.md": "empty file"}
