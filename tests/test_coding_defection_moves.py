"""Defection told by new phrasings on the real spaCy model: crossing *to* a side or its
positions, flying a military aircraft to a state, handing oneself over, going over to a
side; a defector's office in a place names the side, not the city; and movements that
are no defection stay free of events."""

from __future__ import annotations

import pytest
from conftest import defections as _defections

from riftwatch.coding import Coder


@pytest.mark.parametrize(("text", "expected"), [
    # crossing to a state or to a side's positions
    ("A Polisario security official crossed to Morocco last spring.", ("POLISARIO", "MAR")),
    ("Five Russian soldiers crossed to Ukrainian positions near Bakhmut on Tuesday.",
     ("RUS", "UKR")),
    ("Nine former Wagner mercenaries had crossed to Ukrainian lines in the Kharkiv region.",
     ("WAGNER", "UKR")),
    # flying a military aircraft to a state
    ("In 2023 a Russian helicopter pilot flew his Mi-8 helicopter to Ukraine.", ("RUS", "UKR")),
    ("A Venezuelan air force captain flew his fighter jet to Colombia.", ("VEN", "COL")),
    # landing at an airstrip inside a state
    ("A Laotian air force pilot flew his trainer across the border and landed at an "
     "airstrip in Vietnam's Dien Bien province, where he asked for asylum.", ("LAO", "VNM")),
    # handing oneself over, going over
    ("An Islamic Jihad fighter from Jenin had handed himself over to Israeli troops.",
     ("PIJ", "ISR")),
    ("A Taliban district commander has gone over to the Islamic State.", ("TALIBAN", "ISIS")),
    # the name a side is known as
    ("A Taliban district commander in Kunar has gone over to the Islamic State's regional "
     "branch, known as ISIS-Khorasan, taking thirty fighters with him.", ("TALIBAN", "ISKP")),
    ("A Taliban commander defected to the Islamic State's local affiliate, known as ISIS-K, "
     "with twenty men.", ("TALIBAN", "ISKP")),
    # the side a defector served, not the city the office sits in
    ("A deputy minister in the Houthi administration in Sanaa has defected to Yemen's "
     "internationally recognised government and arrived in Riyadh.", ("HOUTHIS", "YEM")),
    # Africa Corps is the Russian defence ministry's force
    ("A former officer of Russia's Africa Corps who served in Niger has applied for asylum "
     "in Germany.", ("RUS", "DEU")),
    ("A former Africa Corps sergeant has asked for asylum in Belgium.", ("RUS", "BEL")),
    # a finite verb the parser coordinated with "to return" is no part of the refusal
    ("Cuba's ambassador in the southern Peruvian city of Arequipa has refused orders to "
     "return to Havana and requested political asylum in Peru.", ("CUB", "PER")),
    ("A Belarusian diplomat refused to return to Minsk and asked for asylum in Poland.",
     ("BLR", "POL")),
    # the one given refuge left its side; the granter is the side joined
    ("Kazakhstan has granted temporary refugee status to a Russian contract soldier who "
     "deserted from his unit and crossed the border on foot.", ("RUS", "KAZ")),
    ("Kazakhstan granted asylum to a Russian deserter last week.", ("RUS", "KAZ")),
    ("Germany has granted asylum to a Belarusian officer who fled across the border.",
     ("BLR", "DEU")),
    ("Poland gave refuge to two Belarusian border guards who had deserted.", ("BLR", "POL")),
])
def test_defection_told_by_crossing_flying_and_handing_over(
        coder: Coder, text: str, expected: tuple[str, str | None]) -> None:
    assert _defections(coder, text) == {expected}


@pytest.mark.parametrize("text", [
    "Ukrainian soldiers crossed to the left bank of the Dnipro.",
    "The ferry crossed to Dover in two hours.",
    "The striker crossed to the far post.",
    "The pilot flew the airliner to Paris.",
    "The tourists crossed to France by ferry.",
    "The suspect handed himself over to police in Leeds.",
    "The chairman has gone over to the rival bank.",
    "A Belarusian diplomat refused to defect and returned to Minsk.",
    "The Iranian officer refused to go home and did not ask for asylum.",
])
def test_movements_that_are_no_defection(coder: Coder, text: str) -> None:
    assert _defections(coder, text) == set()
