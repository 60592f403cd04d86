"""Trigger words in other senses: sport, business, products, fiction and reviews,
science, bureaucracy and music give no mission event (espionage, defection, denial),
while their political near-twins still do."""

from __future__ import annotations

import pytest
from conftest import code_text, triples

from riftwatch.article import Article, parse_article
from riftwatch.coding import Coder

MISSION = {"espionage", "defection", "denial"}


def _mission(coder: Coder, text: str, title: str | None = None) -> set[tuple[str, str, str | None]]:
    """Mission triples of one article, with an optional title."""
    if title is None:
        return triples(code_text(coder, text), MISSION)
    art = parse_article({"id": "t", "text": text, "title": title,
                         "published_at": "2025-03-01T00:00:00Z"})
    assert isinstance(art, Article)
    return triples(coder.code([art])[0], MISSION)


@pytest.mark.parametrize("text", [
    'Brazilian striker Lucas Moura defected to rival club Palmeiras on Monday, '
    'angering fans in Sao Paulo.',
    'The Colombian cyclist has defected to UAE Team Emirates after six seasons with Ineos.',
    "Argentina's veteran goalkeeper defected to a Saudi club last summer, a move the "
    'federation called disappointing.',
    'The Spanish midfielder denied reports that he had agreed terms with a Qatari club.',
    'Real Madrid denied the report that their French defender would leave in January.',
    'The Russian grandmaster launched a fierce attack on the kingside and his Iranian'
    ' opponent resigned after 34 moves.',
    'India and Pakistan clash in Colombo on Sunday in the most anticipated fixture of'
    ' the tournament.',
    'The Australian coach accused the England team of spying on their training '
    'session with a drone before the Test.',
    'Chelsea were accused of spying on Leeds training by sending a staff member to '
    'watch them, which the club denied.',
    'The Kenyan runner, who switched allegiance to Bahrain in 2019, won the marathon in Berlin.',
    'The Ukrainian tennis player refused to shake hands with her Russian opponent after the match.',
    "The North Korean women's team beat Japan 2-1 in the Asian Cup final in Pyongyang.",
    'The Chinese startup denied a report that it had trained its chatbot on data '
    'taken from OpenAI.',
    'A Japanese carmaker denied reports that it would close its plant in Thailand next year.',
    'Deutsche Bank denied a report by the Financial Times that it was preparing to cut 3,000 jobs.',
    'A Korean battery maker accused its Chinese rival of stealing trade secrets by '
    'poaching engineers, in a lawsuit filed in Delaware.',
    'The Chinese telecoms giant denied allegations that its routers could be used to '
    'spy on customers.',
    'Samsung said it had caught a former employee passing chip designs to a Chinese competitor.',
    "The American chipmaker denied that it had spied on a Taiwanese rival's supply chain.",
    'Saudi Aramco dismissed as speculation a report that it would sell a stake to a '
    'Chinese investor.',
    'The Emirati airline denied rumours that it was in talks to buy a stake in an Indian carrier.',
    'Shares in the Russian steelmaker fell after the company denied that its chief '
    'executive had resigned.',
    'Toyota has denied reports that it spied on a Chinese electric-car rival at a '
    'trade fair in Shanghai.',
    "The stalkerware app lets a jealous partner spy on a phone's messages, "
    'researchers at a Canadian lab found.',
    'Security researchers said the Chinese-made smart camera was quietly spying on its owners.',
    "A popular Russian keyboard app was caught spying on users' keystrokes, according"
    ' to a report by a security firm.',
    "Parents who use the app to spy on teenagers' chats may break the law, a British "
    'privacy watchdog warned.',
    'In the new thriller, a KGB officer defects to the West after falling in love '
    'with an MI6 analyst.',
    'The film follows a CIA agent who spies on the Iranian nuclear programme and is '
    'betrayed by her handler.',
    'The fictional Kremlin denies everything in the miniseries, while the fictional '
    'president plots revenge.',
    "Le Carre's novel tells of a British spy who defects to Moscow at the height of the Cold War.",
    'Critics praised the drama, in which a Mossad agent spies on a Hezbollah commander in Beirut.',
    'The video game lets players defect from the Soviet Union and join the American side.',
    'In the sequel, the Chinese intelligence service recruits an American engineer to'
    ' steal submarine plans.',
    'The actor, who plays a North Korean defector in the series, said he interviewed '
    'real defectors for the role.',
    'Her debut novel imagines a Russian diplomat who seeks asylum in Britain and is '
    'hunted by the FSB.',
    'The scientist found that some wasps defect from their colony and join a neighbouring nest.',
    'Biologists observed cuckoos spying on the nests of reed warblers before laying their eggs.',
    'In the experiment, the bacteria defected from cooperation when resources grew scarce.',
    'The Nigerian student was denied a visa by the British embassy in Abuja and '
    'missed the start of term.',
    "The Home Office denied the Afghan family's asylum claim, saying they could "
    'relocate within Afghanistan.',
    'Indian officials denied a licence to the Chinese firm to build the factory.',
    'The British band reunited after 15 years and the estranged brothers said they had reconciled.',
    'The Russian pianist, who defected in 1979, will give a concert in Vienna next month.',
    "The Ukrainian orchestra's tour of Poland was cancelled after the conductor "
    'denied the allegations of harassment.',
    "The Italian restaurant chain denied accusations that it had copied a French rival's recipes.",
    'Tourists were accused of spying after photographing a Russian warship in a '
    'Turkish port, but police released them an hour later.',
    'The Irish budget airline denied reports that it had grounded its fleet in Spain.',
    'A French luxury brand denied claims that its handbags were made in China.',
    'The Iranian film director denied that his new film was critical of the '
    'government, saying it was a love story.',
    'The Chinese electric carmaker BYD denied a report that it planned a factory in Mexico.',
    "The Brazilian club denied that its president had spied on players' phones.",
    'Netflix denied that the spy series had been pulled in India under pressure.',
    'The Indian batsman defected to the rival franchise for the new season of the league.',
    'Huawei denied that it had stolen trade secrets from the American firm T-Mobile.',
    # industrial espionage, prototypes, probes, birds and bands
    'The former Samsung engineer was charged with leaking chip technology to a Chinese '
     'company.',
    'Hyundai said the engineer had passed battery designs to a Chinese competitor before '
     'he left.',
    'LG accused SK of stealing its battery technology, a charge the South Korean company '
     'denied.',
    'The Belgian climber has defected to the Emirati team after a row with his directors.',
    'The Saudi-owned club denied the report on Tuesday.',
    "A Japanese lunar probe has spied water ice in a crater near the Moon's south pole.",
    'Birdwatchers spied a rare Siberian thrush on the Scilly Isles, and the Russian '
     'ornithologist who found it denied that it was a hoax.',
    "Kaito Motor, Japan's fourth-largest automaker, denied the report. It said it had no "
     'plans to leave China.',
    "The Chinese firm's founder said it had never spied on its rivals.",
    'Our spy photographers caught a German prototype testing on frozen lakes in Sweden.',
    'The Qatari-owned team denied that its Iranian rider had asked to leave.',
    'Nvidia denied that its chips sold in China contained a backdoor that lets Washington'
     ' spy on users.',
    'The Israeli-made phone hacking tool was sold to a Mexican company, which denied '
     'misusing it.',
    'The Korean drama, in which a North Korean officer defects to the South, topped '
     'Netflix charts in Japan.',
    'The Indian pace attack ripped through Australia on the first morning in Perth.',
    "England's cricketers clashed with Australia's in the second Test at Lord's.",
    "The Norwegian grandmaster's attack on the queenside crushed his Chinese opponent.",
    'The Irish singer denied rumours that the band had split, saying they had reconciled.',
]
)
def test_other_senses_give_no_mission_event(coder: Coder, text: str) -> None:
    assert _mission(coder, text) == set()


