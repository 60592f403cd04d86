"""Clause-level helpers of the role rules: plain functions of tokens, spans and
drafts (no coder state), shared by the coder and its rule families."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from riftwatch.coding.drafts import (
    DASHES,
    LOCATIVE,
    Draft,
    Mention,
)
from riftwatch.coding.prefilter import Selection
from riftwatch.coding.syntax import (
    Modality,
    collect_args,
    conjuncts,
    governing_verb,
    is_verb,
)


def _co_sources(d: Draft, drafts: list[Draft]) -> set[str]:
    """The sources of the drafts one trigger gave (the draft's own included): coordinated
    sides an act is done for or by ("for Saudi and US intelligence")."""
    return {od.source.actor["id"] for od in drafts if od.etype == d.etype
            and od.sent_index == d.sent_index and od.trigger.i == d.trigger.i} | \
        {d.source.actor["id"]}


def _dateline(doc: Doc) -> set[int]:
    """Tokens of a dateline ("CUCUTA, Colombia — …", "GAZA/DOHA, Jan 12 (LWS) - …"): place
    and date words before a dash at the start of the text say where the article was
    filed, not who acted."""
    if not len(doc):
        return set()
    for tok in doc[:12]:
        if tok.text in DASHES and tok.i > 0 and tok.whitespace_ \
                and doc[tok.i - 1].whitespace_:
            before = doc[:tok.i]
            if any(t.is_upper and t.is_alpha and len(t) > 2 for t in before) and all(
                    t.is_upper or t.is_title or t.is_punct or t.like_num for t in before):
                return {t.i for t in before}
            return set()
    return set()


def _generic_actor(head: Token) -> bool:
    """"will not tolerate *any* foreign agent operating on its soil": an act told of a
    noun with "any" or "every" is a rule about anyone, not something that happened."""
    noun = head.head if head.dep_ in ("acl", "relcl") else head
    return noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("any", "every")
                                       for c in noun.children)


def _guessed_beside_named(drafts: list[Draft]) -> list[Draft]:
    """"kept the front's leadership under watch, *tapping the telephones* of members of
    its secretariat": an espionage act whose target was only guessed (the nearest other
    actor) yields to an act of the same spy in the same sentence whose victim the text
    names."""
    named = {(d.sent_index, d.source.actor["id"]) for d in drafts if d.etype == "espionage"
             and d.target is not None and d.target.how != "inferred"}
    return [d for d in drafts if not (
        d.etype == "espionage" and d.target is not None and d.target.how == "inferred"
        and (d.sent_index, d.source.actor["id"]) in named)]


def _denied_links(d: Draft, finals: list[tuple[Draft, dict[str, Any]]]) -> list[dict[str, Any]]:
    """What a denial denies: hostile events of the article that put the denier in the
    wrong (or, for a bare "denied the report", that involve it), and denied types
    that were never events."""
    denier = d.source.actor["id"]
    hostile = [(od, oev) for od, oev in finals if od is not d and od.etype != "denial"
               and oev["weight"] < 0]
    links = [{"type": od.etype, "event_id": oev["event_id"]} for od, oev in hostile
             if _accused(od) == denier and (not d.denies or od.etype in d.denies
                                            or od.etype == "accuse")]
    if not links and not d.denies:
        links = [{"type": od.etype, "event_id": oev["event_id"]} for od, oev in hostile
                 if od.target is not None and od.target.actor["id"] == denier
                 and od.etype != "accuse"]
    linked = {x["type"] for x in links}
    links += [{"type": t, "event_id": None} for t in d.denies if t not in linked]
    return sorted(links, key=lambda x: (x["type"], x["event_id"] or ""))


def _passive_agents(verb: Token) -> list[Token]:
    """The by-phrase nouns of a passive verb ("were granted asylum *by Taiwan*")."""
    return [o for c in verb.children if c.dep_ == "agent" for o in c.children
            if o.dep_ == "pobj"]


def _suspects_held(cur: Token, verbs: set[str]) -> Token | None:
    """"detained three contractors *suspected of* eavesdropping on …": the people held
    are described by the act they are suspected or accused of; the noun they are told
    by, when it is the object of a punishing verb (the caller then reads it as punished)."""
    if cur.dep_ not in ("pobj", "pcomp") or cur.head.lower_ != "of":
        return None
    desc = cur.head.head
    if desc.dep_ != "acl" or desc.lemma_.lower() not in ("suspect", "accuse"):
        return None
    noun = desc.head
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in verbs:
        return noun
    return None


def _punishment_frame(head: Token, spec: dict[str, Any]) -> tuple[list[Token], list[Token]]:
    """(punished, punishers) when the act is told only as the grounds of a punishment:
    "Moldova *expels* Russian diplomat *over espionage*", "Iran *hanged* a man *for
    spying*", "expelled a diplomat *for activities incompatible with* his status",
    "detained him *on espionage charges*": the one punished did the act, the side that
    punished was its victim (`punishing_verbs`, `punishing_preps`, `grounds_heads`). An
    act that names whom it served ("passing information *to* X") keeps its own roles."""
    verbs = set(spec.get("punishing_verbs", []))
    preps = set(spec.get("punishing_preps", []))
    if any(c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for") for c in head.subtree):
        return [], []  # "on suspicion of passing information *to* X": the act names its side
    cur = head
    if cur.dep_ == "amod" and cur.tag_ == "VBG" and cur.head.dep_ == "pobj":
        cur = cur.head  # "on suspicion of secretly *recording* conversations"
    if cur.dep_ in ("compound", "amod") and cur.head.lemma_.lower() in \
            spec.get("grounds_heads", ()):
        cur = cur.head  # "on *espionage* charges"
    if cur.dep_ in ("pobj", "pcomp") and cur.head.lower_ == "of" and \
            cur.head.head.lemma_.lower() in spec.get("grounds_heads", ()):
        cur = cur.head.head  # "on suspicion *of espionage*"
    suspects = _suspects_held(cur, verbs)
    if suspects is None and (cur.dep_ not in ("pobj", "pcomp") or cur.head.lower_ not in preps):
        return [], []
    verb = cur.head.head if suspects is None else suspects
    punished = []
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "nsubjpass"):
        punished, verb = conjuncts(verb), verb.head  # "expelled a diplomat *for* …"
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
        return [], []
    punished = punished or [g for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                            for g in conjuncts(c)]
    passive_clause = _passive_modifier(verb)
    if passive_clause and (not punished or punished[0].lower_ in ("who", "that", "which")):
        punished = conjuncts(verb.head)  # "the attache, *expelled* … for spying"
    if passive_clause or any(c.dep_ == "nsubjpass" for c in verb.children):
        punishers = _passive_agents(verb)
    else:
        punishers = [c for c in verb.children if c.dep_ == "nsubj"]
    return punished, punishers


def _counter_prefixed(head: Token) -> bool:
    """"Russian *counter-espionage* officers detained …": the hunt for spies, not spying."""
    doc = head.doc
    return head.i >= 2 and doc[head.i - 1].text == "-" and doc[head.i - 2].lower_ == "counter"


def _occupational_agent(head: Token, spec: dict[str, Any]) -> bool:
    """"a Russian *travel* agent", "a Brazilian *football* agent": an agent whose kind
    is a common noun other than a spy's (`spy_agent_kinds`: "intelligence agent",
    "sleeper agent") is a trade, not an intelligence officer."""
    if head.lemma_.lower() != "agent":
        return False
    kinds = set(spec.get("spy_agent_kinds", []))
    return any(c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN" and c.lower_ not in kinds
               for c in head.children)


def _participle_modifier(head: Token) -> bool:
    """"possessed *intercepted* messages": a participle right after a verb, parsed as a
    coordinated verb with no conjunction before it, modifies the noun that follows."""
    if head.dep_ != "conj" or head.tag_ not in ("VBN", "VBD") or head.i == 0:
        return False
    before = head.doc[head.i - 1]
    return before.pos_ == "VERB" and before.i != head.head.i


def _passive_modifier(verb: Token) -> bool:
    """A passive clause on the noun it is done to: "the attache, *expelled* last week",
    "the diplomat *who was expelled*" (the noun is the verb's object)."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children)
    return verb.dep_ == "relcl" and any(c.dep_ == "nsubjpass" and c.lower_ in ("who", "that",
                                                                             "which")
                                        for c in verb.children)


def _reciprocal(sources: list[Mention], targets: list[Mention]) -> tuple[list[Mention],
                                                                          list[Mention]]:
    """"the two neighbours *exchanged* artillery fire", "India exchanged fire with
    Pakistan": each side acts against the other, so every side is source and target
    (the draft loop skips a side as its own target)."""
    sides = list({m.actor["id"]: m for m in [*sources, *targets]}.values())
    if len(sides) < 2:
        return sources, targets
    return sides, sides


def _agentless_passive(head: Token) -> bool:
    """"a guard *who had been threatened* with prosecution": a passive verb without a
    by-agent names no one who acted."""
    return is_verb(head) and any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children) \
        and not any(c.dep_ == "agent" for c in head.children)


