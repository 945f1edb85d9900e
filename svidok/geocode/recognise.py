"""Gazetteer-driven toponym recognition over a whole document.

Statistical NER is not used: the English spaCy model labels Kherson as a PERSON, and no
Ukrainian or Russian model exists offline. Instead every capitalised word sequence is
looked up in the gazetteer's name index (longest first), region phrases ("Luhansk Oblast",
"the Donetsk, Zaporizhzhia and Kherson oblasts", "Луганської області") are read around the
oblast words, landmarks (landmarks.toml: "the Zaporizhzhia nuclear power plant", "Kherson
airport") take their words before the settlement names inside them, and obvious non-places (stoplisted words, names after a person's title or
given name) are dropped. Namesakes are then resolved with the regions the text names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from svidok.geocode.gazetteer import (
    Area,
    District,
    Entry,
    Gazetteer,
    Landmark,
    NameMatch,
    Region,
    Settlement,
)
from svidok.geocode.names import is_cyrillic, name_key, nominative_guesses
from svidok.geocode.resolve import (
    Anchor,
    admin1_of,
    anchor_of,
    context_weights,
    published_date,
    rank_matches,
    regions_denoted,
    to_place,
)
from svidok.records import Place, Span

_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ\-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n«»\"“”(\[]\s*)$")
# A name inflected in Cyrillic: how much less telling than the name as written.
INFLECTED_QUALITY = 0.85
# A landmark named in full: its name is its own, but its point stands for a whole site.
LANDMARK_SCORE = 0.95
# A mention resolved at least this surely lends its region to the other mentions' namesakes.
CONFIDENT_SCORE = 0.8


@dataclass(frozen=True)
class Token:
    index: int
    start: int
    end: int
    text: str
    key: str
    sentence_initial: bool

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names gazetteer entries, before namesakes are resolved."""

    start: int
    end: int
    matches: tuple[NameMatch, ...]


def tokenize(text: str) -> list[Token]:
    tokens = []
    for index, m in enumerate(_WORD.finditer(text)):
        before = text[max(0, m.start() - 3): m.start()]
        initial = m.start() == 0 or bool(_SENTENCE_END.search(before))
        tokens.append(Token(index, m.start(), m.end(), m.group(), name_key(m.group()), initial))
    return tokens


def _joined_by_space(text: str, left: Token, right: Token) -> bool:
    return text[left.end:right.start] == " "


def _region_stem_before(text: str, tokens: list[Token], end: int, gaz: Gazetteer) -> tuple[int, Region | Area] | None:
    """(first token index, region) of a region stem made of tokens ending at index `end`."""
    for first in range(end, max(-1, end - 3), -1):
        words = tokens[first: end + 1]
        if any(not _joined_by_space(text, a, b) for a, b in zip(words, words[1:])):
            break
        if not words[0].capitalised:
            continue
        region = gaz.region_for_stem(" ".join(t.key for t in words))
        if region is not None:
            return first, region
    return None


def _list_item_before(text: str, tokens: list[Token], first: int, gaz: Gazetteer, commas: bool = True) -> int | None:
    """Index of the last token of the list item before token `first`, if a list goes on;
    with `commas` False only a joiner word continues it ("Donetsk and Luhansk oblast")."""
    if first == 0:
        return None
    previous = tokens[first - 1]
    gap = text[previous.end: tokens[first].start]
    if gap.strip() == "," and commas:
        return first - 1
    if gap.strip() == "" and previous.key in gaz.phrases.list_joiners and first >= 2:
        before_joiner = text[tokens[first - 2].end: previous.start].strip()
        if before_joiner in ("", ","):
            return first - 2
    return None


def find_region_phrases(text: str, tokens: list[Token], gaz: Gazetteer) -> list[tuple[int, int, Region | Area, int]]:
    """(first token, last token, region, end offset) of each region stem before an oblast word.

    The stem next to the oblast word takes the word into its span ("Luhansk Oblast"); the
    other items of a plural list get their own spans ("Donetsk", "Zaporizhzhia", "Kherson oblasts").
    A singular oblast word after two stems joined by "and" is read as a plural too ("Donetsk
    and Luhansk oblast", "Донецька та Луганська область"), but not after a comma, where
    "Kharkiv, Kherson region" more often names a city and then a region.
    """
    found = []
    for word in tokens[1:]:
        plural = word.key in gaz.phrases.plural_region_words
        if not (plural or word.key in gaz.phrases.region_words):
            continue
        if not _joined_by_space(text, tokens[word.index - 1], word):
            continue
        stem = _region_stem_before(text, tokens, word.index - 1, gaz)
        last, end = word.index, word.end
        while stem is not None:
            first, region = stem
            found.append((first, last, region, end))
            previous_item = _list_item_before(text, tokens, first, gaz, commas=plural)
            if previous_item is None:
                break
            last, end = previous_item, tokens[previous_item].end
            stem = _region_stem_before(text, tokens, last, gaz)
    return found


