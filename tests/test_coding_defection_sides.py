"""Defection sides told by descriptions on the real spaCy model: "an officer *of the
group*" is the nearest earlier group, not the nearest actor; a defector's joining
verb in the relative clause of its apposition; breaking with a group and placing oneself
under another's command; and journeys told with a meeting stay visits."""

from __future__ import annotations

import pytest
from conftest import code_text, triples
from conftest import defections as _defections

from riftwatch.coding import Coder


@pytest.mark.parametrize(("text", "expected"), [
    # the description names the nearest earlier actor of its kind
    ("Iraqi police arrested two men who had filmed Hezbollah bases for Israel, a week after "
     "an officer of the group fled the country. The officer went over to Israeli "
     "intelligence after he reached Cyprus.", ("HEZBOLLAH", "ISR")),
    ("The Polisario Front denied the report. In March, a former security official of the "
     "front crossed to Morocco and denounced its leaders.", ("POLISARIO", "MAR")),
    ("Kenya imposed sanctions on a Somali officer, a week after a defector from the "
     "militant group al-Shabaab described his role.", ("AL_SHABAAB", None)),
    # the joining verb sits in the relative clause of the defector's apposition
    ("The defector, a former deputy commander of al-Shabaab's intelligence wing who "
     "surrendered to Somali forces in Gedo, told investigators that the group received "
     "money from abroad.", ("AL_SHABAAB", "SOM")),
    ("The defector, a former deputy head of the M23's intelligence branch who surrendered "
     "to Congolese forces in South Kivu, told interrogators that Rwandan military "
     "intelligence intercepted the telephones.", ("M23", "COD")),
    # "its" refers back to the owner of a metonym body ("the Palestinian Authority's
    # General Intelligence Service")
    ("In Ramallah, the Palestinian Authority's General Intelligence Service said a Hamas "
     "operative from Jenin had handed himself over to its officers on Monday.",
     ("HAMAS", "PSE")),
    # an aide belongs to the side of the one served
    ("An aide to a senior commander of Hamas's armed wing crossed the line on Wednesday "
     "and surrendered to Israeli troops.", ("HAMAS", "ISR")),
    ("TEL AVIV - An adviser to a senior Hezbollah commander crossed the border and "
     "surrendered to Israeli troops, the army said.", ("HEZBOLLAH", "ISR")),
    # breaking with a group and placing oneself under another side's command
    ("A senior commander of Kataib Hezbollah has broken with the group and placed himself "
     "and three hundred fighters under the command of the Iraqi army.",
     ("KATAIB_HEZBOLLAH", "IRQ")),
    ("A Syrian air force pilot flew to Jordan and asked for asylum.", ("SYR", "JOR")),
])
def test_defection_sides_from_descriptions_and_clauses(
        coder: Coder, text: str, expected: tuple[str, str | None]) -> None:
    assert _defections(coder, text) == {expected}


@pytest.mark.parametrize("text", [
    # a journey told with a meeting is a visit
    "The commander of Russia's Black Sea Fleet flew into Damascus on Monday and met Syrian "
    "officers at the port.",
    "An Iranian diplomat flew to Oslo to meet Norwegian officials.",
    # "the rival group" is another side, never the one named before
    "Hamas said the Israeli army had killed four fighters. A commander of the movement "
    "later defected to the rival group.",
])
def test_visits_and_rival_groups_are_no_defection_to_a_named_side(
        coder: Coder, text: str) -> None:
    assert not any(t[1] is not None for t in _defections(coder, text))


def test_a_description_with_its_own_modifier_names_its_own_side(coder: Coder) -> None:
    events = code_text(coder, "The Ministry of Intelligence of the Islamic Republic of Iran "
                              "said it had dismantled a network of operatives working for "
                              "the Zionist regime's spy agency, Mossad.")
    assert ("espionage", "IRN", "ISR") not in triples(events)
