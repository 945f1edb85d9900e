"""A forwarded Telegram post is a copy of the channel it came from, never a second claimant."""
from __future__ import annotations

from datetime import date, datetime, timezone

from link_records import STRIKE_TEXT, claim, document

from svidok.link import link_claims
from svidok.records import Document

ORIGINAL_CHANNEL = "Воєнна розвідка | Зведення"


def _forward(text: str, by: str, published: date = date(2022, 5, 7)) -> Document:
    return Document(
        raw=f"forward by {by}\n{text}".encode(),
        origin=f"telegram:{by}/7",
        captured_at=datetime(2022, 5, 8, tzinfo=timezone.utc),
        text=text,
        publisher=by,
        published=published,
        metadata={"source": "telegram", "forwarded_from": ORIGINAL_CHANNEL},
    )


def test_a_forward_of_a_channel_post_adds_no_independent_claimant() -> None:
    original = document(STRIKE_TEXT, ORIGINAL_CHANNEL, published=date(2022, 5, 6))
    forward = _forward(STRIKE_TEXT, "Вісті Придніпров'я")
    (incident,) = link_claims(
        [claim("c1", original), claim("c2", forward)], {d.id: d for d in (original, forward)}
    )
    assert incident.source_count == 2
    assert incident.independent_claimant_count == 1
    assert incident.claimants == [ORIGINAL_CHANNEL]
    assert incident.status == "single_source"


def test_a_forward_counts_for_its_origin_even_when_the_original_post_is_not_at_hand() -> None:
    forward = _forward(STRIKE_TEXT, "Вісті Придніпров'я")
    report = "Our correspondent in Saltivka saw rescuers pull survivors from a block hit by a missile on Friday."
    witness = document(report, "Kharkiv Today")
    (incident,) = link_claims(
        [claim("c1", forward), claim("c2", witness)], {d.id: d for d in (forward, witness)}
    )
    assert "Вісті Придніпров'я" not in incident.claimants
    assert set(incident.claimants) == {ORIGINAL_CHANNEL, "Kharkiv Today"}


def test_three_channels_forwarding_one_post_are_one_claimant() -> None:
    forwards = [_forward(STRIKE_TEXT, by) for by in ("Канал А", "Канал Б", "Канал В")]
    (incident,) = link_claims(
        [claim(f"c{i}", d) for i, d in enumerate(forwards)], {d.id: d for d in forwards}
    )
    assert incident.independent_claimant_count == 1
