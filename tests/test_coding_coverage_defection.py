"""Phrasing coverage for defections: (side left, side joined) for the ordinary ways the
press tells a defection or desertion (the side joined is the state granting asylum, the
host where the defector arrives or the group joined; none when none is named), and
refugees, invasions, sport, trips and negated or hypothetical defections that must give
no defection."""

from __future__ import annotations

import pytest
from conftest import defections as _defections
from conftest import gap

from riftwatch.coding import Coder

Sides = set[tuple[str, str | None]]


CASES: list[object] = [
    # defect / desert with the side joined
    ("A North Korean soldier defected to South Korea across the demilitarized zone on "
     "Tuesday.", {("PRK", "KOR")}),
    ("The former head of the Syrian army's chemical weapons unit defected to Jordan.",
     {("SYR", "JOR")}),
    ("Three Sudanese army officers defected to the Rapid Support Forces.",
     {("SDN", "RSF")}),
    ("A Hezbollah operative who defected to Israel has given details of the group's "
     "finances.", {("HEZBOLLAH", "ISR")}),
    ("Houthi commander defects to Yemeni government", {("HOUTHIS", "YEM")}),
    ("A senior Syrian diplomat in Baghdad has defected, the opposition said.",
     {("SYR", None)}),
    ("A Russian diplomat at the embassy in Oslo defected to the West.", {("RUS", None)}),
    ("A Russian conscript deserted his unit and fled to Georgia.", {("RUS", "GEO")}),
    ("A Syrian general deserted the regime and fled to Turkey.", {("SYR", "TUR")}),
    # journeys to another state
    ("A Belarusian border guard fled to Poland with his weapon.", {("BLR", "POL")}),
    ("A Russian helicopter pilot flew his aircraft to Ukraine and surrendered.",
     {("RUS", "UKR")}),
    # the side joined (a leader with no id) wins over the place reached
    ("A Venezuelan army major crossed into Colombia and pledged allegiance to the "
     "opposition leader.", {("VEN", None)}),
    ("A Venezuelan army major crossed into Colombia and pledged allegiance to Colombia's "
     "government.", {("VEN", "COL")}),
    ("A Russian naval officer swam to a Japanese patrol boat and asked for asylum.",
     {("RUS", "JPN")}),
    ("A Cuban air force pilot landed his MiG in the United States and asked for asylum.",
     {("CUB", "USA")}),
    # asylum and refuge: the side joined is the state that grants or hosts it
    ("A Chinese diplomat in Sydney sought asylum in Australia.", {("CHN", "AUS")}),
    ("An Iranian diplomat in Norway requested political asylum.", {("IRN", "NOR")}),
    ("Germany granted asylum to a Russian army officer who deserted in 2023.",
     {("RUS", "DEU")}),
    ("Two Chinese air force pilots were granted asylum by Taiwan.", {("CHN", "TWN")}),
    ("A North Korean diplomat in Kuwait has refused to return home and is under South "
     "Korean protection.", {("PRK", "KOR")}),
    gap("Two Eritrean footballers disappeared during a tournament in Uganda and asked to "
         "stay in the country.", {("ERI", "UGA")},
         "athletes vanishing at a tournament: 'disappeared' is no movement trigger and the "
         "sport context blocks the defection"),
    # surrender and handing over to the other side
    ("A Hamas commander handed himself over to Israeli forces.", {("HAMAS", "ISR")}),
    ("Dozens of al-Shabaab fighters surrendered to the Somali army in Lower Shabelle.",
     {("AL_SHABAAB", "SOM")}),
    ("A senior Boko Haram commander surrendered to Nigerian troops.",
     {("BOKO_HARAM", "NGA")}),
    # switching sides and joining another camp
    ("A senior TPLF commander went over to the Ethiopian government with hundreds of "
     "fighters.", {("TPLF", "ETH")}),
    ("An M23 officer broke ranks and joined the Congolese army.", {("M23", "COD")}),
    ("A Malian army captain abandoned his post and joined JNIM.", {("MLI", "JNIM")}),
    ("A former Taliban commander has joined the Islamic State, officials said.",
     {("TALIBAN", "ISIS")}),
    ("A Wagner commander crossed over to the Ukrainian side last month.",
     {("WAGNER", "UKR")}),
    # more hosts and sides joined
    ("A Russian soldier who deserted his unit in Ukraine has been granted asylum in "
     "France.", {("RUS", "FRA")}),
    ("A North Korean diplomat escaped to South Korea last year.", {("PRK", "KOR")}),
    ("More than 200 Burmese soldiers have fled to India since the coup.",
     {("MMR", "IND")}),
    ("A senior ISIS commander turned himself in to Iraqi security forces.",
     {("ISIS", "IRQ")}),
    ("A Houthi official has switched sides and joined the Yemeni government in Aden.",
     {("HOUTHIS", "YEM")}),
    ("An RSF commander announced his defection to the Sudanese army.", {("RSF", "SDN")}),
    ("Ukraine's intelligence agency said a Russian pilot had flown his helicopter to "
     "Ukraine.", {("RUS", "UKR")}),
    # the journey told in the defector's relative clause
    ("The Afghan pilot who flew his plane to Uzbekistan was granted asylum there.",
     {("AFG", "UZB")}),
    ("A Russian officer who fled to Finland has defected, Finnish officials said.",
     {("RUS", "FIN")}),
    ("The Iranian diplomat who arrived in Oslo last week has requested asylum.",
     {("IRN", "NOR")}),
    # where the defector now lives, or where the coordinated verb took place
    ("A Russian officer who deserted last year is now living in Germany under a new "
     "identity.", {("RUS", "DEU")}),
    ("The North Korean diplomat, who defected in 2023, now lives in Seoul.",
     {("PRK", "KOR")}),
    ("Two Russian sailors jumped ship in Norway and requested asylum.", {("RUS", "NOR")}),
    ("A Russian officer who defected in 2019 was arrested in Spain last week.",
     {("RUS", None)}),
    ("A Belarusian soldier reached the Polish border and handed himself over to border "
     "guards.", {("BLR", "POL")}),
    # refugees, invasions, sport, trips, negated and hypothetical defections
    ("Thousands of civilians fled to Chad to escape the fighting in Sudan.", set()),
    ("The Syrian refugee family was granted asylum in Germany.", set()),
    ("Russian troops crossed into Ukraine in February 2022.", set()),
    ("The Kenyan president flew to Ethiopia for talks.", set()),
    ("The Brazilian striker switched sides, joining Real Madrid from Barcelona.", set()),
    ("Officials denied reports that a Chinese diplomat had defected.", set()),
    ("Had the pilot defected, Moscow would have lost its secrets.", set()),
    ("A Ukrainian soldier refused to desert, his commander said.", set()),
    ("Iranian forces crossed into Iraq to pursue Kurdish militants.", set()),
    ("The Egyptian foreign minister flew to Qatar for ceasefire talks.", set()),
    ("An Iranian tanker sailed to Venezuela with fuel.", set()),
    ("Millions of Ukrainians have fled to Poland since the invasion.", set()),
    ("Police said the prisoners escaped to Mexico.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_defection_phrasing(coder: Coder, text: str, expected: Sides) -> None:
    assert _defections(coder, text) == expected
