"""Extraction on short texts written for these tests: typing, modality, stance, carry-over."""
from __future__ import annotations

from datetime import date

import pytest
from extract_documents import make_document

from svidok.extract import extract, extract_claims
from svidok.extract.language import detect_language
from svidok.extract.segment import split_sentences
from svidok.records import Claim


def types_of(text: str) -> list[str]:
    return [c.type for c in extract_claims(make_document(text))]


def test_a_text_reporting_no_event_yields_no_claims_with_a_reason() -> None:
    result = extract(make_document("The regional council met to discuss the budget for next year."))
    assert result.claims == [] and result.status == "extracted" and result.reason == "no claim found in the text"


def test_a_shelling_with_casualties_is_an_attack_with_counts_and_acled_type() -> None:
    claims = extract_claims(make_document(
        "Russian artillery shelled a residential area of Kharkiv on Tuesday, killing three civilians "
        "and injuring seven, the regional governor said."
    ))
    attack = next(c for c in claims if c.type == "attack_on_civilians")
    assert attack.acled_sub_event_type == "Shelling/artillery/missile attack"
    assert (attack.fatalities, attack.injured) == (3, 7)
    assert attack.places[0].name == "Kharkiv" and attack.date is not None
    assert attack.date.start == date(2022, 5, 31)
    assert attack.claimant is not None and attack.claimant.kind == "ukrainian_authority"


def test_a_drone_strike_maps_to_acleds_air_drone_subtype() -> None:
    claims = extract_claims(make_document("A drone strike hit an apartment block in Odesa overnight."))
    assert claims[0].acled_sub_event_type == "Air/drone strike"


def test_a_denial_by_the_russian_ministry_has_stance_denies() -> None:
    claims = extract_claims(make_document(
        "The Russian Defence Ministry called reports of the shelling of Kramatorsk station a staged provocation."
    ))
    assert claims and all(c.stance == "denies" for c in claims)
    assert claims[0].claimant is not None and claims[0].claimant.kind == "russian_authority"


def test_a_planned_referendum_is_planned_and_has_no_invented_date() -> None:
    claims = extract_claims(make_document("Occupation authorities plan to hold a referendum in Melitopol."))
    claim = next(c for c in claims if c.type == "administrative_imposition")
    assert claim.modality == "planned" and claim.date is None


def test_a_new_source_in_the_next_sentence_stops_the_carry_over() -> None:
    claims = extract_claims(make_document(
        "Russian troops abducted the mayor of Melitopol, Ukraine's prosecutor general said. "
        "Looting of shops was reported by residents."
    ))
    looting = next(c for c in claims if c.type == "property_seizure")
    assert looting.claimant is not None and looting.claimant.name == "residents"


def test_a_byline_is_never_a_claim() -> None:
    assert types_of("Reporting by Anna Kowalska; editing by John Smith") == []


def test_documents_in_languages_without_a_lexicon_are_skipped_with_a_reason() -> None:
    document = make_document("Rosyjskie wojska ostrzelały Charków.")
    document.language = "pl"
    result = extract(document)
    assert result.status == "skipped" and "pl" in result.reason


def test_russian_documents_are_read_natively() -> None:
    result = extract(make_document("Российские войска обстреляли Харьков, сообщили в ОВА."))
    assert result.language == "ru" and result.status == "extracted"
    assert [c.type for c in result.claims] == ["attack_on_civilians"]


def test_language_is_told_apart_by_script_and_letters() -> None:
    assert detect_language("Russian forces shelled Kharkiv.") == "en"
    assert detect_language("Окупанти обстріляли Харків, повідомили в ОВА.") == "uk"
    assert detect_language("Оккупанты обстреляли Харьков, сообщили в администрации.") == "ru"


def test_sentences_keep_exact_offsets_and_never_cross_line_breaks() -> None:
    text = "First line without stop\nSecond sentence. Third one; Fourth piece."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["First line without stop", "Second sentence.", "Third one", "Fourth piece."]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_withholding_food_is_deprivation_not_a_denial() -> None:
    claims = extract_claims(make_document(
        "Residents who refuse the passports are denied food and medical aid, the regional governor said."
    ))
    claim = next(c for c in claims if c.type == "deprivation")
    assert claim.stance == "asserts"


