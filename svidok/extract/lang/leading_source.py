"""A headline's source named before a colon: "ГУР: росіяни готують ...", "HRW: Russian forces used ...".

The mirror image of a trailing source ("... – ОВА", "... - DPR people's militia"), read the same
way in every language. It leads only a line (a one-line report, a headline, a post's first
sentence) or a ";"-joined headline, and only where the words before the colon name a speaker
svidok knows: a short phrase that ends with a known body or person ("Херсонська ОВА", "Голова
ОВА Синєгубов", "UN rights office") or is a party's function ("Ukraine official"). A place
("Харків: вибухи", even "Київ:" that names the government as a trailing source), a date ("12
травня:"), a label ("Важливо:", "Breaking:") or a topic ("Контрнаступ ЗСУ:", "Обстріл ЗСУ:")
names no speaker, and a colon inside a quotation or a time ("о 12:30") opens no source.

The words that may open a speaker's name before the body it belongs to ("Голова", "Мер",
"spokesman") are the lexicon's `speaker_titles`. A speaker svidok knows only by kind
("Police:", "Residents:") leads too, as it does after a trailing dash.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from svidok.extract.actors import ActorMatch, find_actors
from svidok.extract.claimants import (
    bare_mention,
    claimant_from_mention,
    claimant_kind,
    known_speaker,
    party_organ,
    speaker_names,
)
from svidok.extract.lexicon import Lexicon
from svidok.extract.reading import Attribution
from svidok.extract.segment import Sentence, ends_as_a_sentence
from svidok.extract.triggers import names_an_event
from svidok.knowledge import body_chain
from svidok.records import Span

# A letter opens the source (not a digit of a date or time, nor a quotation mark), and nothing
# that ends or quotes a phrase stands in it; the colon is followed by a space ("12:30" is a time).
_LEADING_SOURCE = re.compile(
    # A post may open with emoji or a bullet ("⚡️ГУР: ..."): symbols, not quotes or brackets.
    r"^(?:[^\w\s\"“”„«»'‘’()\[\]]\s*)*(?P<source>[^\W\d_][^:;,!?\"“”„«»()\[\]—–]*?)\s*(?P<cue>:)\s+(?=\S)"
)
_LONGEST_LEADING_SOURCE = 6  # words; a longer run before a colon is a clause, not a name
# A speaker named only by kind is a word or two ("Police", "Local residents"), not a phrase.
_LONGEST_KIND_MENTION = 3
# A header line's fields: "Генеральний штаб ЗСУ | Оперативна інформація ...", "Center for Civil Liberties | Report summary".
_HEADER_FIELD = re.compile(r"[^|•·]+")
# A statement's header is a line, not a paragraph ("Генеральний штаб ЗСУ інформує:"): a longer
# first line is a sentence.
HEADER_WORDS = 12
# Words a publisher's field may hold beside the body's name: "of Ukraine", "в Украине", "Херсонской области".
_PUBLISHER_EXTRA_WORDS = 3


def leading_source(text: str, lexicon: Lexicon) -> re.Match[str] | None:
    """The match (groups `source` and `cue`, the colon) of a known speaker opening `text`
    before a colon; None where `text` opens with no such source."""
    match = _LEADING_SOURCE.match(text)
    if match is None or len(match.group("source").split()) > _LONGEST_LEADING_SOURCE:
        return None
    return match if names_a_leading_speaker(match.group("source"), lexicon) else None


def names_a_leading_speaker(words: str, lexicon: Lexicon) -> bool:
    """Whether `words`, before a headline's colon, name a speaker svidok knows."""
    bare = bare_mention(words)
    if not bare or bare.casefold() in speaker_names():
        # A speaker-only name ("Київ", "Moscow") is a place where it opens a headline.
        return False
    if party_organ(bare) is not None:
        return True
    speakers = [a for a in find_actors(bare) if a.entry.role != "civilians"]
    if not speakers:
        return _names_a_kind_of_speaker(bare, lexicon)
    if speakers[-1].end != len(bare) or known_speaker(bare) is None:
        return False
    first_word = bare.split()[0]
    opens_as_speaker = speakers[0].start == 0 or _is_title_or_attribute(first_word, lexicon)
    return opens_as_speaker and not _names_an_event_or_report(_outside(bare, speakers), lexicon)


