"""Who a noun phrase in a role is: named actors, descriptions, metonyms and the
antecedents of pronouns and definite descriptions. Mixed into `Coder`, whose
`__init__` sets the dictionaries and word lists these methods read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Span, Token

from riftwatch.coding.clauses import (
    _bare_places,
    _common_compound,
    _least_located,
    _modifies_plural,
)
from riftwatch.coding.drafts import (
    LOCATIVE,
    NEUTER,
    NP_LINKS,
    NP_PREPS,
    PERSONAL,
    PLURAL,
    Mention,
)
from riftwatch.coding.syntax import (
    Args,
    attribution,
    is_verb,
)


class ActorMentions:
    """Which actor a token in a role stands for (names, descriptions, antecedents)."""

    def _mention_map(self, tok: Token) -> dict[int, Span]:
        """Actor mentions of the trigger's doc by token index."""
        return {t.i: ent for ent in tok.doc.ents if ent._.actor is not None
                and not self._national_body(ent) for t in ent}

    def _national_body(self, ent: Span) -> bool:
        """"the Philippines' *National* Security Council", "Iran's Supreme *National*
        Security Council": an international body's name (`national_body_words` just
        before it) naming a state's own body is no mention of the international body; its
        possessor or nationality word says whose it is, else no side is named."""
        return ent.start > 0 and ent._.actor.get("kind") == "igo" and \
            ent.doc[ent.start - 1].lower_ in self._national_words

    def _nationality_owner(self, ent: Span, mentions: dict[int, Span],
                           exclude: frozenset[str]) -> list[Mention]:
        """"the *Pakistani* Foreign Office": a nationality word on a generic body's name
        (a metonym another state's body shares) names the owner, as a possessor does."""
        return [Mention(mentions[c.i]._.actor, mentions[c.i], False, "affiliation")
                for c in ent.root.children if c.dep_ in ("amod", "compound", "nmod")
                and c.i in mentions and not ent.start <= c.i < ent.end
                and mentions[c.i]._.actor["id"] not in exclude
                and mentions[c.i]._.actor["id"] != ent._.actor["id"]
                and self._political_actor(mentions[c.i]._.actor)]

    def _first_agents(self, args: Args, mentions: dict[int, Span], role: str = "agent",
                      exclude: frozenset[str] = frozenset()) -> list[Mention]:
        for tier in args.agent_tiers():
            found = self._actors(tier, role, mentions, exclude)
            if found:
                return found
        return []

    def _actors(self, heads: list[Token], role: str, mentions: dict[int, Span],
                exclude: frozenset[str] = frozenset()) -> list[Mention]:
        """Resolved political actors that argument heads refer to, most direct first,
        other than those in `exclude` (already filling the other role)."""
        out: list[Mention] = []
        seen: set[str] = set()
        for tok in heads:
            if any(c.dep_ == "amod" and c.lower_ in self._unreal for c in tok.children):
                continue  # "the *fictional* Kremlin denies everything": a novel's side
            for m in self._actor_of(tok, role, mentions, exclude):
                if m.actor["id"] not in seen and m.actor["id"] not in exclude and \
                        self._political_actor(m.actor):
                    seen.add(m.actor["id"])
                    out.append(m)
        return out

    def _political_actor(self, actor: dict[str, Any]) -> bool:
        return bool(actor.get("resolved")) and actor.get("kind") not in self._blocked_kinds

    def _actor_of(self, tok: Token, role: str, mentions: dict[int, Span],
                  exclude: frozenset[str] = frozenset()) -> list[Mention]:
        placed = self._residence(tok, mentions, exclude) if role == "victim" else []
        if placed:
            return placed
        if tok.i in mentions and self._political_actor(mentions[tok.i]._.actor):
            ent = mentions[tok.i]
            found = [Mention(ent._.actor, ent, True)]
            found += [Mention(mentions[c.i]._.actor, mentions[c.i], True)
                      for c in ent.root.children if c.dep_ == "conj" and c.i in mentions]
            owner = self._possessor(ent, mentions, exclude) or [
                Mention(mentions[o.i]._.actor, mentions[o.i], False, "affiliation")
                for p in ent.root.children if p.dep_ == "prep" and p.lower_ == "of"
                and not ent.start <= p.i < ent.end for o in p.children
                if o.dep_ == "pobj" and o.i in mentions
                and mentions[o.i]._.actor["id"] not in exclude
                and self._political_actor(mentions[o.i]._.actor)]
            if ent._.actor.get("via") == "metonym":
                owner = owner or self._nationality_owner(ent, mentions, exclude)
            if owner and ent._.actor.get("via") == "metonym":
                # "*Pakistan's* Foreign Office", "the Ministry of Defence *of Armenia*"
                return owner[:1]
            if ent._.actor["id"] not in exclude or tok.i != ent.root.i:
                return found
            return self._possessor(ent, mentions, exclude) or found
        low = tok.lower_
        if tok.pos_ == "PRON" and low in self._pronouns:
            ante = self._antecedent(tok, mentions, exclude)
            return [ante] if ante else []
        held = self._controller(tok, mentions, exclude) if role == "victim" else []
        if held:
            return held
        named = self._known_as(tok, mentions, exclude)
        if named:
            return named
        lemma = tok.lemma_.lower()
        if role == "patient" and (low in self._nonpolitical or lemma in self._nonpolitical):
            role = "patient-nonpolitical"
        frontier = [(tok, self._is_political(tok), 0)]
        places: list[tuple[Mention, bool, int]] = []
        for _depth in range(5):
            found: list[tuple[Mention, bool, int]] = []
            nxt: list[tuple[Token, bool, int]] = []
            for t, pol, loc in frontier:
                for c in t.children:
                    if t.dep_ == "relcl" and c.dep_ != "agent":
                        continue  # "an officer, who was recruited *by* X", not "who worked for"
                    if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in self._affiliation:
                        # "a student recruited by X", "hackers linked to X" act for X
                        nxt.append((c, pol or t.lemma_.lower() not in self._nonpolitical, loc))
                        continue
                    if c.dep_ == "agent" and t.dep_ in ("acl", "relcl"):
                        nxt.append((c, pol, loc))
                        continue
                    if c.dep_ not in NP_LINKS or (
                            c.dep_ == "prep" and c.lower_ not in NP_PREPS and not is_verb(t)
                            and not (c.lower_ == "with" and t.lemma_.lower() in self._borders)
                            and not (c.lower_ == "to" and t.lemma_.lower() in self._affiliation)
                            and not (c.lower_ == "to" and t.lemma_.lower() in self._attached)
                            and not (role == "victim" and c.lower_ in self._victim_preps)):
                        # but "forces *loyal to* Yemen's government" serve that government
                        continue
                    if c.dep_ == "prep" and c.lower_ in LOCATIVE and not self._is_political(t) \
                            and role != "victim" and t.lemma_.lower() not in self._places:
                        continue  # but "villages *in Afghanistan's* Khost province" lie there
                    if c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in self._possessives:
                        ante = self._antecedent(c, mentions, exclude)
                        if ante is not None:
                            found.append((ante, True, loc))
                        continue
                    if c.lower_ in self._proxy or c.lemma_.lower() in self._proxy:
                        continue
                    named = self._named_by_head(c, mentions, exclude) if c.dep_ == "poss" \
                        else None
                    if named is not None:
                        found.append((named, True, loc))
                        continue
                    if c.i in mentions and self._political_actor(mentions[c.i]._.actor) and \
                            t.lemma_.lower() not in self._languages:  # "*Persian*-language"
                        ent = mentions[c.i]
                        found.append((Mention(ent._.actor, ent, False, "affiliation"), pol, loc))
                        found += [(Mention(mentions[g.i]._.actor, mentions[g.i], False,
                                           "affiliation"), pol, loc)
                                  for g in ent.root.children if g.dep_ == "conj"
                                  and g.i in mentions]
                    elif (side := self._described_side(c, mentions, exclude)) is not None:
                        found.append((side, pol, loc))
                    elif c.pos_ != "PRON" and not (role == "agent" and c.dep_ == "pobj"
                                                   and self._nonpolitical_word(c)):
                        # "Zhenhua Auto, backed by *Chinese* venture capital *funds*":
                        # the funds' side is not the subject's
                        nxt.append((c, pol or self._is_political(c),
                                    loc + (c.dep_ == "prep" and c.lower_ in LOCATIVE)))
            if found:
                found = self._group_over_host(found)
                if role == "agent":
                    found = [f for f in found if f[1]]
                elif role == "patient-nonpolitical":
                    found = [f for f in found if f[0].how == "coreference"]
                if places and not _bare_places(found):
                    deeper = [f for f in found if f[2] <= min(p[2] for p in places)]
                    return _least_located(deeper or places)
                if places or not _bare_places(found) or not nxt:
                    return _least_located(places or found)
                places = found
            elif places:
                return _least_located(places)
            frontier = nxt
        if places:
            return _least_located(places)
        if tok.tag_ == "NNS" and tok.lemma_.lower() in self._pair_nouns and any(
                c.lower_ in ("both", "two") for c in tok.children):
            return self._pair_antecedent(tok, mentions)
        named = self._named_by_head(tok, mentions, exclude)
        if named is not None:
            return [named]
        side = self._described_side(tok, mentions, exclude)
        if side is not None:
            return [Mention(side.actor, side.span, False, "coreference")]
        if tok.lemma_.lower() in self._descriptions and tok.tag_ != "NNS" and \
                any(c.lower_ == "the" for c in tok.children) and \
                not any(c.lower_ in self._other_sides or _common_compound(c)
                        for c in tok.children):
            ante = self._antecedent(tok, mentions, exclude)
            return [Mention(ante.actor, ante.span, False, "coreference")] if ante else []
        if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return self._same_head_antecedent(tok, role, mentions, exclude)
        return []

    def _named_by_head(self, tok: Token, mentions: dict[int, Span],
                       exclude: frozenset[str]) -> Mention | None:
        """"the Polisario Front … *the front's* leadership", "the Kurdistan Workers' Party
        … *the party's* cadres": a definite singular noun that is the last word of an
        earlier actor's name refers back to that actor, however far back."""
        if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.i in mentions or \
                not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        ent = self._nearest_earlier(tok, mentions, exclude,
                                    lambda e: len(e) > 1 and e[-1].lower_ == tok.lower_)
        return None if ent is None else Mention(ent._.actor, ent, False, "coreference")

    def _nearest_earlier(self, tok: Token, mentions: dict[int, Span], exclude: frozenset[str],
                         fits: Callable[[Span], bool]) -> Span | None:
        """The nearest political actor named before `tok` (however far back, not
        excluded) that `fits`: what a definite description refers back to."""
        for i in range(tok.i - 1, -1, -1):
            ent = mentions.get(i)
            if ent is not None and ent.end - 1 == i and self._political_actor(ent._.actor) \
                    and ent._.actor["id"] not in exclude and fits(ent):
                return ent
        return None

    def _group_over_host(self, found: list[tuple[Mention, bool, int]]
                         ) -> list[tuple[Mention, bool, int]]:
        """"*Yemen's* *Houthi* movement", "*Iraq's* *Kataib Hezbollah* militia": a group
        named with the state it operates in is the group; the state only places it."""
        hosts = {self._group_country.get(m.actor["id"]) for m, _pol, _loc in found}
        return [f for f in found if f[0].actor["id"] not in hosts] or found

    def _described_side(self, noun: Token, mentions: dict[int, Span],
                        exclude: frozenset[str]) -> Mention | None:
        """"an officer *of the group*", "*the front's* security directorate": a definite
        description that a person or force belongs to means the nearest earlier actor of
        its kind (`description_kinds`: a group for "group"/"movement"/"front"), not merely
        the nearest actor ("Lebanese army intelligence arrested … an officer of *the
        group*" is a Hezbollah officer), also as the subject of a denial ("*the movement*
        rejected the report"). "the *rival* group" names another side."""
        kind = self._described_kinds.get(noun.lemma_.lower())
        denier = noun.dep_ == "nsubj" and noun.head.lemma_.lower() in self._negators and \
            not attribution(noun.head, self.settings)  # "a UN spokesman said the organisation"
        if kind is None or noun.i in mentions or \
                (noun.dep_ not in ("pobj", "poss") and not denier) or \
                noun.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the"
                                             for c in noun.children) or \
                any(c.lower_ in self._other_sides or c.i in mentions or (
                    c.dep_ in ("amod", "compound", "nmod") and c.text[:1].isupper())
                    for c in noun.children):
            return None  # "the *Zionist* regime", "the *Iraqi* government" name their own
        ent = self._nearest_earlier(noun, mentions, exclude, lambda e: e._.actor.get(
            "kind") == kind and not self._under_proxy(e))
        return None if ent is None else Mention(ent._.actor, ent, False, "affiliation")

    def _known_as(self, tok: Token, mentions: dict[int, Span],
                  exclude: frozenset[str]) -> list[Mention]:
        """"the Islamic State's regional branch, *known as ISIS-Khorasan*": the name a
        phrase is given (`naming_verbs` + "as") is the actor it means, before its owner."""
        names = [o for c in tok.children if c.dep_ == "acl"
                 and c.lemma_.lower() in self._naming for p in c.children
                 if (p.dep_ == "prep" and p.lower_ == "as") or p.dep_ == "oprd"
                 for o in ([p] if p.dep_ == "oprd" else p.children)
                 if o.dep_ in ("pobj", "oprd") and o.i in mentions]
        return [Mention(mentions[o.i]._.actor, mentions[o.i], False, "affiliation")
                for o in names[:1] if self._political_actor(mentions[o.i]._.actor)
                and mentions[o.i]._.actor["id"] not in exclude]

    def _controller(self, tok: Token, mentions: dict[int, Span],
                    exclude: frozenset[str]) -> list[Mention]:
        """"fuel tanks at Yemen's *Houthi-held* port": a place struck is the side that
        holds or runs it (`control_verbs`), not the state it lies in; searched in the
        noun phrase of the victim, nearest first."""
        for t in sorted(tok.subtree, key=lambda t: abs(t.i - tok.i)):
            if t.dep_ != "amod" or t.lemma_.lower() not in self._control_verbs:
                continue
            found = [Mention(mentions[c.i]._.actor, mentions[c.i], False, "affiliation")
                     for c in t.children if c.i in mentions
                     and c.dep_ in ("npadvmod", "compound", "nmod", "amod")
                     and self._political_actor(mentions[c.i]._.actor)
                     and mentions[c.i]._.actor["id"] not in exclude]
            if found:
                return found[:1]
        return []

    def _same_head_antecedent(self, tok: Token, role: str, mentions: dict[int, Span],
                              exclude: frozenset[str]) -> list[Mention]:
        """"A North Korean soldier crossed … *The soldier* was taken into custody": a
        definite noun takes the actor of the nearest earlier noun with the same lemma
        in this or the previous sentence."""
        lower = tok.doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
        lemma = tok.lemma_.lower()
        for i in range(tok.i - 1, lower - 1, -1):
            cand = tok.doc[i]
            if cand.pos_ == "NOUN" and cand.lemma_.lower() == lemma and cand.tag_ == tok.tag_ and \
                    not any(c.lower_ == "the" for c in cand.children):
                found = [m for m in self._actor_of(cand, role, mentions, exclude)
                         if m.how != "coreference"]
                return [Mention(m.actor, m.span, False, "coreference") for m in found]
        return []

    def _residence(self, tok: Token, mentions: dict[int, Span],
                   exclude: frozenset[str]) -> list[Mention]:
        """"spied on Iranian dissidents *living in Sweden*": people spied on where they
        live stand for the state they live in, not for their nationality. A clause after
        the last of coordinated nouns is shared by them all, though the parser hangs it on
        the first ("Rwandan dissidents and *Congolese activists* living in Germany")."""
        shared = [c for c in tok.head.children if c.dep_ == "acl" and c.i > tok.i] \
            if tok.dep_ == "conj" else []
        for t in [*tok.subtree, *shared]:
            if t.dep_ != "acl" or t.lemma_.lower() not in self._residents or \
                    self._group_members(t.head, mentions):
                continue
            places = [o for p in t.children if p.dep_ == "prep" and p.lower_ in LOCATIVE
                      for o in p.children if o.dep_ == "pobj" and o.i in mentions]
            found = self._actors(places, "victim", mentions, exclude)
            if found:
                return [Mention(found[0].actor, found[0].span, False, "affiliation")]
        return []

    @staticmethod
    def _group_members(noun: Token, mentions: dict[int, Span]) -> bool:
        """"tracking *Hamas members* living in Turkey": members of a group named on the
        noun are that group wherever they live."""
        return any(c.dep_ in ("compound", "amod", "poss", "nmod") and c.i in mentions
                   and mentions[c.i]._.actor.get("kind") == "group" for c in noun.children)

    def _possessor(self, ent: Span, mentions: dict[int, Span],
                   exclude: frozenset[str]) -> list[Mention]:
        """"switched allegiance to *Russia's* Africa Corps" where Africa Corps resolves to
        the side already in the other role: the possessor names the side meant."""
        return [Mention(mentions[c.i]._.actor, mentions[c.i], False, "affiliation")
                for c in ent.root.children if c.dep_ == "poss" and c.i in mentions
                and not ent.start <= c.i < ent.end
                and mentions[c.i]._.actor["id"] not in exclude
                and self._political_actor(mentions[c.i]._.actor)]

    def _pair_antecedent(self, tok: Token, mentions: dict[int, Span]) -> list[Mention]:
        """"Estonia and Latvia said … and *both governments* expelled …": the nearest
        earlier coordinated pair of actors, within this and the previous sentence."""
        lower = tok.doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
        for i in range(tok.i - 1, lower - 1, -1):
            ent = mentions.get(i)
            if ent is None or ent.end - 1 != i or not self._political_actor(ent._.actor):
                continue
            pair = [mentions[c.i] for c in ent.root.children if c.dep_ == "conj"
                    and c.i in mentions and self._political_actor(mentions[c.i]._.actor)]
            if pair:
                return [Mention(e._.actor, e, False, "coreference") for e in [ent, *pair]]
        return self._only_two(tok, lower, mentions)

    def _only_two(self, tok: Token, lower: int, mentions: dict[int, Span]) -> list[Mention]:
        """"India arrested … for Pakistan. … *the two neighbours* exchanged fire": without a
        coordinated pair, exactly two sides named in this and the previous sentence."""
        sides: dict[str, Mention] = {}
        for i in range(lower, tok.i):
            described = self._described_side(tok.doc[i], mentions, frozenset())
            if described is not None:  # "sources close to *the movement*" name a side too
                sides.setdefault(described.actor["id"], described)
            ent = mentions.get(i)
            if ent is not None and ent.end - 1 == i and self._political_actor(ent._.actor) \
                    and not self._under_proxy(ent) and not self._modifies_nonpolitical(ent):
                sides.setdefault(ent._.actor["id"], Mention(ent._.actor, ent, False,
                                                            "coreference"))
        return list(sides.values()) if len(sides) == 2 else []

    def _is_political(self, tok: Token) -> bool:
        """A noun that makes its actor modifier a political actor ("*Egyptian*
        officials", "Russian foreign ministry *spokeswoman* Maria Zakharova")."""
        return tok.lower_ in self._political or tok.lemma_.lower() in self._political

    def _under_proxy(self, ent: Span) -> bool:
        """"*Gaza*-based", "*Iranian*-backed": the actor is not the one meant."""
        head = ent.root.head
        return head.i != ent.root.i and (head.lower_ in self._proxy or
                                         head.lemma_.lower() in self._proxy)

    def _antecedent(self, tok: Token, mentions: dict[int, Span],
                    exclude: frozenset[str] = frozenset()) -> Mention | None:
        """Coreference-lite: the nearest earlier resolved subject, else earlier mention,
        within the current and the previous sentence; "he"/"she" refer to a person or an
        official ("Egypt's prime minister … He") first, else to a subject, not to a
        modifier of something else ("the Berlin marathon … He"). A pronoun already being
        resolved further up has no antecedent of its own ("the man, whose … his"), which
        keeps the search finite."""
        if tok.i in self._resolving:
            return None
        self._resolving.add(tok.i)
        try:
            return self._find_antecedent(tok, mentions, exclude)
        finally:
            self._resolving.discard(tok.i)

    def _find_antecedent(self, tok: Token, mentions: dict[int, Span],
                         exclude: frozenset[str]) -> Mention | None:
        sent = tok.sent
        lower = sent.start
        if sent.start > 0:
            lower = tok.doc[sent.start - 1].sent.start
        if tok.lower_ in PLURAL:
            for i in range(tok.i - 1, lower - 1, -1):
                cand = tok.doc[i]
                if self._accused_plural(cand, mentions) and \
                        not self._actor_of(cand, "agent", mentions):
                    return None
                if cand.tag_ in ("NNS", "NNPS") and cand.i not in mentions and \
                        cand.lemma_.lower() in self._political:
                    found = [m for m in self._actor_of(cand, "agent", mentions)
                             if m.actor["id"] not in exclude]
                    if found:
                        return Mention(found[0].actor, found[0].span, False, "coreference")
        if tok.lower_ in PERSONAL:
            person = self._nearest_mention(tok, lower, mentions, exclude, persons_only=True)
            if person is not None:
                return person
        return self._nearest_mention(tok, lower, mentions, exclude,
                                     subjects_as_persons=tok.lower_ in PERSONAL)

    def _nearest_mention(self, tok: Token, lower: int, mentions: dict[int, Span],
                         exclude: frozenset[str], persons_only: bool = False,
                         subjects_as_persons: bool = False) -> Mention | None:
        """The nearest earlier subject mention, else the nearest mention. With
        `persons_only`, only a person or an official ("a *Belarusian* diplomat") counts:
        "he" after "Lithuania expelled a Belarusian diplomat" is the diplomat; with
        `subjects_as_persons` a subject counts as well ("Iran lost a player after she …")."""
        fallback = None
        for i in range(tok.i - 1, lower - 1, -1):
            if tok.lower_ == "it" and self._nonpolitical_subject(tok.doc[i], mentions):
                return None
            if tok.lower_ in self._possessives and tok.lower_ in NEUTER | PLURAL:
                described = self._described_subject(tok.doc[i], mentions, exclude)
                if described is not None:
                    return described[0] if described else None
            ent = mentions.get(i)
            if ent is None and tok.lower_ in PERSONAL | NEUTER and not (
                    tok.lower_ in PERSONAL and self._institution(tok.doc[i])):
                subject = self._subject_actor(
                    tok.doc[i], mentions, exclude,
                    objects=tok.lower_ in PERSONAL and i >= tok.sent.start)
                if subject is not None:
                    return subject
            if ent is None or not self._political_actor(ent._.actor) or ent.end - 1 != i \
                    or ent._.actor["id"] in exclude or self._under_proxy(ent) \
                    or self._modifies_nonpolitical(ent) or (
                        tok.lower_ in PERSONAL | NEUTER and _modifies_plural(ent)) or (
                        tok.lower_ in NEUTER and self._nationality_of_private(ent)):
                continue
            subject = ent.root.dep_ in ("nsubj", "nsubjpass")
            if (persons_only or subjects_as_persons) and not (
                    ent.label_ == "PERSON" or ent._.actor.get("person")
                    or (subjects_as_persons and subject)
                    or (ent.root.head.i != ent.root.i and self._is_political(ent.root.head)
                        and ent.root.head.tag_ not in ("NNS", "NNPS"))):
                continue  # "he" is one person: not "Kyrgyz security *services*"
            if ent.root.dep_ in ("nsubj", "nsubjpass") or ent.root.head.dep_ in ("nsubj",
                                                                                  "nsubjpass"):
                return self._owner_of_metonym(ent, mentions, exclude)
            fallback = fallback or self._owner_of_metonym(ent, mentions, exclude)
        return fallback

    def _described_subject(self, cand: Token, mentions: dict[int, Span],
                           exclude: frozenset[str]) -> list[Mention] | None:
        """"after *the faction* went public with claims that Iranian officers listened in
        on *its* commanders' calls", "*the militia that* accused Tehran of bugging *its*
        offices": a definite group description (`description_kinds`) as a subject, or the
        noun a relative subject stands for, is what a later "its"/"their" means: the
        nearest earlier actor of its kind, never a state or city named in between. An
        empty list: the description names a group the dictionary does not know."""
        if cand.dep_ not in ("nsubj", "nsubjpass"):
            return None
        if cand.lower_ in ("that", "which", "who") and cand.head.dep_ == "relcl":
            cand = cand.head.head
        kind = self._described_kinds.get(cand.lemma_.lower())
        if kind is None or cand.i in mentions or cand.tag_ != "NN" or \
                not any(c.dep_ == "det" and c.lower_ == "the" for c in cand.children) or \
                any(c.lower_ in self._other_sides or c.i in mentions or _common_compound(c)
                    for c in cand.children):
            return None
        ent = self._nearest_earlier(cand, mentions, exclude, lambda e: e._.actor.get(
            "kind") == kind and not self._under_proxy(e))
        return [] if ent is None else [Mention(ent._.actor, ent, False, "coreference")]

    def _nationality_of_private(self, ent: Span) -> bool:
        """"the *Russian* ornithologist who found it denied that *it* was a hoax": a
        nationality adjective on a noun with no political head is no antecedent of "it"."""
        root = ent.root
        return root.dep_ == "amod" and root.head.i != root.i and \
            root.head.pos_ == "NOUN" and not self._is_political(root.head)

    def _nonpolitical_word(self, tok: Token) -> bool:
        """A non-political head noun, also hyphenated ("start-up")."""
        words = {tok.lower_, tok.lemma_.lower()}
        if tok.i >= 2 and tok.doc[tok.i - 1].text == "-":
            words.add(f"{tok.doc[tok.i - 2].lower_}-{tok.lower_}")
        return bool(words & self._nonpolitical)

    def _nonpolitical_subject(self, cand: Token, mentions: dict[int, Span]) -> bool:
        """"*The start-up* counts lenders in Luxembourg among its clients. *It* denied a
        report": a nearer main-clause subject with a non-political head (a company, a
        team) is what "it" means, not an actor named after it; a subject inside a reported
        clause ("said *the cell* had gathered …") is not the topic."""
        return cand.dep_ in ("nsubj", "nsubjpass") and cand.head.dep_ == "ROOT" and \
            cand.i not in mentions and \
            cand.pos_ in ("NOUN", "PROPN") and self._nonpolitical_word(cand)

    def _owner_of_metonym(self, ent: Span, mentions: dict[int, Span],
                          exclude: frozenset[str]) -> Mention:
        """An antecedent like "the *Palestinian Authority's* General Intelligence Service"
        (a metonym that also names another state's body) means its possessor, as the
        mention itself does, also when the possessor is excluded ("Pakistan's Foreign
        Office" is never the British one)."""
        owner = self._possessor(ent, mentions, frozenset()) \
            if ent._.actor.get("via") == "metonym" else []
        if owner:
            return Mention(owner[0].actor, owner[0].span, False, "coreference")
        return Mention(ent._.actor, ent, False, "coreference")

    def _institution(self, noun: Token) -> bool:
        """A body, not a person ("its security *service* concluded that he …"): "he" and
        "she" never refer to it."""
        return noun.lemma_.lower() in self._institutions or noun.lower_ in self._institutions

    def _accused_plural(self, cand: Token, mentions: dict[int, Span]) -> bool:
        """"charged *two men* with espionage …, alleging *they* photographed": the people
        an allegation is about are what "they" refers to; without a side of their own,
        "they" has no antecedent (not the prosecutors before them)."""
        return cand.tag_ == "NNS" and cand.i not in mentions and \
            cand.dep_ in ("dobj", "nsubjpass") and cand.head.lemma_.lower() in self._allegers

    def _modifies_nonpolitical(self, ent: Span) -> bool:
        """"the *Finnish* studio … it rejected claims": a nationality modifying a
        non-political head is no antecedent; the pronoun means the studio."""
        root = ent.root
        return root.dep_ in ("amod", "compound", "poss", "nmod") and root.head.i != root.i \
            and (root.head.lower_ in self._nonpolitical or
                 root.head.lemma_.lower() in self._nonpolitical)

    def _subject_actor(self, cand: Token, mentions: dict[int, Span],
                       exclude: frozenset[str], objects: bool = False) -> Mention | None:
        """"A crew member of a Chinese coast guard vessel … swam to the island, where
        *he* defected": a singular subject noun with a political head ("member",
        "officer") whose noun phrase names an actor is the antecedent of "he"/"she". With
        `objects` (same sentence) an object counts too: "ordered *a staff member of the
        Indian mission* to leave, accusing *him* of espionage"."""
        roles = ("nsubj", "nsubjpass", "dobj") if objects else ("nsubj", "nsubjpass")
        if cand.dep_ not in roles or cand.pos_ != "NOUN" or \
                cand.tag_ != "NN" or not self._is_political(cand):
            return None
        found = [m for m in self._actor_of(cand, "agent", mentions, exclude)
                 if m.actor["id"] not in exclude]
        return Mention(found[0].actor, found[0].span, False, "coreference") if found else None

    def _nearest_other(self, head: Token, sources: list[Mention],
                       mentions: dict[int, Span]) -> list[Mention]:
        """Last resort: the subject of an enclosing clause (who arrested, reported or
        discovered it), else the closest other political actor in the sentence that does
        not only modify a non-political noun."""
        src_ids = frozenset(s.actor["id"] for s in sources)
        sent = head.sent
        for verb in (a for a in head.ancestors if is_verb(a)):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                        and c.i != head.i and head not in c.subtree]
            main = self._actors(subjects, "victim", mentions, src_ids)
            if main:
                return [Mention(m.actor, m.span, False, "inferred") for m in main[:3]]
        best: tuple[int, int, Span] | None = None
        for ent in {id(e): e for i, e in mentions.items() if sent.start <= i < sent.end}.values():
            if ent._.actor["id"] in src_ids or not self._political_actor(ent._.actor) or \
                    self._under_proxy(ent) or self._modifies_nonpolitical(ent):
                continue  # "equipment from *Israeli* manufacturers" names no side
            key = (abs(ent.root.i - head.i), ent.start, ent)
            if best is None or key[:2] < best[:2]:
                best = key
        return [Mention(best[2]._.actor, best[2], False, "inferred")] if best else []

    def _body_of_named(self, head: Token, mentions: dict[int, Span],
                       exclude: frozenset[str]) -> list[Mention]:
        """"forces loyal to Yemen's government …, *the government's* defence ministry
        announced", "*government*-run Saba news agency reported": a body owned by a bare
        description noun belongs to the actor of the same noun named just before."""
        owners = [t for t in head.subtree if t.i < head.i and t.pos_ == "NOUN"
                  and t.lemma_.lower() in self._descriptions]
        return [m for t in owners[:1] for m in self._same_head_antecedent(t, "victim", mentions,
                                                                           exclude)]
