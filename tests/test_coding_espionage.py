"""Espionage roles: who spied (the side the information is for) and who was spied on,
on sentences written for these tests (not taken from the evaluation sets)."""

from __future__ import annotations

import pytest
from conftest import espionages

from riftwatch.coding import Coder


@pytest.mark.parametrize(("text", "expected"), [
    # "he" is the agent named before, not the service that caught him
    ("Norway expelled a Russian diplomat after its security service found that he had "
     "organised the surveillance of Ukrainian refugees living in Oslo.", {("RUS", "NOR")}),
    ("Denmark ordered a Chinese attache to leave after its intelligence agency concluded "
     "that he had photographed the naval base.", {("CHN", "DNK")}),
    # a state named as the topic of correspondence is not the side spied on
    ("Poland's counter-intelligence agency said hackers working for Russia's GRU had "
     "read emails on Belarus and energy policy sent by Polish diplomats.",
     {("RUS", "POL")}),
    # information fed or filmed for an intelligence body
    ("Prosecutors in Vilnius said the couple had been feeding details of troop "
     "movements to Belarus's KGB.", {("BLR", "LTU")}),
    ("Czech police arrested two men who were paid to film military convoys for "
     "Russian intelligence.", {("RUS", "CZE")}),
    ("The Egyptian authorities said the cell had monitored army officers on behalf of "
     "Turkish intelligence.", {("TUR", "EGY")}),
    # "accused by X of spying", the of-phrase hung on the by-agent
    ("Two Dutch engineers were accused by Iranian prosecutors of spying for Israel.",
     {("ISR", "IRN")}),
    # tasked by a service with a surveillance act
    ("Prosecutors in Berlin said the student had been tasked by Chinese intelligence "
     "with surveilling Uyghur activists in Germany.", {("CHN", "DEU")}),
    # an operation the text says was directed by an agent
    ("Police in Paris are investigating a surveillance operation against Kurdish "
     "activists in France that officials believe was directed by Turkish agents.",
     {("TUR", "FRA")}),
])
def test_espionage_roles(coder: Coder, text: str, expected: set[tuple[str, str | None]]) -> None:
    assert espionages(coder, text) == expected


@pytest.mark.parametrize("text", [
    "The director travelled to Morocco to film a spy thriller for a streaming service.",
    "The commission is monitoring the election on behalf of the European Union.",
])
def test_not_espionage(coder: Coder, text: str) -> None:
    assert espionages(coder, text) == set()


@pytest.mark.parametrize(("text", "form", "actor"), [
    ("The AIVD said the engineer had been approached.", "AIVD", "NLD"),
    ("Säpo detained the diplomat's driver.", "Säpo", "SWE"),
    ("The GUR said the pilot had flown across the line.", "GUR", "UKR"),
    ("Bangladesh's DGFI was accused of tapping phones.", "DGFI", "BGD"),
    ("The Ministry of Intelligence said the cell was dismantled.",
     "Ministry of Intelligence", "IRN"),
    ("Researchers linked the intrusion to Volt Typhoon.", "Volt Typhoon", "CHN"),
    ("Analysts blamed the Lazarus Group for the heist.", "Lazarus Group", "PRK"),
    ("The State Security Service of Azerbaijan announced arrests.",
     "State Security Service of Azerbaijan", "AZE"),
])
def test_intelligence_services_resolve_to_their_state(coder: Coder, text: str, form: str,
                                                      actor: str) -> None:
    doc = coder.nlp(text)
    found = {e.text: e._.actor for e in doc.ents if e._.actor}
    assert found[form]["id"] == actor
    assert found[form]["role"] == "intelligence"


@pytest.mark.parametrize(("text", "form", "actor"), [
    ("Kagame met Tshisekedi in Doha.", "Tshisekedi", "COD"),
    ("Boris Pistorius said Germany would respond.", "Boris Pistorius", "DEU"),
    ("Takaichi spoke with Albanese by phone.", "Takaichi", "JPN"),
    ("Ag Ghaly's fighters attacked the convoy.", "Ag Ghaly", "JNIM"),
])
def test_current_office_holders_resolve(coder: Coder, text: str, form: str, actor: str) -> None:
    doc = coder.nlp(text)
    found = {e.text: e._.actor["id"] for e in doc.ents if e._.actor}
    assert found[form] == actor


