"""Normalised name keys and Cyrillic case-form reduction, shared by the index and the recogniser.

Case forms: a Ukrainian or Russian place name in running text is usually inflected
("у Сорокиному", "під Бахмутом", "в Харкові"). Full morphology (pymorphy3 with both
dictionaries, or simplemma's tables) would add tens of megabytes and a non-commercial
licence (pymorphy3-dicts-uk) for a problem that the gazetteer itself bounds: we only need
the nominative forms that exist in the index. So `nominative_guesses` strips the common case
endings, undoes the Ukrainian і/о/е alternation (Харків -> Харкові) and re-appends the usual
nominative endings; the caller keeps only guesses that are index keys.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

_APOSTROPHES = str.maketrans("", "", "'’ʼ`´‘\"")
_SEPARATORS = re.compile(r"[\s\-‐‑–—.]+")
# Combining marks (accents) that follow an ASCII letter once a name is decomposed (NFD).
_MARKS_ON_LATIN = re.compile(r"(?<=[\x00-\x7f])[\u0300-\u036f]+")

# Case endings of nouns and adjectives, longest first so that "ому" is tried before "у".
_CASE_ENDINGS = (
    "ами", "ями", "ому", "ого", "ими", "ыми", "ах", "ях", "ом", "ем", "ою", "ею", "ей",
    "ой", "ій", "ий", "ый", "ої", "еї", "ую", "юю", "ої", "у", "ю", "і", "ї", "и", "ы",
    "е", "а", "я", "ь",
)
_NOMINATIVE_ENDINGS = ("", "а", "я", "о", "е", "и", "і", "ь", "ий", "ій", "ое", "е", "ове", "еве")
# Endings of adjectives in "Луганська область" / "Луганской области": reduced to a shared root.
_ADJECTIVE_ENDING = re.compile(r"(?:ая|ой|ую|ою|ей|ий|ый|ої|ій|ою|ого|ому|у|а|і|ы|ю)$")


def fold_latin_diacritics(text: str) -> str:
    """Drop accents from Latin letters only: Cyrillic й, ї, ё must keep their marks."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _MARKS_ON_LATIN.sub("", decomposed))


def name_key(name: str) -> str:
    """Comparable form of a name: case, apostrophes, hyphens, ё and Latin accents ignored."""
    if name.isascii():  # most names: a fast path, NFKC and accents change nothing there
        text = name.lower()
    else:
        text = fold_latin_diacritics(unicodedata.normalize("NFKC", name).casefold().replace("ё", "е"))
    return _SEPARATORS.sub(" ", text.translate(_APOSTROPHES)).strip()


def is_cyrillic(text: str) -> bool:
    """True if the first letter of `text` is Cyrillic."""
    for ch in text:
        if ch.isalpha():
            return unicodedata.name(ch, "").startswith("CYRILLIC")
    return False


def _alternations(stem: str) -> set[str]:
    """The stem plus its Ukrainian і-alternation: "харков" -> "харків", "києв" -> "київ"."""
    forms = {stem}
    for i in range(len(stem) - 1, max(len(stem) - 4, 0), -1):
        if stem[i] in "оеє":
            forms.add(stem[:i] + ("ї" if stem[i] == "є" else "і") + stem[i + 1:])
            break
    if stem.endswith("в") and len(stem) > 2 and stem[-2] in "оеє":
        forms.add(stem[:-2] + "ї" + "в")
    return forms


def nominative_guesses(word_key: str) -> list[str]:
    """Possible nominative forms of an inflected Cyrillic word key (over-generates by design)."""
    stems = {word_key}
    for ending in _CASE_ENDINGS:
        if word_key.endswith(ending) and len(word_key) - len(ending) >= 3:
            stems.add(word_key[: -len(ending)])
    guesses: set[str] = set()
    for stem in stems:
        for form in _alternations(stem):
            guesses.update(form + ending for ending in _NOMINATIVE_ENDINGS)
    guesses.discard(word_key)
    return sorted(guesses)


def adjective_root(word_key: str) -> str:
    """Root shared by the case forms of a region adjective ("луганської" -> "луганськ")."""
    return _ADJECTIVE_ENDING.sub("", word_key) if is_cyrillic(word_key) else word_key


_LATIN_ADJECTIVE_ENDING = re.compile(r"(?:yi|iy|yy|ij|y|i)$")


