"""Who stands behind each claim, and which documents are copies of one another.

Repetition is not corroboration: one statement reprinted by ten outlets is ten sources
but one claimant, and a wire story syndicated verbatim speaks with one voice.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from svidok.records import Claim, Document


@dataclass(frozen=True)
class Attribution:
    name: str
    kind: str


class DisjointSets:
    """Union-find over string keys; groups come out in a deterministic order."""

    def __init__(self, keys: Iterable[str]) -> None:
        self._parent = {key: key for key in keys}

    def find(self, key: str) -> str:
        root = key
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[key] != root:  # path compression keeps long chains cheap
            self._parent[key], key = root, self._parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            # The smaller key becomes the root so results do not depend on input order.
            low, high = sorted((root_a, root_b))
            self._parent[high] = low

    def groups(self) -> list[list[str]]:
        members: dict[str, list[str]] = {}
        for key in sorted(self._parent):
            members.setdefault(self.find(key), []).append(key)
        return sorted(members.values())


def _first_published(document: Document) -> tuple[date, str]:
    return (document.published or date.max, document.id)


def copy_representatives(
    document_ids: list[str],
    documents: Mapping[str, Document],
    is_copy: Callable[[Document, Document], bool],
) -> dict[str, Document]:
    """Each document mapped to the first-published document of its group of copies."""
    sets = DisjointSets(document_ids)
    for i, a in enumerate(document_ids):
        for b in document_ids[i + 1 :]:
            if is_copy(documents[a], documents[b]):
                sets.union(a, b)
    representatives: dict[str, Document] = {}
    for group in sets.groups():
        first = min((documents[d] for d in group), key=_first_published)
        representatives.update({d: first for d in group})
    return representatives


def attribute(claim: Claim, representative: Document) -> Attribution:
    """The canonical claimant, or the outlet that published the claim on its own authority.

    A claim with no claimant rests on the document itself; copies of one document are
    attributed to the first of them so they count once. A forwarded post (a Telegram
    forward) speaks with the voice of the channel it was forwarded from, whether or not
    that channel's original is among the documents.
    """
    if claim.claimant is not None:
        return Attribution(claim.claimant.name, claim.claimant.kind)
    forwarded_from = representative.metadata.get("forwarded_from")
    return Attribution(forwarded_from or representative.publisher or representative.origin, "media")


# Claimant kinds that name no institution: a witness or an unknown speaker counts as an
# independent voice only when the text names them ("Olena Petrenko"), not "residents".
_ANONYMOUS_KINDS = {"witness", "unknown"}


def is_identifiable(attribution: Attribution) -> bool:
    """Whether a claimant is someone an analyst could go back to: an institution, an outlet,
    or a person or group named with a proper name."""
    if attribution.kind not in _ANONYMOUS_KINDS:
        return True
    capitalised = [word for word in attribution.name.split() if word[:1].isupper()]
    return len(capitalised) >= 2
