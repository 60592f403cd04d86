"""Denial rules: who denies, what counts as a denial without a denial verb, and
which accuser (if any) a denial answers. Mixed into `Coder`."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from riftwatch.coding.clauses import (
    _claimants,
    _complement_claims,
    _denying,
    _own_statement,
)
from riftwatch.coding.drafts import (
    DEFINITE,
    FIRST_PERSON,
    NEUTER,
    PERSONAL,
    PLURAL,
    PROMPTING_MARKS,
    Draft,
    Mention,
)
from riftwatch.coding.syntax import (
    Args,
    Modality,
    allegation_parties,
    attribution,
    clause_subjects,
    denial_predicate,
    first_conjunct,
    governing_verb,
    is_verb,
    predicate_governor,
    relative_allegation,
)


class DenialRules:
    """The roles and article-level links of denials."""

    def _denial_in_denial(self, head: Token, mod: Modality) -> bool:
        """"Iran's consulate *dismissed* the arrests …, a charge Erbil has always
        rejected": a denial verb with a subject of its own, read as the clause another
        rejecting verb governs, is no denied act but a denial of its own (the parse took
        the trailing apposition for the main clause)."""
        if mod.block != "denied" or mod.at is None or not is_verb(head):
            return False
        gov = head.doc[mod.at]
        return gov.lemma_.lower() in self._negators and head.head.i == gov.i and \
            head.dep_ in ("ccomp", "parataxis") and \
            any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in head.children)

    def _innocent_side(self, head: Token) -> bool:
        """"Russia *has never spied* on India", "France does not spy on its partners,"
        the ministry said: a side's statement that it never did a hostile act
        (`innocence_verbs`, negated) denies it. The side must be the subject (a named
        political actor, a pronoun or "its agents") of a clause a speaker reports or
        quotes, and a named speaker must be that same side (not "Iran never spied on
        Iraq, Baghdad said")."""
        if not is_verb(head):
            return False
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return False
        if not any(c.dep_ == "neg" for c in head.children) and not self._none_of_side(subj):
            return False
        cur = first_conjunct(head)
        stance = self._stance_verb(cur)
        reported = cur.dep_ in ("ccomp", "parataxis") and \
            cur.head.lemma_.lower() in self._own_denial_reporters
        before = [t for t in head.sent if t.i < head.i and t.text in ('"', "“", "”")]
        if not reported and stance is None and len(before) % 2 == 0:
            return False
        if subj.pos_ == "PRON":
            return subj.lower_ in self._pronouns | FIRST_PERSON
        if any(c.dep_ == "poss" and c.lower_ in self._possessives | {"our"}
               for c in subj.children):
            return True
        side = self._actors([subj], "agent", self._mention_map(head))
        if not side or side[0].actor.get("person") or not (
                side[0].direct or self._none_of_side(subj)):
            return False
        speaker = self._actors(clause_subjects(stance or cur.head, self.settings), "agent",
                               self._mention_map(head)) if reported or stance else []
        return all(m.actor["id"] == side[0].actor["id"] for m in speaker[:1])

    def _stance_verb(self, clause: Token) -> Token | None:
        """"Tehran *reiterated its position that* it has never spied on Iraq": a clause
        told as the content of a side's restated stance (`stance_nouns`, the object of an
        `own_denial_reporters` verb) is reported by that verb's subject, as after "said"."""
        noun = clause.head
        if clause.dep_ != "acl" or noun.dep_ != "dobj" or \
                noun.lemma_.lower() not in self.settings.get("stance_nouns", ()) or \
                noun.head.lemma_.lower() not in self._own_denial_reporters or \
                not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            return None
        return noun.head

    def _none_of_side(self, subj: Token) -> bool:
        """"*no Iranian official* had spied on the movement", "*no Russian unit* tapped
        their phones": a subject denied by "no" and named by a side's adjective negates
        the act for that whole side (the side must resolve; "no one" has none)."""
        return any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children) and any(
            c.dep_ in ("amod", "compound") for c in subj.children) and \
            bool(self._actors([subj], "agent", self._mention_map(subj)))

    def _disowned_person(self, head: Token) -> bool:
        """"the KGB said the man *had never worked for* the state security bodies", "…
        claimed he *was never a commander* of the group": a side reporting that a person
        (a spy, a defector) was never its member or in touch with it denies the link. The
        clause must be reported by a speaker who is a political actor, its subject a
        person (no actor of its own), and a body named as employer that speaker's side."""
        subjects = clause_subjects(head, self.settings) or [
            c for c in head.head.children
            if head.dep_ == "conj" and c.dep_ in ("nsubj", "nsubjpass")]
        subj = next(iter(subjects), None)
        if subj is None or not (subj.lower_ == "none" or
                                any(c.dep_ == "neg" for c in head.children)):
            return False
        if subj.lower_ in FIRST_PERSON | NEUTER or (
                subj.pos_ == "PRON" and subj.lower_ not in PERSONAL | PLURAL | {"none"}):
            return False
        mentions = self._mention_map(head)
        if subj.pos_ != "PRON" and subj.i in mentions:
            return False
        speaker = self._actors(attribution(head, self.settings), "agent", mentions)
        if not speaker:
            return False
        employers = self._actors([o for p in head.children if p.dep_ == "prep"
                                  for o in p.children if o.dep_ == "pobj"], "agent", mentions)
        return all(m.actor["id"] == speaker[0].actor["id"] for m in employers)

    def _no_defector(self, head: Token) -> bool:
        """"the minister said *not a single soldier* has deserted", "the army said *no
        one* had defected": a side reporting that none of its people left denies the
        defection (`refuted_defection_verbs`); the speaker must be a political actor and
        the article must tell of a defection from it (`_unanswered_disowning`)."""
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is None or not (subj.lower_ in ("none", "nobody") or any(
                c.dep_ in ("det", "neg") and c.lower_ in ("no", "not") for c in subj.children)):
            return False
        return bool(self._actors(attribution(head, self.settings), "agent",
                                 self._mention_map(head)))

    def _unanswered_disowning(self, d: Draft, drafts: list[Draft]) -> bool:
        """A side disowning a person ("officials said the man had never worked for
        American intelligence") denies something only where the article tells of the
        person's act as the side's (`disowned_acts`: spying for it, defecting from it);
        else it is a plain statement of fact."""
        if d.etype != "denial" or not (
                d.trigger.lemma_.lower() in self._refuted or (
                    d.trigger.lemma_.lower() in self._disowning and
                    self._disowned_person(d.trigger))):
            return False
        side = d.source.actor["id"]
        return not any(od.etype in self._disowned_acts and od.source.actor["id"] == side
                       for od in drafts)

    def _own_denial(self, head: Token) -> bool:
        """"Tehran said it *played no role* in the attacks", "Minsk insisted it was *not
        involved*": a side reporting that it had no part in something denies it. The
        clause must be reported by a speaker and be about the speaker's own side (a
        pronoun or "its forces" as subject), not a verdict on someone else ("Iran has no
        role in Syria's future, Riyadh said")."""
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or not (
                (subj.pos_ == "PRON" and subj.lower_ in self._pronouns | FIRST_PERSON) or
                any(c.dep_ == "poss" and c.lower_ in self._possessives | {"our"}
                    for c in subj.children) or self._speaker_side(subj, head)):
            return False
        cur = first_conjunct(head)
        return (cur.dep_ in ("ccomp", "parataxis") and
                cur.head.lemma_.lower() in self._own_denial_reporters) or \
            self._stance_verb(cur) is not None

    def _speaker_side(self, subj: Token, head: Token) -> bool:
        """"Iran's spokesman said *Tehran* was not involved": a named subject is the
        speaker's own side when the reporting speaker resolves to the same actor."""
        if subj.pos_ not in ("PROPN", "NOUN"):
            return False  # "*Afghan diplomats* have never been involved", the side's people
        mentions = self._mention_map(head)
        side = self._actors([subj], "agent", mentions)
        cur = first_conjunct(head)
        if not side or side[0].actor.get("person") or cur.dep_ not in ("ccomp", "parataxis"):
            return False
        speaker = self._actors(clause_subjects(cur.head, self.settings), "agent", mentions)
        return bool(speaker) and speaker[0].actor["id"] == side[0].actor["id"]

    @staticmethod
    def _neither_nor(head: Token) -> bool:
        """"has *neither confirmed nor denied* the report", "would not confirm or deny":
        a denial verb paired with "confirm" withholds an answer, it denies nothing."""
        pair = [head, *(c for c in head.children if c.dep_ == "conj")]
        if head.dep_ == "conj":
            pair.append(head.head)
        return any(t.lemma_.lower() == "confirm" for t in pair) and any(
            c.lower_ in ("neither", "nor") for t in pair for c in t.children)

    def _accuser_ids(self, args: Args, mentions: dict[int, Span]) -> frozenset[str]:
        """Who makes the accusation an act sits in: "the Israeli military blamed *the
        group* for the attack" never means the military attacked."""
        if not args.accusers or not args.accused:
            return frozenset()
        return frozenset(m.actor["id"] for m in self._actors(args.accusers, "agent", mentions))

    def _denial_roles(self, spec: dict[str, Any], args: Args, head: Token,
                      mentions: dict[int, Span]) -> tuple[list[Mention], list[Mention]]:
        """Denier and accuser. "Hamas denied Egypt's claims"; "Ankara described the
        accusation by Cairo as absurd"; "the charges were baseless, Beijing said"."""
        allegations = set(spec.get("requires_object", []))
        if head.lemma_.lower() in self._discord and head.pos_ == "NOUN":
            # "there is no rift *between Cairo* and the movement, a Hamas official said":
            # the speaker denies; the sides named with the rift are no roles
            return self._actors(args.attribution, "agent", mentions), []
        if head.lemma_.lower() in self._predicates or head.lower_ in self._predicates:
            gov = predicate_governor(head, allegations)
            if gov is None:
                return [], []
            near = [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "oprd")]
            near += [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")
                     and gov.i != head.i]
            if head.dep_ == "amod" and head.head.pos_ in ("NOUN", "PROPN"):
                near.append(head.head)
            claims = [c for c in near if c.lemma_.lower() in allegations or c.lower_ in
                      allegations]
            speakers = [c for c in near if c.dep_ == "nsubj" and c not in claims]
            sources = self._actors(speakers, "agent", mentions) or \
                self._actors(args.attribution, "agent", mentions) or \
                (self._coordinated_speakers(gov, mentions) if claims else []) or \
                (self._participle_speakers(gov, mentions) if claims else [])
        elif head.lemma_.lower() in self._own_denial_heads | self._disowning | self._refuted:
            # the speaker of "it had no links to …" is the side denying
            claims = []
            sources = self._actors(args.attribution, "agent", mentions) or \
                self._first_agents(args, mentions)
        elif head.lemma_.lower() in self._innocence:
            # "Russia has never spied on India": the side named, else the speaker
            claims = []
            named = [c for c in head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
            sources = self._actors(named, "agent", mentions) or \
                self._actors(args.attribution, "agent", mentions)
        else:
            claims = [p for p in args.patients if p.lemma_.lower() in allegations
                      or p.lower_ in allegations]
            if head.dep_ == "relcl" and (head.head.lemma_.lower() in allegations or
                                         head.head.lower_ in allegations):
                claims.append(head.head)
            if claims and any(c.dep_ == "nsubj" for c in head.children):
                # "dismissed the accusation *by Baku*": the phrase hangs on the active verb
                claims += [c for c in head.children if c.dep_ == "prep"
                           and c.lower_ in ("by", "from")]
            sources = self._first_agents(args, mentions)
            clause = head if is_verb(head) else governing_verb(head)
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")] \
                if clause is not None else []
            if (not sources and clause is not None and not subjects) or any(
                    c.lower_ in FIRST_PERSON for c in subjects):
                # "'There is no truth to these claims,' the embassy said", "'*We* had
                # nothing to do with it,' a Hamas spokesman said": the speaker denies
                sources = self._actors(args.attribution, "agent", mentions) or sources
        gov = head if is_verb(head) else governing_verb(head)
        if gov is not None:
            pred = denial_predicate(gov, self._predicates)
            claims += [pred] if pred is not None else []
            rejecting = [c for c in gov.subtree if c.dep_ in ("advcl", "conj")
                         and c.i != head.i and c.lemma_.lower() in self._negators]
            claims += [o for c in rejecting for o in c.children
                       if o.dep_ == "dobj" or (o.dep_ == "prep" and o.lower_ == "by")]
        heads = _claimants(claims)
        accusers = self._actors(heads, "agent", mentions)
        if not accusers and gov is not None:
            accusers = self._actors(self._prompting_speakers(gov), "agent", mentions,
                                    frozenset(m.actor["id"] for m in sources))
        if not accusers:
            around = [t for t in head.sent if t.lemma_.lower() in self._claim_nouns
                      and t.pos_ == "NOUN" and t not in claims and not _own_statement(t)]
            accusers = self._actors(_claimants(around), "agent", mentions,
                                    frozenset(m.actor["id"] for m in sources))
        if not sources and gov is not None:
            # "Tehran responded … spokesman Esmaeil Baghai rejected …": a speaker the
            # dictionary does not know speaks for the side the text was just about
            taken = frozenset(m.actor["id"] for m in accusers)
            for subj in (c for c in gov.children if c.dep_ == "nsubj"):
                words = [subj, *(c for c in subj.children if c.dep_ in ("compound", "appos"))]
                if any(w.lemma_.lower() in self._speakers or w.lower_ in self._speakers
                       for w in words):
                    answered = self._answered_accusation(subj, mentions)
                    if answered is not None:
                        sources = [answered[0]]
                        accusers = accusers or list(answered[1:])
                        break
                    ante = self._described_speaker(subj, mentions, taken) or \
                        self._antecedent(subj, mentions, taken)
                    sources = [ante] if ante is not None else []
        return self._relative_denial(head, sources, accusers, mentions)

    def _described_speaker(self, subj: Token, mentions: dict[int, Span],
                           exclude: frozenset[str]) -> Mention | None:
        """"Publicly, *the party* denies any rift", "*The movement* rejected the report": a
        bare definite description of a kind (`description_kinds`: party, movement, group)
        as the denier means the nearest earlier actor of that kind, however far back (an
        Iranian embassy named in between is no party)."""
        kind = self._described_kinds.get(subj.lemma_.lower())
        if kind is None or subj.i in mentions or subj.tag_ != "NN" or \
                [c.lower_ for c in subj.children] != ["the"]:
            return None
        ent = self._nearest_earlier(subj, mentions, exclude, lambda e: e._.actor.get(
            "kind") == kind and not self._under_proxy(e))
        return None if ent is None else Mention(ent._.actor, ent, False, "coreference")

    def _coordinated_speakers(self, gov: Token, mentions: dict[int, Span]) -> list[Mention]:
        """"Peskov said …, and *described* the claims as absurd inventions": a labelling
        verb with no subject of its own, coordinated with an earlier verb, has that verb's
        subject as the side speaking (used only where what is labelled is a claim)."""
        if gov.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in gov.children):
            return []
        return self._actors(clause_subjects(gov, self.settings), "agent", mentions)

    def _participle_speakers(self, gov: Token, mentions: dict[int, Span]) -> list[Mention]:
        """"the embassy said …, *calling* the accusations groundless": a labelling
        participle with no subject of its own speaks for the subject of the clause it
        hangs on (used only where what is labelled is a claim)."""
        if gov.dep_ != "advcl" or gov.tag_ != "VBG" or any(
                c.dep_ in ("nsubj", "nsubjpass") for c in gov.children):
            return []
        return self._actors(clause_subjects(gov, self.settings), "agent", mentions)

    def _answered_accusation(self, tok: Token,
                             mentions: dict[int, Span]) -> tuple[Mention, ...] | None:
        """"Kenya accused Somalia of arming militias … *A spokesman* rejected the
        allegations": a speaker the dictionary does not know, rejecting an accusation made
        in this or the previous sentence, speaks for the accused (then the accuser), not
        for the nearest subject."""
        sent = tok.sent
        lower = tok.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for i in range(tok.i - 1, lower - 1, -1):
            verb = tok.doc[i]
            if not is_verb(verb) or verb.lemma_.lower() not in self._accusing:
                continue
            passive = any(c.dep_ == "nsubjpass" for c in verb.children)
            accused = self._actors([c for c in verb.children if c.dep_ == (
                "nsubjpass" if passive else "dobj")], "agent", mentions)
            if not accused:
                continue
            makers = [p for c in verb.children if c.dep_ == "agent" for p in c.children
                      if p.dep_ == "pobj"] if passive else clause_subjects(verb, self.settings)
            accuser = self._actors(makers, "agent", mentions,
                                   frozenset({accused[0].actor["id"]}))
            return (Mention(accused[0].actor, accused[0].span, False, "coreference"),
                    *(Mention(m.actor, m.span, False, "accuser") for m in accuser[:1]))
        return None

    def _relative_parties(self, head: Token) -> tuple[Token, list[Token], list[Token]] | None:
        """The accusation a relative-clause denial answers, with its (accusers, accused)
        heads: "Poland accused Belarus of …, which Minsk denies", "…, a charge Moscow
        rejected"."""
        claims = self._claim_nouns | self._denied_nouns
        node = relative_allegation(head, claims, self._allegers, self._reporters)
        if node is None:
            return None
        parties = allegation_parties(node, claims, self._allegers,
                                     self._reporters | self._labelling, self.settings)
        return None if parties is None else (node, *parties)

    def _relative_denial(self, head: Token, sources: list[Mention], accusers: list[Mention],
                         mentions: dict[int, Span]) -> tuple[list[Mention], list[Mention]]:
        """Roles of a denial told in a relative clause after the accusation: the accuser
        is whoever made it, the denier a description or pronoun ("an accusation *the
        group* has always denied") is the accused, not the nearest earlier subject."""
        found = self._relative_parties(head)
        if found is None:
            return sources, accusers
        node, accuser_heads, accused_heads = found
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is not None and accused_heads and subj.i not in mentions and (
                (subj.pos_ == "PRON" and subj.lower_ in self._pronouns) or
                (subj.lemma_.lower() in self._descriptions and
                 any(c.lower_ == "the" for c in subj.children))):
            accused = self._actors(accused_heads, "agent", mentions)
            sources = accused[:1] or sources
        taken = frozenset(m.actor["id"] for m in sources)
        direct = [] if is_verb(node) else self._actors(_claimants([node]), "agent", mentions,
                                                        taken)
        named = direct or self._actors(accuser_heads, "agent", mentions, taken)
        if named or accuser_heads:
            return sources, named
        return sources, accusers

    def _prompting_speakers(self, verb: Token) -> list[Token]:
        """"denied it, hours *after Minsk said* that debris was found", "denied … the
        sabotage, *which Warsaw had blamed* on Moscow": the subject of a reporting or
        accusing clause subordinate to the denial is the accuser."""
        found = [s for c in verb.subtree if c.dep_ in ("advcl", "relcl") and
                 c.lemma_.lower() in self._reporters for s in c.children
                 if s.dep_ in ("nsubj", "nsubjpass") and s.pos_ != "PRON"]
        up = verb.head
        if not found and verb.dep_ == "ccomp" and up.i > verb.i and \
                up.lemma_.lower() in self._reporters and any(
                    c.dep_ == "mark" and c.lower_ in PROMPTING_MARKS for c in up.children):
            # "Ankara denied …, *after* a monitoring group said …", the "after" clause
            # misread as the main one
            found = [s for s in up.children if s.dep_ in ("nsubj", "nsubjpass")
                     and s.pos_ != "PRON"]
        return found

    def _link_denial(self, d: Draft, drafts: list[Draft], mentions: dict[int, Span]) -> None:
        """Target of a denial without a named accuser: the accuser of the nearest
        accusation against the denier in the article, else the author of the same claim
        noun named earlier ("a report by the UN … rejected the report"), else whoever the
        denied act was reported by, else its victim (who complains) unless a firm or
        researchers made the claim ("according to a report by a security firm"), else
        whoever acted against the denier (arrested its nationals, expelled its diplomats)."""
        if d.target is not None and d.target.how != "inferred":
            return
        if self._discord_denial(d.trigger):
            d.target = None
            return
        relative = self._relative_parties(d.trigger)
        if relative is not None and relative[1] and not all(
                h.lemma_.lower() in self._descriptions and h.pos_ == "NOUN" and
                any(c.lower_ == "the" for c in h.children) for h in relative[1]):
            # "…, a claim officials dismissed": its maker (a TV host) has no id; "the
            # group" refers back to a side the article named, found below
            return
        if self._unlisted_claimant(d, mentions):
            return
        denier = d.source.actor["id"]
        nearest = sorted((od for od in drafts if od is not d and od.etype != "denial"),
                         key=lambda od: (abs(od.sent_index - d.sent_index), -od.sent_index))
        for od in nearest:
            if od.etype == "accuse" and od.target and od.target.actor["id"] == denier and \
                    od.source.actor["id"] != denier:
                d.target = Mention(od.source.actor, od.source.span, False, "accuser")
                return
        claimant = self._earlier_claimant(d, mentions) or self._earlier_report(d, mentions)
        if claimant is not None:
            d.target = claimant
            return
        gov = d.trigger if is_verb(d.trigger) else governing_verb(d.trigger)
        speakers = self._prompting_speakers(gov) if gov is not None else []
        if speakers and not self._actors(speakers, "agent", mentions):
            return  # "denied …, after *a monitoring group* said …": an accuser with no id
        answered = gov is not None and self._definite_accusation(gov)
        if answered:
            found = self._accusing_clause(d, mentions)
            if found is not None:
                d.target = found
                return
        for od in nearest:
            if od.source.actor["id"] != denier or od.etype == "accuse":
                continue
            accuser = next((m for m in [*od.accusers, *od.attributed]
                            if m.actor["id"] != denier), None)
            victim = self.taxonomy["types"][od.etype].get("target_is_victim", self._hostile(od))
            # a denied defection answers the side the defector is said to have joined
            victim = victim or (od.etype == "defection" and od.etype in d.denies)
            if accuser is None and od.target is not None and victim and \
                    not od.nonpolitical_source and (
                        not od.unnamed_source or self._names_victim(d, od, mentions)) and (
                    od.etype in d.denies or (od.modality != "asserted" and
                                             od.etype in self._claimable_acts) or
                    (answered and od.etype in self._claimable_acts)):
                accuser = od.target
            if accuser is not None:
                d.target = Mention(accuser.actor, accuser.span, False, "accuser")
                return
        d.target = self._acting_against(d, nearest)
        if d.target is None:
            # the article's only accuser ("the Houthis accused the United States … of
            # using UN aid programmes …; a UN spokesperson rejected the allegations")
            accusers = {od.source.actor["id"]: od.source for od in nearest
                        if od.etype == "accuse" and od.source.actor["id"] != denier}
            if len(accusers) == 1:
                m = next(iter(accusers.values()))
                d.target = Mention(m.actor, m.span, False, "accuser")

    def _names_victim(self, d: Draft, od: Draft, mentions: dict[int, Span]) -> bool:
        """"…allegations that Iranian officers ran informants in Hamas … no Iranian
        official *had spied on the movement*": a side saying it never did the act to the
        very side the article's unattributed accusation (`answered_accusations`, not media
        reports) says it targeted answers that side."""
        if od.etype not in d.denies or od.target is None or d.trigger.lemma_.lower() \
                not in self._innocence or not any(
                    a.lemma_.lower() in self._answered_accusations
                    for a in od.trigger.ancestors):
            return False  # media "reports that …" make no accusation to answer
        objects = [o for p in d.trigger.children if p.dep_ == "prep"
                   for o in p.children if o.dep_ == "pobj"]
        objects += [c for c in d.trigger.children if c.dep_ == "dobj"]
        return any(m.actor["id"] == od.target.actor["id"]
                   for m in self._actors(objects, "victim", mentions))

    def _denied_defection(self, trigger: Token) -> set[str]:
        """"denied that any of its commanders *had surrendered*", "denied that they had
        *fled* for political reasons", "denied that any soldier *wished to defect*": a
        denial whose clause is a defection verb answers the article's defection, even
        where that verb alone makes no defection event (`denied_defection_verbs`); a side
        disowning the person answers the act the article tells of (`disowned_acts`), and
        a side saying it never spied (`innocence_verbs` that are espionage verbs) answers
        the article's espionage by it."""
        verbs = set(self.taxonomy["types"]["denial"].get("verbs", []))
        if trigger.lemma_.lower() in self._innocence and trigger.lemma_.lower() in \
                self.taxonomy["types"]["espionage"].get("verbs", ()):
            # "said no Iranian official *had spied on* the movement": the article's spying
            return {"espionage"}
        if trigger.lemma_.lower() in self._disowning and self._disowned_person(trigger) and \
                not any(a.lemma_.lower() in verbs for a in trigger.ancestors):
            # "said the man *was never a member* of …", not "rejected the claim, saying
            # the man had never been a commander" (the claim rejected is what it answers)
            return set(self._disowned_acts)
        clauses = [c for c in trigger.children if c.dep_ == "ccomp" and is_verb(c)]
        clauses += [x for c in clauses for x in c.children if x.dep_ == "xcomp"]
        return {"defection"} if any(c.lemma_.lower() in self._defection_denied
                                    for c in clauses) else set()

    def _discord_denial(self, trigger: Token) -> bool:
        """"denied any rift with Washington", "dismissed reports of divisions", "denied
        there was a crisis": a side denying discord in its own camp answers no accuser,
        so no other side of the article becomes the target (`discord_nouns`)."""
        verb = trigger if is_verb(trigger) else governing_verb(trigger)
        if verb is None:
            return False
        things = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        things += [a for c in verb.children if c.dep_ == "ccomp" and c.lemma_ == "be"
                   for a in c.children if a.dep_ in ("attr", "nsubj")]
        things += [o for t in list(things) for p in t.children
                   if p.dep_ == "prep" and p.lower_ in ("of", "about")
                   for o in p.children if o.dep_ == "pobj"]
        return trigger.lemma_.lower() in self._discord or \
            any(t.lemma_.lower() in self._discord for t in things)

    def _unnamed_attribution(self, heads: list[Token], attributed: list[Mention]) -> bool:
        """"…, *according to officials familiar with the case*", "*two sources* told the
        paper": the act is told by someone with no id who is no named institution either
        (an unresolved "the National Intelligence Service told lawmakers" still speaks
        for a state)."""
        return bool(heads) and not attributed and not any(
            h.lemma_.lower() in self._institutions or h.lower_ in self._institutions
            for h in heads)

    def _unlisted_claimant(self, d: Draft, mentions: dict[int, Span]) -> bool:
        """"dismissed *the defector's* account", "dismissed reports *in foreign media*":
        the denied claim names its maker, and that maker is no political actor (a
        person, the press, unnamed sources), so no other side of the article is the
        accuser. A maker read as the denier's own ("the *officer's* account" of a defector
        from the denying state) is no accuser either."""
        gov = d.trigger if is_verb(d.trigger) else governing_verb(d.trigger)
        if gov is None:
            return False
        nouns = [c for c in gov.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")
                 and c.lemma_.lower() in self._reported_claims | self._claim_nouns]
        makers = [c for n in nouns for c in n.children
                  if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")]
        makers += [x for n in nouns for p in n.children
                   if p.dep_ == "prep" and p.lower_ in ("by", "from", "in")
                   for x in p.children if x.dep_ == "pobj" and x.pos_ in ("NOUN", "PROPN")
                   and (p.lower_ != "in" or x.lemma_.lower() in self._media)]
        named = makers + [c for m in makers for c in m.children
                          if c.dep_ in ("compound", "amod", "poss", "nmod")]
        return bool(makers) and not self._actors(named, "agent", mentions,
                                                 frozenset({d.source.actor["id"]}))

    def _earlier_claimant(self, d: Draft, mentions: dict[int, Span]) -> Mention | None:
        """"according to a report by the UN monitoring team … Mujahid rejected the
        report": the denied claim noun, met earlier in the article with its author."""
        gov = d.trigger if is_verb(d.trigger) else governing_verb(d.trigger)
        if gov is None:
            return None
        lemmas = {c.lemma_.lower() for c in gov.children if c.dep_ in ("dobj", "nsubjpass")
                  and c.lemma_.lower() in self._claim_nouns}
        exclude = frozenset({d.source.actor["id"]})
        for tok in reversed(d.trigger.doc[:gov.sent.start]):
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in lemmas:
                found = self._actors(_claimants([tok]), "victim", mentions, exclude)
                if found:
                    return Mention(found[0].actor, found[0].span, False, "accuser")
        return None

    def _earlier_report(self, d: Draft, mentions: dict[int, Span]) -> Mention | None:
        """"The ministry announced … The Houthis dismissed *the announcement*": a denied
        claim noun with a definite article and no author of its own is the report of the
        nearest earlier sentence with a political author other than the denier: the
        subject of a claim-making verb ("said", "announced", "reported"), else the outlet
        it appeared on ("appeared *on Eritrean state television*")."""
        gov = d.trigger if is_verb(d.trigger) else governing_verb(d.trigger)
        if gov is None or gov.sent.start == 0:
            return None
        nouns = [c for c in [*gov.children, *_complement_claims(gov)]
                 if c.dep_ in ("dobj", "nsubjpass", "pobj")
                 and c.lemma_.lower() in self._reported_claims and any(
                     g.dep_ == "det" and g.lower_ in DEFINITE for g in c.children)]
        if not nouns or _claimants(nouns):
            return None
        exclude = frozenset({d.source.actor["id"]})
        doc = d.trigger.doc
        sent = doc[gov.sent.start - 1].sent
        for _ in range(4):
            if _denying(sent) and sent.start > 0:
                sent = doc[sent.start - 1].sent  # another side's denial makes no claim
                continue
            heads = [s for t in sent if is_verb(t) and t.lemma_.lower() in self._claim_verbs
                     for s in clause_subjects(t, self.settings) if s.pos_ in ("NOUN", "PROPN")]
            outlets = [t for t in sent if t.lemma_.lower() in self._media
                       and t.dep_ in ("pobj", "nsubj")]
            found = [m for m in self._actors(heads + outlets, "victim", mentions, exclude)
                     if m.how != "coreference"] or [
                m for h in heads for m in self._body_of_named(h, mentions, exclude)]
            if found:
                return Mention(found[0].actor, found[0].span, False, "accuser")
            if sent.start == 0 or any(
                    (h.i in mentions and not self._actors([h], "victim", mentions)) or
                    h.lemma_.lower() in self._nonpolitical for h in heads):
                return None  # the report's author has no id ("a rights group said")
            sent = doc[sent.start - 1].sent
        return None

    def _definite_accusation(self, gov: Token) -> bool:
        """"rejected *the accusation*", "there is no truth in *these claims*", "*the
        charges* were fabricated": a denial of a definite accusation that names no maker
        answers an accusation the article told of earlier or later
        (`answered_accusations`; media "reports" are no such accusation)."""
        nouns = [c for c in [*gov.children, *_complement_claims(gov)]
                 if c.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr")]
        nouns += [c for x in gov.children if x.dep_ == "ccomp"
                  for c in x.children if c.dep_ in ("nsubj", "nsubjpass")]
        return any(n.lemma_.lower() in self._answered_accusations and any(
            g.dep_ == "det" and g.lower_ in DEFINITE for g in n.children)
            and not _claimants([n]) for n in nouns)

    def _accusing_clause(self, d: Draft, mentions: dict[int, Span]) -> Mention | None:
        """"There is no truth in these claims," Kigali said. … a statement by Kinshasa
        *accusing Rwanda* of …": the accuser of the accusing verb nearest the denial
        (before or after it) whose accused is the denier: the verb's subject, else the
        maker of the statement it qualifies. Used only where no drafted event answers."""
        denier = d.source.actor["id"]
        exclude = frozenset({denier})
        doc = d.trigger.doc
        verbs = sorted((t for t in doc if t.lemma_.lower() in self._accusing and is_verb(t)
                        and t.sent.start != d.trigger.sent.start),
                       key=lambda t: (abs(t.i - d.trigger.i), -t.i))
        for verb in verbs:
            passive = any(c.dep_ == "nsubjpass" for c in verb.children)
            accused = self._actors([c for c in verb.children if c.dep_ == (
                "nsubjpass" if passive else "dobj")], "agent", mentions)
            if not accused or accused[0].actor["id"] != denier:
                continue
            if passive:
                makers = [p for c in verb.children if c.dep_ == "agent"
                          for p in c.children if p.dep_ == "pobj"]
            elif verb.dep_ in ("acl", "advcl"):
                # "a statement by Kinshasa (on Monday) accusing …": the statement's maker
                nouns = [verb.head] if verb.head.pos_ == "NOUN" else [
                    c for c in verb.head.children if c.dep_ == "dobj"
                    and c.lemma_.lower() in self._claim_nouns]
                makers = _claimants(nouns) or clause_subjects(verb, self.settings)
            else:
                makers = clause_subjects(verb, self.settings)
            found = self._actors(makers, "agent", mentions, exclude)
            if found:
                return Mention(found[0].actor, found[0].span, False, "accuser")
        return None
