"""Denials that answer an accusation told elsewhere in the article (the accuser named
only before or after the denial), and denials told as a negated act or presence by a
side ("no Iranian unit had tapped their phones", "had no troops in Somalia"), with
near misses that must give no denial."""

from __future__ import annotations

import pytest
from conftest import Triple, denials

from riftwatch.coding import Coder

ANSWERED: list[tuple[str, set[Triple]]] = [
    # the accusation is the denier's own act, told as fact earlier
    ("Chinese state hackers spied on the Czech foreign ministry for two years. The Chinese "
     "embassy in Prague rejected the accusation in the strongest terms.",
     {("denial", "CHN", "CZE")}),
    ("A Russian agent spied on the German parliament for a decade. Moscow dismissed the "
     "allegations as Russophobia.", {("denial", "RUS", "DEU")}),
    ("An Israeli drone unit spied on Hezbollah commanders in Beirut. Israel categorically "
     "rejected these accusations.", {("denial", "ISR", "HEZBOLLAH")}),
    # the accusing clause comes after the denial, made by a statement's author
    ('"There is no truth in these claims," Uganda\'s government spokesman said on Tuesday. '
     "He was answering a statement by Kenya's interior ministry on Monday accusing Uganda of "
     "sending soldiers across the border to help the rebels.", {("denial", "UGA", "KEN")}),
    # no accuser anywhere: no target
    ("Moscow denies the charges.", {("denial", "RUS", None)}),
    ("Hamas denied reports that its leaders had met Iranian officers. The reports appeared "
     "in Israeli media.", {("denial", "HAMAS", None)}),
]

NEGATED: list[tuple[str, set[Triple]]] = [
    ("The minister said no Iranian official had spied on the movement.",
     {("denial", "IRN", None)}),
    ("Qaani told the leaders that no Iranian unit had tapped their phones.",
     {("denial", "IRN", None)}),
    ('Iran\'s mission said the Islamic Republic had "no military advisers in Yemen".',
     {("denial", "IRN", None)}),
    ("Kenya said it had no soldiers in South Sudan.", {("denial", "KEN", None)}),
    ("The Afghan foreign ministry insisted that Afghan diplomats \"have never been involved "
     'in espionage of any kind".', {("denial", "TALIBAN", None)}),
    ('Russia\'s embassy said its staff "have never engaged in activities incompatible with '
     'their diplomatic status".', {("denial", "RUS", None)}),
    ('Hezbollah leader Naim Qassem said there was "not a grain of truth" in the report.',
     {("denial", "HEZBOLLAH", None)}),
    ("Tehran has denied every one of these claims.", {("denial", "IRN", None)}),
    ("Tehran has rejected all of these allegations.", {("denial", "IRN", None)}),
    # near misses: no side, another side's verdict, other acts, non-political senses
    ("Analysts said no Iranian official had visited the base.", set()),
    ("No one had spied on the movement, the minister said.", set()),
    ("Baghdad said no Iranian official had spied on Iraqi ministers.", set()),
    ("The Libyan National Army stated that no Russian fighters had conspired against the "
     "government.", set()),
    ("The defender tapped the ball into an empty net.", set()),
    ("The army said it had no troops to spare for the operation.", set()),
    ("Germany has troops in Lithuania, the minister said.", set()),
    ("Iran has never engaged in talks with Israel, the ministry said.", set()),
    ("There is a grain of truth in the report, the minister admitted.", set()),
]


@pytest.mark.parametrize(("text", "expected"), ANSWERED)
def test_answered_accusation(coder: Coder, text: str, expected: set[Triple]) -> None:
    assert denials(coder, text) == expected


@pytest.mark.parametrize(("text", "expected"), NEGATED)
def test_negated_act_denial(coder: Coder, text: str, expected: set[Triple]) -> None:
    assert denials(coder, text) == expected
