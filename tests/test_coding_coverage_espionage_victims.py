"""Phrasing coverage for espionage told by the side spied on (its counter-intelligence
uncovering a network, unmasking an agent), by proxies and gig-economy recruits, through
contacts and services that run a spy, and by possessive or embassy chains: sentences
written for this suite, each with the (sponsor, victim) pairs the coder must give, and
near misses that must give none (corporate leaks, police informants, sport scouts,
literary and sports agents, negated acts)."""

from __future__ import annotations

import pytest
from conftest import espionages, gap

from riftwatch.coding import Coder

Pair = tuple[str, str | None]


POSITIVE: list[object] = [
    # the side spied on tells the story: its own service is the victim's state
    ("Polish counter-intelligence uncovered a network serving Belarusian intelligence.",
     {("BLR", "POL")}),
    ("The Estonian security police broke up a cell serving the FSB.", {("RUS", "EST")}),
    ("The ABW dismantled a spy ring working for Moscow.", {("RUS", "POL")}),
    ("Lithuania's State Security Department said it had exposed a GRU agent inside the "
     "ministry.", {("RUS", "LTU")}),
    ("The SBU caught a Russian agent adjusting artillery fire on Kharkiv.", {("RUS", "UKR")}),
    ("Czech counter-intelligence exposed a Russian spy network in Prague.",
     {("RUS", "CZE")}),
    ("The Polish officer had served the GRU since 2015.", {("RUS", "POL")}),
    # a contact with a nationality or a service names the sponsor
    ("The man flew a drone over the naval base and sent the footage to a Russian contact.",
     {("RUS", None)}),
    ("The soldier forwarded photographs of the air base to a contact in the Chinese "
     "embassy.", {("CHN", None)}),
    ("The Latvian clerk handed the maps to a contact at the Russian embassy.",
     {("RUS", "LVA")}),
    ("A Greek officer passed classified documents to his Russian contacts.",
     {("RUS", "GRC")}),
    ("The Dutch engineer sold the blueprints to his Chinese handler.", {("CHN", "NLD")}),
    # a spy or a network run, directed or handled by a service
    ("Investigators said the couple had been run by the SVR for a decade.",
     {("RUS", None)}),
    ("The spy ring was directed by Russia's GRU from Moscow.", {("RUS", None)}),
    ("Prosecutors said the Bulgarian network had been controlled by the GRU.",
     {("RUS", "BGR")}),
    ("The Austrian agent was handled by Chinese intelligence for years.",
     {("CHN", "AUT")}),
    ("The GRU ran a network of agents in Poland.", {("RUS", "POL")}),
    # proxies and gig-economy recruits
    ("A man was recruited via Telegram by Russian intelligence to photograph railway "
     "lines.", {("RUS", None)}),
    ("He was paid in cryptocurrency by an Iranian handler to film the synagogue.",
     {("IRN", None)}),
    ("Criminals hired by the IRGC watched dissidents in London.", {("IRN", "GBR")}),
    ("Teenagers recruited by Russian intelligence photographed military trains in Poland.",
     {("RUS", "POL")}),
    ("Iran used criminal proxies to gather information on Jewish targets in Europe.",
     {("IRN", None)}),
    ("Russian intelligence recruited teenagers on Telegram to photograph military trains "
     "in Poland.", {("RUS", "POL")}),
    # sponsor and victim through a possessive, an embassy or a service chain
    ("An attache at the Chinese embassy in Manila collected information on the navy.",
     {("CHN", "PHL")}),
    ("Officers of Iran's intelligence ministry tracked exiles in Sweden.",
     {("IRN", "SWE")}),
    ("Iranian intelligence officers tracked exiles in Sweden.", {("IRN", "SWE")}),
    ("Turkish intelligence's surveillance of Gulenists in Kosovo drew protests.",
     {("TUR", "XKX")}),
    ("Chinese agents monitored Uyghur activists in the Netherlands.", {("CHN", "NLD")}),
    ("Employees of Russia's military intelligence photographed Polish warships in Gdansk.",
     {("RUS", "POL")}),
    # tasks taken from an officer of a service; a handler told by place, not by "his"
    ("The Latvian sailor took tasks from an officer of Russian military intelligence.",
     {("RUS", "LVA")}),
    ("The Polish clerk received instructions from an FSB officer.", {("RUS", "POL")}),
    ("The Georgian official passed the files to his handler in Moscow.", {("RUS", "GEO")}),
    ("The Estonian clerk sold the maps to his Russian handlers.", {("RUS", "EST")}),
    # a service told by its own name ("Intelligence Directorate"), helped or worked for
    ("Two Venezuelan soldiers confessed to working for Colombia's National Intelligence "
     "Directorate.", {("COL", "VEN")}),
    ("Two British men were charged with assisting Russia's intelligence service.",
     {("RUS", "GBR")}),
    # a spy serving two sponsors: the second sponsor's victim is the first one's
    ("A Lithuanian court found that the woman had worked for the Belarusian KGB and later "
     "also received instructions from an officer of the FSB.",
     {("BLR", "LTU"), ("RUS", "LTU")}),
    ("The Moldovan man had spied on behalf of Belarusian intelligence and had also taken "
     "orders from a GRU officer.", {("BLR", "MDA"), ("RUS", "MDA")}),
    gap("The SVR ran the couple for a decade.", {("RUS", None)},
         "an active 'ran the couple' is outside the prefilter's words"),
    gap("India expelled a Pakistani diplomat caught with defence documents.",
         {("PAK", "IND")}, "being caught with documents is no trigger"),
    gap("The man, who had been working for a foreign special service, was arrested in "
         "Gdansk.", {("RUS", "POL")}, "an unnamed foreign service names no sponsor"),
    gap("A mole inside the Estonian defence ministry was unmasked.", {(None, "EST")},
         "a mole with no sponsor gives no event"),
    gap("The cell was controlled by Iranian intelligence.", {("IRN", None)},
         "a 'cell' is as often a militant cell; it needs the article's victim"),
]

