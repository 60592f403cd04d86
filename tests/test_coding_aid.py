"""Aid told as arming, funding or supplying weapons, and why aid never decides who the
other side of an article's conflict is: checked on the real spaCy model with sentences
written for these tests."""

from __future__ import annotations

import pytest
from conftest import code_text, triples

from riftwatch.coding import Coder


@pytest.mark.parametrize(("text", "expected"), [
    ("Tehran has funded, trained and armed Hezbollah since the 1980s.",
     {("aid", "IRN", "HEZBOLLAH")}),
    ("Tehran has armed the Houthis for a decade.", {("aid", "IRN", "HOUTHIS")}),
    ("Ankara supplied Baku with armed drones during the offensive.", {("aid", "TUR", "AZE")}),
    ("Washington provided Kyiv with air defence missiles last winter.",
     {("aid", "USA", "UKR")}),
    ("Qatar has financed the salaries of Hamas's civil servants in Gaza.",
     {("aid", "QAT", "HAMAS")}),
    ("Iran sent ammunition and rockets to Hezbollah through Syria, officials said.",
     {("aid", "IRN", "HEZBOLLAH")}),
])
def test_arming_funding_and_supplying_weapons_is_aid(coder: Coder, text: str,
                                                     expected: set) -> None:
    assert triples(code_text(coder, text), {"aid"}) == expected


@pytest.mark.parametrize("text", [
    # goods that are not weapons or money, and payees that are not political actors
    "Norway supplies natural gas to Germany under long-term contracts.",
    "Saudi Arabia funded a new football stadium in Riyadh.",
    "The Japanese carmaker supplied Brazilian dealers with spare parts.",
])
def test_trade_and_domestic_spending_are_not_aid(coder: Coder, text: str) -> None:
    assert not triples(code_text(coder, text), {"aid"})


def test_a_denied_aid_story_names_the_accuser_not_the_beneficiary(coder: Coder) -> None:
    """The beneficiary of denied aid is no accuser (the victim of a denied attack is)."""
    text = ("Iran allegedly armed the Houthis with missiles last year. "
            "Iran denied the allegations on Sunday.")
    assert triples(code_text(coder, text), {"denial"}) == {("denial", "IRN", None)}


def test_aid_does_not_decide_the_other_side_of_a_conflict(coder: Coder) -> None:
    """The side a defector joined, when unnamed, is the side the article sets against
    the one he left: the sponsor arming that side is not it."""
    text = ("Iran has armed the Houthis for years. Saudi jets struck Houthi positions near "
            "Marib on Monday. A Houthi brigade commander defected on Tuesday with forty "
            "fighters.")
    assert ("defection", "HOUTHIS", "SAU") in triples(code_text(coder, text), {"defection"})
