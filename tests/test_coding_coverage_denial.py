"""Phrasing coverage for denials: ordinary wire, government and armed-group wordings
of a denial, each with the denier and the accuser the text names (else no target), and
negated, hypothetical and non-political senses that must give no denial."""

from __future__ import annotations

import pytest
from conftest import Triple, gap
from conftest import denials as _denials

from riftwatch.coding import Coder

CASES: list[object] = [
    # verbs with the accuser as the owner of the claim
    ("Moscow categorically denied the British accusations of espionage.",
     {("denial", "RUS", "GBR")}),
    ("Iran rejected the allegations by Israel as baseless propaganda.",
     {("denial", "IRN", "ISR")}),
    ("Ethiopia rejected Eritrea's claims on Tuesday.", {("denial", "ETH", "ERI")}),
    ("Serbia repudiated Kosovo's claim that Serbian intelligence officers had entered the "
     "north.", {("denial", "SRB", "XKX")}),
    ("The Taliban rebuffed Pakistan's charge that they shelter militants.",
     {("denial", "TALIBAN", "PAK")}),
    ("The Pakistani military brushed aside Indian allegations that its spies had "
     "infiltrated Kashmir.", {("denial", "PAK", "IND")}),
    ("Venezuela scoffed at the Colombian accusations.", {("denial", "VEN", "COL")}),
    ("China's foreign ministry dismissed as groundless Washington's claims that Chinese "
     "agents had spied on dissidents.", {("denial", "CHN", "USA")}),
    # labels of the claim
    ("In a statement, the Chinese embassy in Canberra described Australia's accusations as "
     "slanderous.", {("denial", "CHN", "AUS")}),
    ("Belarus said the accusations by Lithuania were absurd.", {("denial", "BLR", "LTU")}),
    ("A Chinese foreign ministry spokeswoman said the U.S. accusations were pure "
     "fabrication.", {("denial", "CHN", "USA")}),
    ("North Korea's state news agency called the South Korean report a fabrication.",
     {("denial", "PRK", "KOR")}),
    ("Beijing flatly rejected the accusation, calling it a smear.",
     {("denial", "CHN", None)}),
    ("A spokesman for the Russian embassy said the claims were untrue.",
     {("denial", "RUS", None)}),
    ("The Kremlin said there was no truth to the reports.", {("denial", "RUS", None)}),
    # disowning the act
    ("Hezbollah denied any involvement in the plot.", {("denial", "HEZBOLLAH", None)}),
    ("Hamas said it had nothing to do with the bombing.", {("denial", "HAMAS", None)}),
    ("Egypt said it played no role in the coup attempt in Sudan.",
     {("denial", "EGY", None)}),
    ("Iran's foreign ministry spokesman said Tehran was not involved in the plot.",
     {("denial", "IRN", None)}),
    ("Russia has always denied interfering in elections abroad.",
     {("denial", "RUS", None)}),
    ("Kremlin denies spying on German lawmakers", {("denial", "RUS", None)}),
    ("Officials in Kigali denied the charges.", {("denial", "RWA", None)}),
    # the accuser named in a clause around the denial
    ("Rwanda has repeatedly denied backing the M23 rebels, as Congo alleges.",
     {("denial", "RWA", "COD")}),
    ("Cuba denies that it hosts a Chinese spy base, as U.S. officials have alleged.",
     {("denial", "CUB", "USA")}),
    gap("Russia denied on Monday that its agents had spied on Moldovan officials. The "
         "allegation was made by Moldova's intelligence service last week.",
         {("denial", "RUS", "MDA")},
         "an accuser named only after the denial ('The allegation was made by X') is not "
         "linked back to it"),
    # the press is no accuser
    ("Turkey strongly denied a report in a German newspaper that its intelligence service "
     "had monitored Kurdish activists in Berlin.", {("denial", "TUR", None)}),
    ("The Sudanese army denied that its soldiers had defected to the RSF.",
     {("denial", "SDN", None)}),
    # the accuser told in the sentence before, or as owner of the claim
    ("Egypt accused Ethiopia of spying on its embassy. Addis Ababa dismissed the "
     "allegation as baseless.", {("denial", "ETH", "EGY")}),
    ("Hezbollah rejected Israeli claims that it had smuggled weapons from Iran.",
     {("denial", "HEZBOLLAH", "ISR")}),
    ("Burundi denied the allegations made by Rwanda.", {("denial", "BDI", "RWA")}),
    ("The Ugandan army denied the UN panel's findings.", {("denial", "UGA", "UN")}),
    ("The Russian defence ministry called the Ukrainian claims absurd.",
     {("denial", "RUS", "UKR")}),
    ("In response, the Turkish foreign ministry described the Greek claims as baseless.",
     {("denial", "TUR", "GRC")}),
    ("North Korea said the report by South Korea's spy agency was a fabrication.",
     {("denial", "PRK", "KOR")}),
    ("Azerbaijan rebuffed the accusation from Armenia.", {("denial", "AZE", "ARM")}),
    ("The Houthis called the Saudi allegations baseless.", {("denial", "HOUTHIS", "SAU")}),
    ("Russia described the British accusations as politically motivated.",
     {("denial", "RUS", "GBR")}),
    ('Qatar rejected as "totally false" Egyptian claims that it funds Hamas.',
     {("denial", "QAT", "EGY")}),
    gap("Tehran said the charges by Washington were politically motivated.",
         {("denial", "IRN", "USA")},
         "'politically motivated' is a denial only after dismiss/describe, not as the "
         "predicate of a reported clause (too broad: 'the arrest was politically motivated')"),
    gap("Moscow called the report by the Dutch intelligence agency nonsense.",
         {("denial", "RUS", "NLD")},
         "the parser takes 'nonsense' for the object of 'by', hiding the accuser"),
    # no accuser named: reports, quotes, headlines
    ("Hamas denied reports that its leaders had met Iranian intelligence officers in "
     "Beirut.", {("denial", "HAMAS", None)}),
    ('"These accusations are lies," a spokesman for the Houthis said.',
     {("denial", "HOUTHIS", None)}),
    ("Moscow denies the charges", {("denial", "RUS", None)}),
    ("Kremlin spokesman Dmitry Peskov said the claims were baseless.",
     {("denial", "RUS", None)}),
    # negated, hypothetical and non-political senses
    ("The court denied bail to the suspect.", set()),
    ("Japan denied a visa to the Russian scholar.", set()),
    ("Iran declined to comment on the allegations.", set()),
    ("Israel has neither confirmed nor denied the report.", set()),
    ("The Saudi foreign minister refused to deny the report.", set()),
    ("Germany did not deny that it had expelled the diplomat.", set()),
    ("The Kremlin may deny the report, analysts said.", set()),
    ("Pakistan's cricket board dismissed the coach after the defeat.", set()),
    ("France rejected calls for a ceasefire.", set()),
    ("The Ukrainian parliament rejected the budget bill.", set()),
    ("Iran denied entry to two British journalists.", set()),
    ("The Russian president dismissed the defence minister on Sunday.", set()),
    ("If the claims are true, Hungary would have to respond, officials said.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_denial_phrasing(coder: Coder, text: str, expected: set[Triple]) -> None:
    assert _denials(coder, text) == expected