@pytest.mark.parametrize(("title", "text"), [
    # a recap of a reality show: the defection sentence itself has no context word
    ("'Glass House' recap: the spy is finally unmasked",
     "Last night's episode delivered the betrayal viewers had waited for.\n\n"
     "The Canadian, long the leader of the tower alliance, defected to the rival group "
     "after his closest ally voted against him."),
    # a review: the fictional services act in sentences without a fiction word
    ("Review: 'The Riga Cable' is a slow-burning spy thriller",
     "There is a moment in the third hour when everything turns.\n\n"
     "The KGB recruits a Latvian clerk to copy naval charts, and the CIA spies on both of "
     "them from a flat across the street. Moscow denies everything."),
    # a company named after its nationality's funds: the funds are not the denier
    ("Japanese carmaker sues Chinese EV startup over battery secrets",
     "TOKYO - Kaito Motor has sued Zhenhua Auto, accusing it of industrial espionage.\n\n"
     "Zhenhua Auto, which is backed by several Chinese venture capital funds, denied the "
     "allegations."),
    # "it" is the start-up, not the country named after it
    ("Swiss bank rolls out screening tool",
     "The start-up counts lenders in Germany and Luxembourg among its clients. It denied "
     "a report that it was in talks to be acquired."),
    # a striker's transfer story: "defected to rivals" with a country in the sentence
    ("Striker defects to city rivals",
     "Fans were furious on Monday.\n\nThe Argentine, who arrived from Spain in 2022, "
     "defected to Sporting, and Portugal's newspapers called it a betrayal."),
    # stalkerware
    ("Stalkerware app exposes data of 200,000 users",
     "Researchers found the monitoring tool was secretly used to spy on partners in "
     "Mexico and Brazil.\n\nThe Russian developer denied that its servers were hacked."),
    # industrial espionage between a Korean and a Chinese firm
    ("Korean battery maker sues Chinese rival over trade secrets",
     "SEOUL - Hanul Energy has filed a lawsuit accusing a Chinese rival of industrial "
     "espionage.\n\nChina's Jinhai New Power denied spying on Hanul and said the claims "
     "were baseless."),
])
def test_non_political_articles_give_no_mission_event(coder: Coder, title: str,
                                                       text: str) -> None:
    assert _mission(coder, text, title) == set()


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param('A Chinese state-backed hacking group spied on the Philippine foreign ministry '
                 'for months, investigators said.',
                 ('espionage', 'CHN', 'PHL'),
                 marks=pytest.mark.xfail(strict=True, reason="'state-backed hacking group': "
                                                             "no sponsor yet")),
    ('Moscow denied the report that Russian agents had spied on the German parliament.',
     ('denial', 'RUS', None)),
    ('A North Korean diplomat in London defected to South Korea, Seoul said.',
     ('defection', 'PRK', 'KOR')),
    ('Germany accused Russia of spying on its defence industry, a charge the Kremlin '
     'denied.',
     ('denial', 'RUS', 'DEU')),
    ('Poland arrested a Belarusian national suspected of spying for Russia on military'
     ' bases.',
     ('espionage', 'RUS', 'POL')),
    ("Beijing denied Washington's allegations that Chinese hackers spied on American "
     'officials.',
     ('denial', 'CHN', 'USA')),
    ('A Russian pilot defected to Ukraine with his helicopter, Ukrainian intelligence '
     'said.',
     ('defection', 'RUS', 'UKR')),
    ('Iran accused Israel of spying on its nuclear sites, and Israel did not comment.',
     ('espionage', 'ISR', 'IRN')),
    ('The United States accused a Chinese company of spying on American officials on '
     'behalf of Beijing.',
     ('espionage', 'CHN', 'USA')),
    ('Two Venezuelan soldiers defected to Colombia across the border bridge.',
     ('defection', 'VEN', 'COL')),
    ('Sweden expelled a Russian diplomat accused of spying on Swedish industry.',
     ('espionage', 'RUS', 'SWE')),
    ('Cuba denied American accusations that it hosted a Chinese spy base.',
     ('denial', 'CUB', 'USA')),
    ('Turkey denied the claims that its intelligence service spied on Kurdish '
     'dissidents in Sweden.',
     ('denial', 'TUR', None)),
    ("The Taliban denied Pakistan's allegation that it shelters militants.",
     ('denial', 'TALIBAN', 'PAK')),
    ('Estonia said a Russian intelligence officer had recruited an Estonian railway '
     'worker to spy on military trains.',
     ('espionage', 'RUS', 'EST')),
    ('The former Samsung engineer was charged with passing chip technology to Chinese '
     'intelligence.',
     ('espionage', 'CHN', None)),
    ("China's Ministry of State Security said a foreign company had spied on Chinese "
     'rare-earth mines on behalf of the United States.',
     ('espionage', 'USA', 'CHN')),
]
)
def test_political_twins_keep_their_event(coder: Coder, text: str,
                                          expected: tuple[str, str, str | None]) -> None:
    assert expected in _mission(coder, text)


@pytest.mark.parametrize(("title", "text", "expected"), [
    # a sports article still tells of a defection when players seek asylum
    ("Striker's club stunned as teammates vanish",
     "Four Eritrean players left the team hotel in Kampala after the match and sought "
     "asylum in Uganda.", ("defection", "ERI", "UGA")),
    # "it" after a government subject is still the government
    (None, "The Chinese government dismissed the accusation. It denied the report that "
     "its agents spied on Japan.", ("denial", "CHN", None)),
])
def test_political_events_in_sport_or_business_frames(coder: Coder, title: str | None,
                                                      text: str,
                                                      expected: tuple[str, str, str | None]
                                                      ) -> None:
    assert expected in _mission(coder, text, title)
