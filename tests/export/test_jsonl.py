from __future__ import annotations

import io
import json

import pytest
from export_records import DOCUMENT, PASSPORTS, SHELLING

from svidok.export.jsonl import write_claims_jsonl


def test_each_claim_is_one_line_with_spec_fields_and_document_metadata():
    stream = io.StringIO()

    written = write_claims_jsonl([SHELLING, PASSPORTS], {DOCUMENT.id: DOCUMENT}.get, stream)

    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert written == 2 and len(lines) == 2
    assert lines[0]["type"] == "attack_on_civilians"
    assert lines[0]["places"][0]["geonameid"] == 706483
    assert lines[0]["document"] == {
        "title": "+Shelling of Saltivka",
        "url": "https://suspilne.example/news/1",
        "publisher": "@Suspilne",
        "published": "2022-05-07",
        "sha256": DOCUMENT.sha256,
    }


def test_a_claim_whose_document_is_missing_is_an_error_naming_the_claim():
    with pytest.raises(LookupError, match="claim-1"):
        write_claims_jsonl([SHELLING], {}.get, io.StringIO())
