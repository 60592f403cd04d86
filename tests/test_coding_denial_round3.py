"""Denial, round 3: falsity judgements without a denial verb, relative denials the
small model misparses, and denials of discord in a side's own camp (no target)."""

from __future__ import annotations

import pytest
from conftest import Triple
from conftest import denials as _denials

from riftwatch.coding import Coder


@pytest.mark.parametrize(("text", "expected"), [
    ("Estonia accused Russia of running a spy ring in Tallinn. Moscow said the charges "
     "were inventions from beginning to end.", {("denial", "RUS", "EST")}),
    ("Lithuania accused Belarus of spying on its border guards. Minsk described the "
     "charges as concocted.", {("denial", "BLR", "LTU")}),
    ("Romania accused Russia of espionage. The Russian foreign ministry said the "
     "accusations had no basis whatsoever.", {("denial", "RUS", "ROU")}),
    ("Hamas accused Egypt of spying on its leaders. Egypt said there was no basis for "
     "the complaint.", {("denial", "EGY", "HAMAS")}),
    ("Leaders of Hezbollah complained to Iranian envoys that Quds Force officers had "
     "tapped their phones. A spokesman for the Iranian embassy said there was no basis "
     "for the complaint.", {("denial", "IRN", "HEZBOLLAH")}),
    # a ground noun that judges no claim is no denial
    ("Serbia said there was no basis for new talks with Kosovo.", set()),
    ("The company said the accusations had no basis whatsoever.", set()),
])
def test_falsity_judgements(coder: Coder, text: str, expected: set[Triple]) -> None:
    assert _denials(coder, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "a charge Cairo rejected" read with two subjects
    ("Last year, Hezbollah arrested two of its own fighters on suspicion of passing "
     "information to Jordanian intelligence, a charge Amman rejected.",
     {("denial", "JOR", "HEZBOLLAH")}),
    # "charges" read as the root verb, or as a conjunct of the accusing verb
    ("Hezbollah accused Qatar of funding its rivals, charges Doha has consistently "
     "rejected.", {("denial", "QAT", "HEZBOLLAH")}),
    ("The militia accused Qatar of funding its rivals, charges Doha has consistently "
     "rejected.", {("denial", "QAT", None)}),
    ("Sudan's army has repeatedly accused Russia of arming the rebels, allegations Moscow "
     "has denied.", {("denial", "RUS", "SDN")}),
])
def test_relative_denials(coder: Coder, text: str, expected: set[Triple]) -> None:
    assert _denials(coder, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkey accused the SDF of hiding weapons. SDF officials denied any rift with "
     "Washington over the talks.", {("denial", "SDF", None)}),
    ("Pakistan accused the Taliban of harbouring militants. Taliban spokesman Zabihullah "
     "Mujahid dismissed reports of divisions.", {("denial", "TALIBAN", None)}),
    ("Moscow summoned the Georgian ambassador. The Georgian government denied there was "
     "any crisis with Moscow.", {("denial", "GEO", None)}),
    ("Israel said Hezbollah had lost commanders. Hezbollah denied that there were "
     "divisions among its leaders.", {("denial", "HEZBOLLAH", None)}),
    # a team's dressing room is sport, not politics
    ("India's captain said his side had been outplayed but denied that there were "
     "divisions in the dressing room.", set()),
])
def test_discord_denials_have_no_target(coder: Coder, text: str,
                                        expected: set[Triple]) -> None:
    assert _denials(coder, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a finite conjunct does not inherit the "would" of the verb it follows
    ("China detained two TNLA officers. A TNLA spokesperson would not comment on the "
     "detentions but denied there was any rift with Beijing.", {("denial", "TNLA", None)}),
    ("Russia withdrew its officers from Mali. Mali's junta sent a delegation to Moscow. "
     "The junta's spokesman, Colonel Abdoulaye Maiga, denied any crisis.",
     {("denial", "MLI", None)}),
    # "there was no rift/crisis with X": the speaker denies, X is no role
    ("Egypt arrested two Hamas members. A member of Hamas's political bureau said there "
     "had been no crisis with Egypt.", {("denial", "HAMAS", None)}),
    ("Egypt arrested two Hamas members. There is no rift between Cairo and the movement, "
     "a Hamas official said.", {("denial", "HAMAS", None)}),
    # no discord between sides, or none a political side speaks of
    ("The central bank said there was no crisis in the banking sector.", set()),
    ("Analysts said there was no rift between the two parties.", set()),
])
def test_denied_discord(coder: Coder, text: str, expected: set[Triple]) -> None:
    assert _denials(coder, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a denied defection answers the side the defector is said to have joined
    ("Two BLA commanders surrendered to Pakistani forces in Quetta on Monday. The BLA "
     "denied that any of its commanders had surrendered.", {("denial", "BLA", "PAK")}),
    ("Three Venezuelan soldiers crossed into Colombia and asked for asylum. Venezuela's "
     "defence ministry denied that they had fled for political reasons.",
     {("denial", "VEN", "COL")}),
    ("A Russian soldier defected to Ukraine, Kyiv said. Moscow denied that any of its "
     "soldiers had defected.", {("denial", "RUS", "UKR")}),
])
def test_denied_defection_target(coder: Coder, text: str, expected: set[Triple]) -> None:
    assert _denials(coder, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The fictional Kremlin, of course, denies everything.", set()),
    ("In the novel, a fictional Iranian minister denies the allegations.", set()),
    ("The Kremlin denied the allegations.", {("denial", "RUS", None)}),
])
def test_fictional_sides(coder: Coder, text: str, expected: set[Triple]) -> None:
    assert _denials(coder, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a side disowning the defector answers the side he joined
    ("A Houthi field commander has defected to the government in Marib, Yemen's army "
     "said. The Houthis said the man \"was never a member of our forces\".",
     {("denial", "HOUTHIS", "YEM")}),
    # the Taiwan Affairs Office speaks for Beijing, not for Taiwan
    ("Taiwan indicted five soldiers for spying for China. In Beijing, Chen Binhua, "
     "spokesman for the Taiwan Affairs Office, described the accusations as a fabrication.",
     {("denial", "CHN", "TWN")}),
])
def test_disowning_and_speakers(coder: Coder, text: str, expected: set[Triple]) -> None:
    assert _denials(coder, text) == expected