def word_forms(tokens: list[Token]) -> frozenset[str]:
    """Keys of the words of a text and, for Cyrillic words, their possible nominatives
    ("Харкова" -> "харків"): the places a district phrase may belong to."""
    forms = {t.key for t in tokens}
    forms.update(guess for t in tokens if is_cyrillic(t.text) for guess in nominative_guesses(t.key))
    return frozenset(forms)


def find_district_phrases(text: str, tokens: list[Token], gaz: Gazetteer) -> list[tuple[int, int, District]]:
    """(first token, last token, district) of each raion or city-district stem before a
    district word ("Bakhmut district", "Бахмутського району", "Saltivskyi district of
    Kharkiv"); among namesakes, a district of a city the text names, else the first listed."""
    found = []
    named: frozenset[str] | None = None
    for word in tokens[1:]:
        if word.key not in gaz.phrases.district_words or not _joined_by_space(text, tokens[word.index - 1], word):
            continue
        for first in range(word.index - 1, max(-1, word.index - 4), -1):
            stem = tokens[first: word.index]
            if any(not _joined_by_space(text, a, b) for a, b in zip(stem, stem[1:])):
                break
            if not stem[0].capitalised:
                continue
            named = word_forms(tokens) if named is None else named
            districts = gaz.districts_for_stem(" ".join(t.key for t in stem), named)
            if districts:
                found.append((first, word.index, districts[0]))
                break
    return found


# The endings of a hromada's adjective in the cases of "громада" / "община" ("Марганецькій",
# "Пустомитівської", "Никопольской"), and the nominatives the gazetteer indexes it by.
_FEMININE_ADJECTIVE_ENDING = re.compile(r"(?:ій|ої|ою|у|а|ой|ую|ая)$")
_FEMININE_NOMINATIVES = ("а", "ая")


def find_hromada_phrases(text: str, tokens: list[Token], gaz: Gazetteer) -> list[tuple[int, int, Entry]]:
    """(first token, last token, centre settlement) of each hromada's adjective before a hromada
    word ("Марганецькій громаді"): a hromada is reported at its centre, at district precision.
    A name shared by hromadas around different centres is left to the other readers."""
    found = []
    for word in tokens[1:]:
        adjective = tokens[word.index - 1]
        if word.key not in gaz.phrases.hromada_words or not adjective.capitalised:
            continue
        if not _joined_by_space(text, adjective, word):
            continue
        stem = _FEMININE_ADJECTIVE_ENDING.sub("", adjective.key)
        centres = next((c for ending in _FEMININE_NOMINATIVES if (c := gaz.hromada_centres(stem + ending))), [])
        entries = {id(m.entry): m.entry for m in centres}
        if len(entries) == 1:
            found.append((adjective.index, word.index, centres[0].entry))
    return found


def find_landmark_phrases(text: str, tokens: list[Token], gaz: Gazetteer,
                          taken: set[int]) -> list[tuple[int, int, Landmark]]:
    """(first token, last token, landmark) of each landmark name among tokens not `taken`
    ("the Zaporizhzhia nuclear power plant", "Kherson airport", "острів Зміїний"), longest
    first. A name needs a capitalised word ("black sea" in a recipe is no sea), and a landmark
    never takes words that are exactly a settlement's name (a village "Kinburn" stays one)."""
    keys = [t.key for t in tokens]
    found = []
    i = 0
    while i < len(tokens):
        named = None if i in taken else gaz.landmarks.named_at(keys, i)
        if named is None:
            i += 1
            continue
        landmark, size = named
        words = tokens[i: i + size]
        if (taken.isdisjoint(range(i, i + size)) and any(w.capitalised for w in words)
                and all(_joined_by_space(text, a, b) for a, b in zip(words, words[1:]))
                and not gaz.is_name(" ".join(keys[i: i + size]))):
            found.append((i, i + size - 1, landmark))
            i += size
        else:
            i += 1
    return found


