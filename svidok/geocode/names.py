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
import unicodedata

_APOSTROPHES = re.compile(r"['’ʼ`´‘\"]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—.]+")

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
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and out and out[-1].isascii():
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def name_key(name: str) -> str:
    """Comparable form of a name: case, apostrophes, hyphens, ё and Latin accents ignored."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("ё", "е")
    text = _APOSTROPHES.sub("", fold_latin_diacritics(text))
    return _SEPARATORS.sub(" ", text).strip()


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
