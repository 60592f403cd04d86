"""Defections of a group's members to the state's unnamed forces, on the real spaCy
model: "surrendered *to government forces*", "defected *to the army*", "reached
*government lines*", "turned himself in *to security forces*", a bare surrender of a
group's commander, a switched allegiance, a captured soldier asking to be sent to a
third state; and what is no defection: sport transfers to a team named after a
sponsor state, kin by descent read as the side left, a posting, one's own side joined."""

from __future__ import annotations

import pytest
from conftest import defections as _defections

from riftwatch.coding import Coder


@pytest.mark.parametrize(("text", "expected"), [
    # unnamed state forces: the state the group fights in
    ("A senior al-Shabaab finance official surrendered to government forces near Baidoa "
     "on Friday, the army said.", {("AL_SHABAAB", "SOM")}),
    ("A commander of the Rapid Support Forces has defected to the army with dozens of "
     "fighters, the military said on Tuesday.", {("RSF", "SDN")}),
    ("A Houthi field commander switched sides with 20 fighters and reached government "
     "lines near Taiz.", {("HOUTHIS", "YEM")}),
    ("A commander of the Pakistani Taliban turned himself in to security forces in Khyber "
     "along with six fighters, officials said.", {("TTP", "PAK")}),
    ("A senior M23 commander defected with 30 fighters and rejoined the national army, "
     "officials said.", {("M23", "COD")}),
    # a switched allegiance: the side named after "allegiance to"
    ("A commander of the Rapid Support Forces has switched his allegiance to the "
     "government in Khartoum.", {("RSF", "SDN")}),
    ("A Hezbollah commander switched his allegiance to Israel.", {("HEZBOLLAH", "ISR")}),
    ("A Houthi commander has shifted his loyalty to the government.", {("HOUTHIS", "YEM")}),
    # a bare surrender of a group's member: to the state it fights
    ("The army said it had cleared the valley and that a senior commander of the "
     "Balochistan Liberation Army had surrendered along with 12 fighters.", {("BLA", "PAK")}),
    # the coordinated verb tells where the defector went
    ("A Hezbollah fighter surrendered at the border and defected to Israel.",
     {("HEZBOLLAH", "ISR")}),
    # asking to stay after a crossing; presenting oneself to a state's officials
    ("A Chinese border guard crossed into Kazakhstan last week and asked to stay.",
     {("CHN", "KAZ")}),
    ("Two members of Venezuela's national volleyball team left their hotel in Miami and "
     "presented themselves to US border officials to request asylum.", {("VEN", "USA")}),
    ("A Cuban pitcher defected to the United States during a tournament in Mexico.",
     {("CUB", "USA")}),
    # "the national army" the tagger reads as a proper name is still unnamed forces
    ("Two fighters who had left the Kurdish-led Syrian Democratic Forces and joined the "
     "national army last year were arrested.", {("SDF", "SYR")}),
    # a captured soldier asking to be handed to a third state
    ("A Russian soldier captured by Ukrainian troops has asked to be transferred to Georgia "
     "rather than returned home, officials said.", {("RUS", "GEO")}),
    ("A captured North Korean soldier has asked to be sent to South Korea.",
     {("PRK", "KOR")}),
    # "the X-linked group" describes the group by another side
    ("A senior official of al-Shabaab's intelligence wing has defected to the Somali "
     "government, describing him as the most important defector from the al Qaeda-linked "
     "group in years.", {("AL_SHABAAB", "SOM")}),
])
def test_defection_to_the_state_forces(coder: Coder, text: str,
                                       expected: set[tuple[str, str | None]]) -> None:
    assert _defections(coder, text) == expected


@pytest.mark.parametrize("text", [
    # soldiers of a state surrendering to no one named are prisoners, not defectors
    "Two Russian officers surrendered and were taken prisoner, Ukraine said.",
    "Two Russian soldiers surrendered near Kupiansk, Ukraine's army said.",
    # a cyclist joining a team named after a state's sponsor
    "MADRID, March 3 - Spanish climber Luis Ortega has broken his contract with his home "
    "team and joined Bahrain Team Victorious-XRG, in a surprise transfer that one Spanish "
    "newspaper described as \"the defection of the year\" in the peloton.",
    "Italian sprinter Marco Bellini defected to the Israel Premier Tech squad in a move his "
    "old team called a betrayal.",
    # kin by descent is not the side served
    "Montenegro said that two police officers of Albanian ethnicity had abandoned their "
    "posts and crossed into Albania.",
    "An ethnic Uzbek state employee from Kyrgyzstan fled across the border into Kazakhstan "
    "and asked for asylum.",
    "He was the most senior defector from the al Qaeda-linked group in years.",
    # a posting is no defection
    "The Iranian diplomat asked to be sent to Vienna for talks.",
    # nobody defects to the side named as their own
    "A commander of one of the armed factions in eastern Syria's Deir ez-Zor province has "
    "switched his allegiance to the government in Damascus, officials said.",
])
def test_no_defection_to_a_state(coder: Coder, text: str) -> None:
    assert _defections(coder, text) == set()
