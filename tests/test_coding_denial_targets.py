"""Denial targets: the accuser is a side that made the claim denied; a claim told by
unnamed sources, the press or a person with no id leaves the target empty."""

from __future__ import annotations

import pytest
from conftest import Triple
from conftest import denials as _denials

from riftwatch.coding import Coder


@pytest.mark.parametrize(("text", "expected"), [
    # the maker of the denied claim is named and has no id: no other side is the accuser
    ("A former Ugandan intelligence officer who fled to Kenya told reporters that Kampala "
     "had spied on Kenyan lawmakers.\n\nUganda dismissed the officer's account as lies.",
     {("denial", "UGA", None)}),
    ("Iranian agents monitored Iraqi militia leaders for months, according to people "
     "familiar with the matter.\n\nIran dismissed reports in foreign media as a fabrication.",
     {("denial", "IRN", None)}),
    # the act denied is told by unnamed sources, not by its victim
    ("Russian intelligence recruited a Moldovan customs officer last year, according to "
     "two officials familiar with the case.\n\nThe Russian embassy described the reports "
     "as a provocation.", {("denial", "RUS", None)}),
    # a named body of the victim state did tell it: it is the accuser
    ("Russian intelligence recruited a Moldovan customs officer last year, Moldova's "
     "security service said.\n\nThe Russian embassy described the reports as a "
     "provocation.", {("denial", "RUS", "MDA")}),
    ("A report by a United Nations panel said Eritrean agents had spied on refugees in "
     "Sudan.\n\nEritrea dismissed the report by the UN panel as a fabrication.",
     {("denial", "ERI", "UN")}),
])
def test_denial_target_is_who_made_the_claim(coder: Coder, text: str,
                                             expected: set[Triple]) -> None:
    assert _denials(coder, text) == expected


def _deniers(coder: Coder, text: str) -> set[str]:
    return {s for _t, s, _g in _denials(coder, text)}


@pytest.mark.parametrize(("text", "deniers"), [
    # a denial verb misread as the clause of a trailing "a charge X rejected"
    ("Syria's foreign ministry dismissed the arrests as a plot and accused the Jordanian "
     "authorities of sheltering militants, a charge Amman has always rejected.", {"SYR", "JOR"}),
    # claims that are recordings or talk
    ("Moscow dismissed the Ukrainian footage as a staged production.", {"RUS"}),
    ("The Chinese embassy dismissed the video as a crude montage.", {"CHN"}),
    # an unnamed source of a state speaks for it
    ("A Pakistani security source rejected the allegations as baseless.", {"PAK"}),
    # a labelling verb coordinated with a reporting verb takes its subject
    ("A Chinese foreign ministry spokesman said Beijing had no information about the man "
     "and described the claims of spying on Japan as absurd inventions.", {"CHN"}),
    # reporting verbs beyond "say", a statement's that-clause, a participial aside
    ("Russia's foreign ministry stressed that the espionage accusations were entirely "
     "groundless.", {"RUS"}),
    ("The Iranian embassy said in a written response that the claims were pure "
     "fabrication.", {"IRN"}),
    ("Iran's mission to the United Nations, asked about the report, said there was no "
     "truth to the Israeli claims.", {"IRN"}),
    # a relative "that" read as a complementiser under a claim noun's participle
    ("Last year a defector alleged that Iranian agents spied on the group's leaders, "
     "allegations first reported by this newspaper that Tehran and Damascus both rejected.",
     {"IRN", "SYR"}),
])
def test_denial_speaker_found(coder: Coder, text: str, deniers: set[str]) -> None:
    assert _deniers(coder, text) == deniers


@pytest.mark.parametrize(("text", "expected"), [
    # a side's statement that it never did a hostile act is a denial
    ("Egypt's foreign ministry said Egypt \"has never spied on Sudan\".", {("EGY", None)}),
    ("\"Algeria does not spy on its neighbours,\" the ministry said.", {("DZA", None)}),
    ("The Kremlin said it had never meddled in Moldova's elections.", {("RUS", None)}),
    ("Turkey's embassy said Turkey has never interfered in Iraq's internal affairs.",
     {("TUR", None)}),
    # not the side's own word, a plain negated act, or no side at all
    ("Iran never spied on Iraq, Baghdad said.", set()),
    ("Germany has not accused France of spying.", set()),
    ("Poland did not spy on Belarus during the talks.", set()),
    ("The engineer told the court he had never spied for anyone.", set()),
])
def test_statement_of_innocence_is_a_denial(coder: Coder, text: str,
                                            expected: set[tuple[str, str | None]]) -> None:
    assert {(s, t) for _e, s, t in _denials(coder, text)} == expected


def test_spy_acting_against_the_denier_is_no_accuser(coder: Coder) -> None:
    """The side said to have spied on the denier made no claim; the side that arrested
    its nationals did."""
    spied = ("An Israeli agent spied on Hezbollah commanders for two years, according to "
             "people close to the group.\n\nHezbollah denied that any breach had occurred.")
    assert _denials(coder, spied) == {("denial", "HEZBOLLAH", None)}
    arrested = ("Thai police arrested two Cambodian nationals on suspicion of spying near a "
                "navy base.\n\nPhnom Penh rejected the accusations.")
    assert _denials(coder, arrested) == {("denial", "KHM", "THA")}


@pytest.mark.parametrize(("text", "expected"), [
    # a side disowns the spy or defector the article ties to it
    ("Latvia arrested a man suspected of spying for Russia.\n\nRussia's embassy said the "
     "man had never worked for any Russian body.", {("RUS", "LVA")}),
    ("A Hamas fighter defected to Israel, the Israeli army said.\n\nHamas said the man was "
     "not a member of the movement.", {("HAMAS", "ISR")}),
    ("Kenyan police arrested two men accused of spying for Uganda.\n\nUganda's foreign "
     "ministry said none of the men had worked for Uganda.", {("UGA", "KEN")}),
    # no act of the side's in the article: a statement of fact, not a denial
    ("A Cuban diplomat defected to Spain, Spanish officials said.\n\nSpanish officials said "
     "the man had never worked for Spanish intelligence.", set()),
    ("Russia's foreign ministry said the new ambassador had never worked for the security "
     "services.", set()),
])
def test_side_disowning_a_person(coder: Coder, text: str,
                                 expected: set[tuple[str, str | None]]) -> None:
    assert {(s, t) for _e, s, t in _denials(coder, text)} == expected