def _first_conjunct_objects(head: Token) -> list[Token]:
    """"accused *Russia's GRU* of hacking … and imposed sanctions on three officers of
    the agency": a coordinated act whose own objects name no side is aimed at the object
    of the first verb."""
    gov = head if is_verb(head) else governing_verb(head)
    if gov is None or gov.dep_ != "conj" or not is_verb(gov.head):
        return []
    return [c for c in gov.head.children if c.dep_ == "dobj"]


def _consequence_patients(head: Token, verbs: set[str], settings: dict[str, Any]) -> list[Token]:
    """"struck a house on the edge of the camp, *killing two Hamas members*": the
    patients of a participle clause that reports the act's result are its victims."""
    gov = head if is_verb(head) else governing_verb(head)
    if gov is None:
        return []
    return [p for c in gov.children if c.dep_ in ("advcl", "conj", "xcomp")
            and c.lemma_.lower() in verbs for p in collect_args(c, settings).patients]


def _custody_sides(verbs: list[Token], spec: dict[str, Any]) -> list[Token]:
    """Who holds a defector: "was taken into custody *by South Korean troops*", "was
    placed under the protection *of Colombian authorities*" — the side joined."""
    nouns = set(spec.get("custody_nouns", []))
    out: list[Token] = []
    chain = list(verbs)
    chain += [c for v in verbs for c in v.children if c.dep_ == "xcomp"]  # "is believed to be"
    for verb in chain:
        held = [o for p in verb.children if p.dep_ == "prep" for o in p.children
                if o.dep_ == "pobj" and o.lemma_.lower() in nouns]
        if held:
            out += [o for a in verb.children if a.dep_ == "agent" for o in a.children
                    if o.dep_ == "pobj"]
            out += [o for n in held for p in n.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj"]
            out += [a for n in held for a in n.children if a.dep_ in ("amod", "compound")]
    return out


def _side_ends(head: Token, spec: dict[str, Any]) -> list[Token]:
    """Where a defector went, as nouns: objects of "to"/"into" on the trigger, on its
    coordinated verbs or on its `bond_nouns` object ("switched his allegiance *to* …"),
    and the objects of joining verbs ("defected … and *rejoined* the national armed
    forces", "reached *government lines*")."""
    joins = set(spec.get("join_verbs", []))
    verbs = [head] + [c for c in head.children if c.dep_ in ("conj", "xcomp", "advcl")
                      and is_verb(c)]
    verbs += [o for o in head.children if o.dep_ == "dobj"
              and o.lemma_.lower() in spec.get("bond_nouns", [])]
    out = [o for v in verbs for p in v.children if p.dep_ == "prep"
           and p.lower_ in ("to", "into") for o in p.children if o.dep_ == "pobj"]
    return out + [o for v in verbs if v.lemma_.lower() in joins for o in v.children
                  if o.dep_ == "dobj"]


def _home_side(tok: Token, sides: set[str]) -> bool:
    """"the army", "government forces", "the national armed forces": unnamed state
    forces (never a proper name, "the Arakan Army")."""
    if _named(tok) or any(_named(c) and c.dep_ in ("compound", "amod", "poss")
                          for c in tok.children):
        return False
    return tok.lemma_.lower() in sides or any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in sides for c in tok.children)


