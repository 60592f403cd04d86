"""Defection phrasings on the real spaCy model: the side left and the side joined when
the text tells a defection by custody, protection, landing places, loyalties and
unknown agencies of a named state; and senses that must stay free of events."""

from __future__ import annotations

import pytest
from conftest import defections as _defections

from riftwatch.coding import Coder


@pytest.mark.parametrize(("text", "expected"), [
    # movement, then custody by the other side
    ("A North Korean soldier walked across the demarcation line at dawn and was taken into "
     "custody by South Korean troops, officials said.", ("PRK", "KOR")),
    ("An Eritrean officer fled across the border into Ethiopia and was taken into custody, "
     "Ethiopian officials said.", ("ERI", "ETH")),
    ("A Belarusian border guard crossed the frontier on Friday and was placed under the "
     "protection of Lithuanian authorities.", ("BLR", "LTU")),
    # a defection verb, then protection by the other side
    ("A Cuban attache in Quito defected last week and was placed under the protection of "
     "Ecuadorian authorities.", ("CUB", "ECU")),
    # pilots landing at a place inside a state
    ("A Belarusian pilot flew his helicopter across the border and landed at an airfield in "
     "Lithuania's Vilnius region, switching sides.", ("BLR", "LTU")),
    ("A Russian pilot flew his jet over the front and landed at an airport in Ukraine, "
     "switching sides.", ("RUS", "UKR")),
    # forces loyal to a side
    ("An Islamic State commander switched sides and joined forces loyal to the Iraqi "
     "government.", ("ISIS", "IRQ")),
    # refuge noun with the place on it
    ("A first secretary at the Iranian embassy in Oslo has left his post and applied for "
     "international protection in Norway.", ("IRN", "NOR")),
    # breaking with one group and pledging allegiance to another
    ("A senior al-Shabaab commander broke with the group and pledged allegiance to the "
     "Islamic State.", ("AL_SHABAAB", "ISIS")),
    ("A Taliban commander split from the movement and joined the Islamic State with dozens "
     "of fighters.", ("TALIBAN", "ISIS")),
    # abandoning a base and joining an armed group without an id
    ("Two Myanmar army lieutenants and thirty soldiers abandoned their base and joined the "
     "ranks of a local resistance force.", ("MMR", None)),
])
def test_defection_told_by_custody_landing_loyalty_and_allegiance(
        coder: Coder, text: str, expected: tuple[str, str | None]) -> None:
    assert expected in _defections(coder, text)


@pytest.mark.parametrize("text", [
    # held by one's own side: an arrest, not a defection
    "A Russian conscript fled his unit and was taken into custody by Russian military police.",
    # migrants crossing a border are not defectors
    "Hundreds of Afghans crossed the border into Iran and were taken into custody by "
    "Iranian police.",
    # breaking with a partner in business
    "The Chinese carmaker broke with its German partner and joined a Korean consortium.",
])
def test_custody_and_breaks_that_are_no_defection(coder: Coder, text: str) -> None:
    assert not _defections(coder, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Prosecutors said officers of Venezuela's DGCIM military intelligence agency watched "
     "the exiles. A former DGCIM officer who defected to Spain testified.", ("VEN", "ESP")),
    ("The NIS, Ruritania's spy agency, denied the report. Officials said the evidence came "
     "from a former DGSN officer who defected to France.", None),
])
def test_unknown_agency_of_a_named_state_resolves_to_the_state(
        coder: Coder, text: str, expected: tuple[str, str] | None) -> None:
    found = _defections(coder, text)
    if expected is None:
        assert not {f for f in found if f[0] is not None and not f[0].startswith("X:")}
    else:
        assert expected in found


@pytest.mark.parametrize(("text", "expected"), [
    # not returning home, then refuge or protection
    ("The Bolivian attache did not return home when his posting ended and is now under the "
     "protection of Peruvian authorities.", ("BOL", "PER")),
    ("A Chinese diplomat in Prague failed to return home and is understood to be under Czech "
     "protection.", ("CHN", "CZE")),
    ("Three Eritrean officials did not return home after the summit and applied for asylum "
     "in Sweden.", ("ERI", "SWE")),
    # a defector told by a description
    ("Iran's consul in Frankfurt has not been seen for a week. The diplomat defected to "
     "Germany, officials in Berlin said.", ("IRN", "DEU")),
    ("Officials said the officer, who served at Russia's embassy in Vienna, had defected to "
     "Austria.", ("RUS", "AUT")),
])
def test_defection_told_by_non_return_or_by_a_description(
        coder: Coder, text: str, expected: tuple[str, str | None]) -> None:
    assert expected in _defections(coder, text)


@pytest.mark.parametrize("text", [
    "The Bolivian minister did not return home on time and is now under pressure from "
    "lawmakers.",
    "The striker did not return to the club after the break and is now in talks with a "
    "Spanish side.",
])
def test_non_return_without_refuge_is_no_defection(coder: Coder, text: str) -> None:
    assert not _defections(coder, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("A Somali commander quit al-Shabaab and joined the Islamic State with forty men.",
     ("AL_SHABAAB", "ISIS")),
    ("Two Russian conscripts deserted their unit near Kupiansk and surrendered to Ukrainian "
     "troops.", ("RUS", "UKR")),
])
def test_the_named_group_left_is_the_side_left(
        coder: Coder, text: str, expected: tuple[str, str]) -> None:
    assert expected in _defections(coder, text)


@pytest.mark.parametrize("text", [
    "A British fund manager went over to a Swiss bank last spring.",
    "A Kenyan lawmaker quit the Jubilee party and joined the opposition alliance.",
    "Two software engineers quit Microsoft and joined a Chinese start-up.",
    "The Brazilian winger defected to a rival club in Portugal.",
])
def test_business_party_and_club_switches_are_no_defection(coder: Coder, text: str) -> None:
    assert not _defections(coder, text)
