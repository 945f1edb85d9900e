from __future__ import annotations

import random
from datetime import date

from link_records import (
    GOVERNOR,
    GUR,
    HRW,
    KHARKIV,
    KHARKIV_OBLAST,
    KHERSON,
    PISOCHYN,
    RUSSIAN_MOD,
    STRIKE_TEXT,
    claim,
    document,
)

from svidok.link import link_claims
from svidok.records import Claim, Document

GUR_STATEMENT = (
    "Ukraine's military intelligence (GUR) claimed on Friday that occupation authorities in Kherson "
    "are forcing residents to accept Russian passports or lose access to food aid and pensions."
)


def _docs(*documents: Document) -> dict[str, Document]:
    return {d.id: d for d in documents}


def _link(claims: list[Claim], *documents: Document):
    return link_claims(claims, _docs(*documents))


def test_one_statement_reprinted_by_two_outlets_is_one_claimant_and_two_sources():
    first = document("Kyiv Independent story. " + GUR_STATEMENT + " The agency gave no figures.", "Kyiv Post")
    second = document("Wire report. " + GUR_STATEMENT + " Moscow did not comment.", "Ukrainska Pravda")
    claims = [
        claim("c1", first, type="citizenship_coercion", evidence=GUR_STATEMENT, claimant=GUR, places=(KHERSON,)),
        claim("c2", second, type="citizenship_coercion", evidence=GUR_STATEMENT, claimant=GUR, places=(KHERSON,)),
    ]

    [incident] = _link(claims, first, second)

    assert incident.source_count == 2
    assert incident.independent_claimant_count == 1
    assert incident.status == "single_source"
    assert incident.claimants == [GUR.name]


def test_two_independent_claimants_corroborate_an_incident():
    governor_doc = document("Governor's statement. " + STRIKE_TEXT, "Suspilne")
    hrw_text = "Human Rights Watch documented the missile strike on the Saltivka apartment block that killed four civilians."
    hrw_doc = document(hrw_text, "Human Rights Watch")
    claims = [
        claim("c1", governor_doc, claimant=GOVERNOR),
        claim("c2", hrw_doc, claimant=HRW, evidence=hrw_text, on=date(2022, 5, 7)),
    ]

    [incident] = _link(claims, governor_doc, hrw_doc)

    assert incident.status == "corroborated"
    assert incident.independent_claimant_count == 2
    assert set(incident.claimant_kinds) == {"ukrainian_authority", "ngo"}


def test_a_denial_of_the_same_strike_joins_it_and_contests_it():
    report = document(STRIKE_TEXT, "Suspilne")
    denial_text = "The Russian Defence Ministry called the reports of a strike on Kharkiv fake and staged."
    denial_doc = document(denial_text, "TASS")
    claims = [
        claim("c1", report, claimant=GOVERNOR),
        claim("c2", denial_doc, claimant=RUSSIAN_MOD, evidence=denial_text, stance="denies"),
    ]

    [incident] = _link(claims, report, denial_doc)

    assert incident.status == "contested"
    assert incident.independent_claimant_count == 1
    assert incident.claimants == [GOVERNOR.name, RUSSIAN_MOD.name]


def test_the_same_story_in_distant_places_is_two_incidents():
    kharkiv_doc = document(STRIKE_TEXT, "Suspilne")
    kherson_doc = document(STRIKE_TEXT.replace("Kharkiv", "Kherson"), "Most")
    claims = [claim("c1", kharkiv_doc), claim("c2", kherson_doc, places=(KHERSON,))]

    assert len(_link(claims, kharkiv_doc, kherson_doc)) == 2


def test_the_same_story_a_month_apart_is_two_incidents():
    may = document(STRIKE_TEXT, "Suspilne")
    june = document(STRIKE_TEXT + " Again.", "Suspilne", published=date(2022, 6, 7))
    claims = [claim("c1", may), claim("c2", june, on=date(2022, 6, 6))]

    assert len(_link(claims, may, june)) == 2


def test_claims_a_few_kilometres_and_two_days_apart_link():
    city = document(STRIKE_TEXT, "Suspilne")
    suburb = document("Shelling hit an apartment block near Kharkiv, killing four civilians.", "Most")
    claims = [
        claim("c1", city, claimant=GOVERNOR),
        claim("c2", suburb, evidence=suburb.text, places=(PISOCHYN,), on=date(2022, 5, 8)),
    ]

    [incident] = _link(claims, city, suburb)

    assert incident.places[0].name == "Kharkiv"
    assert incident.date_start == date(2022, 5, 6) and incident.date_end == date(2022, 5, 8)


def test_a_region_wide_report_links_to_a_town_in_that_region():
    town = document(STRIKE_TEXT, "Suspilne")
    region = document("A missile strike on an apartment block in Kharkiv region killed four civilians.", "Most")
    claims = [claim("c1", town), claim("c2", region, evidence=region.text, places=(KHARKIV_OBLAST,))]

    [incident] = _link(claims, town, region)

    assert [p.precision for p in incident.places] == ["settlement", "region"]


