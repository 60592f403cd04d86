"""Phrasing coverage for denials told as spokespeople's statements: dismissing,
rebuffing, pushing back against or taking issue with a claim, labelling it ("pure
fiction", "a smear campaign"), disowning an act, relative clauses hanging on the claim
("…, claims Minsk has denied"), denials of a defection, with the denier and the accuser
the text names (else no target); and near misses (a court dismissing a case, a firm
denying a rumour, "did not deny", hypothetical and non-political senses) that must give
no denial. Strict xfails mark the known gaps."""

from __future__ import annotations

import pytest
from conftest import Triple, gap
from conftest import denials as _denials

from riftwatch.coding import Coder

CASES: list[object] = [
    # dismissing, rebuffing, brushing off a named side's claim
    ("Iran's foreign ministry dismissed the Israeli allegations as a fabrication.",
     {("denial", "IRN", "ISR")}),
    ("A spokesman for the Kremlin dismissed the British claims out of hand.",
     {("denial", "RUS", "GBR")}),
    ("The Pakistani army rebuffed the Afghan accusations on Thursday.",
     {("denial", "PAK", "AFG")}),
    ("Cuba slammed the US allegations as lies.", {("denial", "CUB", "USA")}),
    ("Russia brushed off the Estonian accusations as Russophobic hysteria.",
     {("denial", "RUS", "EST")}),
    ('North Korea dismissed as "nonsense" the South Korean claims that its hackers stole '
     "the data.", {("denial", "PRK", "KOR")}),
    ("The Sudanese army vehemently denied the RSF's claims that its pilots had bombed the "
     "market.", {("denial", "SDN", "RSF")}),
    # pushing back against, taking issue with (`object_phrases`: a claim object needed)
    ("Beijing pushed back against the Australian allegations of espionage.",
     {("denial", "CHN", "AUS")}),
    ("Hamas pushed back against Egyptian claims that it had smuggled weapons into Sinai.",
     {("denial", "HAMAS", "EGY")}),
    ("The Kremlin is pushing back against claims by Warsaw that Russian agents set the "
     "fires.", {("denial", "RUS", "POL")}),
    ("The Turkish foreign ministry took issue with the Greek accusations.",
     {("denial", "TUR", "GRC")}),
    ("Moscow took issue with the report, saying its diplomats had done nothing wrong.",
     {("denial", "RUS", None)}),
    # labels of the claim
    ('A Rwandan government spokeswoman said the UN report was "pure fiction".',
     {("denial", "RWA", "UN")}),
    ("The Kremlin said the Dutch accusations were pure fiction.",
     {("denial", "RUS", "NLD")}),
    ("Tehran called the Israeli allegations a smear campaign.", {("denial", "IRN", "ISR")}),
    ("Hezbollah called the report a smear campaign by its enemies.",
     {("denial", "HEZBOLLAH", None)}),
    ('The Chinese embassy branded the allegations by Canada "malicious slander".',
     {("denial", "CHN", "CAN")}),
    ('Hezbollah said the Israeli claims were "baseless lies".',
     {("denial", "HEZBOLLAH", "ISR")}),
    # disowning the act
    ("Venezuela insisted it had nothing to do with the attack on the Colombian border post.",
     {("denial", "VEN", None)}),
    ("The Iranian embassy insisted that Tehran had nothing to do with the plot.",
     {("denial", "IRN", None)}),
    ('"We have never spied on our neighbours," a Kazakh foreign ministry spokesman said.',
     {("denial", "KAZ", None)}),
    ("Ankara said it had no link whatsoever to the group.", {("denial", "TUR", None)}),
    ("Islamabad flatly denied harbouring the militants, as Kabul alleges.",
     {("denial", "PAK", "AFG")}),
    # headlines
    ("Moscow denies spying on German lawmakers", {("denial", "RUS", None)}),
    ("Eritrea rejects Ethiopian claims of border incursion", {("denial", "ERI", "ETH")}),
    # relative clauses on the claim, read by the parser as the accusing clause's own
    ("Egypt says Ethiopian agents bugged its embassy, claims that Addis Ababa dismissed as "
     "baseless.", {("denial", "ETH", "EGY")}),
    ("Lithuania said Belarusian agents had crossed the border, claims Minsk has repeatedly "
     "denied.", {("denial", "BLR", "LTU")}),
    ("Sudan's army accused the UAE of arming the rebels, allegations the UAE has denied.",
     {("denial", "ARE", "SDN")}),
    ("Kenya accused Uganda of harbouring rebel spies, charges Kampala has consistently "
     "rejected.", {("denial", "UGA", "KEN")}),
    ("Kenyan officials said Somali agents had tracked the activists, an allegation that "
     "Mogadishu rejected.", {("denial", "SOM", "KEN")}),
    # a denied defection answers the side joined
    ("Two M23 commanders defected to the Congolese army on Monday.\n\nAn M23 spokesman "
     "denied the defection.", {("denial", "M23", "COD")}),
    ("A Hamas commander defected to Israel, Israeli media said.\n\nHamas denied the "
     "defection.", {("denial", "HAMAS", "ISR")}),
    # a denial told as a restated stance ("reiterated its position that …")
    ("Tehran reiterated its position that it has never spied on Iraq.",
     {("denial", "IRN", None)}),
    ("The Iranian envoy repeated his government's position that no Iranian official had "
     "spied on the movement.", {("denial", "IRN", None)}),
    ("The ministry restated its stance that Russia does not interfere in Moldova's "
     "elections.", {("denial", "RUS", None)}),
    ("Moscow repeated its position that it played no role in the poisoning.",
     {("denial", "RUS", None)}),
    ("The Kremlin reaffirmed its stance that Russia had nothing to do with the fires.",
     {("denial", "RUS", None)}),
    ("Tehran reiterated its position that it would never spy on Iraq if talks resumed.",
     set()),
    ("Beijing softened its position that foreign firms must share data.", set()),
    # the side of an accused spy says the person never passed secrets (answers the accuser)
    ("Poland charged an Iranian diplomat with spying.\n\nIran's foreign ministry said the "
     "diplomat had never passed any document to any party.", {("denial", "IRN", "POL")}),
    ("Austria arrested a Russian engineer on suspicion of spying for Moscow.\n\nThe Russian "
     "embassy said the engineer never handed any secret documents to anyone.",
     {("denial", "RUS", "AUT")}),
    ("Germany charged a Chinese aide with spying for Beijing.\n\nChina's foreign ministry "
     "said the aide had not leaked any information to Chinese officials.",
     {("denial", "CHN", "DEU")}),
    ("Poland charged an Iranian diplomat with spying.\n\nPolish prosecutors said the "
     "diplomat had not passed any document before his arrest.", set()),
    ("Austria arrested a Russian engineer on suspicion of spying for Moscow.\n\nThe "
     "engineer's lawyer said his client never handed any documents to anyone.", set()),
    ("The ministry said the company did not provide any data to the regulator.", set()),
    # a side saying it never spied on the side the article's allegation names answers it
    ("Hamas suspended talks over allegations that Iranian officers had spied on its "
     "leaders.\n\nIran's envoy said no Iranian official had spied on the movement.",
     {("denial", "IRN", "HAMAS")}),
    ("Warsaw froze the project amid allegations that Russian agents spied on Polish "
     "engineers.\n\nThe Russian embassy said Russia has never spied on Poland.",
     {("denial", "RUS", "POL")}),
    # known gaps
    gap("The Houthis were quick to distance themselves from the attack.",
         {("denial", "HOUTHIS", None)},
         "'quick to distance itself from' is no denial trigger (distancing is often "
         "political criticism, not a denial)"),
    gap("Tehran: spy claims 'baseless'", {("denial", "IRN", None)},
         "a verbless headline 'Side: claims label' has no clause for the label"),
    gap("Niger says the pilots were spying for Cotonou, an accusation Benin rejects.",
         {("denial", "BEN", "NER")},
         "the small model tags a sentence-final 'rejects' after a claim noun as a plural "
         "noun, so no verb is left to trigger"),
    gap("Baku said the engineer was spying for Ankara, an accusation that Turkey called a "
         "provocation.", {("denial", "TUR", "AZE")},
         "a relative 'called a provocation' has its own object, so the claim noun it hangs "
         "on is not taken as what is labelled"),
    gap("Belarus rejected out of hand the Lithuanian claims that its agents had crossed "
         "the border.", {("denial", "BLR", "LTU")},
         "the object shifted after 'out of hand' loses its adjective's side"),
    gap('Algeria said there was "absolutely no truth" in the Moroccan accusations.',
         {("denial", "DZA", "MAR")},
         "the accuser of the claim noun under 'no truth in' is not read"),
    # near misses: courts, firms, sports, negated, hypothetical, non-political
    ("The court dismissed the case against the two journalists.", set()),
    ("The judge rejected the defence's request to dismiss the charges.", set()),
    ("Apple denied rumours that it would launch a new phone in March.", set()),
    ("The company pushed back against claims that its product was unsafe.", set()),
    ("The Serbian government took issue with the new tariff on steel.", set()),
    ("Police pushed back against the protesters near the embassy.", set()),
    ("Iran did not take issue with the report.", set()),
    ("Iran did not deny that its officials had met the group's leaders.", set()),
    ("The Kremlin has not denied the report.", set()),
    ("The Pentagon did not deny the defection.", set()),
    ("Moscow would likely dismiss any such accusations, analysts said.", set()),
    ("If Poland accuses Belarus of spying, Minsk will reject the claim.", set()),
    ("The coach dismissed the player from the squad.", set()),
    ("The minister was quick to distance himself from his predecessor's economic policies.",
     set()),
    ("The union called the pay offer a smear on its members.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_denial_statement_phrasing(coder: Coder, text: str, expected: set[Triple]) -> None:
    assert _denials(coder, text) == expected
