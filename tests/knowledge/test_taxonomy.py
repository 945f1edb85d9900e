"""The taxonomy loader: codes, ACLED defaults and per-language refine sets shared between codes."""
from __future__ import annotations

import pytest

from svidok.knowledge import load_acled_codebook, load_taxonomy, read_data_file

LANGUAGES = ("en", "uk", "ru")


def test_the_sixteen_spec_codes_remain_and_protest_riot_agreement_are_added() -> None:
    codes = set(load_taxonomy())
    assert {"killing", "attack_on_civilians", "detention", "military_losses", "atrocity_label"} <= codes
    assert {"protest", "riot", "agreement"} <= codes
    assert len(codes) == 19


def test_every_code_default_and_refinement_is_a_pair_from_acleds_codebook() -> None:
    codebook = load_acled_codebook()
    for claim_type in load_taxonomy().values():
        if claim_type.acled_event_type is not None:
            assert claim_type.acled_sub_event_type in codebook[claim_type.acled_event_type]
        for refinements in claim_type.acled_refinements.values():
            assert all(r.sub_event_type in codebook[r.event_type] for r in refinements)


def test_every_refine_set_has_patterns_in_english_ukrainian_and_russian() -> None:
    data = read_data_file("taxonomy.toml")
    assert tuple(data["refine_languages"]) == LANGUAGES
    for name, per_language in data["acled_refines"].items():
        assert all(per_language.get(language) for language in LANGUAGES), name


def test_killing_and_attack_on_civilians_share_the_weapon_refine_set_rather_than_copies() -> None:
    types = read_data_file("taxonomy.toml")["types"]
    assert "weapons" in types["killing"]["acled_refine"] and "weapons" in types["attack_on_civilians"]["acled_refine"]
    taxonomy = load_taxonomy()
    weapon_patterns = {p["pattern"] for p in read_data_file("taxonomy.toml")["acled_refines"]["weapons"]["en"]}
    for code in ("killing", "attack_on_civilians"):
        assert weapon_patterns <= {r.pattern.pattern for r in taxonomy[code].acled_refinements["en"]}


def test_military_losses_has_no_acled_type_unless_it_is_an_interception() -> None:
    losses = load_taxonomy()["military_losses"]
    assert losses.acled_for("Ukraine said it destroyed 12 Russian tanks near Bakhmut.", "en") == (None, None)
    assert losses.acled_for("Air defence shot down 14 cruise missiles over the capital.", "en") == (
        "Strategic developments", "Disrupted weapons use",
    )


def test_a_language_without_refine_patterns_gets_the_codes_default() -> None:
    killing = load_taxonomy()["killing"]
    assert killing.acled_for("Un drone a tué deux civils.", "fr") == ("Violence against civilians", "Attack")


@pytest.mark.parametrize("language", LANGUAGES)
def test_refine_patterns_of_one_language_do_not_fire_on_another(language: str) -> None:
    attack = load_taxonomy()["attack_on_civilians"]
    english_only = "A drone struck a house."
    expected = "Air/drone strike" if language == "en" else "Shelling/artillery/missile attack"
    assert attack.acled_for(english_only, language)[1] == expected
