"""Which actor a mention stands for when a group description, a possessor or a
nationality word says whose it is: a definite group description as a subject is what a
later "its"/"their" means (not a state or city named in between), "the paramilitary's"
refers back to the nearest earlier group, and a generic body's name owned by a state
("Pakistan's Foreign Office", "the Philippines' National Security Council") is that
state's. Sentences written for these tests (not taken from the evaluation sets)."""

from __future__ import annotations

import pytest
from conftest import code_text, triples

from riftwatch.coding import Coder


@pytest.mark.parametrize(("text", "expected"), [
    # a group description as subject: "its"/"their" mean the group, not the host state
    # or a capital named in between
    ("Saudi envoys held talks with the Houthi leadership in Sanaa on Monday, three days "
     "after the movement said Saudi agents had tapped its commanders' phones.",
     {("SAU", "HOUTHIS")}),
    ("An Iranian general met the leaders of Kataib Hezbollah in Baghdad last week, days "
     "after the militia complained that Iranian officers had monitored its radio traffic.",
     {("IRN", "KATAIB_HEZBOLLAH")}),
    ("Turkish officials visited the Syrian National Army in Azaz after the faction alleged "
     "that Turkish intelligence had bugged its headquarters.", {("TUR", "SNA")}),
    # the paramilitary's: the nearest earlier group, not the host state
    ("After an RSF commander defected to the army, Sudan accused the UAE of bugging the "
     "paramilitary's own headquarters in Nyala.", {("ARE", "RSF")}),
    # negatives: a state's own headquarters and ministries stay the state's
    ("The Iraqi government accused Iran of spying on its ministries.", {("IRN", "IRQ")}),
    ("Iraq said Iranian agents had bugged the country's own defence ministry.",
     {("IRN", "IRQ")}),
])
def test_group_description_antecedent(coder: Coder, text: str,
                                      expected: set[tuple[str, str]]) -> None:
    assert {(s, t) for _, s, t in triples(code_text(coder, text), {"espionage"})} == expected


@pytest.mark.parametrize(("text", "source"), [
    ("Pakistan's Foreign Office denied that its diplomats had spied on Afghanistan.", "PAK"),
    ("The Pakistani Foreign Office rejected the report that Islamabad spied on India.",
     "PAK"),
    ("The Philippines' National Security Council denied that Manila had spied on China.",
     "PHL"),
    ("Iran's Supreme National Security Council denied that Tehran had spied on Iraq.",
     "IRN"),
    # negatives: the bare names keep their default owners
    ("The Foreign Office denied that Britain had spied on Germany.", "GBR"),
    ("The Security Council rejected the report that its staff had spied on Mali.", "UN"),
])
def test_generic_body_owned_by_state(coder: Coder, text: str, source: str) -> None:
    assert {s for _, s, _t in triples(code_text(coder, text), {"denial"})} == {source}


def test_national_body_without_owner_is_no_un(coder: Coder) -> None:
    text = ("The men were collecting military information for the Ministry of State "
            "Security of China, the spokesman of the National Security Council said.")
    assert "UN" not in {t for _, _s, t in triples(code_text(coder, text), {"espionage"})}



@pytest.mark.parametrize(("text", "expected"), [
    # a possessed metonym as antecedent is its possessor, never its default owner
    ("Pakistan's Foreign Office rejected the claims. Islamabad blames the group for the "
     "deaths of sixty soldiers.", set()),
    ("Hezbollah fired rockets at Israel on Monday. Israel accused the group of violating "
     "the truce.", {("ISR", "HEZBOLLAH")}),
])
def test_possessed_metonym_antecedent(coder: Coder, text: str,
                                      expected: set[tuple[str, str]]) -> None:
    assert {(s, t) for _, s, t in triples(code_text(coder, text), {"accuse"})} == expected
