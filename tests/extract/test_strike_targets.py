"""A strike that hit an armed force's equipment or positions is that force's loss, not an attack on civilians."""
from __future__ import annotations

import pytest
from extract_documents import make_document

from svidok.extract import extract_claims
from svidok.extract.lexicon import load_lexicon
from svidok.extract.targets import military_target_only, retarget_strikes
from svidok.extract.triggers import Trigger


def names_only_a_military_target(text: str, language: str = "en") -> bool:
    return military_target_only(text, load_lexicon(language).targets)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "An infantry fighting vehicle was struck by an anti-tank missile east of Siversk"),
        ("en", "Artillery pounded Ukrainian positions near the river all night"),
        ("en", "A drone hit an ammunition depot outside Dzhankoi"),
        ("en", "Strike on military infrastructure in the port city"),
        ("en", "A pontoon bridge over the river was shelled twice"),
        ("uk", "Дрон уразив російську БМП-2 поблизу Кліщіївки"),
        ("uk", "Ворог обстріляв позиції наших військ біля Ямполя"),
        ("uk", "Удар по складу боєприпасів окупантів"),
        ("ru", "Беспилотник поразил танк у Работино"),
        ("ru", "Артиллерия обстреляла позиции противника"),
        ("ru", "Ракетный удар по военному аэродрому"),
    ],
)
def test_strikes_on_equipment_positions_and_depots_name_only_a_military_target(language: str, text: str) -> None:
    assert names_only_a_military_target(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # The military words name the attacker, not what was hit.
        ("en", "Russian tanks shelled the outskirts of the town"),
        ("en", "The village was shelled from positions across the river"),
        ("uk", "Окупанти обстріляли село з танків"),
        ("ru", "Село обстреляли из артиллерии"),
        # A civilian person or object beside a military one keeps the attack on civilians.
        ("en", "A burnt-out tank and a wrecked community gym after the strike"),
        ("en", "Shelling hit army positions and three houses on the edge of the village"),
        ("uk", "Обстріл позицій і житлових будинків у передмісті"),
        ("ru", "Удар по позициям и жилым домам"),
        # No target named at all.
        ("en", "Shelling of the town centre overnight"),
        ("en", "A missile hit a fuel tank at the oil depot"),
        ("uk", "Обстріл Катеринівки"),
        ("ru", "Танкер загорелся после удара"),
    ],
)
def test_attackers_civilian_objects_and_unnamed_targets_are_not_military_targets(language: str, text: str) -> None:
    assert not names_only_a_military_target(text, language)


def test_military_words_hold_the_civilian_words_inside_them() -> None:
    # "infrastructure" and "bridge" are civilian words, but here parts of a military name.
    assert names_only_a_military_target("Missile strike on military infrastructure and a pontoon bridge")


def strike(text: str, start: int, end: int) -> Trigger:
    return Trigger("attack_on_civilians", start, end, text[start:end], probability=0.4)


def test_strike_on_a_tank_is_retyped_as_military_losses_with_that_types_probability() -> None:
    text = "A tank was struck by a drone near the crossing"
    retyped = retarget_strikes(text, [strike(text, 11, 17)], {"military_losses": 0.35, "attack_on_civilians": 0.4}, load_lexicon("en").targets)
    assert [(t.type, t.text, t.probability) for t in retyped] == [("military_losses", "struck", 0.35)]


def test_strike_beside_a_stated_loss_of_the_same_type_is_dropped_not_doubled() -> None:
    text = "Shelling destroyed two tanks"
    loss = Trigger("military_losses", 9, 28, "destroyed two tanks")
    retyped = retarget_strikes(text, [strike(text, 0, 8), loss], {}, load_lexicon("en").targets)
    assert retyped == [loss]


def test_strike_on_homes_is_left_as_an_attack_on_civilians() -> None:
    text = "Shelling destroyed two homes"
    kept = [strike(text, 0, 8)]
    assert retarget_strikes(text, kept, {}, load_lexicon("en").targets) == kept


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("A Russian BMP-2 was struck by a Ukrainian drone near Robotyne.", "Air/drone strike"),
        ("Беспилотник поразил российский танк у Работино.", "Air/drone strike"),
        ("Ворог обстріляв позиції ЗСУ з артилерії біля Часового Яру.", "Shelling/artillery/missile attack"),
    ],
)
def test_whole_extraction_types_a_strike_on_armour_or_positions_as_losses_coded_by_its_means(text: str, sub_event_type: str) -> None:
    claims = extract_claims(make_document(text))
    assert [c.type for c in claims] == ["military_losses"]
    assert claims[0].acled_sub_event_type == sub_event_type
    assert not claims[0].legal, "a strike on armour engages no provision on attacks on civilians"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The ministry said its forces had struck a temporary deployment point of a brigade."),
        ("uk", "Уражено пункт тимчасової дислокації окупантів."),
        ("ru", "Нанесен удар по пункту временной дислокации подразделения."),
    ],
)
def test_a_units_deployment_point_is_a_military_target(language: str, text: str) -> None:
    assert names_only_a_military_target(text, language)


@pytest.mark.parametrize(
    "text",
    [
        "A Russian missile struck a dormitory in Dnipro on Friday, killing five people and wounding 22.",
        "Російська ракета влучила в будинок у Дніпрі, загинули п'ятеро людей.",
        "Ракета попала в дом в Днепре, погибли пять человек.",
    ],
)
def test_the_dead_of_a_strike_are_its_toll_not_a_killing_of_their_own(text: str) -> None:
    claims = extract_claims(make_document(text))
    assert [(c.type, c.fatalities) for c in claims] == [("attack_on_civilians", 5)]


def test_an_execution_beside_a_strike_is_a_killing_too() -> None:
    text = "Russian troops shelled the village of Yahidne and executed two men in the yard of the school."
    assert {c.type for c in extract_claims(make_document(text))} == {"attack_on_civilians", "killing"}


def test_a_toll_of_none_makes_no_killing_claim() -> None:
    assert [c.type for c in extract_claims(make_document("Shelling hit Kherson overnight. Nobody was killed or injured."))] == ["attack_on_civilians"]
