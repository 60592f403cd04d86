"""Defection rules: the side left and the side joined, from destinations, refuge,
surrender, descriptions of the defector and the article. Mixed into `Coder`."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from riftwatch.coding.clauses import (
    _custody_sides,
    _home_side,
    _passive_agents,
    _refuge_places,
    _side_ends,
)
from riftwatch.coding.drafts import (
    Draft,
    Mention,
)
from riftwatch.coding.syntax import (
    Args,
    charge_behalf,
    collect_args,
    governing_verb,
    is_verb,
    nested_behalf,
)


def _posting_place(mention: Mention, spec: dict[str, Any]) -> bool:
    """"Thae, then deputy ambassador *in London*, defected": the city or state a diplomat
    was posted in (an "in"/"at" phrase on a `posting_nouns` word) is no side they left."""
    if mention.span is None or mention.span.root.ent_type_ != "GPE":
        return False
    prep = mention.span.root.head
    return mention.span.root.dep_ == "pobj" and prep.lower_ in ("in", "at") and \
        prep.head.lemma_.lower() in spec.get("posting_nouns", [])


def _described_name(tok: Token) -> bool:
    """"*Karrar al-Mayahi, a Kataib Hezbollah commander,* fled to Erbil": a name with an
    apposition describing its bearer is a person (the entity recogniser may not have run
    on the sentence)."""
    return tok.pos_ == "PROPN" and any(c.dep_ == "appos" and c.pos_ == "NOUN"
                                       for c in tok.children)


def _purpose(verb: Token) -> bool:
    """"broke with the regime *to join* the rebels": a purpose infinitive tells the side
    joined."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                        for c in verb.children)


