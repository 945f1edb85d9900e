"""Telegram Desktop exports: one document per post, exact offsets, media hashes, versions on re-ingest."""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from svidok.ingest import read_sources
from svidok.ingest.source import RawSource
from svidok.ingest.telegram import read_telegram
from svidok.records import Document, Outcome
from svidok.store import Store
from svidok.workflow import store_sources

TELEGRAM = Path(__file__).parent / "fixtures" / "telegram"
INITIAL = TELEGRAM / "initial"
GROWN = TELEGRAM / "grown"
PRIDNIPRO = INITIAL / "ChatExport_pridnipro"


def _read(path: Path) -> tuple[list[Document], list[Outcome]]:
    items = list(read_sources([str(path)]))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Outcome)]


def _by_origin(documents: list[Document]) -> dict[str, Document]:
    return {d.origin: d for d in documents}


def _exported_messages() -> int:
    return sum(len(json.loads((e / "result.json").read_text("utf-8"))["messages"]) for e in INITIAL.iterdir())


def test_the_fixture_export_has_60_messages_over_three_channels() -> None:
    assert len(list(INITIAL.iterdir())) == 3
    assert _exported_messages() >= 60


def test_every_message_ends_as_a_document_or_a_skip_with_its_reason() -> None:
    documents, outcomes = _read(INITIAL)
    reasons = Counter(o.reason.split(":")[0] if o.reason.startswith("service") else o.reason for o in outcomes)
    assert reasons["service message"] == 6
    assert reasons["empty message"] == 1
    assert len(documents) == 52
    # 61 messages: 52 posts (one an album of three messages), 6 service messages, 1 empty message.
    assert len(documents) + 2 + reasons["service message"] + reasons["empty message"] == _exported_messages()
    assert len({d.id for d in documents}) == len(documents)


def test_the_document_text_is_the_entities_joined_and_each_entity_sits_at_its_offset() -> None:
    documents, _ = _read(INITIAL)
    exported = {
        f"{m['id']}": m for m in json.loads((PRIDNIPRO / "result.json").read_text("utf-8"))["messages"]
    }
    post = _by_origin(documents)["telegram:pridnipro_visti/19"]
    assert post.text == "".join(e["text"] for e in exported["19"]["text_entities"])
    for entity in post.metadata["entities"]:
        assert post.text[entity["start"] : entity["end"]] == entity["text"]
    link = next(e for e in post.metadata["entities"] if e["type"] == "text_link")
    assert (link["text"], link["href"]) == ("повний текст", "https://t.me/vr_zvedennia/12")
    assert "https://t.me/vr_zvedennia/12" not in post.text
    for document in documents:
        for entity in document.metadata.get("entities", []):
            assert document.text[entity["start"] : entity["end"]] == entity["text"]


def test_a_post_has_its_channel_link_dates_author_and_origin() -> None:
    documents, _ = _read(INITIAL)
    post = _by_origin(documents)["telegram:pridnipro_visti/5"]
    assert post.url == "https://t.me/pridnipro_visti/5"
    assert (post.publisher, post.authors, str(post.published)) == ("Вісті Придніпров'я", ["Олена Коваль"], "2022-05-02")
    assert post.metadata["channel_id"] == 1573920461
    assert post.metadata["posted_at"] == "2022-05-02T15:22:19+00:00"
    assert post.external_id == "5"


def test_a_channel_without_a_signature_link_is_named_by_its_id_and_has_no_url() -> None:
    documents, _ = _read(INITIAL / "ChatExport_rozvidka")
    post = _by_origin(documents)["telegram:1690334127/7"]
    assert post.url is None
    assert post.authors == []
    assert _by_origin(documents)["telegram:1690334127/6"].authors == ["Прес-служба"]


def test_a_username_given_by_the_caller_names_the_channel() -> None:
    raw = (INITIAL / "ChatExport_rozvidka" / "result.json").read_bytes()
    source = RawSource(origin=str(INITIAL / "ChatExport_rozvidka" / "result.json"), raw=raw)
    post = next(d for d in read_telegram(source, username="vr_zvedennia") if isinstance(d, Document))
    assert post.url == "https://t.me/vr_zvedennia/2"
    assert post.origin == "telegram:vr_zvedennia/2"


