"""Denial, round 2: a side saying it does not conduct espionage or intelligence
activities, and the report a denial answers is no other side's denial."""

from __future__ import annotations

import pytest
from conftest import Triple, code_text, triples

from riftwatch.coding import Coder


def _denials(coder: Coder, text: str) -> set[Triple]:
    return triples(code_text(coder, text), {"denial"})


@pytest.mark.parametrize(("text", "expected"), [
    ("Iranian agents spied on Turkish officials, Turkish media reported.\n\nIran \"does not "
     "conduct intelligence activities against its neighbours,\" an Iranian official said.",
     {("denial", "IRN", None)}),
    # the object on the second, hypothetical verb of a pair
    ("A Turkish official said Turkey \"does not conduct and would never conduct espionage "
     "in Azerbaijan\".", {("denial", "TUR", None)}),
    ("Police in Warsaw arrested a Belarusian man on suspicion of espionage.\n\nBelarus does "
     "not conduct covert operations in Poland, a Belarusian official said.",
     {("denial", "BLR", "POL")}),
    # other activities are no denial of spying
    ("The Kenyan army said it does not conduct military operations inside Somalia.", set()),
    ("The company said it does not conduct business in Russia.", set()),
])
def test_not_conducting_espionage(coder: Coder, text: str, expected: set[Triple]) -> None:
    assert _denials(coder, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the sentence before is the accused's ally denying too: no claim of the ally's
    ("Georgian intelligence officers monitored Armenian diplomats in Tbilisi, according to "
     "people familiar with the operation.\n\nAn Armenian official said the stories were "
     "baseless.\n\nThe Georgian embassy described the reports as absurd.",
     {("denial", "GEO", None)}),
    # a named side's report before it stays the accuser
    ("Georgia's security service said it had arrested an Armenian driver.\n\nThe Georgian "
     "embassy described the reports as absurd.", {("denial", "GEO", "ARM")}),
])
def test_denial_sentence_is_no_report(coder: Coder, text: str,
                                      expected: set[Triple]) -> None:
    assert {t for t in _denials(coder, text) if t[1] == "GEO"} == expected
