"""From the words that name a source to a canonical claimant.

Two kinds of mention resolve here besides the actors' aliases: a speaker-only name ("...,
Kiev says": the government, though "Kiev" in running text is a place), and a speaker named
only by its function ("- command", "says militia spokesman"), which speaks for the one party
the sentence names other than as the attacker, or for the party the mention itself names
("Ukraine official", "Russia's human rights ombudsman"). The readers ask `names_a_speaker` whether a
headline's trailing words ("... - DPR people’s militia", "... - Slavyansk") name a source. All of it is knowledge in
`knowledge/data/actors.toml` ([speakers], [organs]); nothing is named that the text does not name.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from svidok.extract.actors import find_actors
from svidok.extract.lexicon import Lexicon
from svidok.extract.numbers import number_value
from svidok.extract.romanise import romanise
from svidok.knowledge import actors_by_name, read_data_file
from svidok.records import Actor, Span

_LEADING_DETERMINER = re.compile(r"^(the|a|an|its|their)\s+", re.IGNORECASE)
# Wire-service slugs before a headline ("UPDATE 2-", "WRAPUP 1-") are not part of any name.
_WIRE_PREFIX = re.compile(r"^(?:UPDATE|WRAPUP|REFILE|CORRECTED|EXCLUSIVE|RPT)(?:\s*\d+)?\s*-\s*")


@dataclass(frozen=True)
class Party:
    """A side of the conflict that a function word ("command") can speak for."""

    name: str
    actors: frozenset[str]
    words: re.Pattern[str] | None
    default: str
    bodies: tuple[tuple[re.Pattern[str], str], ...]
    # The party's words or speaker-only names ("Kiev") opening a mention, before its function.
    leading: re.Pattern[str]

    def body_for(self, organ: str) -> str:
        return next((body for pattern, body in self.bodies if pattern.search(organ)), self.default)


@dataclass(frozen=True)
class Organs:
    words: frozenset[str]
    parties: tuple[Party, ...]
    attacker_after: re.Pattern[str]
    attacker_before: re.Pattern[str]


@lru_cache(maxsize=1)
def speaker_names() -> dict[str, str]:
    """Speaker-only names ("Kiev") -> canonical actor, from actors.toml [speakers]."""
    speakers = read_data_file("actors.toml").get("speakers", {})
    _require_actors("speakers", speakers.values())
    return {name.casefold(): actor for name, actor in speakers.items()}


@lru_cache(maxsize=1)
def load_organs() -> Organs:
    """The function words and parties of actors.toml [organs]."""
    data = read_data_file("actors.toml")["organs"]
    forces = _alternatives(data["forces"])
    parties = []
    for entry in data["parties"]:
        bodies = tuple((re.compile(pattern, re.IGNORECASE), body) for pattern, body in entry["bodies"])
        _require_actors(f"organs.parties {entry['name']}", [*entry["actors"], entry["default"], *(b for _, b in bodies)])
        actors = frozenset(entry["actors"]) | {entry["default"]}
        speakers = [name for name, actor in read_data_file("actors.toml").get("speakers", {}).items() if actor in actors]
        words = [rf"(?:{_alternatives(entry['words'])})(?![\w-])"] if entry["words"] else []
        if entry.get("before_forces"):
            words.append(rf"(?:{_alternatives(entry['before_forces'])})(?=\s+(?:{forces})\b)")
        parties.append(
            Party(
                name=entry["name"],
                actors=frozenset(entry["actors"]),
                words=re.compile(rf"(?<![\w-])(?:{'|'.join(words)})", re.IGNORECASE) if words else None,
                default=entry["default"],
                bodies=bodies,
                leading=re.compile(rf"^(?:{_alternatives([*entry['words'], *speakers])})\s+", re.IGNORECASE),
            )
        )
    return Organs(
        words=frozenset(word.casefold() for word in data["words"]),
        parties=tuple(parties),
        attacker_after=re.compile(data["attacker"]["after"], re.IGNORECASE),
        attacker_before=re.compile(data["attacker"]["before"], re.IGNORECASE),
    )


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _require_actors(section: str, names: Iterable[str]) -> None:
    unknown = sorted(set(names) - actors_by_name().keys())
    if unknown:
        raise ValueError(f"actors.toml [{section}]: unknown actor(s) {unknown}")


def bare_mention(text: str) -> str:
    """The mention without a wire slug, a leading determiner or trailing punctuation."""
    text = _WIRE_PREFIX.sub("", text.strip())
    return _LEADING_DETERMINER.sub("", text).strip(" ,.;:'\"’")


def claimant_from_mention(text: str, start: int, lexicon: Lexicon) -> Actor:
    """The claimant named by `text`, found at document offset `start`."""
    span = Span(start, start + len(text), text)
    bare = bare_mention(text)
    known = known_speaker(bare)
    if known is not None:
        return Actor(name=known, mention=text, kind=actors_by_name()[known].kind, span=span)
    name = romanise(bare or text, lexicon.language)
    return Actor(name=name, mention=text, kind=claimant_kind(text, lexicon), span=span)


def claimant_kind(mention: str, lexicon: Lexicon) -> str:
    for kind, patterns in lexicon.claimant_kinds:
        if any(p.search(mention) for p in patterns):
            return kind
    return "unknown"


def known_speaker(bare: str) -> str | None:
    """The canonical actor a bare mention names as a speaker: a known body (not a civilian
    group), or a speaker-only name ("Kiev"); None where svidok knows neither."""
    known = [a for a in find_actors(bare) if a.entry.role != "civilians"]
    # The most specific named body wins: "NGO ZMINA project coordinator X" speaks for ZMINA.
    longest = max(known, key=lambda a: len(a.text), default=None)
    if longest is not None and (longest.start, longest.end) == (0, len(bare)):
        return longest.entry.name
    # A party and a function ("Russia's human rights ombudsman") is that party's organ, even
    # where the function alone is an alias of another side's body.
    organ = party_organ(bare)
    if organ is not None:
        return organ
    if longest is not None:
        return longest.entry.name
    return speaker_names().get(bare.casefold())


def party_organ(bare: str) -> str | None:
    """The body a mention made of a party's name and function words speaks for ("Ukraine
    official", "pro-Kiev officials", "Kiev military source"); None for any other mention."""
    for party in load_organs().parties:
        opening = party.leading.match(bare)
        if opening is not None and is_organ(bare[opening.end() :]):
            return party.body_for(bare[opening.end() :])
    return None