class DefectionRules:
    """The side left and the side joined of defections."""

    def _civilian_movers(self, spec: dict[str, Any], head: Token) -> bool:
        """"The Syrian *refugee family* was granted asylum", "*civilians* fled to Chad":
        refugees and civilians finding safety are no defectors from a side."""
        nouns = set(spec.get("civilian_nouns", []))
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        subjects += [o for c in subjects for p in c.children if p.dep_ == "prep"
                     and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        # "Sara Klein, *a German tourist*, fled to Austria"
        subjects += [a for c in subjects for a in c.children if a.dep_ == "appos"]
        return any(t.lemma_.lower() in nouns or t.lower_ in nouns for s in subjects
                   for t in [s, *(c for c in s.children if c.dep_ in ("compound", "amod"))])

    def _defection_roles(self, spec: dict[str, Any], args: Args, head: Token,
                         mentions: dict[int, Span]) -> tuple[list[Mention], list[Mention]]:
        """Side left and side joined. A defection told only as movement plus joining
        ("fled across the border and was accepted into the army of Poland", "crossed
        into Thailand and announced that he had joined the resistance") needs a defector
        who belongs to a side (an officer *of* X, an X-ian guard, not "Afghans"), and the
        side joined wins over the place reached."""
        described = self._two_sides(spec, head, mentions)
        if described is not None:
            return described
        pick = self._actors
        preps = args.preps
        left = [t for p in spec.get("source_preps", []) for t in preps.get(p, [])]
        sources = []
        if head.lemma_.lower() in spec.get("movement_triggers", []) and is_verb(head):
            # "members of the PKK crossed the border *from northern Iraq*": the mover's
            # side comes before the place left
            for tok in (t for tier in args.agent_tiers() for t in tier):
                sources = [m for m in self._actors([tok], "victim", mentions)
                           if m.how != "coreference"]
                if sources:  # the mover itself, not a noun of its relative clause
                    break
        if not sources and is_verb(head) and head.lemma_.lower() in spec.get("leaving_verbs", []):
            # "quit *the Taliban* and joined the Islamic State": the group left
            sources = pick([p for p in args.patients if p.dep_ == "dobj" and p.i in mentions],
                           "patient", mentions)
        sources = sources or pick(left, "patient", mentions)
        if not sources and any(t.pos_ == "PROPN" for t in left):
            return [], []  # "defected from the Conservatives": a side with no actor id
        if self._unnamed_or_private_side(spec, args, head, mentions) or \
                self._visit(spec, head):
            return [], []
        if not sources and spec.get("of_is_agent") and not is_verb(head):
            sources = pick(preps.get("of", []), "victim", mentions)
        if not sources and spec.get("passive_subject_is_agent"):
            sources = pick([p for p in args.patients if p.dep_ == "nsubjpass"], "victim",
                           mentions)
        if not sources and spec.get("agent_is_source"):
            sources = self._quantity_members(head, mentions) or \
                self._first_agents(args, mentions, "victim")
        if not sources:
            sources = pick(self._serving_as(head), "victim", mentions)
        if not sources:
            sources = self._described_defector(spec, args, head, mentions)
        sources = self._absorbed_group(args, sources, mentions) or sources
        joins = set(spec.get("join_verbs", [])) | set(spec.get("refuge_verbs", []))
        motion = head.lemma_.lower() in spec.get("movement_triggers", []) and is_verb(head)
        join_verbs = [c for c in (head.subtree if motion else head.children) if c.i != head.i
                      and (motion or c.dep_ in ("conj", "xcomp") or _purpose(c)) and is_verb(c)
                      and c.lemma_.lower() in joins] + self._defector_clauses(head, joins)
        refuge = set(spec.get("object_preps", {}))  # "asked for *asylum*" joins no one
        bonds = set(spec.get("bond_nouns", []))  # "pledged *allegiance*" names no side
        joined = [o for c in join_verbs for o in collect_args(c, self.settings).patients
                  if o.lemma_.lower() not in refuge | bonds and c.is_ancestor(o)]
        siding = head.lemma_.lower() in spec.get("join_verbs", []) and is_verb(head)
        if siding:
            joined += args.patients  # "joined the *Ukrainian* side"
        if (motion or siding) and not any(self._is_political(a) or a.ent_type_ == "PERSON"
                                          or _described_name(a)
                                          for tier in args.agent_tiers() for a in tier) \
                and not self._quantity_members(head, mentions):
            sources = []
        taken = frozenset(m.actor["id"] for m in sources)
        # "surrendered *to* Ukrainian forces", "applied for asylum *in* Norway"
        reached = [o for c in join_verbs for p in c.children if p.dep_ == "prep"
                   and p.lower_ in spec.get("join_preps", []) for o in p.children
                   if o.dep_ == "pobj"] + _refuge_places(join_verbs, spec)
        if is_verb(head) and head.lemma_.lower() in spec.get("refuge_verbs", []):
            # "applied for asylum *in Germany*" with the refuge verb as the trigger
            reached += [t for p in spec.get("join_preps", []) for t in preps.get(p, [])]
            reached += _refuge_places([head], spec)
        held = _custody_sides([c for c in (head.subtree if motion else head.children)
                               if c.i != head.i and (motion or c.dep_ == "conj") and is_verb(c)
                               and c.lemma_.lower() in spec.get("custody_verbs", [])]
                              + [head], spec)
        keepers = pick(held, "patient", mentions)
        if keepers and all(m.actor["id"] in taken for m in keepers):
            return [], []  # "fled his unit and was taken into custody by *Russian* police"
        keepers = [m for m in keepers if m.actor["id"] not in taken]
        onward = self._onward(spec, head) if motion else None
        if onward is not None:  # the place crossed was on the way
            targets = pick(onward, "patient", mentions, taken)
            return (sources, targets) if targets else ([], [])
        if motion and (join_verbs or held):
            if joined:  # a side joined, even one that resolves to no actor, wins
                return sources, pick(joined, "patient", mentions, taken)
            targets = pick(reached, "patient", mentions, taken) or keepers
            for place in self._destinations(head, spec) if not targets else []:
                targets = targets or pick(place, "patient", mentions, taken)
            return sources, targets or self._other_half(spec, head, sources)
        asylum = [t for o in args.patients for p in
                  spec.get("object_preps", {}).get(o.lemma_.lower(), [])
                  for t in preps.get(p, [])]
        targets = pick([t for p in spec.get("target_preps", []) for t in preps.get(p, [])]
                       + joined + asylum, "patient", mentions, taken) or \
            pick(reached, "patient", mentions, taken) or keepers
        for place in self._destinations(head, spec) if not targets else []:
            targets = targets or pick(place, "patient", mentions, taken)
        return sources, targets or self._asylum_host(spec, head, mentions, taken) or \
            self._other_half(spec, head, sources)

    def _two_sides(self, spec: dict[str, Any], head: Token, mentions: dict[int, Span]
                   ) -> tuple[list[Mention], list[Mention]] | None:
        """A defection told by a description of a person's two sides, with no verb of
        defecting: "*Now a commander with the SDF*, the former Syrian army major …", "a
        former colonel in Assad's army *who now fights with* the SDF", "*Until last
        month* a commander of the RSF, he now leads a unit of the army", "*Dressed in the
        uniform of* the Ukrainian army, the former Russian lieutenant …". The side left is
        the one the former office names, the side joined the one the present clause
        serves; both must be named political sides and differ (a retiree "now a consultant
        in London", a minister moved between ministries of one state give none). None: the
        head is no such described person."""
        if is_verb(head) or head.lemma_.lower() not in spec.get("described_roles", []):
            return None
        former = set(spec.get("former_markers", []))
        until = head.head.lower_ in ("until", "till") and head.dep_ in ("pobj", "prep")
        if not until and not any(c.lower_ in former for c in head.children):
            return None
        person = head.head if head.dep_ == "appos" else head
        clauses = [c for t in {head, person} for c in t.children if c.dep_ in ("relcl", "acl")]
        gov = person.head if person.dep_ in ("nsubj", "nsubjpass") else None
        gov = head.head.head if until and is_verb(head.head.head) else gov
        clauses += [gov] if gov is not None and is_verb(gov) else []
        if any(c.dep_ == "neg" for v in clauses for c in v.children):
            return [], []
        left = [o for c in head.children if c.dep_ in ("amod", "compound", "poss", "nmod", "prep")
                and c.lower_ not in former and c.lower_ not in ("as",) for o in c.subtree
                if o.i in mentions]
        sources = [m for m in self._actors(left, "victim", mentions) if m.how != "coreference"]
        if not sources:
            return [], []
        taken = frozenset(m.actor["id"] for m in sources)
        joined = self._present_side(spec, clauses, gov)
        targets = [m for m in self._actors([t for t in joined if t.i in mentions], "patient",
                                           mentions, taken) if m.how != "coreference"]
        return (sources, targets) if targets else ([], [])

    def _present_side(self, spec: dict[str, Any], clauses: list[Token],
                      gov: Token | None) -> list[Token]:
        """The words naming the side a described person serves now: the objects of a
        serving verb marked "now"/"today" ("who now *fights with* the SDF", "now *leads a
        unit of* the army", "now *represents* Mongolia"), a role noun marked so on the
        person's verb ("*Now a commander with* the rebels, …"), or a uniform worn ("in the
        *uniform of* the Ukrainian army")."""
        present = set(spec.get("present_markers", []))
        serving = set(spec.get("serving_verbs", []))
        roles = set(spec.get("described_roles", []))
        preps = set(spec.get("serving_preps", []))
        uniforms = set(spec.get("uniform_nouns", []))

        def served(tok: Token) -> list[Token]:
            """Tokens of the sides a verb or role noun serves (its objects and their
            "of" phrases, its serving prepositions' objects, "serves *as* a commander in")."""
            return [t for c in tok.children if c.dep_ in ("dobj", "attr") or
                    (c.dep_ == "prep" and (c.lower_ == "as" or c.lower_ in preps))
                    for t in c.subtree]

        for verb in clauses:
            marked = any(c.lower_ in present for c in verb.children)
            if marked and verb.lemma_.lower() in serving:
                return served(verb)
            for noun in verb.children:  # "Now a commander with the rebels, the major says"
                if noun.dep_ in ("advcl", "npadvmod", "appos", "attr") and \
                        noun.lemma_.lower() in roles and \
                        (marked or any(c.lower_ in present for c in noun.children)):
                    return [t for c in noun.children if c.dep_ == "prep" and c.lower_ in preps
                            for t in c.subtree]
        worn = [t for v in clauses if v is gov for t in v.subtree if t.lower_ in uniforms
                and t.dep_ in ("pobj", "dobj")]
        return [t for u in worn for c in u.children if c.dep_ == "prep" and c.lower_ == "of"
                for t in c.subtree]

    def _other_half(self, spec: dict[str, Any], head: Token,
                    sources: list[Mention]) -> list[Mention]:
        """"A North Korean soldier defected *to the South*": for a defector from one half
        of a divided state (`divided_halves`), "the South" or "the North" reached is the
        other half."""
        halves = {m.actor["id"] for m in sources}
        if len(halves) != 1:
            return []
        other = spec.get("divided_halves", {}).get(halves.pop(), {})
        verbs = [head, *(c for c in head.children if c.dep_ == "conj" and is_verb(c))]
        ends = [o.lower_ for v in verbs for p in v.children if p.dep_ == "prep"
                and p.lower_ in ("to", "into") for o in p.children if o.dep_ == "pobj"
                and o.pos_ == "PROPN" and any(d.lower_ == "the" for d in o.children)]
        state = next((other[e] for e in ends if e in other), None)
        if state is None or state not in self._states:
            return []
        actor = {**self._states[state], "resolved": True, "via": "divided_half",
                 "role": None, "kind": "state"}
        return [Mention(actor, None, False, "divided_half")]

    @staticmethod
    def _onward(spec: dict[str, Any], head: Token) -> list[Token] | None:
        """"crossed into Mauritania and said he was *heading to Morocco*", "… and declared
        he was *returning to the motherland*": a journey told as going on (`onward_verbs`)
        makes the place crossed a stop on the way; the side joined is where he heads (no
        defection when that names no side). None: no onward journey told."""
        verbs = set(spec.get("onward_verbs", []))
        ends = [o for v in head.subtree if v.i != head.i and is_verb(v)
                and v.lemma_.lower() in verbs for p in v.children
                if p.dep_ == "prep" and p.lower_ in ("to", "towards", "toward")
                for o in p.children if o.dep_ == "pobj"]
        return ends or None

    def _quantity_members(self, head: Token, mentions: dict[int, Span]) -> list[Mention]:
        """"*Dozens of al-Shabaab fighters* surrendered": the members counted by a
        quantity subject name the side left; a people counted ("millions of
        *Ukrainians*") are no members of a side."""
        return self._actors([o for c in head.children if c.dep_ == "nsubj"
                             and c.i not in mentions for p in c.children
                             if p.dep_ == "prep" and p.lower_ == "of"
                             for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"
                             and not o.ent_type_], "victim", mentions)

    def _asylum_host(self, spec: dict[str, Any], head: Token, mentions: dict[int, Span],
                     taken: frozenset[str]) -> list[Mention]:
        """"An Iranian diplomat *in Norway* requested asylum": asking for refuge with no
        place named asks it of the state where the defector is."""
        if not is_verb(head) or head.lemma_.lower() not in spec.get("refuge_verbs", []):
            return []
        # "… *in Norway* requested asylum", "jumped ship *in Norway* and requested asylum"
        near = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        near += [head.head] if head.dep_ == "conj" and is_verb(head.head) else []
        return self._states_in(near, mentions, taken) or \
            self._where_host(head, mentions, taken)

    def _where_host(self, head: Token, mentions: dict[int, Span],
                    taken: frozenset[str]) -> list[Mention]:
        """"has surfaced *in Belarus, where* he asked for asylum": a refuge asked in a
        "where" clause on a state is asked of that state."""
        place = head.head
        if head.dep_ != "relcl" or place.ent_type_ != "GPE" or \
                not any(c.lower_ == "where" for c in head.children):
            return []
        return [m for m in self._actors([place], "patient", mentions, taken)
                if m.actor.get("kind") == "state"]

    def _settled_in(self, spec: dict[str, Any], head: Token, mentions: dict[int, Span],
                    taken: frozenset[str]) -> list[Mention]:
        """"A Russian officer *who deserted* last year is now living in Germany", "the
        diplomat, who defected in 2023, now lives in Seoul": a defector told in a relative
        clause whose own clause says where they live or stay went over to that state."""
        if head.dep_ != "relcl" or head.head.dep_ not in ("nsubj", "nsubjpass"):
            return []
        verb = head.head.head
        if not is_verb(verb) or verb.lemma_.lower() not in spec.get("custody_verbs", []):
            return []
        return self._states_in([verb], mentions, taken)

    def _states_in(self, heads: list[Token], mentions: dict[int, Span],
                   taken: frozenset[str]) -> list[Mention]:
        """The states named by "in" phrases on these words ("a diplomat *in Norway*",
        "now lives *in Seoul*"): where a defector is, as the side joined."""
        places = [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "in"
                  for o in p.children if o.dep_ == "pobj" and o.ent_type_ == "GPE"]
        return [m for m in self._actors(places, "patient", mentions, taken)
                if m.actor.get("kind") == "state"]

    def _refuge_granted(self, spec: dict[str, Any], head: Token, sources: list[Mention],
                        targets: list[Mention], mentions: dict[int, Span],
                        ) -> tuple[list[Mention], list[Mention]]:
        """"*Kazakhstan* granted asylum *to a Russian deserter*": the one given refuge
        (`grant_verbs` with a `granted_nouns` object) left its side, and the granter is the
        side joined, never the other way round; "granted refugee status to a soldier *who
        deserted*" gives the desertion its target."""
        verb, relative = head, False
        if head.dep_ in ("relcl", "acl") and head.head.dep_ in ("pobj", "dative"):
            noun = head.head
            verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "to" \
                else noun.head
            relative = True
        if not is_verb(verb) or verb.lemma_.lower() not in spec.get("grant_verbs", []) or \
                not any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in
                        spec.get("granted_nouns", []) for c in verb.children):
            return sources, targets
        granters = self._actors([c for c in verb.children if c.dep_ == "nsubj"] +
                                _passive_agents(verb), "agent", mentions)
        if relative:
            taken = {m.actor["id"] for m in sources}
            return sources, targets or [m for m in granters if m.actor["id"] not in taken]
        given = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "to"
                 for o in p.children if o.dep_ == "pobj"]
        given += [c for c in verb.children if c.dep_ == "dative"]
        if _passive_agents(verb):
            given += [c for c in verb.children if c.dep_ == "nsubjpass"]
        left = self._actors(given, "victim", mentions)
        if not left:
            return sources, targets
        taken = frozenset(m.actor["id"] for m in left)
        return left, [m for m in granters if m.actor["id"] not in taken]

    def _team_sponsors_dropped(self, spec: dict[str, Any], head: Token,
                               targets: list[Mention]) -> list[Mention]:
        """In a sport context a state naming a team ("joined *UAE* Team Emirates", a
        club's sponsor or home, `blocked_heads`) is no side a player defects to."""
        if not targets or not self._exempt_context(spec, head):
            return targets
        blocked = set(spec.get("blocked_heads", []))
        return [m for m in targets if m.span is None or not any(
            t.lower_ in blocked for t in [m.span.root.head, *m.span.root.head.children])]

    def _home_state(self, spec: dict[str, Any], head: Token,
                    sources: list[Mention]) -> list[Mention] | None:
        """"A commander of the RSF defected *to the army*", "an al-Shabaab official
        surrendered *to government forces*", "reached *government lines*": a group's
        member going over to unnamed state forces (`home_side_nouns`) joins the state the
        group fights in (its dictionary country; not one in `no_home_state`). A bare
        surrender ("had surrendered along with 16 fighters") is a defection only for a
        group's member, to that state (None: no event)."""
        homes = {self._group_country.get(m.actor["id"]) for m in sources}
        home = homes.pop() if len(homes) == 1 else None
        if home in spec.get("no_home_state", []) or home not in self._states:
            home = None
        bare = is_verb(head) and head.lemma_.lower() in spec.get("bare_surrender_verbs", []) \
            and not any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in head.children)
        if bare and (home is None or not any(c.dep_ == "nsubj" for c in head.children) or
                     any(c.dep_ == "conj" and is_verb(c) for c in head.children)):
            return None  # "surrendered at the border and defected to Israel": told there
        if home is None:
            return []
        sides = set(spec.get("home_side_nouns", []))
        if not bare and not any(_home_side(t, sides) for t in _side_ends(head, spec)):
            return []
        actor = {**self._states[home], "resolved": True, "via": "home_state", "role": None,
                 "kind": "state"}
        return [Mention(actor, None, False, "home_state")]

    @staticmethod
    def _visit(spec: dict[str, Any], head: Token) -> bool:
        """"the commander of the Quds Force flew into Baghdad *and met* faction leaders":
        a journey told with a meeting is a visit, not a defection."""
        if not is_verb(head) or head.lemma_.lower() not in spec.get("movement_triggers", []):
            return False
        visits = set(spec.get("visit_verbs", []))
        near = [c for c in head.children if c.dep_ in ("conj", "advcl", "xcomp")]
        near += [c for v in near for c in v.children if c.dep_ == "xcomp"]
        return any(v.lemma_.lower() in visits for v in near)

    @staticmethod
    def _defector_clauses(head: Token, joins: set[str]) -> list[Token]:
        """"The defector, a former officer of X *who surrendered to Congolese forces*":
        a joining verb in a relative clause on the defector noun or its apposition ("who"
        clauses the parser hung on a noun inside the apposition count too)."""
        if is_verb(head):
            return []
        verbs = [v for v in head.children if v.dep_ == "relcl"]
        verbs += [v for a in head.children if a.dep_ == "appos" for v in a.subtree
                  if v.dep_ == "relcl" and (v.head.i == a.i or any(
                      c.dep_ == "nsubj" and c.lower_ == "who" for c in v.children))]
        return [v for v in verbs if is_verb(v) and v.lemma_.lower() in joins]

    def _unnamed_or_private_side(self, spec: dict[str, Any], args: Args, head: Token,
                                 mentions: dict[int, Span]) -> bool:
        """Switches that are no defection between political sides: going over *to a
        Swiss bank* (a non-political destination), or quitting *the Congress party*
        and joining another (the side left is named but has no actor id)."""
        ends = [t for p in spec.get("target_preps", []) for t in args.preps.get(p, [])]
        if any(t.lemma_.lower() in self._nonpolitical or t.lower_ in self._nonpolitical
               for t in ends) and not self._actors(ends, "patient", mentions):
            return True
        if head.lemma_.lower() not in spec.get("leaving_verbs", []) or not is_verb(head):
            return False
        sides = [p for p in args.patients if p.dep_ == "dobj"]
        named = [t for s in sides for t in [s, *s.children] if t.pos_ == "PROPN"
                 and t.dep_ in ("dobj", "compound", "poss", "amod", "nmod")]
        return bool(named) and not self._actors(sides, "patient", mentions)

    def _described_defector(self, spec: dict[str, Any], args: Args, head: Token,
                            mentions: dict[int, Span]) -> list[Mention]:
        """A defector told by a description: "*the diplomat*, who served at North
        Korea's embassy in Kuwait, defected", "*The defector*, a former officer in Iran's
        Revolutionary Guards, …", or "North Korea's deputy ambassador in London has
        disappeared. *The diplomat* defected …" (the nearest earlier official)."""
        roles = set(self.settings.get("role_verbs", []))
        nouns = set(spec.get("defector_nouns", []))
        people = [t for t in args.agents if t.pos_ == "NOUN"] if is_verb(head) else [head]
        for tok in people:
            held = [o for c in tok.children if c.dep_ in ("relcl", "acl")
                    and c.lemma_.lower() in roles for p in c.children
                    if p.dep_ == "prep" and p.lower_ in ("as", "at", "in", "with", "for")
                    for o in p.children if o.dep_ == "pobj"]
            held += [c for c in tok.children if c.dep_ == "appos"]
            found = self._actors(held, "victim", mentions)
            if found:
                return found
            if tok.tag_ == "NN" and tok.lemma_.lower() in nouns and \
                    any(c.lower_ == "the" for c in tok.children):
                lower = tok.doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 \
                    else tok.sent.start
                ante = self._nearest_mention(tok, lower, mentions, frozenset(),
                                             persons_only=True)
                if ante is not None:
                    return [ante]
        return []

    def _absorbed_group(self, args: Args, sources: list[Mention],
                        mentions: dict[int, Span]) -> list[Mention]:
        """"eleven former *Wagner* mercenaries *serving in a Russian* defence ministry
        corps crossed …": fighters of a group now serving in a state's forces leave
        that state, not the group they came from."""
        if not sources or any(m.actor.get("kind") != "group" for m in sources):
            return []
        roles = set(self.settings.get("role_verbs", []))
        units = [o for tok in args.agents for c in tok.children
                 if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in roles
                 for p in c.children if p.dep_ == "prep" and p.lower_ in ("in", "with")
                 for o in p.children if o.dep_ == "pobj"]
        return [m for m in self._actors(units, "victim", mentions)
                if m.actor.get("kind") == "state"]

    def _serving_as(self, head: Token) -> list[Token]:
        """"defected in 2016 *while serving as North Korea's deputy ambassador*": the
        office a person held names the side they belonged to."""
        roles = set(self.settings.get("role_verbs", []))
        gov = head if is_verb(head) else governing_verb(head)
        if gov is None:
            return []
        return [o for c in gov.children if c.dep_ == "advcl" and c.lemma_.lower() in roles
                for p in c.children if p.dep_ == "prep" and p.lower_ == "as"
                for o in p.children if o.dep_ == "pobj"]

    @staticmethod
    def _governor_behalf(head: Token, args: Args) -> list[Token]:
        """"charged two men with *espionage on behalf of* Russia's military intelligence"
        with the behalf phrase on the verb: it names who a nominal act was for."""
        gov = None if is_verb(head) else governing_verb(head)
        found = [] if gov is None else nested_behalf([gov], args.behalf_nouns)
        return found or charge_behalf(head, args.behalf_nouns)

    @staticmethod
    def _destinations(head: Token, spec: dict[str, Any]) -> list[list[Token]]:
        """Where a defector went, from a coordinated or enclosing motion verb, nearest
        verb first: "crossed into Jordan and announced his defection", "defected and fled
        to Seoul", "landed at a *Ukrainian* airfield, switching sides", "flew into
        *Ethiopian* airspace and landed …, where he asked for asylum"."""
        gov = head if is_verb(head) else governing_verb(head)
        if gov is None:
            return []
        verbs = {gov, *[c for c in gov.children if c.dep_ == "conj"]}
        if gov.dep_ == "conj":
            verbs.add(gov.head)
        verbs |= {a for a in gov.ancestors if is_verb(a)}
        verbs |= {c for a in list(verbs) for c in a.children if c.dep_ == "conj" and is_verb(c)}
        # "the pilot *who flew his plane to Uzbekistan* was granted asylum there"
        verbs |= {r for s in gov.children if s.dep_ in ("nsubj", "nsubjpass")
                  for r in s.children if r.dep_ == "relcl" and is_verb(r)}
        # "defected … and *is believed to have been flown to* the United States"
        verbs |= {x for a in list(verbs) if a.i != gov.i for x in a.children
                  if x.dep_ == "xcomp" and is_verb(x)}
        motion = spec.get("motion_verbs", {})
        # "reached *the Polish border* and handed himself over to border guards"
        fronts = set(spec.get("frontier_nouns", []))
        return [[o for p in v.children if p.dep_ == "prep" and p.lower_ in
                 motion[v.lemma_.lower()] for o in p.children if o.dep_ == "pobj"]
                + [o for o in v.children if o.dep_ == "dobj" and v.lemma_.lower() == "reach"
                   and o.lemma_.lower() in fronts]
                for v in sorted(verbs, key=lambda v: (abs(v.i - gov.i), v.i))
                if v.lemma_.lower() in motion]

    @staticmethod
    def _defection_sides(drafts: list[Draft]) -> None:
        """A defection's side joined is never the side left in the same article: a
        defection whose source is the side another one joins ("they asked for asylum"
        read as the Lithuanians after "a Belarusian crew … landed near the Lithuanian
        town") is that defection, told again."""
        moves = [d for d in drafts if d.etype == "defection"]
        joined = {d.target.actor["id"]: d.target for d in moves if d.target is not None}
        left = {d.source.actor["id"]: d.source for d in moves
                if d.source.actor["id"] not in joined}
        if len(left) != 1:
            return
        side = next(iter(left.values()))
        for d in moves:
            src = d.source.actor["id"]
            if src in joined and (d.target is None or d.target.actor["id"] in left):
                d.target = joined[src]
                d.source = side
