"""Phrasing coverage for espionage: sentences written for this suite in the way wire
services, prosecutors, governments and armed groups word spying, each with the
(source, target) pairs the coder must give (source spies on target), and sentences
that must give no espionage event (negated, hypothetical, business, apps, fiction)."""

from __future__ import annotations

import pytest
from conftest import espionages, gap

from riftwatch.coding import Coder

Pair = tuple[str, str | None]


POSITIVE: list[object] = [
    # headlines without articles
    ("Iran spy ring busted in Baku", {("IRN", "AZE")}),
    ("Iran executes alleged Mossad spy", {("ISR", "IRN")}),
    ("Moldova expels Russian diplomat over espionage", {("RUS", "MDA")}),
    ("Seoul says North Korean hackers stole warship blueprints", {("PRK", "KOR")}),
    # passing, selling, leaking secrets
    ("A former Pentagon contractor was sentenced to 12 years in prison for selling "
     "classified documents to China.", {("CHN", "USA")}),
    ("India arrested a navy clerk for allegedly leaking sensitive information to "
     "Pakistani intelligence operatives.", {("PAK", "IND")}),
    ("A former US Army intelligence analyst pleaded guilty to conspiring to sell "
     "military secrets to China.", {("CHN", "USA")}),
    ("Beijing accused an engineer at a state aerospace firm of selling secrets to "
     "the CIA.", {("USA", "CHN")}),
    ("Ukrainian prosecutors said the woman had passed the coordinates of air defence "
     "positions to the Russian military.", {("RUS", "UKR")}),
    ("A Greek court sentenced a naval officer to life in prison for handing military "
     "secrets to Russia.", {("RUS", "GRC")}),
    # spying for / working for / in the pay of a service
    ("A Swedish court convicted two brothers of spying for Russia's GRU.",
     {("RUS", "SWE")}),
    ("The Austrian former intelligence officer was arrested on suspicion of spying "
     "for Moscow.", {("RUS", "AUT")}),
    ("Tehran hanged a man convicted of spying for Israel's Mossad.", {("ISR", "IRN")}),
    ("Egypt sentenced a man to death for spying for Israel.", {("ISR", "EGY")}),
    ("A Taiwanese army officer was found to have worked as an informant for Beijing.",
     {("CHN", "TWN")}),
    ("French counter-intelligence dismantled a spy cell working for Algeria.",
     {("DZA", "FRA")}),
    ("The Philippines arrested a Chinese national suspected of espionage near a "
     "navy base.", {("CHN", "PHL")}),
    ("Dutch authorities expelled two Russian diplomats accused of espionage.",
     {("RUS", "NLD")}),
    ("Polish prosecutors charged a man with spying on behalf of Russian military "
     "intelligence.", {("RUS", "POL")}),
    ("Investigators said the Estonian railway worker had been in the pay of the "
     "Russian FSB for years.", {("RUS", "EST")}),
    # recruiting, cultivating, handlers, assets, moles, sleeper agents
    ("Estonia's Internal Security Service said the railway worker had been recruited "
     "by Russia's FSB.", {("RUS", "EST")}),
    ("Lithuania said Belarusian intelligence had tried to recruit officers of its "
     "border guard service.", {("BLR", "LTU")}),
    ("British officials said Chinese intelligence had cultivated a parliamentary "
     "researcher as an asset.", {("CHN", "GBR")}),
    ("A sleeper agent planted by Russia's SVR lived in Slovenia for years under a "
     "false identity.", {("RUS", "SVN")}),
    ("The Pakistani army said it had arrested a RAW agent in Balochistan.",
     {("IND", "PAK")}),
    ("Hezbollah said it had uncovered an Israeli agent inside its ranks.",
     {("ISR", "HEZBOLLAH")}),
    ("MI6 recruited a Chinese couple to spy on Beijing, China's Ministry of State "
     "Security said.", {("GBR", "CHN")}),
    ("Israel's Shin Bet said it had uncovered an Iranian spy network that recruited "
     "Israelis to photograph military bases.", {("IRN", "ISR")}),
    ("South Korea's spy agency said North Korea had infiltrated agents posing as "
     "defectors into the country.", {("PRK", "KOR")}),
    # gathering, collecting, photographing, filming
    ("Poland arrested a Ukrainian man suspected of gathering information on military "
     "sites for Russia.", {("RUS", "POL")}),
    ("Australian police charged a woman after she allegedly collected information on "
     "a Buddhist group in Canberra for China.", {("CHN", "AUS")}),
    ("Russia's FSB accused a US consular employee of collecting information for "
     "Washington.", {("USA", "RUS")}),
    ("The Czech counter-intelligence agency said Russian spies posing as diplomats "
     "had been gathering intelligence on the country's defence industry.",
     {("RUS", "CZE")}),
    ("US officials said the balloon was a Chinese surveillance craft sent to spy on "
     "American military sites.", {("CHN", "USA")}),
    # tracking, monitoring, following exiles and dissidents
    ("Canadian authorities said Indian agents had been monitoring Sikh activists in "
     "Canada.", {("IND", "CAN")}),
    ("Spanish police said a Venezuelan dissident in Madrid had been followed and "
     "photographed by agents of Venezuela's SEBIN.", {("VEN", "ESP")}),
    ("The US Justice Department charged two men with acting as agents of China by "
     "monitoring Chinese dissidents in New York.", {("CHN", "USA")}),
    ("Belgian prosecutors said Rwandan agents had infiltrated exile groups in "
     "Belgium.", {("RWA", "BEL")}),
    # hacking, cyber-espionage, APT groups
    ("Chinese state-sponsored hackers breached the networks of several Dutch "
     "ministries, the AIVD said.", {("CHN", "NLD")}),
    gap("North Korean hackers stole data from South Korean defence firms.",
         {("PRK", "KOR")}, "a nationality on a firm is never read as the side spied on"),
    ("Hackers linked to Iran's Revolutionary Guards breached the email account of a "
     "US presidential campaign adviser.", {("IRN", "USA")}),
    ("Germany blamed APT28, a unit of Russia's GRU, for the hacking of the Bundestag.",
     {("RUS", "DEU")}),
    ("A cyber-espionage campaign by the Chinese group APT41 targeted Taiwanese "
     "government agencies.", {("CHN", "TWN")}),
    ("The Israeli army said Hamas had used fake dating profiles to hack into "
     "soldiers' phones.", {("HAMAS", "ISR")}),
    # intercepting, wiretapping, bugging, spyware by a state
    ("The NSA wiretapped the mobile phone of the German chancellor.", {("USA", "DEU")}),
    ("Kremlin-linked operatives bugged the hotel rooms of Ukrainian negotiators.",
     {("RUS", "UKR")}),
    gap("Pegasus spyware was used by Morocco to target the phones of French officials.",
         {("MAR", "FRA")}, "spyware as the instrument of a passive 'used by X to' has no roles"),
    ("Danish media reported that the NSA had intercepted the communications of "
     "Swedish ministers.", {("USA", "SWE")}),
    # expulsions worded diplomatically
    ("Britain expelled a Russian diplomat for activities incompatible with his "
     "diplomatic status.", {("RUS", "GBR")}),
    gap("Norway declared three Russian embassy staff persona non grata for intelligence "
         "activities.", {("RUS", "NOR")},
         "the small model parses 'persona non grata' as a clause, losing the expelled staff"),
    # accused / charged / convicted of spying, treason for X
    ("The man is accused of spying for Iran on Jewish targets in London.",
     {("IRN", "GBR")}),
    ("A Norwegian court convicted a former border guard of spying for Russia.",
     {("RUS", "NOR")}),
    ("The Houthis detained aid workers they accused of spying for the United States.",
     {("USA", "HOUTHIS")}),
    ("Hamas said it had executed collaborators who spied for Israel.",
     {("ISR", "HAMAS")}),
    ("A Latvian court sentenced a man to eight years for treason for gathering "
     "information on military units for Russia.", {("RUS", "LVA")}),
    ("The diplomat was unmasked as an agent of Russia's SVR.", {("RUS", None)}),
    ("The alleged spy ring, run by Chinese intelligence, targeted Taiwan's "
     "presidential office.", {("CHN", "TWN")}),
    # the act told only as the grounds of a punishment
    ("Russia expelled two Estonian diplomats over spying.", {("EST", "RUS")}),
    ("Serbia arrested a Croatian diplomat on suspicion of espionage.", {("HRV", "SRB")}),
    ("Beijing detained a Japanese embassy official on espionage charges.",
     {("JPN", "CHN")}),
    ("Azerbaijan jailed an Iranian cleric on charges of spying for Tehran.",
     {("IRN", "AZE")}),
    ("Armenia deported two Azerbaijani officers for espionage.", {("AZE", "ARM")}),
    # caught agents, moles and operatives
    ("Ukraine's SBU said it had detained a Russian mole in its own ranks.",
     {("RUS", "UKR")}),
    ("Israel arrested a Hamas intelligence agent in Hebron.", {("HAMAS", "ISR")}),
    ("Iranian operatives tailed an exiled journalist in London, British police said.",
     {("IRN", "GBR")}),
    ("The Kremlin's agents planted listening devices in the Georgian embassy.",
     {("RUS", "GEO")}),
    ("Hackers working for China's Ministry of State Security broke into the servers of "
     "the Czech foreign ministry.", {("CHN", "CZE")}),
    ("US prosecutors said the former Marine had provided Chinese intelligence officers "
     "with details of US naval operations.", {("CHN", "USA")}),
    ("Greek police said the suspect had photographed naval vessels at Souda Bay for "
     "Turkish intelligence.", {("TUR", "GRC")}),
    ("Pyongyang's hackers targeted South Korean defence ministry officials.",
     {("PRK", "KOR")}),
    # tasks from handlers, requests of a service, a service's own hackers
    ("Estonia's security police said the man had received tasks from his Russian "
     "handlers.", {("RUS", "EST")}),
    ("Lithuania said the detainee had been collecting information about military convoys "
     "at the request of Belarusian intelligence.", {("BLR", "LTU")}),
    ("Russian intelligence hacked the computers of the Dutch safety board.",
     {("RUS", "NLD")}),
    ("Russian military intelligence tried to hack the OPCW in The Hague.",
     {("RUS", "OPCW")}),
    ("Georgia said the suspect had been passing information to Russia's FSB for years.",
     {("RUS", "GEO")}),
    ("Kyiv said Russian agents had been tracking the movements of Ukrainian air defence "
     "systems.", {("RUS", "UKR")}),
    ("Algeria accused Morocco of using Pegasus spyware to spy on its officials.",
     {("MAR", "DZA")}),
    ("Hamas said it had arrested collaborators who provided Israel with information on "
     "its commanders.", {("ISR", "HAMAS")}),
    gap("Israel's Mossad ran a network of informants inside Iran's nuclear programme.",
         {("ISR", "IRN")}, "running a network of informants is no trigger"),
    gap("Three Bulgarians were convicted in London of running a Russian spy ring.",
         {("RUS", "GBR")}, "the spies' nationality is taken as the side spied on"),
    gap("Two Chinese nationals were charged with acting as illegal agents of Beijing in "
         "New York.", {("CHN", "USA")}, "a city outside the dictionary names no victim"),
]

