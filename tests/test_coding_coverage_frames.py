"""Phrasing coverage for sentence frames: espionage, defection and denial events told
inside participle and relative clauses, nested reported speech, headlines and fragments
(a title is part of the article), and questions or conditionals that must give nothing."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import Triple, triples

from riftwatch.article import Article, parse_article
from riftwatch.coding import Coder

MISSION = {"espionage", "defection", "denial"}


def _gap(text: str, expected: set[Triple], reason: str, title: str = "") -> object:
    """A frame the coder does not yet code as expected: a documented known gap."""
    return pytest.param(text, title, expected,
                        marks=pytest.mark.xfail(strict=True, reason=reason))


def _row(text: str, expected: set[Triple], title: str = "") -> tuple[str, str, set[Triple]]:
    return (text, title, expected)


def _mission(coder: Coder, text: str, title: str) -> set[Triple]:
    """The mission triples the real coder gives for an article of `title` and `text`."""
    data: dict[str, Any] = {"id": "t", "text": text, "published_at": "2026-03-01T00:00:00Z"}
    if title:
        data["title"] = title
    art = parse_article(data)
    assert isinstance(art, Article)
    return triples(coder.code([art])[0], MISSION)


E, D, N = "espionage", "defection", "denial"

CASES: list[object] = [
    # participle clauses after the noun
    _row("The Chinese attache, expelled by Sweden last month for spying on defence firms, "
         "has returned to Beijing.", {(E, "CHN", "SWE")}),
    _row("Poland said the Belarusian diplomat, who was expelled for spying, had left the "
         "country on Sunday.", {(E, "BLR", "POL")}),
    _row("A Taiwanese army officer arrested for allegedly spying for China was sentenced to "
         "ten years on Monday.", {(E, "CHN", "TWN")}),
    _row("A German engineer accused of passing secrets to Russia went on trial in Munich.",
         {(E, "RUS", "DEU")}),
    _row("The network, run by Iran's Ministry of Intelligence, recruited informants inside "
         "Hamas.", {(E, "IRN", "HAMAS")}),
    _gap("The hackers, believed to be working for North Korea, stole blueprints from South "
         "Korean defence firms.", {(E, "PRK", "KOR")},
         "the parser makes 'believed' the main verb; the firms' nationality is no victim"),
    # participle clauses before the subject
    _row("Having fled across the border in March, the North Korean captain asked South "
         "Korea for asylum.", {(D, "PRK", "KOR")}),
    _row("Denying the accusations, the Chinese embassy said the students had broken no law.",
         {(N, "CHN", None)}),
    _row("Dismissing the British allegations as baseless, Iran's foreign ministry summoned "
         "the ambassador.", {(N, "IRN", "GBR")}),
    _row("Accused by Lithuania of spying, the Belarusian consul left Vilnius on Friday.",
         {(E, "BLR", "LTU")}),
    _row("Charged with spying for Iran, the Israeli soldier faces life in prison.",
         {(E, "IRN", "ISR")}),
    _row("Suspected by Finland of spying, the Russian sailors were detained in Helsinki.",
         {(E, "RUS", "FIN")}),
    _row("Accused by critics of incompetence, the Russian minister resigned.", set()),
    _row('"We have broken no law," the Chinese embassy said, calling the accusations '
         '"groundless".', {(N, "CHN", None)}),
    _row("Beijing summoned the Japanese ambassador on Friday, calling the espionage charges "
         "absurd.", {(N, "CHN", None)}),
    _row('Calling the charges "politically motivated nonsense", Russia\'s embassy refused to '
         'comment further.', {(N, "RUS", None)}),
    _row("Russia's embassy said it had not received the file, calling the process absurd.",
         set()),
    _row("The spokesman left the podium, calling the question absurd.", set()),
    # relative clauses whose antecedent is the one accused
    _row("Kenya deported three Chinese nationals it suspected of spying.", {(E, "CHN", "KEN")}),
    _row("Kenya deported three Chinese nationals whom it suspected of spying.",
         {(E, "CHN", "KEN")}),
    _row("Poland expelled two diplomats it accused of spying for Russia.", {(E, "RUS", "POL")}),
    _row("Iran hanged a man it said had spied for Israel.", {(E, "ISR", "IRN")}),
    _row("The diplomats Poland accused of corruption left Warsaw on Monday.", set()),
    # passive clauses on the one punished for the act
    _row("The Cuban diplomats, expelled by Washington for espionage in May, flew home.",
         {(E, "CUB", "USA")}),
    _row("Two Russian attaches who were expelled by Norway over spying left Oslo on Friday.",
         {(E, "RUS", "NOR")}),
    _row("The Russian diplomat, who was accused by Estonia of spying, left Tallinn.",
         {(E, "RUS", "EST")}),
    _row("The Russian diplomats, expelled by Norway for unpaid parking fines, left Oslo.",
         set()),
    _row("The Chinese student, who was expelled from the university for cheating, returned "
         "home.", set()),
    # relative clauses
    _row("The Russian officer, who defected to Ukraine in 2023, spoke to reporters in Kyiv.",
         {(D, "RUS", "UKR")}),
    _row("Sudanese army soldiers who deserted to the RSF handed over their weapons.",
         {(D, "SDN", "RSF")}),
    _row("The report said Iran had armed the Houthis, a claim Tehran has repeatedly denied.",
         {(N, "IRN", None)}),
    _row("Lithuania accused Minsk of sending spies, an allegation Minsk has denied.",
         {(E, "BLR", "LTU"), (N, "BLR", "LTU")}),
    _row("Britain accused Russia of hacking its ministries, a charge Moscow has denied.",
         {(E, "RUS", "GBR"), (N, "RUS", "GBR")}),
    _row("Kenya accused Somalia of spying on its officials, an allegation Mogadishu "
         "dismissed.", {(E, "SOM", "KEN"), (N, "SOM", "KEN")}),
    _gap("Lithuania accused Belarus of sending spies across the border, an accusation "
         "Belarus rejects.", {(E, "BLR", "LTU"), (N, "BLR", "LTU")},
         "a present-tense 'rejects' after the denier is tagged as a plural noun"),
    _row("Hamas, which has denied the Israeli claims, said the tunnels were civilian.",
         {(N, "HAMAS", "ISR")}),
    _row("Ukraine's security service detained a woman who had been passing the locations of "
         "air defences to Russia.", {(E, "RUS", "UKR")}),
    _row("The pilot, whose defection to Jordan embarrassed Damascus, gave an interview on "
         "Sunday.", {(D, "SYR", "JOR")}),
    _row("The Syrian pilot who defected to Jordan in 2012 has died.", {(D, "SYR", "JOR")}),
    _row("Venezuelan soldiers, who crossed into Colombia on Saturday seeking refuge, were "
         "disarmed.", {(D, "VEN", "COL")}),
    _row("A Belarusian officer who fled to Poland has been granted asylum.",
         {(D, "BLR", "POL")}),
    _row("Moscow, which denies any involvement, called for an investigation.",
         {(N, "RUS", None)}),
    _row("The Kremlin, which has rejected the British accusations, said the two men were "
         "ordinary travellers.", {(N, "RUS", "GBR")}),
    _gap("The Kremlin, which has rejected the British accusations, said the two men were "
         "tourists.", {(N, "RUS", "GBR")},
         "'tourists' is a leisure context word that blocks every event of its sentence"),
    _row("Finnish police detained two men who, prosecutors alleged, had photographed naval "
         "bases for Russian intelligence.", {(E, "RUS", "FIN")}),
    _row("Latvia detained a local man last week, accusing him of passing military secrets to "
         "Russia.", {(E, "RUS", "LVA")}),
    _row("After defecting to South Korea, the North Korean diplomat became a lawmaker.",
         {(D, "PRK", "KOR")}),
    # nested reported speech
    _row("Finland's security service said it had arrested two residents of Kotka, accusing "
         "them of photographing naval bases for Russia's GRU.", {(E, "RUS", "FIN")}),
    _row("Estonian officials said the ministry had told them that the man had been working "
         "for the FSB.", {(E, "RUS", "EST")}),
    _row("According to a statement cited by Iranian state media, Hezbollah denied any role in "
         "the plot.", {(N, "HEZBOLLAH", None)}),
    _row("The prosecutor said the defendant admitted that he had photographed military bases "
         "in Israel for Iranian handlers.", {(E, "IRN", "ISR")}),
    _gap("Polish media reported that prosecutors said the suspect had been recruited by "
         "Russian military intelligence.", {(E, "RUS", "POL")},
         "a recruitment whose victim is told only by the reporters' nationality"),
    _row("Officials in Brussels said Moscow had denied that its agents were involved.",
         {(N, "RUS", None)}),
    _row("Israeli media reported that the army said a Syrian pilot had defected to Israel.",
         {(D, "SYR", "ISR")}),
    # headlines and fragments (titles are part of the article)
    _row("Poland expels Russian diplomat over spying", {(E, "RUS", "POL")}),
    _row("Spy row: Hamas accuses Iran of surveillance", {(E, "IRN", "HAMAS")}),
    _row("Iranian pilot defects to Azerbaijan", {(D, "IRN", "AZE")}),
    _row("Kremlin denies hacking claims", {(N, "RUS", None)}),
    _row("Beijing rejects Dutch espionage allegations", {(N, "CHN", "NLD")}),
    _row("Czech police arrest two over spying for Moscow", {(E, "RUS", "CZE")}),
    _gap("The two men were detained in Prague on Tuesday.", {(E, "RUS", "CZE")},
         "titles are not coded (gold anchors no event in a title)",
         title="Czech police arrest two over spying for Moscow"),
    _gap("The officer crossed into Azerbaijan on Monday.", {(D, "IRN", "AZE")},
         "titles are not coded (gold anchors no event in a title)",
         title="Iranian officer defects to Azerbaijan"),
    _gap("Tehran: spy claims 'baseless'", {(N, "IRN", None)},
         "a verbless 'X: claims baseless' headline is parsed as an apposition"),
    # passives with a far agent
    _row("The Hamas office in Doha was found to have been spied on for years by Iranian "
         "intelligence.", {(E, "IRN", "HAMAS")}),
    _gap("German ministries were, investigators said, targeted for two years by Russian "
         "military hackers.", {(E, "RUS", "DEU")},
         "a parenthetical 'investigators said' splits the passive and its subject"),
    _row("German ministries were targeted for two years by Russian military hackers.",
         {(E, "RUS", "DEU")}),
    _row("The phones of Ukrainian commanders were tracked for months by Russian agents.",
         {(E, "RUS", "UKR")}),
    _row("The home of the Belgian minister was watched by Iranian operatives.",
         {(E, "IRN", "BEL")}),
    _row("The president's convoy was targeted by Russian drones.", set()),
    _row("The singer was followed by Turkish fans.", set()),
    _row("Was the ministry hacked by Chinese hackers?", set()),
    # questions, conditionals and other non-events
    _row("Did Iran spy on Hamas?", set()),
    _row("If the pilot defects, Iran will demand his return.", set()),
    _row("Could Russia have hacked the ministry?", set()),
    _row("Why would Beijing deny the charges?", set()),
    _row("Will Hungary deny the report?", set()),
    _row("Analysts asked whether Chinese agents had spied on the summit.", set()),
    _row("Had the colonel defected to Ukraine, Moscow would have lost a key commander.",
         set()),
    _row("Unless Tehran denies the claims, the talks will stall.", set()),
    _row("Should the general defect to the rebels, the army would collapse.", set()),
    _row("Is China spying on Taiwan's navy?", set()),
    _row("Did Iranian pilot defect to Azerbaijan?", set()),
    _row("Would Moscow deny spying on Berlin?", set()),
    _row("What if Russia hacked the election?", set()),
    _row("Whether Iran spied on Hamas remains unclear.", set()),
    _row("Officials asked how Russian agents could have spied on the base undetected.",
         set()),
    _row("The diplomat, who denied wrongdoing, was not expelled.", set()),
    _row("The captain, who refused to defect, was returned to North Korea.", set()),
    _row("Experts wondered if the hackers worked for Beijing.", set()),
    _row("Has Russia really denied the report?", set()),
    _row("Was the Iranian pilot granted asylum by Azerbaijan?", set()),
    _row("Iran denied the report. Did Israel spy on Hamas?", {(N, "IRN", None)}),
    # an act presupposed in a clause of a question is still told
    _row("Did the Russian officer who defected to Ukraine in 2023 testify on Monday?",
         {(D, "RUS", "UKR")}),
]


@pytest.mark.parametrize(("text", "title", "expected"), CASES)
def test_frames(coder: Coder, text: str, title: str, expected: set[Triple]) -> None:
    assert _mission(coder, text, title) == expected
