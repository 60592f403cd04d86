"""Espionage done for several sides at once (coordinated "for" phrases, a "for" phrase
hung on the people spied on) and the victim as what the task watches. Sentences written for these
tests (not taken from the evaluation sets)."""

from __future__ import annotations

import pytest
from conftest import code_text, espionages, triples

from riftwatch.coding import Coder


@pytest.mark.parametrize(("text", "expected"), [
    # a repeated "for": one event per sponsor, and no sponsor is the other's victim
    ("A Hamas court convicted four men of spying for the Egyptian government and for "
     "Jordanian and British intelligence.",
     {("EGY", "HAMAS"), ("JOR", "HAMAS"), ("GBR", "HAMAS")}),
    ("Hezbollah said the cell had collected information on its commanders for French "
     "intelligence and for the CIA.", {("FRA", "HEZBOLLAH"), ("USA", "HEZBOLLAH")}),
    # the "for" phrase hung on the people spied on
    ("The Taliban said they had arrested a network spying on their commanders for "
     "Pakistani and Indian intelligence.", {("PAK", "TALIBAN"), ("IND", "TALIBAN")}),
])
def test_every_sponsor_of_one_act(coder: Coder, text: str,
                                  expected: set[tuple[str, str | None]]) -> None:
    assert espionages(coder, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the task's named victim, not the recruits' country
    ("Iranian intelligence recruited members of a Danish gang to carry out surveillance "
     "of the Israeli embassy.", {("IRN", "ISR")}),
    ("Russian intelligence hired two Polish men to photograph the Ukrainian embassy.",
     {("RUS", "UKR")}),
    ("Chinese agents carried out surveillance of the Taiwanese trade office in Prague.",
     {("CHN", "TWN")}),
    # "on" hung on the sponsor: the owner of the site, not its host
    ("Dutch police arrested two men suspected of spying for Russian intelligence on "
     "the British Army's depot near Rotterdam.", {("RUS", "GBR")}),
    # watched people stand for where they live, the shared clause after the last of them
    ("Sweden expelled an Eritrean diplomat who had organised the surveillance of "
     "Eritrean journalists and Ethiopian activists living in Sweden.", {("ERI", "SWE")}),
])
def test_victim_is_what_the_task_watches(coder: Coder, text: str,
                                         expected: set[tuple[str, str | None]]) -> None:
    assert espionages(coder, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a refused permission is no act; a granted one is
    ('"Estonia will not allow foreign services to spy on our soldiers," the Estonian '
     "president said.", set()),
    ("The Latvian government allowed Russian agents to spy on its border posts for "
     "years, the report said.", {("RUS", "LVA")}),
])
def test_refused_permission_is_no_act(coder: Coder, text: str,
                                      expected: set[tuple[str, str | None]]) -> None:
    assert espionages(coder, text) == expected



@pytest.mark.parametrize(("text", "expected"), [
    # an apposed "a charge X rejected" leaves the act alleged, answered by a denial
    ("Last month, Hezbollah detained several of its own members in Tyre on suspicion of "
     "passing information to Jordanian intelligence, a charge Amman rejected.",
     {("espionage", "JOR", "HEZBOLLAH"), ("denial", "JOR", "HEZBOLLAH")}),
    ("Last week, Hamas arrested two of its own commanders in Rafah on suspicion of passing "
     "information to Qatari intelligence, a charge Doha rejected.",
     {("espionage", "QAT", "HAMAS"), ("denial", "QAT", "HAMAS")}),
])
def test_apposed_rejected_charge_keeps_the_act(coder: Coder, text: str,
                                               expected: set[tuple[str, str, str | None]]
                                               ) -> None:
    assert triples(code_text(coder, text, "2026-03-01T00:00:00Z"),
                   {"espionage", "denial"}) == expected


def test_a_later_unrelated_arrest_leaves_the_named_victim(coder: Coder) -> None:
    text = ("Lebanese security forces arrested six men accused of spying on army bases on "
            "behalf of Iran's Revolutionary Guards. Beirut summoned the Iranian envoy. "
            "Tehran called the charges baseless. Officials said the inquiry would widen. "
            "The army said the men had photographed barracks. Separately, Hezbollah "
            "detained several Lebanese nationals in the south on suspicion of passing "
            "information to Israel.")
    assert ("IRN", "LBN") in espionages(coder, text)
    assert ("IRN", "HEZBOLLAH") not in espionages(coder, text)