def _looks_like_person(text: str, tokens: list[Token], first: int, gaz: Gazetteer, taken: set[int]) -> bool:
    """True where the name follows a title or a capitalised given name ("Nadia Dobrianska")."""
    if first == 0 or is_cyrillic(tokens[first].text):
        return False
    previous = tokens[first - 1]
    if not _joined_by_space(text, previous, tokens[first]) or previous.index in taken:
        return False
    if previous.key in gaz.phrases.person_titles:
        return True
    return (
        previous.capitalised
        and not previous.sentence_initial
        and "-" not in previous.text
        and previous.key not in gaz.phrases.place_modifiers
    )


def _allowed_shape(words: list[Token], gaz: Gazetteer) -> bool:
    """Latin names must be capitalised; Cyrillic ones too (lower-case words are common nouns)."""
    if not words[0].capitalised:
        return False
    return all(w.capitalised or w.key in gaz.phrases.name_connectors for w in words[1:])


def _lookup_words(words: list[Token], gaz: Gazetteer) -> tuple[int, list[NameMatch]]:
    """(end offset, matches) for the word sequence, trying "Kharkiv's" as "Kharkiv" too."""
    key = " ".join(w.key for w in words)
    matches = gaz.lookup(key)
    last = words[-1]
    if not matches and _POSSESSIVE.search(last.text):
        trimmed = name_key(last.text[:-2])
        return last.end - 2, gaz.lookup(" ".join([w.key for w in words[:-1]] + [trimmed]))
    return last.end, matches


def _inflected_matches(word: Token, gaz: Gazetteer) -> list[NameMatch]:
    """Matches for a Cyrillic word in a case form ("Бахмутом" -> Bakhmut)."""
    matches = []
    for guess in nominative_guesses(word.key):
        matches.extend(NameMatch(m.entry, m.quality * INFLECTED_QUALITY) for m in gaz.lookup(guess))
    return matches


def _is_acronym_of_settlement(words: list[Token], matches: list[NameMatch]) -> bool:
    """All-caps words ("DOK", "UN") only name regions ("LPR"), never settlements."""
    return len(words) == 1 and words[0].text.isupper() and all(isinstance(m.entry, Settlement) for m in matches)


def _names_government(text: str, tokens: list[Token], first: int, last: int, matches: list[NameMatch], gaz: Gazetteer) -> bool:
    """True where the capital's name stands for the government ("Kiev says", "...: Kiev")."""
    if not any(isinstance(m.entry, Settlement) and m.entry.feature_code == "PPLC" for m in matches):
        return False
    if text[: tokens[first].start].rstrip().endswith(":"):
        return True
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    return following is not None and following.key in gaz.phrases.government_words


def find_name_mentions(text: str, tokens: list[Token], gaz: Gazetteer, taken: set[int]) -> list[Mention]:
    """Longest gazetteer names among tokens not already `taken` by region phrases."""
    mentions = []
    i = 0
    while i < len(tokens):
        mention = _mention_at(text, tokens, i, gaz, taken)
        if mention is None:
            i += 1
            continue
        mentions.append(mention[0])
        taken.update(range(i, mention[1] + 1))
        i = mention[1] + 1
    return mentions


def _mention_at(text: str, tokens: list[Token], i: int, gaz: Gazetteer, taken: set[int]) -> tuple[Mention, int] | None:
    """The longest mention starting at token `i`, with its last token index."""
    if i in taken or not tokens[i].capitalised:
        return None
    for n in range(min(gaz.max_name_words, len(tokens) - i), 0, -1):
        words = tokens[i: i + n]
        if any(w.index in taken for w in words) or not _allowed_shape(words, gaz):
            continue
        if any(not _joined_by_space(text, a, b) for a, b in zip(words, words[1:])):
            continue
        end, matches = _lookup_words(words, gaz)
        if not matches and n == 1 and is_cyrillic(words[0].text) and not words[0].sentence_initial:
            matches = _inflected_matches(words[0], gaz)
        if not matches or _is_acronym_of_settlement(words, matches):
            continue
        only_settlements = all(isinstance(m.entry, Settlement) for m in matches)
        if only_settlements and n == 1 and words[0].key in gaz.phrases.stoplist:
            continue
        if only_settlements and _looks_like_person(text, tokens, i, gaz, taken):
            return None
        if _names_government(text, tokens, i, i + n - 1, matches, gaz):
            return None
        if only_settlements:
            # The same name in the other language or romanisation: "Peski" is also every Pisky.
            matches = matches + gaz.spelling_namesakes(name_key(text[words[0].start: end]))
        return Mention(words[0].start, end, tuple(matches)), i + n - 1
    return None


