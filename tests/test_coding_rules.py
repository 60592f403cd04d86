"""Coding rules on the real spaCy model: roles from syntax, modality, word senses,
denial linking, near-duplicate articles and the prefilter."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from conftest import SAMPLE, triples

from riftwatch.article import Article, parse_article
from riftwatch.coding import Coder
from riftwatch.dedup import SeenArticles
from riftwatch.pipeline import Tally, read_records, run_code

MISSION = {"espionage", "defection", "denial"}


def _article(text: str, art_id: str = "t", when: str = "2025-03-01T00:00:00Z") -> Article:
    art = parse_article({"id": art_id, "text": text, "published_at": when})
    assert isinstance(art, Article)
    return art


def _events(coder: Coder, text: str) -> list[dict[str, Any]]:
    return coder.code([_article(text)])[0]


def _triples(events: list[dict[str, Any]]) -> set[tuple[str, str, str | None]]:
    return triples(events)


@pytest.mark.parametrize("text", [
    "Hamas was spied on by Iran.",
    "Iran spied on Hamas for years.",
    "Iranian agents spied on Hamas leaders in Doha.",
    "Hamas, the Gaza-based group, was spied on by the Islamic Republic.",
])
def test_espionage_roles_from_syntax_in_active_and_passive(coder: Coder, text: str) -> None:
    assert ("espionage", "IRN", "HAMAS") in _triples(_events(coder, text))
    assert ("espionage", "HAMAS", "IRN") not in _triples(_events(coder, text))


def test_spying_for_makes_the_beneficiary_the_source(coder: Coder) -> None:
    triples = _triples(_events(coder, "An Egyptian officer spied for Israel."))
    assert ("espionage", "ISR", "EGY") in triples


def test_relative_clause_subject_is_the_antecedent(coder: Coder) -> None:
    events = _events(coder, "Qatar, which had spied on Egypt for years, expelled two "
                            "Egyptian diplomats.")
    assert ("espionage", "QAT", "EGY") in _triples(events)
    assert ("expel_diplomats", "QAT", "EGY") in _triples(events)


def test_accusation_gives_accuse_and_alleged_espionage(coder: Coder) -> None:
    events = _events(coder, "Egypt accused Qatar of running a spy ring inside its foreign "
                            "ministry.")
    by_type = {e["type"]: e for e in events}
    assert ("accuse", "EGY", "QAT") in _triples(events)
    assert ("espionage", "QAT", "EGY") in _triples(events)
    assert by_type["espionage"]["modality"] == "alleged"
    assert by_type["accuse"]["modality"] == "asserted"
    assert by_type["espionage"]["confidence"] < by_type["accuse"]["confidence"]


def test_denial_targets_the_accuser_and_links_what_it_denies(coder: Coder) -> None:
    events = _events(coder, "Egypt accused Qatar of spying on its diplomats.\n\n"
                            "Qatar denied the espionage allegations.")
    denial = next(e for e in events if e["type"] == "denial")
    assert denial["source"]["id"] == "QAT"
    assert denial["target"]["id"] == "EGY"
    espionage = next(e for e in events if e["type"] == "espionage")
    assert {"type": "espionage", "event_id": espionage["event_id"]} in denial["denies"]
    assert [e["type"] for e in events].count("espionage") == 1


def test_denied_allegation_is_not_an_event(coder: Coder) -> None:
    events = _events(coder, "Qatar denied the espionage allegations.")
    assert _triples(events) == {("denial", "QAT", None)}
    assert events[0]["denies"] == [{"type": "espionage", "event_id": None}]


@pytest.mark.parametrize("text", [
    "Iran did not spy on Hamas.",
    "Iran never spied on Hamas, the ministry said.",
    "Iran refused to spy on Hamas.",
    "Iran denied that it had spied on Hamas.",
])
def test_negated_events_are_not_emitted(coder: Coder, text: str) -> None:
    assert not any(e["type"] == "espionage" for e in _events(coder, text))


@pytest.mark.parametrize("text", [
    "Iran could spy on Hamas.",
    "If Iran spies on Hamas, the alliance will collapse.",
    "Egypt warned it would expel Qatari diplomats.",
    "Israel threatened Iran with new sanctions.",
    "Egypt plans to recall its ambassador from Doha.",
])
def test_hypothetical_and_future_events_are_not_emitted(coder: Coder, text: str) -> None:
    kinds = {e["type"] for e in _events(coder, text)}
    assert not kinds & {"espionage", "expel_diplomats", "sanction", "withdraw_diplomats"}


def test_threat_itself_is_an_event(coder: Coder) -> None:
    assert ("threaten", "ISR", "IRN") in _triples(
        _events(coder, "Israel threatened Iran with new sanctions."))


def test_historical_background_is_flagged_and_weighs_little(coder: Coder) -> None:
    old = _events(coder, "In 2015, Iran spied on Hamas.")
    new = _events(coder, "Iran spied on Hamas on Monday.")
    assert old[0]["historical"] is True and new[0]["historical"] is False
    assert abs(old[0]["weight"]) < abs(new[0]["weight"]) / 5
    assert old[0]["confidence"] < new[0]["confidence"]
    war = _events(coder, "Years ago, Israel attacked Syria during the war.")
    assert war and all(e["historical"] for e in war)


def test_defection_source_is_the_side_left(coder: Coder) -> None:
    assert ("defection", "SYR", "TUR") in _triples(
        _events(coder, "The general defected from Syria to Turkey."))
    assert ("defection", "HEZBOLLAH", "ISR") in _triples(
        _events(coder, "A senior Hezbollah commander defected to Israel."))


@pytest.mark.parametrize("text", [
    "The new spy thriller about Iran premiered in London.",
    "Iran's national team attacked relentlessly in the match against Qatar.",
    "The Saudi striker attacked down the left wing before scoring against Qatar.",
    "Egypt denied a visa to the Qatari journalist.",
    "The merger deal between the two Qatari firms was signed on Monday.",
    "Qatar Airways signed a deal with Boeing for new jets.",
    "An Iranian spy camera was found in the hotel.",
    "The Egyptian actress plays a spy working for Israel in the film.",
    "Iranian scientists said the virus attacks the immune system.",
    "The Qatari coach praised his young players.",
    "A Turkish firm defended its market share against Chinese rivals.",
])
def test_non_political_senses_yield_no_events(coder: Coder, text: str) -> None:
    assert _events(coder, text) == []


def test_seed_has_no_duplicate_events_and_a_hamas_denial(coder: Coder, seed: Article) -> None:
    events = coder.code([seed])[0]
    assert ("espionage", "IRN", "HAMAS") in _triples(events)
    assert any(e["type"] == "denial" and e["source"]["id"] == "HAMAS" for e in events)
    keys = [(e["type"], e["source"]["id"], e["sentence"]) for e in events]
    assert len(keys) == len(set(keys))
    assert all(e["type"] != "espionage" or e["target"]["id"] == "HAMAS" for e in events)


def test_near_duplicate_article_is_skipped_and_counted() -> None:
    lines = SAMPLE.read_bytes().splitlines()
    original = json.loads(lines[17])
    copy = dict(original, id="syndicated-copy",
                text=original["text"].replace("Egypt accused", "Egypt formally accused") +
                "\n\n(Wire copy.)")
    other = json.loads(lines[18])
    seen = SeenArticles()
    assert not seen.is_duplicate(original["id"], original["text"])
    assert seen.is_duplicate(copy["id"], copy["text"])
    assert not seen.is_duplicate(other["id"], other["text"])
    assert seen.counts == {"exact": 0, "near": 1}


def test_code_skips_the_later_copy_in_input_order(coder: Coder) -> None:
    lines = SAMPLE.read_bytes().splitlines()
    original = json.loads(lines[17])
    copy = dict(original, id="copy", text=original["text"] + "\n\nMore to follow.")
    data = b"\n".join(json.dumps(x).encode() for x in (original, copy))
    tally = Tally()
    events = run_code(read_records(io.BytesIO(data)), coder, tally)
    assert tally.deduplicated == 1 and tally.coded == 1
    assert events and {e["article_id"] for e in events} == {original["id"]}


def test_prefilter_parses_only_candidate_sentences(coder: Coder) -> None:
    text = ("The weather in Cairo was mild on Monday. Markets were calm. "
            "Egypt accused Qatar of spying. Traffic was heavy downtown.")
    selection = coder.select(_article(text))
    assert selection.sentences == ["Egypt accused Qatar of spying."]
    assert coder.select(_article("Markets were calm and traffic was heavy.")).sentences == []


def test_pronoun_subject_takes_its_antecedent_from_the_previous_sentence(coder: Coder) -> None:
    events = _events(coder, "Qatar's emir arrived in Cairo on Sunday. He praised Egypt for "
                            "its mediation.")
    assert ("praise", "QAT", "EGY") in _triples(events)


def test_events_carry_optional_modality_fields(coder: Coder) -> None:
    for e in _events(coder, "Egypt accused Qatar of spying. Qatar denied the allegations."):
        assert e["modality"] in {"asserted", "reported", "alleged"}
        assert isinstance(e["historical"], bool)
        assert len(e["fingerprint"]) == 24


@pytest.fixture
def seed() -> Article:
    from conftest import SEED

    return _article(SEED.read_text(), "seed", "2021-06-10T12:00:00Z")


@pytest.mark.parametrize(("text", "expected"), [
    ("Moscow called the British claims absurd.", ("denial", "RUS", "GBR")),
    ("Tehran has denied arming the Houthis, despite repeated accusations from Saudi "
     "Arabia.", ("denial", "IRN", "SAU")),
    ("Moscow rejected accusations by London that it had targeted civilians.",
     ("denial", "RUS", "GBR")),
])
def test_denial_names_the_accuser_found_in_the_sentence(coder: Coder, text: str,
                                                        expected: tuple[str, str, str]) -> None:
    events = _events(coder, text)
    assert expected in _triples(events)
    assert not any(e["type"] == "accuse" for e in events)


@pytest.mark.parametrize(("text", "expected"), [
    ("Two officials had supplied Russian military intelligence with documents about "
     "Egypt's gas fields.", ("espionage", "RUS", "EGY")),
    ("A Turkish engineer collected information on behalf of Iranian intelligence.",
     ("espionage", "IRN", "TUR")),
    ("A US Navy sailor was charged with passing classified information to an officer "
     "from China.", ("espionage", "CHN", "USA")),
])
def test_espionage_for_someone_makes_them_the_source(coder: Coder, text: str,
                                                     expected: tuple[str, str, str]) -> None:
    assert expected in _triples(_events(coder, text))


def test_acquittal_is_not_espionage(coder: Coder) -> None:
    events = _events(coder, "A court in Egypt acquitted a farmer who had been charged with "
                            "spying for Israel.")
    assert not any(e["type"] == "espionage" for e in events)


def test_sports_defection_counts_only_towards_a_state(coder: Coder) -> None:
    club = _events(coder, "The Serbian point guard defected to the Greek champion after the "
                          "match.")
    asylum = _events(coder, "Several players of Sudan's national team sought asylum in "
                            "Egypt after the match.")
    assert club == []
    assert ("defection", "SDN", "EGY") in _triples(asylum)


def test_defection_destination_from_a_motion_verb(coder: Coder) -> None:
    events = _events(coder, "A Syrian brigadier general crossed into Jordan and announced "
                            "his defection.")
    assert ("defection", "SYR", "JOR") in _triples(events)


def test_only_a_suspected_misspelling_needs_the_statistical_ner(coder: Coder) -> None:
    assert coder.select(_article("Isreal spied on Hamas, officials said.")).needs_ner
    assert not coder.select(_article("Israel spied on Hamas, officials said.")).needs_ner
    for other_word in ("Authorities", "Ministers", "Analysts", "Soviets", "Researchers"):
        text = f"{other_word} said Israel spied on Hamas."
        assert not coder.select(_article(text)).needs_ner, other_word


def test_sentence_in_a_non_political_context_is_not_parsed(coder: Coder) -> None:
    text = ("Qatar attacked down the left wing in the match against Egypt. "
            "Egypt accused Qatar of spying.")
    assert coder.select(_article(text)).sentences == ["Egypt accused Qatar of spying."]


def test_he_refers_to_an_official_not_to_a_modifier(coder: Coder) -> None:
    official = _events(coder, "Egypt's prime minister arrived in Doha on Sunday. He praised "
                              "Qatar for its support.")
    runner = _events(coder, "A runner collapsed during the Cairo marathon on Sunday. He "
                            "thanked the paramedics for their support.")
    assert ("praise", "EGY", "QAT") in _triples(official)
    assert runner == []


def test_mention_in_the_other_role_yields_to_its_possessor(coder: Coder) -> None:
    events = _events(coder, "Several Wagner commanders in Libya have defected to Russia's "
                            "Africa Corps.")
    assert ("defection", "WAGNER", "RUS") in _triples(events)


def test_fewest_locative_hops_decide_the_side(coder: Coder) -> None:
    events = _events(coder, "A judge in the Houthi-run court in Sanaa has defected to "
                            "Yemen's government.")
    assert {t for t in _triples(events) if t[0] == "defection"} == \
        {("defection", "HOUTHIS", "YEM")}


def test_he_reaches_a_subject_noun_with_a_political_head(coder: Coder) -> None:
    events = _events(coder, "A sailor of a Russian navy frigate swam to a fishing boat, "
                            "where he defected to Norway.")
    assert ("defection", "RUS", "NOR") in _triples(events)


def test_them_refers_to_the_plural_object_before_it(coder: Coder) -> None:
    events = _events(coder, "Egypt expelled two Libyan diplomats, accusing them of "
                            "espionage.")
    assert ("accuse", "EGY", "LBY") in _triples(events)


def test_denial_links_to_the_earlier_author_of_the_same_claim(coder: Coder) -> None:
    events = _events(coder, "A report by the United Nations said Eritrean troops had "
                            "attacked a border post in Sudan. Eritrea rejected the report.")
    assert ("denial", "ERI", "UN") in _triples(events)


def test_denial_links_to_the_side_acting_against_the_denier(coder: Coder) -> None:
    events = _events(coder, "Iran arrested a German citizen in Tehran on Monday. Germany "
                            "rejected the accusations.")
    assert ("denial", "DEU", "IRN") in _triples(events)


def test_defection_destination_from_the_nearest_enclosing_motion_verb(coder: Coder) -> None:
    events = _events(coder, "A Belarusian pilot flew his plane across the border and landed "
                            "at a Lithuanian airbase, switching sides.")
    assert ("defection", "BLR", "LTU") in _triples(events)


def test_behalf_phrase_inside_the_object_and_residents_spied_on(coder: Coder) -> None:
    events = _events(coder, "Police arrested a man suspected of spying on Uyghurs living "
                            "in Germany on behalf of China's security ministry.")
    assert ("espionage", "CHN", "DEU") in _triples(events)


def test_transfer_recipient_inside_the_object_and_victim_from_the_article(
        coder: Coder) -> None:
    events = _events(coder, "A court in Oslo convicted a former navy clerk of espionage on "
                            "Friday. Prosecutors said the clerk had passed information on the "
                            "movements of frigates to Russia's GRU.")
    assert ("espionage", "RUS", "NOR") in _triples(events)


def test_spy_of_the_victims_own_side_is_no_source(coder: Coder) -> None:
    events = _events(coder, "Police charged a German engineer with spying for China. The "
                            "German citizen also gathered information on exiles.")
    assert ("espionage", "CHN", "DEU") in _triples(events)
    assert not any(t[0] == "espionage" and t[1] == "DEU" for t in _triples(events))


def test_instrument_phrase_is_no_non_political_context(coder: Coder) -> None:
    events = _events(coder, "Japanese police said the suspect had sent photographs of the "
                            "base to China through a messaging app.")
    assert ("espionage", "CHN", "JPN") in _triples(events)


def test_alleged_mobilisation_targets_the_accuser(coder: Coder) -> None:
    events = _events(coder, "Ethiopia accused Eritrea of massing troops along the shared "
                            "border.")
    assert ("mobilize", "ERI", "ETH") in _triples(events)


def test_nationality_of_a_non_political_head_is_no_antecedent(coder: Coder) -> None:
    events = _events(coder, "A Swedish games studio was hit by a cyber attack on Monday. "
                            "The studio said it rejected claims that passwords were stolen.")
    assert not any(e["type"] in MISSION for e in events)


def test_statement_the_denial_is_made_in_is_not_the_claim(coder: Coder) -> None:
    events = _events(coder, "Israel accused Hamas of firing rockets. Hamas, in a statement "
                            "carried by its television in Lebanon, denied any involvement.")
    assert ("denial", "HAMAS", "ISR") in _triples(events)
    assert ("denial", "HAMAS", "LBN") not in _triples(events)


def test_surveillance_is_espionage_unless_it_names_equipment(coder: Coder) -> None:
    spying = _events(coder, "Thai police arrested three Cambodian nationals suspected of "
                            "conducting surveillance of an air base.")
    cameras = _events(coder, "Thai police installed surveillance cameras near the Cambodian "
                             "embassy.")
    assert ("espionage", "KHM", "THA") in _triples(spying)
    assert not any(e["type"] == "espionage" for e in cameras)


def test_participle_after_a_verb_modifies_the_noun(coder: Coder) -> None:
    events = _events(coder, "Egypt's minister accused Libya of arming the rebels, telling "
                            "lawmakers that the army possessed intercepted messages between "
                            "the gunmen and their handlers.")
    assert not any(e["type"] == "espionage" for e in events)


def test_unnamed_official_body_acts_for_the_reporting_side(coder: Coder) -> None:
    events = _events(coder, "Egypt's interior ministry said on Sunday that security forces "
                            "had arrested two Sudanese nationals in Aswan.")
    assert ("arrest_foreign_nationals", "EGY", "SDN") in _triples(events)


def test_leaving_a_group_and_joining_another_is_defection(coder: Coder) -> None:
    events = _events(coder, "A senior commander of the Taliban in Kunar province has left "
                            "the movement and joined the Islamic State.")
    left = _events(coder, "The Egyptian foreign minister left the meeting and joined the "
                          "Qatari delegation for lunch.")
    assert ("defection", "TALIBAN", "ISIS") in _triples(events)
    assert not any(e["type"] == "defection" for e in left)


def test_unknown_named_speaker_speaks_for_the_opening_place(coder: Coder) -> None:
    events = _events(coder, "Japan accused China of hacking its defence ministry. In Beijing, "
                            "foreign ministry spokesman Wu Jiandong dismissed the allegations.")
    assert ("denial", "CHN", "JPN") in _triples(events)


def test_plural_noun_is_no_definite_description(coder: Coder) -> None:
    events = _events(coder, "The Hezbollah-run security office in Beirut said its officers "
                            "had arrested informants who had passed information on the "
                            "movements of the group's fighters to Israel's Mossad.")
    assert ("espionage", "ISR", "LBN") not in _triples(events)
    assert ("espionage", "ISR", "HEZBOLLAH") in _triples(events)


def test_threat_target_is_the_subject_of_the_threatened_clause(coder: Coder) -> None:
    events = _events(coder, "Iran warned on Monday that Israel and the United States would "
                            "pay a heavy price for the strikes.")
    assert {("threaten", "IRN", "ISR"), ("threaten", "IRN", "USA")} <= _triples(events)


def test_attack_target_from_the_place_or_the_victims(coder: Coder) -> None:
    place = _events(coder, "Turkish jets struck several targets in Iraq's northern Duhok "
                           "province overnight.")
    victims = _events(coder, "Israeli aircraft struck a car near the camp, killing three "
                             "Hezbollah fighters.")
    assert ("attack", "TUR", "IRQ") in _triples(place)
    assert ("attack", "ISR", "HEZBOLLAH") in _triples(victims)


def test_accusation_frame_reaches_the_object_of_a_long_noun_phrase(coder: Coder) -> None:
    events = _events(coder, "Vilnius accused a network linked to Russia's military "
                            "intelligence agency of hacking into the parliament's servers.")
    assert ("espionage", "RUS", "LTU") in _triples(events)


def test_office_held_while_acting_gives_the_side(coder: Coder) -> None:
    events = _events(coder, "Jorge Alvarez, who defected to Spain last year while serving "
                            "as Venezuela's consul in Madrid, was granted citizenship.")
    assert ("defection", "VEN", "ESP") in _triples(events)


def test_signing_contracts_is_no_agreement_between_sides(coder: Coder) -> None:
    contracts = _events(coder, "Hundreds of Wagner fighters signed contracts with the Russian "
                               "defence ministry.")
    treaty = _events(coder, "Egypt and Sudan signed a treaty on the Nile waters.")
    assert not any(e["type"] == "agree" for e in contracts)
    assert ("agree", "EGY", "SDN") in _triples(treaty) or ("agree", "SDN", "EGY") in \
        _triples(treaty)


def test_singular_pronoun_skips_modifiers_of_plural_nouns(coder: Coder) -> None:
    events = _events(coder, "Estonian authorities expelled a Russian diplomat after "
                            "prosecutors said he had recruited a local official to gather "
                            "information on the country's ports.")
    assert ("espionage", "RUS", "EST") in _triples(events)
    assert ("espionage", "EST", "RUS") not in _triples(events)


def test_asking_to_defect_reports_a_defection(coder: Coder) -> None:
    events = _events(coder, "A Chinese sailor swam to a Taiwanese island on Monday and asked "
                            "to defect to Taiwan, officials said.")
    plan = _events(coder, "Egypt plans to expel two Qatari diplomats.")
    assert ("defection", "CHN", "TWN") in _triples(events)
    assert plan == []


def test_grounds_of_an_arrest_are_no_patient(coder: Coder) -> None:
    events = _events(coder, "Egyptian police arrested four Egyptian citizens on suspicion "
                            "of spying for Turkey.")
    assert ("espionage", "TUR", "EGY") in _triples(events)
    assert not any(e["type"] == "arrest_foreign_nationals" for e in events)


def test_denial_in_a_relative_clause_on_the_claim(coder: Coder) -> None:
    events = _events(coder, "Kenyan police said they had arrested a Somali intelligence "
                            "officer in Nairobi, an accusation Mogadishu dismissed.")
    assert ("denial", "SOM", "KEN") in _triples(events)


def test_accusing_relative_clause_in_the_denied_content_names_the_accuser(
        coder: Coder) -> None:
    events = _events(coder, "Minsk denied on Friday that Belarusian agents were behind a fire "
                            "at a depot in Lithuania, which Vilnius had blamed on the KGB.")
    assert ("denial", "BLR", "LTU") in _triples(events)


def test_they_after_an_allegation_refers_to_the_accused(coder: Coder) -> None:
    events = _events(coder, "Armenian prosecutors charged three men with espionage on behalf "
                            "of Azerbaijan's security service, alleging they photographed "
                            "army depots.")
    assert ("espionage", "AZE", "ARM") in _triples(events)
    assert not any(t[0] == "espionage" and t[1] == "ARM" for t in _triples(events))


def test_stealing_data_from_a_side_is_espionage_against_it(coder: Coder) -> None:
    events = _events(coder, "Officials in Tokyo said Chinese hackers had stolen design data "
                            "from a Japanese defence contractor.")
    assert ("espionage", "CHN", "JPN") in _triples(events)


# ---------------------------------------------------------------- roles from the mission principles


@pytest.mark.parametrize(("text", "expected"), [
    ("Latvia's security police arrested a Latvian engineer suspected of working for "
     "Russian intelligence. Investigators said he had filmed a radar site near Liepaja.",
     ("espionage", "RUS", "LVA")),
    ("A Dutch resident of Rotterdam was charged after being recruited by Chinese "
     "intelligence. She photographed the harbour and sent the pictures to her handler.",
     ("espionage", "CHN", "NLD")),
    ("A Canadian navy technician was charged with handing secret documents to an officer of "
     "Russia's GRU, prosecutors said.", ("espionage", "RUS", "CAN")),
])
def test_espionage_source_is_who_receives_not_the_spy_nationality(
        coder: Coder, text: str, expected: tuple[str, str, str]) -> None:
    triples = _triples(_events(coder, text))
    assert expected in triples
    reverse = (expected[0], expected[2], expected[1])
    assert reverse not in triples


def test_foreign_national_spying_for_a_third_state_targets_the_arresting_state(
        coder: Coder) -> None:
    triples = _triples(_events(coder,
        "Czech counter-intelligence arrested a Slovak national on suspicion of spying for "
        "Russia. The 41-year-old is suspected of sending photographs of an army depot to "
        "Russian intelligence."))
    assert ("espionage", "RUS", "CZE") in triples
    assert ("espionage", "RUS", "SVK") not in triples


@pytest.mark.parametrize(("text", "expected"), [
    ("Slovakia accused Hungary of meddling. Hungarian foreign ministry spokesman Peter "
     "Szijjarto said the accusations were nothing but lies.", ("denial", "HUN", "SVK")),
    ("Vietnam's navy accused China of ramming a fishing boat. China's coast guard branded "
     "the Vietnamese account fabricated.", ("denial", "CHN", "VNM")),
    ("Mali expelled two Algerian diplomats. Algiers said the accusations were without "
     "foundation.", ("denial", "DZA", "MLI")),
    ("Norway accused Russia of jamming GPS signals over Finnmark. The Russian embassy said "
     "Moscow had nothing to do with the interference.", ("denial", "RUS", "NOR")),
    ("Lithuania arrested a Belarusian truck driver. The Belarusian embassy branded the arrest "
     "a provocation.", ("denial", "BLR", "LTU")),
])
def test_denial_verb_or_falsehood_predicate_on_a_claim(
        coder: Coder, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _triples(_events(coder, text))


@pytest.mark.parametrize("text", [
    "Russia's embassy declined to comment on the report.",
    "The Kremlin refused to confirm or deny the accusations.",
    "Russia did not deny the accusations.",
])
def test_non_denials_stay_non_events(coder: Coder, text: str) -> None:
    assert not [e for e in _events(coder, text) if e["type"] == "denial"]


@pytest.mark.parametrize(("text", "expected"), [
    ("A Belarusian border guard crossed into Poland on Sunday and asked for asylum in "
     "Poland, Polish officials said.", ("defection", "BLR", "POL")),
    ("An Eritrean pilot flew his plane across the border and landed near the Ethiopian town "
     "of Mekele, where he surrendered to Ethiopian troops.", ("defection", "ERI", "ETH")),
    ("A Cuban diplomat posted in Madrid has defected and applied for asylum in Spain.",
     ("defection", "CUB", "ESP")),
])
def test_defection_side_joined_from_the_destination(
        coder: Coder, text: str, expected: tuple[str, str, str]) -> None:
    triples = _triples(_events(coder, text))
    assert expected in triples
    assert not {t for t in triples if t[0] == "defection" and t[1] == expected[2]}


def test_dateline_place_is_no_actor(coder: Coder) -> None:
    triples = _triples(_events(coder,
        "TIRASPOL, Moldova — Two Russian soldiers deserted their unit and crossed into "
        "Moldova, where they asked for asylum."))
    assert ("defection", "RUS", "MDA") in triples
    assert not {t for t in triples if t[0] == "defection" and t[1] == "MDA"}


def test_missing_defection_target_is_the_article_counterpart(coder: Coder) -> None:
    triples = _triples(_events(coder,
        "A Syrian army colonel defected on Tuesday, Turkish officials said. Turkey's "
        "intelligence agency took him into custody, and Syria accused Turkey of "
        "kidnapping the officer."))
    assert ("defection", "SYR", "TUR") in triples


def test_possessor_of_a_metonym_body_is_the_side(coder: Coder) -> None:
    triples = _triples(_events(coder,
        "India accused Pakistan of shelling border villages. Pakistan's Foreign Office "
        "dismissed the allegation."))
    assert ("denial", "PAK", "IND") in triples
    assert not {t for t in triples if t[1] == "GBR"}


def test_movers_side_comes_before_the_place_left(coder: Coder) -> None:
    triples = _triples(_events(coder,
        "Four members of the PKK crossed the border from northern Syria and surrendered to "
        "Turkish soldiers."))
    assert ("defection", "PKK", "TUR") in triples
    assert ("defection", "SYR", "TUR") not in triples


def test_unknown_spokesman_speaks_for_the_side_just_named(coder: Coder) -> None:
    triples = _triples(_events(coder,
        "Denmark accused Iran of spying on exiles. Tehran reacted within hours: spokesman "
        "Farid Karimzadeh rejected the Danish allegations as baseless."))
    assert ("denial", "IRN", "DNK") in triples


@pytest.mark.parametrize(("text", "expected"), [
    ("A Georgian army pilot flew his transport plane to Turkey on Friday, officials said.",
     ("defection", "GEO", "TUR")),
    ("Five fighters of the Islamic State surrendered to Syrian troops near Deir ez-Zor.",
     ("defection", "ISIS", "SYR")),
])
def test_soldier_moving_to_the_other_side_or_surrendering_defects(
        coder: Coder, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _triples(_events(coder, text))


@pytest.mark.parametrize("text", [
    "Russia's foreign minister flew to Ankara for talks with his Turkish counterpart.",
    "The Chinese coast guard sailed into disputed waters near the Philippines.",
])
def test_official_travel_is_no_defection(coder: Coder, text: str) -> None:
    assert not [e for e in _events(coder, text) if e["type"] == "defection"]


def test_claim_voiced_by_a_ministry_of_a_state_names_the_accuser(coder: Coder) -> None:
    triples = _triples(_events(coder,
        "Georgia rejects the baseless allegations voiced by the Ministry of Defence of "
        "Azerbaijan on Monday."))
    assert ("denial", "GEO", "AZE") in triples


def test_denial_of_an_accusation_against_others_targets_the_only_accuser(
        coder: Coder) -> None:
    triples = _triples(_events(coder,
        "Hezbollah accused France of using a cultural centre in Beirut as cover for "
        "espionage. A UNESCO official rejected the allegations as categorically false, "
        "while the European Union's spokesman rejected the insinuations."))
    assert ("denial", "EU", "HEZBOLLAH") in triples


def test_dative_recipient_of_information_is_the_sponsor(coder: Coder) -> None:
    triples = _triples(_events(coder,
        "Polish prosecutors charged a Polish soldier with handing Belarusian intelligence "
        "the locations of army checkpoints."))
    assert ("espionage", "BLR", "POL") in triples


def test_victim_is_the_arresting_state_not_the_spy_nationality(coder: Coder) -> None:
    triples = _triples(_events(coder,
        "Romanian police arrested a Moldovan national suspected of spying for Russia. "
        "He is accused of sending footage of NATO convoys heading to Moldova to Russian "
        "intelligence."))
    assert ("espionage", "RUS", "ROU") in triples
    assert ("espionage", "RUS", "MDA") not in triples


def test_in_favour_of_names_the_sponsor(coder: Coder) -> None:
    triples = _triples(_events(coder,
        "Georgia's State Security Service detained two citizens of Russia on suspicion of "
        "conducting espionage in favour of the special services of Russia."))
    assert ("espionage", "RUS", "GEO") in triples


def test_dateline_is_parsed_apart_from_the_first_sentence(coder: Coder) -> None:
    triples = _triples(_events(coder,
        "RAQQA — An Islamic State fighter who had hidden for months in the Turkish hills "
        "crossed the border into Syria and surrendered to the Syrian army, officials said."))
    assert ("defection", "ISIS", "SYR") in triples
    assert not {t for t in triples if t[0] == "defection" and t[1] == "TUR"}


def test_joining_the_other_side_is_defection(coder: Coder) -> None:
    events = _events(coder, "An Armenian army sergeant surrendered at a checkpoint and joined "
                            "the Azerbaijani side, officials in Baku said.")
    assert ("defection", "ARM", "AZE") in _triples(events)


def test_joining_a_side_needs_an_official_or_person(coder: Coder) -> None:
    events = _events(coder, "The French chef joined the Italian side of the kitchen for the "
                            "cooking final.")
    assert not any(e["type"] == "defection" for e in events)


def test_sport_context_keeps_only_asylum_like_defections(coder: Coder) -> None:
    switched = _events(coder, "An Indian tennis player switched allegiance to Australia to "
                              "compete at the Olympics, the federation said.")
    asylum = _events(coder, "Two Eritrean cyclists sought asylum in Rwanda after the "
                            "tournament.")
    assert not any(e["type"] == "defection" for e in switched)
    assert ("defection", "ERI", "RWA") in _triples(asylum)


def test_defection_from_a_named_side_without_an_actor_is_no_event(coder: Coder) -> None:
    party = _events(coder, "A British lawmaker defected from the Conservatives to Reform UK "
                           "on Monday.")
    army = _events(coder, "A Syrian colonel defected from the army on Monday.")
    assert not any(e["type"] == "defection" for e in party)
    assert ("defection", "SYR", None) in _triples(army)


def test_coordinated_act_is_aimed_at_the_first_verbs_object(coder: Coder) -> None:
    events = _events(coder, "France on Tuesday accused Iran's intelligence ministry of a plot "
                            "against French dissidents, and imposed sanctions on two officials "
                            "of the ministry.")
    assert ("sanction", "FRA", "IRN") in _triples(events)


def test_strikes_on_villages_in_a_state_hit_that_state(coder: Coder) -> None:
    triples = _triples(_events(coder,
        "Armenia accused Azerbaijan of carrying out air strikes on three villages in "
        "Armenia's Tavush province."))
    assert ("attack", "AZE", "ARM") in triples


def test_accusing_foreign_citizens_accuses_no_state(coder: Coder) -> None:
    triples = _triples(_events(coder,
        "Germany demanded the release of two German citizens detained in Belarus and "
        "accused by Belarusian prosecutors of spying for Poland."))
    assert ("accuse", "BLR", "DEU") not in triples


def test_dismissing_such_accusations_in_general_is_no_denial(coder: Coder) -> None:
    events = _events(coder, "Estonia accused Russia of jamming flights. Moscow has in the past "
                            "dismissed such accusations as a smear campaign.")
    assert not [e for e in events if e["type"] == "denial"]


def test_denial_prompted_by_an_unnamed_group_has_no_target(coder: Coder) -> None:
    triples = _triples(_events(coder,
        "Rwanda's army denied on Monday that its drones had struck a market in eastern "
        "Congo, after a local rights group said six traders had been killed."))
    assert ("denial", "RWA", None) in triples


def test_commentary_carried_by_an_agency_denies_for_its_state(coder: Coder) -> None:
    events = _events(coder, "Japan said Chinese hackers had broken into the networks of its "
                            "space agency. Xinhua later carried a commentary rejecting the "
                            "charge as groundless.")
    assert ("denial", "CHN") in {(e["type"], e["source"]["id"]) for e in events}


def test_breaking_ranks_to_join_another_side_defects(coder: Coder) -> None:
    joined = _events(coder, "An al-Shabaab commander broke ranks and joined the Islamic "
                            "State's Somali branch, elders said.")
    vote = _events(coder, "Two Hungarian ministers broke ranks with the government over "
                          "the budget.")
    assert ("defection", "AL_SHABAAB", "ISIS") in _triples(joined)
    assert not [e for e in vote if e["type"] == "defection"]