NEGATIVE: list[object] = [
    "The company's security team uncovered a leak of customer data to a rival.",
    "Police dismantled an informant network run by a drug cartel.",
    "The police ran a network of informants inside the gang.",
    "A football scout spied on the rival club's training session.",
    "Russian agents negotiated the striker's transfer to the club.",
    "Russian literary agents sold the rights to the novel.",
    "The investigation was directed by the SBU.",
    "The operation was run by the police.",
    "The striker served the club for a decade.",
    "The journalist passed the documents to a contact at the newspaper.",
    "Workers hired by the council watched the park.",
    "Contractors hired by the ministry photographed the bridge.",
    "Police officers tracked the suspect across London.",
    "Officials tracked the spread of the virus in Sweden.",
    "Iranian intelligence officers did not track exiles in Sweden.",
    "The minister maintained contacts with Russian officials.",
    "He denied having any Russian contacts.",
    "The diplomat met his Russian contacts in Vienna.",
    "The militia was controlled by Iranian intelligence.",
    "The suspect had been run by a criminal gang.",
    "The couple may have been run by the SVR, a novelist imagines.",
    "The sailor received instructions from an officer of the coast guard.",
    "The clerk received instructions from his manager.",
    "The Polish clerk did not take tasks from an officer of the GRU.",
    "The charity helped Colombia's national parks service.",
    "The Dutch firm worked for the intelligence community on contract.",
    "The Kenyan clerk did not assist Somalia's intelligence agency.",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_espionage_victim_side_phrasing(coder: Coder, text: str,
                                        expected: set[Pair]) -> None:
    assert espionages(coder, text) == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_espionage_victim_side_near_misses(coder: Coder, text: str) -> None:
    assert espionages(coder, text) == set()