def _names_a_kind_of_speaker(bare: str, lexicon: Lexicon) -> bool:
    """A short mention made of a kind of speaker ("Police", "Local residents") and no event."""
    return (
        len(bare.split()) <= _LONGEST_KIND_MENTION
        and claimant_kind(bare, lexicon) != "unknown"
        and not _names_an_event_or_report(bare, lexicon)
    )


def opens_a_line(sentence: Sentence, previous: Sentence | None) -> bool:
    """Whether `sentence` opens a line, a post or a ";"-joined headline: where a source may lead.

    `previous` is the sentence before it, where it was read; a sentence read without it (the
    first, or one after a byline) is taken to open a line."""
    if previous is None or previous.index != sentence.index - 1 or previous.paragraph != sentence.paragraph:
        return True
    return not ends_as_a_sentence(previous.text)


def _is_title_or_attribute(word: str, lexicon: Lexicon) -> bool:
    """A title ("Голова", "spokesman") or, in a language read by patterns, an adjective
    ("Херсонська", "Віталій") opens the name of a speaker; a noun ("Контрнаступ") does not."""
    if any(title.fullmatch(word) for title in lexicon.speaker_titles):
        return True
    cues = lexicon.pattern_cues
    return cues is not None and cues.adjective_endings.search(word) is not None


def _names_an_event_or_report(words: str, lexicon: Lexicon) -> bool:
    """Whether words beside the speaker's name name an event ("Обстріл ЗСУ") or a reporting
    verb ("Генштаб повідомив", which the verb reader reads)."""
    if names_an_event(words, lexicon):
        return True
    cues = lexicon.pattern_cues
    return cues is not None and any(form.search(words) for form in cues.reporting_forms)


def _outside(text: str, mentions: Sequence[ActorMatch]) -> str:
    """`text` with the actor mentions blanked out (offsets kept)."""
    for mention in mentions:
        text = text[: mention.start] + " " * (mention.end - mention.start) + text[mention.end :]
    return text


def statement_title_source(sentence: Sentence, lexicon: Lexicon) -> Attribution | None:
    """The body whose statement a document's title line announces ("Сводка Министерства
    обороны Российской Федерации о ходе ...", "Statement by the General Staff"): the first
    known body the title names, or None where the line is no such title."""
    title = lexicon.statement_titles.match(sentence.text)
    if title is None or names_an_event(sentence.text, lexicon):
        return None
    body = next((a for a in find_actors(sentence.text) if a.entry.role != "civilians"), None)
    if body is None:
        return None
    claimant = claimant_from_mention(body.text, sentence.start + body.start, lexicon)
    cue = Span(sentence.start + title.start(), sentence.start + title.end(), title.group(0))
    return Attribution(claimant, cue, own_source=False)


def publisher_header_source(sentence: Sentence, lexicon: Lexicon) -> Attribution | None:
    """The body a document's header line names as its publisher ("Ministry of Defence of the
    Russian Federation", "Генеральний штаб ЗСУ | Оперативна інформація ...", "Медійна ініціатива
    за права людини (МІПЛ) | Звіт"): a short first line with a field that is that body's name
    and little else. A news outlet is no such publisher: it relays others' claims."""
    if len(sentence.text.split()) > HEADER_WORDS or names_an_event(sentence.text, lexicon):
        return None
    for field in _HEADER_FIELD.finditer(sentence.text):
        body = _publisher(field.group(0))
        if body is not None:
            claimant = claimant_from_mention(body.text, sentence.start + field.start() + body.start, lexicon)
            cue = Span(sentence.start + field.start(), sentence.start + field.end(), field.group(0))
            return Attribution(claimant, cue, own_source=False)
    return None


def _publisher(field: str) -> ActorMatch | None:
    """The body a header field names and nothing much else; the most specific where it names a
    body and the one above it ("UN Human Rights Monitoring Mission")."""
    bodies = [a for a in find_actors(field) if a.entry.role != "civilians"]
    if not bodies or any(a.entry.kind == "media" for a in bodies):
        return None
    most_specific = max(bodies, key=lambda a: len(body_chain(a.entry.name)))
    if any(a.entry.name not in body_chain(most_specific.entry.name) for a in bodies):
        return None
    extra = re.findall(r"\w+", _outside(field, bodies))
    return most_specific if len(extra) <= _PUBLISHER_EXTRA_WORDS else None
