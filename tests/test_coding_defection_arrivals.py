"""Defections told by where the defector turns up or whom they bring over: a lone
soldier or officer crossing into another state, a deserter resurfacing in a state
(where they ask for asylum), a commander taking his fighters over to a government, a
break with one side to join another; a diplomat's posting city is no side left. Each
kind has near misses (invading troops, civilians, tourists, negation, modality,
non-political senses) that must give no defection."""

from __future__ import annotations

import pytest
from conftest import defections

from riftwatch.coding import Coder

CASES: list[tuple[str, set[tuple[str, str | None]]]] = [
    # a lone serviceman crossing into another state
    ("An Azerbaijani army sergeant crossed into Iran overnight, officials in Baku said.",
     {("AZE", "IRN")}),
    ("A Venezuelan national guard captain crossed the border into Colombia on Friday.",
     {("VEN", "COL")}),
    ("The defector is a Chinese coast guard officer who crossed into Vietnam in May.",
     {("CHN", "VNM")}),
    ("An Iranian navy captain is thought to have crossed into Iraq last week.",
     {("IRN", "IRQ")}),
    ("Russian troops crossed into Ukraine on Thursday.", set()),
    ("Russian troops are believed to have crossed into Ukraine.", set()),
    ("A Turkish journalist crossed into Syria to report on the fighting.", set()),
    ("A Pakistani soldier did not cross into India, the army said.", set()),
    # a state crossed on the way: the side joined is where the journey goes on to
    ("A Polisario commander crossed into Mauritania and said he was heading to Morocco.",
     {("POLISARIO", "MAR")}),
    ("A Venezuelan captain crossed into Colombia and is heading to the United States, his "
     "lawyer said.", {("VEN", "USA")}),
    ("A Polisario commander crossed into Mauritania and declared he was returning to the "
     "motherland.", set()),
    ("A Belarusian officer fled to Poland and returned to Minsk a week later.", set()),
    # resurfacing in a state, asking for refuge there
    ("A Belarusian officer who fled his unit has resurfaced in Lithuania, where he "
     "requested asylum.", {("BLR", "LTU")}),
    ("A Russian conscript who deserted in March has turned up in Georgia.",
     {("RUS", "GEO")}),
    ("An Eritrean colonel who deserted last year has reappeared in Ethiopia.",
     {("ERI", "ETH")}),
    ("A Tajik border guard has surfaced in Afghanistan, where he asked for political "
     "asylum.", {("TJK", "AFG")}),
    ("The missing tourist resurfaced in Paris a week later.", set()),
    ("A Chechen singer who went missing has resurfaced in Germany.", set()),
    # a diplomat's posting is no side left
    ("Ri Chol, North Korea's former envoy in Cairo, defected to South Korea in 2019.",
     {("PRK", "KOR")}),
    ("In 2019, Kim Sung-il, then a counsellor in Rome, defected to South Korea.", set()),
    ("A Cuban diplomat in Madrid defected to Spain.", {("CUB", "ESP")}),
    # bringing fighters over, breaking with one side to join another
    ("A Syrian National Army commander took eighty fighters over to the Syrian "
     "government.", {("SNA", "SYR")}),
    ("An al-Shabaab commander brought forty men over to the Somali government.",
     {("AL_SHABAAB", "SOM")}),
    ("A Syrian colonel broke with the regime in 2012 to join Hayat Tahrir al-Sham.",
     {("SYR", "HTS")}),
    ("A Sudanese army major broke with the army to join the Rapid Support Forces.",
     {("SDN", "RSF")}),
    ("A Syrian colonel may break with the regime to join Hayat Tahrir al-Sham.", set()),
    ("The coach took his players over to the stadium.", set()),
    ("The senator broke with tradition to join the protest.", set()),
    # a named defector described by an apposition, going over after a journey
    ("Hadi al-Tamimi, a mid-ranking Kataib Hezbollah commander, has fled to Erbil and "
     "placed himself under the protection of the Kurdistan Regional Government.",
     {("KATAIB_HEZBOLLAH", "KRG")}),
    ("Omar Haddad, a senior Hamas operative, fled to Egypt and was taken into custody by "
     "Egyptian police.", {("HAMAS", "EGY")}),
    ("Yusuf Kaya, a PKK field commander, crossed into Iraq and surrendered to the "
     "Kurdistan Regional Government.", {("PKK", "KRG")}),
    ("Omar Haddad, a senior Hamas operative, did not flee to Egypt, his family said.",
     set()),
    ("Omar Haddad, a senior Hamas operative, is said to be planning to flee to Egypt.",
     set()),
    ("Sara Klein, a German tourist, fled to Austria after the storm.", set()),
    # the lines or border reached name the side an unnamed guard belongs to
    ("A Russian conscript reached Ukrainian lines near Bakhmut and surrendered to "
     "soldiers there.", {("RUS", "UKR")}),
    ("An Eritrean officer reached the Sudanese frontier and gave himself up to the "
     "guards.", {("ERI", "SDN")}),
    ("A Belarusian soldier reached the Polish border and was sent back by his commander.",
     set()),
    ("The hikers reached the Swiss border and gave themselves up to the guards.", set()),
    # "international protection", the legal name of asylum
    ("Three Cuban wrestlers left their team hotel in Lisbon and have applied for "
     "international protection in Portugal, their lawyer said.", {("CUB", "PRT")}),
    ("A Russian officer sought international protection in Finland.", {("RUS", "FIN")}),
    ("A Belarusian officer asked for humanitarian protection in Lithuania.",
     {("BLR", "LTU")}),
    ("The Venezuelan opposition leader asked for police protection in Caracas.", set()),
    ("The company applied for international patent protection in Japan.", set()),
    ("The Cuban boxer asked for political protection from the ruling party.", set()),
    # "the South", "the North" of a divided state
    ("A North Korean diplomat defected to the South in 2016.", {("PRK", "KOR")}),
    ("A North Korean soldier fled to the South across the DMZ.", {("PRK", "KOR")}),
    ("A South Korean soldier crossed the border and defected to the North in 1982.",
     {("KOR", "PRK")}),
    ("A North Korean diplomat defected to the West in 1997.", {("PRK", None)}),
    ("North Korean fishermen who drifted to the South were sent home.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_defection_arrivals(coder: Coder, text: str,
                            expected: set[tuple[str, str | None]]) -> None:
    assert defections(coder, text) == expected
