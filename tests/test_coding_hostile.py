"""Hostile political acts that relationship scoring weighs heavily (attack, threaten,
mobilize, expel_diplomats, reduce_relations, demand): phrasings of wire news, checked
on the real spaCy model with sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import code_text, triples

from riftwatch.coding import Coder

HOSTILE = {"attack", "threaten", "mobilize", "expel_diplomats", "reduce_relations", "demand",
           "sanction"}


def _events(coder: Coder, text: str) -> list[dict[str, Any]]:
    return code_text(coder, text)


def _hostile(coder: Coder, text: str) -> set[tuple[str, str, str | None]]:
    return triples(_events(coder, text), HOSTILE)


@pytest.mark.parametrize(("text", "expected"), [
    # the weapon or unit is the subject, the state an adjective
    ("Russian rockets and drones struck grain silos in the Mykolaiv region overnight.",
     {("attack", "RUS", "UKR")}),
    ("Israeli jets struck an arms warehouse near Aleppo airport on Friday.",
     {("attack", "ISR", "SYR")}),
    # the place struck is the side that holds it, not the state it lies in
    ("Israeli bombers struck a fuel depot in Yemen's Houthi-controlled town of Amran.",
     {("attack", "ISR", "HOUTHIS")}),
    # firing a weapon at a target
    ("The Houthis fired three cruise missiles at a British frigate in the Gulf of Aden.",
     {("attack", "HOUTHIS", "GBR")}),
    ("Hezbollah launched a salvo of rockets at Haifa late on Sunday.",
     {("attack", "HEZBOLLAH", "ISR")}),
    # an accusation of firing: the accuser is the side hit when no other is named
    ("Armenia accused Azerbaijan of opening fire on a border post near Jermuk.",
     {("attack", "AZE", "ARM")}),
    ("Thailand accused Cambodian soldiers of firing mortar rounds across the frontier "
     "in support of local militias.",
     {("attack", "KHM", "THA")}),
    # who blames never is who attacked
    ("A drone hit a Turkish base in northern Iraq. Turkey blamed the PKK for the attack.",
     {("attack", "PKK", "TUR")}),
    # reciprocal fire: both sides attack
    ("Tajikistan and Kyrgyzstan exchanged mortar fire along their disputed frontier.",
     {("attack", "TJK", "KGZ"), ("attack", "KGZ", "TJK")}),
    ("Eritrea closed its embassy in Addis Ababa over the dispute with Ethiopia. The two "
     "neighbours later exchanged artillery fire near Zalambessa.",
     {("attack", "ERI", "ETH"), ("attack", "ETH", "ERI"),
      ("reduce_relations", "ERI", "ETH")}),
])
def test_attack_phrasings(coder: Coder, text: str,
                          expected: set[tuple[str, str, str | None]]) -> None:
    assert expected <= _hostile(coder, text)


@pytest.mark.parametrize("text", [
    # a missile test names no one attacked
    "North Korea fired two ballistic missiles into the sea off its east coast on Monday.",
    # the side supported is not the side attacked
    "Rwanda fired artillery in support of M23 rebels, Congo said.",
])
def test_firing_without_a_target_is_no_attack(coder: Coder, text: str) -> None:
    assert not {t for t in _hostile(coder, text) if t[0] == "attack"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Iran's foreign ministry warned that Tehran would respond firmly to any Israeli "
     "aggression.", {("threaten", "IRN", "ISR")}),
    ("Pakistani drones struck a Taliban compound in Paktika province. The Taliban "
     "government vowed that the strike would not go unanswered.",
     {("threaten", "TALIBAN", "PAK")}),
    ("North Korea warned Japan that it would pay a heavy price for the naval drills.",
     {("threaten", "PRK", "JPN")}),
    ("China warned the Philippines against further provocations near the shoal.",
     {("threaten", "CHN", "PHL")}),
])
def test_threats_with_a_retaliation_cue(coder: Coder, text: str,
                                        expected: set[tuple[str, str, str | None]]) -> None:
    assert expected <= _hostile(coder, text)


@pytest.mark.parametrize("text", [
    # a warning about facts is no threat
    "The UN secretary-general urged Israel to open more crossings, warning that aid "
    "deliveries to Gaza had fallen sharply.",
    "Germany's intelligence service warned in its annual report that Russia and China "
    "were expanding their operations.",
    # the threatened one is not the one who threatens
    "A Belarusian journalist, who had been threatened with prosecution, fled to Lithuania.",
    # a promise of help is no threat
    "Japan pledged to help the Philippines rebuild the port.",
])
def test_warnings_without_a_threat_are_no_events(coder: Coder, text: str) -> None:
    assert not {t for t in _hostile(coder, text) if t[0] == "threaten"}


@pytest.mark.parametrize("text", [
    "The striker opened fire from thirty metres and the goalkeeper could only watch as "
    "Brazil beat Argentina in the match.",
    "Biologists in Kenya and Tanzania found that the wasp attacks caterpillars at night.",
    "The team launched a new app for Israeli and Iranian users, firing shots at rivals.",
    "Japanese and Chinese gamers in the video game fire missiles at enemy bases.",
])
def test_non_political_firing_and_attacks_yield_nothing(coder: Coder, text: str) -> None:
    assert not _events(coder, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Lithuania declared a Russian consul persona non grata on Tuesday.",
     {("expel_diplomats", "LTU", "RUS")}),
    ("Niger ordered two French diplomats to leave the country within 72 hours.",
     {("expel_diplomats", "NER", "FRA")}),
    ("The Czech foreign ministry told a Russian embassy official to leave by Friday.",
     {("expel_diplomats", "CZE", "RUS")}),
])
def test_expulsion_told_as_an_order_to_leave(coder: Coder, text: str,
                                             expected: set[tuple[str, str, str | None]]) -> None:
    assert expected <= _hostile(coder, text)


@pytest.mark.parametrize("text", [
    "The hotel asked the French tourists to leave the room by noon.",
    "The company ordered its staff to leave the building after a fire alarm.",
])
def test_an_order_to_leave_to_others_is_no_expulsion(coder: Coder, text: str) -> None:
    assert not {t for t in _hostile(coder, text) if t[0] == "expel_diplomats"}


@pytest.mark.parametrize(("text", "expected"), [
    # passive: the forces moved are the side
    ("Russian warships and bombers were deployed around Japan's northern islands on Monday.",
     {("mobilize", "RUS", "JPN")}),
    # target from the article's counterpart
    ("Azerbaijan accused Armenia of shelling its positions. Armenia dispatched tanks and "
     "missile systems to the frontier on Monday.",
     {("mobilize", "ARM", "AZE")}),
])
def test_mobilisation_told_as_deployments(coder: Coder, text: str,
                                          expected: set[tuple[str, str, str | None]]) -> None:
    assert expected <= _hostile(coder, text)