def names_a_speaker(words: str, lexicon: Lexicon, *, known_only: bool = False) -> bool:
    """Whether `words` name someone who can speak; `known_only` admits only bodies svidok knows."""
    bare = bare_mention(words)
    if known_speaker(bare) is not None:
        return True
    return not known_only and (is_organ(bare) or claimant_kind(bare, lexicon) != "unknown")


def is_organ(mention: str) -> bool:
    """Whether a mention names a speaker only by its function ("operations command")."""
    words = bare_mention(mention).casefold().replace("’", "'").split()
    return bool(words) and all(word in load_organs().words for word in words)


def resolve_organ(claimant: Actor, sentence: str, sentence_start: int) -> Actor:
    """A function word ("command") resolved to the body of the one party the sentence names
    other than as the attacker; the claimant unchanged where there is not exactly one."""
    if is_canonical(claimant) or not is_organ(claimant.mention):
        return claimant
    speaker = claimant.span
    parties = _named_parties(sentence, sentence_start, speaker)
    if len(parties) != 1:
        return claimant
    body = parties[0].body_for(bare_mention(claimant.mention))
    return Actor(name=body, mention=claimant.mention, kind=actors_by_name()[body].kind, span=claimant.span)


def _named_parties(sentence: str, sentence_start: int, speaker: Span | None) -> list[Party]:
    organs = load_organs()
    by_actor = {actor: party for party in organs.parties for actor in party.actors}
    mentions: list[tuple[Party, int, int]] = [
        (by_actor[a.entry.name], a.start, a.end) for a in find_actors(sentence) if a.entry.name in by_actor
    ]
    mentions += [(party, m.start(), m.end()) for party in organs.parties if party.words for m in party.words.finditer(sentence)]
    located: dict[str, Party] = {}
    attackers: set[str] = set()
    for party, start, end in mentions:
        if speaker is not None and speaker.start <= sentence_start + start < speaker.end:
            continue
        if organs.attacker_after.match(sentence[end:]) or organs.attacker_before.search(sentence[:start]):
            attackers.add(party.name)
        else:
            located[party.name] = party
    return [party for name, party in located.items() if name not in attackers]