def test_a_headline_and_its_body_are_one_claim_that_takes_the_bodys_date() -> None:
    claims = extract_claims(make_document(
        "Mayor of Melitopol abducted, Ukraine's prosecutor general says\n"
        "Russian troops abducted the mayor of Melitopol on Friday, the Prosecutor General's Office said.",
        published=date(2022, 3, 12),
    ))
    [detention] = [c for c in claims if c.type == "detention"]
    assert len(detention.evidence) == 2
    assert detention.date is not None and detention.date.start == date(2022, 3, 11)


def test_a_digest_entry_takes_the_place_named_beside_it() -> None:
    claims = extract_claims(make_document("Three soldiers killed in fresh clashes; Avdiivka"))
    assert claims and all(p.mention == "Avdiivka" and p.geonameid == 713122 for c in claims for p in c.places)
    assert all(c.places for c in claims)


def test_a_sentence_with_its_own_event_keeps_its_place_to_itself() -> None:
    claims = extract_claims(make_document(
        "A missile struck a school in Kharkiv. Russian forces shelled a hospital. The regional council met in Sumy."
    ))
    hospital = next(c for c in claims if "hospital" in c.evidence[0].text)
    assert [p.name for p in hospital.places] == ["Sumy"]


def test_a_bare_place_name_is_no_claim() -> None:
    for text in ("Avdiivka", "Donetsk Airport", "Shchastia"):
        assert extract_claims(make_document(text)) == []


def test_a_claim_from_an_inverted_headline_is_attributed_to_the_speaker_after_says() -> None:
    claims = extract_claims(make_document(
        "DPR serviceman killed in shelling by Ukrainian troops, says people’s militia",
        published=date(2019, 5, 4),
    ))
    assert claims and all(c.claimant is not None for c in claims)
    assert {c.claimant.name for c in claims} == {"Donetsk People's Republic authorities (DPR)"}
    assert all(c.fatalities == 1 for c in claims if c.type in {"military_losses", "killing"})


def test_the_victim_of_a_hedged_report_is_not_its_claimant() -> None:
    claims = extract_claims(make_document("Ukrainian soldier reported killed in Donbas", published=date(2021, 6, 1)))
    assert claims and all(c.claimant is None for c in claims)
    assert all(c.fatalities == 1 for c in claims if c.type in {"military_losses", "killing"})


def test_a_daily_report_of_the_past_24_hours_starts_the_day_before_publication() -> None:
    claims = extract_claims(make_document(
        "Two Ukrainian soldiers killed in Donbas in past 24 hours - JFO HQ", published=date(2020, 5, 5)
    ))
    assert claims and all(c.date is not None and c.date.start == date(2020, 5, 4) for c in claims)
    assert all(c.date.end == date(2020, 5, 5) and c.date.mention == "in past 24 hours" for c in claims)


def test_a_headline_without_date_words_is_dated_by_publication_with_unknown_precision() -> None:
    claims = extract_claims(make_document("Two Ukrainian soldiers killed in Donbas - JFO HQ", published=date(2020, 5, 5)))
    assert claims and all(c.date is not None and c.date.start == date(2020, 5, 5) for c in claims)
    assert all(c.date.precision == "unknown" and c.date.mention is None for c in claims)


def test_a_plan_in_a_later_clause_does_not_make_the_reported_killing_planned() -> None:
    claims = extract_claims(make_document(
        "Two civilians killed in shelling of Donetsk as evacuations planned", published=date(2014, 8, 1)
    ))
    killing = [c for c in claims if c.type in {"killing", "attack_on_civilians"}]
    assert killing and all(c.modality == "occurred" and c.fatalities == 2 for c in killing)