def district_roots(word_key: str) -> list[str]:
    """Forms under which a raion stem is indexed and looked up.

    Ukrainian, Russian and romanised adjectives ("Бахмутського", "Бахмутский", "Bakhmutskyi",
    "Bakhmutsky") reduce to one root without soft signs ("бахмутск", "bakhmutsk"); the bare
    town name ("Bakhmut district") reaches it by adding the adjective suffix.
    """
    if is_cyrillic(word_key):
        root, suffix = adjective_root(word_key).replace("ь", ""), "ск"
    else:
        root, suffix = _LATIN_ADJECTIVE_ENDING.sub("", word_key), "sk"
    return [root] if root.endswith(suffix) else [root, root + suffix]


@dataclass(frozen=True)
class _SkeletonRules:
    cyrillic: dict[int, str]
    consonants: tuple[tuple[str, str], ...]
    endings: tuple[tuple[re.Pattern[str], str], ...]
    vowels: dict[int, str]


_REPEATS = re.compile(r"([^_AU])\1+")
# Runs of vowels (marked "_", "A", "U" by the vowel table) and the letter each run becomes.
_VOWEL_RUNS = ((re.compile(r"[_AU]*A[_AU]*"), "a"), (re.compile(r"[_U]*U[_U]*"), "u"), (re.compile(r"_+"), "e"))


@lru_cache(maxsize=1)
def _skeleton_rules() -> _SkeletonRules:
    text = resources.files("svidok.geocode").joinpath("data", "spelling.toml").read_text(encoding="utf-8")
    rules = tomllib.loads(text)
    return _SkeletonRules(
        # One table for the non-ASCII letters: Cyrillic, and Latin ones with marks NFD keeps (ł).
        cyrillic=str.maketrans(rules["cyrillic"] | rules["latin"]["letters"]),
        consonants=tuple((a, b) for a, b in rules["latin"]["consonants"]),
        endings=tuple((re.compile(a), b) for a, b in rules["latin"]["endings"]),
        vowels=str.maketrans({letter: {"a": "A", "u": "U"}.get(letter, "_") for letter in rules["latin"]["vowels"]}),
    )


def spelling_skeleton(key: str) -> str:
    """The key Ukrainian, Russian and romanised spellings of a name share (spelling.toml):
    "пески", "peski" and "pisky" all give "pese". Takes a `name_key`."""
    rules = _skeleton_rules()
    text = key if key.isascii() else key.translate(rules.cyrillic)
    for ending, replacement in rules.endings:
        text = ending.sub(replacement, text)
    for spelled, sound in rules.consonants:
        if spelled in text:
            text = text.replace(spelled, sound)
    text = _REPEATS.sub(r"\1", text.translate(rules.vowels))
    for run, letter in _VOWEL_RUNS:
        text = run.sub(letter, text)
    return text


@lru_cache(maxsize=1)
def _translated_prefixes() -> dict[str, tuple[list[str], list[str]]]:
    text = resources.files("svidok.geocode").joinpath("data", "spelling.toml").read_text(encoding="utf-8")
    return {word: (forms["words"], forms["glued"]) for word, forms in tomllib.loads(text)["translated"].items()}


def untranslated_keys(key: str) -> list[str]:
    """Ukrainian readings of a name key that begins with a translated adjective (spelling.toml):
    "new korotich" -> "novyi korotich", "nova korotich", ..., "novokorotich". [] otherwise."""
    first, _, rest = key.partition(" ")
    forms = _translated_prefixes().get(first)
    if forms is None or not rest:
        return []
    words, glued = forms
    return [f"{word} {rest}" for word in words] + [prefix + rest.replace(" ", "") for prefix in glued]



class _Orthographies(NamedTuple):
    rules: tuple[tuple[tuple[re.Pattern[str], str], ...], ...]  # per orthography, in order
    placeholders: dict[str, str]


@lru_cache(maxsize=1)
def _orthographies() -> _Orthographies:
    text = resources.files("svidok.geocode").joinpath("data", "spelling.toml").read_text(encoding="utf-8")
    readings = dict(tomllib.loads(text)["readings"])
    placeholders = readings.pop("placeholders")
    return _Orthographies(
        tuple(tuple((re.compile(pattern), replacement) for pattern, replacement in rules) for rules in readings.values()),
        placeholders,
    )


def foreign_readings(key: str) -> list[str]:
    """English-romanised readings of a Latin name key written the German, Dutch or Polish
    way (spelling.toml): "sewerodonezk" -> "severodonetsk", "schachtarsk" -> "shakhtarsk".
    Each distinct reading once, in the file's order, none equal to `key`; [] for Cyrillic."""
    if is_cyrillic(key):
        return []
    orthographies = _orthographies()
    readings: list[str] = []
    for rules in orthographies.rules:
        text = key
        for pattern, replacement in rules:
            text = pattern.sub(replacement, text)
        text = "".join(orthographies.placeholders.get(c, c) for c in text)
        if text != key and text not in readings:
            readings.append(text)
    return readings