def test_claims_without_places_link_only_on_near_identical_wording():
    a = document(STRIKE_TEXT, "Suspilne")
    b = document("Looting of shops was reported after troops entered the town.", "Most")
    c = document(STRIKE_TEXT + " Rescue work continues.", "Ukrinform")
    claims = [
        claim("c1", a, places=()),
        claim("c2", b, evidence=b.text, places=()),
        claim("c3", c, places=()),
    ]

    incidents = _link(claims, a, b, c)

    assert sorted(len(i.claim_ids) for i in incidents) == [1, 2]


def test_general_claims_stay_alone():
    doc = document("Mass deportations have been alleged for some time. " + STRIKE_TEXT, "Suspilne")
    other = document("Deportations of civilians have been alleged for months.", "Most")
    claims = [
        claim("c1", doc, type="forced_displacement", evidence="Mass deportations have been alleged", modality="general", places=(), on=None),
        claim("c2", other, type="forced_displacement", evidence="Deportations of civilians have been alleged", modality="general", places=(), on=None),
    ]

    assert [len(i.claim_ids) for i in _link(claims, doc, other)] == [1, 1]


def test_copies_of_one_unattributed_report_count_as_one_claimant():
    original = document(STRIKE_TEXT + " Emergency crews worked through the night to reach survivors.", "Suspilne")
    syndicated = document(STRIKE_TEXT + " Emergency crews worked through the night to reach survivors!", "Yahoo News")
    claims = [claim("c1", original), claim("c2", syndicated)]

    [incident] = _link(claims, original, syndicated)

    assert incident.source_count == 2
    assert incident.independent_claimant_count == 1
    assert incident.claimants == ["Suspilne"]


def test_two_outlets_reporting_on_their_own_are_two_claimants():
    one = document(STRIKE_TEXT, "Suspilne")
    other = document("Four civilians died when a missile struck an apartment block in Saltivka, Kharkiv.", "Kyiv Post")
    claims = [claim("c1", one), claim("c2", other, evidence=other.text)]

    [incident] = _link(claims, one, other)

    assert incident.independent_claimant_count == 2
    assert incident.claimant_kinds == ["media"]


def test_incident_ids_do_not_depend_on_claim_order():
    docs = [document(STRIKE_TEXT + f" Update {n}.", f"Outlet {n}") for n in range(4)]
    claims = [claim(f"c{n}", d, places=(KHARKIV if n % 2 else KHERSON,)) for n, d in enumerate(docs)]
    shuffled = claims[:]
    random.Random(7).shuffle(shuffled)

    first = _link(claims, *docs)
    again = _link(shuffled, *docs)

    assert [(i.id, i.claim_ids) for i in first] == [(i.id, i.claim_ids) for i in again]
    assert len(first) == 2


def test_summary_names_type_place_and_date():
    doc = document(STRIKE_TEXT, "Suspilne")

    [incident] = _link([claim("c1", doc)], doc)

    assert incident.summary == "Attack on civilians — Kharkiv — 2022-05-06"


def test_an_unattributed_headline_over_a_named_statement_is_not_a_second_claimant():
    headline = "Russian missile strike on Saltivka apartment block kills four civilians"
    doc = document(headline + ". " + STRIKE_TEXT, "Suspilne")
    claims = [
        claim("c1", doc, evidence=headline),
        claim("c2", doc, claimant=GOVERNOR),
    ]

    [incident] = _link(claims, doc)

    assert incident.claimants == [GOVERNOR.name]
    assert incident.status == "single_source"


def test_a_body_and_the_ministry_it_answers_to_are_one_independent_claimant() -> None:
    from svidok.knowledge import independence_root

    assert independence_root("Defence Intelligence of Ukraine (GUR)") == "Ministry of Defence of Ukraine"
    assert independence_root("General Staff of the Armed Forces of Ukraine") == "Ministry of Defence of Ukraine"
    assert independence_root("Human Rights Watch") == "Human Rights Watch"
    assert independence_root("UN Human Rights Monitoring Mission in Ukraine (HRMMU)") == "United Nations"


def test_unnamed_residents_do_not_corroborate_a_named_claimant() -> None:
    from svidok.link.attribution import Attribution, is_identifiable

    assert not is_identifiable(Attribution("Residents", "witness"))
    assert not is_identifiable(Attribution("one resident", "witness"))
    assert is_identifiable(Attribution("Olena Petrenko", "witness"))
    assert is_identifiable(Attribution("Police", "ukrainian_authority"))


def test_a_denial_with_nothing_on_record_to_deny_is_its_speakers_statement_not_a_contested_incident():
    denial_text = "Moscow has denied many times that its forces strike civilian buildings in Kharkiv."
    denial_doc = document(denial_text, "TASS")
    claims = [claim("c1", denial_doc, claimant=RUSSIAN_MOD, evidence=denial_text, stance="denies")]

    [incident] = _link(claims, denial_doc)

    assert incident.status == "single_source"
    assert incident.independent_claimant_count == 1
    assert incident.claimants == [RUSSIAN_MOD.name]
