"""Phrasing coverage for espionage told in court, handler and cyber-attribution
language, and for acts whose sponsor is named outside a "for": sentences written for this
suite, each with the (sponsor, victim) pairs the coder must give, and near misses that
must give none (negated, hypothetical, business, journalism, crime)."""

from __future__ import annotations

import pytest
from conftest import espionages, gap

from riftwatch.coding import Coder

Pair = tuple[str, str | None]


POSITIVE: list[object] = [
    # court and indictment language
    ("A Polish army clerk pleaded guilty to acting as an agent of Russian military "
     "intelligence.", {("RUS", "POL")}),
    ("A Norwegian court convicted a former navy officer of treason for passing military "
     "secrets to Moscow.", {("RUS", "NOR")}),
    ("An Estonian man was sentenced to six years for gathering intelligence for the FSB.",
     {("RUS", "EST")}),
    ("A Georgian soldier was sentenced for collecting intelligence for Russia.",
     {("RUS", "GEO")}),
    ("The Swiss court found the woman guilty of working for Chinese intelligence.",
     {("CHN", "CHE")}),
    ("German prosecutors charged a man with passing information on arms deliveries to "
     "Ukraine to Russian intelligence.", {("RUS", "DEU")}),
    ("A Filipino court jailed a man for leaking the positions of navy ships to China.",
     {("CHN", "PHL")}),
    # working for a state, told as the grounds of an arrest or a charge
    ("Congolese police arrested three Rwandan nationals on suspicion of working for "
     "Kigali.", {("RWA", "COD")}),
    ("The Moldovan police officer was accused of working for Moscow.", {("RUS", "MDA")}),
    ("Azerbaijan jailed two men for spying for Iran.", {("IRN", "AZE")}),
    # handler language
    ("The Lithuanian official met his Russian case officer in Minsk several times.",
     {("RUS", "LTU")}),
    ("A Latvian soldier regularly met his handler from the GRU in a Riga cafe.",
     {("RUS", "LVA")}),
    ("The Taiwanese officer handed over secret files to a Chinese handler.",
     {("CHN", "TWN")}),
    ("The sailor was paid by Russian intelligence to photograph warships in the port.",
     {("RUS", None)}),
    ("The businessman cultivated sources within Indian government departments on behalf "
     "of Pakistan's ISI.", {("PAK", "IND")}),
    ("Prosecutors say the engineer was tasked by Iranian intelligence with photographing "
     "the synagogue.", {("IRN", None)}),
    # information received, supplied, copied
    ("A Belarusian diplomat was caught receiving classified documents from a Lithuanian "
     "official.", {("BLR", "LTU")}),
    ("A Lebanese man was accused of supplying Israel with the locations of Hezbollah "
     "depots.", {("ISR", "HEZBOLLAH")}),
    ("The militant copied Hezbollah's internal contact lists for Israeli intelligence.",
     {("ISR", "HEZBOLLAH")}),
    ("The two men photographed Israel Defence Forces convoys for Hezbollah.",
     {("HEZBOLLAH", "ISR")}),
    # cyber attribution
    ("The breach was attributed to APT29, a group linked to Russia's SVR.",
     {("RUS", None)}),
    ("Microsoft blamed the intrusion on hackers working for Chinese state security.",
     {("CHN", None)}),
    ("Dutch intelligence said Russian hackers tried to break into the Dutch coast guard's "
     "network.", {("RUS", "NLD")}),
    # secrets disclosed, shared, movements passed
    ("A Ukrainian court found the woman guilty of treason after she passed troop "
     "movements to Russia.", {("RUS", "UKR")}),
    ("The Polish soldier shared classified information with Russian agents.",
     {("RUS", "POL")}),
    ("A Latvian official disclosed state secrets to Russian intelligence.",
     {("RUS", "LVA")}),
    ("The Pentagon employee divulged military secrets to Chinese intelligence officers.",
     {("CHN", "USA")}),
    # a role taken for a side
    ("The Dutch man acted as a courier for Iranian intelligence.", {("IRN", "NLD")}),
    ("The Bulgarian official served as an informant for Moscow.", {("RUS", "BGR")}),
    # watching people on a state's behalf
    ("The pair kept tabs on exiled dissidents on behalf of Beijing.", {("CHN", None)}),
    ("The man monitored Sikh activists in Canada at the behest of India.",
     {("IND", "CAN")}),
    ("The Moroccan man spied on dissidents in Belgium on behalf of Rabat.",
     {("MAR", "BEL")}),
    ("The cyberespionage breach was tied to North Korea's Lazarus group.",
     {("PRK", None)}),
    ("Denmark's government attributed an intrusion into email systems at the Ministry of "
     "Defence to a hacking group working for China's Ministry of State Security.",
     {("CHN", "DNK")}),
    ("Berlin attributed the breach of the Bundestag's computer network to hackers working "
     "for Russia's GRU.", {("RUS", "DEU")}),
    # tit-for-tat: a diplomat told as "an official of the X Embassy … he", each side's spy
    ("Warsaw on Friday ordered an official of the Belarusian Embassy to leave the country "
     "within 48 hours, saying he had been caught receiving classified documents about troop "
     "deployments from a railway clerk.\n\nMinsk responded within hours. Belarus's foreign "
     "ministry declared a staff member of the Polish Embassy persona non grata, alleging "
     "that he had cultivated sources within state ministries on behalf of Poland's Foreign "
     "Intelligence Agency.", {("BLR", "POL"), ("POL", "BLR")}),
    gap("Iran paid two Danish gang members to photograph the Israeli embassy.",
         {("IRN", "ISR")}, "an active 'paid … to photograph' is no trigger: its victim "
         "would be the recruits' country"),
    ("The man flew a drone over the naval base and sent the footage to a Russian "
     "contact.", {("RUS", None)}),
    gap("The former MI6 officer admitted he had been a double agent for the KGB.",
         {("RUS", "GBR")}, "the Soviet KGB is a historical actor"),
    ("Investigators said the couple had been run by the SVR for a decade.",
     {("RUS", None)}),
    gap("India expelled a Pakistani diplomat caught with defence documents.",
         {("PAK", "IND")}, "being caught with documents is no trigger"),
]

NEGATIVE: list[object] = [
    "The Lithuanian official did not meet his Russian case officer in Minsk.",
    "The minister met his Russian counterpart in Minsk.",
    "Congolese police arrested three men on suspicion of working for a smuggling gang.",
    "She was accused of working for the opposition newspaper.",
    "The reporter cultivated sources within the ministry for years.",
    "The clerk copied the company's customer lists before leaving for a rival.",
    "The outage was attributed to a software fault.",
    "The farmer was paid to photograph birds for the wildlife survey.",
    "The court received classified documents from the defence ministry as evidence.",
    "Officials met to discuss the handling of classified documents.",
    "The minister revealed details of the plan to reporters.",
    "The ministry disclosed information to parliament about the contracts.",
    "France shared intelligence with Mali.",
    "The company shared the data with its partners.",
    "The former coach acted as an agent for the Brazilian striker.",
    "Observers monitored the election on behalf of the European Union.",
    "The UN monitored the ceasefire at the request of Ethiopia.",
    "She served as a source for the newspaper.",
    "The army monitored rebel commanders on orders from Kyiv.",
    "The suspects had been recruited online and paid in cryptocurrency to photograph "
    "military trains.",
    "The Polish soldier did not share classified information with Russian agents.",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_espionage_court_phrasing(coder: Coder, text: str, expected: set[Pair]) -> None:
    assert espionages(coder, text) == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_espionage_near_misses(coder: Coder, text: str) -> None:
    assert espionages(coder, text) == set()
