"""A headline's source before a colon ("ГУР: ...", "Минобороны РФ: ...", "HRW: ...") is the
claimant of every claim of that headline, where it opens a line and names a speaker svidok
knows; a place, a date, a label, a topic, a quotation or a time before a colon is no source."""
from __future__ import annotations

from dataclasses import replace

import pytest
from extract_documents import make_document

from svidok.extract import extract
from svidok.extract.lang.leading_source import leading_source
from svidok.extract.lexicon import load_lexicon
from svidok.records import Claim


def claims_of(text: str, language: str) -> list[Claim]:
    claims = extract(replace(make_document(text), language=language)).claims
    assert claims, f"no claim in {text!r}: the test needs a sentence that reports an event"
    return claims


def source_before_colon(text: str, language: str) -> str | None:
    match = leading_source(text, load_lexicon(language))
    return None if match is None else match.group("source")


@pytest.mark.parametrize(
    ("language", "text", "mention", "claimant"),
    [
        ("uk", "ГУР: росіяни готують нову хвилю мобілізації на окупованих територіях", "ГУР", "Defence Intelligence of Ukraine (GUR)"),
        ("uk", "Залужний: ЗСУ відбили 12 атак біля Авдіївки", "Залужний", "Armed Forces of Ukraine"),
        ("uk", "Генштаб ЗСУ: ворог втратив за добу 540 військових", "Генштаб ЗСУ", "General Staff of the Armed Forces of Ukraine"),
        ("uk", "ОВА: внаслідок обстрілу Херсона поранено двох людей", "ОВА", "Ukrainian regional military administration"),
        ("uk", "Кличко: у Києві пролунали вибухи", "Кличко", "Ukrainian regional military administration"),
        ("uk", "Херсонська ОВА: окупанти обстріляли лікарню, поранено медсестру", "Херсонська ОВА", "Ukrainian regional military administration"),
        ("uk", "Голова Харківської ОВА Синєгубов: внаслідок удару по Чугуєву загинула жінка", "Голова Харківської ОВА Синєгубов", "Ukrainian regional military administration"),
        ("ru", "Минобороны РФ: силы ПВО сбили 20 беспилотников над Белгородской областью", "Минобороны РФ", "Ministry of Defence of the Russian Federation"),
        ("ru", "Песков: украинские беспилотники атаковали Белгород, погибли двое мирных жителей", "Песков", "Kremlin"),
        ("ru", "Глава ДНР Пушилин: при обстреле Донецка погибли двое мирных жителей", "Глава ДНР Пушилин", "Donetsk People's Republic authorities (DPR)"),
        ("en", "Zelensky: Russia is preparing a new offensive in Zaporizhzhia", "Zelensky", "Office of the President of Ukraine"),
        ("en", "UN rights office: 9,000 civilians killed since invasion", "UN rights office", "Office of the UN High Commissioner for Human Rights (OHCHR)"),
        ("en", "HRW: Russian forces used cluster munitions in Kharkiv", "HRW", "Human Rights Watch"),
        ("en", "Kremlin spokesman Peskov: Ukrainian drones struck an oil depot in Belgorod", "Kremlin spokesman Peskov", "Kremlin"),
    ],
)
def test_a_known_speaker_before_a_headlines_colon_is_its_claimant(language: str, text: str, mention: str, claimant: str) -> None:
    for claim in claims_of(text, language):
        assert claim.claimant is not None, f"{claim.type} of {text!r} has no claimant"
        assert (claim.claimant.name, claim.claimant.mention) == (claimant, mention)


def test_the_cue_is_the_colon_and_the_claimants_span_points_at_the_source_words() -> None:
    text = "Вибухи у Харкові\nМинобороны РФ: силы ПВО сбили 20 беспилотников над Белгородской областью"
    claim = claims_of(text, "ru")[-1]
    assert claim.claimant is not None and claim.claimant.span is not None and claim.cue is not None
    source, cue = claim.claimant.span, claim.cue
    assert text[source.start : source.end] == source.text == "Минобороны РФ"
    assert source.start == text.index("Минобороны")
    assert (cue.start, cue.text) == (source.end, ":") and text[cue.start : cue.end] == ":"


def test_every_claim_of_the_headline_gets_the_leading_source() -> None:
    claims = claims_of("ОВА: окупанти обстріляли Херсон і викрали двох волонтерів", "uk")
    assert {c.type for c in claims} >= {"attack_on_civilians", "detention"}
    assert {c.claimant.name for c in claims if c.claimant} == {"Ukrainian regional military administration"}
    assert all(c.claimant is not None and c.cue is not None and c.cue.text == ":" for c in claims)


def test_the_next_sentence_of_the_post_continues_the_leading_sources_statement() -> None:
    claims = claims_of("Генштаб ЗСУ: ворог втратив за добу 540 військових. Окупанти також обстріляли Херсон.", "uk")
    assert len(claims) >= 2
    assert all(c.claimant is not None and c.claimant.name == "General Staff of the Armed Forces of Ukraine" for c in claims)