@pytest.mark.parametrize(("text", "expected"), [
    # information reported or handed to handlers named by nationality
    ("Kenyan police arrested a clerk who had been secretly reporting to his Russian "
     "handlers.", {("RUS", "KEN")}),
    ("Georgian prosecutors said the engineer had passed radar frequencies to Iranian "
     "handlers.", {("IRN", "GEO")}),
    # technical surveillance: telephones intercepted, devices planted, kept under watch,
    # communications monitored in a coordination
    ("Ethiopian officials said Eritrean agents intercepted the mobile telephones of "
     "Ethiopian generals.", {("ERI", "ETH")}),
    ("Investigators said Russian agents planted listening devices in offices used by "
     "senior Moldovan ministers.", {("RUS", "MDA")}),
    ("Qatari intelligence was secretly monitoring the bank transfers and private "
     "communications of Hamas officials.", {("QAT", "HAMAS")}),
    ("The Polisario Front said Algerian intelligence had kept the front's leadership "
     "under permanent watch.", {("DZA", "POLISARIO")}),
    # "the party's" refers back to the actor whose name ends in "Party"
    ("The Kurdistan Workers' Party said on Monday that Turkish agents had planted bugs "
     "in the party's offices.", {("TUR", "PKK")}),
    # a group named with its host state is the group, not the state
    ("Yemen's Houthi movement said it had dismantled a spy network run by Israel's "
     "Mossad.", {("ISR", "HOUTHIS")}),
    ("Iraq's Kataib Hezbollah militia said on Monday it had uncovered a spy cell run by "
     "the CIA.", {("USA", "KATAIB_HEZBOLLAH")}),
    # classified material obtained; positions passed to a group's cadres; a cell acts
    ("Officers of the SVR obtained confidential cost estimates for the Polish submarine "
     "programme, Warsaw said.", {("RUS", "POL")}),
    ("Egypt's intelligence service said on Tuesday it had dismantled a network of "
     "informants who had been passing the positions of army units in Sinai to cadres of "
     "Hamas in Gaza.", {("HAMAS", "EGY")}),
    ("Syrian intelligence said the PKK cell had been passing the positions of army units "
     "around Aleppo.", {("PKK", "SYR")}),
    # a lower-case "security council" is the region's, not the UN's
    ("Police in Iraq's Kurdistan Region have arrested five people accused of spying on "
     "Iranian Kurdish exiles for Iran's Ministry of Intelligence, the region's security "
     "council said.\n\nThe cell passed the information to an Iranian handler, the council "
     "said.", {("IRN", "IRQ")}),
])
def test_espionage_surveillance_and_handlers(coder: Coder, text: str,
                                             expected: set[tuple[str, str | None]]) -> None:
    assert espionages(coder, text) == expected


@pytest.mark.parametrize("text", [
    "A corporate rival planted listening devices in the offices of the Apple executives.",
    "The hotel installed listening devices for a spy movie shot in Prague.",
    "The nurse kept the patient under observation overnight.",
    "Mr Lind said he had reported the approach to Swedish intelligence.",
    "The newspaper said it had obtained classified documents showing the ministry lied.",
    "Investors obtained confidential figures from the bank.",
    # a climate of suspicion, not an act
    "Azerbaijan's security service accused Yerevan of whipping up spy mania to distract "
    "from domestic problems.",
    # a rule about anyone, not an act
    "Chad arrested a Sudanese trader on Monday.\n\nThe Chadian government will not "
    "tolerate any foreign agent operating on its territory, the minister said.",
])
def test_surveillance_words_without_espionage(coder: Coder, text: str) -> None:
    assert espionages(coder, text) == set()


def test_double_dateline_is_no_victim(coder: Coder) -> None:
    """"GAZA/DOHA, Jan 12 (WNS) -": a longer dateline still only says where it was filed."""
    text = ("GAZA/DOHA, Jan 12 (WNS) - Hamas's internal security service has arrested three "
            "of its members on suspicion of passing details of the movement's leaders to "
            "officers of Iran's intelligence ministry.")
    assert espionages(coder, text) == {("IRN", "HAMAS")}


def test_maker_of_equipment_is_no_victim(coder: Coder) -> None:
    """A nationality that only modifies a non-political noun ("*Israeli* manufacturers")
    is never the guessed victim of an act whose sentence names none."""
    text = ("Georgian police arrested a courier on Monday on suspicion of spying for Turkey."
            "\n\nSources close to the investigation said the courier had photographed the "
            "serial numbers of equipment arriving from Israeli manufacturers and sent the "
            "images to a contact linked to Turkish intelligence.")
    assert espionages(coder, text) == {("TUR", "GEO")}


