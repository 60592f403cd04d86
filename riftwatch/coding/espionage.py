"""Espionage rules at article level: sponsors told as agents or nationals, victims
from arrests, hosts and the article. Mixed into `Coder`."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from riftwatch.coding.clauses import (
    _co_sources,
)
from riftwatch.coding.drafts import (
    LOCATIVE,
    Draft,
    Mention,
)
from riftwatch.coding.syntax import (
    Args,
    is_verb,
    nested_for,
)


class EspionageRules:
    """Sponsors and victims of espionage acts."""

    def _espionage_roles(self, drafts: list[Draft], mentions: dict[int, Span]) -> None:
        """Espionage roles come from who the information is for, never from the spy's
        nationality. The side spied for (sponsor) is the beneficiary of an act ("for X",
        "to X's handler") or an intelligence body met outside a subject ("recruited by
        Iranian intelligence", "an officer of China's Ministry of State Security"). An act
        whose source is only the nationality of a person (`spy_person_nouns`: "an
        Estonian citizen … he photographed", "a U.S. Army sergeant handed …") gets the
        sponsor as source and that nationality as victim; where other intelligence bodies
        are named too ("Estonia's security service said …"), the sponsor is the one side
        the article's sponsored acts are done for. The victim of a sponsored act
        told only by the spy's nationality ("a Ukrainian national … transmitting footage
        to Russian intelligence") is rather the side that arrested or charged the spy;
        an arrest of that nationality counts only in the act's sentence or the next or
        previous one (a later, unrelated arrest says nothing of the act's victim)."""
        spies = [d for d in drafts if d.etype == "espionage"]
        if not spies:
            return
        sponsors = [d.source for d in spies if d.source.cue == "sponsor"
                    and d.source.how != "coreference"]
        acts = {m.actor["id"] for m in sponsors}
        sponsors += self._intelligence_mentions(mentions)
        ids = {m.actor["id"] for m in sponsors}
        for d in spies:
            if d.source.actor["id"] in ids or not (
                    (d.source.how == "coreference" and not self._state_agent(d.source))
                    or self._person_nationality(d.source)):
                continue
            tgt = d.target.actor["id"] if d.target is not None else None
            choice = [m for m in sponsors if m.actor["id"] == tgt] or \
                ([sponsors[0]] if len(ids) == 1 else []) or \
                ([sponsors[0]] if len(acts) == 1 else [])
            if not choice:
                continue
            spy_side = d.source
            d.source = Mention(choice[0].actor, choice[0].span, False, "inferred", "sponsor")
            if d.target is None or tgt == d.source.actor["id"] or d.target.how == "inferred":
                d.target = Mention(spy_side.actor, spy_side.span, False, "affiliation")
        for d in spies:
            arrested = {od.target.actor["id"] for od in drafts
                        if od.etype in self._arresting_types and od.target is not None
                        and abs(od.sent_index - d.sent_index) <= 1}
            if d.source.cue != "sponsor" or d.target is None or (
                    d.target.cue != "agent" and d.target.actor["id"] not in arrested):
                continue
            nationality = d.target.actor["id"]
            for od in drafts:
                if od.etype in self._arresting_types and od.target is not None and \
                        od.target.actor["id"] == nationality and \
                        od.source.actor["id"] not in (nationality, d.source.actor["id"]):
                    d.target = Mention(od.source.actor, od.source.span, False, "inferred")
                    break
            else:
                charged = [m for m in d.accusers
                           if m.actor["id"] not in (nationality, d.source.actor["id"])]
                if charged:
                    d.target = Mention(charged[0].actor, charged[0].span, False, "inferred")
        for d in spies:
            if d.source.cue == "sponsor" and d.target is not None and \
                    (d.target.how == "inferred" or d.target.cue == "agent"):
                d.target = self._fellow_victim(d, spies) or d.target

    @staticmethod
    def _fellow_victim(d: Draft, spies: list[Draft]) -> Mention | None:
        """"the man had acted on behalf of the *Belarusian* KGB and had also taken tasks
        from an officer of Russia's GRU": a spy's nationality that is itself a sponsor
        in the article is no victim; the side its own act is done against is."""
        nationality = d.target.actor["id"] if d.target is not None else None
        for od in spies:
            if od is not d and od.source.actor["id"] == nationality and \
                    od.target is not None and \
                    od.target.actor["id"] not in (nationality, d.source.actor["id"]):
                return Mention(od.target.actor, od.target.span, False, "inferred")
        return None

    def _told_sponsors(self, spec: dict[str, Any], head: Token, args: Args) -> list[Token]:
        """Sponsors named outside the act's own "for": the "for" of the role taken
        ("served *as an informant for Moscow*"), the recipient of a dative "to" ("sent the
        footage *to a Russian handler*"), the handler met ("*met his Russian case
        officer*", `handler_meeting_verbs`), the side secrets are shared with
        (`sharing_verbs`) and the side an intrusion is pinned on ("the breach was
        *attributed to APT29*", `attributing_verbs`)."""
        lemma = head.lemma_.lower()
        roles = nested_for(args.preps.get("as", []))
        if roles:  # "served *as an informant for Moscow*"
            return roles
        if lemma in self._transfer:  # "sent the footage *to a Russian contact*" (dative)
            return [o for c in head.children if c.dep_ == "dative" and c.lower_ == "to"
                    for o in c.children if o.dep_ == "pobj"]
        if lemma in spec.get("handler_meeting_verbs", ()):
            met = [c for c in head.children if c.dep_ == "dobj"] + args.preps.get("with", [])
            # the handler's side is told by its modifiers, never by "his"
            return [t for m in met for t in m.subtree
                    if t.i != m.i and t.pos_ in ("PROPN", "ADJ")] or met
        if lemma in spec.get("sharing_verbs", ()):  # "shared documents *with Russian agents*"
            return args.preps.get("with", []) + [
                o for c in head.children if c.dep_ == "dobj" for p in c.children
                if p.dep_ == "prep" and p.lower_ == "with" for o in p.children
                if o.dep_ == "pobj"]
        if lemma in spec.get("attributing_verbs", ()):
            return args.preps.get("to", []) + args.preps.get("on", [])
        if lemma in spec.get("serving_verbs", ()):  # "a network *serving Belarusian intelligence*"
            return [c for c in head.children if c.dep_ == "dobj"]
        return []

    @staticmethod
    def _attributors(spec: dict[str, Any], head: Token, args: Args) -> list[Token]:
        """"*Norway's government* attributed an intrusion at the Ministry of Defence to
        …": the side that pins an intrusion on another is its victim, before any side
        the intrusion's own words name."""
        if head.lemma_.lower() in spec.get("attributing_verbs", ()):
            return [a for a in args.agents if a.dep_ == "nsubj"]
        return []

    def _recruits_beside_task(self, drafts: list[Draft]) -> list[Draft]:
        """"Iranian intelligence *recruited* members of a Danish gang *to carry out
        surveillance of* the Israeli embassy": the side spied on is the one the task names,
        not the recruits' country. A recruiting act (`recruiting_verbs`) yields to an act of
        the same sponsor in its own clause whose victim the text names."""
        verbs = set(self.taxonomy["types"]["espionage"].get("recruiting_verbs", []))
        named = [d for d in drafts if d.etype == "espionage" and d.target is not None
                 and d.target.how != "inferred"]
        return [d for d in drafts if not (
            d.etype == "espionage" and d.trigger.lemma_.lower() in verbs and any(
                o is not d and o.sent_index == d.sent_index
                and o.source.actor["id"] == d.source.actor["id"]
                and o.trigger in d.trigger.subtree and o.trigger.i != d.trigger.i
                and (d.target is None or o.target.actor["id"] != d.target.actor["id"])
                for o in named if o.target is not None))]

    def _state_agent(self, m: Mention) -> bool:
        """The mention names whom a state's own agent serves ("a *Belarusian* diplomat",
        "an official *of the Pakistan High Commission*")."""
        if m.span is None:
            return False
        tok = m.span.root
        while tok.dep_ in ("amod", "compound", "poss", "nmod") and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
                tok.head.head.lemma_.lower() in self._state_agents:
            return True
        return tok.lemma_.lower() in self._state_agents or tok.lower_ in self._state_agents

    def _person_nationality(self, m: Mention) -> bool:
        """The mention only gives the nationality of a person ("an *Estonian* citizen",
        "a *U.S.* Army sergeant", "a resident *of* Haifa")."""
        if m.span is None or m.span.label_ == "PERSON" or m.actor.get("person"):
            return False
        tok = m.span.root
        if tok.dep_ == "pobj" and tok.head.lower_ == "of":
            tok = tok.head.head  # "a resident *of Haifa*"
        while tok.dep_ in ("amod", "compound", "poss", "nmod") and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE and tok.i == m.span.root.i:
            return True  # "a second secretary at the embassy *in Warsaw*": only where
        return tok.lemma_.lower() in self._spy_persons or tok.lower_ in self._spy_persons

    def _intelligence_mentions(self, mentions: dict[int, Span]) -> list[Mention]:
        """Intelligence bodies outside subjects: "recruited by *Iranian intelligence*",
        "a handler from *Russia's* GRU" (not "*Estonia's* security service said")."""
        out = []
        for ent in sorted({id(e): e for e in mentions.values()}.values(), key=lambda e: e.start):
            actor = ent._.actor
            if not self._political_actor(actor):
                continue
            tok = ent.root
            while tok.dep_ in ("amod", "compound", "poss", "nmod", "appos") and \
                    tok.head.i != tok.i:
                tok = tok.head
            intelligence = actor.get("role") == "intelligence" or \
                tok.lemma_.lower() in self._sponsor_nouns
            if not intelligence or tok.dep_ in ("nsubj", "nsubjpass") or \
                    (any(a.dep_ in ("nsubj", "nsubjpass") for a in tok.ancestors
                        if not is_verb(a)) and not any(
                        a.dep_ in ("prep", "agent") for a in tok.ancestors)):
                continue
            if tok.dep_ == "pobj" or any(a.dep_ in ("prep", "agent", "pobj") for a in
                                         [tok, *tok.ancestors][:4]):
                out.append(Mention(actor, ent, False, "affiliation", "sponsor"))
        return out

    def _article_victim(self, d: Draft, drafts: list[Draft],
                        mentions: dict[int, Span]) -> Mention | None:
        """The side that acted against the source nearest to the act (arrested its
        nationals, expelled its diplomats), else the other political actor the article
        names most often (earliest on a tie). A side the same act is also done for
        ("spying for Somalia and for Kenyan and US intelligence") is never its victim."""
        src = d.source.actor["id"]
        partners = _co_sources(d, drafts)
        for od in sorted(drafts, key=lambda od: (abs(od.sent_index - d.sent_index),
                                                 od.sent_index, od.trigger.i)):
            if od.etype != "denial" and od.target is not None and \
                    od.target.actor["id"] == src and od.source.actor["id"] not in partners and \
                    self._hostile(od):
                return Mention(od.source.actor, od.source.span, False, "inferred")
        tally: dict[str, tuple[int, int, Span]] = {}
        for ent in sorted({id(e): e for e in mentions.values()}.values(), key=lambda e: e.start):
            actor = ent._.actor
            if actor["id"] in partners or not self._political_actor(actor) or \
                    self._under_proxy(ent) or self._modifies_nonpolitical(ent):
                continue
            n, first, span = tally.get(actor["id"], (0, ent.start, ent))
            tally[actor["id"]] = (n + 1, first, span)
        if not tally:
            return None
        _n, _first, span = min(tally.values(), key=lambda v: (-v[0], v[1]))
        return Mention(span._.actor, span, False, "inferred")