def test_a_plan_that_governs_the_reported_event_still_makes_it_planned() -> None:
    claims = extract_claims(make_document("Russia plans to deport 500 children from Kherson", published=date(2022, 8, 1)))
    assert claims and all(c.modality == "planned" for c in claims)


def test_a_statement_that_opens_by_naming_its_source_is_that_sources_in_every_sentence() -> None:
    text = (
        "Министерство обороны Российской Федерации сообщает.\n\n"
        "Средствами противовоздушной обороны сбиты 12 беспилотников над Белгородской областью.\n\n"
        "Погода в регионе остаётся ясной.\n\n"
        "Кроме того, уничтожены два склада боеприпасов в Харьковской области."
    )
    claims = extract_claims(make_document(text))
    assert [c.type for c in claims] == ["military_losses", "military_losses"], "two events, two claims"
    assert {c.claimant.name for c in claims if c.claimant} == {"Ministry of Defence of the Russian Federation"}
    assert all(c.claimant is not None for c in claims)


def test_an_article_whose_first_sentence_reports_an_event_frames_nothing() -> None:
    text = (
        "Police said a man was detained in Odesa on Monday.\n\n"
        "The city council met on Tuesday.\n\n"
        "Shelling damaged a school in Kherson."
    )
    claims = extract_claims(make_document(text))
    assert [(c.type, c.claimant is None) for c in claims] == [("detention", False), ("attack_on_civilians", True)]


def killing_after_a_strike_on_borova(next_sentence: str) -> Claim:
    claims = extract_claims(make_document(f"On 12 May a glide bomb hit a house in Borova. {next_sentence}", published=date(2022, 5, 20)))
    return next(c for c in claims if c.type == "killing")


def test_a_sentence_that_refers_back_to_the_event_before_it_takes_that_events_date_and_place() -> None:
    killing = killing_after_a_strike_on_borova("Then soldiers executed an elderly woman.")
    assert killing.date is not None and (killing.date.start, killing.date.precision) == (date(2022, 5, 12), "day")
    assert [p.name for p in killing.places] == ["Borova"]


def test_the_next_sentence_without_such_an_opener_is_dated_by_nothing_it_does_not_say() -> None:
    killing = killing_after_a_strike_on_borova("An elderly woman was executed in Izium.")
    assert killing.date is not None and (killing.date.start, killing.date.precision) == (date(2022, 5, 20), "unknown")


def test_a_statements_title_naming_a_body_makes_the_document_that_bodys_statement() -> None:
    text = (
        "Сводка Министерства обороны Российской Федерации о ходе операции (по состоянию на 12 мая)\n\n"
        "Средствами противовоздушной обороны сбиты 45 беспилотников.\n\n"
        "Уничтожен склад боеприпасов в Харьковской области."
    )
    claims = extract_claims(make_document(text))
    assert len(claims) == 2
    assert all(c.claimant is not None and c.claimant.name == "Ministry of Defence of the Russian Federation" for c in claims)
    assert all(c.cue is not None and c.cue.text == "Сводка" for c in claims)


def test_a_header_line_naming_the_publishing_body_makes_the_document_that_bodys_statement() -> None:
    text = (
        "Генеральний штаб ЗСУ | Оперативна інформація станом на 06:00\n\n"
        "Упродовж минулої доби відбулося 40 бойових зіткнень.\n\n"
        "Окупанти обстріляли Херсон, пошкоджено школу."
    )
    claims = extract_claims(make_document(text, published=date(2023, 10, 12)))
    assert [c.type for c in claims] == ["armed_clash", "attack_on_civilians"]
    assert all(c.claimant is not None and c.claimant.name == "General Staff of the Armed Forces of Ukraine" for c in claims)
    assert all(c.cue is not None and c.cue.text.strip() == "Генеральний штаб ЗСУ" for c in claims)


def test_a_news_outlets_header_line_frames_nothing() -> None:
    text = "Ukrinform | News | 12 October 2023\n\nShelling damaged a school in Kherson."
    assert [(c.type, c.claimant) for c in extract_claims(make_document(text))] == [("attack_on_civilians", None)]


