"""Whom a strike hit: an armed force's equipment and positions, or civilians and their objects.

SPEC's `attack_on_civilians` is a strike *hitting civilians or civilian objects*. The words
its patterns and the type models key on ("struck", "shelling", "hit by AT fire") say nothing
of the target, so "A moving BMP was struck by an ATGM" and "Russians shelling Ukrainian
positions" read as attacks on civilians, and would carry the legal references of one. Where a
sentence names a military target (equipment, positions, depots, airfields) and no civilian
person or object, its strike is that force's loss (`military_losses`, which ACLED codes by its
means as the strike was: a drone, shelling, a mine). A civilian word anywhere keeps the attack
on civilians: "tank and community gym destroyed" is harm to a civilian object whatever else
was hit.

The dead of a strike are its toll, counted in the strike's `fatalities`: "a missile hit the
dormitory, killing five" is one attack on civilians, not also a `killing`, which the taxonomy
keeps for killings of people in a force's power (executions, murders, mass graves) and whose
legal references (wilful killing) are not an attack's. A sentence naming such a killing beside
a strike keeps both. The toll told in the sentence after the strike ("Seven civilians were
killed.") is the strike's too: the pipeline adds it to the strike's claim.
"""
from __future__ import annotations

import re
from dataclasses import replace

from svidok.extract.lexicon import StrikeTargets
from svidok.extract.triggers import Trigger

STRIKE_TYPE = "attack_on_civilians"
MILITARY_TARGET_TYPE = "military_losses"
KILLING_TYPE = "killing"

Span = tuple[int, int]


def _spans(patterns: tuple[re.Pattern[str], ...], text: str) -> list[Span]:
    return [m.span() for p in patterns for m in p.finditer(text)]


def _inside(span: Span, others: list[Span]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in others)


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def military_target_only(text: str, targets: StrikeTargets) -> bool:
    """True where `text` names a military target (not only as the attacker) and no civilian
    person or object; a civilian word inside a military name ("military infrastructure",
    "pontoon bridge") is part of that name."""
    attackers = _spans(targets.attackers, text)
    military = [s for s in _spans(targets.military, text) if not _inside(s, attackers)]
    if not military:
        return False
    return not any(not _overlaps(s, military) for s in _spans(targets.civilian, text))


def retarget_strikes(text: str, typed: list[Trigger], p: dict[str, float], targets: StrikeTargets) -> list[Trigger]:
    """`typed` with a strike on a military target (see the module) typed `MILITARY_TARGET_TYPE`,
    with that type's model probability `p`, or dropped where the sentence already reports it."""
    if not any(t.type == STRIKE_TYPE for t in typed) or not military_target_only(text, targets):
        return typed
    kept = [t for t in typed if t.type != STRIKE_TYPE]
    if any(t.type == MILITARY_TARGET_TYPE for t in kept):
        return kept
    strike = next(t for t in typed if t.type == STRIKE_TYPE)
    retyped = replace(strike, type=MILITARY_TARGET_TYPE, probability=p.get(MILITARY_TARGET_TYPE) if p else None)
    return sorted([*kept, retyped], key=lambda t: t.start)


def without_strike_toll(typed: list[Trigger], targets: StrikeTargets) -> list[Trigger]:
    """`typed` without a killing that is only the toll of the strike the sentence reports
    (see the module): its trigger names no deliberate killing."""
    if not any(t.type == STRIKE_TYPE for t in typed):
        return typed
    return [t for t in typed if t.type != KILLING_TYPE or names_a_deliberate_killing(t.text, targets)]


def names_a_deliberate_killing(text: str, targets: StrikeTargets) -> bool:
    """Whether `text` has words of a killing of its own ("executed", "розстріляли"), not only
    of death ("were killed", "загинули"), which beside a strike tell its toll."""
    return any(p.search(text) for p in targets.deliberate_killing)
