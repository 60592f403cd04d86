"""Denial coding on the real spaCy model: who denies, whose claim is denied (the
target), and phrasings that only look like denials."""

from __future__ import annotations

import pytest
from conftest import denials as _denials

from riftwatch.coding import Coder


@pytest.mark.parametrize(("text", "expected"), [
    # the denial in a relative clause or an apposed claim noun after the accusation
    ("Israel accused Iran of arming the Houthis, which Tehran denies.", ("IRN", "ISR")),
    ("Poland has long accused Belarus of pushing migrants across the border, which Minsk "
     "denies.", ("BLR", "POL")),
    ("Lithuania accused Russia of jamming GPS signals over the Baltic, a charge Moscow "
     "rejected.", ("RUS", "LTU")),
    ("Egypt closed the crossing after accusing Hamas of smuggling arms, an accusation the "
     "group has always denied.", ("HAMAS", "EGY")),
    ("Kenya has repeatedly accused Somalia of harbouring fighters, allegations that "
     "Mogadishu has rejected.", ("SOM", "KEN")),
    ("The United Nations accused the RSF of killing civilians in El Fasher, an accusation "
     "the paramilitary group denies.", ("RSF", "UN")),
    ("Serbia accused Kosovo of mistreating ethnic Serbs, an allegation which Pristina "
     "rejects.", ("XKX", "SRB")),
    ("Venezuela has accused Guyana of provoking the crisis, charges which Georgetown "
     "dismissed.", ("GUY", "VEN")),
    ("India has blamed Pakistan for the attack, a charge Islamabad denies.", ("PAK", "IND")),
    ("Japan has accused China of building military outposts on the reefs, claims Beijing "
     "dismisses as groundless.", ("CHN", "JPN")),
    ("Ukraine says Russia shelled the plant on Sunday, which Moscow denies.", ("RUS", "UKR")),
    ("Sudan cut ties with the Emirates last year after accusing Abu Dhabi of arming the "
     "RSF, a charge the Emirates rejected.", ("ARE", "SDN")),
])
def test_relative_clause_denial_answers_the_accusation(coder: Coder, text: str,
                                                       expected: tuple[str, str]) -> None:
    assert _denials(coder, text) == {("denial", *expected)}


@pytest.mark.parametrize("text", [
    "Russia said Ukrainian drones hit the refinery, which Kyiv has not denied.",
    "Russia accused Ukraine of shelling a convoy that Kyiv had denied entry to the region.",
    "Iran accused Israel of killing the scientist, and his widow, whom officials denied a "
    "visa, spoke out.",
])
def test_relative_clause_without_denial_of_the_claim(coder: Coder, text: str) -> None:
    assert _denials(coder, text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    # the report denied was aired by an outlet of a state
    ("A Russian pilot who flew his helicopter to Ukraine appeared on Ukrainian state "
     "television on Sunday and said he had defected.\n\nMoscow dismissed the broadcast as a "
     "fabrication.", ("RUS", "UKR")),
    # announced by a body of "the government" named just before
    ("Twenty Houthi fighters have defected and joined the ranks of Yemen's government in "
     "Marib, the government's information ministry announced on Monday.\n\nThe Houthis "
     "dismissed the announcement as propaganda.", ("HOUTHIS", "YEM")),
    # the nearest report is by someone with no id: no target
    ("A Venezuelan general has defected to Colombia, a local human rights group said on "
     "Friday.\n\nCaracas rejected the report.", ("VEN", None)),
    # a quoted official in between says nothing about who made the report
    ("A North Korean diplomat in Rome has defected to South Korea, Seoul's unification "
     "ministry said on Monday.\n\n\"He was a traitor,\" an official told reporters.\n\n"
     "Pyongyang dismissed the report as slander.", ("PRK", "KOR")),
])
def test_denied_report_takes_its_author_from_earlier_paragraphs(
        coder: Coder, text: str, expected: tuple[str, str | None]) -> None:
    assert _denials(coder, text) == {("denial", *expected)}


@pytest.mark.parametrize(("text", "expected"), [
    # a side saying it had no part in what it is accused of denies it
    ("Sweden accused Iran of using criminal gangs to attack Israeli targets.\n\nTehran said it "
     "played no role in the attacks.", ("IRN", "SWE")),
    ("Pakistan blamed India for the bombing.\n\nNew Delhi said it had no involvement in the "
     "attack.", ("IND", "PAK")),
    ("Germany accused Russia of running the hackers who broke into the Bundestag network."
     "\n\nMoscow insisted it had no links to the group.", ("RUS", "DEU")),
    ("Poland accused Belarus of sending migrants across the border.\n\nMinsk said it was not "
     "involved in any way.", ("BLR", "POL")),
    # impersonal or first-person denials belong to the speaker
    ("Estonia said a Russian agent had been spying on its army.\n\n\"There is no truth to "
     "these claims,\" the Russian embassy said.", ("RUS", "EST")),
    ("\"We had nothing to do with this attack,\" a Hamas spokesman said.", ("HAMAS", None)),
])
def test_denial_without_a_denial_verb(coder: Coder, text: str,
                                      expected: tuple[str, str | None]) -> None:
    assert _denials(coder, text) == {("denial", *expected)}


@pytest.mark.parametrize("text", [
    "Iran has no role in Syria's future, Saudi Arabia said.",
    "Ankara said it would play no role in the operation.",
    "Russia said it took no part in the talks in Geneva.",
    "Qatar said it had no plans to expel the Hamas leaders.",
    "Israel said Hamas had no role in the new government.",
    "The French company said it had no links to the Kremlin.",
    "Egypt said the Palestinian Authority was not involved in the talks.",
])
def test_no_part_said_of_others_or_of_the_future_is_no_denial(coder: Coder, text: str) -> None:
    assert _denials(coder, text) == set()


def test_denial_prompted_by_an_unnamed_monitor_keeps_no_target(coder: Coder) -> None:
    # "after a monitoring group said …" read by the parser as the main clause
    text = ("MOSCOW — Russia's defence ministry denied on Monday that Russian jets had bombed "
            "a market in Idlib province of northern Syria, after a monitoring group said twelve "
            "people had been killed.\n\nSyria's foreign ministry summoned the Russian "
            "ambassador in protest.")
    assert _denials(coder, text) == {("denial", "RUS", None)}


@pytest.mark.parametrize(("text", "expected"), [
    # a speaker the dictionary does not know answers the accusation just made
    ("Ethiopia accused Eritrea of sending troops into Tigray.\n\nInformation Minister Yemane "
     "Gebremeskel dismissed the accusation as a lie.", ("ERI", "ETH")),
    ("Kenya accused Somalia of arming militias along the border.\n\nA spokesman, Abdirahman "
     "Yusuf, rejected the allegations.", ("SOM", "KEN")),
    ("Myanmar's military government has been accused by rebels of bombing a school in "
     "Sagaing.\n\nJunta spokesman Major General Zaw Min Tun rejected the account as "
     "fabricated.", ("MMR", None)),
])
def test_unlisted_speaker_denies_for_the_accused(coder: Coder, text: str,
                                                 expected: tuple[str, str | None]) -> None:
    assert _denials(coder, text) == {("denial", *expected)}
