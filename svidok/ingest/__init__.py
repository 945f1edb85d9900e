"""Ingest: files, folders and URLs to `Document` records, or to an `Outcome` saying why not.

One module per source format (`text`, `html`, `feed`, `jsonl`), chosen by `registry`;
`fetch` reads URLs; `decode` turns bytes into text. No database here.
"""
from __future__ import annotations

from svidok.ingest.errors import InputError
from svidok.ingest.jsonl import document_from_record
from svidok.ingest.sources import read_sources

__all__ = ["InputError", "document_from_record", "read_sources"]
