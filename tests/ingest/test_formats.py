"""Each source format, read from small fixtures, becomes the documents it should."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from svidok.ingest import InputError, document_from_record, read_sources
from svidok.ingest.registry import choose_format


def test_plain_text_keeps_the_raw_bytes_and_strips_the_byte_order_mark(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbfShelling in Kharkiv.\r\nTwo injured.\r\n"
    (tmp_path / "report.txt").write_bytes(raw)
    (document,) = read_sources([str(tmp_path / "report.txt")])
    assert document.raw == raw
    assert document.text == "Shelling in Kharkiv.\r\nTwo injured.\r\n"
    assert document.media_type == "text/plain"
    assert document.origin == str(tmp_path / "report.txt")
    assert datetime.now(UTC) - document.captured_at < timedelta(minutes=1)


def test_html_yields_main_text_and_metadata_without_navigation(fixtures: Path) -> None:
    (document,) = read_sources([str(fixtures / "article.html")])
    assert "accept passports of the self-proclaimed republic" in document.text
    assert "Home" not in document.text and "All rights reserved" not in document.text
    assert document.title == "Residents of occupied Sorokine pressed to take passports"
    assert document.authors == ["Olena Kovalenko", "Mark Brown"]
    assert document.publisher == "Donbas Monitor"
    assert document.published == date(2022, 5, 7)
    assert document.url == "https://monitor.example.org/2022/05/sorokine-passports"
    assert document.language == "en"
    assert document.media_type == "text/html"
    assert document.raw == (fixtures / "article.html").read_bytes()


def test_html_in_a_declared_legacy_charset_is_decoded_with_it(tmp_path: Path) -> None:
    body = "Окупанти змушують мешканців Сорокиного отримувати паспорти, повідомила розвідка. " * 3
    page = f'<html lang="uk"><head><meta charset="windows-1251"><title>Паспорти</title></head><body><article><p>{body}</p></article></body></html>'
    (tmp_path / "page.html").write_bytes(page.encode("cp1251"))
    (document,) = read_sources([str(tmp_path / "page.html")])
    assert "змушують мешканців Сорокиного" in document.text
    assert document.language == "uk"


def test_html_without_article_text_is_skipped_as_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "blank.html").write_text("<html><body><script>track()</script><img src='logo.png'></body></html>")
    (outcome,) = read_sources([str(tmp_path / "blank.html")])
    assert (outcome.status, outcome.reason) == ("skipped", "not an article")


def test_each_rss_item_becomes_a_document_with_feed_metadata(fixtures: Path) -> None:
    first, second = read_sources([str(fixtures / "news.rss")])
    assert first.origin == f"{fixtures / 'news.rss'}#wire-1001"
    assert first.text == "Overnight shelling damaged three houses in a Kharkiv suburb, the regional governor said."
    assert (first.title, first.publisher, first.authors) == ("Shelling hits Kharkiv suburb", "Frontline Wire", ["Iryna Melnyk"])
    assert (first.published, first.language, first.external_id) == (date(2022, 5, 7), "uk", "wire-1001")
    assert first.url == "https://wire.example.org/kharkiv-shelling"
    assert first.media_type == "application/rss+xml"
    assert second.text.startswith("Occupation officials are preparing")
    assert first.id != second.id


def test_atom_entries_become_documents(fixtures: Path) -> None:
    (entry,) = read_sources([str(fixtures / "news.atom")])
    assert entry.text == "Two journalists were detained in Melitopol, colleagues said."
    assert (entry.authors, entry.published, entry.language) == (["Rights Watch desk"], date(2022, 5, 8), "en")
    assert entry.media_type == "application/atom+xml"


def test_each_jsonl_line_becomes_a_document_whose_raw_bytes_are_the_line(fixtures: Path) -> None:
    lines = (fixtures / "records.jsonl").read_bytes().splitlines()
    first, second = read_sources([str(fixtures / "records.jsonl")])
    assert (first.raw, second.raw) == (lines[0], lines[1])
    assert (first.external_id, first.title, first.language) == ("r-1", "Avdiivka shelling", "en")
    assert first.url == "https://records.example.org/r-1"
    assert first.origin == f"{fixtures / 'records.jsonl'}#L1"
    assert (second.published, second.language) == (date(2022, 5, 8), "uk")
    assert second.text == "У Бахмуті внаслідок обстрілу пошкоджено школу."


def test_a_folder_is_read_recursively(fixtures: Path, tmp_path: Path, split) -> None:
    (tmp_path / "deeper" / "still").mkdir(parents=True)
    (tmp_path / "deeper" / "still" / "note.txt").write_bytes((fixtures / "note.txt").read_bytes())
    (tmp_path / "top.txt").write_text("Top-level report.")
    documents, outcomes = split(read_sources([str(tmp_path)]))
    assert outcomes == []
    assert sorted(Path(d.origin).name for d in documents) == ["note.txt", "top.txt"]


def test_files_without_a_known_suffix_are_recognised_by_their_content(fixtures: Path, tmp_path: Path) -> None:
    for fixture, name in [("news.rss", "feed-download"), ("article.html", "page"), ("records.jsonl", "dump")]:
        (tmp_path / name).write_bytes((fixtures / fixture).read_bytes())
    formats = {name: choose_format(name, (tmp_path / name).read_bytes()).name for name in ("feed-download", "page", "dump")}
    assert formats == {"feed-download": "feed", "page": "html", "dump": "jsonl"}
    assert choose_format("notes", b"Just words.").name == "text"


def test_document_from_record_accepts_integer_ids_and_timestamps() -> None:
    document = document_from_record({"id": 7, "text": "A report.", "published": "2022-05-07T10:00:00Z"}, "api")
    assert (document.external_id, document.published, document.origin) == ("7", date(2022, 5, 7), "api")


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "x"}, "record has no 'text' string"),
        ({"text": "ok", "published": "last Friday"}, "'published' is not an ISO date: 'last Friday'"),
        ({"text": "ok", "title": 5}, "'title' is not a string: 5"),
        (["text"], "record is a JSON list, not an object"),
    ],
)
def test_document_from_record_names_what_is_wrong(record: object, message: str) -> None:
    with pytest.raises(InputError, match=f"^{message}$".replace("(", r"\(")):
        document_from_record(record, "api")  # type: ignore[arg-type]