def find_places(text: str, gaz: Gazetteer, *, published: date | str | None = None) -> list[Place]:
    """Every place named in `text`, resolved, with exact spans, in text order.

    Region phrases come first (so "Luhansk region" is the oblast, not the city), then names.
    A settlement inside a region also mentioned is returned as well as the region.
    `published` (the document's date) picks the era prior among namesakes (eras.toml).
    """
    prior = gaz.era_prior(published_date(published))
    tokens = tokenize(text)
    places: list[Place] = []
    taken: set[int] = set()
    named_regions: set[str] = set()
    for first, last, region, end in find_region_phrases(text, tokens, gaz):
        start = tokens[first].start
        places.append(to_place(region, gaz, text[start:end], Span(start, end, text[start:end]), 1.0))
        taken.update(range(first, last + 1))
        named_regions |= regions_denoted(region)
    for first, last, district in find_district_phrases(text, tokens, gaz):
        if taken.isdisjoint(range(first, last + 1)):
            start, end = tokens[first].start, tokens[last].end
            places.append(to_place(district, gaz, text[start:end], Span(start, end, text[start:end]), 1.0))
            taken.update(range(first, last + 1))
    for first, last, centre in find_hromada_phrases(text, tokens, gaz):
        if taken.isdisjoint(range(first, last + 1)):
            start, end = tokens[first].start, tokens[last].end
            place = to_place(centre, gaz, text[start:end], Span(start, end, text[start:end]), 1.0)
            places.append(replace(place, precision="district"))
            taken.update(range(first, last + 1))
    for first, last, landmark in find_landmark_phrases(text, tokens, gaz, taken):
        start, end = tokens[first].start, tokens[last].end
        places.append(to_place(landmark, gaz, text[start:end], Span(start, end, text[start:end]), LANDMARK_SCORE))
        taken.update(range(first, last + 1))
    mentions = find_name_mentions(text, tokens, gaz, taken)
    for mention in mentions:
        named_regions.update(code for m in mention.matches for code in regions_denoted(m.entry))
    named_regions = gaz.with_enclosed(named_regions)
    first_pass = [rank_matches(m.matches, context_weights(named_regions), prior)[0] for m in mentions]
    confident = [best.entry if score >= CONFIDENT_SCORE else None for best, score in first_pass]
    # Named districts and landmarks (a plant, an airfield) pull namesakes towards them too.
    district_anchors = [a for p in places if p.precision != "region" and (a := anchor_of(p)) is not None]
    for index, mention in enumerate(mentions):
        others = [entry for other, entry in enumerate(confident) if entry is not None and other != index]
        weights = context_weights(named_regions, [code for e in others if (code := admin1_of(e))])
        best, score = rank_matches(mention.matches, weights, prior, _anchors(mention, others, district_anchors))[0]
        span = Span(mention.start, mention.end, text[mention.start: mention.end])
        places.append(to_place(best.entry, gaz, span.text, span, score))
    return sorted(places, key=lambda p: p.span.start if p.span else 0)


def _anchors(mention: Mention, others: list[Entry], district_anchors: list[Anchor]) -> list[Anchor]:
    """Points of the document's other confidently resolved places and named districts, which
    pull a namesake of `mention` towards them ("Novoselivka" in a text about Avdiivka). Only
    computed where the mention has namesakes to choose among; the mention's own namesakes,
    named again elsewhere, are left out: they would only confirm the prior."""
    candidates = {id(m.entry) for m in mention.matches}
    if len(candidates) < 2:
        return []
    found = [a for e in others if id(e) not in candidates and isinstance(e, (Settlement, District))
             and (a := anchor_of(e)) is not None]
    # A place named five times is one anchor: only the nearest anchor counts, so repeats add
    # nothing but distance computations for every namesake.
    return list(dict.fromkeys(found + district_anchors))