def test_a_header_naming_a_body_among_other_words_frames_nothing() -> None:
    text = "Questions the Ministry of Defence of Ukraine has not answered this week\n\nShelling damaged a school in Kherson."
    assert [(c.type, c.claimant) for c in extract_claims(make_document(text))] == [("attack_on_civilians", None)]


def test_a_title_that_names_no_body_frames_nothing() -> None:
    claims = extract_claims(make_document("Update on the situation in the south\n\nShelling damaged a school in Kherson."))
    assert [(c.type, c.claimant) for c in claims] == [("attack_on_civilians", None)]


def test_a_rights_group_citing_witnesses_makes_the_claim_and_a_news_agency_citing_officials_relays_it() -> None:
    (group,) = extract_claims(make_document("Three men were tortured in a police station in Izium, Human Rights Watch said, citing survivors."))
    assert group.claimant is not None and group.claimant.name == "Human Rights Watch"
    relayed = extract_claims(make_document("Shelling damaged a school in Kherson, Reuters reported, citing regional officials."))
    assert relayed and relayed[0].claimant is not None and relayed[0].claimant.mention == "regional officials"


def test_a_ukrainian_rights_group_citing_witnesses_makes_the_claim() -> None:
    (claim,) = extract_claims(make_document("Окупанти катували трьох чоловіків в Ізюмі, заявили в ZMINA, посилаючись на свідків."))
    assert claim.claimant is not None and claim.claimant.name == "ZMINA Human Rights Centre (ZMINA)"


def test_a_question_alleges_nothing() -> None:
    text = "How were you detained?\n\nThey detained me at a checkpoint in Vasylivka."
    claims = extract_claims(make_document(text))
    assert [(c.type, c.evidence[0].text) for c in claims] == [("detention", "They detained me at a checkpoint in Vasylivka.")]


def test_a_wire_credit_in_brackets_is_a_byline() -> None:
    text = "Shelling damaged a school in Kherson.\n\n(Reporting by Iryna Sholom in Dnipro; editing by Mark Ellis)"
    assert [c.type for c in extract_claims(make_document(text))] == ["attack_on_civilians"]


def test_a_speaker_named_again_by_surname_is_the_speaker_named_in_full_before() -> None:
    text = (
        "Голова Дніпропетровської ОВА Сергій Лисак повідомив, що окупанти обстріляли Нікополь. "
        "За словами Лисака, окупанти також обстріляли Марганець."
    )
    claims = extract_claims(make_document(text))
    assert [(c.claimant.name if c.claimant else None, [p.name for p in c.places]) for c in claims] == [
        ("Ukrainian regional military administration", ["Nikopol"]),
        ("Ukrainian regional military administration", ["Marhanets"]),
    ]
    assert claims[1].claimant is not None and claims[1].claimant.mention == "Лисака"


def test_the_same_speaker_going_on_about_the_same_place_adds_evidence_to_one_claim() -> None:
    text = (
        "Russian forces shelled Nikopol overnight, said Serhii Lysak, head of the Dnipropetrovsk regional "
        "military administration. A school was damaged by the shelling, Lysak said."
    )
    (claim,) = extract_claims(make_document(text))
    assert len(claim.evidence) == 2 and [p.name for p in claim.places] == ["Nikopol"]


def test_people_counted_before_a_reporting_verb_are_no_claimant_and_the_statement_keeps_its_source() -> None:
    text = (
        "UN Human Rights Monitoring Mission in Ukraine\n\n"
        "Of 59 prisoners of war interviewed after their release, 55 described torture in captivity."
    )
    (claim,) = [c for c in extract_claims(make_document(text)) if c.type == "torture"]
    assert claim.claimant is not None and claim.claimant.name == "UN Human Rights Monitoring Mission in Ukraine (HRMMU)"