def _ethnic_descriptor(mention: Mention, spec: dict[str, Any]) -> bool:
    """"officers *of Serb ethnicity*", "an *ethnic Kazakh* employee": kin by descent, not
    the side a defector served (`ethnic_nouns`)."""
    if mention.span is None:
        return False
    words = set(spec.get("ethnic_nouns", []))
    root = mention.span.root
    near = [root, *root.children, *root.head.children]
    return (root.head.lemma_.lower() in words and root.dep_ in ("amod", "compound")) or any(
        t.lower_ in words for t in near if t.dep_ in ("amod", "advmod", "compound"))


def _linked_modifier(mention: Mention) -> bool:
    """"a defector from *the al Qaeda-linked group*": the actor a hyphenated participle
    names ("X-linked", "X-aligned") is another side than the group described."""
    if mention.span is None:
        return False
    root = mention.span.root
    return root.dep_ == "npadvmod" and root.head.dep_ == "amod" and root.head.tag_ == "VBN"


def _named(tok: Token) -> bool:
    """A proper name as written (the tagger calls "the national army" PROPN too)."""
    return tok.pos_ == "PROPN" and tok.text[:1].isupper()


def _refuge_places(verbs: list[Token], spec: dict[str, Any]) -> list[Token]:
    """The place phrase the parser hung on the refuge noun of a joining verb: "applied
    for international protection *in Poland*", "applied for a protection visa *in
    Australia*"."""
    refuge = spec.get("object_preps", {})
    out: list[Token] = []
    for verb in verbs:
        for noun in verb.subtree:
            if noun.head.i != verb.i and noun.head.head.i != verb.i:
                continue
            key = next((w for w in [noun.lemma_.lower()] + [c.lemma_.lower() for c in
                                                           noun.children if c.dep_ == "compound"]
                        if w in refuge), None)
            if key is not None and noun.pos_ in ("NOUN", "PROPN"):
                out += [o for p in noun.children if p.dep_ == "prep" and p.lower_ in refuge[key]
                        for o in p.children if o.dep_ == "pobj"]
    return out