def resolve_anaphor(claimant: Actor, earlier: Sequence[Actor], lexicon: Lexicon) -> Actor:
    """A generic mention ("the group", "investigators") stands for the latest claimant named
    earlier in the document whose kind it can refer to; the mention and span stay its own."""
    if is_canonical(claimant):
        return claimant
    kinds = next((kinds for pattern, kinds in lexicon.anaphora if pattern.match(claimant.mention.strip())), None)
    if kinds is None:
        return claimant
    referent = next((a for a in reversed(earlier) if a.kind in kinds), None)
    if referent is None:
        return claimant
    return Actor(name=referent.name, mention=claimant.mention, kind=referent.kind, span=claimant.span)


# Case endings of a Ukrainian or Russian surname ("Лисака", "Атрошенка", "Лисаком"), cut before
# two mentions of one person are compared.
_SURNAME_ENDING = re.compile(r"(?:ові|еві|ом|ем|ою|[аеєиіїоуюяыэйь]{1,2})$")
_LONGEST_SURNAME_MENTION = 2  # words: "Lysak", "Mr Kim"


def resolve_surname(claimant: Actor, earlier: Sequence[Actor]) -> Actor:
    """A speaker named by surname alone ("..., Kim said", "За словами Лисака") is the latest
    speaker named earlier in the document whose mention held that surname ("Mykolaiv governor
    Vitaliy Kim", "Голова ОВА Сергій Лисак"); the mention and span stay its own."""
    words = bare_mention(claimant.mention).split()
    if is_canonical(claimant) or not words or len(words) > _LONGEST_SURNAME_MENTION or not words[-1][:1].isupper():
        return claimant
    surname = _surname_stem(words[-1])
    for speaker in reversed(earlier):
        if speaker.mention != claimant.mention and any(
            word[:1].isupper() and _surname_stem(word) == surname for word in speaker.mention.split()
        ):
            return Actor(name=speaker.name, mention=claimant.mention, kind=speaker.kind, span=claimant.span)
    return claimant


def _surname_stem(word: str) -> str:
    word = word.strip(",.;:'\"’»«").casefold()
    stem = _SURNAME_ENDING.sub("", word)
    return stem if len(stem) >= 3 else word


def names_a_speaker_at_all(claimant: Actor, lexicon: Lexicon) -> bool:
    """Whether a claimant the actor file lacks is a name at all: not a number ("55 described
    torture", "Eleven reported ...": people counted, not named), nor words a name never opens with."""
    if is_canonical(claimant):
        return True
    words = bare_mention(claimant.mention).split()
    if not words or lexicon.not_a_speakers_first_word.match(words[0]):
        return False
    return number_value(words[0], lexicon) is None


def is_canonical(claimant: Actor) -> bool:
    return claimant.name in actors_by_name()


def speaks_for_itself(cue: str, speaker: Actor, lexicon: Lexicon) -> bool:
    """Whether `speaker`, the subject of a reporting verb, makes the claim though the sentence
    also names a source after `cue`: "HRW said, citing survivors" is Human Rights Watch's claim
    (it vouches for what it cites), "Reuters reported, citing officials" the officials' (a
    news outlet relays)."""
    return any(p.fullmatch(cue) for p in lexicon.relaying_prepositions) and speaker.kind != "media"