def test_words_a_name_never_opens_with_are_no_claimant() -> None:
    text = "Нагадаю, 18 квітня 2022 року російські ракети поцілили у склади біля вокзалу — тоді загинули семеро людей."
    claims = extract_claims(make_document(text, published=date(2023, 7, 6)))
    assert claims and all(c.claimant is None for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        "The occupation authorities are pushing residents of Mariupol to take Russian passports.",
        "На окупованій території Запорізької області окупанти примусово вручають повістки чоловікам.",
        "Украинские военные удерживают в Судже около двух тысяч жителей.",
    ],
)
def test_an_act_told_in_the_present_tense_is_ongoing(text: str) -> None:
    claims = extract_claims(make_document(text))
    assert claims and all(c.modality == "ongoing" for c in claims)


def test_a_reporting_verb_in_the_present_tense_leaves_the_reported_act_occurred() -> None:
    claims = extract_claims(make_document("Як повідомляють у поліції, окупанти обстріляли Херсон."))
    assert claims and all(c.modality == "occurred" for c in claims)


def test_the_toll_told_after_a_strike_is_that_strikes_fatalities_not_a_killing() -> None:
    text = "On 15 February, rockets hit a shopping area in Belgorod. Seven civilians, including a child, were killed."
    (claim,) = extract_claims(make_document(text, published=date(2024, 2, 18)))
    assert (claim.type, claim.fatalities, len(claim.evidence)) == ("attack_on_civilians", 7, 2)


def test_a_killing_of_its_own_after_a_strike_stays_a_claim() -> None:
    text = "Shelling hit Kherson in the morning. Later, soldiers shot two men dead in the yard of their house."
    assert [c.type for c in extract_claims(make_document(text))] == ["attack_on_civilians", "killing"]


def test_a_headline_told_again_in_the_body_is_one_claim_with_both_pieces_of_evidence() -> None:
    text = (
        "Russian drones hit apartment block in Odesa\n\n"
        "Russian drones struck an apartment block in Odesa overnight, wounding three residents, the regional governor said.\n\n"
        "The city council met on Tuesday."
    )
    (claim,) = extract_claims(make_document(text))
    assert claim.type == "attack_on_civilians" and claim.injured == 3
    assert [e.text for e in claim.evidence][-1] == "Russian drones hit apartment block in Odesa"


def test_a_sentence_opening_with_one_of_the_missiles_tells_the_same_strike_on() -> None:
    text = (
        "Вночі росіяни випустили по Львову крилаті ракети. "
        "Одна з ракет влучила в чотириповерховий житловий будинок, загинули семеро людей."
    )
    (claim,) = extract_claims(make_document(text, published=date(2023, 7, 6)))
    assert claim.type == "attack_on_civilians" and claim.fatalities == 7 and len(claim.evidence) == 2
    assert claim.date is not None and (claim.date.start, claim.date.end) == (date(2023, 7, 5), date(2023, 7, 6))


def test_title_lines_under_a_publishers_header_are_headlines_too() -> None:
    text = (
        "Львівська обласна військова адміністрація\n\n"
        "⚡️Наслідки нічної ракетної атаки на Львів\n\n"
        "Вночі ракета влучила в житловий будинок у Львові, поранено трьох людей."
    )
    (claim,) = extract_claims(make_document(text, published=date(2023, 7, 6)))
    assert claim.claimant is not None and claim.claimant.name == "Ukrainian regional military administration"
    assert claim.injured == 3 and len(claim.evidence) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The occupation administration has declared more than 1,200 houses and flats ownerless.", "property_seizure"),
        ("Окупаційна влада внесла до переліку «націоналізованого майна» ще 38 об'єктів.", "property_seizure"),
        ("Квартиры уехавших жителей признаны бесхозяйными.", "property_seizure"),
        ("Вооружённые силы нанесли удар высокоточным оружием по объектам энергетики Украины.", "attack_on_civilians"),
        ("Ворог завдав удару по об'єктах енергетичної інфраструктури Одеси.", "attack_on_civilians"),
    ],
)
def test_ownerless_homes_and_strikes_on_the_power_system_are_read(text: str, expected: str) -> None:
    assert expected in {c.type for c in extract_claims(make_document(text))}
