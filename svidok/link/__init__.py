"""Linking: claims from many documents about one event become one incident."""
from __future__ import annotations

from svidok.link.incidents import link_claims
from svidok.link.settings import LinkSettings

__all__ = ["LinkSettings", "link_claims"]