@pytest.mark.parametrize(
    ("language", "text", "claimants"),
    [
        ("uk", "ГУР: росіяни готують нову хвилю мобілізації на окупованих територіях; Генштаб ЗСУ: ворог втратив за добу 540 військових",
         ["Defence Intelligence of Ukraine (GUR)", "General Staff of the Armed Forces of Ukraine"]),
        ("en", "HRW: Russian forces used cluster munitions in Kharkiv; UN rights office: 9,000 civilians killed since invasion",
         ["Human Rights Watch", "Office of the UN High Commissioner for Human Rights (OHCHR)"]),
    ],
)
def test_each_semicolon_joined_headline_has_its_own_leading_source(language: str, text: str, claimants: list[str]) -> None:
    assert [c.claimant.name if c.claimant else None for c in claims_of(text, language)] == claimants


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "Окупанти обстріляли Херсон. ГУР: росіяни готують нову хвилю мобілізації на окупованих територіях."),
        ("en", "Shelling resumed in the east. HRW: Russian forces used cluster munitions in Kharkiv."),
    ],
)
def test_a_colon_after_a_known_speaker_in_the_middle_of_a_paragraph_leads_no_headline(language: str, text: str) -> None:
    second = claims_of(text, language)[-1]
    assert second.claimant is None


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "Харків: внаслідок обстрілу загинули двоє людей"),
        ("uk", "Київ: внаслідок обстрілу загинули двоє людей"),
        ("ru", "Харьков: в результате обстрела погибли двое мирных жителей"),
        ("ru", "Москва: при атаке беспилотников погибли двое мирных жителей"),
        ("en", "Kharkiv: two civilians killed in shelling"),
        ("en", "Kyiv: two civilians killed in shelling"),
        # A date or a label.
        ("uk", "12 травня: окупанти обстріляли Херсон, загинули двоє людей"),
        ("uk", "Важливо: окупанти обстріляли Херсон, загинули двоє людей"),
        ("uk", "Увага: окупанти обстріляли Херсон, загинули двоє людей"),
        ("ru", "Срочно: в результате обстрела Херсона погибли двое мирных жителей"),
        ("en", "Breaking: two civilians killed in shelling of Kharkiv"),
        ("en", "Update: two civilians killed in shelling of Kharkiv"),
    ],
)
def test_a_place_a_date_or_a_label_before_the_colon_names_no_claimant(language: str, text: str) -> None:
    assert all(c.claimant is None for c in claims_of(text, language))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "ВІДЕО: окупанти обстріляли Херсон"),
        ("uk", "Фото: наслідки обстрілу Херсона"),
        ("uk", "Контрнаступ ЗСУ: звільнено ще два села"),
        ("uk", "Обстріл ЗСУ: загинули двоє людей"),
        ("en", "Exclusive: Russian forces used cluster munitions"),
        ("en", "Live: Russian forces used cluster munitions"),
        ("en", "Russia-Ukraine war: two civilians killed"),
    ],
)
def test_labels_and_topics_before_the_colon_are_no_source(language: str, text: str) -> None:
    assert source_before_colon(text, language) is None


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "«ГУР: росіяни відступають» — такий заголовок з'явився після обстрілу Херсона, загинули двоє людей"),
        ("uk", "Вибухи пролунали о 12:30: внаслідок обстрілу загинули двоє людей"),
        ("uk", "Окупанти обстріляли Херсон зранку, наслідки такі: загинули двоє людей"),
        ("ru", "Взрывы прогремели в 12:30: в результате обстрела погибли двое мирных жителей"),
        ("en", "Russian forces shelled the town early on Friday and the toll was grim: two civilians killed"),
    ],
)
def test_a_colon_in_a_quotation_a_time_or_the_middle_of_a_sentence_names_no_claimant(language: str, text: str) -> None:
    assert source_before_colon(text, language) is None
    assert all(c.claimant is None or c.cue is None or c.cue.text != ":" for c in claims_of(text, language))


def test_a_reporting_verb_before_the_colon_is_read_as_the_verbs_attribution() -> None:
    claim = claims_of("Генштаб повідомив: ворог втратив за добу 540 військових", "uk")[0]
    assert claim.claimant is not None and claim.claimant.name == "General Staff of the Armed Forces of Ukraine"
    assert claim.cue is not None and claim.cue.text == "повідомив"


@pytest.mark.parametrize(
    ("language", "text", "mention", "kind"),
    [
        ("en", "Police: two men detained in Odesa after a knife attack", "Police", "ukrainian_authority"),
        ("en", "Residents: shelling hit the market in Kherson overnight", "Residents", "witness"),
    ],
)
def test_a_speaker_known_only_by_kind_before_the_colon_is_an_unresolved_claimant(language: str, text: str, mention: str, kind: str) -> None:
    for claim in claims_of(text, language):
        assert claim.claimant is not None and (claim.claimant.mention, claim.claimant.kind) == (mention, kind)


def test_what_happened_after_a_label_and_a_colon_is_no_trailing_source() -> None:
    # "explosions in Kyiv" names a city the kinds list knows, but it is the event, not a speaker.
    assert all(claim.claimant is None for claim in claims_of("Breaking: explosions in Kyiv", "en"))


@pytest.mark.parametrize(
    ("language", "text", "mention"),
    [
        ("uk", "⚡️ГУР: росіяни готують нову хвилю мобілізації на окупованих територіях", "ГУР"),
        ("uk", "🔴 Генштаб ЗСУ: ворог втратив за добу 540 військових", "Генштаб ЗСУ"),
        ("en", "• HRW: Russian forces used cluster munitions in Kharkiv", "HRW"),
    ],
)
def test_a_post_may_open_with_emoji_or_a_bullet_before_its_source(language: str, text: str, mention: str) -> None:
    assert source_before_colon(text, language) == mention