def test_an_album_is_one_document_with_every_photo_and_the_missing_ones_reported() -> None:
    documents, outcomes = _read(PRIDNIPRO)
    album = _by_origin(documents)["telegram:pridnipro_visti/10"]
    assert album.metadata["message_ids"] == [10, 11, 12]
    assert album.text.startswith("Наслідки нічного обстрілу Нікополя.")
    present, *missing = album.metadata["media"]
    photo = PRIDNIPRO / "photos" / "photo_1@04-05-2022_11-20-07.jpg"
    assert present["sha256"] == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert [m["message_id"] for m in missing] == [11, 12] and all("missing" in m for m in missing)
    reported = [o for o in outcomes if o.subject == "telegram:pridnipro_visti/10"]
    assert [o.status for o in reported] == ["skipped", "skipped"]
    assert "message 11" in reported[0].reason and "File not included" in reported[0].reason
    assert not any(d.origin.endswith(("/11", "/12")) for d in documents)


def test_a_media_file_named_but_absent_from_the_folder_is_reported_and_the_post_kept() -> None:
    documents, outcomes = _read(PRIDNIPRO)
    post = _by_origin(documents)["telegram:pridnipro_visti/18"]
    assert post.text == "Відео з місця удару: https://t.me/pridnipro_visti/17"
    (outcome,) = [o for o in outcomes if o.subject == "telegram:pridnipro_visti/18"]
    assert "photos/photo_2@05-05-2022_21-30-01.jpg" in outcome.reason


def test_media_files_of_an_export_are_not_read_as_documents_of_their_own() -> None:
    documents, outcomes = _read(INITIAL)
    assert all(d.origin.startswith("telegram:") for d in documents)
    assert all(o.subject.startswith("telegram:") for o in outcomes)
    memo = _by_origin(documents)["telegram:pridnipro_visti/15"]
    (attached,) = memo.metadata["media"]
    text_file = PRIDNIPRO / "files" / "pamiatka_obstril.txt"
    assert attached["sha256"] == hashlib.sha256(text_file.read_bytes()).hexdigest()


def test_a_forward_records_the_channel_it_came_from() -> None:
    documents, _ = _read(INITIAL)
    forward = _by_origin(documents)["telegram:pridnipro_visti/7"]
    original = _by_origin(documents)["telegram:1690334127/7"]
    assert forward.metadata["forwarded_from"] == original.publisher == "Воєнна розвідка | Зведення"
    assert forward.text == original.text
    assert "forwarded_from" not in original.metadata


def test_reading_a_file_that_is_not_a_telegram_export_fails_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "result.json").write_text('{"messages": [1, 2', encoding="utf-8")
    (outcome,) = read_sources([str(tmp_path / "result.json")])
    assert outcome.status == "failed" and "not a Telegram export" in outcome.reason


@pytest.fixture
def store(sqlite_url: str) -> Iterator[Store]:
    opened = Store.open(sqlite_url)
    yield opened
    opened.close()


def test_documents_keep_their_telegram_metadata_in_the_store(store: Store) -> None:
    store_sources(store, [str(PRIDNIPRO)], progress=False)
    stored = {d.origin: d for d in store.iter_documents()}
    album = stored["telegram:pridnipro_visti/10"]
    assert album.metadata["message_ids"] == [10, 11, 12]
    assert album.metadata["media"][0]["sha256"]


def test_reingesting_the_grown_export_stores_only_new_posts_and_the_edit_as_a_new_version(store: Store) -> None:
    first = store_sources(store, [str(INITIAL)], progress=False)
    assert Counter(o.status for o in first)["stored"] == 52
    second = store_sources(store, [str(GROWN)], progress=False)
    stored = sorted(o.subject for o in second if o.status == "stored")
    assert stored == [
        "telegram:pridnipro_visti/14",
        "telegram:pridnipro_visti/23",
        "telegram:pridnipro_visti/24",
        "telegram:pridnipro_visti/25",
    ]
    assert Counter(o.status for o in second)["duplicate"] == 16
    versions = [d for d in store.iter_documents() if d.origin == "telegram:pridnipro_visti/14"]
    assert len(versions) == 2
    old, new = sorted(versions, key=lambda d: "edited_at" in d.metadata)
    assert "двох жінок" in old.text and "трьох жінок" in new.text
    assert new.metadata["version_of"] == "telegram:pridnipro_visti/14"
    assert new.metadata["edited_at"] == "2022-05-08T07:12:00+00:00"


def test_a_post_cut_inside_an_emoji_is_read_with_a_replacement_character() -> None:
    export = b'{"name": "Front news", "type": "public_channel", "id": 77, "messages": [{"id": 5, "type": "message", "date": "2024-03-01T08:00:00", "text": "Shelling of Kherson overnight \\ud83d"}]}'
    (document,) = [d for d in read_telegram(RawSource("result.json", export)) if isinstance(d, Document)]
    assert document.text.endswith("overnight \ufffd")
