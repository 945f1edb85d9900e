"""Each bad input ends in a clear Outcome, and the good inputs of the same call still come through."""
from __future__ import annotations

import json
import time
from pathlib import Path

from svidok.ingest import document_from_record, read_sources
from svidok.ingest.jsonl import read_jsonl
from svidok.ingest.source import RawSource


def read_beside_good_inputs(bad: list[str], fixtures: Path, split) -> tuple[list, list]:
    """Read `bad` between two good sources; return (documents, outcomes)."""
    good_before, good_after = str(fixtures / "note.txt"), str(fixtures / "records.jsonl")
    documents, outcomes = split(read_sources([good_before, *bad, good_after]))
    names = [Path(d.origin.split("#")[0]).name for d in documents]
    assert [names[0], *names[-2:]] == ["note.txt", "records.jsonl", "records.jsonl"]
    return documents, outcomes


def test_an_empty_file_is_skipped_as_empty(tmp_path: Path, fixtures: Path, split) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    _, outcomes = read_beside_good_inputs([str(tmp_path / "empty.txt")], fixtures, split)
    assert [(o.subject, o.status, o.reason) for o in outcomes] == [(str(tmp_path / "empty.txt"), "skipped", "empty")]


def test_a_binary_file_is_skipped_as_not_text(tmp_path: Path, fixtures: Path, split) -> None:
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _, outcomes = read_beside_good_inputs([str(tmp_path / "photo.txt")], fixtures, split)
    assert [(o.status, o.reason) for o in outcomes] == [("skipped", "binary, not text")]


def test_a_50_mb_html_page_fails_as_too_large_without_being_read(tmp_path: Path, fixtures: Path, split) -> None:
    huge = tmp_path / "huge.html"
    paragraph = b"<p>" + b"A paragraph of a very long page about the front line. " * 20 + b"</p>\n"
    with huge.open("wb") as stream:
        stream.write(b"<html><body>")
        while stream.tell() < 50 * 1024 * 1024:
            stream.write(paragraph)
    started = time.perf_counter()
    _, outcomes = read_beside_good_inputs([str(huge)], fixtures, split)
    assert time.perf_counter() - started < 2.0
    assert [(o.status, o.reason) for o in outcomes] == [("failed", "too large: 52.4 MB > 20.0 MB limit")]


def test_invalid_utf8_fails_with_the_offending_byte(tmp_path: Path, fixtures: Path, split) -> None:
    (tmp_path / "mojibake.txt").write_bytes("Обстріл ".encode() + b"\xff\xfe rest")
    (tmp_path / "page.html").write_bytes(b"<html><body><p>caf\xe9 au lait</p></body></html>")
    _, outcomes = read_beside_good_inputs([str(tmp_path / "mojibake.txt"), str(tmp_path / "page.html")], fixtures, split)
    assert [(o.status, o.reason) for o in outcomes] == [
        ("failed", "invalid UTF-8 at byte 15"),
        ("failed", "invalid UTF-8 at byte 18"),
    ]


def test_html_bytes_invalid_in_their_declared_charset_name_that_charset(tmp_path: Path) -> None:
    page = b'<html><head><meta charset="ascii"></head><body><p>caf\xe9</p></body></html>'
    (tmp_path / "page.html").write_bytes(page)
    bad_at = page.index(b"\xe9")
    (outcome,) = read_sources([str(tmp_path / "page.html")])
    assert (outcome.status, outcome.reason) == ("failed", f"invalid ascii at byte {bad_at}")


def test_a_jsonl_line_that_is_not_json_fails_alone(tmp_path: Path, fixtures: Path, split) -> None:
    (tmp_path / "mixed.jsonl").write_bytes(
        b'{"id": "a", "text": "First report."}\n'
        b"{'id': 'b', text: oops}\n"
        b"\n"
        b'{"id": "c"}\n'
        b'{"id": "d", "text": "Fourth report."}\n'
    )
    documents, outcomes = read_beside_good_inputs([str(tmp_path / "mixed.jsonl")], fixtures, split)
    assert [d.external_id for d in documents if "mixed" in d.origin] == ["a", "d"]
    assert [(o.status, o.reason) for o in outcomes] == [
        ("failed", "line 2: not JSON: Expecting property name enclosed in double quotes at column 2"),
        ("failed", "line 4: record has no 'text' string"),
    ]


def test_a_file_that_claims_to_be_a_feed_but_is_not_fails_with_the_reason(tmp_path: Path, fixtures: Path, split) -> None:
    (tmp_path / "latest.rss").write_text("Sorry, this feed has moved. Please update your reader.")
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>https://x.example</loc></url></urlset>')
    _, outcomes = read_beside_good_inputs([str(tmp_path / "latest.rss"), str(tmp_path / "sitemap.xml")], fixtures, split)
    assert [(o.status, o.reason.split(":")[0]) for o in outcomes] == [("failed", "not a feed"), ("failed", "not a feed")]
    assert outcomes[0].reason.startswith("not a feed: syntax error")
    assert outcomes[1].reason == "not a feed: no RSS or Atom element"


def test_a_missing_path_fails_as_no_such_file(tmp_path: Path, fixtures: Path, split) -> None:
    _, outcomes = read_beside_good_inputs([str(tmp_path / "gone.txt")], fixtures, split)
    assert [(o.subject, o.status, o.reason) for o in outcomes] == [(str(tmp_path / "gone.txt"), "failed", "no such file")]


def test_bad_files_inside_a_folder_do_not_stop_the_folder(tmp_path: Path, fixtures: Path, split) -> None:
    (tmp_path / "a-empty.txt").write_bytes(b"")
    (tmp_path / "b-good.txt").write_text("Checkpoint closed near Vasylivka.")
    (tmp_path / "c-binary.txt").write_bytes(b"\x00\x01\x02")
    documents, outcomes = split(read_sources([str(tmp_path)]))
    assert [Path(d.origin).name for d in documents] == ["b-good.txt"]
    assert [(Path(o.subject).name, o.reason) for o in outcomes] == [("a-empty.txt", "empty"), ("c-binary.txt", "binary, not text")]


def test_a_lone_surrogate_escape_becomes_a_replacement_character_and_the_raw_line_keeps_it() -> None:
    line = b'{"id": "p1", "text": "Shelling hit the market \\udcff in Kherson", "title": "Cut \\ud83d"}\n'
    (document,) = list(read_jsonl(RawSource("posts.jsonl", line)))
    assert document.text == "Shelling hit the market \ufffd in Kherson"
    assert document.title == "Cut \ufffd"
    assert document.raw == line.rstrip(b"\n")


def test_a_record_with_a_lone_surrogate_keeps_it_escaped_in_its_canonical_raw() -> None:
    document = document_from_record({"text": "Shelled \udcff town", "title": "Fine"}, "api")
    assert b"\\udcff" in document.raw
    assert document.text == "Shelled \ufffd town"


def test_a_surrogate_pair_given_as_two_escapes_is_the_character_it_encodes() -> None:
    document = document_from_record(json.loads('{"text": "Rally \\ud83d\\udcaa in Kyiv"}'), "api")
    assert document.text == "Rally \U0001f4aa in Kyiv"