def _modifies_plural(ent: Span) -> bool:
    """"*Moldovan* authorities … he": a modifier of a plural noun is no antecedent of a
    singular pronoun."""
    root = ent.root
    return root.dep_ in ("amod", "compound", "poss", "nmod") and root.head.i != root.i \
        and root.head.tag_ in ("NNS", "NNPS")


def _asserting(mod: Modality, doc: Doc, spec: dict[str, Any]) -> Modality:
    """"crossed the border and *asked to defect*": for some types a governor that
    otherwise makes an act hypothetical reports it (`asserting_governors`)."""
    if mod.block == "hypothetical" and mod.at is not None and \
            doc[mod.at].lemma_.lower() in spec.get("asserting_governors", ()):
        return Modality(None, mod.mode)
    return mod


def _own_statement(noun: Token) -> bool:
    """"Hezbollah, *in a statement* carried by its television, denied …": a statement the
    denial is made in (or is reported "according to") is the denier's own, not the claim
    denied."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "according":
        return True  # "*according to a statement* cited by state media, X denied …"
    return noun.dep_ == "pobj" and noun.head.lower_ == "in"


def _infinitive_verb(tok: Token) -> bool:
    """"paid *to film* the base": a verb after infinitival "to" is no context noun."""
    return tok.pos_ == "VERB" and tok.i > 0 and tok.nbor(-1).lower_ == "to" and \
        tok.nbor(-1).dep_ == "aux"


def _topic_mention(m: Mention, head: Token, spec: dict[str, Any]) -> bool:
    """"read correspondence *on Ukraine* (and sanctions) policy": an actor named after a
    topic preposition of a topic noun (not of the trigger itself) is what the material
    is about."""
    if m.span is None:
        return False
    root = m.span.root
    while root.dep_ in ("nmod", "compound", "amod", "poss", "conj") and root.head.i != root.i:
        root = root.head
    prep = root.head
    noun = prep.head
    return root.dep_ == "pobj" and prep.dep_ == "prep" and \
        prep.lower_ in spec.get("topic_preps", ()) and noun.i != head.i and \
        noun.pos_ in ("NOUN", "PROPN") and (noun.lower_ in spec["topic_nouns"] or
                                            noun.lemma_.lower() in spec["topic_nouns"])


def _least_located(found: list[tuple[Mention, bool, int]]) -> list[Mention]:
    """Of the actors found at one depth, those reached through the fewest locative
    phrases: "an official in the *Houthi*-run administration in Sanaa" is a Houthi
    official; Sanaa only says where the administration sits."""
    if not found:
        return []
    least = min(loc for _m, _pol, loc in found)
    return [m for m, _pol, loc in found if loc == least]


def _bare_places(found: list[tuple[Mention, bool, int]]) -> bool:
    """Whether every actor found is only a place named after "in"/"at" ("a deputy
    minister in the Houthi administration *in Sanaa*"): the city says where someone
    sits, so an affiliation one step deeper in the same phrase wins over it."""
    return bool(found) and all(
        m.span.label_ == "GPE" and m.span.root.dep_ == "pobj" and
        m.span.root.head.lower_ in LOCATIVE for m, _pol, _loc in found)


def _claimants(claims: list[Token]) -> list[Token]:
    """Who makes a claim: "*Egypt's* claims", "the *US* charges", "allegations *by
    Cairo*", "accusations *from* Riyadh", "a fabrication *of* the State Department",
    "accusations *made by* Somalia's president"."""
    heads = [c for p in claims for c in p.children
             if c.dep_ in ("poss", "compound", "amod", "nmod")
             or (c.dep_ == "prep" and c.lower_ in ("by", "from", "of"))]
    heads += [p for p in claims if p.dep_ == "prep"]
    heads += [a for p in claims for acl in p.children if acl.dep_ == "acl"
              for a in acl.children if a.dep_ == "agent"]
    return [g for h in heads for g in ([h] if h.dep_ not in ("prep", "agent") else
                                       [x for x in h.children if x.dep_ == "pobj"
                                        and x.tag_ != "VBG"])]  # "claims *of spying*"


def _accused(d: Draft) -> str | None:
    """Who an event puts in the wrong: the target of an accusation, else the source."""
    if d.etype == "accuse":
        return d.target.actor["id"] if d.target else None
    return d.source.actor["id"]


def _claim_complement(head: Token, claims: set[str]) -> bool:
    """"There was *no basis* for the complaint", "no foundation to the charges": a
    negated ground noun whose preposition names the claim declares that claim false."""
    if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "no"
                                      for c in head.children):
        return False
    return any(p.dep_ == "prep" and p.lower_ in ("for", "to", "in", "behind") and any(
        o.dep_ == "pobj" and (o.lemma_.lower() in claims or o.lower_ in claims)
        for o in p.children) for p in head.children)


def _complement_claims(verb: Token) -> list[Token]:
    """The claim a negated ground noun names: "there was no basis *for the complaint*"."""
    return [o for c in verb.children if c.dep_ in ("attr", "dobj") and any(
        g.dep_ == "det" and g.lower_ == "no" for g in c.children)
        for p in c.children if p.dep_ == "prep" and p.lower_ in ("for", "to", "in", "behind")
        for o in p.children if o.dep_ == "pobj"]


def _starts(selection: Selection) -> list[int]:
    starts, pos = [], 0
    for sent in selection.sentences:
        starts.append(pos)
        pos += len(sent) + 1
    return starts


def _actor_obj(m: Mention) -> dict[str, Any]:
    obj = {"id": m.actor["id"], "name": m.actor["name"], "resolved": m.actor["resolved"]}
    if m.span is not None:
        obj["mention"] = m.span.text
    return obj


def _shared_object_conjunct(head: Token, verbs: set[str]) -> Token:
    """"Turkey does not conduct and would never conduct espionage": the object hangs on
    the second, hypothetical verb; the denial is the first, negated one with the subject
    (the same innocence verb, negated)."""
    first = head.head
    if head.dep_ == "conj" and head.lemma_.lower() in verbs and \
            first.lemma_.lower() == head.lemma_.lower() and \
            any(c.dep_ == "neg" for c in first.children) and \
            not any(c.dep_ in ("dobj", "prep") for c in first.children):
        return first
    return head


def _denying(sent: Span) -> bool:
    """Whether a sentence holds a denial trigger and no other: its speaker answers a
    claim ("a Hezbollah official said the stories were written in Tel Aviv"), so it is no
    report a later denial answers (one telling an act too, "…, a charge Moscow denied",
    still is)."""
    types = {etype for etype, start, _end in sent.doc._.triggers
             if sent.start <= start < sent.end}
    return types == {"denial"}


def _common_compound(tok: Token) -> bool:
    """"the *rights* group", "the *trade* ministry"? A lower-case noun compound names a
    kind of body of its own (a rights group is no earlier armed group)."""
    return tok.dep_ == "compound" and tok.pos_ == "NOUN" and tok.text.islower()
