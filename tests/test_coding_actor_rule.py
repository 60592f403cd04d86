"""Group-versus-state actors on the real spaCy model: a state's government and
intelligence stand for the group that rules it in the dated range of a `ruled_by` rule
(Afghanistan and the Taliban) while its territory and people stay the state; short
forms that need their full name in the text ("the PA"); group leaders; fighters of a
group serving in a state's forces; and acts nobody did ("no commander defected")."""

from __future__ import annotations

import pytest
from conftest import MODEL, code_text, triples
from spacy.language import Language

from riftwatch.coding import Coder
from riftwatch.nlp import get_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return get_pipeline(MODEL)


def _ids(nlp: Language, text: str, day: str | None) -> dict[str, str | None]:
    doc = nlp.make_doc(text)
    doc._.published_at = day
    doc = nlp(doc)
    return {e.text: (e._.actor["id"] if e._.actor["resolved"] else None)
            for e in doc.ents if e._.actor is not None}


@pytest.mark.parametrize(("text", "day", "surface", "expected"), [
    # the government, forces and intelligence of Afghanistan under Taliban rule
    ("Islamabad ordered a counsellor of the Afghan embassy to leave within two days.",
     "2025-06-01", "Afghan", "TALIBAN"),
    ("Kabul's interior ministry said two of its posts had been attacked.", "2024-02-10",
     "Kabul", "TALIBAN"),
    ("Afghan officials said the talks in Doha would resume.", "2023-05-05", "Afghan",
     "TALIBAN"),
    ("Afghan intelligence arrested two men in Herat.", "1998-03-01", "Afghan", "TALIBAN"),
    # the military role stays the state (measured)
    ("Afghan forces returned fire across the Durand Line.", "2024-03-01", "Afghan", "AFG"),
    ("The Islamic Emirate called the drone strike a violation.", "2024-09-09",
     "Islamic Emirate", "TALIBAN"),
    # before the takeover, the state itself
    ("Islamabad ordered a counsellor of the Afghan embassy to leave within two days.",
     "2019-06-01", "Afghan", "AFG"),
    ("Afghan officials said the talks in Doha would resume.", "2010-05-05", "Afghan", "AFG"),
    # territory, people and a bare capital stay the state
    ("Pakistani jets bombed three villages in Afghanistan overnight.", "2025-06-01",
     "Afghanistan", "AFG"),
    ("Thousands of Afghan refugees crossed back at Torkham.", "2025-06-01", "Afghan", "AFG"),
    ("Islamabad again accused Kabul of harbouring the militants.", "2025-06-01", "Kabul",
     "AFG"),
    # a short form stands for its actor where the text names the actor in full
    ("The Palestinian Authority said it had arrested him. Hamas called the PA's statement "
     "a lie.", "2025-06-01", "PA", "PSE"),
    ("Hamas called the PA's statement a lie.", "2025-06-01", "PA", None),
    # leaders of armed groups
    ("Qais al-Khazali said the faction would not disarm.", "2025-06-01", "Qais al-Khazali",
     "ASAIB"),
    ("Hamas spokesman Hazem Qassem rejected the account.", "2025-06-01", "Hazem Qassem",
     "HAMAS"),
    ("Mazloum Abdi met the envoy in Hasakah.", "2025-06-01", "Mazloum Abdi", "SDF"),
])
def test_group_and_state_actors(nlp: Language, text: str, day: str, surface: str,
                                expected: str | None) -> None:
    assert _ids(nlp, text, day).get(surface) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a state's embassy under Taliban rule is the Taliban's
    ("Pakistan expelled a diplomat from the Afghan embassy, accusing him of spying on "
     "army bases in Peshawar.", {("expel_diplomats", "PAK", "TALIBAN"),
                                 ("espionage", "TALIBAN", "PAK")}),
    # fighters of a group now serving in a state's forces leave that state
    ("Seven former Wagner fighters serving in a Russian army assault brigade crossed to "
     "Ukrainian lines.", {("defection", "RUS", "UKR")}),
    ("Two former Wagner mercenaries serving with Russia's Africa Corps defected to Ukraine.",
     {("defection", "RUS", "UKR")}),
    # the side joined is where a defector is believed to have been flown
    ("A colonel of Russia's GRU has defected during a trip to Vienna and is believed to "
     "have been flown to Britain, officials said.", {("defection", "RUS", "GBR")}),
    ("A Chinese officer defected during a visit to Bangkok and is said to have flown to "
     "Taiwan.", {("defection", "CHN", "TWN")}),
    # no defection: nobody did it, or only a wish was told
    ("The group said no commander of the movement had switched allegiance.", set()),
    ("Officials said no Russian pilot had defected to Ukraine.", set()),
    ("A North Korean sailor expressed his wish to defect to South Korea.", set()),
    ("A Chinese diplomat told friends of his desire to defect to Taiwan.", set()),
])
def test_actor_rules_in_events(coder: Coder, text: str,
                               expected: set[tuple[str, str, str | None]]) -> None:
    found = triples(code_text(coder, text, when="2025-06-01T00:00:00Z"),
                    {"defection", "expel_diplomats", "espionage"})
    assert found == expected