@pytest.mark.parametrize(("text", "expected"), [
    # "him" is the staff member just ordered out, not an official of the sentence before
    ("A Foreign Office spokesperson in Islamabad said Pakistan rejected the allegations."
     "\n\nHours later, Pakistan ordered a staff member of the Indian High Commission in "
     "Islamabad to leave within 24 hours, accusing him of espionage.", {("IND", "PAK")}),
    ("Hours later, Pakistan ordered a staff member of the Indian embassy to leave, "
     "accusing him of espionage.", {("IND", "PAK")}),
])
def test_pronoun_takes_object_of_same_sentence(coder: Coder, text: str,
                                               expected: set[tuple[str, str | None]]) -> None:
    assert espionages(coder, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an attempted theft, photograph or recruitment is an espionage act that happened
    ("Greek police said the Turkish national had tried to obtain secret documentation "
     "on the new frigates.", {("TUR", "GRC")}),
    ("Latvian police detained a Russian citizen who attempted to photograph military "
     "airfields on behalf of Russian intelligence.", {("RUS", "LVA")}),
    ("Estonia's security police said a Russian agent tried to recruit officials at the "
     "defence ministry.", {("RUS", "EST")}),
    # intelligence officers or agents recruiting are spying
    ("Dutch officials said Chinese intelligence officers posing as businessmen recruited "
     "two engineers at the chip maker.", {("CHN", "NLD")}),
    # officers under diplomatic (or other) cover
    ("Norway expelled three Chinese officers who had operated under diplomatic cover at "
     "the embassy in Oslo.", {("CHN", "NOR")}),
    ("Austrian prosecutors said Russian intelligence officers working under diplomatic "
     "cover in Vienna had attempted to recruit Austrian officials.", {("RUS", "AUT")}),
    # "documentation" is material passed
    ("The Lithuanian engineer was charged with passing documentation on radar systems to "
     "Russian intelligence officers.", {("RUS", "LTU")}),
    # the agent is the subject of the copula the officers are the predicate of
    ("Sweden expelled three Iranian diplomats who police said were intelligence officers "
     "trying to recruit informants among exiles in Stockholm.", {("IRN", "SWE")}),
])
def test_espionage_attempts_and_cover(coder: Coder, text: str,
                                      expected: set[tuple[str, str | None]]) -> None:
    assert espionages(coder, text) == expected


@pytest.mark.parametrize("text", [
    "The government warned it would try to spy on opposition leaders.",
    "The company tried to obtain a licence from the ministry.",
    "Ukrainian troops operated under cover of darkness near Bakhmut.",
    "The football agent recruited three players from Brazil.",
])
def test_not_espionage_attempts(coder: Coder, text: str) -> None:
    assert espionages(coder, text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    # the behalf phrase hung on the charge noun ("on suspicion of spying … on behalf of")
    ("Moldovan police detained a Transnistrian man on suspicion of spying on army depots "
     "near Chisinau on behalf of Russia's FSB.", {("RUS", "MDA")}),
    # or inside the watched object; members of a group are the group wherever they live
    ("Cypriot police said the men had photographed Hamas officials living in Larnaca on "
     "behalf of the Mossad.", {("ISR", "HAMAS")}),
    ("Police in Athens detained three men on suspicion of tracking Hezbollah members "
     "living in Greece on behalf of Israel's Mossad.", {("ISR", "HEZBOLLAH")}),
    # while nationals living abroad still stand for the state they live in
    ("Danish police said Iranian agents had been spying on Iranian dissidents living in "
     "Copenhagen.", {("IRN", "DNK")}),
])
def test_espionage_behalf_and_members(coder: Coder, text: str,
                                      expected: set[tuple[str, str | None]]) -> None:
    assert espionages(coder, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "described as" predicates the officers of the diplomats
    ("In 2019, Austria expelled four Iranian diplomats whom it described as intelligence "
     "officers working under diplomatic cover.", {("IRN", "AUT")}),
    # a named service whose head word is generic ("Ministry of State Security")
    ("Two clerks in the Nepalese interior ministry were secretly reporting to China's "
     "Ministry of State Security on Tibetan exiles.", {("CHN", "NPL")}),
    ("The officer reported to Pakistan's Inter-Services Intelligence on Indian troop "
     "movements.", {("PAK", "IND")}),
])
def test_espionage_described_and_named_services(coder: Coder, text: str,
                                                expected: set[tuple[str, str | None]]) -> None:
    assert espionages(coder, text) == expected


def test_reporting_to_a_council_is_not_espionage(coder: Coder) -> None:
    assert espionages(coder, "The envoy reported to the UN Security Council on the "
                             "ceasefire.") == set()