NEGATIVE: list[object] = [
    # business espionage, apps, fiction, sport
    "The rival carmaker was accused of industrial espionage after hiring engineers "
    "who took battery designs.",
    "Samsung accused a former employee of leaking chip secrets to a Chinese competitor.",
    "The app lets parents monitor their children's phones.",
    "Police warned that stalkerware apps are being used to spy on partners.",
    "The Netflix drama follows a Soviet sleeper agent living in suburban Washington.",
    "The former CIA officer wrote a best-selling spy novel set in Moscow.",
    "Apple said a new iPhone feature would warn users targeted by spyware.",
    "The football coach accused the rival team of spying on its training sessions.",
    "Wildlife researchers tracked the wolves across the border into Poland.",
    "Germany's BND is recruiting cyber specialists with a new advertising campaign.",
    "Britain and France agreed to share intelligence on migrant smuggling.",
    "The US Senate intelligence committee will hold hearings on Tuesday.",
    # negated, denied, hypothetical, acquitted
    "Russia denied that it had ever spied on Finland.",
    "If Iran were to spy on its neighbours, it would face sanctions.",
    "Analysts said China could try to hack into Taiwan's power grid in a future war.",
    "The minister said there was no evidence that Chinese students were spying for "
    "Beijing.",
    "A Norwegian court acquitted the border guard of spying for Russia.",
    gap("Huawei rejects claims that its equipment enables Chinese spying.", None,
         "the small model tags 'rejects' as a noun, so the rejected claim reads as asserted"),
    # screen fiction, documentaries, games, museums, trade secrets, spyware vendors
    "The new BBC series follows an MI6 officer hunting a Russian mole inside British intelligence.",
    "In the film, a CIA agent is sent to Moscow to recruit a Soviet scientist.",
    "The novel tells the story of a Mossad agent who spies on Iran's nuclear programme.",
    "A US jury found that the Chinese company had stolen trade secrets from an American chipmaker.",
    "Tesla accused a former engineer of passing Autopilot source code to a Chinese rival.",
    "The stalkerware maker, based in Ukraine, let customers secretly monitor their partners' "
    "phones.",
    "An Israeli spyware firm was sued by WhatsApp for hacking the phones of 1,400 users.",
    "The Cold War video game lets players spy for the KGB in East Berlin.",
    "Researchers found that a popular Chinese shopping app collected users' data without "
    "permission.",
    "The museum's new exhibition on Cold War espionage features gadgets used by the KGB and "
    "the CIA.",
    "Employees at the French carmaker were accused of selling design secrets to a German "
    "competitor.",
    "The British actor, best known for playing a Russian spy, said he would return to the stage.",
    gap("The documentary recounts how East German Stasi officers spied on their own "
         "neighbours.", None, "a documentary is no fiction context: 'documentary' and "
         "'episode' also open political reports"),
    "Fans accused the Mexican team of spying on the US squad's closed training session.",
    # trades called agents, spy hunters, business leaks
    "The Japanese robot maker says the Chinese start-up stole design files after hiring "
    "three of its engineers.",
    "A lawsuit accuses the Korean chip firm of stealing trade secrets from its American "
    "rival.",
    "A Chinese real estate agent was arrested in Sydney for fraud.",
    "Spanish police arrested a Brazilian football agent accused of tax evasion.",
    "Thai police arrested a Russian travel agent for overstaying his visa.",
    "Russian counter-espionage officers detained an Estonian citizen.",
    "The company fired an engineer for leaking product plans to a rival.",
    "Investigators say the gang used spyware to steal banking passwords from customers.",
    "Police arrested a man for spying on his neighbours.",
    "The club's scouts watched the Brazilian striker in three matches.",
    gap("Italian police arrested a Nigerian agent of a human trafficking ring.", None,
         "'agent of' a criminal ring is read as an intelligence agent"),
    gap("German hackers broke into the team's database to steal transfer plans.", None,
         "hackers' nationality with a sports club's database is read as espionage"),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_espionage_phrasing(coder: Coder, text: str, expected: set[Pair]) -> None:
    assert espionages(coder, text) == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_espionage(coder: Coder, text: str) -> None:
    assert espionages(coder, text) == set()
