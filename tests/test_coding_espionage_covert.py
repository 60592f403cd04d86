"""Espionage told without a spy word: running informants or a network of them inside a
side, listening in on its calls, carrying out tasks for a service, and suspects held for
secretly recording or eavesdropping. The sentences are written for this suite; the
negatives keep the same verbs in ordinary, negated or hypothetical senses."""

from __future__ import annotations

import pytest
from conftest import espionages

from riftwatch.coding import Coder

POSITIVE: list[tuple[str, set[tuple[str, str | None]]]] = [
    # informants, moles and listening cells run inside a side
    ("The Houthis accused Saudi intelligence of running informants inside the movement.",
     {("SAU", "HOUTHIS")}),
    ("The Taliban said Pakistan's ISI had run a network of informants in Kandahar.",
     {("PAK", "TALIBAN")}),
    # listening in on calls, listening to radios
    ("Hezbollah said Iranian officers had been listening in on its commanders' calls.",
     {("IRN", "HEZBOLLAH")}),
    ("Sudan said Emirati officers had listened to the radios of RSF commanders.",
     {("ARE", "RSF")}),
    # tasks carried out for a service
    ("Israel said the couple had carried out dozens of tasks for Iranian intelligence.",
     {("IRN", "ISR")}),
    ("Latvia said the woman had completed several assignments for Russia's FSB.",
     {("RUS", "LVA")}),
    # suspects held for a covert act told as the grounds
    ("Burkina Faso arrested two Russian advisers on suspicion of secretly recording "
     "conversations among senior Burkinabe officers.", {("RUS", "BFA")}),
    ("Chad expelled two Sudanese diplomats accused of spying on its army chiefs.",
     {("SDN", "TCD")}),
]

NEGATIVE: list[str] = [
    "The supermarket chain ran informants to catch shoplifters.",
    "The coach said he had never listened in on the rival team's meetings.",
    "The soldiers carried out dozens of tasks for the army.",
    "Recording conversations among friends is common.",
    "Police arrested two men suspected of eavesdropping on their neighbours.",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_covert_espionage(coder: Coder, text: str, expected: set[tuple[str, str | None]]
                          ) -> None:
    assert espionages(coder, text) == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_covert_espionage(coder: Coder, text: str) -> None:
    assert espionages(coder, text) == set()
