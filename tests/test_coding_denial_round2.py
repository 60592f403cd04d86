"""Denial, round 2: a side saying it does not conduct espionage or intelligence
activities, and the report a denial answers is no other side's denial."""

from __future__ import annotations

import pytest
from conftest import Triple, code_text, triples
from conftest import denials as _denials

from riftwatch.coding import Coder


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
    ("Armenia's security service said it had arrested two Georgian agents.\n\nThe "
     "Georgian embassy described the reports as absurd.", {("denial", "GEO", "ARM")}),
])
def test_denial_sentence_is_no_report(coder: Coder, text: str,
                                      expected: set[Triple]) -> None:
    assert {t for t in _denials(coder, text) if t[1] == "GEO"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "the party"/"the movement" as the denier: the nearest earlier actor of that kind,
    # not the state named in between, even with no actor in the sentence before
    ("Iranian intelligence officers monitored the communications of Hezbollah commanders "
     "in Beirut, according to people close to the movement. The Iranian embassy declined "
     "to comment on the matter.\n\n\"We will not discuss it,\" one of them said.\n\n"
     "Publicly, the party denies any rift.", {("denial", "HEZBOLLAH", None)}),
    ("Hamas security officials say Iranian agents tracked the group's couriers in Gaza, "
     "according to two sources.\n\nIran's foreign ministry described the claims as lies. "
     "The movement rejected the report as well.",
     {("denial", "IRN", "HAMAS"), ("denial", "HAMAS", None)}),
    # a spokesman of a named body speaks for it, not for an earlier group
    ("The Houthis accused UN staff of spying for Israel.\n\nA UN spokesperson said the "
     "organisation \"categorically rejects\" the allegations.", {("denial", "UN", "HOUTHIS")}),
    # a lower-case compound makes another body: "the rights group" is no earlier actor
    ("A rights group accused Ethiopian forces of abuses. Ethiopia's government said it "
     "would investigate.\n\nThe rights group rejected the government's account.", set()),
])
def test_described_denier(coder: Coder, text: str, expected: set[Triple]) -> None:
    assert _denials(coder, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a reported act of the denier that is no claim against it (a cut of trade) does not
    # make its other side the accuser
    ("Georgian agents photographed Armenian border posts, two people familiar with the "
     "case said.\n\nTbilisi denied any involvement.\n\nAnalysts noted that Georgia had "
     "broken off trade with Russia, which angered Moscow.", {("denial", "GEO", None)}),
])
def test_no_accuser_from_unrelated_acts(coder: Coder, text: str,
                                        expected: set[Triple]) -> None:
    assert _denials(coder, text) == expected


@pytest.mark.parametrize(("text", "deniers"), [
    # "said X had been kidnapped by Y and denied …": the speaker denies, not the agent
    ("Iran said its general had been kidnapped by American agents and denied that he had "
     "defected.", {"IRN"}),
    ("Moscow said the diplomat had been lured by British agents and rejected reports that "
     "he had sought asylum.", {"RUS"}),
])
def test_denial_conjoined_with_reported_passive(coder: Coder, text: str,
                                                deniers: set[str]) -> None:
    assert {s for _t, s, _g in _denials(coder, text)} == deniers


@pytest.mark.parametrize(("text", "deniers"), [
    # the adjective misparsed as the gerund's object completes the labelling verb
    ("The Chinese consulate called the suspicion of spying \"groundless\" and urged "
     "their release.", {"CHN"}),
    ("Moscow called the accusation of meddling \"absurd\".", {"RUS"}),
])
def test_predicate_after_gerund(coder: Coder, text: str, deniers: set[str]) -> None:
    assert {s for _t, s, _g in _denials(coder, text)} == deniers


@pytest.mark.parametrize(("text", "expected"), [
    # a side saying none of its people left, where the article tells of a defection
    ("Six Venezuelan soldiers crossed into Colombia and asked for asylum, Colombian "
     "officials said.\n\nVenezuela's defence minister said that \"not a single soldier of "
     "the armed forces has deserted\".", {("denial", "VEN", "COL")}),
    ("A Russian pilot defected to Ukraine with his helicopter, Ukrainian intelligence "
     "said.\n\nThe Russian defence ministry said no pilot had defected.",
     {("denial", "RUS", "UKR")}),
    # no defection told: a plain statement
    ("The Malian army said no soldier had defected.", set()),
    ("The ministry said nobody had fled the flooded village.", set()),
])
def test_no_defector_statement(coder: Coder, text: str, expected: set[Triple]) -> None:
    assert _denials(coder, text) == expected


@pytest.mark.parametrize(("text", "defections"), [
    # a negative quantifier as subject negates the act
    ("Venezuela's defence minister said that not a single soldier has deserted.", set()),
    ("The army said no officer had defected to Colombia.", set()),
    ("Kyiv said none of the pilots had defected to Russia.", set()),
])
def test_negative_subject_negates(coder: Coder, text: str, defections: set[Triple]) -> None:
    assert triples(code_text(coder, text), {"defection"}) == defections
